import fc from 'fast-check';
import { CompactSign } from 'jose';
import { describe, expect, it } from 'vitest';
import { accreditIssuer } from '../../src/trust/accredit-issuer.js';
import { createTrustPolicy } from '../../src/trust/create-trust-policy.js';
import { createIssuerProfile } from '../../src/keys/profile.js';
import { generateKeyPair } from '../../src/keys/key-pair.js';
import { fromBase64url, toBase64url, utf8 } from '../../src/internal/bytes.js';
import { joseSigningKey } from '../../src/jwt/jose-keys.js';
import { checkDisclosures, sdDigest } from '../../src/jwt/sd-jwt-disclosures.js';
import type { SigningKeyPair } from '../../src/keys/types.js';
import { issueSdJwtEntry, presentSdJwt, verifySdJwt, VCT_PREFIX } from '../../src/jwt/index.js';

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
    issuer,
    key,
    holderKey,
    disclosable: ['awardedOn', 'grade', 'awardingBody'],
    issuedAt,
    ...(coarsen ? { coarsen } : {}),
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
    expect(payload).toMatchObject({
      iss: key.did,
      vct: `${VCT_PREFIX}qualification`,
      kind: 'qualification',
      title: 'Functional Skills Maths',
      level: 'L1',
      issuer_name: 'City & Guilds',
    });
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
    // No trust policy: intact, but who issued it was not checked.
    expect(result.verdict).toBe('cant-check');
    expect(result.summary).toBe('Can’t check — The signature is intact; who issued it was not checked. Load the authority’s trust list.');
    expect(result.headline).toMatch(/^\? Can’t check \(issuer not checked\): Functional Skills Maths/);
  });

  it('coarsen: month never issues the day; year only the year', async () => {
    const month = await setup('month');
    const names = (s: string) =>
      s
        .split('~')
        .slice(1)
        .filter(Boolean)
        .map((d) => decodeJson(d)[1])
        .sort();
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
      await accreditIssuer(root, {
        did: key.did,
        organisation: 'org:cg',
        role: 'awarding-body',
        kinds: ['qualification'],
        displayName: 'City & Guilds',
        validFrom: '2026-01-01T00:00:00Z',
      }),
    ];
    const shown = await presentSdJwt(sdjwt, { disclose: ['awardedOn_month'], holderKey, nonce: 'n', aud, issuedAt: now });
    const trusted = await verifySdJwt(shown, { nonce: 'n', aud, now, policy, accreditations });
    expect(trusted.checks.find((c) => c.check === 'issuer-trust')?.status).toBe('pass');
    expect(trusted.verified).toBe(true);
    const untrusted = await verifySdJwt(shown, { nonce: 'n', aud, now, policy });
    expect(untrusted.verified).toBe(false);
    expect(untrusted.errors.map((e) => e.code)).toContain('ERR_ISSUER_UNTRUSTED');
  });

  it('status options have no effect: an SD-JWT entry carries no status (r14 F6)', async () => {
    const { sdjwt, holderKey, key } = await setup();
    const root = await generateKeyPair();
    const policy = createTrustPolicy({ roots: [{ did: root.did, name: 'National Learning Authority' }] });
    const accreditations = [
      await accreditIssuer(root, { did: key.did, organisation: 'org:cg', role: 'awarding-body', kinds: ['qualification'], validFrom: '2026-01-01T00:00:00Z' }),
    ];
    const shown = await presentSdJwt(sdjwt, { disclose: ['grade'], holderKey, nonce: 'n', aud, issuedAt: now });
    const plain = await verifySdJwt(shown, { nonce: 'n', aud, now, policy, accreditations });
    const fetched: string[] = [];
    const withStatus = await verifySdJwt(shown, {
      nonce: 'n',
      aud,
      now,
      policy,
      accreditations,
      statusLists: [{ id: 'https://status.example.org/1', type: ['VerifiableCredential', 'BitstringStatusListCredential'] }],
      fetchStatusList: async (url) => {
        fetched.push(url);
        return {};
      },
      maxStatusAge: 0,
    });
    expect(fetched).toEqual([]);
    expect(withStatus.checks).toEqual(plain.checks);
    expect(withStatus.verified).toBe(true);
    expect(withStatus.checks.find((c) => c.check === 'status')).toMatchObject({ status: 'pass', message: expect.stringMatching(/no status list/) });
  });

  it('refuses bad fields and prohibited data at issue time, and never throws on bad input when verifying', async () => {
    const key = await generateKeyPair();
    const issuer = createIssuerProfile({ key, name: 'City & Guilds', role: 'awarding-body' });
    const holderKey = await generateKeyPair();
    await expect(issueSdJwtEntry('qualification', { ...fields, level: 'L9' as never }, { issuer, key, holderKey, disclosable: [] })).rejects.toThrow(TypeError);
    await expect(issueSdJwtEntry('qualification', fields, { issuer, key, holderKey, disclosable: ['nope'] })).rejects.toThrow(TypeError);
    await expect(
      issueSdJwtEntry('qualification', { ...fields, grade: 'Pass (prisoner A1234BC)' }, { issuer, key, holderKey, disclosable: [] }),
    ).rejects.toMatchObject({ code: 'ERR_PROHIBITED_DATA' });
    for (const bad of [null, 3, '', 'a~b', 'x.y.z~', '~~~', {}]) {
      const r = await verifySdJwt(bad, { nonce: 'n', aud });
      expect(r.verified).toBe(false);
    }
  });
});

