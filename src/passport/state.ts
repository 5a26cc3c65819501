// Internal: building frozen passports and reading untrusted passport-shaped values. Every passport
// this library returns goes through makePassport, so its entries are sealed (deep-frozen, CID
// known), sorted by CID and free of duplicates and holder-removed entries.
import { PassportError, type PassportErrorCode } from '../errors.js';
import { canonicalJson } from '../proof/jcs.js';
import { isPlainObject } from '../internal/json.js';
import { dateTimeStampInstant } from '../internal/time.js';
import { compareCopies, sealJson } from '../entries/entry-id.js';
import { exclusionRecordProblem, holderProblem, storedCredentialProblem, type ShapeProblem } from './shape.js';
import { MAX_PASSPORT_ITEMS, PASSPORT_TYPE, PASSPORT_VERSION, type ExclusionRecord, type Passport, type PassportHolder, type SignedEntry } from './types.js';

/** A sealed item and its CID. */
export interface Sealed<T = Record<string, unknown>> {
  cid: string;
  value: T;
}

/** What the library knows about a passport it built. */
export interface PassportState {
  /** Parallel to passport.entries. */
  cids: readonly string[];
  byCid: ReadonlyMap<string, SignedEntry>;
  /** True when every section was verified and the holder's signed removals applied. */
  admitted: boolean;
  /**
   * Entries kept although they could not be checked where they were admitted (a proof format
   * that needs learning-passport/rdfc): they are never dropped for that, and they decide nothing
   * (no revocation, supersession or conflict comes from them) until a verifier checks them.
   */
  unchecked: ReadonlySet<string>;
}

const states = new WeakMap<Passport, PassportState>();

/** A problem with one item of an untrusted passport. */
export interface PassportProblem {
  section: 'holder' | 'entries' | 'accreditations' | 'statusLists' | 'exclusions';
  index: number;
  code: PassportErrorCode;
  message: string;
  /** The item as found, so that nothing is lost. */
  value: unknown;
}

function byCid(a: Sealed<unknown>, b: Sealed<unknown>): number {
  if (a.cid !== b.cid) return a.cid < b.cid ? -1 : 1;
  return typeof a.value === 'object' && a.value !== null && typeof b.value === 'object' && b.value !== null ? compareCopies(a.value, b.value) : 0;
}

/** Sorts by CID and drops repeated CIDs, keeping the preferred copy of each (compareCopies). */
export function uniqueSorted<T>(items: Sealed<T>[]): Sealed<T>[] {
  items.sort(byCid);
  const out: Sealed<T>[] = [];
  for (const item of items) if (out.length === 0 || out[out.length - 1]!.cid !== item.cid) out.push(item);
  return out;
}

/** The identifier of a holder. */
export function holderId(holder: PassportHolder): string {
  return holder;
}

/** The holder of a merge: copies of one passport must have the same holder. */
export function joinHolder(a: PassportHolder, b: PassportHolder): PassportHolder {
  if (a !== b) {
    throw new PassportError('ERR_PASSPORT_HOLDER_MISMATCH', `These passports belong to different holders (${a} and ${b}); they cannot be merged.`, {
      details: { holders: [a, b] },
    });
  }
  return a;
}

function recordRank(r: ExclusionRecord): [number, number, string] {
  return [dateTimeStampInstant(r.at) ?? Number.NEGATIVE_INFINITY, r.action === 'remove' ? 1 : 0, canonicalJson(r)];
}

/** True when record `a` wins over `b`: later time, then remove over restore, then canonical order. */
export function recordWins(a: ExclusionRecord, b: ExclusionRecord): boolean {
  const [ta, ra, ca] = recordRank(a);
  const [tb, rb, cb] = recordRank(b);
  if (ta !== tb) return ta > tb;
  if (ra !== rb) return ra > rb;
  return ca < cb;
}

/**
 * One winning record per CID, sorted by CID (a join-semilattice: order and grouping do not
 * matter). Only for records already admitted (signed by the holder, dated no later than now).
 */
