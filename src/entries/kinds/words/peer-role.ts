// The words of a `peer-role` entry: its achievement text (issueEntry) and its describeEntry() line.
// No zod here: describeEntry runs on the verify path; the types come from the schema.
import type { AchievementText, KindWords } from '../common.js';
import type { PeerRoleFields } from '../peer-role.js';
import { plainPeriod, plainList, sentences } from '../plain-words.js';

/**
 * The Open Badges achievement name, description and criteria of a `peer-role` entry.
 *
 * @example
 * ```ts
 * const { name, description, criteria } = peerRoleAchievement(fields);
 * ```
 */
export function peerRoleAchievement(f: PeerRoleFields): AchievementText {
  return {
    name: `${f.roleTitle} with ${f.organisation}`,
    description: sentences(
      `Held the role of ${f.roleTitle}, ${plainPeriod(f.from, f.to)}.`,
      f.responsibilities?.length ? `Responsibilities: ${plainList(f.responsibilities)}.` : undefined,
      f.trainingCompleted?.length ? `Training: ${plainList(f.trainingCompleted)}.` : undefined,
    ),
    criteria: `Trusted with the role of ${f.roleTitle} by ${f.organisation}.`,
  };
}

/**
 * The describeEntry() line of a `peer-role` entry.
 *
 * @example
 * ```ts
 * describePeerRole(fields); // "Reading mentor with Shannon Trust — helping others, since November 2025"
 * ```
 */
export function describePeerRole(f: PeerRoleFields): string {
  return `${f.roleTitle} with ${f.organisation} — helping others, ${plainPeriod(f.from, f.to)}`;
}

/**
 * The words of a `peer-role` entry, as the kind's definition carries them.
 *
 * @example
 * ```ts
 * peerRoleWords.describe(fields, {});
 * ```
 */
export const peerRoleWords: KindWords<PeerRoleFields> = { achievement: peerRoleAchievement, describe: describePeerRole };
