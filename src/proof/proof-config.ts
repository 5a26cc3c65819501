// The proof configuration (VC-DI-EdDSA §3.2.5 / §3.3.5: the proof without its value), built the
// same way for every cryptosuite this package signs with: signCredential (eddsa-jcs-2022) and
// learning-passport/rdfc's addRdfcProof (eddsa-rdfc-2022) read the same SignOptions.
import { DATA_INTEGRITY_PROOF } from '../constants.js';
import { formatDateTimeStamp, isDateTimeStamp } from '../internal/time.js';
import type { SigningKeyPair } from '../keys/types.js';
import type { DataIntegrityProof, SignOptions } from './types.js';

function timestamp(value: Date | string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (value instanceof Date && !Number.isNaN(value.getTime())) return formatDateTimeStamp(value);
  if (isDateTimeStamp(value)) return value;
  throw new TypeError(`"${name}" must be a valid Date or an XML Schema dateTimeStamp string`);
}

/**
 * The proof configuration for `key` under `options` (created defaults to now, the purpose to
 * `assertionMethod`), in the property order of the W3C examples so that a signed entry reads
 * naturally. The caller adds `@context` where its cryptosuite wants it, and the proof value.
 *
 * @throws {TypeError} when `created` or `expires` is not a date-time, or `proofPurpose` is empty
 */
export function proofConfiguration<C extends string>(
  cryptosuite: C,
  key: SigningKeyPair,
  options: SignOptions,
): Pick<DataIntegrityProof<C>, 'type' | 'cryptosuite' | 'created' | 'verificationMethod' | 'proofPurpose' | 'challenge' | 'domain' | 'expires'> {
  const created = timestamp(options.created ?? new Date(), 'options.created');
  const expires = timestamp(options.expires, 'options.expires');
  const proofPurpose = options.proofPurpose ?? 'assertionMethod';
  if (typeof proofPurpose !== 'string' || proofPurpose === '') throw new TypeError('"options.proofPurpose" must be a string');
  return {
    type: DATA_INTEGRITY_PROOF,
    cryptosuite,
    ...(created ? { created } : {}),
    verificationMethod: key.verificationMethod,
    proofPurpose,
    ...(options.challenge !== undefined ? { challenge: String(options.challenge) } : {}),
    ...(options.domain !== undefined ? { domain: Array.isArray(options.domain) ? options.domain.map(String) : String(options.domain) } : {}),
    ...(expires ? { expires } : {}),
  };
}
