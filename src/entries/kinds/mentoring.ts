// mentoring: a mentee's engagement with a mentor or charity. Goals only, never session notes.
// Class N.
import * as z from 'zod';
import { defineKind, PartialDate, ShortText, TextList } from './common.js';

/**
 * Fields of a `mentoring` entry.
 *
 * @example
 * ```ts
 * MentoringFieldsSchema.parse({ programme: 'Employment mentoring', organisation: 'St Giles', from: '2026-03', sessions: 10 });
 * ```
 */
export const MentoringFieldsSchema = z.strictObject({
  programme: ShortText,
  organisation: ShortText,
  from: PartialDate,
  to: PartialDate.optional(),
  sessions: z.number().int().min(0).max(10_000).optional(),
  goalsAchieved: TextList.optional(),
});

/**
 * The fields of a `mentoring` entry.
 *
 * @example
 * ```ts
 * const fields: MentoringFields = MentoringFieldsSchema.parse(formData);
 * ```
 */
export type MentoringFields = z.infer<typeof MentoringFieldsSchema>;

/**
 * The `mentoring` kind: Open Badges `CoCurricular`, class N.
 *
 * @example
 * ```ts
 * mentoring.fields.safeParse(fields).success;
 * ```
 */
export const mentoring = /* @__PURE__ */ defineKind({
  kind: 'mentoring',
  shape: MentoringFieldsSchema.shape,
  achievementType: 'CoCurricular',
  sensitivity: 'N',
  lifecycle: false,
  label: 'mentoring',
});
