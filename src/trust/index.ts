// Public API of the trust area (curated named re-exports). Every export carries JSDoc with an
// @example at its definition.
export { createTrustPolicy, isTrustPolicy, type TrustPolicy, type TrustPolicyInput, type TrustRoot, type TrustRootInput } from './create-trust-policy.js';
export { DEFAULT_MAX_STATUS_AGE, DEFAULT_RULES, TRUST_CAPABILITIES, TRUST_KINDS, type TrustCapability, type TrustKind } from './rules.js';
export { accreditIssuer, type AccreditationCredential, type AccreditationSubject, type AccreditIssuerInput } from './accredit-issuer.js';
export { revokeAccreditation, type AccreditationRevocationCredential, type RevokeAccreditationInput } from './revoke-accreditation.js';
export {
  ACCREDITATION_REVOCATION_TYPE,
  ACCREDITATION_TYPE,
  TRUST_LIST_TYPE,
  type FetchStatusList,
  type SignedTrustCredential,
  type TrustCheckpoint,
} from './types.js';
export { createTrustContext, isTrustContext, type RejectedAccreditation, type TrustContext, type TrustContextInput } from './trust-context.js';
export { checkpointsFromEntries } from './checkpoints-from-entries.js';
export { evaluateTrust, type EvaluateTrustOptions } from './evaluate-trust.js';
export type { TrustEvaluation } from './judge-trust.js';
export type { TrustOptions } from './trust-options.js';
export type { TrustChainLink } from './resolve-chain.js';
export type { StatusReport } from './check-status.js';
export { ownKeyOnly, type LifecycleRequest } from './lifecycle-request.js';
export { mayActOnEntry, type MayActOnEntryInput, type MayActOnEntryResult } from './may-act-on-entry.js';
export { lifecycleAuthority } from './lifecycle-authority.js';
export {
  createStatusList,
  decodeStatusList,
  encodeStatusList,
  getStatus,
  MAX_STATUS_LIST_BYTES,
  MAX_STATUS_LIST_BYTES_PER_VERIFICATION,
  MIN_STATUS_LIST_LENGTH,
  setStatus,
  type StatusList,
} from './status-list.js';
export {
  issueStatusListCredential,
  statusEntry,
  type BitstringStatusListEntry,
  type IssueStatusListInput,
  type StatusListCredential,
  type StatusPurpose,
} from './status-list-credential.js';
export {
  createTrustList,
  isTrustList,
  verifyTrustList,
  type CreateTrustListInput,
  type TrustList,
  type TrustListCredential,
  type TrustListRoot,
  type TrustListVerification,
  type VerifyTrustListOptions,
} from './trust-list.js';
