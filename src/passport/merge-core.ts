// Internal: the union at the heart of add and merge. Candidates from every side are joined by CID
// (a linear merge of lists already sorted by CID), every candidate is verified (verdicts cached by
// CID), and the result keeps exactly the valid candidates the holder has not removed. Because the
// outcome depends only on the set of candidates and the joined exclusion list, merging copies in
// any order or grouping gives the same passport.
import type { PassportErrorCode } from '../errors.js';
import { assertDate } from '../internal/time.js';
import { admitSections, type SectionsToAdmit } from './admit.js';
import { viewOf } from './current-view.js';
import { compareCopies, entryId, sealJson } from '../entries/entry-id.js';
import { PassportError } from '../errors.js';
import { storedCredentialProblem } from './shape.js';
import { makePassport, readProperty, removedCids, type PassportProblem, type Sealed } from './state.js';
import { defaultVerificationCache, intakeVerdicts } from './verification-cache.js';
import {
  MAX_PASSPORT_ITEMS,
  type ExclusionRecord,
  type IntakeVerdict,
  type MergeOptions,
  type MergeResult,
  type PassportHolder,
  type RejectedEntry,
  type SectionProblem,
  type SignedEntry,
} from './types.js';

/** One side of a union: sealed items sorted by CID, with each item's index in the source list. */
export interface Side {
  source: RejectedEntry['source'];
  items: readonly Sealed<SignedEntry>[];
  /** Index in the caller's list (defaults to the position in `items`). */
  indexes?: readonly number[];
}

interface Candidate {
  cid: string;
  value: SignedEntry;
  /** Which side (0 = the base passport) and where in it. */
  side: number;
  index: number;
  inBase: boolean;
  /**
   * Other copies with the same CID that differ in what decides nothing (extra proofs, an unsigned
   * context tail), in order of preference after `value`: tried when `value` does not verify.
   */
  others?: { value: SignedEntry; side: number; index: number }[];
}

/** Checks and reads the options shared by add and merge. */
export function mergeOptions(options: unknown): Required<Pick<MergeOptions, 'cache' | 'concurrency' | 'acceptUnresolvedIssuers'>> & MergeOptions {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) throw new TypeError('"options" must be an object');
  const o = options as MergeOptions;
  const concurrency = o.concurrency ?? 64;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new TypeError('"options.concurrency" must be a positive integer');
  if (o.cache !== undefined && (typeof o.cache.get !== 'function' || typeof o.cache.set !== 'function')) {
    throw new TypeError('"options.cache" must be a verification cache (see createVerificationCache)');
  }
  if (o.canActFor !== undefined && typeof o.canActFor !== 'function') throw new TypeError('"options.canActFor" must be a function');
  if (o.now !== undefined) assertDate(o.now, 'options.now');
  return { ...o, cache: o.cache ?? defaultVerificationCache, concurrency, acceptUnresolvedIssuers: o.acceptUnresolvedIssuers === true };
}

/** Adds a copy to a candidate of the same CID, keeping the preferred copy (compareCopies) in front. */
function addCopy(candidate: Candidate, copy: { value: SignedEntry; side: number; index: number }): void {
  if (copy.value === candidate.value) return;
  const all = [{ value: candidate.value, side: candidate.side, index: candidate.index }, ...(candidate.others ?? [])];
  if (all.some((c) => c.value === copy.value || compareCopies(c.value, copy.value) === 0)) return;
  all.push(copy);
  all.sort((x, y) => compareCopies(x.value, y.value));
  const [first, ...rest] = all;
  candidate.value = first!.value;
  candidate.side = first!.side;
  candidate.index = first!.index;
  candidate.others = rest;
}

/** Joins sides by CID. Side 0 is the base; later sides' repeats of a CID are duplicates. */
function join(sides: readonly Side[]): { candidates: Candidate[]; duplicates: Set<string> } {
  const duplicates = new Set<string>();
  if (sides.length === 2) {
    // The common case (two passports): a linear merge of two sorted lists.
    const [a, b] = sides as [Side, Side];
    const out: Candidate[] = [];
    let i = 0;
    let j = 0;
    while (i < a.items.length || j < b.items.length) {
      const x = a.items[i];
      const y = b.items[j];
      if (y === undefined || (x !== undefined && x.cid < y.cid)) {
        out.push({ cid: x!.cid, value: x!.value, side: 0, index: a.indexes?.[i] ?? i, inBase: true });
        i++;
      } else if (x === undefined || y.cid < x.cid) {
        out.push({ cid: y.cid, value: y.value, side: 1, index: b.indexes?.[j] ?? j, inBase: false });
        j++;
      } else {
        const candidate: Candidate = { cid: x.cid, value: x.value, side: 0, index: a.indexes?.[i] ?? i, inBase: true };
        addCopy(candidate, { value: y.value, side: 1, index: b.indexes?.[j] ?? j });
        out.push(candidate);
        duplicates.add(x.cid);
        i++;
        j++;
      }
    }
    return { candidates: out, duplicates };
  }
  const seen = new Map<string, Candidate>();
  sides.forEach((side, s) => {
    side.items.forEach((item, k) => {
      const index = side.indexes?.[k] ?? k;
      const found = seen.get(item.cid);
      if (found) {
        duplicates.add(item.cid);
        addCopy(found, { value: item.value, side: s, index });
      } else seen.set(item.cid, { cid: item.cid, value: item.value, side: s, index, inBase: s === 0 });
    });
  });
  return { candidates: [...seen.values()].sort((x, y) => (x.cid < y.cid ? -1 : 1)), duplicates };
}

