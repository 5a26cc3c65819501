// The words of a `mentoring` entry: its achievement text (issueEntry) and its describeEntry() line.
// No zod here: describeEntry runs on the verify path; the types come from the schema.
import type { AchievementText, KindWords } from '../common.js';
import type { MentoringFields } from '../mentoring.js';
import { plainPeriod, plainList, sentences } from '../plain-words.js';

/**
 * The Open Badges achievement name, description and criteria of a `mentoring` entry.
 *
 * @example
 * ```ts
 * const { name, description, criteria } = mentoringAchievement(fields);
 * ```
 */
export function mentoringAchievement(f: MentoringFields): AchievementText {
  return {
    name: `${f.programme} with ${f.organisation}`,
    description: sentences(
      `Took part in mentoring, ${plainPeriod(f.from, f.to)}${f.sessions !== undefined ? `, ${f.sessions} sessions` : ''}.`,
      f.goalsAchieved?.length ? `Goals achieved: ${plainList(f.goalsAchieved)}.` : undefined,
    ),
    criteria: `Took part in the ${f.programme} programme.`,
  };
}

/**
 * The describeEntry() line of a `mentoring` entry.
 *
 * @example
 * ```ts
 * describeMentoring(fields); // "Employment mentoring with St Giles — mentoring, since March 2026, 10 sessions"
 * ```
 */
export function describeMentoring(f: MentoringFields): string {
  return `${f.programme} with ${f.organisation} — mentoring, ${plainPeriod(f.from, f.to)}${
    f.sessions !== undefined ? `, ${f.sessions} ${f.sessions === 1 ? 'session' : 'sessions'}` : ''
  }`;
}

/**
 * The words of a `mentoring` entry, as the kind's definition carries them.
 *
 * @example
 * ```ts
 * mentoringWords.describe(fields, {});
 * ```
 */
export const mentoringWords: KindWords<MentoringFields> = { achievement: mentoringAchievement, describe: describeMentoring };
