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
  const doc: [string, unknown][] = [
    ['type', p.type],
    ['version', p.version],
    ['holder', p.holder],
    ['exclusions', p.exclusions],
    ['accreditations', p.accreditations],
    ['statusLists', p.statusLists],
    ['entries', p.entries],
  ];
  // The top level keeps its reading order; every nested object is written with sorted keys.
  // Lists are written item by item (one 100,000-entry string rewritten as a whole would be
  // copied several times over), indented as JSON.stringify(list, sortKeys, 2) nested two deep.
  const body = doc
    .map(([key, value]) => `  ${JSON.stringify(key)}: ${Array.isArray(value) ? listText(value) : JSON.stringify(value, sortKeys, 2)}`)
    .join(',\n');
  return `{\n${body}\n}\n`;
}

function listText(list: readonly unknown[]): string {
  if (list.length === 0) return '[]';
  const items = list.map((item) => {
    // Sealed items already hold their keys in sorted order at every level (sealJson), so the
    // replacer, which rebuilds every object, is needed only for anything else.
    const text = isSealed(item) ? JSON.stringify(item, null, 2) : JSON.stringify(item, sortKeys, 2);
    return `    ${text.replace(/\n/g, '\n    ')}`;
  });
  return `[\n${items.join(',\n')}\n  ]`;
}
