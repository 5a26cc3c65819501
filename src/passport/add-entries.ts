import { mergeOptions, sealedItems, sealIncoming, sectionProblems, sectionsOf, union, unreadableEntries } from './merge-core.js';
import { loadPassport } from './state.js';
import type { MergeOptions, MergeResult, Passport } from './types.js';

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
