// Public types of the passport area. The document shape itself is defined (and validated) by the
// zod schema in schema.ts; these interfaces describe the values the functions hand back.
import type { LifecycleRequest } from '../trust/lifecycle-request.js';
import type { PassportErrorCode } from '../errors.js';
import type { ProofVerifier } from '../proof/proof-verifier.js';
import type { SignedCredential } from '../proof/types.js';
import type { VerifyCredentialOptions, CredentialVerificationResult } from '../verify/verify-credential.js';
import type { PassportCounts, Verdict, VerificationResult } from '../result.js';

/** The `type` of every passport document. */
export const PASSPORT_TYPE = 'LearningPassport' as const;
/** The document version this library writes and reads. */
export const PASSPORT_VERSION = 1 as const;

/**
 * Most items a passport may hold in any one section (entries, accreditations, statusLists,
 * exclusions). Twice the largest passport benchmarked (100,000 entries); a file (or a
 * passport-shaped object) with more is refused with ERR_LIMIT_EXCEEDED before any item is read,
 * so hostile input cannot make the reader check millions of items.
 *
 * @example
 * ```ts
 * if (entries.length > MAX_PASSPORT_ITEMS) console.warn('split this passport before writing it');
 * ```
 */
export const MAX_PASSPORT_ITEMS = 200_000;

/** A signed entry as held in a passport: any JSON credential secured with a Data Integrity proof. */
export type PassportEntry = SignedCredential;
/** Internal alias of {@link PassportEntry}. */
export type SignedEntry = PassportEntry;

/**
 * Who the passport belongs to: a DID (did:key for a learner with a key) or a `urn:uuid:` for a
 * learner without one. Nothing else about the holder is kept in a passport.
 */
export type PassportHolder = string;

/**
 * The object form {@link createPassport} also accepts: exactly `{ id }`, kept as the bare `id`.
 * Any other field is refused (a passport keeps no facts about its holder beyond the identifier).
 */
export interface HolderDescriptor {
  /** The holder's identifier: a DID, or a `urn:uuid:` for a paper-only learner. */
  id: string;
}

/**
 * One record of the holder-kept exclusion list, signed by the holder's key (eddsa-jcs-2022,
 * proof purpose `assertionMethod`). The record with the latest `at` wins for a CID (ties:
 * `remove` beats `restore`), so removals and restorations survive merges in any order. Records
 * that are unsigned, signed by any key but the holder's did:key, or dated after the moment they
 * are admitted (beyond {@link HOLDER_DECISION_SKEW_SECONDS}) are reported and never honoured.
 */
export interface ExclusionRecord {
  /** The entry id (CID) removed or restored. */
  cid: string;
  /** `remove`: keep this entry out of the passport, even when another copy still has it. */
  action: 'remove' | 'restore';
  /** When the holder decided (dateTimeStamp, holder's clock). */
  at: string;
  /** The holder's note, for their own use. */
  reason?: string;
  /** The holder's signature over the record. */
  proof: Readonly<Record<string, unknown>>;
}

/**
 * How far ahead of the verifier's clock a holder decision may be dated and still be honoured
 * (300 seconds: device clocks drift). A decision dated later than that could have been planted
 * to outrank every genuine later one, so it is reported and left out.
 */
export const HOLDER_DECISION_SKEW_SECONDS = 300;

/** An item of a section other than `entries` (or the holder itself) that was left out, and why. */
export interface SectionProblem {
  /** Which copy it came from (as in {@link RejectedEntry}). */
  source: 'a' | 'b' | 'passport' | 'incoming';
  section: 'holder' | 'accreditations' | 'statusLists' | 'exclusions';
  /** Its position in that section (0 for the holder). */
  index: number;
  /** The item's content id (for an exclusion record: the entry id it names), when known. */
  cid?: string;
  code: PassportErrorCode;
  message: string;
}

/**
 * A learning passport (`*.passport.json`). Values returned by this library are frozen: treat them
 * as immutable and use the functions of this area to derive new passports.
 */