// RFC 9901 §7.1: a disclosure the issuer did not sign, an edited disclosure and a repeated one
// MUST be rejected, even when the holder signs a fresh key-binding JWT over the result (the
// library we use drops them silently). §7.3: the key-binding JWT's sd_hash covers the exact
// SD-JWT and disclosures presented.
describe('SD-JWT disclosures (RFC 9901 §7.1)', () => {
  /** `<issuer-jwt>~<disclosures>~` plus a key-binding JWT the holder signs now, over exactly that. */
  async function withFreshKeyBinding(sdPart: string, holderKey: SigningKeyPair, nonce = 'n-1'): Promise<string> {
    const payload = { iat: Math.floor(now.getTime() / 1000), aud, nonce, sd_hash: sdDigest(sdPart) };
    const kb = await new CompactSign(utf8(JSON.stringify(payload))).setProtectedHeader({ alg: 'EdDSA', typ: 'kb+jwt' }).sign(await joseSigningKey(holderKey));
    return `${sdPart}${kb}`;
  }
  const disclosure = (...items: unknown[]) => toBase64url(utf8(JSON.stringify(items)));
  const body = (presentation: string) => presentation.slice(0, presentation.lastIndexOf('~') + 1);
  const codes = (r: { errors: { code: string }[] }) => r.errors.map((e) => e.code);

  async function shownGrade() {
    const s = await setup();
    const shown = await presentSdJwt(s.sdjwt, { disclose: ['grade', 'awardedOn_year'], holderKey: s.holderKey, nonce: 'n-1', aud, issuedAt: now });
    const disclosures = body(shown).split('~').slice(1, -1);
    const grade = disclosures.find((d) => decodeJson(d)[1] === 'grade')!;
    return { ...s, shown, disclosures, grade };
  }

  it('the re-signing helper itself yields a verified presentation (so the refusals below are about the disclosures)', async () => {
    const { shown, holderKey } = await shownGrade();
    const resigned = await withFreshKeyBinding(body(shown), holderKey);
    expect((await verifySdJwt(resigned, { nonce: 'n-1', aud, now })).verified).toBe(true);
  });

  it('refuses a disclosure whose digest is not in the signed payload', async () => {
    const { shown, holderKey } = await shownGrade();
    const forged = disclosure('c2FsdHNhbHRzYWx0', 'grade_note', 'Distinction');
    const r = await verifySdJwt(await withFreshKeyBinding(`${body(shown)}${forged}~`, holderKey), { nonce: 'n-1', aud, now });
    expect(r.verified).toBe(false);
    expect(codes(r)).toEqual(['ERR_SD_DISCLOSURE_INVALID']);
    expect(r.claims).toBeUndefined();
  });

  it('refuses an edited disclosed value', async () => {
    const { shown, holderKey, grade } = await shownGrade();
    const [salt, name] = decodeJson(grade) as [string, string, string];
    const edited = body(shown).replace(grade, disclosure(salt, name, 'Distinction'));
    const r = await verifySdJwt(await withFreshKeyBinding(edited, holderKey), { nonce: 'n-1', aud, now });
    expect(r.verified).toBe(false);
    expect(codes(r)).toEqual(['ERR_SD_DISCLOSURE_INVALID']);
  });

  it('refuses a duplicated disclosure', async () => {
    const { shown, holderKey, grade } = await shownGrade();
    const r = await verifySdJwt(await withFreshKeyBinding(`${body(shown)}${grade}~`, holderKey), { nonce: 'n-1', aud, now });
    expect(r.verified).toBe(false);
    expect(codes(r)).toEqual(['ERR_SD_DISCLOSURE_INVALID']);
  });

  it('refuses a reserved claim name and malformed disclosures', async () => {
    const { shown, holderKey } = await shownGrade();
    for (const extra of [
      disclosure('c2FsdA', '_sd', 'x'),
      disclosure('c2FsdA', '...', 'x'),
      disclosure('only-one'),
      disclosure('a', 'b', 'c', 'd'),
      '!!',
      toBase64url(utf8('not json')),
    ]) {
      const r = await verifySdJwt(await withFreshKeyBinding(`${body(shown)}${extra}~`, holderKey), { nonce: 'n-1', aud, now });
      expect(codes(r), extra).toEqual(['ERR_SD_DISCLOSURE_INVALID']);
    }
  });

  it('any disclosure the issuer did not sign is refused (property)', async () => {
    const { shown, holderKey } = await shownGrade();
    const kbKey = await joseSigningKey(holderKey);
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1 }), fc.string(), fc.jsonValue(), async (salt, name, value) => {
        fc.pre(name !== '_sd' && name !== '...');
        const sdPart = `${body(shown)}${disclosure(salt, name, value)}~`;
        const kb = await new CompactSign(utf8(JSON.stringify({ iat: Math.floor(now.getTime() / 1000), aud, nonce: 'n-1', sd_hash: sdDigest(sdPart) })))
          .setProtectedHeader({ alg: 'EdDSA', typ: 'kb+jwt' })
          .sign(kbKey);
        const r = await verifySdJwt(`${sdPart}${kb}`, { nonce: 'n-1', aud, now });
        expect(codes(r)).toEqual(['ERR_SD_DISCLOSURE_INVALID']);
      }),
      { numRuns: 40 },
    );
  });

  it('binds the key-binding JWT to the disclosures (sd_hash): none may be removed or added afterwards', async () => {
    const { shown, sdjwt, disclosures, grade } = await shownGrade();
    const kb = shown.slice(shown.lastIndexOf('~') + 1);
    const removed = `${body(shown).replace(`${grade}~`, '')}${kb}`;
    const hidden = sdjwt
      .split('~')
      .slice(1)
      .find((d) => d !== '' && !disclosures.includes(d))!;
    const added = `${body(shown)}${hidden}~${kb}`;
    for (const tampered of [removed, added]) {
      const r = await verifySdJwt(tampered, { nonce: 'n-1', aud, now });
      expect(r.verified).toBe(false);
      expect(codes(r)).toEqual(['ERR_HOLDER_BINDING']);
    }
  });
});

