// The words of an `award` entry: its achievement text (issueEntry) and its describeEntry() line.
// No zod here: describeEntry runs on the verify path; the types come from the schema.
import type { AchievementText, KindWords } from '../common.js';
import type { AwardFields } from '../award.js';
import { plainPartialDate } from '../plain-words.js';

/**
 * The Open Badges achievement name, description and criteria of an `award` entry.
 *
 * @example
 * ```ts
 * const { name, description, criteria } = awardAchievement(fields);
 * ```
 */
export function awardAchievement(f: AwardFields): AchievementText {
  return {
    name: f.name,
    description: f.description ?? `An award from ${f.awardingOrg}.`,
    criteria: `Awarded by ${f.awardingOrg}.`,
  };
}

/**
 * The describeEntry() line of an `award` entry.
 *
 * @example
 * ```ts
 * describeAward(fields); // "Highly Commended, Poetry — award from Koestler Arts, September 2026"
 * ```
 */
export function describeAward(f: AwardFields): string {
  return `${f.name} — award from ${f.awardingOrg}, ${plainPartialDate(f.awardedOn)}`;
}

/**
 * The words of an `award` entry, as the kind's definition carries them.
 *
 * @example
 * ```ts
 * awardWords.describe(fields, {});
 * ```
 */
export const awardWords: KindWords<AwardFields> = { achievement: awardAchievement, describe: describeAward };
