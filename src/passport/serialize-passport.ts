import { PassportError } from '../errors.js';
import { isPlainObject } from '../internal/json.js';
import { isSealed } from '../entries/entry-id.js';
import { loadPassport } from './state.js';
import type { Passport } from './types.js';

/** Orders object keys by UTF-16 code units (as JCS does) so the text does not depend on history. */
function sortKeys(_key: string, value: unknown): unknown {
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  // defineProperty, not assignment: `out["__proto__"] = v` would set out's prototype and drop a
  // signed "__proto__" member from the file (the entry would then fail verification on reading).
  for (const key of Object.keys(value).sort()) Object.defineProperty(out, key, { value: value[key], enumerable: true, writable: true, configurable: true });
  return out;
}

/**
 * Writes a passport as deterministic text: fixed top-level order (type, version, holder,
 * exclusions, accreditations, statusLists, entries), keys sorted inside every item, items sorted
 * by CID, two-space indentation and a final newline. Two parties holding the same passport
 * always write byte-identical files.
 *
 * @param passport - a passport (from this library, or a passport-shaped object)
 * @returns the file text
 * @throws {TypeError} when `passport` is not an object
 * @throws {PassportError} ERR_PASSPORT_INVALID when a passport-shaped object is not a passport or
 *   holds items that cannot be written (listed in `details.problems`)
 * @example
 * ```ts
 * await writeFile('amira.passport.json', serializePassport(passport));
 * ```
 */
export function serializePassport(passport: Passport): string {
  const loaded = loadPassport(passport);
  if (loaded.problems.length > 0) {
    // Refuse rather than drop: the caller built this object and should see what is wrong.
    const first = loaded.problems[0]!;
    throw new PassportError('ERR_PASSPORT_INVALID', `"passport" holds an item that cannot be written: ${first.section}[${first.index}]: ${first.message}`, {
      details: { problems: loaded.problems.map(({ section, index, code, message }) => ({ section, index, code, message })) },
    });
  }
  const p = loaded.passport;
  // The top level keeps its reading order; every nested object is written with sorted keys.
  // One JSON.stringify over the whole document: the engine builds the text in one pass, where
  // writing the items one by one and re-indenting each made garbage that grew with the passport
  // (serializing 40,000 entries took 3.7× the CPU of the single pass, and the gap widened with n).
  const doc = {
    type: p.type,
    version: p.version,
    holder: p.holder,
    exclusions: sortedCopy(p.exclusions),
    accreditations: sortedCopy(p.accreditations),
    statusLists: sortedCopy(p.statusLists),
    entries: sortedCopy(p.entries),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * The value with its keys in JCS order at every level. Sealed items already hold their keys in
 * sorted order at every level (sealJson), so only anything else is copied.
 */
function sortedCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => (isSealed(item) ? item : sortedCopy(item)));
  if (!isPlainObject(value)) return value;
  // Through the replacer, which rebuilds every nested object with sorted keys; JSON.parse makes
  // "__proto__" an own member, as the file must hold it.
  return JSON.parse(JSON.stringify(value, sortKeys)) as unknown;
}
