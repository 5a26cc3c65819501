// revocation: an issuer withdraws one of its own entries by naming its CID. Merge never deletes;
// the current view hides the target. Class N: it reveals nothing beyond the target itself.
import * as z from 'zod';
import { Cid, defineKind, LongText } from './common.js';

/**
 * Why an entry is withdrawn.
 *
 * @example
 * ```ts
 * REVOCATION_REASONS.includes('issued-in-error'); // true
 * ```
 */
export const REVOCATION_REASONS = ['issued-in-error', 'superseded', 'withdrawn', 'key-compromise', 'other'] as const;

/**
 * Fields of a `revocation` entry.
 *
 * @example
 * ```ts
 * RevocationFieldsSchema.parse({ target: 'bagaaiera…', reason: 'issued-in-error' });
 * ```
 */
export const RevocationFieldsSchema = z.strictObject({
  /** The withdrawn entry (its CID). */
  target: Cid,
  reason: z.enum(REVOCATION_REASONS),
  note: LongText.optional(),
});

/**
 * The fields of a `revocation` entry.
 *
 * @example
 * ```ts
 * const fields: RevocationFields = RevocationFieldsSchema.parse(formData);
 * ```
 */
export type RevocationFields = z.infer<typeof RevocationFieldsSchema>;

/**
 * The `revocation` lifecycle kind: `ext:Revocation`, class N.
 *
 * @example
 * ```ts
 * revocation.fields.safeParse(fields).success;
 * ```
 */
export const revocation = /* @__PURE__ */ defineKind({
  kind: 'revocation',
  shape: RevocationFieldsSchema.shape,
  achievementType: 'ext:Revocation',
  sensitivity: 'N',
  lifecycle: true,
  label: 'withdrawal',
});