export function joinExclusions(...lists: readonly (readonly ExclusionRecord[])[]): ExclusionRecord[] {
  const winners = new Map<string, ExclusionRecord>();
  for (const list of lists) {
    for (const record of list) {
      const current = winners.get(record.cid);
      if (!current || recordWins(record, current)) winners.set(record.cid, record);
    }
  }
  return [...winners.values()].sort((x, y) => (x.cid < y.cid ? -1 : x.cid > y.cid ? 1 : 0));
}

/** CIDs whose winning record is a removal. */
export function removedCids(exclusions: readonly ExclusionRecord[]): Set<string> {
  const out = new Set<string>();
  for (const r of exclusions) if (r.action === 'remove') out.add(r.cid);
  return out;
}

/**
 * Builds a frozen passport from sealed parts. Entries must be sealed, sorted and unique.
 *
 * `admitted` says every item of every section was verified (add, merge, remove, restore): only
 * then are the holder's removals applied, so entries the holder removed are dropped here and the
 * invariant holds. A passport read from a file (parsePassport, or a passport-shaped object) is
 * not admitted: its exclusion records are carried unverified and honoured by nobody until an
 * operation that verifies them (verifyPassport, addEntries, mergePassports…) admits them, so an
 * unsigned record can never decide what a passport holds.
 */
export function makePassport(
  parts: {
    holder: PassportHolder;
    entries: Sealed<SignedEntry>[];
    accreditations: Sealed[];
    statusLists: Sealed[];
    exclusions: ExclusionRecord[];
    unchecked?: ReadonlySet<string>;
  },
  admitted = true,
): Passport {
  const removed = admitted ? removedCids(parts.exclusions) : new Set<string>();
  const kept = removed.size === 0 ? parts.entries : parts.entries.filter((e) => !removed.has(e.cid));
  const entries = Object.freeze(kept.map((e) => e.value));
  const cids = kept.map((e) => e.cid);
  const map = new Map<string, SignedEntry>();
  for (const e of kept) map.set(e.cid, e.value);
  const passport: Passport = Object.freeze({
    type: PASSPORT_TYPE,
    version: PASSPORT_VERSION,
    holder: parts.holder,
    entries,
    accreditations: Object.freeze(parts.accreditations.map((a) => a.value)),
    statusLists: Object.freeze(parts.statusLists.map((a) => a.value)),
    exclusions: Object.freeze(parts.exclusions.map((r) => Object.freeze({ ...r }))),
  });
  states.set(passport, { cids: Object.freeze(cids), byCid: map, admitted, unchecked: parts.unchecked ?? new Set() });
  return passport;
}

/** The state of a passport built by this library, if it is one. */
export function stateOf(passport: Passport): PassportState | undefined {
  return states.get(passport);
}

/** The sealed sections of a passport-shaped value, and what was wrong with any item. */
export interface ReadSections {
  holder: PassportHolder;
  entries: Sealed<SignedEntry>[];
  accreditations: Sealed[];
  statusLists: Sealed[];
  /** Records of the right shape, not yet verified (several per CID possible), sorted by CID. */
  exclusions: ExclusionRecord[];
  problems: PassportProblem[];
}

function problemText(problem: ShapeProblem): string {
  const path = problem.path.map(String).join('.');
  return `${path || '(root)'}: ${problem.message}`;
}

const UNREADABLE = Symbol('unreadable');

/** Reads one property of an untrusted object; getters and proxies that throw give UNREADABLE. */
export function readProperty(value: unknown, key: string | number): unknown {
  try {
    return (value as Record<string | number, unknown>)[key];
  } catch {
    return UNREADABLE;
  }
}

/** True for a plain object, false for anything else, including objects that throw when inspected. */
export function isPlainSafe(value: unknown): value is Record<string, unknown> {
  try {
    return isPlainObject(value);
  } catch {
    return false;
  }
}

function listOf(value: unknown, section: string): unknown[] | undefined {
  let length: unknown;
  try {
    if (!Array.isArray(value)) return undefined;
    length = value.length;
  } catch {
    return undefined;
  }
  if (typeof length !== 'number') return undefined;
  if (length > MAX_PASSPORT_ITEMS) {
    throw new PassportError('ERR_LIMIT_EXCEEDED', `The passport's "${section}" holds ${length} items; at most ${MAX_PASSPORT_ITEMS} are accepted.`, {
      details: { path: [section], limit: MAX_PASSPORT_ITEMS },
    });
  }
  const out = new Array<unknown>(length);
  for (let i = 0; i < length; i++) out[i] = readProperty(value, i);
  return out;
}

