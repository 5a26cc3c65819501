// The words of a `revocation` entry: its achievement text (issueEntry) and its describeEntry() line.
// No zod here: describeEntry runs on the verify path; the types come from the schema.
import type { AchievementText, KindWords, DescribeContext } from '../common.js';
import type { RevocationFields } from '../revocation.js';
import { issuerOr } from '../plain-words.js';

const REASON_WORDS: Record<RevocationFields['reason'], string> = {
  'issued-in-error': 'issued in error',
  superseded: 'replaced by a newer entry',
  withdrawn: 'withdrawn by the issuer',
  'key-compromise': 'the issuer’s key was compromised',
  other: 'other reason',
};

/**
 * The Open Badges achievement name, description and criteria of a `revocation` entry.
 *
 * @example
 * ```ts
 * const { name, description, criteria } = revocationAchievement(fields);
 * ```
 */
export function revocationAchievement(f: RevocationFields): AchievementText {
  return {
    name: 'Entry withdrawn',
    description: `Withdraws entry ${f.target}: ${REASON_WORDS[f.reason]}.`,
    criteria: f.note ?? 'Only the issuer of an entry can withdraw it.',
  };
}

/**
 * The describeEntry() line of a `revocation` entry.
 *
 * @example
 * ```ts
 * describeRevocation(fields, { issuerName: 'City & Guilds' });
 * // "Withdrawal of an earlier entry — by City & Guilds, reason: issued in error"
 * ```
 */
export function describeRevocation(f: RevocationFields, ctx: DescribeContext): string {
  return `Withdrawal of an earlier entry — by ${issuerOr(ctx)}, reason: ${REASON_WORDS[f.reason]}`;
}

/**
 * The words of a `revocation` entry, as the kind's definition carries them.
 *
 * @example
 * ```ts
 * revocationWords.describe(fields, {});
 * ```
 */
export const revocationWords: KindWords<RevocationFields> = { achievement: revocationAchievement, describe: describeRevocation };
