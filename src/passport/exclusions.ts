// Holder control. The holder may remove entries they hold (it is their data). A removal is
// recorded in the passport's exclusion list, which travels with the passport and is joined on
// merge (for each CID the latest record wins, remove beating restore at the same instant), so a
// later merge with a copy that still has the entry does not bring it back.
//
// Invariant kept by these functions: a passport whose winning record for a CID is `restore` holds
// that entry. That is why restoreEntries takes the entries themselves, and it is what keeps merge
// associative: a restoration always travels with the entry it restores.
import { formatDateTimeStamp, isDateTimeStamp } from '../internal/time.js';
import { sealIncoming } from './add-entries.js';
import { mergeOptions, union } from './merge-core.js';
import { sealedItems, unreadableEntries } from './merge-passports.js';
import { CidStringSchema } from './schema.js';
import { loadPassport, makePassport, joinExclusions } from './state.js';
import type { ExclusionRecord, MergeOptions, MergeResult, Passport } from './types.js';

/** Options of {@link removeEntries} and {@link restoreEntries}. */
export interface ExclusionOptions {
  /** The holder's note, kept in the exclusion record (removals only). */
  reason?: string;
  /** When the decision is made (default: now). Later decisions win on merge. */
  at?: Date | string;
}

function stamp(at: Date | string | undefined): string {
  if (at === undefined) return formatDateTimeStamp(new Date());
  if (at instanceof Date && !Number.isNaN(at.getTime())) return formatDateTimeStamp(at);
  if (isDateTimeStamp(at)) return at;
  throw new TypeError('"options.at" must be a valid Date or a dateTimeStamp string');
}

/**
 * Removes entries from the holder's passport and records the removal in its exclusion list, so a
 * later merge with a copy that still holds them does not bring them back. CIDs not held are
 * recorded too (to keep an entry out before it arrives). Undo with {@link restoreEntries}.
 *
 * Removal is the holder's privacy control, not a withdrawal: the issuer's own records, and other
 * copies not yet merged, still have the entry, and verifiers who need to know an entry was
 * withdrawn rely on revocation entries and status lists, not on its absence.
 *
 * @param passport - the passport (not changed)
 * @param cids - entry ids to remove
 * @param options - `reason` (kept in the record), `at` (default now)
 * @returns the new passport
 * @throws {TypeError} when `passport` is not a passport, a CID is not a CID string, or an option is wrong
 * @example
 * ```ts
 * const trimmed = removeEntries(passport, [entryId(peerRoleEntry)], { reason: 'not for job applications' });
 * (await mergePassports(trimmed, charityCopy)).passport.entries.length === trimmed.entries.length; // stays out
 * ```
 */
export function removeEntries(passport: Passport, cids: readonly string[], options: ExclusionOptions = {}): Passport {
  if (!Array.isArray(cids)) throw new TypeError('"cids" must be an array of entry ids');
  for (const cid of cids) if (!CidStringSchema.safeParse(cid).success) throw new TypeError(`"cids" contains ${JSON.stringify(cid)}, which is not an entry id`);
  if (options.reason !== undefined && (typeof options.reason !== 'string' || options.reason.length > 1000)) {
    throw new TypeError('"options.reason" must be a string of at most 1000 characters');
  }
  const at = stamp(options.at);
  const { passport: p, state } = loadPassport(passport);
  const records: ExclusionRecord[] = cids.map((cid) => ({ cid, action: 'remove', at, ...(options.reason !== undefined ? { reason: options.reason } : {}) }));
  return makePassport({
    holder: p.holder,
    entries: p.entries.map((value, i) => ({ cid: state.cids[i]!, value })),
    accreditations: sealedItems(p.accreditations),
    statusLists: sealedItems(p.statusLists),
    // Joined like a merge, so a removal older than a restoration already recorded has no effect.
    exclusions: joinExclusions(p.exclusions, records),
  });
}

/**
 * Undoes removals: records a restoration for each given entry and adds it back (after verifying
 * it, like {@link addEntries}). The entries themselves are needed because the passport no longer
 * holds them: take them from another copy or a backup. A restoration later than the removal wins
 * on every merge.
 *
 * @param passport - the passport (not changed)
 * @param entries - the signed entries to bring back
 * @param options - `at` (default now) and the options of {@link addEntries}
 * @returns the same report as {@link addEntries}; entries that fail verification are not restored
 * @throws {TypeError} when an argument has the wrong type
 * @example
 * ```ts
 * const { passport: restored } = await restoreEntries(trimmed, [peerRoleEntry]);
 * ```
 */
export async function restoreEntries(
  passport: Passport,
  entries: readonly unknown[],
  options: ExclusionOptions & MergeOptions = {},
): Promise<MergeResult> {
  if (!Array.isArray(entries)) throw new TypeError('"entries" must be an array of signed entries');
  const at = stamp(options.at);
  const opts = mergeOptions(options);
  const P = loadPassport(passport);
  const incoming = sealIncoming(entries);
  const restored: ExclusionRecord[] = incoming.items.map((item) => ({ cid: item.cid, action: 'restore', at }));
  // First admit the entries with the restorations applied, then keep only the restorations whose
  // entry was admitted, so the invariant above holds.
  const result = await union({
    holder: P.passport.holder,
    sides: [
      { source: 'passport', items: P.passport.entries.map((value, i) => ({ cid: P.state.cids[i]!, value })) },
      { source: 'incoming', items: incoming.items, indexes: incoming.indexes },
    ],
    exclusions: [P.passport.exclusions, restored],
    accreditations: sealedItems(P.passport.accreditations),
    statusLists: sealedItems(P.passport.statusLists),
    unreadable: [...unreadableEntries(P.problems, 'passport'), ...incoming.rejected],
    extraDuplicates: incoming.repeats,
    options: opts,
  });
  const rejectedCids = new Set(result.rejected.map((r) => r.cid));
  if (!restored.some((r) => rejectedCids.has(r.cid))) return result;
  const out = result.passport;
  const passportOut = makePassport({
    holder: out.holder,
    entries: sealedItems(out.entries),
    accreditations: sealedItems(out.accreditations),
    statusLists: sealedItems(out.statusLists),
    exclusions: joinExclusions(P.passport.exclusions, restored.filter((r) => !rejectedCids.has(r.cid))),
  });
  return { ...result, passport: passportOut };
}
