import { createPublicKey, verify as nodeVerify } from 'node:crypto';
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fromBase64url, toBase64url } from '../../src/internal/bytes.js';
import { generateKeyPair } from '../../src/keys/key-pair.js';
import { parseDidKey } from '../../src/keys/did-key.js';
import { verifyCredential } from '../../src/verify/verify-credential.js';
import { signVcJwt } from '../../src/jwt/sign-vc-jwt.js';
import { verifyVcJwt } from '../../src/jwt/verify-vc-jwt.js';
import { entryDocument, makeEntry, makeIssuer } from '../present/fixtures.js';

const now = new Date('2026-06-01T12:00:00Z');
const b64json = (v: unknown) => toBase64url(new TextEncoder().encode(JSON.stringify(v)));
const decode = (part: string) => JSON.parse(new TextDecoder().decode(fromBase64url(part)));

async function setup() {
  const issuer = await makeIssuer('City & Guilds');
  const holder = await generateKeyPair();
  const entry = await makeEntry(issuer, {
    kind: 'qualification',
    name: 'Functional Skills Mathematics Level 1',
    holder: holder.did,
    fields: { title: 'Functional Skills Mathematics', awardingBody: { name: 'City & Guilds' }, level: 'L1', awardedOn: '2026-03' },
  });
  return { issuer, holder, entry };
}

