// The words of a `checkpoint` entry: its achievement text (issueEntry) and its describeEntry() line.
// No zod here: describeEntry runs on the verify path; the types come from the schema.
import type { AchievementText, KindWords, DescribeContext } from '../common.js';
import type { CheckpointFields } from '../checkpoint.js';
import { issuerOr } from '../plain-words.js';
import { dayInWords } from '../../../internal/time.js';

function plainInstant(value: string): string {
  return dayInWords(value) ?? value;
}

/**
 * The Open Badges achievement name, description and criteria of a `checkpoint` entry.
 *
 * @example
 * ```ts
 * const { name, description, criteria } = checkpointAchievement(fields);
 * ```
 */
export function checkpointAchievement(f: CheckpointFields): AchievementText {
  return {
    name: `Checkpoint of ${f.entryCount} ${f.entryCount === 1 ? 'entry' : 'entries'}`,
    description: `The issuer saw exactly these ${f.entryCount} entries at ${f.at}. Digest (SHA-256): ${f.digest}.`,
    criteria: 'The digest is the SHA-256 of the sorted entry ids joined by new lines.',
  };
}

/**
 * The describeEntry() line of a `checkpoint` entry.
 *
 * @example
 * ```ts
 * describeCheckpoint(fields, { issuerName: 'Novus' }); // "Checkpoint: Novus saw 42 entries — record check, 3 March 2026"
 * ```
 */
export function describeCheckpoint(f: CheckpointFields, ctx: DescribeContext): string {
  return `Checkpoint: ${issuerOr(ctx)} saw ${f.entryCount} ${f.entryCount === 1 ? 'entry' : 'entries'} — record check, ${plainInstant(f.at)}`;
}

/**
 * The words of a `checkpoint` entry, as the kind's definition carries them.
 *
 * @example
 * ```ts
 * checkpointWords.describe(fields, {});
 * ```
 */
export const checkpointWords: KindWords<CheckpointFields> = { achievement: checkpointAchievement, describe: describeCheckpoint };
