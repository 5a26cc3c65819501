// Checkpoints: an issuer's signed statement "at time T, I saw exactly these entry CIDs". The
// fields and digest rule belong to the entries area (kind `checkpoint`: digest = lower-case hex
// SHA-256 of the sorted CIDs joined by "\n"); this module makes one over a passport and answers
// "does this checkpoint vouch that this entry existed then?".
import { sha256 } from '@noble/hashes/sha2.js';
import { toHex, utf8 } from '../internal/bytes.js';
import { isDateTimeStamp } from '../internal/time.js';
import { learningPassportOf } from './entry-info.js';

/** The checkpoint fields of an entry when they are well formed: sorted unique CIDs, count and digest agree. */
export function checkpointContents(checkpoint: unknown): { at: string; cids: readonly string[] } | undefined {
  if (typeof checkpoint !== 'object' || checkpoint === null || Array.isArray(checkpoint)) return undefined;
  const lp = learningPassportOf(checkpoint as Record<string, unknown>);
  if (!lp || lp.kind !== 'checkpoint') return undefined;
  const { at, cids, entryCount, digest } = lp;
  if (!isDateTimeStamp(at) || !Array.isArray(cids) || entryCount !== cids.length || typeof digest !== 'string') return undefined;
  for (let i = 0; i < cids.length; i++) {
    if (typeof cids[i] !== 'string') return undefined;
    if (i > 0 && !(cids[i - 1] < cids[i])) return undefined;
  }
  if (toHex(sha256(utf8(cids.join('\n')))) !== digest) return undefined;
  return { at, cids: cids as string[] };
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
  const contents = checkpointContents(checkpoint);
  if (!contents) return false;
  // Binary search: the CIDs are sorted (checked above).
  let lo = 0;
  let hi = contents.cids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const value = contents.cids[mid]!;
    if (value === cid) return true;
    if (value < cid) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
