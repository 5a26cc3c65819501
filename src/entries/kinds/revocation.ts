// revocation: an issuer withdraws one of its own entries by naming its CID. Merge never deletes;
// the current view hides the target. Class N: it reveals nothing beyond the target itself.
import * as z from 'zod';
import { Cid, defineKind, issuerOr, LongText } from './common.js';

/**
 * Why an entry is withdrawn.
 *
 * @example
 * ```ts
 * REVOCATION_REASONS.includes('issued-in-error'); // true
 * ```
 */
export const REVOCATION_REASONS = ['issued-in-error', 'superseded', 'withdrawn', 'key-compromise', 'other'] as const;

const REASON_WORDS: Record<(typeof REVOCATION_REASONS)[number], string> = {
  'issued-in-error': 'issued in error',
  superseded: 'replaced by a newer entry',
  withdrawn: 'withdrawn by the issuer',
  'key-compromise': 'the issuer’s key was compromised',
  other: 'other reason',
};

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
 * revocation.describe(fields, { issuerName: 'City & Guilds' });
 * // "Withdrawal of an earlier entry — by City & Guilds, reason: issued in error"
 * ```
 */
export const revocation = /* @__PURE__ */ defineKind({
  kind: 'revocation',
  shape: RevocationFieldsSchema.shape,
  achievementType: 'ext:Revocation',
  sensitivity: 'N',
  lifecycle: true,
  label: 'withdrawal',
  achievement: (f) => ({
    name: 'Entry withdrawn',
    description: `Withdraws entry ${f.target}: ${REASON_WORDS[f.reason]}.`,
    criteria: f.note ?? 'Only the issuer of an entry can withdraw it.',
  }),
  describe: (f, ctx) => `Withdrawal of an earlier entry — by ${issuerOr(ctx)}, reason: ${REASON_WORDS[f.reason]}`,
});
