// The words of a `self-asserted` entry: its achievement text (issueEntry) and its describeEntry() line.
// No zod here: describeEntry runs on the verify path; the types come from the schema.
import type { AchievementText, KindWords } from '../common.js';
import type { SelfAssertedFields } from '../self-asserted.js';
import { plainPartialDate, plainLevel, sentences } from '../plain-words.js';

const KIND_WORDS: Record<SelfAssertedFields['claimedKind'], string> = {
  qualification: 'qualification',
  'unit-credit': 'unit',
  'course-completion': 'course',
  'licence-card': 'card',
  'work-experience': 'work experience',
  award: 'award',
  mentoring: 'mentoring',
  'peer-role': 'role',
};

/**
 * The Open Badges achievement name, description and criteria of a `self-asserted` entry.
 *
 * @example
 * ```ts
 * const { name, description, criteria } = selfAssertedAchievement(fields);
 * ```
 */
export function selfAssertedAchievement(f: SelfAssertedFields): AchievementText {
  return {
    name: f.level ? `${f.title}, ${plainLevel(f.level)}` : f.title,
    description: sentences(`Recorded by the holder: ${KIND_WORDS[f.claimedKind]}${f.organisation ? ` with ${f.organisation}` : ''}.`, f.details),
    criteria: 'Self-reported by the holder; not checked by an issuer.',
  };
}

/**
 * The describeEntry() line of a `self-asserted` entry.
 *
 * @example
 * ```ts
 * describeSelfAsserted(fields); // "GCSE English Language, Level 2 — qualification (self-reported), 2015"
 * ```
 */
export function describeSelfAsserted(f: SelfAssertedFields): string {
  return [
    `${f.level ? `${f.title}, ${plainLevel(f.level)}` : f.title} — ${KIND_WORDS[f.claimedKind]} (self-reported)`,
    f.organisation && `with ${f.organisation}`,
    f.date && (f.endDate ? `${plainPartialDate(f.date)} to ${plainPartialDate(f.endDate)}` : plainPartialDate(f.date)),
  ]
    .filter(Boolean)
    .join(', ');
}

/**
 * The words of a `self-asserted` entry, as the kind's definition carries them.
 *
 * @example
 * ```ts
 * selfAssertedWords.describe(fields, {});
 * ```
 */
export const selfAssertedWords: KindWords<SelfAssertedFields> = { achievement: selfAssertedAchievement, describe: describeSelfAsserted };
