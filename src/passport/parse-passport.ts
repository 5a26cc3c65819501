// Reading *.passport.json files. A bad file never silently loses valid content: the strict
// parsePassport refuses the whole file and names every bad item; readPassport keeps every valid
// item and hands back the bad ones (as found) with reasons.
import { PassportError } from '../errors.js';
import { isPlainObject, parseJson } from '../internal/json.js';
import { makePassport, readSections, type PassportProblem } from './state.js';
import { MAX_PASSPORT_ITEMS, PASSPORT_TYPE, PASSPORT_VERSION, type Passport } from './types.js';

export type { PassportProblem } from './state.js';

export { MAX_PASSPORT_ITEMS } from './types.js';

/** What {@link readPassport} returns. */
export interface ReadPassportResult {
  /** The passport with every valid item. */
  passport: Passport;
  /** Items that were not usable, each with its section, index, code, message and the value itself. */
  problems: PassportProblem[];
}

function decode(text: unknown): string {
  if (typeof text === 'string') return text;
  if (text instanceof Uint8Array) return new TextDecoder('utf-8', { fatal: false }).decode(text);
  throw new TypeError('"text" must be a string or UTF-8 bytes');
}

/** Checks everything above the items: JSON, type, version and the sections' presence. */
function readTopLevel(text: unknown): Record<string, unknown> {
  const source = decode(text).replace(/^\uFEFF/, '');
  let doc: unknown;
  try {
    doc = parseJson(source);
  } catch (cause) {
    throw new PassportError('ERR_JSON_INVALID', 'This file is not JSON, so it cannot be a passport.', { cause });
  }
  if (!isPlainObject(doc) || doc.type !== PASSPORT_TYPE) {
    throw new PassportError('ERR_PASSPORT_INVALID', `This file is not a learning passport (it has no "type": "${PASSPORT_TYPE}").`);
  }
  if (doc.version !== PASSPORT_VERSION) {
    const newer = typeof doc.version === 'number' && doc.version > PASSPORT_VERSION;
    throw new PassportError(
      'ERR_PASSPORT_VERSION',
      newer
        ? `This passport is version ${doc.version}, newer than this software understands (version ${PASSPORT_VERSION}). Update the software to read it.`
        : `This passport has an unknown version (${JSON.stringify(doc.version)}); only version ${PASSPORT_VERSION} is understood.`,
      { details: { version: doc.version } },
    );
  }
  // The top level must match exactly; items are checked one by one afterwards so a bad item
  // never hides the good ones.
  const allowed = new Set(['type', 'version', 'holder', 'entries', 'accreditations', 'statusLists', 'exclusions']);
  const unknownKeys = Object.keys(doc).filter((k) => !allowed.has(k));
  if (unknownKeys.length > 0) {
    throw new PassportError('ERR_PASSPORT_INVALID', `This passport has fields version ${PASSPORT_VERSION} does not define: ${unknownKeys.join(', ')}.`, {
      details: { path: [unknownKeys[0]!] },
    });
  }
  for (const section of ['entries', 'accreditations', 'statusLists', 'exclusions'] as const) {
    const list = doc[section];
    if (!Array.isArray(list)) {
      throw new PassportError('ERR_PASSPORT_INVALID', `The passport's "${section}" must be a list.`, { details: { path: [section] } });
    }
    if (list.length > MAX_PASSPORT_ITEMS) {
      throw new PassportError('ERR_LIMIT_EXCEEDED', `The passport's "${section}" holds ${list.length} items; at most ${MAX_PASSPORT_ITEMS} are accepted.`, {
        details: { path: [section], limit: MAX_PASSPORT_ITEMS },
      });
    }
  }
  return doc;
}

function problemList(problems: PassportProblem[]): string {
  const shown = problems.slice(0, 5).map((p) => `${p.section}[${p.index}] (${p.message.replace(/\.$/, '')})`);
  return shown.join('; ') + (problems.length > 5 ? `; and ${problems.length - 5} more` : '');
}

/**
 * Parses a passport file strictly. Every item must be usable; otherwise nothing is returned and
 * the error lists every bad item (section, index, code, message and the item itself in
 * `details.problems`), so the caller can repair the file or fall back to {@link readPassport}.
 * Every item is checked for its shape here (entries, accreditations and status lists must be
 * signed credentials; exclusion records must be signed holder decisions with real dates; the
 * holder must be a bare identifier). Signatures are checked by the operations that admit items
 * ({@link verifyPassport}, {@link addEntries}, {@link mergePassports}…): until then the holder's
 * removals are carried but not applied, so an unsigned record can never hide an entry.
 *
 * @param text - the file's text (or its UTF-8 bytes)
 * @returns a frozen passport (entries sorted by CID, duplicates dropped)
 * @throws {PassportError} ERR_JSON_INVALID (not JSON), ERR_PASSPORT_INVALID (not a passport, or
 *   bad items: see `details.problems`), ERR_PASSPORT_VERSION (a version this library does not know),
 *   ERR_LIMIT_EXCEEDED (a section with more than {@link MAX_PASSPORT_ITEMS} items)
 * @throws {TypeError} when `text` is neither a string nor bytes
 * @example
 * ```ts
 * const passport = parsePassport(await readFile('amira.passport.json', 'utf8'));
 * ```
 */
export function parsePassport(text: string | Uint8Array): Passport {
  const { passport, problems } = readPassport(text);
  if (problems.length > 0) {
    const noun = problems.length === 1 ? 'item is' : 'items are';
    throw new PassportError('ERR_PASSPORT_INVALID', `${problems.length} ${noun} not valid in this passport: ${problemList(problems)}.`, {
      details: {
        problems,
        issues: problems.map((p) => ({ path: [p.section, p.index], message: p.message })),
      },
    });
  }
  return passport;
}

/**
 * Parses a passport file leniently: the passport keeps every valid item and `problems` lists
 * every item that was left out, with the item itself, so nothing is lost. Use it to recover a
 * damaged file; the whole-file errors are the same as {@link parsePassport}'s.
 *
 * @param text - the file's text (or its UTF-8 bytes)
 * @returns `{ passport, problems }`
 * @throws {PassportError} ERR_JSON_INVALID, ERR_PASSPORT_INVALID (not a passport), ERR_PASSPORT_VERSION,
 *   ERR_LIMIT_EXCEEDED (a section with more than {@link MAX_PASSPORT_ITEMS} items)
 * @example
 * ```ts
 * const { passport, problems } = readPassport(text);
 * for (const p of problems) console.warn(`${p.section}[${p.index}]: ${p.message}`);
 * ```
 */
export function readPassport(text: string | Uint8Array): ReadPassportResult {
  const doc = readTopLevel(text);
  // The parsed tree is ours alone: its items are frozen in place rather than copied again.
  const sections = readSections(doc, true);
  return { passport: makePassport(sections, false), problems: sections.problems };
}
