export { canonicalBytes, canonicalJson } from './jcs.js';
export { signCredential } from './sign-credential.js';
export type { DataIntegrityProof, Signed, SignedCredential, SignOptions } from './types.js';
export {
  verifyCredential,
  type CredentialVerificationResult,
  type VerifyCredentialOptions,
} from './verify-credential.js';
export { MAX_PROOFS } from './verify-proof-set.js';
export type { ProofVerdict, ProofVerifier } from './proof-verifier.js';
