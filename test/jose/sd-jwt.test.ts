import { describe, expect, it } from 'vitest';
import { accreditIssuer } from '../../src/trust/accredit-issuer.js';
import { createTrustPolicy } from '../../src/trust/create-trust-policy.js';
import { createIssuerProfile } from '../../src/keys/profile.js';
import { generateKeyPair } from '../../src/keys/key-pair.js';
import { fromBase64url } from '../../src/internal/bytes.js';
import { issueSdJwtEntry, presentSdJwt, verifySdJwt, VCT_PREFIX } from '../../src/jose/sd-jwt.js';

const issuedAt = new Date('2026-03-03T10:00:00Z');
const now = new Date('2026-06-01T12:00:00Z');
const aud = 'jobs.example.co.uk';
const fields = {
  title: 'Functional Skills Maths',
  awardingBody: { name: 'City & Guilds' },
  level: 'L1' as const,
  grade: 'Pass',
  awardedOn: '2026-03-03',
};

async function setup(coarsen?: 'day' | 'month' | 'year') {
  const key = await generateKeyPair();
  const issuer = createIssuerProfile({ key, name: 'City & Guilds', role: 'awarding-body' });
  const holderKey = await generateKeyPair();
  const sdjwt = await issueSdJwtEntry('qualification', fields, {
    issuer, key, holderKey, disclosable: ['awardedOn', 'grade', 'awardingBody'], issuedAt, ...(coarsen ? { coarsen } : {}),
  });
  return { key, issuer, holderKey, sdjwt };
}

const decodeJson = (part: string) => JSON.parse(new TextDecoder().decode(fromBase64url(part)));

