import { createCanonizer, type Canonize } from './canonize.js';
import { createDocumentLoader, type DocumentLoader } from './document-loader.js';

/** A verification method the caller vouches for (for issuers whose keys are not did:key). */
export interface KnownVerificationMethod {
  /** The verification method id the proof names, e.g. `https://example.edu/issuers/565049#key-1`. */
  id: string;
  /** Who controls it: the issuer's id for a credential to pass the issuer-key check. */
  controller: string;
  /** The Ed25519 public key, multibase (`z6Mk…`). */
  publicKeyMultibase: string;
}

/** Options shared by the verifiers and the signer of `learning-passport/rdfc`. */
export interface RdfcOptions {
  /** More JSON-LD contexts by URL, beside the bundled ones. */
  contexts?: Readonly<Record<string, unknown>>;
  /** A loader for any other URL (for example one that fetches); by default nothing is fetched. */
  fallbackLoader?: DocumentLoader;
  /** Keys of issuers that do not use did:key, supplied by the caller (did:key needs nothing). */
  verificationMethods?: readonly KnownVerificationMethod[];
}

/** Checks the options and builds the canonicalizer they describe. */
export function canonizerFor(options: RdfcOptions): Canonize {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) throw new TypeError('"options" must be an object');
  return createCanonizer(
    createDocumentLoader({
      ...(options.contexts !== undefined ? { contexts: options.contexts } : {}),
      ...(options.fallbackLoader !== undefined ? { fallback: options.fallbackLoader } : {}),
    }),
  );
}