describe('vc+jwt (VC-JOSE-COSE)', () => {
  it('has the VC-JOSE-COSE header and the credential itself as payload, without the DI proof', async () => {
    const { issuer, entry } = await setup();
    const jwt = await signVcJwt(entry, issuer.key);
    const [h, p] = jwt.split('.');
    expect(decode(h!)).toEqual({ alg: 'EdDSA', typ: 'vc+jwt', cty: 'vc', kid: issuer.key.verificationMethod });
    const { proof: _proof, ...unsecured } = entry;
    expect(decode(p!)).toEqual(unsecured);
    expect(await signVcJwt(entry, issuer.key)).toBe(jwt); // Ed25519 is deterministic
  });

  it('same content in both formats verifies, with the same kind and issuer', async () => {
    const { issuer, entry } = await setup();
    const di = await verifyCredential(entry, { now });
    const jose = await verifyVcJwt(await signVcJwt(entry, issuer.key), { now });
    expect(di.verified).toBe(true);
    expect(jose.verified).toBe(true);
    expect(jose.kind).toBe(di.kind);
    expect(jose.issuer).toBe(di.issuer);
    const { proof: _proof, ...unsecured } = entry;
    expect(jose.credential).toEqual(unsecured);
    expect(jose.checks.map((c) => c.check)).toEqual(['shape', 'signature', 'context', 'issuer-key', 'schema', 'validity-period', 'issuer-trust']);
    expect(jose.checks.at(-1)!.status).toBe('skipped'); // no policy: said, not hidden
  });

  it('verifies independently of jose, with node:crypto', async () => {
    const { issuer, entry } = await setup();
    const jwt = await signVcJwt(entry, issuer.key);
    const [h, p, s] = jwt.split('.');
    const { publicKey } = parseDidKey(decode(h!).kid);
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: toBase64url(publicKey) }, format: 'jwk' });
    expect(nodeVerify(null, Buffer.from(`${h}.${p}`), key, Buffer.from(fromBase64url(s!)))).toBe(true);
    expect(nodeVerify(null, Buffer.from(`${h}.${p}x`), key, Buffer.from(fromBase64url(s!)))).toBe(false);
  });

  it('adds iss / iat / exp only when asked, and checks iss against the issuer', async () => {
    const { issuer, entry } = await setup();
    const jwt = await signVcJwt(entry, issuer.key, { iss: true, iat: new Date('2026-03-03T10:00:00Z'), exp: new Date('2026-07-01T00:00:00Z') });
    expect(decode(jwt.split('.')[1]!)).toMatchObject({ iss: issuer.key.did, iat: 1772532000, exp: 1782864000 });
    expect((await verifyVcJwt(jwt, { now })).verified).toBe(true);
    const late = await verifyVcJwt(jwt, { now: new Date('2026-08-01T00:00:00Z') });
    expect(late.errors.map((e) => e.code)).toEqual(['ERR_CREDENTIAL_EXPIRED']);
  });

  it('refuses to sign with a key that is not the issuer’s', async () => {
    const { entry } = await setup();
    await expect(signVcJwt(entry, await generateKeyPair())).rejects.toThrow(TypeError);
    await expect(signVcJwt('x' as never, await generateKeyPair())).rejects.toThrow(TypeError);
  });

  it('detects tampering and a signer that is not the issuer', async () => {
    const { issuer, entry } = await setup();
    const jwt = await signVcJwt(entry, issuer.key);
    const [h, p, s] = jwt.split('.');
    const changed = { ...decode(p!), name: 'Mathematics Level 3' };
    const tampered = await verifyVcJwt(`${h}.${b64json(changed)}.${s}`, { now });
    expect(tampered.errors.map((e) => e.code)).toEqual(['ERR_PROOF_SIGNATURE_INVALID']);

    // A stranger re-signs the issuer's entry with their own kid.
    const stranger = await makeIssuer('Stranger');
    const forged = await signVcJwt({ ...entry, issuer: { ...(entry.issuer as object), id: stranger.key.did } }, stranger.key);
    const [fh, , fs] = forged.split('.');
    const swapped = await verifyVcJwt(`${fh}.${p}.${fs}`, { now });
    expect(swapped.verified).toBe(false);
    const own = entryDocument(issuer, { kind: 'qualification', name: 'x' });
    const wrongKid = await signVcJwt({ ...own, issuer: { id: stranger.key.did, type: ['Profile'], name: 'x' } }, stranger.key);
    const wp = { ...decode(wrongKid.split('.')[1]!), issuer: { id: issuer.key.did, type: ['Profile'], name: 'x' } };
    expect((await verifyVcJwt(`${wrongKid.split('.')[0]}.${b64json(wp)}.${wrongKid.split('.')[2]}`, { now })).verified).toBe(false);
  });

  describe('algorithm confusion', () => {
    it('rejects alg "none"', async () => {
      const { issuer, entry } = await setup();
      const { proof: _p, ...payload } = entry;
      const token = `${b64json({ alg: 'none', typ: 'vc+jwt', kid: issuer.key.verificationMethod })}.${b64json(payload)}.`;
      const r = await verifyVcJwt(token, { now });
      expect(r.verified).toBe(false);
      expect(r.errors[0]!.code).toMatch(/ERR_ALGORITHM_NOT_ALLOWED|ERR_JOSE_INVALID/);
      const withSig = `${b64json({ alg: 'none', typ: 'vc+jwt', kid: issuer.key.verificationMethod })}.${b64json(payload)}.AAAA`;
      expect((await verifyVcJwt(withSig, { now })).errors.map((e) => e.code)).toEqual(['ERR_ALGORITHM_NOT_ALLOWED']);
    });

    it('rejects HS256 signed with the issuer’s public key as the HMAC secret', async () => {
      const { issuer, entry } = await setup();
      const { proof: _p, ...payload } = entry;
      const signingInput = `${b64json({ alg: 'HS256', typ: 'vc+jwt', cty: 'vc', kid: issuer.key.verificationMethod })}.${b64json(payload)}`;
      for (const secret of [parseDidKey(issuer.key.did).publicKey, new TextEncoder().encode(issuer.key.publicKeyMultibase)]) {
        const mac = createHmac('sha256', secret).update(signingInput).digest();
        const r = await verifyVcJwt(`${signingInput}.${toBase64url(mac)}`, { now });
        expect(r.errors.map((e) => e.code)).toEqual(['ERR_ALGORITHM_NOT_ALLOWED']);
      }
    });

    it('honours a narrower allow-list and refuses to widen it', async () => {
      const { issuer, entry } = await setup();
      const jwt = await signVcJwt(entry, issuer.key);
      expect((await verifyVcJwt(jwt, { now, algorithms: ['Ed25519'] })).errors.map((e) => e.code)).toEqual(['ERR_ALGORITHM_NOT_ALLOWED']);
      expect((await verifyVcJwt(jwt, { now, algorithms: ['EdDSA'] })).verified).toBe(true);
      await expect(verifyVcJwt(jwt, { algorithms: ['HS256'] as never })).rejects.toThrow(TypeError);
      await expect(verifyVcJwt(jwt, { algorithms: ['none'] as never })).rejects.toThrow(TypeError);
      await expect(verifyVcJwt(jwt, { algorithms: [] })).rejects.toThrow(TypeError);
    });

    it('accepts the fully specified "Ed25519" algorithm name', async () => {
      const { issuer, entry } = await setup();
      const { proof: _p, ...payload } = entry;
      const { CompactSign, importJWK } = await import('jose');
      const { privateJwk } = await import('../../src/jwt/jose-keys.js');
      const jwt = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
        .setProtectedHeader({ alg: 'Ed25519', typ: 'vc+jwt', cty: 'vc', kid: issuer.key.verificationMethod })
        .sign(await importJWK(privateJwk(issuer.key), 'Ed25519'));
      expect((await verifyVcJwt(jwt, { now })).verified).toBe(true);
    });

    it('rejects embedded keys, wrong typ and vc claims', async () => {
      const { issuer, entry } = await setup();
      const { proof: _p, ...payload } = entry;
      const { CompactSign } = await import('jose');
      const { joseSigningKey, publicJwkOf } = await import('../../src/jwt/jose-keys.js');
      const sign = async (header: Record<string, unknown>, body: unknown) =>
        new CompactSign(new TextEncoder().encode(JSON.stringify(body))).setProtectedHeader({ alg: 'EdDSA', ...header }).sign(await joseSigningKey(issuer.key));
      const kid = issuer.key.verificationMethod;
      expect((await verifyVcJwt(await sign({ typ: 'JWT', kid }, payload), { now })).errors[0]!.code).toBe('ERR_JOSE_INVALID');
      expect((await verifyVcJwt(await sign({ typ: 'vc+jwt', kid, jwk: publicJwkOf(kid) }, payload), { now })).errors[0]!.code).toBe('ERR_JOSE_INVALID');
      expect((await verifyVcJwt(await sign({ typ: 'vc+jwt' }, payload), { now })).errors[0]!.code).toBe('ERR_ISSUER_KEY_UNRESOLVED');
      expect((await verifyVcJwt(await sign({ typ: 'vc+jwt', kid }, { vc: payload }), { now })).errors[0]!.code).toBe('ERR_SCHEMA_INVALID');
      expect((await verifyVcJwt(await sign({ typ: 'vc+jwt', kid }, { ...payload, vc: {} }), { now })).errors[0]!.code).toBe('ERR_SCHEMA_INVALID');
    });
  });

  it('never throws on bad input', async () => {
    for (const bad of [undefined, null, 42, '', 'a.b', 'a.b.c', '...', 'e30.e30.e30', `${'a'.repeat(2_000_000)}.b.c`, {}, ['x']]) {
      const r = await verifyVcJwt(bad);
      expect(r.verified).toBe(false);
      expect(r.errors.length).toBeGreaterThan(0);
    }
  });
});
