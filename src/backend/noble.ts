// The pure-JavaScript backend (@noble/ed25519), used where WebCrypto lacks Ed25519.
import { getPublicKeyAsync, signAsync, verifyAsync } from '@noble/ed25519';
import { utf8 } from '../internal/bytes.js';
import type { CryptoBackend, PublicKeyHandle } from './types.js';

/** @noble/ed25519 implementation of {@link CryptoBackend}, always with strict RFC 8032 rules. */
export const nobleBackend: CryptoBackend = {
  name: 'noble',
  async sha256(data) {
    return new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', (typeof data === 'string' ? utf8(data) : data) as Uint8Array<ArrayBuffer>));
  },
  randomBytes(length) {
    return globalThis.crypto.getRandomValues(new Uint8Array(length));
  },
  // async so that noble's synchronous input errors (a seed that is not 32 bytes) become
  // rejections, as with the other backends, rather than throws from a Promise-returning call.
  async getPublicKey(seed) {
    return getPublicKeyAsync(seed);
  },
  async sign(seed, message) {
    return signAsync(message, seed);
  },
  async importPublicKey(publicKey): Promise<PublicKeyHandle> {
    if (publicKey.length !== 32) throw new RangeError('Ed25519 public key must be 32 bytes');
    return { backend: 'noble', raw: publicKey, native: publicKey };
  },
  async verify(key, signature, message) {
    if (key.backend !== 'noble' || signature.length !== 64) return false;
    try {
      // zip215: false — noble defaults to ZIP-215 rules, which accept encodings RFC 8032 rejects
      // (Wycheproof tcId 151). Every backend must agree, so use the strict rules.
      return await verifyAsync(signature, message, key.raw, { zip215: false });
    } catch {
      return false;
    }
  },
};
