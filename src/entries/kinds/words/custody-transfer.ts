// The words of a `custody-transfer` entry: its achievement text (issueEntry) and its describeEntry() line.
// No zod here: describeEntry runs on the verify path; the types come from the schema.
import type { AchievementText, KindWords } from '../common.js';
import type { CustodyTransferFields } from '../custody-transfer.js';
import { plainPartialDate, sentences } from '../plain-words.js';

/**
 * The Open Badges achievement name, description and criteria of a `custody-transfer` entry.
 *
 * @example
 * ```ts
 * const { name, description, criteria } = custodyTransferAchievement(fields);
 * ```
 */
export function custodyTransferAchievement(f: CustodyTransferFields): AchievementText {
  return {
    name: 'Learning records handed over',
    description: sentences(
      `Learning records passed from ${f.fromEstablishment} to ${f.toEstablishment} on ${plainPartialDate(f.transferDate)}.`,
      f.inProgressAims?.length ? `Courses in progress: ${f.inProgressAims.join('; ')}.` : undefined,
    ),
    criteria: 'A receipt that learning records were handed over when the learner moved.',
  };
}

/**
 * The describeEntry() line of a `custody-transfer` entry.
 *
 * @example
 * ```ts
 * describeCustodyTransfer(fields);
 * // "Learning records passed from HMP Leeds to HMP Wealstun — handover, 3 March 2026, 12 entries"
 * ```
 */
export function describeCustodyTransfer(f: CustodyTransferFields): string {
  return `Learning records passed from ${f.fromEstablishment} to ${f.toEstablishment} — handover, ${plainPartialDate(f.transferDate)}${
    f.entryIds ? `, ${f.entryIds.length} ${f.entryIds.length === 1 ? 'entry' : 'entries'}` : ''
  }`;
}

/**
 * The words of a `custody-transfer` entry, as the kind's definition carries them.
 *
 * @example
 * ```ts
 * custodyTransferWords.describe(fields, {});
 * ```
 */
export const custodyTransferWords: KindWords<CustodyTransferFields> = { achievement: custodyTransferAchievement, describe: describeCustodyTransfer };
