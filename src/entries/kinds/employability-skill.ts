// employability-skill: a rated transferable skill (teamwork, timekeeping…). Class N.
import * as z from 'zod';
import { defineKind, LongText, PartialDate, ShortText } from './common.js';
import { ratingRule } from './rules.js';

/**
 * The transferable skills that can be rated.
 *
 * @example
 * ```ts
 * EMPLOYABILITY_SKILLS.includes('timekeeping'); // true
 * ```
 */
export const EMPLOYABILITY_SKILLS = [
  'teamwork',
  'timekeeping',
  'communication',
  'planning',
  'organisation',
  'problem-solving',
  'initiative',
  'adaptability',
  'reliability',
  'creativity',
] as const;

const EmployabilitySkillBase = z.strictObject({
  skill: z.enum(EMPLOYABILITY_SKILLS),
  rating: z.strictObject({
    /** The name of the rating scale, e.g. "demonstration-1-5". */
    scale: ShortText,
    value: z.number().int().min(0).max(100),
    max: z.number().int().min(1).max(100),
  }),
  /** What was seen, in work terms. */
  evidence: LongText,
  assessedOn: PartialDate,
  /** Where, in neutral words, e.g. "Commercial kitchen". */
  context: ShortText,
});

/**
 * The fields of an `employability-skill` entry.
 *
 * @example
 * ```ts
 * const fields: EmployabilitySkillFields = EmployabilitySkillFieldsSchema.parse(formData);
 * ```
 */
export type EmployabilitySkillFields = z.infer<typeof EmployabilitySkillBase>;

/**
 * The `employability-skill` kind: Open Badges `Competency`, class N.
 *
 * @example
 * ```ts
 * employabilitySkill.fields.safeParse(fields).success;
 * ```
 */
export const employabilitySkill = /* @__PURE__ */ defineKind({
  kind: 'employability-skill',
  shape: EmployabilitySkillBase.shape,
  rule: ratingRule,
  achievementType: 'Competency',
  sensitivity: 'N',
  lifecycle: false,
  label: 'skill',
});

/**
 * Fields of an `employability-skill` entry. `rating.value` is on a scale from 1 (or 0) to
 * `rating.max`; `rating.scale` names the scale so different scales are never compared.
 *
 * @example
 * ```ts
 * EmployabilitySkillFieldsSchema.parse({
 *   skill: 'teamwork', rating: { scale: 'demonstration-1-5', value: 4, max: 5 },
 *   evidence: 'Led the morning prep team', assessedOn: '2026-05', context: 'Commercial kitchen',
 * });
 * ```
 */
export const EmployabilitySkillFieldsSchema = employabilitySkill.fields;
