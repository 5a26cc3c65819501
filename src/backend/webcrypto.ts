// The WebCrypto backend: browsers, Deno, Bun, Cloudflare workers, and Node when asked for.
import { utf8 } from '../internal/bytes.js';
import type { CryptoBackend, PublicKeyHandle } from './types.js';

type Bytes = Uint8Array<ArrayBuffer>;
const subtle = (): SubtleCrypto => globalThis.crypto.subtle;
const ED25519 = { name: 'Ed25519' } as const;

// PKCS#8 prefix of an Ed25519 private key (RFC 8410): WebCrypto has no raw secret import.
const PKCS8_PREFIX = Uint8Array.from([0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20]);

async function privateKey(seed: Uint8Array, usages: KeyUsage[]): Promise<CryptoKey> {
  if (seed.length !== 32) throw new RangeError('Ed25519 seed must be 32 bytes');
  const pkcs8 = new Uint8Array(48);
  pkcs8.set(PKCS8_PREFIX);
  pkcs8.set(seed, 16);
  return subtle().importKey('pkcs8', pkcs8, ED25519, true, usages);
}

/** WebCrypto implementation of {@link CryptoBackend}. */
export const webcryptoBackend: CryptoBackend = {
  name: 'webcrypto',
  async sha256(data) {
    return new Uint8Array(await subtle().digest('SHA-256', (typeof data === 'string' ? utf8(data) : data) as Bytes));
  },
  randomBytes(length) {
    return globalThis.crypto.getRandomValues(new Uint8Array(length));
  },
  async getPublicKey(seed) {
    // WebCrypto derives the public half only through a JWK export of the private key.
    const jwk = await subtle().exportKey('jwk', await privateKey(seed, ['sign']));
    const x = jwk.x ?? '';
    const bin = atob(x.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  },
  async sign(seed, message) {
    return new Uint8Array(await subtle().sign(ED25519, await privateKey(seed, ['sign']), message as Bytes));
  },
  async importPublicKey(publicKey): Promise<PublicKeyHandle> {
    if (publicKey.length !== 32) throw new RangeError('Ed25519 public key must be 32 bytes');
    const native = await subtle().importKey('raw', publicKey as Bytes, ED25519, false, ['verify']);
    return { backend: 'webcrypto', raw: publicKey, native };
  },
  async verify(key, signature, message) {
    if (key.backend !== 'webcrypto' || signature.length !== 64) return false;
    try {
      return await subtle().verify(ED25519, key.native as CryptoKey, signature as Bytes, message as Bytes);
    } catch {
      return false;
    }
  },
};

let probe: Promise<boolean> | undefined;

/** Whether this runtime's WebCrypto implements Ed25519 (checked once, then remembered). */
export function webcryptoHasEd25519(): Promise<boolean> {
  probe ??= (async () => {
    try {
      if (!globalThis.crypto?.subtle) return false;
      await subtle()
        .importKey('raw', new Uint8Array(32) as Bytes, ED25519, false, ['verify'])
        .catch(async () =>
          // An all-zero key may be refused as a point even where Ed25519 exists: try a real one.
          subtle().generateKey(ED25519, false, ['sign', 'verify']),
        );
      return true;
    } catch {
      return false;
    }
  })();
  return probe;
}
