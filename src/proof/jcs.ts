// RFC 8785 JSON Canonicalization Scheme, through the canonicalize package (or, for plain JSON
// whose keys are already in order, as every sealed passport item's are, native JSON.stringify:
// internal/sorted-json.ts).
import canonicalize from 'canonicalize';
import { PassportError } from '../errors.js';
import { utf8 } from '../internal/bytes.js';
import { sortedJsonText } from '../internal/sorted-json.js';

/**
 * The JCS text of a JSON value. Throws ERR_CANONICALIZATION_FAILED for values JCS cannot
 * represent (lone surrogates, non-finite numbers, undefined at the top level, cycles).
 *
 * @example
 * ```ts
 * canonicalJson({ b: 1, a: [true, 'é'] }); // '{"a":[true,"é"],"b":1}'
 * ```
 */
export function canonicalJson(value: unknown): string {
  const sorted = sortedJsonText(value);
  if (sorted !== undefined) return sorted;
  let text: string | undefined;
  try {
    text = canonicalize(value);
  } catch (cause) {
    throw new PassportError('ERR_CANONICALIZATION_FAILED', 'the document cannot be canonicalized (JCS, RFC 8785)', { cause });
  }
  if (text === undefined) throw new PassportError('ERR_CANONICALIZATION_FAILED', 'the document is not JSON');
  // JCS requires well-formed Unicode; canonicalize passes lone surrogates through in some paths.
  if (!text.isWellFormed()) throw new PassportError('ERR_CANONICALIZATION_FAILED', 'the document has an unpaired surrogate');
  return text;
}

/**
 * The UTF-8 bytes of the JCS text of a JSON value (what eddsa-jcs-2022 hashes).
 *
 * @example
 * ```ts
 * canonicalBytes({ b: 1, a: 2 }); // Uint8Array of '{"a":2,"b":1}'
 * ```
 */
export function canonicalBytes(value: unknown): Uint8Array {
  return utf8(canonicalJson(value));
}
