// self-asserted: prior learning or work the holder records themselves (school GCSEs, earlier
// jobs). Signed by the holder's own key; a third party can back it with an `endorsement`.
// Class N.
import * as z from 'zod';
import { defineKind, Level, LongText, PartialDate, ShortText } from './common.js';

/**
 * The kinds a holder can record about themselves.
 *
 * @example
 * ```ts
 * SELF_ASSERTABLE_KINDS.includes('qualification'); // true
 * ```
 */
export const SELF_ASSERTABLE_KINDS = [
  'qualification',
  'unit-credit',
  'course-completion',
  'licence-card',
  'work-experience',
  'award',
  'mentoring',
  'peer-role',
] as const;

/**
 * Fields of a `self-asserted` entry.
 *
 * @example
 * ```ts
 * SelfAssertedFieldsSchema.parse({ claimedKind: 'qualification', title: 'GCSE English Language', level: 'L2', date: '2015' });
 * ```
 */
export const SelfAssertedFieldsSchema = z.strictObject({
  /** What sort of achievement the holder is recording. */
  claimedKind: z.enum(SELF_ASSERTABLE_KINDS),
  title: ShortText,
  organisation: ShortText.optional(),
  level: Level.optional(),
  /** When it was achieved, or when it started. */
  date: PartialDate.optional(),
  endDate: PartialDate.optional(),
  details: LongText.optional(),
});

/**
 * The fields of a `self-asserted` entry.
 *
 * @example
 * ```ts
 * const fields: SelfAssertedFields = SelfAssertedFieldsSchema.parse(formData);
 * ```
 */
export type SelfAssertedFields = z.infer<typeof SelfAssertedFieldsSchema>;

/**
 * The `self-asserted` kind: Open Badges `Achievement`, class N.
 *
 * @example
 * ```ts
 * selfAsserted.fields.safeParse(fields).success;
 * ```
 */
export const selfAsserted = /* @__PURE__ */ defineKind({
  kind: 'self-asserted',
  shape: SelfAssertedFieldsSchema.shape,
  achievementType: 'Achievement',
  sensitivity: 'N',
  lifecycle: false,
  label: 'self-reported record',
});
