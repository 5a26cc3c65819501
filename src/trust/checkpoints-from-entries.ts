// Reads the checkpoints out of a passport's entries so a verifier can hand the whole entry list
// to the trust area. Only checkpoints whose signature holds and whose contents are consistent
// (sorted unique CIDs, count and digest agreeing) are returned; who signed them is judged later,
// when a checkpoint is used (it must come from another organisation accredited for checkpoints).
import { checkpointProblem } from '../entries/checkpoint-digest.js';
import { entryKindOf, issuerIdOf, learningPassportOf } from '../entries/read-credential.js';
import { isPlainObject, snapshotJson } from '../internal/json.js';
import { PassportError } from '../errors.js';
import { assertDate } from '../internal/time.js';
import { verifyEddsaJcsProof } from '../proof/verify-proof.js';
import { CheckList } from '../result.js';
import type { TrustCheckpoint } from './types.js';

async function readCheckpoint(raw: unknown, now: Date): Promise<TrustCheckpoint | undefined> {
  // Snapshot first: a getter or a proxy is read once, here, and cannot throw later.
  const snap = snapshotJson(raw);
  if (!snap.ok || !isPlainObject(snap.value)) return undefined;
  const doc = snap.value as Record<string, unknown>;
  if (entryKindOf(doc) !== 'checkpoint') return undefined;
  const lp = learningPassportOf(doc)!;
  if (checkpointProblem(lp) !== undefined) return undefined;
  const { at, cids } = lp as { at: string; cids: string[] };
  const issuer = issuerIdOf(doc);
  if (issuer === undefined) return undefined;
  const proof = await verifyEddsaJcsProof(doc, new CheckList(), { now });
  if (!proof.valid || proof.controller !== issuer) return undefined;
  return { issuer, at, cids };
}

/**
 * The checkpoints among `entries` (kind `checkpoint`) whose signature holds and whose contents
 * are consistent, in the form {@link createTrustContext} takes. Anything else is skipped.
 *
 * @throws {TypeError} when `entries` is not an array; {PassportError} ERR_JSON_INVALID when it cannot be read (a throwing proxy)
 * @example
 * ```ts
 * const checkpoints = await checkpointsFromEntries(passport.entries);
 * const context = await createTrustContext({ policy, accreditations: passport.accreditations, checkpoints });
 * ```
 */
export async function checkpointsFromEntries(entries: readonly unknown[], options: { now?: Date } = {}): Promise<TrustCheckpoint[]> {
  let items: unknown[];
  let now: Date;
  try {
    if (!Array.isArray(entries)) throw new TypeError('"entries" must be an array');
    if (typeof options !== 'object' || options === null) throw new TypeError('"options" must be an object');
    const given = options.now;
    if (given !== undefined) assertDate(given, 'options.now');
    now = given ?? new Date();
    items = [];
    for (let i = 0; i < entries.length; i++) items.push(entries[i]);
  } catch (err) {
    if (err instanceof TypeError && err.message.startsWith('"')) throw err;
    // A proxy or a getter that throws: the list cannot be read, which is a coded error.
    throw new PassportError('ERR_JSON_INVALID', 'The entries could not be read: they are not plain data (a getter or proxy failed).', { cause: err });
  }
  const found = await Promise.all(items.map((e) => readCheckpoint(e, now)));
  return found.filter((c): c is TrustCheckpoint => c !== undefined);
}