describe('SD-JWT VC', () => {
  it('issues with vct, cnf, kid, and date claims at three precisions, all hidden until disclosed', async () => {
    const { sdjwt, key, holderKey } = await setup();
    const [jwt, ...disclosures] = sdjwt.split('~');
    const [h, p] = jwt!.split('.');
    expect(decodeJson(h!)).toMatchObject({ alg: 'EdDSA', typ: 'dc+sd-jwt', kid: key.verificationMethod });
    const payload = decodeJson(p!);
    expect(payload).toMatchObject({ iss: key.did, vct: `${VCT_PREFIX}qualification`, kind: 'qualification', title: 'Functional Skills Maths', level: 'L1', issuer_name: 'City & Guilds' });
    expect(payload.cnf.jwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
    expect(payload).not.toHaveProperty('awardedOn');
    expect(payload).not.toHaveProperty('grade');
    const names = disclosures.filter(Boolean).map((d) => decodeJson(d)[1]);
    expect(names.sort()).toEqual(['awardedOn', 'awardedOn_month', 'awardedOn_year', 'awardingBody', 'grade']);
    expect(holderKey.did).toMatch(/^did:key:/);
  });

  it('the holder discloses only the year; the verifier sees the year and nothing finer', async () => {
    const { sdjwt, holderKey } = await setup();
    const shown = await presentSdJwt(sdjwt, { disclose: ['awardedOn_year'], holderKey, nonce: 'n-1', aud, issuedAt: now });
    expect(shown).not.toContain(Buffer.from('"2026-03-03"').toString('base64url').slice(0, 8));
    const result = await verifySdJwt(shown, { nonce: 'n-1', aud, now });
    expect(result.verified).toBe(true);
    expect(result.claims).toMatchObject({ awardedOn_year: '2026', title: 'Functional Skills Maths' });
    expect(result.claims).not.toHaveProperty('awardedOn');
    expect(result.claims).not.toHaveProperty('awardedOn_month');
    expect(result.claims).not.toHaveProperty('grade');
    expect(result.claims).not.toHaveProperty('awardingBody');
    expect(result.summary).toMatch(/^Valid — issued by City & Guilds/);
  });

  it('coarsen: month never issues the day; year only the year', async () => {
    const month = await setup('month');
    const names = (s: string) => s.split('~').slice(1).filter(Boolean).map((d) => decodeJson(d)[1]).sort();
    expect(names(month.sdjwt)).toEqual(['awardedOn_month', 'awardedOn_year', 'awardingBody', 'grade']);
    const year = await setup('year');
    expect(names(year.sdjwt)).toEqual(['awardedOn_year', 'awardingBody', 'grade']);
    await expect(presentSdJwt(month.sdjwt, { disclose: ['awardedOn'], holderKey: month.holderKey, nonce: 'n', aud })).rejects.toThrow(TypeError);
  });

  it('rejects a wrong nonce, a wrong audience, a stale key binding, and another holder', async () => {
    const { sdjwt, holderKey } = await setup();
    const shown = await presentSdJwt(sdjwt, { disclose: ['grade'], holderKey, nonce: 'n-1', aud, issuedAt: now });
    expect((await verifySdJwt(shown, { nonce: 'n-2', aud, now })).errors.map((e) => e.code)).toEqual(['ERR_PRESENTATION_CHALLENGE_MISMATCH']);
    expect((await verifySdJwt(shown, { nonce: 'n-1', aud: 'other.example', now })).errors.map((e) => e.code)).toEqual(['ERR_PRESENTATION_DOMAIN_MISMATCH']);
    const later = new Date(now.getTime() + 3600_000);
    expect((await verifySdJwt(shown, { nonce: 'n-1', aud, now: later })).errors.map((e) => e.code)).toEqual(['ERR_HOLDER_BINDING']);
    await expect(presentSdJwt(sdjwt, { disclose: ['grade'], holderKey: await generateKeyPair(), nonce: 'n', aud })).rejects.toThrow(TypeError);
    // Without a key-binding JWT.
    const bare = shown.slice(0, shown.lastIndexOf('~') + 1);
    expect((await verifySdJwt(bare, { nonce: 'n-1', aud, now })).verified).toBe(false);
    await expect(verifySdJwt(shown, { aud } as never)).rejects.toThrow(TypeError);
  });

  it('detects a forged disclosure and a tampered payload', async () => {
    const { sdjwt, holderKey } = await setup();
    const shown = await presentSdJwt(sdjwt, { disclose: ['grade'], holderKey, nonce: 'n', aud, issuedAt: now });
    const parts = shown.split('~');
    const forged = Buffer.from(JSON.stringify(['c2FsdA', 'grade', 'Distinction'])).toString('base64url');
    const withForged = [parts[0], forged, ...parts.slice(2)].join('~');
    expect((await verifySdJwt(withForged, { nonce: 'n', aud, now })).verified).toBe(false);
    const [h, p, s] = parts[0]!.split('.');
    const payload = { ...decodeJson(p!), level: 'L3' };
    const tampered = [`${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`, ...parts.slice(1)].join('~');
    expect((await verifySdJwt(tampered, { nonce: 'n', aud, now })).verified).toBe(false);
  });

  it('checks trust: accredited for the kind passes; not accredited fails', async () => {
    const { sdjwt, holderKey, key } = await setup();
    const root = await generateKeyPair();
    const policy = createTrustPolicy({ roots: [{ did: root.did, name: 'National Learning Authority' }] });
    const accreditations = [
      await accreditIssuer(root, { did: key.did, organisation: 'org:cg', role: 'awarding-body', kinds: ['qualification'], displayName: 'City & Guilds', validFrom: '2026-01-01T00:00:00Z' }),
    ];
    const shown = await presentSdJwt(sdjwt, { disclose: ['awardedOn_month'], holderKey, nonce: 'n', aud, issuedAt: now });
    const trusted = await verifySdJwt(shown, { nonce: 'n', aud, now, policy, accreditations });
    expect(trusted.checks.find((c) => c.check === 'issuer-trust')?.status).toBe('pass');
    expect(trusted.verified).toBe(true);
    const untrusted = await verifySdJwt(shown, { nonce: 'n', aud, now, policy });
    expect(untrusted.verified).toBe(false);
    expect(untrusted.errors.map((e) => e.code)).toContain('ERR_ISSUER_UNTRUSTED');
  });

  it('refuses bad fields and prohibited data at issue time, and never throws on bad input when verifying', async () => {
    const key = await generateKeyPair();
    const issuer = createIssuerProfile({ key, name: 'City & Guilds', role: 'awarding-body' });
    const holderKey = await generateKeyPair();
    await expect(issueSdJwtEntry('qualification', { ...fields, level: 'L9' as never }, { issuer, key, holderKey, disclosable: [] })).rejects.toThrow(TypeError);
    await expect(issueSdJwtEntry('qualification', fields, { issuer, key, holderKey, disclosable: ['nope'] })).rejects.toThrow(TypeError);
    await expect(issueSdJwtEntry('qualification', { ...fields, grade: 'Pass (prisoner A1234BC)' }, { issuer, key, holderKey, disclosable: [] })).rejects.toMatchObject({ code: 'ERR_PROHIBITED_DATA' });
    for (const bad of [null, 3, '', 'a~b', 'x.y.z~', '~~~', {}]) {
      const r = await verifySdJwt(bad, { nonce: 'n', aud });
      expect(r.verified).toBe(false);
    }
  });
});
