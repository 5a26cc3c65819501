/**
 * learning-passport: portable, signed learning records. The root entry point holds what most
 * users call: keys and issuer profiles, issuing and verifying entries, passports, a trust policy
 * and presentations. Each area has a subpath of its own with the rest: `learning-passport/verify`
 * (verification only), `/trust`, `/present`, `/jwt`, `/qr`, `/kinds` and `/rdfc`. See the README.
 * @packageDocumentation
 */
export { DATA_INTEGRITY_PROOF, EDDSA_JCS_2022, LEARNING_PASSPORT_CONTEXT, OB_V3_CONTEXT, VC_V2_CONTEXT } from './constants.js';
export { ERROR_CODES, PassportError, isPassportError, type PassportErrorCode, type PassportErrorDetails } from './errors.js';
export type { Check, CheckName, VerificationError, VerificationResult, Verdict } from './result.js';
export * from './keys/index.js';
export {
  canonicalBytes,
  canonicalJson,
  signCredential,
  type DataIntegrityProof,
  type Signed,
  type SignedCredential,
  type SignedWithProofArray,
  type SignOptions,
} from './proof/index.js';
export { verifyCredential, type CredentialVerificationResult, type VerifyCredentialOptions } from './verify/index.js';
export {
  checkEntrySchema,
  describeEntry,
  ENTRY_KINDS,
  entryKindOf,
  isEntryKind,
  issueEntry,
  type EntryCredential,
  type EntryFields,
  type EntryKind,
  type EntrySchemaOutcome,
  type HolderIdentity,
  type IssueEntryOptions,
  type LearningPassportData,
  type SignedEntry,
} from './entries/index.js';
export * from './passport/index.js';
export { createTrustPolicy, type TrustOptions, type TrustPolicy, type TrustPolicyInput, type TrustRootInput } from './trust/index.js';
export {
  createPresentation,
  verifyPresentation,
  type Audience,
  type CreatePresentationInput,
  type CreatePresentationResult,
  type PresentationVerificationResult,
  type VerifiablePresentation,
  type VerifyPresentationOptions,
} from './present/index.js';
