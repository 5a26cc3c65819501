// A checkpoint entry's digest and the one rule of a consistent checkpoint, on their own:
// issueEntry applies the rule before signing one, the trust area before using one as evidence,
// and the passport area before saying one covers an entry. Importing them must not load the
// checkpoint kind's zod definition.
import { sha256 } from '@noble/hashes/sha2.js';
import { backend } from '../backend/index.js';
import { toHex, utf8 } from '../internal/bytes.js';
import { isPlainObject } from '../internal/json.js';
import { isDateTimeStamp } from '../internal/time.js';
import type { EntryIssue } from './issues.js';

/**
 * The digest a checkpoint carries: lower-case hex SHA-256 of the (sorted) CIDs joined by "\n".
 *
 * @example
 * ```ts
 * const digest = await checkpointDigest(['bagaaiera…', 'bagaaierb…']);
 * ```
 */
export async function checkpointDigest(sortedCids: readonly string[]): Promise<string> {
  return toHex(await backend.sha256(utf8(sortedCids.join('\n'))));
}

/**
 * What makes a checkpoint's fields (its `learningPassport` object) inconsistent, or undefined
 * when they are consistent: `at` a date-time, `cids` strings sorted (code-unit order) without
 * repeats, `entryCount` their number, and `digest` the {@link checkpointDigest} of them.
 * Synchronous (@noble/hashes), so that a passport can answer "does it cover this entry?" at once.
 */
export function checkpointProblem(fields: unknown): EntryIssue | undefined {
  if (!isPlainObject(fields)) return { path: [], message: 'is not an object' };
  const { at, cids, entryCount, digest } = fields;
  if (!isDateTimeStamp(at)) return { path: ['at'], message: 'must be a date and time with a time zone' };
  if (!Array.isArray(cids)) return { path: ['cids'], message: 'must be a list of entry ids' };
  for (let i = 0; i < cids.length; i++) {
    if (typeof cids[i] !== 'string') return { path: ['cids', i], message: 'must be an entry id' };
    if (i > 0 && !((cids[i - 1] as string) < (cids[i] as string))) return { path: ['cids', i], message: 'cids must be sorted and must not repeat' };
  }
  if (entryCount !== cids.length) return { path: ['entryCount'], message: 'must equal the number of cids' };
  if (typeof digest !== 'string' || toHex(sha256(utf8(cids.join('\n')))) !== digest) {
    return { path: ['digest'], message: 'is not the SHA-256 of the cids joined by new lines' };
  }
  return undefined;
}
