// Generating, importing and exporting Ed25519 key pairs.
import { backend } from '../backend/index.js';
import { PassportError } from '../errors.js';
import { bytesEqual, fromBase64url, toBase64url } from '../internal/bytes.js';
import { isPlainObject } from '../internal/json.js';
import { didKeyFromPublicKey, verificationMethodId } from './did-key.js';
import { decodePublicKeyMultibase, decodeSecretKeyMultibase, encodePublicKeyMultibase, encodeSecretKeyMultibase } from './multikey.js';
import type { Ed25519Jwk, KeyPair, MultikeyInput, SigningKeyPair } from './types.js';

function keyPairFrom(publicKey: Uint8Array, seed?: Uint8Array): KeyPair {
  const did = didKeyFromPublicKey(publicKey);
  const pair: KeyPair = {
    type: 'Multikey',
    did,
    verificationMethod: verificationMethodId(did),
    publicKeyMultibase: encodePublicKeyMultibase(publicKey),
    ...(seed ? { secretKeyMultibase: encodeSecretKeyMultibase(seed) } : {}),
  };
  return Object.freeze(pair);
}

/**
 * Generates a new Ed25519 key pair from the runtime's secure random source.
 *
 * @example
 * ```ts
 * const key = await generateKeyPair();
 * key.did; // 'did:key:z6Mk…'
 * ```
 */
export async function generateKeyPair(): Promise<SigningKeyPair> {
  const seed = backend.randomBytes(32);
  return keyPairFrom(await backend.getPublicKey(seed), seed) as SigningKeyPair;
}

/**
 * Imports a key pair from Multikey (`publicKeyMultibase` and/or `secretKeyMultibase`, the
 * 34-byte W3C form or the legacy 66-byte form) or from an Ed25519 JWK (`kty: 'OKP'`).
 * When both halves are given they must belong together.
 *
 * @throws {PassportError} ERR_KEY_INVALID, ERR_KEY_MISMATCH, ERR_MULTIBASE_INVALID
 * @throws {TypeError} when `input` is not an object
 * @example
 * ```ts
 * const key = await importKeyPair({ secretKeyMultibase: 'z3u2…' });
 * const verifier = await importKeyPair({ kty: 'OKP', crv: 'Ed25519', x: '…' });
 * ```
 */
export async function importKeyPair(input: MultikeyInput | Ed25519Jwk): Promise<KeyPair> {
  if (!isPlainObject(input)) throw new TypeError('"input" must be a Multikey or JWK object');
  if ('kty' in input) return importJwk(input as unknown as Ed25519Jwk);
  const multikey = input as MultikeyInput;
  const secret = multikey.secretKeyMultibase ?? multikey.privateKeyMultibase;
  const declaredPublic = multikey.publicKeyMultibase === undefined ? undefined : decodePublicKeyMultibase(multikey.publicKeyMultibase);
  if (secret === undefined) {
    if (!declaredPublic) throw new PassportError('ERR_KEY_INVALID', 'a Multikey needs publicKeyMultibase or secretKeyMultibase');
    return keyPairFrom(declaredPublic);
  }
  const { seed, embeddedPublicKey } = decodeSecretKeyMultibase(secret);
  return keyPairFrom(await checkedPublicKey(seed, declaredPublic, embeddedPublicKey), seed);
}

async function checkedPublicKey(seed: Uint8Array, ...claimed: (Uint8Array | undefined)[]): Promise<Uint8Array> {
  const derived = await backend.getPublicKey(seed);
  for (const c of claimed) {
    if (c && !bytesEqual(c, derived)) {
      throw new PassportError('ERR_KEY_MISMATCH', 'the public key does not belong to the secret key');
    }
  }
  return derived;
}

async function importJwk(jwk: Ed25519Jwk): Promise<KeyPair> {
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') {
    throw new PassportError('ERR_KEY_INVALID', 'only Ed25519 JWKs (kty "OKP", crv "Ed25519") are supported');
  }
  let x: Uint8Array;
  let d: Uint8Array | undefined;
  try {
    x = fromBase64url(jwk.x);
    d = jwk.d === undefined ? undefined : fromBase64url(jwk.d);
  } catch (cause) {
    throw new PassportError('ERR_KEY_INVALID', 'the JWK "x" or "d" is not base64url', { cause });
  }
  if (x.length !== 32 || (d && d.length !== 32)) throw new PassportError('ERR_KEY_INVALID', 'Ed25519 JWK keys are 32 bytes');
  // Unused low bits in the last base64url character must be zero (RFC 4648 §3.5, RFC 7515 §2),
  // so one key has exactly one JWK spelling.
  if (toBase64url(x) !== jwk.x || (d && toBase64url(d) !== jwk.d)) {
    throw new PassportError('ERR_KEY_INVALID', 'the JWK "x" or "d" is not canonical base64url');
  }
  if (!d) return keyPairFrom(x);
  return keyPairFrom(await checkedPublicKey(d, x), d);
}

