// Public keys are imported once per verification method and kept in a bounded cache, so
// verifying a passport full of entries from a few issuers imports each key once.
import { backend, type PublicKeyHandle } from '../backend/index.js';
import { parseDidKey } from '../keys/did-key.js';

const MAX_KEYS = 4096;
const cache = new Map<string, Promise<PublicKeyHandle>>();

/**
 * The imported public key behind a did:key verification method. Throws PassportError
 * (ERR_DID_INVALID, ERR_MULTIBASE_INVALID, ERR_KEY_INVALID) for a method it cannot resolve.
 */
export function publicKeyForVerificationMethod(verificationMethod: string): Promise<PublicKeyHandle> {
  let handle = cache.get(verificationMethod);
  if (!handle) {
    const { publicKey } = parseDidKey(verificationMethod);
    handle = backend.importPublicKey(publicKey);
    // A key that fails to import must not stay cached as a rejected promise.
    handle.catch(() => cache.delete(verificationMethod));
    if (cache.size >= MAX_KEYS) cache.delete(cache.keys().next().value!);
    cache.set(verificationMethod, handle);
  }
  return handle;
}
