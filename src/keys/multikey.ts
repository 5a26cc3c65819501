// Multikey encodings of Ed25519 keys (W3C Controlled Identifiers §Multikey).
import { base58btc } from 'multiformats/bases/base58';
import { ED25519_PRIV_HEADER, ED25519_PUB_HEADER } from '../constants.js';
import { PassportError } from '../errors.js';
import { base58Decode } from '../internal/base58.js';
import { bytesEqual, concatBytes } from '../internal/bytes.js';

/**
 * Longest base58btc multibase text accepted. The longest Ed25519 value is the legacy 66-byte
 * secret key (91 characters). Base58 decoding takes time quadratic in the length, so an
 * unbounded value taken from an untrusted credential (a 50 kB did:key takes seconds) would be a
 * denial of service.
 */
export const MAX_MULTIBASE_LENGTH = 128;

/** Decodes a base58btc multibase string (`z…`), turning any failure into ERR_MULTIBASE_INVALID. */
export function decodeBase58Multibase(value: unknown, what: string, maxLength = MAX_MULTIBASE_LENGTH): Uint8Array {
  if (typeof value !== 'string' || !value.startsWith('z')) {
    throw new PassportError('ERR_MULTIBASE_INVALID', `${what} must be a base58btc multibase string starting with "z"`);
  }
  if (value.length > maxLength) {
    throw new PassportError('ERR_MULTIBASE_INVALID', `${what} is too long (more than ${maxLength} characters)`);
  }
  try {
    // Every proof's signature is decoded here: the fast decoder, equal to multiformats' (tested).
    return base58Decode(value.slice(1));
  } catch (cause) {
    throw new PassportError('ERR_MULTIBASE_INVALID', `${what} is not valid base58btc`, { cause });
  }
}

/**
 * Encodes a 32-byte Ed25519 public key as `publicKeyMultibase` (`z6Mk…`).
 *
 * @example
 * ```ts
 * encodePublicKeyMultibase(new Uint8Array(32).fill(1)); // 'z6Mk…'
 * ```
 */
export function encodePublicKeyMultibase(publicKey: Uint8Array): string {
  if (!(publicKey instanceof Uint8Array) || publicKey.length !== 32) {
    throw new TypeError('"publicKey" must be a 32-byte Uint8Array');
  }
  return base58btc.encode(concatBytes(ED25519_PUB_HEADER, publicKey));
}

/**
 * Decodes `publicKeyMultibase` to the 32 raw key bytes. Only the Ed25519 header 0xed01 is
 * accepted, as eddsa-jcs-2022 requires.
 *
 * @throws {PassportError} ERR_MULTIBASE_INVALID, ERR_KEY_INVALID
 * @example
 * ```ts
 * decodePublicKeyMultibase(key.publicKeyMultibase).length; // 32
 * ```
 */
export function decodePublicKeyMultibase(value: unknown): Uint8Array {
  const bytes = decodeBase58Multibase(value, 'publicKeyMultibase');
  if (bytes.length !== 34 || !bytesEqual(bytes.subarray(0, 2), ED25519_PUB_HEADER)) {
    throw new PassportError('ERR_KEY_INVALID', 'publicKeyMultibase is not an Ed25519 public key (header 0xed01, 32 bytes)');
  }
  return bytes.slice(2);
}

/**
 * Encodes a 32-byte Ed25519 seed as `secretKeyMultibase` (0x8026 + seed, `z3u2…`).
 *
 * @example
 * ```ts
 * encodeSecretKeyMultibase(new Uint8Array(32)); // 'z3u2RDonZ81AFKiw8QCPKcsyg8Yy2MmYQNxfBn51SS2QmMiw'
 * ```
 */
export function encodeSecretKeyMultibase(seed: Uint8Array): string {
  if (!(seed instanceof Uint8Array) || seed.length !== 32) throw new TypeError('"seed" must be a 32-byte Uint8Array');
  return base58btc.encode(concatBytes(ED25519_PRIV_HEADER, seed));
}

/**
 * Decodes `secretKeyMultibase`: the W3C form (0x8026 + 32-byte seed) and the legacy form that
 * older Digital Bazaar tools wrote (0x8026 + 64 bytes: seed then public key). For the legacy
 * form the embedded public key is returned so the caller can check it.
 *
 * @throws {PassportError} ERR_MULTIBASE_INVALID, ERR_KEY_INVALID
 * @example
 * ```ts
 * const { seed, embeddedPublicKey } = decodeSecretKeyMultibase('zrv…'); // legacy form: both halves
 * ```
 */
export function decodeSecretKeyMultibase(value: unknown): { seed: Uint8Array; embeddedPublicKey?: Uint8Array } {
  const bytes = decodeBase58Multibase(value, 'secretKeyMultibase');
  if (!bytesEqual(bytes.subarray(0, 2), ED25519_PRIV_HEADER) || (bytes.length !== 34 && bytes.length !== 66)) {
    throw new PassportError('ERR_KEY_INVALID', 'secretKeyMultibase is not an Ed25519 secret key (header 0x8026, 32 or 64 bytes)');
  }
  const seed = bytes.slice(2, 34);
  return bytes.length === 66 ? { seed, embeddedPublicKey: bytes.slice(34) } : { seed };
}
