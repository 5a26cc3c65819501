// What a presentation request must be and what it shares, for both formats: createPresentation
// (Data Integrity) and signVpJwt (vp+jwt) check the same request and select the same entries.
import { isPlainObject, snapshotJson } from '../internal/json.js';
import { assertSigningKeyPair } from '../keys/key-pair.js';
import { assertNonEmpty, assertSelectionOptions } from './presentation-rules.js';
import { selectEntries, type EntrySelection } from './select-entries.js';
import type { CreatePresentationInput } from './types.js';

/**
 * Throws TypeError unless `input` is a usable presentation request: an object with a signing
 * holder key, an entries array, a non-empty challenge and domain, and valid selection options.
 * Shared by every presentation format (Data Integrity and vp+jwt).
 */
export function assertPresentationRequest(input: CreatePresentationInput): void {
  if (!isPlainObject(input as unknown)) throw new TypeError('"input" must be an object');
  assertSigningKeyPair(input.holderKey, 'holderKey');
  if (!Array.isArray(input.entries)) throw new TypeError('"entries" must be an array');
  // Entries and accreditations are read as plain data before anything else touches them: an
  // object whose getters or proxy traps throw is a caller mistake, reported as such.
  for (const name of ['entries', 'accreditations'] as const) {
    const list = input[name];
    if (list === undefined) continue;
    if (!Array.isArray(list)) throw new TypeError(`"${name}" must be an array`);
    list.forEach((item: unknown, i: number) => {
      const snap = snapshotJson(item);
      if (!snap.ok) throw new TypeError(`"${name}[${i}]" must be plain JSON data: it contains ${snap.reason}`);
    });
  }
  assertNonEmpty(input.challenge, 'challenge');
  assertNonEmpty(input.domain, 'domain');
  assertSelectionOptions(input);
}

/**
 * The selection for a presentation request. The linter always sees the accreditations the
 * presentation would carry, beside any the caller gave it: an accreditation names its issuer's
 * role, and a prison-issued entry with a neutral name is only recognisable by that role.
 * Shared by every presentation format (Data Integrity and vp+jwt).
 */
export function selectPresentedEntries(input: CreatePresentationInput): EntrySelection {
  return selectEntries(input.entries, {
    audience: input.audience,
    holder: input.holderKey.did,
    ...(input.include ? { include: input.include } : {}),
    ...(input.lint ? { lint: input.lint } : {}),
    ...(input.accreditations !== undefined ? { accreditations: input.accreditations } : {}),
  });
}
