// The words of a `course-completion` entry: its achievement text (issueEntry) and its describeEntry() line.
// No zod here: describeEntry runs on the verify path; the types come from the schema.
import type { AchievementText, KindWords } from '../common.js';
import type { CourseCompletionFields } from '../course-completion.js';
import { plainPartialDate, plainList, sentences } from '../plain-words.js';

/**
 * The Open Badges achievement name, description and criteria of a `course-completion` entry.
 *
 * @example
 * ```ts
 * const { name, description, criteria } = courseCompletionAchievement(fields);
 * ```
 */
export function courseCompletionAchievement(f: CourseCompletionFields): AchievementText {
  return {
    name: f.title,
    description: sentences(
      `A course run by ${f.provider}${f.hours !== undefined ? `, ${f.hours} hours` : ''}.`,
      f.skills?.length ? `Skills: ${plainList(f.skills)}.` : undefined,
    ),
    criteria: f.learningOutcomes?.length
      ? `The learner ${f.outcome} the course. Learning outcomes: ${f.learningOutcomes.join('; ')}.`
      : `The learner ${f.outcome} the course.`,
  };
}

/**
 * The describeEntry() line of a `course-completion` entry.
 *
 * @example
 * ```ts
 * describeCourseCompletion(fields); // "Barista skills — course from The Clink, completed June 2026 (12 hours)"
 * ```
 */
export function describeCourseCompletion(f: CourseCompletionFields): string {
  return `${f.title} — course from ${f.provider}, ${f.outcome} ${plainPartialDate(f.completedOn)}${
    f.hours !== undefined ? ` (${f.hours} ${f.hours === 1 ? 'hour' : 'hours'})` : ''
  }`;
}

/**
 * The words of a `course-completion` entry, as the kind's definition carries them.
 *
 * @example
 * ```ts
 * courseCompletionWords.describe(fields, {});
 * ```
 */
export const courseCompletionWords: KindWords<CourseCompletionFields> = { achievement: courseCompletionAchievement, describe: describeCourseCompletion };
