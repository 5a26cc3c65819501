/**
 * The passport area: a learner's portfolio of signed entries, content-addressed, whose copies
 * merge without a central database.
 *
 * Design (the README lifts these points):
 *
 * - **Entry identity.** `entryId(entry)` is a CIDv1 string (base32, `bagaaiera…`): multicodec
 *   json (0x0200), multihash sha2-256 over the RFC 8785 (JCS) bytes of what the issuer signed:
 *   the entry with only its deciding proofs (the issuer's eddsa-jcs-2022 proofs, sorted; see
 *   proof/identity-proofs.ts) and `@context` exactly as they signed it. Every encoding that
 *   verifies has the same id (appended or reordered proofs included); any signed change gives
 *   another. Passports keep one copy per id, chosen deterministically.
 *   Synchronous (@noble/hashes). Entries held by passports are deep-frozen and their CIDs cached
 *   by object identity, so repeated lookups are free; caller-owned objects are never cached.
 * - **Document** (`*.passport.json`): `{ type: 'LearningPassport', version: 1, holder,
 *   exclusions, accreditations, statusLists, entries }`. `holder` is a DID (or `urn:uuid:` for a
 *   learner without a key) and nothing else. `entries`, `accreditations` and `statusLists` are
 *   sorted by CID without repeats; `exclusions` holds one record per CID. The container is not
 *   signed: integrity is per entry, and checkpoints sign sets of entries. Unknown top-level
 *   fields and other versions are refused (ERR_PASSPORT_INVALID / ERR_PASSPORT_VERSION).
 *   `serializePassport` writes a fixed top-level order, keys sorted inside items, two-space
 *   indentation and a final newline: equal passports give equal bytes.
 * - **Bad files lose nothing valid.** `parsePassport` is strict: any unusable item makes it throw
 *   ERR_PASSPORT_INVALID whose `details.problems` names every bad item (section, index, code,
 *   message, and the item itself). `readPassport` is lenient: it returns the passport with
 *   every valid item plus the same `problems` list.
 * - **Add and merge** are one operation: the union by CID of every side. Every candidate
 *   (including the passport's own entries) is verified for intake: VC shape, kind schema,
 *   signature and issuer key. Dates are not intake checks (an expired card is still a true
 *   record). Verdicts depend only on the entry's bytes, so they are cached by CID in a bounded
 *   LRU (module-wide, 100,000 CIDs, or `options.cache` from `createVerificationCache`).
 *   Rejected entries are reported with code and message and never added. Signatures that cannot
 *   be checked offline (issuer not a did:key) are rejected unless `acceptUnresolvedIssuers`.
 *   Merge of two passports with different holder ids throws ERR_PASSPORT_HOLDER_MISMATCH (it is
 *   almost certainly the wrong file); the same id with different descriptors keeps the
 *   descriptor, then the smaller canonical JSON. The result depends only on the set of inputs,
 *   so merge is commutative, associative and idempotent, and byte-identical for everyone.
 * - **Conflicts.** Entries from one issuer with the same credential `id` must form one
 *   supersession chain. When more than one of them is neither superseded nor revoked, those are
 *   all kept, get state `conflict` and are reported in `conflicts`.
 * - **Lifecycle.** `currentView` derives each entry's state from the set alone: `revoked` (an
 *   authorised, itself unrevoked `revocation` names it), `superseded` (an authorised, unrevoked
 *   entry names it in `learningPassport.supersedes`), `conflict`, or `active`. Only the target's
 *   own issuer (by issuer DID) may revoke or supersede; anything else has no effect and is listed
 *   in `unauthorised` (code ERR_LIFECYCLE_UNAUTHORISED). `canActFor(actor, target)` widens this
 *   for authorities (trust area). Statements naming entries not held are listed in `unresolved`.
 * - **Holder control.** `removeEntries` drops entries and records `{ cid, action: 'remove', at,
 *   reason?, proof }`, signed with the holder's did:key, in `exclusions`; `restoreEntries` re-adds
 *   entries with a signed `restore` record. Unsigned, foreign-key and future-dated records are
 *   reported and never honoured (see admit.ts). On
 *   merge, exclusion lists are joined: for each CID the record with the latest `at` wins (remove
 *   wins ties), so a removal survives merges with copies that still hold the entry, and a later
 *   restoration survives merges with copies that still hold the removal. The clock is the
 *   holder's: decisions made on two devices are ordered by their timestamps.
 * - **Checkpoints.** `createCheckpoint` issues a `checkpoint` entry over the sorted CIDs held;
 *   `checkpointCovers(checkpoint, cid)` says whether a (well-formed) checkpoint lists an entry.
 * - **Verification.** `verifyPassport` runs verifyCredential on every entry (options passed
 *   through, so trust policies apply), 512 at a time so Node's thread-pool Ed25519 keeps every
 *   core busy, and returns per-entry results with states, a summary and a timeline.
 * @module
 */
export { entryId } from '../entries/entry-id.js';
export { createPassport, type CreatePassportInput } from './create-passport.js';
export { MAX_PASSPORT_ITEMS, parsePassport, readPassport, type PassportProblem, type ReadPassportResult } from './parse-passport.js';
export { serializePassport } from './serialize-passport.js';
export { addEntries, type AddEntriesOptions } from './add-entries.js';
export { addTrustMaterial, type RejectedTrustItem, type TrustMaterial } from './add-trust-material.js';
export { mergePassports } from './merge-passports.js';
export { createVerificationCache } from './verification-cache.js';
export { currentView } from './current-view.js';
export { removeEntries, restoreEntries, type ExclusionOptions } from './exclusions.js';
export { checkpointCovers, createCheckpoint, type CreateCheckpointOptions } from './checkpoint.js';
export { verifyPassport } from './verify-passport.js';
export { timeline } from './timeline.js';
export { PassportSchema, ExclusionRecordSchema, passportJsonSchema } from './schema.js';
export {
  HOLDER_DECISION_SKEW_SECONDS,
  PASSPORT_TYPE,
  PASSPORT_VERSION,
  type SectionProblem,
  type CanActFor,
  type EntryConflict,
  type EntryState,
  type ExclusionRecord,
  type HolderDescriptor,
  type IntakeVerdict,
  type LifecycleIssue,
  type MergeOptions,
  type MergeResult,
  type Passport,
  type PassportHolder,
  type PassportReport,
  type PassportReportEntry,
  type PassportView,
  type RejectedEntry,
  type PassportEntry,
  type Timeline,
  type TimelineItem,
  type VerificationCache,
  type ViewEntry,
  type ViewOptions,
  type VerifyPassportOptions,
} from './types.js';
export type { PassportCounts } from '../result.js';