/** Options of {@link exportKeyPair}. */
export interface ExportKeyPairOptions {
  format: 'multikey' | 'jwk';
  /** Include the secret key. Off unless asked for, so a public export never leaks it. */
  includeSecret?: boolean;
}

/** A Multikey verification method document, as exported. */
export interface MultikeyDocument {
  type: 'Multikey';
  id: string;
  controller: string;
  publicKeyMultibase: string;
  secretKeyMultibase?: string;
}

/**
 * Exports a key pair as a Multikey verification method or an Ed25519 JWK. The secret key is
 * included only with `includeSecret: true`.
 *
 * @throws {TypeError} on a bad key or format, or when the secret is asked for but absent
 * @example
 * ```ts
 * exportKeyPair(key, { format: 'jwk' }); // { kty: 'OKP', crv: 'Ed25519', x: '…', kid: 'did:key:…#…' }
 * ```
 */
export function exportKeyPair(key: KeyPair, options: { format: 'jwk'; includeSecret?: boolean }): Ed25519Jwk;
export function exportKeyPair(key: KeyPair, options: { format: 'multikey'; includeSecret?: boolean }): MultikeyDocument;
export function exportKeyPair(key: KeyPair, options: ExportKeyPairOptions): Ed25519Jwk | MultikeyDocument;
export function exportKeyPair(key: KeyPair, options: ExportKeyPairOptions): Ed25519Jwk | MultikeyDocument {
  assertKeyPair(key);
  if (!isPlainObject(options) || (options.format !== 'multikey' && options.format !== 'jwk')) {
    throw new TypeError('"options.format" must be "multikey" or "jwk"');
  }
  if (options.includeSecret && !key.secretKeyMultibase) throw new TypeError('this key pair has no secret key to export');
  const secret = options.includeSecret ? key.secretKeyMultibase : undefined;
  if (options.format === 'multikey') {
    return {
      type: 'Multikey',
      id: key.verificationMethod,
      controller: key.did,
      publicKeyMultibase: key.publicKeyMultibase,
      ...(secret ? { secretKeyMultibase: secret } : {}),
    };
  }
  const jwk: Ed25519Jwk = {
    kty: 'OKP',
    crv: 'Ed25519',
    x: toBase64url(decodePublicKeyMultibase(key.publicKeyMultibase)),
    kid: key.verificationMethod,
  };
  if (secret) jwk.d = toBase64url(decodeSecretKeyMultibase(secret).seed);
  return jwk;
}

/** Throws TypeError unless `key` looks like a {@link KeyPair}. */
export function assertKeyPair(key: unknown, name = 'key'): asserts key is KeyPair {
  if (!isPlainObject(key) || typeof key.did !== 'string' || typeof key.verificationMethod !== 'string' || typeof key.publicKeyMultibase !== 'string') {
    throw new TypeError(`"${name}" must be a KeyPair from generateKeyPair() or importKeyPair()`);
  }
}

/** Throws TypeError unless `key` is a {@link KeyPair} that holds a secret key. */
export function assertSigningKeyPair(key: unknown, name = 'key'): asserts key is SigningKeyPair {
  assertKeyPair(key, name);
  if (typeof key.secretKeyMultibase !== 'string') throw new TypeError(`"${name}" has no secret key and cannot sign`);
}

// The last key's seed: an issuer signs thousands of entries with one key (bulk issuing), and
// base58-decoding its secret for every signature cost a tenth of the signing time. One entry
// only, keyed by the multibase text itself, so a different key is never given this seed.
let lastSeed: { multibase: string; seed: Uint8Array } | undefined;

/** The 32-byte seed of a signing key pair (internal). A fresh copy: callers may wipe it. */
export function seedOf(key: SigningKeyPair): Uint8Array {
  if (lastSeed?.multibase !== key.secretKeyMultibase)
    lastSeed = { multibase: key.secretKeyMultibase, seed: decodeSecretKeyMultibase(key.secretKeyMultibase).seed };
  return lastSeed.seed.slice();
}
