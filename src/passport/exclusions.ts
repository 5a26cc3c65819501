// Holder control. The holder may remove entries they hold (it is their data). A removal is
// signed with the holder's key and recorded in the passport's exclusion list, which travels with the passport and is joined on
// merge (for each CID the latest record wins, remove beating restore at the same instant), so a
// later merge with a copy that still has the entry does not bring it back.
//
// Invariant kept by these functions: a passport whose winning record for a CID is `restore` holds
// that entry. That is why restoreEntries takes the entries themselves, and it is what keeps merge
// associative: a restoration always travels with the entry it restores.
import { PassportError } from '../errors.js';
import { findProhibited } from '../entries/prohibited.js';
import { dateTimeStampInstant, formatDateTimeStamp, notInFuture } from '../internal/time.js';
import { assertSigningKeyPair } from '../keys/key-pair.js';
import type { SigningKeyPair } from '../keys/types.js';
import { signCredential } from '../proof/sign-credential.js';
import { copyList, mergeOptions, sealIncoming, sectionProblems, sectionsOf, union, unreadableEntries } from './merge-core.js';
import { isCidString } from './shape.js';
import { loadPassport } from './state.js';
import { intakeVerdicts } from './verification-cache.js';
import { HOLDER_DECISION_SKEW_SECONDS, type ExclusionRecord, type MergeOptions, type MergeResult, type Passport } from './types.js';

/** Options of {@link removeEntries} and {@link restoreEntries}. */
export interface ExclusionOptions extends MergeOptions {
  /**
   * The holder's own key pair (did:key). Every removal and restoration is signed with it: a
   * record that is not signed by the passport holder's key is never honoured, so nobody else can
   * decide what a passport holds. Passports whose holder has no key (a `urn:uuid:`) cannot
   * record removals.
   */
  holderKey: SigningKeyPair;
  /** The holder's note, kept in the exclusion record (removals only). */
  reason?: string;
  /** When the decision is made (default: now, or `now` when given). Later decisions win on merge; it may not be in the future. */
  at?: Date | string;
}

function stamp(at: Date | string | undefined, now: Date): string {
  const value = at === undefined ? formatDateTimeStamp(now) : at instanceof Date && !Number.isNaN(at.getTime()) ? formatDateTimeStamp(at) : at;
  const instant = dateTimeStampInstant(value);
  if (typeof value !== 'string' || instant === undefined) throw new TypeError('"options.at" must be a valid Date or a dateTimeStamp string');
  if (!notInFuture(instant, now.getTime(), HOLDER_DECISION_SKEW_SECONDS)) throw new TypeError('"options.at" must not be in the future');
  return value;
}

function holderKeyFor(passport: Passport, options: ExclusionOptions): SigningKeyPair {
  if (typeof options !== 'object' || options === null) throw new TypeError('"options" must be an object with the holder\'s key ("holderKey")');
  assertSigningKeyPair(options.holderKey, 'options.holderKey');
  if (!passport.holder.startsWith('did:key:')) {
    throw new PassportError('ERR_HOLDER_BINDING', "This passport's holder has no key (not a did:key), so removals and restorations cannot be signed for it.");
  }
  if (options.holderKey.did !== passport.holder) {
    throw new PassportError('ERR_HOLDER_BINDING', "The key given is not the passport holder's key; only the holder can remove or restore entries.");
  }
  return options.holderKey;
}

// An exclusion record is a holder decision, not a verifiable credential: it has no @context, type
// or issuer, and it is checked by its signature alone (admit.ts recordRefusal), never by
// verifyCredential. So the VC Data Model conformance gate of signCredential does not apply to it.
async function signRecords(key: SigningKeyPair, records: readonly Omit<ExclusionRecord, 'proof'>[], created: string): Promise<ExclusionRecord[]> {
  return Promise.all(records.map((r) => signCredential(r, key, { created, unsafeSkipConformance: true }) as unknown as Promise<ExclusionRecord>));
}

/**
 * Removes entries from the holder's passport and records each removal, signed with the holder's
 * key, in its exclusion list, so a later merge with a copy that still holds them does not bring
 * them back. CIDs not held are recorded too (to keep an entry out before it arrives). Undo with
 * {@link restoreEntries}. Like every operation that builds a passport, it verifies every item
 * (entries, accreditations, status lists, earlier decisions) and reports what it left out.
 *
 * Removal is the holder's privacy control, not a withdrawal: the issuer's own records, and other
 * copies not yet merged, still have the entry, and verifiers who need to know an entry was
 * withdrawn rely on revocation entries and status lists, not on its absence.
 *
 * @param passport - the passport (not changed); its holder must be a did:key
 * @param cids - entry ids to remove
 * @param options - `holderKey` (required), `reason` (kept in the record), `at` (default now),
 *   and the options of {@link addEntries}
 * @returns the same report as {@link addEntries}; `excluded` lists the entries now kept out
 * @throws {PassportError} ERR_HOLDER_BINDING when the holder has no key or `holderKey` is not the holder's
 * @throws {PassportError} ERR_PROHIBITED_DATA when `reason` holds prohibited data (a prison number, an offence…)
 * @throws {TypeError} when a CID is not a CID string or an option is wrong (an `at` in the future)
 * @example
 * ```ts
 * const { passport: trimmed } = await removeEntries(passport, [entryId(peerRoleEntry)], { holderKey, reason: 'not for job applications' });
 * (await mergePassports(trimmed, charityCopy)).passport.entries.length === trimmed.entries.length; // stays out
 * ```
 */