export interface Passport {
  readonly type: typeof PASSPORT_TYPE;
  readonly version: typeof PASSPORT_VERSION;
  readonly holder: PassportHolder;
  /** Signed entries, sorted by CID, no duplicates. */
  readonly entries: readonly SignedEntry[];
  /** Issuer accreditations carried for offline trust checks (the trust area reads them). */
  readonly accreditations: readonly Record<string, unknown>[];
  /** Status-list credential snapshots carried for offline status checks (the trust area reads them). */
  readonly statusLists: readonly Record<string, unknown>[];
  /** The holder's removals (and restorations), one winning record per CID, sorted by CID. */
  readonly exclusions: readonly ExclusionRecord[];
}

/** One entry that was not added, and why. */
export interface RejectedEntry {
  /** The entry id, when the entry was JSON enough to have one. */
  cid?: string;
  /** Where it came from: the first or second passport of a merge, or the list given to addEntries. */
  source: 'a' | 'b' | 'passport' | 'incoming';
  /** Its position in that list. */
  index: number;
  /** The main reason, as a stable code. */
  code: PassportErrorCode;
  /** The main reason, in plain English. */
  message: string;
  /** Every failed or unchecked verification step. */
  errors: { code: PassportErrorCode; message: string }[];
}

/** Two or more entries claiming the same credential id from the same issuer, none superseding the others. */
export interface EntryConflict {
  issuer: string;
  credentialId: string;
  /** The CIDs in conflict (sorted). */
  cids: string[];
}

/** What {@link addEntries} and {@link mergePassports} return. */
export interface MergeResult {
  /** The new passport (the inputs are not changed). */
  passport: Passport;
  /** CIDs now held that the first passport did not hold (sorted). */
  added: string[];
  /** CIDs offered that were already held, or offered twice (sorted, unique). */
  duplicates: string[];
  /** Conflicts present in the new passport. */
  conflicts: EntryConflict[];
  /** Entries not added because they failed verification. */
  rejected: RejectedEntry[];
  /** Valid entries kept out because the holder removed them (sorted). */
  excluded: string[];
  /**
   * Entries kept although they could not be checked here (sorted): a proof format that needs
   * `learning-passport/rdfc` (pass its `proofVerifiers`) or a JSON-LD context not available
   * offline. A passport never
   * drops an entry only because this verifier lacks something; such entries decide nothing
   * (no revocation, supersession or conflict comes from them) and show as "can't check".
   */
  unchecked: string[];
  /**
   * Items of the other sections that were left out: holder fields a passport does not have,
   * accreditations and status lists whose signature does not verify by the key they claim, and
   * exclusion records that are unsigned, not the holder's, or dated in the future.
   */
  problems: SectionProblem[];
}

/**
 * Decides whether `actor` may revoke or supersede `target` (default: only the key that signed it,
 * and a revocation cannot be revoked). `target` also says what the acting entry does, when it
 * claims to have been signed, its CID and both signing keys (LifecycleRequest, trust area).
 */
export type CanActFor = (actor: string, target: LifecycleRequest) => boolean;

/** A bounded cache of intake verdicts, keyed by CID. */
export interface VerificationCache {
  /** The cached verdict for an entry, if any. */
  get(cid: string): IntakeVerdict | undefined;
  /** Remembers a verdict (the oldest is forgotten when the cache is full). */
  set(cid: string, verdict: IntakeVerdict): void;
  /** How many verdicts are held. */
  readonly size: number;
  /** Forgets every verdict. */
  clear(): void;
}

/** The time-independent outcome of verifying an entry for intake (signature, shape, schema, issuer key). */
export interface IntakeVerdict {
  /** True when every intrinsic check passed. */
  readonly ok: boolean;
  /** True when the only problem is that the signing key could not be resolved offline. */
  readonly unresolved: boolean;
  /**
   * True when nothing failed but the signature could not be checked by this verifier (a proof
   * format that needs learning-passport/rdfc, a JSON-LD context not available offline): the entry
   * is kept, never dropped for that.
   */
  readonly unchecked?: boolean;
  readonly errors: readonly { code: PassportErrorCode; message: string }[];
}

