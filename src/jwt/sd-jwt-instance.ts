// Internal: the @sd-jwt/sd-jwt-vc instance the SD-JWT VC operations share, with this library's
// Ed25519 backend and SHA-256, and the import of @sd-jwt deferred to first use.
import { sha256 } from '@noble/hashes/sha2.js';
import type { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';

/** What an operation adds to the shared configuration (its signer or verifiers). */
export type SdJwtConfig = NonNullable<ConstructorParameters<typeof SDJwtVcInstance>[0]>;
import { backend } from '../backend/index.js';
import { fromBase64url, toBase64url, utf8 } from '../internal/bytes.js';
import { seedOf } from '../keys/key-pair.js';
import type { SigningKeyPair } from '../keys/types.js';
import { publicKeyForVerificationMethod } from '../proof/key-cache.js';

const hasher = (data: string | ArrayBuffer): Uint8Array => sha256(typeof data === 'string' ? utf8(data) : new Uint8Array(data));
const saltGenerator = (length: number): string => toBase64url(backend.randomBytes(Math.max(16, length)));

/** An SD-JWT signer (base64url Ed25519 signature) for a key pair. */
export function signerFor(key: SigningKeyPair): (data: string) => Promise<string> {
  const seed = seedOf(key);
  return async (data) => toBase64url(await backend.sign(seed, utf8(data)));
}

/** Verifies an EdDSA signature with the key a did:key (or its verification method) names; false on any problem. */
export async function verifyWith(didOrVm: string, data: string, signature: string): Promise<boolean> {
  try {
    const sig = fromBase64url(signature);
    if (sig.length !== 64) return false;
    return await backend.verify(await publicKeyForVerificationMethod(didOrVm), sig, utf8(data));
  } catch {
    return false;
  }
}

// @sd-jwt/sd-jwt-vc (and the zod it brings) costs ~90 ms to import; only SD-JWT users pay it.
let sdJwtModule: Promise<typeof import('./sd-jwt-lib.js')> | undefined;

/** A configured SD-JWT VC instance; loads @sd-jwt on first use. */
export async function instance(extra: SdJwtConfig = {}): Promise<SDJwtVcInstance> {
  const { SDJwtVcInstance } = await (sdJwtModule ??= import('./sd-jwt-lib.js'));
  return new SDJwtVcInstance({
    hasher,
    hashAlg: 'sha-256',
    saltGenerator,
    signAlg: 'EdDSA',
    kbSignAlg: 'EdDSA',
    // No phone-home (privacy P8): a status claim is never fetched.
    statusListFetcher: async () => {
      throw new Error('status lists are not fetched');
    },
    ...extra,
  });
}
