// The words of an `employability-skill` entry: its achievement text (issueEntry) and its describeEntry() line.
// No zod here: describeEntry runs on the verify path; the types come from the schema.
import type { AchievementText, KindWords, DescribeContext } from '../common.js';
import type { EmployabilitySkillFields } from '../employability-skill.js';
import { issuerOr, plainPartialDate } from '../plain-words.js';

const SKILL_NAMES: Record<EmployabilitySkillFields['skill'], string> = {
  teamwork: 'Teamwork',
  timekeeping: 'Timekeeping',
  communication: 'Communication',
  planning: 'Planning',
  organisation: 'Organisation',
  'problem-solving': 'Problem solving',
  initiative: 'Initiative',
  adaptability: 'Adaptability',
  reliability: 'Reliability',
  creativity: 'Creativity',
};

/**
 * The Open Badges achievement name, description and criteria of an `employability-skill` entry.
 *
 * @example
 * ```ts
 * const { name, description, criteria } = employabilitySkillAchievement(fields);
 * ```
 */
export function employabilitySkillAchievement(f: EmployabilitySkillFields): AchievementText {
  return {
    name: `${SKILL_NAMES[f.skill]}: ${f.rating.value} out of ${f.rating.max}`,
    description: `${SKILL_NAMES[f.skill]} rated ${f.rating.value} out of ${f.rating.max} (${f.rating.scale} scale), in: ${f.context}.`,
    criteria: f.evidence,
  };
}

/**
 * The describeEntry() line of an `employability-skill` entry.
 *
 * @example
 * ```ts
 * describeEmployabilitySkill(fields, { issuerName: 'Greene King' });
 * // "Teamwork: 4 out of 5 — skill rated by Greene King, May 2026"
 * ```
 */
export function describeEmployabilitySkill(f: EmployabilitySkillFields, ctx: DescribeContext): string {
  return `${SKILL_NAMES[f.skill]}: ${f.rating.value} out of ${f.rating.max} — skill rated by ${issuerOr(ctx)}, ${plainPartialDate(f.assessedOn)}`;
}

/**
 * The words of an `employability-skill` entry, as the kind's definition carries them.
 *
 * @example
 * ```ts
 * employabilitySkillWords.describe(fields, {});
 * ```
 */
export const employabilitySkillWords: KindWords<EmployabilitySkillFields> = {
  achievement: employabilitySkillAchievement,
  describe: describeEmployabilitySkill,
};