/** Options of {@link addEntries} and {@link mergePassports}. */
export interface MergeOptions {
  /** Where verdicts are remembered (default: a module-wide cache of 100,000 CIDs). */
  cache?: VerificationCache;
  /** How many verifications run at once (default 64). */
  concurrency?: number;
  /**
   * Admit entries whose signature cannot be checked offline (issuer not a did:key), for example
   * badges from another platform's did:web. Default false: such entries are rejected with
   * ERR_ISSUER_KEY_UNRESOLVED.
   */
  acceptUnresolvedIssuers?: boolean;
  /** Who may revoke or supersede whose entries (used to report conflicts). */
  canActFor?: CanActFor;
  /** The time holder decisions are judged against (default: now); later-dated ones are left out. */
  now?: Date;
  /**
   * Verifiers for proof formats beyond eddsa-jcs-2022 (`rdfcProofVerifiers()` from
   * `learning-passport/rdfc`), so that Open Badges secured with eddsa-rdfc-2022 or
   * Ed25519Signature2020 can join. Without them such entries are rejected as "can't check".
   */
  proofVerifiers?: readonly ProofVerifier[];
}

/** The state of an entry in the current view. */
export type EntryState = 'active' | 'superseded' | 'revoked' | 'conflict';

/** One entry in a {@link PassportView}. */
export interface ViewEntry {
  cid: string;
  kind: string;
  issuer: string | undefined;
  credentialId: string | undefined;
  state: EntryState;
  /** Effective supersessions of this entry (CIDs of the newer entries). */
  supersededBy: string[];
  /** Effective revocations of this entry (CIDs of the revocation entries). */
  revokedBy: string[];
  /** Other entries it conflicts with. */
  conflictsWith: string[];
}

/** A lifecycle statement that had no effect. */
export interface LifecycleIssue {
  /** The revocation or superseding entry. */
  cid: string;
  action: 'revocation' | 'supersedes';
  /** The CID it names. */
  target: string;
  /** Who signed the statement. */
  actor: string | undefined;
  /** Who signed the target, when the target is held. */
  targetIssuer?: string | undefined;
  code: PassportErrorCode;
  message: string;
}

/** What {@link currentView} returns. */
export interface PassportView {
  /** Every entry with its state, sorted by CID. */
  entries: ViewEntry[];
  /** The same entries by CID. */
  byCid: ReadonlyMap<string, ViewEntry>;
  /** CIDs of the entries in state `active`. */
  active: string[];
  conflicts: EntryConflict[];
  /** Revocations and supersessions by someone not allowed to make them (no effect). */
  unauthorised: LifecycleIssue[];
  /** Revocations and supersessions naming an entry this passport does not hold (yet). */
  unresolved: { cid: string; action: 'revocation' | 'supersedes'; target: string }[];
}

/** Options of {@link currentView}. */
export interface ViewOptions {
  /** Who may revoke or supersede whose entries (default: the original issuer only). */
  canActFor?: CanActFor;
  /** Entries whose lifecycle statements count (default: all). verifyPassport passes the valid ones. */
  actsOn?: (cid: string) => boolean;
}

/** Options of {@link verifyPassport}: passed to verifyCredential, plus the passport's own. */
export interface VerifyPassportOptions extends Omit<VerifyCredentialOptions, 'entryCid' | 'entries'> {
  /** How many verifications run at once (default 512: enough to keep the thread pool busy while the main thread prepares the next entries). */
  concurrency?: number;
  canActFor?: CanActFor;
  /** Called after each entry is verified (for progress displays). */
  onProgress?: (done: number, total: number) => void;
  /**
   * Worker threads to verify in (Node, ESM build; elsewhere ignored). Default: one per core (at
   * most 8) for a passport of 2,000 entries or more on a machine with five cores or more, else
   * none (with fewer, the calling thread and the threads that check signatures already keep the
   * cores busy); `0` keeps the work on the calling thread. The trust policy, accreditations and status lists go to the
   * workers as data; a prepared `context`, `fetchStatusList`, `proofVerifiers` or more than four
   * status lists keep the work on the calling thread. Results are the same either way.
   */
  workers?: number;
}

