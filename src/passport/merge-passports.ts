import { mergeOptions, sectionProblems, sectionsOf, union, unreadableEntries } from './merge-core.js';
import { joinHolder, loadPassport, type PassportProblem, type Sealed } from './state.js';
import type { MergeOptions, MergeResult, Passport, RejectedEntry, SignedEntry } from './types.js';

/**
 * Merges two copies of a passport: the union of their entries by CID. Every entry of both copies
 * is verified (signature, VC shape, kind schema, issuer key; verdicts are cached by CID so entries
 * verified before are not verified again); entries that fail are left out and listed in
 * `rejected`. Two different entries with the same credential id from the same issuer and no
 * supersession between them are both kept and listed in `conflicts`. The holders' exclusion lists
 * are joined (latest decision per CID wins), and entries the holder removed stay out (`excluded`).
 * Accreditations and status-list snapshots are joined by CID too.
 *
 * Merge is commutative, associative and idempotent: merging the same copies in any order or
 * grouping gives a passport that serializes to the same bytes. (`added` and `duplicates` are
 * relative to `a`.) Validity dates are not checked here: an expired card is still a true record.
 *
 * @param a - one copy (the reference for `added`)
 * @param b - the other copy
 * @param options - `cache`, `concurrency`, `acceptUnresolvedIssuers`, `canActFor`
 * @returns `{ passport, added, duplicates, conflicts, rejected, excluded }`
 * @throws {PassportError} ERR_PASSPORT_HOLDER_MISMATCH when the copies belong to different holders
 * @throws {TypeError} when an argument is not a passport or an option has the wrong type
 * @example
 * ```ts
 * const { passport, added, rejected } = await mergePassports(prisonACopy, prisonBCopy);
 * console.log(`${added.length} new entries; ${rejected.length} refused`);
 * ```
 */
export async function mergePassports(a: Passport, b: Passport, options: MergeOptions = {}): Promise<MergeResult> {
  const opts = mergeOptions(options);
  const A = loadPassport(a, 'a');
  const B = loadPassport(b, 'b');
  const holder = joinHolder(A.passport.holder, B.passport.holder);
  const side = (p: Passport, cids: readonly string[]): Sealed<SignedEntry>[] => p.entries.map((value, i) => ({ cid: cids[i]!, value }));
  const sa = sectionsOf('a', A.passport);
  const sb = sectionsOf('b', B.passport);
  return union({
    holder,
    sides: [
      { source: 'a', items: side(A.passport, A.state.cids) },
      { source: 'b', items: side(B.passport, B.state.cids) },
    ],
    exclusions: [sa.exclusions, sb.exclusions],
    accreditations: [sa.accreditations, sb.accreditations],
    statusLists: [sa.statusLists, sb.statusLists],
    unreadable: [...unreadableEntries(A.problems, 'a'), ...unreadableEntries(B.problems, 'b')],
    problems: [...sectionProblems(A.problems, 'a'), ...sectionProblems(B.problems, 'b')],
    options: opts,
  });
}
