// reference: a testimonial in work terms. No contact details in the credential: `contactable`
// only says that the author is willing to be contacted through the holder. Class N.
import * as z from 'zod';
import { defineKind, LongText, PartialDate, ShortText } from './common.js';

/**
 * Fields of a `reference` entry.
 *
 * @example
 * ```ts
 * ReferenceFieldsSchema.parse({
 *   authorRole: 'Head chef', relationship: 'Line manager', period: { from: '2026-03', to: '2026-07' },
 *   statement: 'Reliable, always on time and good with customers.', contactable: true,
 * });
 * ```
 */
export const ReferenceFieldsSchema = z.strictObject({
  /** The author's job, e.g. "Head chef" (not their name). */
  authorRole: ShortText,
  /** e.g. "Line manager". */
  relationship: ShortText,
  period: z.strictObject({ from: PartialDate, to: PartialDate.optional() }),
  statement: LongText,
  contactable: z.boolean(),
});

/**
 * The fields of a `reference` entry.
 *
 * @example
 * ```ts
 * const fields: ReferenceFields = ReferenceFieldsSchema.parse(formData);
 * ```
 */
export type ReferenceFields = z.infer<typeof ReferenceFieldsSchema>;

/**
 * The `reference` kind: Open Badges `Achievement`, class N.
 *
 * @example
 * ```ts
 * reference.fields.safeParse(fields).success;
 * ```
 */
export const reference = /* @__PURE__ */ defineKind({
  kind: 'reference',
  shape: ReferenceFieldsSchema.shape,
  achievementType: 'Achievement',
  sensitivity: 'N',
  lifecycle: false,
  label: 'reference',
});