/**
 * The holder of an untrusted passport: a valid identifier string, or `{ id }` whose other fields
 * are dropped and reported. Throws ERR_PASSPORT_INVALID when there is no usable identifier.
 */
function readHolder(value: unknown, problems: PassportProblem[]): PassportHolder {
  let id = value;
  if (isPlainSafe(value)) {
    id = readProperty(value, 'id');
    let keys: string[] = [];
    try {
      keys = Object.keys(value).filter((k) => k !== 'id');
    } catch {
      keys = ['(unreadable)'];
    }
    if (keys.length > 0 || typeof id === 'string') {
      problems.push({
        section: 'holder',
        index: 0,
        code: 'ERR_PASSPORT_INVALID',
        message:
          keys.length > 0
            ? `The holder carries ${keys.length === 1 ? 'a field' : `${keys.length} fields`} a passport does not have; only the holder's identifier is kept.`
            : "The holder is an object; a passport keeps only the holder's identifier.",
        value,
      });
    }
  }
  const wrong = id === UNREADABLE ? undefined : holderProblem(id);
  if (wrong || id === UNREADABLE) {
    throw new PassportError('ERR_PASSPORT_INVALID', `The passport holder is not valid: ${wrong ? problemText(wrong) : 'it cannot be read'}.`, {
      details: { path: ['holder'] },
    });
  }
  return id as PassportHolder;
}

// The fields each section's schema requires, with the JavaScript type each must at least have.
// Only ever a weaker test than the schema: it rejects, it never admits.
const CREDENTIAL_FIELDS: readonly [string, (v: unknown) => boolean][] = [
  ['@context', (v) => Array.isArray(v)],
  ['type', (v) => typeof v === 'string' || Array.isArray(v)],
  ['issuer', (v) => typeof v === 'string' || (typeof v === 'object' && v !== null)],
  ['credentialSubject', (v) => typeof v === 'object' && v !== null],
  ['proof', (v) => typeof v === 'object' && v !== null],
];
const EXCLUSION_FIELDS: readonly [string, (v: unknown) => boolean][] = [
  ['cid', (v) => typeof v === 'string'],
  ['action', (v) => typeof v === 'string'],
  ['at', (v) => typeof v === 'string'],
  ['proof', (v) => typeof v === 'object' && v !== null],
];

/**
 * A plain reason when `value` plainly cannot be an item of `section` (not an object, or a
 * required field absent or of the wrong JavaScript type), else undefined. Constant work per
 * item: a handful of property reads, no copy, no hashing, no schema run.
 */
export function missingField(value: unknown, section: 'entries' | 'accreditations' | 'statusLists' | 'exclusions'): string | undefined {
  const what = section === 'exclusions' ? 'a signed exclusion record' : 'a signed credential';
  if (!isPlainSafe(value)) return `It is not ${what}: it is not a JSON object.`;
  for (const [key, fits] of section === 'exclusions' ? EXCLUSION_FIELDS : CREDENTIAL_FIELDS) {
    const field = readProperty(value, key);
    if (field === undefined) return `It is not ${what}: it has no "${key}".`;
    if (field === UNREADABLE || !fits(field)) return `It is not ${what}: its "${key}" has the wrong type.`;
  }
  return undefined;
}

/**
 * Reads the sections of an object already known to have the passport's top-level shape. Items of
 * the wrong shape become problems (with the item itself); everything else is kept. Every item is
 * snapshot (sealed) before it is inspected, so getters and proxies cannot run or throw later.
 * Signatures are not checked here (see makePassport's `admitted`). `owned`: `doc` is a fresh
 * JSON.parse result (parsePassport), so its items are sealed in place instead of copied.
 */
