// Public API of the verify area (curated named re-exports): whole-credential verification.
// Every export carries JSDoc with an @example at its definition.
export { verifyCredential, type CredentialVerificationResult, type VerifyCredentialOptions } from './verify-credential.js';
export type { TrustOptions } from './trust-options.js';
