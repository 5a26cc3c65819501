// custody-transfer: a receipt that learning records were handed over when the learner moved.
// The only kind that may name establishments. Class C: never shown to employers by default.
import * as z from 'zod';
import { Cid, defineKind, PartialDate, plainPartialDate, sentences, ShortText, TextList } from './common.js';

/**
 * Fields of a `custody-transfer` entry.
 *
 * @example
 * ```ts
 * CustodyTransferFieldsSchema.parse({ fromEstablishment: 'HMP Leeds', toEstablishment: 'HMP Wealstun', transferDate: '2026-03-03' });
 * ```
 */
export const CustodyTransferFieldsSchema = z.strictObject({
  fromEstablishment: ShortText,
  toEstablishment: ShortText,
  transferDate: PartialDate,
  /** The entries handed over (CIDs). */
  entryIds: z.array(Cid).max(10_000).optional(),
  /** Courses the learner was part-way through. */
  inProgressAims: TextList.optional(),
});

/**
 * The fields of a `custody-transfer` entry.
 *
 * @example
 * ```ts
 * const fields: CustodyTransferFields = CustodyTransferFieldsSchema.parse(formData);
 * ```
 */
export type CustodyTransferFields = z.infer<typeof CustodyTransferFieldsSchema>;

/**
 * The `custody-transfer` lifecycle kind: `ext:CustodyTransfer`, class C.
 *
 * @example
 * ```ts
 * custodyTransfer.describe(fields, {});
 * // "Learning records passed from HMP Leeds to HMP Wealstun — handover, 3 March 2026, 12 entries"
 * ```
 */
export const custodyTransfer = /* @__PURE__ */ defineKind({
  kind: 'custody-transfer',
  shape: CustodyTransferFieldsSchema.shape,
  achievementType: 'ext:CustodyTransfer',
  sensitivity: 'C',
  lifecycle: true,
  label: 'handover',
  achievement: (f) => ({
    name: 'Learning records handed over',
    description: sentences(
      `Learning records passed from ${f.fromEstablishment} to ${f.toEstablishment} on ${plainPartialDate(f.transferDate)}.`,
      f.inProgressAims?.length ? `Courses in progress: ${f.inProgressAims.join('; ')}.` : undefined,
    ),
    criteria: 'A receipt that learning records were handed over when the learner moved.',
  }),
  describe: (f) =>
    `Learning records passed from ${f.fromEstablishment} to ${f.toEstablishment} — handover, ${plainPartialDate(f.transferDate)}${
      f.entryIds ? `, ${f.entryIds.length} ${f.entryIds.length === 1 ? 'entry' : 'entries'}` : ''
    }`,
});
