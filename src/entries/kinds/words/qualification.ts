// The words of a `qualification` entry: its achievement text (issueEntry) and its describeEntry() line.
// No zod here: describeEntry runs on the verify path; the types come from the schema.
import type { AchievementText, KindWords } from '../common.js';
import type { QualificationFields } from '../qualification.js';
import { plainPartialDate, plainLevel, sentences } from '../plain-words.js';

function title(f: QualificationFields): string {
  const base = f.subject ? `${f.title} (${f.subject})` : f.title;
  const level = plainLevel(f.level);
  return base.toLowerCase().includes(level.toLowerCase()) ? base : `${base}, ${level}`;
}

/**
 * The Open Badges achievement name, description and criteria of a `qualification` entry.
 *
 * @example
 * ```ts
 * const { name, description, criteria } = qualificationAchievement(fields);
 * ```
 */
export function qualificationAchievement(f: QualificationFields): AchievementText {
  return {
    name: title(f),
    description: sentences(
      `A ${plainLevel(f.level)}${f.framework && f.framework !== 'other' ? ` (${f.framework})` : ''} qualification awarded by ${f.awardingBody.name}.`,
      f.grade && `Grade: ${f.grade}.`,
    ),
    criteria: `Awarded by ${f.awardingBody.name} when the learner met the requirements of ${
      f.qualificationNumber ? `qualification ${f.qualificationNumber}` : 'the qualification'
    }.`,
  };
}

/**
 * The describeEntry() line of a `qualification` entry.
 *
 * @example
 * ```ts
 * describeQualification(fields); // "Functional Skills Maths, Level 1 — qualification from City & Guilds, awarded March 2026"
 * ```
 */
export function describeQualification(f: QualificationFields): string {
  return `${title(f)} — qualification from ${f.awardingBody.name}, awarded ${plainPartialDate(f.awardedOn)}${f.grade ? `, grade ${f.grade}` : ''}`;
}

/**
 * The words of a `qualification` entry, as the kind's definition carries them.
 *
 * @example
 * ```ts
 * qualificationWords.describe(fields, {});
 * ```
 */
export const qualificationWords: KindWords<QualificationFields> = { achievement: qualificationAchievement, describe: describeQualification };