export async function removeEntries(passport: Passport, cids: readonly string[], options: ExclusionOptions): Promise<MergeResult> {
  const list = copyList(cids, 'cids');
  for (const cid of list) if (!isCidString(cid)) throw new TypeError('"cids" contains a value that is not an entry id');
  const opts = mergeOptions(options);
  const P = loadPassport(passport);
  const key = holderKeyFor(P.passport, options);
  if (options.reason !== undefined && (typeof options.reason !== 'string' || options.reason.length > 1000)) {
    throw new TypeError('"options.reason" must be a string of at most 1000 characters');
  }
  // The reason is kept in the passport and travels with every copy: it gets the same firewall
  // as an entry's fields (no prison numbers, offences, sentences…).
  const prohibited = options.reason === undefined ? undefined : findProhibited(options.reason);
  if (prohibited) {
    throw new PassportError(
      'ERR_PROHIBITED_DATA',
      `The removal reason contains ${prohibited.label}, which a passport never holds. Give a reason without it (for example "not for job applications").`,
      {
        details: { path: ['reason'] },
      },
    );
  }
  const now = opts.now ?? new Date();
  const at = stamp(options.at, now);
  const records = await signRecords(
    key,
    [...new Set(list as string[])].map((cid) => ({ cid, action: 'remove' as const, at, ...(options.reason !== undefined ? { reason: options.reason } : {}) })),
    formatDateTimeStamp(now),
  );
  const own = sectionsOf('passport', P.passport);
  return union({
    holder: P.passport.holder,
    sides: [{ source: 'passport', items: P.passport.entries.map((value, i) => ({ cid: P.state.cids[i]!, value })) }],
    // Joined like a merge, so a removal older than a restoration already recorded has no effect.
    exclusions: [own.exclusions, { source: 'incoming', records }],
    accreditations: [own.accreditations],
    statusLists: [own.statusLists],
    unreadable: unreadableEntries(P.problems, 'passport'),
    problems: sectionProblems(P.problems, 'passport'),
    options: { ...opts, now },
  });
}

/**
 * Undoes removals: records a restoration, signed with the holder's key, for each given entry and
 * adds it back (after verifying it, like {@link addEntries}). The entries themselves are needed
 * because the passport no longer holds them: take them from another copy or a backup. A
 * restoration later than the removal wins on every merge. Entries that fail verification are
 * not restored, and no restoration is recorded for them.
 *
 * @param passport - the passport (not changed); its holder must be a did:key
 * @param entries - the signed entries to bring back
 * @param options - `holderKey` (required), `at` (default now) and the options of {@link addEntries}
 * @returns the same report as {@link addEntries}
 * @throws {PassportError} ERR_HOLDER_BINDING when the holder has no key or `holderKey` is not the holder's
 * @throws {TypeError} when an argument has the wrong type
 * @example
 * ```ts
 * const { passport: restored } = await restoreEntries(trimmed, [peerRoleEntry], { holderKey });
 * ```
 */
export async function restoreEntries(passport: Passport, entries: readonly unknown[], options: ExclusionOptions): Promise<MergeResult> {
  const list = copyList(entries, 'entries');
  const opts = mergeOptions(options);
  const P = loadPassport(passport);
  const key = holderKeyFor(P.passport, options);
  const now = opts.now ?? new Date();
  const given = stamp(options.at, now);
  const incoming = sealIncoming(list);
  // Restorations are signed only for entries that pass intake, so a restoration always travels
  // with the entry it restores (what keeps merge associative).
  const verdicts = await intakeVerdicts(incoming.items, opts.cache, opts.concurrency);
  const admissible = incoming.items.filter((_, i) => verdicts[i]!.ok || (verdicts[i]!.unresolved && opts.acceptUnresolvedIssuers));
  const own = sectionsOf('passport', P.passport);
  // A restoration must be later than the removal it undoes, and the latest record wins. A removal
  // may be dated up to the clock skew ahead (another device's clock): without an explicit `at`, the
  // restoration is dated just after it, within the same skew, so it is not silently outranked.
  // An entry still outranked (an explicit earlier `at`) stays listed in the result's `excluded`.
  const latest = new Map<string, number>();
  for (const r of P.passport.exclusions) {
    const t = dateTimeStampInstant(r.at);
    if (t !== undefined && t > (latest.get(r.cid) ?? -Infinity)) latest.set(r.cid, t);
  }
  const limit = now.getTime() + HOLDER_DECISION_SKEW_SECONDS * 1000;
  const atFor = (cid: string): string => {
    const after = (latest.get(cid) ?? -Infinity) + 1000;
    if (options.at !== undefined || !(after > (dateTimeStampInstant(given) ?? 0)) || after > limit) return given;
    return formatDateTimeStamp(new Date(after));
  };
  const records = await signRecords(
    key,
    admissible.map((item) => ({ cid: item.cid, action: 'restore' as const, at: atFor(item.cid) })),
    formatDateTimeStamp(now),
  );
  return union({
    holder: P.passport.holder,
    sides: [
      { source: 'passport', items: P.passport.entries.map((value, i) => ({ cid: P.state.cids[i]!, value })) },
      { source: 'incoming', items: incoming.items, indexes: incoming.indexes },
    ],
    exclusions: [own.exclusions, { source: 'incoming', records }],
    accreditations: [own.accreditations],
    statusLists: [own.statusLists],
    unreadable: [...unreadableEntries(P.problems, 'passport'), ...incoming.rejected],
    problems: sectionProblems(P.problems, 'passport'),
    extraDuplicates: incoming.repeats,
    options: { ...opts, now },
  });
}
