// award: recognition such as learner of the year, an arts award or a progress award. Class N.
import * as z from 'zod';
import { defineKind, LongText, PartialDate, ShortText } from './common.js';

/**
 * Fields of an `award` entry.
 *
 * @example
 * ```ts
 * AwardFieldsSchema.parse({ name: 'Highly Commended, Poetry', awardingOrg: 'Koestler Arts', awardedOn: '2026-09' });
 * ```
 */
export const AwardFieldsSchema = z.strictObject({
  name: ShortText,
  awardingOrg: ShortText,
  awardedOn: PartialDate,
  description: LongText.optional(),
});

/**
 * The fields of an `award` entry.
 *
 * @example
 * ```ts
 * const fields: AwardFields = AwardFieldsSchema.parse(formData);
 * ```
 */
export type AwardFields = z.infer<typeof AwardFieldsSchema>;

/**
 * The `award` kind: Open Badges `Award`, class N.
 *
 * @example
 * ```ts
 * award.fields.safeParse(fields).success;
 * ```
 */
export const award = /* @__PURE__ */ defineKind({
  kind: 'award',
  shape: AwardFieldsSchema.shape,
  achievementType: 'Award',
  sensitivity: 'N',
  lifecycle: false,
  label: 'award',
});
