// custody-transfer: a receipt that learning records were handed over when the learner moved.
// The only kind that may name establishments. Class C: never shown to employers by default.
import * as z from 'zod';
import { Cid, defineKind, PartialDate, ShortText, TextList } from './common.js';

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
 * custodyTransfer.fields.safeParse(fields).success;
 * ```
 */
export const custodyTransfer = /* @__PURE__ */ defineKind({
  kind: 'custody-transfer',
  shape: CustodyTransferFieldsSchema.shape,
  achievementType: 'ext:CustodyTransfer',
  sensitivity: 'C',
  lifecycle: true,
  label: 'handover',
});
