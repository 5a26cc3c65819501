// The words of a `reference` entry: its achievement text (issueEntry) and its describeEntry() line.
// No zod here: describeEntry runs on the verify path; the types come from the schema.
import type { AchievementText, KindWords, DescribeContext } from '../common.js';
import type { ReferenceFields } from '../reference.js';
import { issuerOr, plainPeriod } from '../plain-words.js';

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/**
 * The Open Badges achievement name, description and criteria of a `reference` entry.
 *
 * @example
 * ```ts
 * const { name, description, criteria } = referenceAchievement(fields);
 * ```
 */
export function referenceAchievement(f: ReferenceFields): AchievementText {
  return {
    name: `Reference from ${f.authorRole}`,
    description: `A reference from the learner's ${f.relationship.toLowerCase()} (${f.authorRole}), ${plainPeriod(f.period.from, f.period.to)}.${
      f.contactable ? ' The author is willing to be contacted.' : ''
    }`,
    criteria: f.statement,
  };
}

/**
 * The describeEntry() line of a `reference` entry.
 *
 * @example
 * ```ts
 * describeReference(fields, { issuerName: 'Greene King' });
 * // "Reference from a head chef at Greene King — line manager, March 2026 to July 2026"
 * ```
 */
export function describeReference(f: ReferenceFields, ctx: DescribeContext): string {
  return `Reference from ${article(f.authorRole)} ${f.authorRole.toLowerCase()} at ${issuerOr(ctx, 'an organisation')} — ${f.relationship.toLowerCase()}, ${plainPeriod(
    f.period.from,
    f.period.to,
  )}`;
}

/**
 * The words of a `reference` entry, as the kind's definition carries them.
 *
 * @example
 * ```ts
 * referenceWords.describe(fields, {});
 * ```
 */
export const referenceWords: KindWords<ReferenceFields> = { achievement: referenceAchievement, describe: describeReference };