/** The sealed items of a passport section (sealed already, so their CIDs are cache hits). */
export function sealedItems<T extends object>(list: readonly T[]): Sealed<T>[] {
  return list.map((value) => ({ cid: entryId(value), value }));
}

/** Entries of a passport-shaped object that could not be read are reported as rejected. */
export function unreadableEntries(problems: readonly PassportProblem[], source: RejectedEntry['source']): RejectedEntry[] {
  return problems
    .filter((p) => p.section === 'entries')
    .map((p) => ({ source, index: p.index, code: p.code, message: p.message, errors: [{ code: p.code, message: p.message }] }));
}

/** Problems found while reading a copy, for the sections other than entries. */
export function sectionProblems(problems: readonly PassportProblem[], source: SectionProblem['source']): SectionProblem[] {
  return problems
    .filter((p): p is PassportProblem & { section: SectionProblem['section'] } => p.section !== 'entries')
    .map((p) => ({ source, section: p.section, index: p.index, code: p.code, message: p.message }));
}

/** The sections of one passport, ready for {@link union}. */
export function sectionsOf(
  source: SectionProblem['source'],
  passport: { accreditations: readonly Record<string, unknown>[]; statusLists: readonly Record<string, unknown>[]; exclusions: readonly ExclusionRecord[] },
): {
  exclusions: SectionsToAdmit['exclusions'][number];
  accreditations: SectionsToAdmit['accreditations'][number];
  statusLists: SectionsToAdmit['statusLists'][number];
} {
  return {
    exclusions: { source, records: passport.exclusions },
    accreditations: { source, items: sealedItems(passport.accreditations) },
    statusLists: { source, items: sealedItems(passport.statusLists) },
  };
}

/** The union of sides into a new passport, with the report add and merge return. */
export async function union(input: {
  holder: PassportHolder;
  sides: readonly Side[];
  exclusions: SectionsToAdmit['exclusions'];
  accreditations: SectionsToAdmit['accreditations'];
  statusLists: SectionsToAdmit['statusLists'];
  /** Items that could not even be read (bad shape), already reported. */
  unreadable: RejectedEntry[];
  /** Problems already found in the other sections while reading the copies. */
  problems: SectionProblem[];
  extraDuplicates?: Iterable<string>;
  options: ReturnType<typeof mergeOptions>;
}): Promise<MergeResult> {
  const { candidates, duplicates } = join(input.sides);
  for (const cid of input.extraDuplicates ?? []) duplicates.add(cid);
  const admitted = await admitSections({
    holder: input.holder,
    exclusions: input.exclusions,
    accreditations: input.accreditations,
    statusLists: input.statusLists,
    now: (input.options.now ?? new Date()).getTime(),
  });
  const exclusions = admitted.exclusions;
  const removed = removedCids(exclusions);
  const verdicts = await intakeVerdicts(candidates, input.options.cache, input.options.concurrency, input.options.proofVerifiers);
  const accepted = (verdict: IntakeVerdict): boolean =>
    verdict.ok || verdict.unchecked === true || (verdict.unresolved && input.options.acceptUnresolvedIssuers);
  // A copy that does not verify is replaced by another copy of the same entry that does (copies of
  // one CID differ only in proofs and contexts that decide nothing), rarely needed.
  for (const [k, c] of candidates.entries()) {
    for (const other of accepted(verdicts[k]!) ? [] : (c.others ?? [])) {
      const [verdict] = await intakeVerdicts([{ cid: c.cid, value: other.value }], input.options.cache, 1, input.options.proofVerifiers);
      if (!accepted(verdict!)) continue;
      Object.assign(c, { value: other.value, side: other.side, index: other.index });
      verdicts[k] = verdict!;
      break;
    }
  }

  const kept: Sealed<SignedEntry>[] = [];
  const added: string[] = [];
  const excluded: string[] = [];
  const unchecked = new Set<string>();
  const rejected: RejectedEntry[] = [...input.unreadable];
  candidates.forEach((c, k) => {
    const verdict = verdicts[k]!;
    if (accepted(verdict)) {
      if (removed.has(c.cid)) {
        excluded.push(c.cid);
        return;
      }
      kept.push({ cid: c.cid, value: c.value });
      // Kept, but it decides nothing until a verifier that can check it does.
      if (!verdict.ok && verdict.unchecked === true) unchecked.add(c.cid);
      if (!c.inBase) added.push(c.cid);
      return;
    }
    const first = verdict.errors[0] ?? { code: 'ERR_PROOF_SIGNATURE_INVALID' as PassportErrorCode, message: 'It could not be verified.' };
    rejected.push({ cid: c.cid, source: input.sides[c.side]!.source, index: c.index, code: first.code, message: first.message, errors: [...verdict.errors] });
  });

  const passport = makePassport({
    holder: input.holder,
    entries: kept,
    accreditations: admitted.accreditations,
    statusLists: admitted.statusLists,
    exclusions,
    unchecked,
  });
  const view = viewOf(
    kept.map((e) => e.cid),
    passport.entries,
    {
      ...(input.options.canActFor ? { canActFor: input.options.canActFor } : {}),
      actsOn: (cid) => !unchecked.has(cid),
    },
  );
  return {
    passport,
    added,
    duplicates: [...duplicates].sort(),
    conflicts: view.conflicts,
    rejected,
    excluded,
    unchecked: kept.filter((e) => unchecked.has(e.cid)).map((e) => e.cid),
    problems: [...input.problems, ...admitted.problems],
  };
}

