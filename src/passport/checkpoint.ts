// Checkpoints: an issuer's signed statement "at time T, I saw exactly these entry CIDs". The
// fields and digest rule belong to the entries area (kind `checkpoint`: digest = lower-case hex
// SHA-256 of the sorted CIDs joined by "\n"); this module makes one over a passport and answers
// "does this checkpoint vouch that this entry existed then?".
import { formatDateTimeStamp, isDateTimeStamp } from '../internal/time.js';
import { checkpointProblem } from '../entries/checkpoint-digest.js';
import { issueEntry, checkpointFields, type IssueEntryOptions, type SignedEntry } from '../entries/index.js';
import type { IssuerProfile, SigningKeyPair } from '../keys/types.js';
import { learningPassportOf } from '../entries/read-credential.js';
import { sealJson } from '../entries/entry-id.js';
import { loadPassport } from './state.js';
import type { Passport } from './types.js';

/** The CIDs a checkpoint entry lists when its fields are consistent (see checkpointProblem). */
function checkpointCids(value: unknown): readonly string[] | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  // A snapshot first (free for sealed entries): getters and proxies must not run or throw here.
  const sealed = sealJson(value);
  if (!sealed.ok) return undefined;
  const lp = learningPassportOf(sealed.entry);
  if (!lp || lp.kind !== 'checkpoint' || checkpointProblem(lp) !== undefined) return undefined;
  return lp.cids as string[];
}

/**
 * True when a checkpoint entry lists `cid` and its own contents are consistent (CIDs sorted and
 * unique, `entryCount` and `digest` matching). It does not check the checkpoint's signature or
 * who signed it: verify the checkpoint entry itself (verifyCredential, verifyPassport) and decide
 * whether you trust its issuer. A valid checkpoint proves the entry existed at `at`.
 *
 * @param checkpoint - a checkpoint entry
 * @param cid - the entry id to look for
 * @returns whether the checkpoint covers the entry
 * @example
 * ```ts
 * if (checkpointCovers(charityCheckpoint, entryId(qualification))) console.log('existed before the compromise');
 * ```
 */
export function checkpointCovers(checkpoint: unknown, cid: string): boolean {
  if (typeof cid !== 'string') throw new TypeError('"cid" must be an entry id string');
  const cids = checkpointCids(checkpoint);
  if (!cids) return false;
  // Binary search: the CIDs are sorted (checked above).
  let lo = 0;
  let hi = cids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const value = cids[mid]!;
    if (value === cid) return true;
    if (value < cid) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Options of {@link createCheckpoint}. */
export interface CreateCheckpointOptions {
  /** The issuer's profile (its `id` must be the key's DID). */
  issuer: IssuerProfile;
  key: SigningKeyPair;
  /** The time the set was seen (default: now); also the checkpoint's validFrom. */
  at?: Date | string;
  /** The holder binding, as in issueEntry. */
  holder?: IssueEntryOptions['holder'];
}

/**
 * Issues a `checkpoint` entry over every entry the passport holds: "at time `at`, I saw exactly
 * these entry CIDs". Add it to the passport (addEntries) so it travels with the entries it
 * vouches for. A checkpoint by another party, made before a key was compromised, later shows
 * that an entry signed with that key existed before the compromise.
 *
 * @param passport - the passport whose entries are listed
 * @param options - `issuer`, `key`, `at` (default now), `holder`
 * @returns the signed checkpoint entry
 * @throws {TypeError} when an argument has the wrong type (see issueEntry)
 * @example
 * ```ts
 * const checkpoint = await createCheckpoint(passport, { issuer: charity, key: charityKey });
 * const { passport: withCheckpoint } = await addEntries(passport, [checkpoint]);
 * checkpointCovers(checkpoint, entryId(passport.entries[0])); // true
 * ```
 */
export async function createCheckpoint(passport: Passport, options: CreateCheckpointOptions): Promise<SignedEntry<'checkpoint'>> {
  if (typeof options !== 'object' || options === null) throw new TypeError('"options" must be an object with issuer and key');
  const { state } = loadPassport(passport);
  const at = options.at === undefined ? formatDateTimeStamp(new Date()) : options.at;
  if (!(at instanceof Date) && !isDateTimeStamp(at)) throw new TypeError('"options.at" must be a valid Date or a dateTimeStamp string');
  const stampText = at instanceof Date ? formatDateTimeStamp(at) : at;
  const fields = await checkpointFields(state.cids, stampText);
  return issueEntry('checkpoint', fields, {
    issuer: options.issuer,
    key: options.key,
    validFrom: stampText,
    ...(options.holder !== undefined ? { holder: options.holder } : {}),
  });
}
