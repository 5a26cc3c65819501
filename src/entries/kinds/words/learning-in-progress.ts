// The words of a `learning-in-progress` entry: its achievement text (issueEntry) and its describeEntry() line.
// No zod here: describeEntry runs on the verify path; the types come from the schema.
import type { AchievementText, KindWords, DescribeContext } from '../common.js';
import type { LearningInProgressFields } from '../learning-in-progress.js';
import { issuerOr, plainPartialDate, plainLevel, sentences } from '../plain-words.js';

function progress(f: LearningInProgressFields): string {
  const done = f.unitsCompleted?.length;
  const left = f.unitsRemaining?.length;
  if (done === undefined && left === undefined) return '';
  if (left === undefined) return `${done} ${done === 1 ? 'unit' : 'units'} done`;
  return `${done ?? 0} of ${(done ?? 0) + left} units done`;
}

/**
 * The Open Badges achievement name, description and criteria of a `learning-in-progress` entry.
 *
 * @example
 * ```ts
 * const { name, description, criteria } = learningInProgressAchievement(fields);
 * ```
 */
export function learningInProgressAchievement(f: LearningInProgressFields): AchievementText {
  return {
    name: f.level ? `${f.courseTitle}, ${plainLevel(f.level)} (in progress)` : `${f.courseTitle} (in progress)`,
    description: sentences(
      `Progress so far on a course started ${plainPartialDate(f.startedOn)}.`,
      progress(f) && `${progress(f)}.`,
      f.nextSteps && `Next steps: ${f.nextSteps}`,
    ),
    criteria: 'A record of progress on an unfinished course, so that it can continue elsewhere.',
  };
}

/**
 * The describeEntry() line of a `learning-in-progress` entry.
 *
 * @example
 * ```ts
 * describeLearningInProgress(fields, { issuerName: 'Novus' });
 * // "Level 2 Food Safety — course in progress with Novus, started January 2026, 2 of 5 units done"
 * ```
 */
export function describeLearningInProgress(f: LearningInProgressFields, ctx: DescribeContext): string {
  return [
    `${f.courseTitle}${f.level ? `, ${plainLevel(f.level)}` : ''} — course in progress with ${issuerOr(ctx, 'a provider')}`,
    `started ${plainPartialDate(f.startedOn)}`,
    progress(f),
  ]
    .filter(Boolean)
    .join(', ');
}

/**
 * The words of a `learning-in-progress` entry, as the kind's definition carries them.
 *
 * @example
 * ```ts
 * learningInProgressWords.describe(fields, {});
 * ```
 */
export const learningInProgressWords: KindWords<LearningInProgressFields> = {
  achievement: learningInProgressAchievement,
  describe: describeLearningInProgress,
};
