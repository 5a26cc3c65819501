// The words of an `assessment-result` entry: its achievement text (issueEntry) and its describeEntry() line.
// No zod here: describeEntry runs on the verify path; the types come from the schema.
import type { AchievementText, KindWords, DescribeContext } from '../common.js';
import type { AssessmentResultFields } from '../assessment-result.js';
import { issuerOr, plainPartialDate, plainLevel, sentences } from '../plain-words.js';

const DOMAIN_NAMES: Record<AssessmentResultFields['domain'], string> = {
  english: 'English',
  maths: 'Maths',
  digital: 'Digital skills',
  esol: 'English for speakers of other languages (ESOL)',
  reading: 'Reading',
};

/**
 * The Open Badges achievement name, description and criteria of an `assessment-result` entry.
 *
 * @example
 * ```ts
 * const { name, description, criteria } = assessmentResultAchievement(fields);
 * ```
 */
export function assessmentResultAchievement(f: AssessmentResultFields): AchievementText {
  return {
    name: `${DOMAIN_NAMES[f.domain]} assessment: ${f.result}`,
    description: sentences(
      `An initial assessment of ${DOMAIN_NAMES[f.domain].toLowerCase()}${f.instrument ? ` using ${f.instrument}` : ''}.`,
      f.levelBanding && `Level band: ${plainLevel(f.levelBanding)}.`,
      f.validityHint && `Valid for ${f.validityHint}.`,
    ),
    criteria: f.nextStep ? `Suggested next step: ${f.nextStep}` : 'The result of an initial or diagnostic assessment.',
  };
}

/**
 * The describeEntry() line of an `assessment-result` entry.
 *
 * @example
 * ```ts
 * describeAssessmentResult(fields, { issuerName: 'Novus' });
 * // "Maths assessment: Working at Entry Level 3 — assessment by Novus, 12 January 2026"
 * ```
 */
export function describeAssessmentResult(f: AssessmentResultFields, ctx: DescribeContext): string {
  return `${DOMAIN_NAMES[f.domain]} assessment: ${f.result} — assessment by ${issuerOr(ctx)}, ${plainPartialDate(f.assessedOn)}`;
}

/**
 * The words of an `assessment-result` entry, as the kind's definition carries them.
 *
 * @example
 * ```ts
 * assessmentResultWords.describe(fields, {});
 * ```
 */
export const assessmentResultWords: KindWords<AssessmentResultFields> = { achievement: assessmentResultAchievement, describe: describeAssessmentResult };