/**
 * One entry of a {@link PassportReport}: a result like every other (`verified`, `verdict`,
 * `headline`, `checks`, `errors`, `summary`), judged in this passport: a withdrawn or replaced
 * entry is never `valid`, whatever its own checks say.
 */
export interface PassportReportEntry extends VerificationResult {
  cid: string;
  kind: string;
  /**
   * The entry's state in this passport: `revoked` when a revocation entry in the passport or
   * the issuer's own signed status list withdraws it (the status list is not part of `view`,
   * which holds what the passport's own entries say), `superseded`, `conflict` or `active`.
   */
  state: EntryState;
  /** True when none of the entry's own checks failed or was left unknown (see `verdict` for its state). */
  verified: boolean;
  /**
   * The entry's verdict in this passport: its own, except that a revoked or superseded entry
   * is `not-valid` and one in conflict is at best `cant-check`.
   */
  verdict: Verdict;
  /** ✓/✗/?, the verdict (with "withdrawn" or "replaced" when that is why), the entry in plain English, its issuer's name. */
  headline: string;
  /** The verdict and why, with what to do next (the passport state included). */
  summary: string;
  /** The entry's own verification (signature, schema, dates, trust), whatever its state: `checks` and `errors` are its. */
  result: CredentialVerificationResult;
}

/** What {@link verifyPassport} returns. */
export interface PassportReport {
  /**
   * True when every entry verified and no item of any section had to be left out (an empty,
   * well-formed passport verifies).
   */
  verified: boolean;
  /**
   * `valid` when every current entry is valid and nothing was left out; `not-valid` when a
   * current entry is not valid, an item was left out, or no entry is current (every one was
   * withdrawn); otherwise `cant-check`. Revoked and superseded entries do not count against it.
   */
  verdict: Verdict;
  /** One line: "✓ Valid: every current entry is valid (6 of 6)." and the like. */
  headline: string;
  /** One line in plain English: current, withdrawn and replaced entries counted apart ("8 entries: 6 current, all valid; 1 withdrawn by the issuer; 1 replaced by a newer entry."). */
  summary: string;
  /** The numbers the summary is made of (see {@link PassportCounts} for what each one counts). */
  counts: PassportCounts;
  /**
   * Items left out before verification: unreadable entries (section `entries`), holder fields a
   * passport does not have, unverifiable accreditations and status lists, and exclusion records
   * that are not the holder's signed, current decisions. Any problem makes `verified` false.
   */
  problems: {
    section: 'holder' | 'entries' | 'accreditations' | 'statusLists' | 'exclusions';
    index: number;
    cid?: string;
    code: PassportErrorCode;
    message: string;
  }[];
  entries: PassportReportEntry[];
  view: PassportView;
  timeline: Timeline;
}

/** One entry on a {@link Timeline}. */
export interface TimelineItem {
  cid: string;
  kind: string;
  issuer: string | undefined;
  issuerName: string | undefined;
  /** The entry's name or its achievement's name. */
  title: string | undefined;
  /** Sortable date: YYYY, YYYY-MM, YYYY-MM-DD or a UTC timestamp; undefined when the entry has none. */
  date: string | undefined;
  /** Where the date came from (`validFrom`, `learningPassport.transferDate`, `proof.created`, …). */
  dateSource: string | undefined;
  state: EntryState;
}

/** Entries by date, and the same items grouped for user interfaces. */
export interface Timeline {
  /** Oldest first; undated entries last. */
  items: TimelineItem[];
  byKind: { kind: string; items: TimelineItem[] }[];
  byIssuer: { issuer: string; issuerName: string | undefined; items: TimelineItem[] }[];
}
