// course-completion: a non-accredited course, programme, bootcamp or workshop. Class N.
import * as z from 'zod';
import { Amount, defineKind, PartialDate, ShortText, TextList } from './common.js';

/**
 * Fields of a `course-completion` entry.
 *
 * @example
 * ```ts
 * CourseCompletionFieldsSchema.parse({ title: 'Barista skills', provider: 'The Clink', completedOn: '2026-06', outcome: 'completed' });
 * ```
 */
export const CourseCompletionFieldsSchema = z.strictObject({
  title: ShortText,
  /** The provider's display name (a neutral name is fine). */
  provider: ShortText,
  hours: Amount.optional(),
  deliveryMode: z.enum(['classroom', 'online', 'blended', 'distance-learning', 'workplace']).optional(),
  completedOn: PartialDate,
  outcome: z.enum(['completed', 'achieved']),
  learningOutcomes: TextList.optional(),
  skills: TextList.optional(),
});

/**
 * The fields of a `course-completion` entry.
 *
 * @example
 * ```ts
 * const fields: CourseCompletionFields = CourseCompletionFieldsSchema.parse(formData);
 * ```
 */
export type CourseCompletionFields = z.infer<typeof CourseCompletionFieldsSchema>;

/**
 * The `course-completion` kind: Open Badges `CertificateOfCompletion`, class N.
 *
 * @example
 * ```ts
 * courseCompletion.fields.safeParse(fields).success;
 * ```
 */
export const courseCompletion = /* @__PURE__ */ defineKind({
  kind: 'course-completion',
  shape: CourseCompletionFieldsSchema.shape,
  achievementType: 'CertificateOfCompletion',
  sensitivity: 'N',
  lifecycle: false,
  label: 'course',
});
