// verifyCredential({ policy, accreditations }): trust checks are part of the one verification
// result. The first test is skipped until verifyCredential honours `policy` (integration patch in
// the trust area's report); from then on it must pass.
import { beforeAll, describe, expect, it } from 'vitest';
import type { SigningKeyPair } from '../../src/keys/types.js';
import { issueEntry } from '../../src/entries/index.js';
import { createIssuerProfile } from '../../src/keys/profile.js';
import { verifyCredential } from '../../src/proof/verify-credential.js';
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
let integrated = false;

beforeAll(async () => {
  k = await keys('root', 'awarding', 'charity');
  policy = createTrustPolicy({ roots: [{ did: k.root.did, name: 'National Learning Authority' }], now: NOW });
  accreditations = [
    await accreditIssuer(k.root, { did: k.awarding.did, organisation: 'org:cg', role: 'awarding-body', kinds: ['qualification'], displayName: 'City & Guilds', validFrom: '2026-01-01T00:00:00Z' }),
    await accreditIssuer(k.root, { did: k.charity.did, organisation: 'org:sc', role: 'charity', kinds: ['mentoring'], validFrom: '2026-01-01T00:00:00Z' }),
  ];
  const probe = await verifyCredential(await qualification(k.awarding, 'City & Guilds'), { now: NOW, policy } as never);
  integrated = probe.checks.some((c) => c.check === 'issuer-trust');
});

describe('verifyCredential with a trust policy', () => {
  it('adds issuer-trust and status, names the issuer as accredited, and never verifies an unaccredited issuer', async (ctx) => {
    if (!integrated) ctx.skip();
    const entry = await qualification(k.awarding, 'City & Guilds');
    const ok = await verifyCredential(entry, { now: NOW, policy, accreditations } as never);
    expect(ok.verified).toBe(true);
    expect(ok.checks.map((c) => c.check)).toEqual(expect.arrayContaining(['signature', 'issuer-trust', 'status']));
    expect(ok.summary).toBe('Valid — issued by City & Guilds, an accredited awarding body; the signature, dates and status check out.');
    expect((ok as { trust?: { root?: string } }).trust?.root).toBe(k.root.did);

    const noAccreditations = await verifyCredential(entry, { now: NOW, policy } as never);
    expect(noAccreditations.verified).toBe(false);
    expect(noAccreditations.errors[0]!.code).toBe('ERR_ISSUER_UNTRUSTED');

    const charityQualification = await qualification(k.charity, 'Second Chance Trust');
    const refused = await verifyCredential(charityQualification, { now: NOW, policy, accreditations } as never);
    expect(refused.verified).toBe(false);
    expect(refused.errors.map((e) => e.code)).toContain('ERR_KIND_NOT_ALLOWED');

    const context = await createTrustContext({ policy, accreditations });
    expect((await verifyCredential(entry, { now: NOW, context } as never)).verified).toBe(true);
    await expect(verifyCredential(entry, { now: NOW, policy: {} } as never)).rejects.toThrow(TypeError);
  });

  it('without a policy, behaves exactly as before (no trust checks)', async () => {
    const entry = await qualification(k.charity, 'Second Chance Trust');
    const r = await verifyCredential(entry, { now: NOW });
    expect(r.checks.some((c) => c.check === 'issuer-trust')).toBe(false);
  });
});
