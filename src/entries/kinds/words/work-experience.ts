// The words of a `work-experience` entry: its achievement text (issueEntry) and its describeEntry() line.
// No zod here: describeEntry runs on the verify path; the types come from the schema.
import type { AchievementText, KindWords } from '../common.js';
import type { WorkExperienceFields } from '../work-experience.js';
import { plainPeriod, plainList, sentences } from '../plain-words.js';

/**
 * The Open Badges achievement name, description and criteria of a `work-experience` entry.
 *
 * @example
 * ```ts
 * const { name, description, criteria } = workExperienceAchievement(fields);
 * ```
 */
export function workExperienceAchievement(f: WorkExperienceFields): AchievementText {
  return {
    name: `${f.roleTitle} at ${f.organisationDisplay}`,
    description: sentences(
      `Work as ${f.roleTitle}, ${plainPeriod(f.from, f.to)}${f.hoursPerWeek !== undefined ? `, ${f.hoursPerWeek} hours a week` : ''}.`,
      f.duties?.length ? `Duties: ${plainList(f.duties)}.` : undefined,
      f.skills?.length ? `Skills: ${plainList(f.skills)}.` : undefined,
    ),
    criteria: f.supervisorReferenceAvailable ? 'Confirmed by the organisation. A supervisor reference is available.' : 'Confirmed by the organisation.',
  };
}

/**
 * The describeEntry() line of a `work-experience` entry.
 *
 * @example
 * ```ts
 * describeWorkExperience(fields);
 * // "Kitchen team member at Greene King — work experience, March 2026 to July 2026, 32 hours a week"
 * ```
 */
export function describeWorkExperience(f: WorkExperienceFields): string {
  return `${f.roleTitle} at ${f.organisationDisplay} — work experience, ${plainPeriod(f.from, f.to)}${
    f.hoursPerWeek !== undefined ? `, ${f.hoursPerWeek} hours a week` : ''
  }`;
}

/**
 * The words of a `work-experience` entry, as the kind's definition carries them.
 *
 * @example
 * ```ts
 * workExperienceWords.describe(fields, {});
 * ```
 */
export const workExperienceWords: KindWords<WorkExperienceFields> = { achievement: workExperienceAchievement, describe: describeWorkExperience };
