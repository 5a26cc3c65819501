import { beforeAll, describe, expect, it } from 'vitest';
import {
  accreditIssuer,
  addEntries,
  addTrustMaterial,
  createIssuerProfile,
  createPassport,
  createTrustPolicy,
  generateKeyPair,
  issueEntry,
  mergePassports,
  parsePassport,
  serializePassport,
  verifyPassport,
  type AccreditationCredential,
  type Passport,
} from '../../src/index.js';

let passport: Passport;
let accreditation: AccreditationCredential;
let rootDid: string;

beforeAll(async () => {
  const root = await generateKeyPair();
  const body = await generateKeyPair();
  rootDid = root.did;
  accreditation = await accreditIssuer(root, { did: body.did, organisation: 'org:cg', role: 'awarding-body', kinds: ['qualification'], validFrom: '2026-01-01T00:00:00Z' });
  const entry = await issueEntry(
    'qualification',
    { title: 'Functional Skills Maths', awardingBody: { name: 'City & Guilds' }, level: 'L1', awardedOn: '2026-03' },
    { issuer: createIssuerProfile({ key: body, name: 'City & Guilds', role: 'awarding-body' }), key: body },
  );
  passport = (await addEntries(createPassport({ holder: 'urn:uuid:00000000-0000-4000-8000-000000000001' }), [entry])).passport;
});

describe('addTrustMaterial', () => {
  it('staples accreditations so verification needs only the root key', async () => {
    const policy = createTrustPolicy({ roots: [rootDid] });
    expect((await verifyPassport(passport, { policy })).verified).toBe(false);
    const { passport: stapled, rejected } = addTrustMaterial(passport, { accreditations: [accreditation] });
    expect(rejected).toEqual([]);
    const reread = parsePassport(serializePassport(stapled));
    const report = await verifyPassport(reread, { policy });
    expect(report.verified).toBe(true);
    expect(report.entries[0]!.result.trust?.root).toBe(rootDid);
  });

  it('is a union by content: idempotent, order-independent, kept by merges', async () => {
    const once = addTrustMaterial(passport, { accreditations: [accreditation] }).passport;
    const twice = addTrustMaterial(once, { accreditations: [accreditation] }).passport;
    expect(serializePassport(twice)).toBe(serializePassport(once));
    expect(twice.accreditations).toHaveLength(1);
    const merged = (await mergePassports(passport, once)).passport;
    expect(serializePassport(merged)).toBe(serializePassport((await mergePassports(once, passport)).passport));
    expect(merged.accreditations).toHaveLength(1);
  });

  it('leaves out what is not a signed JSON credential, and says why', () => {
    const { passport: out, rejected } = addTrustMaterial(passport, { accreditations: [42, { type: 'x' }], statusLists: [null] });
    expect(out.accreditations).toHaveLength(0);
    expect(rejected.map((r) => [r.section, r.index, r.code])).toEqual([
      ['accreditations', 0, 'ERR_SCHEMA_INVALID'],
      ['accreditations', 1, 'ERR_PROOF_MISSING'],
      ['statusLists', 0, 'ERR_SCHEMA_INVALID'],
    ]);
    expect(() => addTrustMaterial(passport, { accreditations: 'nope' as never })).toThrow(TypeError);
  });
});
