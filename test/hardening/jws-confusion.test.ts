// JWS algorithm confusion beyond test/jose: "none" and HMAC keyed with every public form of the
// issuer's key (raw bytes, JWK JSON, multibase, did, verification method) on all three JOSE
// verifiers; EdDSA over a kid that is not an Ed25519 did:key; crit and b64:false headers;
// algorithm names in other spellings and types. All refused with ERR_ALGORITHM_NOT_ALLOWED or
// ERR_JOSE_INVALID before any key is used.
import { createHmac, createSign, generateKeyPairSync } from 'node:crypto';
import { FlattenedSign } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDidKey } from '../../src/index.js';
import { verifyVpJwt } from '../../src/present.js';
import { presentSdJwt, verifySdJwt, verifyVcJwt } from '../../src/jwt.js';
import { joseSigningKey, publicJwkOf } from '../../src/jwt/jose-keys.js';
import { CHALLENGE, DOMAIN, getWorld, NOW, type World } from './fixtures.js';

let w: World;
beforeAll(async () => {
  w = await getWorld();
}, 30_000);

const b64 = (v: string | Uint8Array) => Buffer.from(v).toString('base64url');
const json = (v: unknown) => b64(JSON.stringify(v));
const CONFUSION = ['ERR_ALGORITHM_NOT_ALLOWED', 'ERR_JOSE_INVALID'];
type Kind = 'vc' | 'vp' | 'sd';
const TYP: Record<Kind, string> = { vc: 'vc+jwt', vp: 'vp+jwt', sd: 'dc+sd-jwt' };

/** The real token of `kind`, split into its JWS parts and (for SD-JWT) the rest after the first "~". */
function realParts(kind: Kind) {
  const token = kind === 'vc' ? w.vcJwt : kind === 'vp' ? w.vpJwt : w.sdJwt;
  const [jws, ...rest] = token.split('~');
  const [h, p, s] = jws!.split('.');
  return { header: JSON.parse(Buffer.from(h!, 'base64url').toString()), p: p!, s: s!, tail: kind === 'sd' ? `~${rest.join('~')}` : '' };
}
async function verify(kind: Kind, token: string) {
  if (kind === 'vc') return verifyVcJwt(token, { now: NOW });
  if (kind === 'vp') return verifyVpJwt(token, { challenge: CHALLENGE, domain: DOMAIN, now: NOW });
  return verifySdJwt(token, { nonce: CHALLENGE, aud: DOMAIN } as never);
}
async function expectRefused(kind: Kind, token: string, codes = CONFUSION) {
  const r = await verify(kind, token);
  expect(r.verified).toBe(false);
  expect(codes).toContain(r.errors[0]!.code);
  return r;
}
/** Token of `kind` with `header` replaced and an HMAC (or given) signature over the new signing input. */
function forge(kind: Kind, header: Record<string, unknown>, sign: (input: string) => string | Buffer) {
  const { p, tail } = realParts(kind);
  const input = `${json(header)}.${p}`;
  const sig = sign(input);
  return `${input}.${typeof sig === 'string' ? sig : b64(sig)}${tail}`;
}

