import { compareCopies, sealJson } from '../entries/entry-id.js';
import { mergeOptions, sectionProblems, sectionsOf, union } from './merge-core.js';
import { sealedItems, unreadableEntries } from './merge-passports.js';
import { storedCredentialProblem } from './shape.js';
import { PassportError } from '../errors.js';
import { loadPassport, readProperty, type Sealed } from './state.js';
import { MAX_PASSPORT_ITEMS, type MergeOptions, type MergeResult, type Passport, type RejectedEntry, type SignedEntry } from './types.js';

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

/**
 * Options of {@link addEntries}: those of a merge, and `allowOtherHolder`.
 *
 * @example
 * ```ts
 * await addEntries(passport, [entryForSomeoneElse], { allowOtherHolder: true }); // a deliberate exception
 * ```
 */
export interface AddEntriesOptions extends MergeOptions {
  /**
   * Admit entries whose subject (`credentialSubject.id`) is not the passport's holder. Default
   * false: such an entry is rejected with ERR_ENTRY_SUBJECT_NOT_HOLDER (an entry issued to the
   * wrong learner, or a passport mixed up at the desk).
   */
  allowOtherHolder?: boolean;
}

/** Moves incoming entries about another subject than `holder` into the rejections. */
function refuseOtherHolders(incoming: ReturnType<typeof sealIncoming>, holder: Passport['holder']): void {
  const holderId = typeof holder === 'string' ? holder : (holder as { id?: unknown }).id;
  const keep: number[] = [];
  incoming.items.forEach((item, i) => {
    const subject = (item.value as { credentialSubject?: unknown }).credentialSubject;
    const subjectId = subject !== null && typeof subject === 'object' && !Array.isArray(subject) ? (subject as { id?: unknown }).id : undefined;
    if (typeof subjectId === 'string' && subjectId !== holderId) {
      const message = `This entry is about ${subjectId.slice(0, 80)}, not the passport's holder ${String(holderId).slice(0, 80)}.`;
      const code = 'ERR_ENTRY_SUBJECT_NOT_HOLDER';
      incoming.rejected.push({ cid: item.cid, source: 'incoming', index: incoming.indexes[i]!, code, message, errors: [{ code, message }] });
    } else keep.push(i);
  });
  if (keep.length === incoming.items.length) return;
  const items = keep.map((i) => incoming.items[i]!);
  const indexes = keep.map((i) => incoming.indexes[i]!);
  incoming.items.splice(0, incoming.items.length, ...items);
  incoming.indexes.splice(0, incoming.indexes.length, ...indexes);
}

/**
 * Adds entries to a passport. Each entry is verified first (signature, VC shape, kind schema,
 * issuer key; verdicts cached by CID) and only valid ones are added; entries already held are
 * reported as `duplicates`; invalid ones are listed in `rejected` with their index in `entries`
 * and never added. Entries the holder removed stay out (`excluded`) until restored with
 * {@link restoreEntries}. Credentials from other systems (Open Badges 3.0, VC 2.0 with
 * eddsa-jcs-2022) are accepted like ours and show as kind `external`.
 *
 * Adding is the same operation as merging with a copy that holds `entries`, so the passport's
 * own entries are checked too (from the cache when they were verified before).
 *
 * @param passport - the passport to add to (not changed)
 * @param entries - signed entries
 * @param options - `cache`, `concurrency`, `acceptUnresolvedIssuers`, `canActFor`, `allowOtherHolder`
 * @returns `{ passport, added, duplicates, conflicts, rejected, excluded }`
 * @throws {TypeError} when `passport` is not a passport or `entries` is not an array
 * @example
 * ```ts
 * const entry = await issueEntry('qualification', fields, { issuer, key });
 * const { passport: updated, added } = await addEntries(passport, [entry]);
 * ```
 */
export async function addEntries(passport: Passport, entries: readonly unknown[], options: AddEntriesOptions = {}): Promise<MergeResult> {
  if (!Array.isArray(entries)) throw new TypeError('"entries" must be an array of signed entries');
  const opts = mergeOptions(options);
  const P = loadPassport(passport);
  const incoming = sealIncoming(entries);
  const own = sectionsOf('passport', P.passport);
  if (options.allowOtherHolder !== true) refuseOtherHolders(incoming, P.passport.holder);
  return union({
    holder: P.passport.holder,
    sides: [
      { source: 'passport', items: P.passport.entries.map((value, i) => ({ cid: P.state.cids[i]!, value })) },
      { source: 'incoming', items: incoming.items, indexes: incoming.indexes },
    ],
    exclusions: [own.exclusions],
    accreditations: [own.accreditations],
    statusLists: [own.statusLists],
    unreadable: [...unreadableEntries(P.problems, 'passport'), ...incoming.rejected],
    problems: sectionProblems(P.problems, 'passport'),
    extraDuplicates: incoming.repeats,
    options: opts,
  });
}
