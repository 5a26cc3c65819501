import { beforeAll, describe, expect, it } from 'vitest';
import {
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
  signCredential,
  verifyPassport,
  type Passport,
} from '../../src/index.js';
import { accreditIssuer, type AccreditationCredential } from '../../src/trust.js';

let passport: Passport;
let accreditation: AccreditationCredential;
let rootDid: string;

beforeAll(async () => {
  const root = await generateKeyPair();
  const body = await generateKeyPair();
  rootDid = root.did;
  accreditation = await accreditIssuer(root, {
    did: body.did,
    organisation: 'org:cg',
    role: 'awarding-body',
    kinds: ['qualification'],
    validFrom: '2026-01-01T00:00:00Z',
  });
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
    const { passport: stapled, rejected } = await addTrustMaterial(passport, { accreditations: [accreditation] });
    expect(rejected).toEqual([]);
    const reread = parsePassport(serializePassport(stapled));
    const report = await verifyPassport(reread, { policy });
    expect(report.verified).toBe(true);
    expect(report.entries[0]!.result.trust?.root).toBe(rootDid);
  });

  it('is a union by content: idempotent, order-independent, kept by merges', async () => {
    const once = (await addTrustMaterial(passport, { accreditations: [accreditation] })).passport;
    const twice = (await addTrustMaterial(once, { accreditations: [accreditation] })).passport;
    expect(serializePassport(twice)).toBe(serializePassport(once));
    expect(twice.accreditations).toHaveLength(1);
    const merged = (await mergePassports(passport, once)).passport;
    expect(serializePassport(merged)).toBe(serializePassport((await mergePassports(once, passport)).passport));
    expect(merged.accreditations).toHaveLength(1);
  });

  it('leaves out what is not a signed JSON credential, or whose signature does not verify by its issuer, and says why', async () => {
    const forged = {
      ...JSON.parse(JSON.stringify(accreditation)),
      credentialSubject: { ...accreditation.credentialSubject, kinds: ['qualification', 'licence-card'] },
    };
    // Signed by another key while still naming the root as issuer.
    const { proof: _proof, ...unsigned } = JSON.parse(JSON.stringify(accreditation));
    const otherIssuer = await signCredential(unsigned, await generateKeyPair());
    const { passport: out, rejected } = await addTrustMaterial(passport, {
      accreditations: [42, { type: 'x' }, forged, otherIssuer, accreditation],
      statusLists: [null, { prisonNumber: 'A1234BC' }],
    });
    expect(out.accreditations).toEqual([accreditation]);
    expect(out.statusLists).toEqual([]);
    expect(rejected.map((r) => [r.section, r.index, r.code])).toEqual([
      ['accreditations', 0, 'ERR_SCHEMA_INVALID'],
      ['accreditations', 1, 'ERR_PROOF_MISSING'],
      ['accreditations', 2, 'ERR_PROOF_SIGNATURE_INVALID'],
      ['accreditations', 3, 'ERR_ISSUER_KEY_MISMATCH'],
      ['statusLists', 0, 'ERR_SCHEMA_INVALID'],
      ['statusLists', 1, 'ERR_PROOF_MISSING'],
    ]);
    await expect(addTrustMaterial(passport, { accreditations: 'nope' as never })).rejects.toThrow(TypeError);
    // The same junk in a copy is dropped and reported by a merge, and makes verifyPassport fail.
    const copy = { ...JSON.parse(serializePassport(passport)), accreditations: [forged, { note: 'junk' }] };
    const merged = await mergePassports(passport, copy);
    expect(merged.passport.accreditations).toEqual([]);
    expect(merged.problems.map((p) => [p.section, p.code])).toEqual([
      ['accreditations', 'ERR_SCHEMA_INVALID'],
      ['accreditations', 'ERR_PROOF_SIGNATURE_INVALID'],
    ]);
    expect((await verifyPassport(copy)).verified).toBe(false);
  });
});
