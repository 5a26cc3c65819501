// Key handling shared by the JOSE formats: our did:key pairs as jose keys, and the allow-list
// of JWS algorithms. Only Ed25519 is ever accepted: "EdDSA" (RFC 8037) and the fully specified
// "Ed25519" (RFC 9864) name the same signature, with the key pinned to OKP / Ed25519.
import type { CryptoKey } from 'jose';
import { toBase64url } from '../internal/bytes.js';
import { loadJose } from '../internal/lazy-jose.js';
import { parseDidKey } from '../keys/did-key.js';
import { assertSigningKeyPair, seedOf } from '../keys/key-pair.js';
import type { SigningKeyPair } from '../keys/types.js';
import { describeValue } from '../internal/json.js';

/** The JWS algorithms this library can verify (both are Ed25519). */
export const SUPPORTED_JWS_ALGORITHMS = ['EdDSA', 'Ed25519'] as const;
/** A JWS algorithm this library can verify. */
export type JwsAlgorithm = (typeof SUPPORTED_JWS_ALGORITHMS)[number];

/** Checks a caller's `algorithms` option: a non-empty subset of the supported algorithms. */
export function allowedAlgorithms(value: unknown): JwsAlgorithm[] {
  if (value === undefined) return [...SUPPORTED_JWS_ALGORITHMS];
  if (!Array.isArray(value) || value.length === 0) throw new TypeError('"options.algorithms" must be a non-empty array');
  for (const alg of value) {
    // Offering HS256 or "none" here would open algorithm confusion; refuse the option itself.
    if (!SUPPORTED_JWS_ALGORITHMS.includes(alg)) {
      throw new TypeError(`"options.algorithms" may only contain ${SUPPORTED_JWS_ALGORITHMS.join(', ')} (found ${describeValue(alg)})`);
    }
  }
  return [...value] as JwsAlgorithm[];
}

/** The private JWK of a signing key pair (kept inside the jose area). */
export function privateJwk(key: SigningKeyPair): { kty: 'OKP'; crv: 'Ed25519'; x: string; d: string } {
  assertSigningKeyPair(key);
  const { publicKey } = parseDidKey(key.did);
  return { kty: 'OKP', crv: 'Ed25519', x: toBase64url(publicKey), d: toBase64url(seedOf(key)) };
}

/** The public JWK behind a did:key or did:key verification method. */
export function publicJwkOf(didOrVm: string): { kty: 'OKP'; crv: 'Ed25519'; x: string } {
  const { publicKey } = parseDidKey(didOrVm);
  return { kty: 'OKP', crv: 'Ed25519', x: toBase64url(publicKey) };
}

/** A jose signing key for `key`. */
export async function joseSigningKey(key: SigningKeyPair, alg: JwsAlgorithm = 'EdDSA'): Promise<CryptoKey> {
  const { importJWK } = await loadJose();
  return (await importJWK(privateJwk(key), alg)) as CryptoKey;
}

/** A jose verification key for a did:key verification method. */
export async function joseVerificationKey(didOrVm: string, alg: JwsAlgorithm): Promise<CryptoKey> {
  const { importJWK } = await loadJose();
  return (await importJWK(publicJwkOf(didOrVm), alg)) as CryptoKey;
}
