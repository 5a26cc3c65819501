// learning-in-progress: a snapshot of an unfinished course, so it can continue after a move or
// release instead of starting again. Class E (for the next provider, not for employers).
import * as z from 'zod';
import {
  Amount,
  defineKind,
  issuerOr,
  Level,
  LongText,
  Organisation,
  PartialDate,
  plainLevel,
  plainPartialDate,
  sentences,
  ShortText,
  TextList,
} from './common.js';

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

function progress(f: LearningInProgressFields): string {
  const done = f.unitsCompleted?.length;
  const left = f.unitsRemaining?.length;
  if (done === undefined && left === undefined) return '';
  if (left === undefined) return `${done} ${done === 1 ? 'unit' : 'units'} done`;
  return `${done ?? 0} of ${(done ?? 0) + left} units done`;
}

/**
 * The `learning-in-progress` kind: Open Badges `LearningProgram`, class E.
 *
 * @example
 * ```ts
 * learningInProgress.describe(fields, { issuerName: 'Novus' });
 * // "Level 2 Food Safety — course in progress with Novus, started January 2026, 2 of 5 units done"
 * ```
 */
export const learningInProgress = /* @__PURE__ */ defineKind({
  kind: 'learning-in-progress',
  shape: LearningInProgressFieldsSchema.shape,
  achievementType: 'LearningProgram',
  sensitivity: 'E',
  lifecycle: false,
  label: 'course in progress',
  achievement: (f) => ({
    name: f.level ? `${f.courseTitle}, ${plainLevel(f.level)} (in progress)` : `${f.courseTitle} (in progress)`,
    description: sentences(
      `Progress so far on a course started ${plainPartialDate(f.startedOn)}.`,
      progress(f) && `${progress(f)}.`,
      f.nextSteps && `Next steps: ${f.nextSteps}`,
    ),
    criteria: 'A record of progress on an unfinished course, so that it can continue elsewhere.',
  }),
  describe: (f, ctx) =>
    [
      `${f.courseTitle}${f.level ? `, ${plainLevel(f.level)}` : ''} — course in progress with ${issuerOr(ctx, 'a provider')}`,
      `started ${plainPartialDate(f.startedOn)}`,
      progress(f),
    ]
      .filter(Boolean)
      .join(', '),
});
