// Public API of the jwt area (curated named re-exports): entries and presentations as
// VC-JOSE-COSE JWTs, and SD-JWT VC for field-level disclosure. Every export carries JSDoc with
// an @example at its definition.
export { signVcJwt, type SignVcJwtOptions } from './sign-vc-jwt.js';
export { verifyVcJwt, type VcJwtVerificationResult, type VerifyVcJwtOptions } from './verify-vc-jwt.js';
export type { JwsAlgorithm } from './jose-keys.js';
export { issueSdJwtEntry, type IssueSdJwtEntryOptions } from './issue-sd-jwt-entry.js';
export { presentSdJwt, type PresentSdJwtOptions } from './present-sd-jwt.js';
export { MAX_SD_JWT_LENGTH } from './jwt-checks.js';
export { verifySdJwt, type SdJwtVerificationResult, type VerifySdJwtOptions } from './verify-sd-jwt.js';
export { VCT_PREFIX, type DatePrecision } from './sd-jwt-types.js';
