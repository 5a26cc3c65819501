// Public API of the present area (curated named re-exports): sharing with employers and others.
// Every export carries JSDoc with an @example at its definition.
export { createIdentityObject, matchIdentity, type NameIdentityObject } from './identity-object.js';
export {
  lintDisclosure,
  type DisclosureCode,
  type DisclosureSeverity,
  type DisclosureWarning,
  type LintDisclosureOptions,
  type SensitivePeriod,
} from './lint-disclosure.js';
export { AUDIENCES, type Audience } from './presentation-rules.js';
export { selectEntries, type EntrySelection, type ExcludedEntry, type ExclusionReason, type SelectEntriesOptions } from './select-entries.js';
export { createPresentation, type CreatePresentationResult } from './create-presentation.js';
export type { CreatePresentationInput, PresentationDocument, VerifiablePresentation } from './types.js';
export { verifyPresentation, type PresentationVerificationResult, type VerifyPresentationOptions } from './verify-presentation.js';
export type { PresentedEntryResult } from './check-entries.js';
export { signVpJwt, verifyVpJwt, type SignVpJwtInput, type SignVpJwtResult, type VerifyVpJwtOptions } from './vp-jwt.js';
export { printPack, type PrintPackOptions } from './print-pack.js';
export { foldCustodyEntries, type FoldedEntries } from './fold-custody.js';
