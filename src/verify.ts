/**
 * `learning-passport/verify`: verification only. Credentials, presentations and passports are
 * checked offline against a trust policy; nothing here issues, signs or stores. A verifier page
 * or service that imports only this entry point leaves the issuing code out of its bundle.
 * @packageDocumentation
 */
// Each export comes from the file that defines it, not from its area's index: a bundler that
// splits code (tsup builds the published files with esbuild) gives this entry every file an
// index re-exports, so an index import would load the issuing code, zod and qrcode here.
export { verifyCredential, type CredentialVerificationResult, type VerifyCredentialOptions } from './verify/verify-credential.js';
export { verifyPresentation, type PresentationVerificationResult, type VerifyPresentationOptions } from './present/verify-presentation.js';
export type { PresentedEntryResult } from './present/check-entries.js';
export { verifyPassport } from './passport/verify-passport.js';
export type { PassportReport, PassportReportEntry, VerifyPassportOptions } from './passport/types.js';
export type { PassportCounts } from './result.js';
export { createTrustPolicy, isTrustPolicy, type TrustPolicy, type TrustPolicyInput, type TrustRoot, type TrustRootInput } from './trust/create-trust-policy.js';
export type { TrustEvaluation } from './trust/judge-trust.js';
export type { TrustOptions } from './trust/trust-options.js';
export type { FetchStatusList, TrustCheckpoint, TrustContext } from './trust/trust-context.js';
export {
  KNOWN_CONTEXTS,
  unknownContexts,
  vcdmViolations,
  VCDM_RULES,
  type VcdmDocumentKind,
  type VcdmRule,
  type VcdmViolation,
} from './proof/vcdm-conformance.js';
export { MAX_PROOFS } from './proof/proof-checks.js';
export type { ProofVerdict, ProofVerifier } from './proof/proof-verifier.js';
export type { Check, CheckName, VerificationError, VerificationResult } from './result.js';
