// Public keys are imported once per verification method and kept in a bounded cache, so
// verifying a passport full of entries from a few issuers imports each key once.
import { backend, type PublicKeyHandle } from '../backend/index.js';
import { parseDidKey } from '../keys/did-key.js';

const MAX_KEYS = 4096;
const cache = new Map<string, Promise<PublicKeyHandle>>();
const controllers = new Map<string, string>();

/**
 * The DID that controls a did:key verification method, remembered per method (base58 decoding
 * is the costly part). Throws PassportError like {@link parseDidKey} for a bad method.
 */
export function controllerOfVerificationMethod(verificationMethod: string): string {
  let did = controllers.get(verificationMethod);
  if (did === undefined) {
    did = parseDidKey(verificationMethod).did;
    if (controllers.size >= MAX_KEYS) controllers.delete(controllers.keys().next().value!);
    controllers.set(verificationMethod, did);
  }
  return did;
}

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