/**
 * A plain copy of a caller-given list. Reading a proxy or an array with throwing getters must not
 * raise a raw error: an item that cannot be read becomes `undefined` (then reported as not JSON);
 * a list that cannot be read at all is a coded error.
 */
export function copyList(list: readonly unknown[], name: string): unknown[] {
  let length: number;
  try {
    if (!Array.isArray(list)) throw new TypeError();
    length = list.length;
  } catch {
    throw new PassportError('ERR_JSON_INVALID', `"${name}" cannot be read as a list.`);
  }
  if (length > MAX_PASSPORT_ITEMS) {
    throw new PassportError('ERR_LIMIT_EXCEEDED', `"${name}" holds ${length} items; at most ${MAX_PASSPORT_ITEMS} are accepted at once.`, {
      details: { limit: MAX_PASSPORT_ITEMS },
    });
  }
  const out = new Array<unknown>(length);
  for (let i = 0; i < length; i++) out[i] = readProperty(list, i);
  return out;
}

/** Seals caller-given entries, sorted by CID; unreadable ones become rejections. */
export function sealIncoming(list: readonly unknown[]): {
  items: Sealed<SignedEntry>[];
  indexes: number[];
  rejected: RejectedEntry[];
  repeats: string[];
} {
  const rejected: RejectedEntry[] = [];
  const found: { cid: string; value: SignedEntry; index: number }[] = [];
  const entries = copyList(list, 'entries');
  entries.forEach((value, index) => {
    // Sealed (snapshot) first: a getter or proxy must not run, or throw, while it is inspected.
    const sealed = sealJson(value);
    if (!sealed.ok) {
      rejected.push({ source: 'incoming', index, code: sealed.code, message: sealed.message, errors: [{ code: sealed.code, message: sealed.message }] });
      return;
    }
    if (storedCredentialProblem(sealed.entry)) {
      const message = 'It is not a signed credential (it lacks @context, type, issuer, credentialSubject or proof).';
      rejected.push({ source: 'incoming', index, cid: sealed.cid, code: 'ERR_SCHEMA_INVALID', message, errors: [{ code: 'ERR_SCHEMA_INVALID', message }] });
      return;
    }
    found.push({ cid: sealed.cid, value: sealed.entry as SignedEntry, index });
  });
  // Copies of one entry (one CID) keep the preferred copy (compareCopies), whatever their order.
  found.sort((x, y) => (x.cid < y.cid ? -1 : x.cid > y.cid ? 1 : compareCopies(x.value, y.value) || x.index - y.index));
  const items: Sealed<SignedEntry>[] = [];
  const indexes: number[] = [];
  const repeats: string[] = [];
  for (const f of found) {
    if (items.length > 0 && items[items.length - 1]!.cid === f.cid) {
      repeats.push(f.cid);
      continue;
    }
    items.push({ cid: f.cid, value: f.value });
    indexes.push(f.index);
  }
  return { items, indexes, rejected, repeats };
}