export function readSections(doc: Record<string, unknown>, owned = false): ReadSections {
  const problems: PassportProblem[] = [];
  const holder = readHolder(readProperty(doc, 'holder'), problems);
  const items = (section: 'entries' | 'accreditations' | 'statusLists' | 'exclusions'): { value: unknown; index: number; sealed: Sealed }[] => {
    const list = listOf(readProperty(doc, section), section) ?? [];
    const out: { value: unknown; index: number; sealed: Sealed }[] = [];
    list.forEach((value, index) => {
      if (value === UNREADABLE) {
        problems.push({ section, index, code: 'ERR_JSON_INVALID', message: 'It cannot be read (an object that throws when read).', value: undefined });
        return;
      }
      // Cheap rejection first: an item without the fields every stored item needs is reported
      // without being copied, hashed or run through the schema, so a file of tiny junk items
      // costs about what parsing it did (the full checks below still decide for the rest).
      const missing = missingField(value, section);
      if (missing !== undefined) {
        problems.push({ section, index, code: 'ERR_SCHEMA_INVALID', message: missing, value });
        return;
      }
      const sealed = sealJson(value, owned ? { owned } : {});
      if (!sealed.ok) {
        problems.push({ section, index, code: sealed.code, message: sealed.message, value });
        return;
      }
      const wrong = section === 'exclusions' ? exclusionRecordProblem(sealed.entry) : storedCredentialProblem(sealed.entry);
      if (wrong) {
        const what = section === 'exclusions' ? 'a signed exclusion record' : 'a signed credential';
        problems.push({ section, index, code: 'ERR_SCHEMA_INVALID', message: `It is not ${what}: ${problemText(wrong)}.`, value });
        return;
      }
      out.push({ value, index, sealed: { cid: sealed.cid, value: sealed.entry } });
    });
    return out;
  };
  const sealedOnly = (list: { sealed: Sealed }[]): Sealed[] => uniqueSorted(list.map((x) => x.sealed));
  return {
    holder,
    entries: sealedOnly(items('entries')) as Sealed<SignedEntry>[],
    accreditations: sealedOnly(items('accreditations')),
    statusLists: sealedOnly(items('statusLists')),
    exclusions: sealedOnly(items('exclusions')).map((x) => x.value as unknown as ExclusionRecord),
    problems,
  };
}

/**
 * The library's view of any passport value: passports built here are used as they are; other
 * objects are read like a parsed file (their problems are returned, never thrown away). Throws
 * TypeError when the value is not an object at all, PassportError (ERR_PASSPORT_INVALID,
 * ERR_PASSPORT_VERSION, ERR_LIMIT_EXCEEDED) when it is an object but not a usable passport.
 */
export function loadPassport(passport: unknown, name = 'passport'): { passport: Passport; state: PassportState; problems: PassportProblem[] } {
  if (typeof passport === 'object' && passport !== null) {
    const state = states.get(passport as Passport);
    if (state) return { passport: passport as Passport, state, problems: [] };
  }
  if (typeof passport !== 'object' || passport === null) throw new TypeError(`"${name}" must be a passport object`);
  if (!isPlainSafe(passport)) throw new PassportError('ERR_PASSPORT_INVALID', `"${name}" is not a passport: it is not a plain JSON object.`);
  const type = readProperty(passport, 'type');
  const version = readProperty(passport, 'version');
  if (type !== PASSPORT_TYPE) throw new PassportError('ERR_PASSPORT_INVALID', `"${name}" is not a learning passport (it has no "type": "${PASSPORT_TYPE}").`);
  if (version !== PASSPORT_VERSION) {
    throw new PassportError(
      'ERR_PASSPORT_VERSION',
      `"${name}" has a passport version this library does not know; only version ${PASSPORT_VERSION} is understood.`,
      {
        details: { version: typeof version === 'number' ? version : undefined },
      },
    );
  }
  if (listOf(readProperty(passport, 'entries'), 'entries') === undefined) {
    throw new PassportError('ERR_PASSPORT_INVALID', `"${name}" is not a passport: its "entries" is not a list.`, { details: { path: ['entries'] } });
  }
  const sections = readSections(passport);
  const built = makePassport(sections, false);
  return { passport: built, state: states.get(built)!, problems: sections.problems };
}