describe('checkDisclosures (the §7.1 processing rules on hand-made payloads)', () => {
  const enc = (...items: unknown[]) => toBase64url(utf8(JSON.stringify(items)));
  const grade = enc('s1', 'grade', 'Pass');
  const item = enc('s2', 'Unit 3');
  const nested = enc('s3', 'unit', { _sd: [sdDigest(item)] });

  it('accepts each disclosure referenced once, in objects, arrays and inside other disclosures', () => {
    expect(checkDisclosures({ _sd: [sdDigest(grade), 'decoy'], units: [{ '...': sdDigest(item) }] }, [grade, item])).toBeUndefined();
    expect(checkDisclosures({ _sd: [sdDigest(nested)] }, [nested, enc('s2', 'name', 'x')])).toMatch(/not one the issuer signed/);
  });

  it('refuses a digest that appears twice, in the payload or via a disclosure', () => {
    expect(checkDisclosures({ _sd: [sdDigest(grade), sdDigest(grade)] }, [grade])).toMatch(/more than once/);
    expect(checkDisclosures({ _sd: [sdDigest(grade)], more: { _sd: [sdDigest(grade)] } }, [])).toMatch(/more than once/);
  });

  it('refuses a disclosure used in the wrong place, or overwriting a claim', () => {
    expect(checkDisclosures({ list: [{ '...': sdDigest(grade) }] }, [grade])).toMatch(/array element/);
    expect(checkDisclosures({ _sd: [sdDigest(item)] }, [item])).toMatch(/object property/);
    expect(checkDisclosures({ grade: 'Fail', _sd: [sdDigest(grade)] }, [grade])).toMatch(/already exists/);
    expect(checkDisclosures({ _sd_alg: 'sha-512', _sd: [] }, [])).toMatch(/not supported/);
  });
});
