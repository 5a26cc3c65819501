// The words of an `endorsement` entry: its achievement text (issueEntry) and its describeEntry() line.
// No zod here: describeEntry runs on the verify path; the types come from the schema.
import type { AchievementText, KindWords, DescribeContext } from '../common.js';
import type { EndorsementFields } from '../endorsement.js';
import { issuerOr } from '../plain-words.js';

const CLAIM_WORDS: Record<EndorsementFields['claimType'], string> = {
  'certificate-sighted': 'certificate seen',
  'skills-observed': 'skills seen in practice',
  confirmed: 'confirmed',
  other: 'vouched for',
};

/**
 * The Open Badges achievement name, description and criteria of an `endorsement` entry.
 *
 * @example
 * ```ts
 * const { name, description, criteria } = endorsementAchievement(fields);
 * ```
 */
export function endorsementAchievement(f: EndorsementFields): AchievementText {
  return {
    name: `Endorsement: ${CLAIM_WORDS[f.claimType]}`,
    description: `Vouches for entry ${f.target}.`,
    criteria: f.claim,
  };
}

/**
 * The describeEntry() line of an `endorsement` entry.
 *
 * @example
 * ```ts
 * describeEndorsement(fields, { issuerName: 'Nacro' }); // "Endorsement: certificate seen — by Nacro, about another entry"
 * ```
 */
export function describeEndorsement(f: EndorsementFields, ctx: DescribeContext): string {
  return `Endorsement: ${CLAIM_WORDS[f.claimType]} — by ${issuerOr(ctx)}, about another entry`;
}

/**
 * The words of an `endorsement` entry, as the kind's definition carries them.
 *
 * @example
 * ```ts
 * endorsementWords.describe(fields, {});
 * ```
 */
export const endorsementWords: KindWords<EndorsementFields> = { achievement: endorsementAchievement, describe: describeEndorsement };
