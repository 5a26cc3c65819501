export { canonicalBytes, canonicalJson } from './jcs.js';
export { signCredential } from './sign-credential.js';
export type { DataIntegrityProof, Signed, SignedCredential, SignedWithProofArray, SignOptions } from './types.js';
export { KNOWN_CONTEXTS, unknownContexts, vcdmViolations, VCDM_RULES, type VcdmDocumentKind, type VcdmRule, type VcdmViolation } from './vcdm-conformance.js';
export { MAX_PROOFS } from './proof-checks.js';
export type { ProofVerdict, ProofVerifier } from './proof-verifier.js';
