/**
 * `learning-passport/verify`: verification only. Credentials, presentations and passports are
 * checked offline against a trust policy; nothing here issues, signs or stores. A verifier page
 * or service that imports only this entry point leaves the issuing code out of its bundle.
 * @packageDocumentation
 */
export { verifyCredential, type CredentialVerificationResult, type VerifyCredentialOptions } from './verify/index.js';
export { verifyPresentation, type PresentationVerificationResult, type PresentedEntryResult, type VerifyPresentationOptions } from './present/index.js';
export { verifyPassport, type PassportReport, type PassportReportEntry, type PassportCounts, type VerifyPassportOptions } from './passport/index.js';
export {
  createTrustPolicy,
  isTrustPolicy,
  type TrustEvaluation,
  type TrustOptions,
  type TrustPolicy,
  type TrustPolicyInput,
  type TrustRoot,
  type TrustRootInput,
} from './trust/index.js';
export type { FetchStatusList, TrustCheckpoint, TrustContext } from './trust/index.js';
export {
  KNOWN_CONTEXTS,
  MAX_PROOFS,
  unknownContexts,
  vcdmViolations,
  VCDM_RULES,
  type ProofVerdict,
  type ProofVerifier,
  type VcdmDocumentKind,
  type VcdmRule,
  type VcdmViolation,
} from './proof/index.js';
export type { Check, CheckName, VerificationError, VerificationResult } from './result.js';
