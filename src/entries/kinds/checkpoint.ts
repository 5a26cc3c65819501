// checkpoint: an issuer's signed statement "at time T, I saw exactly these entry CIDs". It makes
// history tamper-evident and shows an entry existed before a later key compromise. Class C: the
// set of entries and the time can reveal a custody episode.
import * as z from 'zod';
import { checkpointDigest } from '../checkpoint-digest.js';
import { formatDateTimeStamp } from '../../internal/time.js';
import { Cid, DateTimeStamp, defineKind } from './common.js';
import { checkpointRule } from './rules.js';

const CheckpointBase = z.strictObject({
  at: DateTimeStamp,
  entryCount: z.number().int().min(0).max(1_000_000),
  cids: z.array(Cid).max(1_000_000),
  digest: z.string().regex(/^[0-9a-f]{64}$/, 'must be a lower-case hex SHA-256 digest'),
});

/**
 * The fields of a `checkpoint` entry.
 *
 * @example
 * ```ts
 * const fields: CheckpointFields = CheckpointFieldsSchema.parse(formData);
 * ```
 */
export type CheckpointFields = z.infer<typeof CheckpointBase>;

export { checkpointDigest } from '../checkpoint-digest.js';

/**
 * Builds checkpoint fields from any list of CIDs: sorts them, drops repeats, counts them and
 * computes the digest.
 *
 * @param cids the entry ids seen
 * @param at when they were seen (default: now)
 * @example
 * ```ts
 * const fields = await checkpointFields(passport.entries.map(entryId));
 * await issueEntry('checkpoint', fields, { issuer, key });
 * ```
 */
export async function checkpointFields(cids: Iterable<string>, at: Date | string = new Date()): Promise<CheckpointFields> {
  const sorted = [...new Set(cids)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const stamp = typeof at === 'string' ? at : formatDateTimeStamp(at);
  return { at: stamp, entryCount: sorted.length, cids: sorted, digest: await checkpointDigest(sorted) };
}

/**
 * The `checkpoint` lifecycle kind: `ext:Checkpoint`, class C.
 *
 * @example
 * ```ts
 * checkpoint.fields.safeParse(fields).success;
 * ```
 */
export const checkpoint = /* @__PURE__ */ defineKind({
  kind: 'checkpoint',
  shape: CheckpointBase.shape,
  rule: checkpointRule,
  achievementType: 'ext:Checkpoint',
  sensitivity: 'C',
  lifecycle: true,
  label: 'record check',
});

/**
 * Fields of a `checkpoint` entry. `cids` is sorted (code-unit order) without repeats,
 * `entryCount` is its length and `digest` is the hex SHA-256 of the cids joined by "\n"
 * ({@link checkpointDigest}; checked at issue time, since hashing is asynchronous).
 *
 * @example
 * ```ts
 * CheckpointFieldsSchema.parse(await checkpointFields(['bagaaierb…', 'bagaaiera…'], '2026-03-03T10:00:00Z'));
 * ```
 */
export const CheckpointFieldsSchema = checkpoint.fields;
