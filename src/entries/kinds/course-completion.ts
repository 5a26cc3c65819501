// course-completion: a non-accredited course, programme, bootcamp or workshop. Class N.
import * as z from 'zod';
import { Amount, defineKind, PartialDate, plainList, plainPartialDate, sentences, ShortText, TextList } from './common.js';

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
 * courseCompletion.describe(fields, {}); // "Barista skills — course from The Clink, completed June 2026 (12 hours)"
 * ```
 */
export const courseCompletion = /* @__PURE__ */ defineKind({
  kind: 'course-completion',
  shape: CourseCompletionFieldsSchema.shape,
  achievementType: 'CertificateOfCompletion',
  sensitivity: 'N',
  lifecycle: false,
  label: 'course',
  achievement: (f) => ({
    name: f.title,
    description: sentences(
      `A course run by ${f.provider}${f.hours !== undefined ? `, ${f.hours} hours` : ''}.`,
      f.skills?.length ? `Skills: ${plainList(f.skills)}.` : undefined,
    ),
    criteria: f.learningOutcomes?.length
      ? `The learner ${f.outcome} the course. Learning outcomes: ${f.learningOutcomes.join('; ')}.`
      : `The learner ${f.outcome} the course.`,
  }),
  describe: (f) =>
    `${f.title} — course from ${f.provider}, ${f.outcome} ${plainPartialDate(f.completedOn)}${
      f.hours !== undefined ? ` (${f.hours} ${f.hours === 1 ? 'hour' : 'hours'})` : ''
    }`,
});