describe.each(['vc', 'vp', 'sd'] as const)('%s', (kind) => {
  const signer = () => (kind === 'vc' || kind === 'sd' ? w.issuerKey : w.holder);

  it('the genuine token verifies (baseline)', async () => {
    const { header, p, s, tail } = realParts(kind);
    expect(header.typ).toBe(TYP[kind]);
    expect((await verify(kind, `${json(header)}.${p}.${s}${tail}`)).verified).toBe(true);
  });

  it('alg "none" (and its spellings), with an empty and with a copied signature', async () => {
    const { header, s } = realParts(kind);
    for (const alg of ['none', 'None', 'NONE', 'nOnE']) {
      await expectRefused(
        kind,
        forge(kind, { ...header, alg }, () => ''),
      );
      await expectRefused(
        kind,
        forge(kind, { ...header, alg }, () => s),
      );
    }
  });

  it('HS256 / HS384 / HS512 keyed with the public key bytes, its JWK, its multibase, its did and its verification method', async () => {
    const { header } = realParts(kind);
    const key = signer();
    const jwk = publicJwkOf(key.did);
    const secrets = [
      parseDidKey(key.did).publicKey,
      JSON.stringify(jwk),
      JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x }),
      jwk.x,
      key.publicKeyMultibase,
      key.did,
      key.verificationMethod,
    ];
    for (const alg of ['HS256', 'HS384', 'HS512']) {
      for (const secret of secrets) {
        const token = forge(kind, { ...header, alg }, (input) =>
          createHmac(`sha${alg.slice(2)}`, secret)
            .update(input)
            .digest(),
        );
        const r = await expectRefused(kind, token);
        expect(r.errors[0]!.code).toBe('ERR_ALGORITHM_NOT_ALLOWED');
      }
    }
  });

  it('other asymmetric algorithms, with a key the attacker holds (RS256, ES256, PS256, ES256K)', async () => {
    const { header } = realParts(kind);
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    for (const alg of ['RS256', 'ES256', 'PS256', 'ES256K', 'ES384', 'EdDSA448', 'Ed448', 'ML-DSA-44']) {
      await expectRefused(
        kind,
        forge(kind, { ...header, alg }, (input) => createSign('sha256').update(input).sign(privateKey)),
      );
    }
  });

  it('algorithm names of the wrong type or spelling', async () => {
    const { header, s } = realParts(kind);
    for (const alg of ['eddsa', 'EDDSA', 'ed25519', 'EdDSA ', ' EdDSA', 'Ed25519\u0000', ['EdDSA'], { EdDSA: true }, null, 1, true, undefined, '']) {
      await expectRefused(
        kind,
        forge(kind, { ...header, alg }, () => s),
      );
    }
  });

  it('alg EdDSA with a kid that is not an Ed25519 did:key (X25519, P-256, secp256k1, did:web, did:jwk)', async () => {
    const { header, s } = realParts(kind);
    const kids = [
      'did:key:z6LSj72tK8brWgZja8NLRwPigth2T9QRiG1uH9oKZuKjdh9p#z6LSj72tK8brWgZja8NLRwPigth2T9QRiG1uH9oKZuKjdh9p', // X25519
      'did:key:zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169#zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169', // P-256
      'did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme#zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme', // secp256k1
      'did:web:example.com#key-1',
      `did:jwk:${json(publicJwkOf(signer().did))}#0`,
      `${signer().did}#${'z'.repeat(200)}`,
    ];
    for (const kid of kids) {
      for (const alg of ['EdDSA', 'Ed25519']) {
        const r = await verify(
          kind,
          forge(kind, { ...header, alg, kid }, () => s),
        );
        expect(r.verified).toBe(false);
        expect([
          ...CONFUSION,
          'ERR_ISSUER_KEY_UNRESOLVED',
          'ERR_KEY_INVALID',
          'ERR_DID_INVALID',
          'ERR_MULTIBASE_INVALID',
          'ERR_PROOF_SIGNATURE_INVALID',
          'ERR_ISSUER_KEY_MISMATCH',
        ]).toContain(r.errors[0]!.code);
      }
    }
  });

  it('crit headers (understood or not) and b64:false, correctly signed by the real key', async () => {
    const { header, p, tail } = realParts(kind);
    const key = await joseSigningKey(signer());
    const payload = Buffer.from(p, 'base64url');
    const variants: { h: Record<string, unknown>; c?: Record<string, boolean> }[] = [
      { h: { ...header, crit: ['exp'], exp: 1 }, c: { exp: true } },
      { h: { ...header, crit: ['x-unknown'], 'x-unknown': 1 }, c: { 'x-unknown': true } },
      { h: { ...header, crit: ['b64'], b64: false }, c: { b64: true } },
    ];
    for (const { h, c } of variants) {
      // With b64:false the signing input is the payload text itself: sign exactly what the token carries.
      const f = await new FlattenedSign(h.b64 === false ? new TextEncoder().encode(p) : payload).setProtectedHeader(h as never).sign(key, { crit: c } as never);
      const jws = `${f.protected}.${h.b64 === false ? p : f.payload}.${f.signature}`;
      let token = `${jws}${tail}`;
      if (kind === 'sd') {
        // Re-present over the re-signed JWS, so the holder's key binding covers it.
        const disclosures = w.sdIssued.split('~').slice(1).join('~');
        token = await presentSdJwt(`${jws}~${disclosures}`, { disclose: [], holderKey: w.holder, nonce: CHALLENGE, aud: DOMAIN } as never);
      }
      const r = await verify(kind, token);
      expect([JSON.stringify(h), r.verified, r.errors[0]?.code]).toEqual([
        JSON.stringify(h),
        false,
        expect.stringMatching(/ERR_ALGORITHM_NOT_ALLOWED|ERR_JOSE_INVALID/),
      ]);
    }
    // Hand-made: crit naming headers that are absent, crit as a non-array, empty crit, b64 without crit.
    const { s } = realParts(kind);
    for (const h of [{ crit: ['b64'] }, { crit: 'b64' }, { crit: [] }, { b64: false }, { crit: [1] }]) {
      await expectRefused(
        kind,
        forge(kind, { ...header, ...h }, () => s),
      );
    }
  });

  it('embedded keys: jwk, jku, x5c, x5u, and a kid that smuggles JSON', async () => {
    const { header, s } = realParts(kind);
    const jwk = publicJwkOf(signer().did);
    for (const h of [
      { jwk },
      { jku: 'https://attacker.example/jwks' },
      { x5c: ['MIIB'] },
      { x5u: 'https://attacker.example/cert' },
      { kid: JSON.stringify(jwk) },
    ]) {
      const r = await verify(
        kind,
        forge(kind, { ...header, ...h }, () => s),
      );
      expect(r.verified).toBe(false);
      expect([...CONFUSION, 'ERR_ISSUER_KEY_UNRESOLVED', 'ERR_PROOF_SIGNATURE_INVALID']).toContain(r.errors[0]!.code);
    }
  });
});
