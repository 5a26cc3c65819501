/**
 * The closed set of error codes used across learning-passport.
 *
 * Codes are public API: tests and callers match on `code`, never on messages. Adding a code is a
 * minor change; renaming or removing one is a breaking change.
 */
export const ERROR_CODES = [
  // input and encoding
  'ERR_JSON_INVALID',
  'ERR_SCHEMA_INVALID',
  'ERR_CONTEXT_UNKNOWN',
  'ERR_LIMIT_EXCEEDED',
  'ERR_CANONICALIZATION_FAILED',
  'ERR_MULTIBASE_INVALID',
  // keys
  'ERR_KEY_INVALID',
  'ERR_KEY_MISMATCH',
  'ERR_DID_INVALID',
  'ERR_KEY_FILE_INVALID',
  'ERR_KEY_FILE_PASSPHRASE',
  // entries
  'ERR_ENTRY_KIND_UNKNOWN',
  'ERR_PROHIBITED_DATA',
  'ERR_DATE_IN_FUTURE',
  // proofs
  'ERR_PROOF_MISSING',
  'ERR_PROOF_MALFORMED',
  'ERR_CRYPTOSUITE_NOT_ALLOWED',
  'ERR_CRYPTOSUITE_UNSUPPORTED',
  'ERR_JSONLD_INVALID',
  'ERR_JSONLD_CONTEXT_UNAVAILABLE',
  'ERR_PROOF_PURPOSE_MISMATCH',
  'ERR_PROOF_SIGNATURE_INVALID',
  'ERR_PROOF_CONTEXT_MISMATCH',
  'ERR_ISSUER_KEY_MISMATCH',
  'ERR_ISSUER_KEY_UNRESOLVED',
  // validity
  'ERR_CREDENTIAL_NOT_YET_VALID',
  'ERR_CREDENTIAL_EXPIRED',
  // passport
  'ERR_PASSPORT_INVALID',
  'ERR_PASSPORT_VERSION',
  'ERR_PASSPORT_HOLDER_MISMATCH',
  'ERR_ENTRY_SUBJECT_NOT_HOLDER',
  'ERR_LIFECYCLE_UNAUTHORISED',
  // trust
  'ERR_ISSUER_UNTRUSTED',
  'ERR_ACCREDITATION_INVALID',
  'ERR_KIND_NOT_ALLOWED',
  'ERR_KEY_COMPROMISED',
  'ERR_SIGNING_TIME_UNVOUCHED',
  'ERR_STATUS_REVOKED',
  'ERR_STATUS_SUSPENDED',
  'ERR_STATUS_UNKNOWN',
  'ERR_STATUS_LIST_INVALID',
  // trust lists
  'ERR_TRUST_LIST_INVALID',
  'ERR_TRUST_LIST_SIGNER',
  'ERR_TRUST_LIST_STALE',
  'ERR_TRUST_LIST_ROLLBACK',
  // presentations and sharing
  'ERR_PRESENTATION_CHALLENGE_MISMATCH',
  'ERR_PRESENTATION_DOMAIN_MISMATCH',
  'ERR_HOLDER_BINDING',
  'ERR_JOSE_INVALID',
  'ERR_SD_DISCLOSURE_INVALID',
  'ERR_ALGORITHM_NOT_ALLOWED',
  'ERR_QR_PAYLOAD_INVALID',
  'ERR_PRESENTATION_EMPTY',
  // privacy
  'ERR_NEUTRAL_NAME_REQUIRED',
] as const;

/** One of the stable error codes listed in {@link ERROR_CODES}. */
export type PassportErrorCode = (typeof ERROR_CODES)[number];

/** Structured extra information carried by a {@link PassportError}. */
export interface PassportErrorDetails {
  /** Where in the input the problem is, as a path of keys and indexes. */
  path?: (string | number)[];
  /** Individual validation issues, when a schema rejected the input. */
  issues?: { path: (string | number)[]; message: string }[];
  [key: string]: unknown;
}

/**
 * The one error class of learning-passport: a stable `code`, a plain-English `message`, and the
 * underlying `cause` when a dependency (jose, multiformats, canonicalize) failed.
 *
 * Verification functions do not throw this for bad credentials: they return it inside a result.
 * Parsing, importing and issuing functions throw it for bad untrusted input.
 *
 * @example
 * ```ts
 * import { parsePassport, isPassportError } from 'learning-passport';
 * try {
 *   parsePassport('not json');
 * } catch (err) {
 *   if (isPassportError(err, 'ERR_JSON_INVALID')) console.log(err.message);
 * }
 * ```
 */
export class PassportError extends Error {
  /** The stable code: match on this, not on `message`. */
  readonly code: PassportErrorCode;
  /** Extra structured information (paths, validation issues). */
  readonly details?: PassportErrorDetails;

  constructor(code: PassportErrorCode, message: string, options?: { cause?: unknown; details?: PassportErrorDetails }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PassportError';
    this.code = code;
    if (options?.details) this.details = options.details;
  }

  /** A plain `{ code, message }` pair, the shape used inside verification results. */
  toJSON(): { code: PassportErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }
}

/**
 * True when `err` is a {@link PassportError}, optionally with the given code.
 *
 * @example
 * ```ts
 * if (isPassportError(err, 'ERR_KEY_FILE_PASSPHRASE')) console.error('Wrong passphrase');
 * ```
 */
export function isPassportError(err: unknown, code?: PassportErrorCode): err is PassportError {
  return err instanceof PassportError && (code === undefined || err.code === code);
}
