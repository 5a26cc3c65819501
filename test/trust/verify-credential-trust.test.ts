// verifyCredential({ policy, accreditations }) and verifyPassport({ policy }): trust checks are
// part of the one verification result.
import { beforeAll, describe, expect, it } from 'vitest';
import type { SigningKeyPair } from '../../src/keys/types.js';
import { issueEntry } from '../../src/entries/index.js';
import { createIssuerProfile } from '../../src/keys/profile.js';
import { verifyCredential } from '../../src/verify/verify-credential.js';
import { accreditIssuer, createTrustContext, createTrustPolicy, type AccreditationCredential, type TrustPolicy } from '../../src/trust/index.js';
import { keys, NOW } from './helpers.js';

const qualification = (key: SigningKeyPair, name: string) =>
  issueEntry(
    'qualification',
    { title: 'Functional Skills Mathematics', awardingBody: { name }, level: 'L1', awardedOn: '2026-03' },
    { issuer: createIssuerProfile({ key, name, role: 'awarding-body' }), key, validFrom: '2026-03-03T10:00:00Z', created: '2026-03-03T10:00:00Z' },
  );

let k: Record<'root' | 'awarding' | 'charity', SigningKeyPair>;
let policy: TrustPolicy;
let accreditations: AccreditationCredential[];

beforeAll(async () => {
  k = await keys('root', 'awarding', 'charity');
  policy = createTrustPolicy({ roots: [{ did: k.root.did, name: 'National Learning Authority' }], now: NOW });
  accreditations = [
    await accreditIssuer(k.root, {
      did: k.awarding.did,
      organisation: 'org:cg',
      role: 'awarding-body',
      kinds: ['qualification'],
      displayName: 'City & Guilds',
      validFrom: '2026-01-01T00:00:00Z',
    }),
    await accreditIssuer(k.root, { did: k.charity.did, organisation: 'org:sc', role: 'charity', kinds: ['mentoring'], validFrom: '2026-01-01T00:00:00Z' }),
  ];
});

describe('verifyCredential with a trust policy', () => {
  it('adds issuer-trust and status, names the issuer as accredited, and never verifies an unaccredited issuer', async () => {
    const entry = await qualification(k.awarding, 'City & Guilds');
    const ok = await verifyCredential(entry, { now: NOW, policy, accreditations } as never);
    expect(ok.verified).toBe(true);
    expect(ok.checks.map((c) => c.check)).toEqual(expect.arrayContaining(['signature', 'issuer-trust', 'status']));
    expect(ok.summary).toBe('Valid — issued by City & Guilds, accredited by National Learning Authority; the signature, dates and status check out.');
    expect(ok.verdict).toBe('valid');
    expect((ok as { trust?: { root?: string } }).trust?.root).toBe(k.root.did);

    const noAccreditations = await verifyCredential(entry, { now: NOW, policy } as never);
    expect(noAccreditations.verified).toBe(false);
    expect(noAccreditations.errors[0]!.code).toBe('ERR_ISSUER_UNTRUSTED');
    // Missing accreditations are something missing, not something wrong.
    expect(noAccreditations.verdict).toBe('cant-check');

    const charityQualification = await qualification(k.charity, 'Second Chance Trust');
    const refused = await verifyCredential(charityQualification, { now: NOW, policy, accreditations } as never);
    expect(refused.verified).toBe(false);
    expect(refused.errors.map((e) => e.code)).toContain('ERR_KIND_NOT_ALLOWED');
    expect(refused.verdict).toBe('not-valid');

    const context = await createTrustContext({ policy, accreditations });
    expect((await verifyCredential(entry, { now: NOW, context } as never)).verified).toBe(true);
    await expect(verifyCredential(entry, { now: NOW, policy: {} } as never)).rejects.toThrow(TypeError);
  });

  it('without a policy, says who issued it was not checked: verified stays true, the verdict is can’t check', async () => {
    const entry = await qualification(k.charity, 'Second Chance Trust');
    const r = await verifyCredential(entry, { now: NOW });
    expect(r.checks.filter((c) => c.check === 'issuer-trust')).toEqual([
      { check: 'issuer-trust', status: 'skipped', message: expect.stringMatching(/not checked against any trust list/) },
    ]);
    expect(r.checks.some((c) => c.check === 'status')).toBe(false);
    expect(r.verified).toBe(true);
    expect(r.errors).toEqual([]);
    expect(r.verdict).toBe('cant-check');
    expect(r.summary).toContain('The signature is intact; who issued it was not checked.');
    expect(r.headline).toMatch(/^\? Can’t check \(issuer not checked\): /);
  });
});

describe('verifyPassport with a trust policy', () => {
  it('uses the accreditations carried in the passport and reports untrusted entries', async () => {
    const { addEntries, createPassport, parsePassport, serializePassport, verifyPassport } = await import('../../src/passport/index.js');
    const good = await qualification(k.awarding, 'City & Guilds');
    const bad = await qualification(k.charity, 'Second Chance Trust');
    const base = (await addEntries(createPassport({ holder: 'urn:uuid:6a1f0c3e-1d2b-4c5d-8e9f-0a1b2c3d4e5f' }), [good, bad])).passport;
    const doc = JSON.parse(serializePassport(base));
    doc.accreditations = accreditations;
    const passport = parsePassport(JSON.stringify(doc));
    const report = await verifyPassport(passport, { now: NOW, policy });
    const byIssuer = new Map(report.entries.map((e) => [e.result.issuer, e.result]));
    expect(byIssuer.get(k.awarding.did)!.verified).toBe(true);
    expect(byIssuer.get(k.charity.did)!.errors.map((e) => e.code)).toContain('ERR_KIND_NOT_ALLOWED');
    expect(report.verified).toBe(false);
    // Without a policy nothing about trust is claimed, and both entries are intact.
    expect((await verifyPassport(passport, { now: NOW })).verified).toBe(true);
  });
});
