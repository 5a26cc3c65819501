// Internal: building frozen passports and reading untrusted passport-shaped values. Every passport
// this library returns goes through makePassport, so its entries are sealed (deep-frozen, CID
// known), sorted by CID and free of duplicates and holder-removed entries.
import { PassportError, type PassportErrorCode } from '../errors.js';
import { canonicalJson } from '../proof/jcs.js';
import { isPlainObject } from '../internal/json.js';
import { sealJson } from './entry-id.js';
import { ExclusionRecordSchema, HolderSchema, StoredCredentialSchema } from './schema.js';
import {
  PASSPORT_TYPE,
  PASSPORT_VERSION,
  type ExclusionRecord,
  type Passport,
  type PassportHolder,
  type SignedEntry,
} from './types.js';

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
}

const states = new WeakMap<Passport, PassportState>();

/** A problem with one item of an untrusted passport. */
export interface PassportProblem {
  section: 'entries' | 'accreditations' | 'statusLists' | 'exclusions';
  index: number;
  code: PassportErrorCode;
  message: string;
  /** The item as found, so that nothing is lost. */
  value: unknown;
}

function byCid(a: Sealed<unknown>, b: Sealed<unknown>): number {
  return a.cid < b.cid ? -1 : a.cid > b.cid ? 1 : 0;
}

/** Sorts by CID and drops repeated CIDs. */
export function uniqueSorted<T>(items: Sealed<T>[]): Sealed<T>[] {
  items.sort(byCid);
  const out: Sealed<T>[] = [];
  for (const item of items) if (out.length === 0 || out[out.length - 1]!.cid !== item.cid) out.push(item);
  return out;
}

/** The identifier of a holder. */
export function holderId(holder: PassportHolder): string {
  return typeof holder === 'string' ? holder : holder.id;
}

/**
 * The holder of a merge. Copies of one passport must have the same holder id; when their
 * descriptors differ, a descriptor beats a bare id and otherwise the smaller canonical JSON wins,
 * which keeps merge commutative and associative.
 */
export function joinHolder(a: PassportHolder, b: PassportHolder): PassportHolder {
  if (holderId(a) !== holderId(b)) {
    throw new PassportError(
      'ERR_PASSPORT_HOLDER_MISMATCH',
      `These passports belong to different holders (${holderId(a)} and ${holderId(b)}); they cannot be merged.`,
      { details: { holders: [holderId(a), holderId(b)] } },
    );
  }
  if (typeof a === 'string') return b;
  if (typeof b === 'string') return a;
  return canonicalJson(a) <= canonicalJson(b) ? a : b;
}

function recordRank(r: ExclusionRecord): [number, number, string] {
  return [Date.parse(r.at), r.action === 'remove' ? 1 : 0, canonicalJson(r)];
}

/** True when record `a` wins over `b`: later time, then remove over restore, then canonical order. */
export function recordWins(a: ExclusionRecord, b: ExclusionRecord): boolean {
  const [ta, ra, ca] = recordRank(a);
  const [tb, rb, cb] = recordRank(b);
  if (ta !== tb) return ta > tb;
  if (ra !== rb) return ra > rb;
  return ca < cb;
}

/** One winning record per CID, sorted by CID (a join-semilattice: order and grouping do not matter). */
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
 * Builds a frozen passport from sealed parts. Entries must be sealed, sorted and unique; entries
 * the holder removed are dropped here so the invariant holds for every passport we return.
 */
export function makePassport(parts: {
  holder: PassportHolder;
  entries: Sealed<SignedEntry>[];
  accreditations: Sealed[];
  statusLists: Sealed[];
  exclusions: ExclusionRecord[];
}): Passport {
  const removed = removedCids(parts.exclusions);
  const kept = removed.size === 0 ? parts.entries : parts.entries.filter((e) => !removed.has(e.cid));
  const entries = Object.freeze(kept.map((e) => e.value));
  const cids = kept.map((e) => e.cid);
  const map = new Map<string, SignedEntry>();
  for (const e of kept) map.set(e.cid, e.value);
  const passport: Passport = Object.freeze({
    type: PASSPORT_TYPE,
    version: PASSPORT_VERSION,
    holder: deepFrozen(parts.holder),
    entries,
    accreditations: Object.freeze(parts.accreditations.map((a) => a.value)),
    statusLists: Object.freeze(parts.statusLists.map((a) => a.value)),
    exclusions: Object.freeze(parts.exclusions.map((r) => Object.freeze({ ...r }))),
  });
  states.set(passport, { cids: Object.freeze(cids), byCid: map });
  return passport;
}

function deepFrozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFrozen(v);
  }
  return value;
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
  exclusions: ExclusionRecord[];
  problems: PassportProblem[];
}

function issuesText(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  const first = issues[0];
  if (!first) return 'it has the wrong shape';
  const path = first.path.map(String).join('.');
  return `${path || '(root)'}: ${first.message}`;
}

/**
 * Reads the sections of an object already known to have the passport's top-level shape. Items of
 * the wrong shape become problems (with the item itself); everything valid is kept.
 */
export function readSections(doc: Record<string, unknown>): ReadSections {
  const problems: PassportProblem[] = [];
  const holderParse = HolderSchema.safeParse(doc.holder);
  if (!holderParse.success) {
    throw new PassportError('ERR_PASSPORT_INVALID', `The passport holder is not valid: ${issuesText(holderParse.error.issues)}.`);
  }
  const holder = sealHolder(holderParse.data as PassportHolder);
  const credentials = (section: 'entries' | 'accreditations' | 'statusLists', strict: boolean): Sealed[] => {
    const list = doc[section];
    const out: Sealed[] = [];
    if (!Array.isArray(list)) return out;
    list.forEach((value, index) => {
      if (strict) {
        const shape = StoredCredentialSchema.safeParse(value);
        if (!shape.success) {
          problems.push({ section, index, code: 'ERR_SCHEMA_INVALID', message: `It is not a signed credential: ${issuesText(shape.error.issues)}.`, value });
          return;
        }
      } else if (!isPlainObject(value)) {
        problems.push({ section, index, code: 'ERR_SCHEMA_INVALID', message: 'It is not a JSON object.', value });
        return;
      }
      const sealed = sealJson(value);
      if (sealed.ok) out.push({ cid: sealed.cid, value: sealed.entry });
      else problems.push({ section, index, code: sealed.code, message: sealed.message, value });
    });
    return uniqueSorted(out);
  };
  const entries = credentials('entries', true) as Sealed<SignedEntry>[];
  const accreditations = credentials('accreditations', false);
  const statusLists = credentials('statusLists', false);
  const records: ExclusionRecord[] = [];
  const exclusions = doc.exclusions;
  if (Array.isArray(exclusions)) {
    exclusions.forEach((value, index) => {
      const parsed = ExclusionRecordSchema.safeParse(value);
      if (parsed.success) records.push(parsed.data as ExclusionRecord);
      else problems.push({ section: 'exclusions', index, code: 'ERR_SCHEMA_INVALID', message: `It is not an exclusion record: ${issuesText(parsed.error.issues)}.`, value });
    });
  }
  return { holder, entries, accreditations, statusLists, exclusions: joinExclusions(records), problems };
}

function sealHolder(holder: PassportHolder): PassportHolder {
  if (typeof holder === 'string') return holder;
  const sealed = sealJson(holder);
  if (!sealed.ok) throw new PassportError('ERR_PASSPORT_INVALID', `The passport holder is not valid: ${sealed.message}`);
  return sealed.entry as PassportHolder;
}

/**
 * The library's view of any passport value: passports built here are used as they are; other
 * objects are read like a parsed file (their problems are returned, never thrown away).
 */
export function loadPassport(passport: unknown, name = 'passport'): { passport: Passport; state: PassportState; problems: PassportProblem[] } {
  if (isPlainObject(passport) || (typeof passport === 'object' && passport !== null && Object.isFrozen(passport))) {
    const state = states.get(passport as Passport);
    if (state) return { passport: passport as Passport, state, problems: [] };
  }
  if (!isPlainObject(passport)) throw new TypeError(`"${name}" must be a passport object`);
  if (passport.type !== PASSPORT_TYPE || passport.version !== PASSPORT_VERSION || !Array.isArray(passport.entries)) {
    throw new TypeError(`"${name}" must be a passport (type "${PASSPORT_TYPE}", version ${PASSPORT_VERSION}, entries)`);
  }
  const sections = readSections(passport);
  const built = makePassport(sections);
  return { passport: built, state: states.get(built)!, problems: sections.problems };
}
