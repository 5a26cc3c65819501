// The extension point for proof formats the main entry does not verify itself. The main entry
// verifies eddsa-jcs-2022 only, so that it carries no JSON-LD processor; `learning-passport/rdfc`
// supplies verifiers for eddsa-rdfc-2022 and Ed25519Signature2020 through this interface.
import type { PassportErrorCode } from '../errors.js';

/** What a {@link ProofVerifier} found for one proof. */
export type ProofVerdict =
  | {
      valid: true;
      /** The verification method that signed. */
      verificationMethod: string;
      /** The DID or URL that controls that verification method. */
      controller: string;
    }
  | {
      valid: false;
      /** `fail`: the proof is wrong; `unknown`: it could not be checked (a key or context unavailable offline). */
      status: 'fail' | 'unknown';
      code: PassportErrorCode;
      /** Plain English, naming what was wrong. */
      message: string;
      verificationMethod?: string;
      controller?: string;
    };

/**
 * A verifier for one proof format, passed to `verifyCredential`, `verifyPresentation`,
 * `addEntries`, `mergePassports` and `verifyPassport` as `proofVerifiers`. The caller's proof
 * purpose, `created` / `expires`, challenge and domain are checked around it, the same way for
 * every format; the verifier checks only that the signature covers the document.
 *
 * @example
 * ```ts
 * import { rdfcProofVerifiers } from 'learning-passport/rdfc';
 * const result = await verifyCredential(badge, { proofVerifiers: rdfcProofVerifiers() });
 * ```
 */
export interface ProofVerifier {
  /** A short name for messages, e.g. `eddsa-rdfc-2022`. */
  readonly name: string;
  /**
   * Context URLs this verifier processes itself (the JSON-LD contexts it bundles). A verifier
   * given it counts them as known (VC 2.0 §4.3), so, for example, an Ed25519Signature2020
   * credential's required suite context needs no extra `knownContexts`.
   */
  readonly knownContexts?: readonly string[];
  /** True when this verifier handles `proof` (by its `type` and `cryptosuite`). */
  supports(proof: Readonly<Record<string, unknown>>): boolean;
  /**
   * Checks that `proof` is a valid signature over `document` (the secured document without its
   * `proof`). Must never throw; a thrown error counts as a failed proof.
   */
  verify(document: Readonly<Record<string, unknown>>, proof: Readonly<Record<string, unknown>>): Promise<ProofVerdict>;
}

/** The proof formats `learning-passport/rdfc` verifies: the main entry reports them as "can't check". */
export function needsRdfcSubpath(proof: Readonly<Record<string, unknown>>): boolean {
  return (proof.type === 'DataIntegrityProof' && proof.cryptosuite === 'eddsa-rdfc-2022') || proof.type === 'Ed25519Signature2020';
}
