// assessment-result: an initial or diagnostic assessment, so the learner is not tested again at
// every move. Class E.
import * as z from 'zod';
import { defineKind, Level, LongText, PartialDate, ShortText } from './common.js';

/**
 * What was assessed.
 *
 * @example
 * ```ts
 * ASSESSMENT_DOMAINS.includes('maths'); // true
 * ```
 */
export const ASSESSMENT_DOMAINS = ['english', 'maths', 'digital', 'esol', 'reading'] as const;

/**
 * Fields of an `assessment-result` entry.
 *
 * @example
 * ```ts
 * AssessmentResultFieldsSchema.parse({ domain: 'maths', result: 'Working at Entry Level 3', assessedOn: '2026-01-12' });
 * ```
 */
export const AssessmentResultFieldsSchema = z.strictObject({
  domain: z.enum(ASSESSMENT_DOMAINS),
  /** The result in words, e.g. "Working towards Entry Level 3". */
  result: ShortText,
  levelBanding: Level.optional(),
  /** The assessment tool used, e.g. "BKSB initial assessment". */
  instrument: ShortText.optional(),
  assessedOn: PartialDate,
  nextStep: LongText.optional(),
  /** How long the result can be relied on, e.g. "12 months". */
  validityHint: ShortText.optional(),
});

/**
 * The fields of an `assessment-result` entry.
 *
 * @example
 * ```ts
 * const fields: AssessmentResultFields = AssessmentResultFieldsSchema.parse(formData);
 * ```
 */
export type AssessmentResultFields = z.infer<typeof AssessmentResultFieldsSchema>;

/**
 * The `assessment-result` kind: Open Badges `Assessment`, class E.
 *
 * @example
 * ```ts
 * assessmentResult.fields.safeParse(fields).success;
 * ```
 */
export const assessmentResult = /* @__PURE__ */ defineKind({
  kind: 'assessment-result',
  shape: AssessmentResultFieldsSchema.shape,
  achievementType: 'Assessment',
  sensitivity: 'E',
  lifecycle: false,
  label: 'assessment',
});
