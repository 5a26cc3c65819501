// Public API of the jwt area (curated named re-exports): entries and presentations as
// VC-JOSE-COSE JWTs, and SD-JWT VC for field-level disclosure. Every export carries JSDoc with
// an @example at its definition.
export { signVcJwt, type SignVcJwtOptions } from './sign-vc-jwt.js';
export { verifyVcJwt, type VcJwtVerificationResult, type VerifyVcJwtOptions } from './verify-vc-jwt.js';
export type { JwsAlgorithm } from './jose-keys.js';
export {
  issueSdJwtEntry,
  presentSdJwt,
  verifySdJwt,
  VCT_PREFIX,
  type DatePrecision,
  type IssueSdJwtEntryOptions,
  type PresentSdJwtOptions,
  type SdJwtVerificationResult,
  type VerifySdJwtOptions,
} from './sd-jwt.js';
