// The words of a `unit-credit` entry: its achievement text (issueEntry) and its describeEntry() line.
// No zod here: describeEntry runs on the verify path; the types come from the schema.
import type { AchievementText, KindWords, DescribeContext } from '../common.js';
import type { UnitCreditFields } from '../unit-credit.js';
import { issuerOr, plainPartialDate, plainLevel, sentences } from '../plain-words.js';

/**
 * The Open Badges achievement name, description and criteria of a `unit-credit` entry.
 *
 * @example
 * ```ts
 * const { name, description, criteria } = unitCreditAchievement(fields);
 * ```
 */
export function unitCreditAchievement(f: UnitCreditFields): AchievementText {
  return {
    name: `${f.unitTitle}, ${plainLevel(f.level)}`,
    description: sentences(
      `A ${plainLevel(f.level)} unit${f.parentQualificationTitle ? ` of ${f.parentQualificationTitle}` : ''}${
        f.parentQualificationNumber ? ` (${f.parentQualificationNumber})` : ''
      }.`,
      f.unitRef && `Unit reference ${f.unitRef}.`,
    ),
    criteria: f.assessorAttestation ?? 'The learner met the assessment criteria of the unit.',
  };
}

/**
 * The describeEntry() line of a `unit-credit` entry.
 *
 * @example
 * ```ts
 * describeUnitCredit(fields, { issuerName: 'City & Guilds' });
 * // "Food safety in catering, Level 2 — unit towards Food Safety Award, from City & Guilds, achieved 14 February 2026"
 * ```
 */
export function describeUnitCredit(f: UnitCreditFields, ctx: DescribeContext): string {
  return `${f.unitTitle}, ${plainLevel(f.level)} — unit towards ${f.parentQualificationTitle ?? 'a qualification'}, from ${
    f.awardingBody?.name ?? issuerOr(ctx)
  }, achieved ${plainPartialDate(f.achievedOn)}`;
}

/**
 * The words of an `unit-credit` entry, as the kind's definition carries them.
 *
 * @example
 * ```ts
 * unitCreditWords.describe(fields, {});
 * ```
 */
export const unitCreditWords: KindWords<UnitCreditFields> = { achievement: unitCreditAchievement, describe: describeUnitCredit };
