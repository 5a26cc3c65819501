/**
 * learning-passport: portable, signed learning records. See the README for a tour.
 * @packageDocumentation
 */
export { DATA_INTEGRITY_PROOF, EDDSA_JCS_2022, LEARNING_PASSPORT_CONTEXT, OB_V3_CONTEXT, VC_V2_CONTEXT } from './constants.js';
export { ERROR_CODES, PassportError, isPassportError, type PassportErrorCode, type PassportErrorDetails } from './errors.js';
export * from './keys/index.js';
export * from './proof/index.js';
export * from './verify/index.js';
export type { Check, CheckName, VerificationError, VerificationResult, Verdict } from './result.js';
export * from './entries/index.js';
export * from './passport/index.js';
export * from './trust/index.js';
export * from './present/index.js';
export * from './jwt/index.js';
export * from './qr/index.js';
