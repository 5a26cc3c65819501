// learning-in-progress: a snapshot of an unfinished course, so it can continue after a move or
// release instead of starting again. Class E (for the next provider, not for employers).
import * as z from 'zod';
import { Amount, defineKind, Level, LongText, Organisation, PartialDate, ShortText, TextList } from './common.js';

/** A content hash of a portfolio item: hex SHA-256 or an entry id (CID). */
const EvidenceRef = /* @__PURE__ */ z.string().regex(/^([0-9a-f]{64}|b[a-z2-7]{20,})$/, 'must be a hex SHA-256 hash or an entry id');

/**
 * Fields of a `learning-in-progress` entry.
 *
 * @example
 * ```ts
 * LearningInProgressFieldsSchema.parse({ courseTitle: 'Level 2 Food Safety', startedOn: '2026-01', unitsCompleted: ['Unit 1'] });
 * ```
 */
export const LearningInProgressFieldsSchema = z.strictObject({
  courseTitle: ShortText,
  level: Level.optional(),
  qualificationNumber: ShortText.optional(),
  awardingBody: Organisation.optional(),
  /** The awarding body's registration reference (share only with the next provider). */
  aoRegistrationRef: ShortText.optional(),
  unitsCompleted: TextList.optional(),
  unitsRemaining: TextList.optional(),
  glhCompleted: Amount.optional(),
  startedOn: PartialDate,
  expectedEnd: PartialDate.optional(),
  nextSteps: LongText.optional(),
  /** Hashes of portfolio evidence, so the evidence itself can follow separately. */
  portfolioEvidenceRefs: z.array(EvidenceRef).max(200).optional(),
});

/**
 * The fields of a `learning-in-progress` entry.
 *
 * @example
 * ```ts
 * const fields: LearningInProgressFields = LearningInProgressFieldsSchema.parse(formData);
 * ```
 */
export type LearningInProgressFields = z.infer<typeof LearningInProgressFieldsSchema>;

/**
 * The `learning-in-progress` kind: Open Badges `LearningProgram`, class E.
 *
 * @example
 * ```ts
 * learningInProgress.fields.safeParse(fields).success;
 * ```
 */
export const learningInProgress = /* @__PURE__ */ defineKind({
  kind: 'learning-in-progress',
  shape: LearningInProgressFieldsSchema.shape,
  achievementType: 'LearningProgram',
  sensitivity: 'E',
  lifecycle: false,
  label: 'course in progress',
});
