// mentoring: a mentee's engagement with a mentor or charity. Goals only, never session notes.
// Class N.
import * as z from 'zod';
import { defineKind, PartialDate, plainList, plainPeriod, sentences, ShortText, TextList } from './common.js';

/**
 * Fields of a `mentoring` entry.
 *
 * @example
 * ```ts
 * MentoringFieldsSchema.parse({ programme: 'Employment mentoring', organisation: 'St Giles', from: '2026-03', sessions: 10 });
 * ```
 */
export const MentoringFieldsSchema = z.strictObject({
  programme: ShortText,
  organisation: ShortText,
  from: PartialDate,
  to: PartialDate.optional(),
  sessions: z.number().int().min(0).max(10_000).optional(),
  goalsAchieved: TextList.optional(),
});

/**
 * The fields of a `mentoring` entry.
 *
 * @example
 * ```ts
 * const fields: MentoringFields = MentoringFieldsSchema.parse(formData);
 * ```
 */
export type MentoringFields = z.infer<typeof MentoringFieldsSchema>;

/**
 * The `mentoring` kind: Open Badges `CoCurricular`, class N.
 *
 * @example
 * ```ts
 * mentoring.describe(fields, {}); // "Employment mentoring with St Giles — mentoring, since March 2026, 10 sessions"
 * ```
 */
export const mentoring = /* @__PURE__ */ defineKind({
  kind: 'mentoring',
  shape: MentoringFieldsSchema.shape,
  achievementType: 'CoCurricular',
  sensitivity: 'N',
  lifecycle: false,
  label: 'mentoring',
  achievement: (f) => ({
    name: `${f.programme} with ${f.organisation}`,
    description: sentences(
      `Took part in mentoring, ${plainPeriod(f.from, f.to)}${f.sessions !== undefined ? `, ${f.sessions} sessions` : ''}.`,
      f.goalsAchieved?.length ? `Goals achieved: ${plainList(f.goalsAchieved)}.` : undefined,
    ),
    criteria: `Took part in the ${f.programme} programme.`,
  }),
  describe: (f) =>
    `${f.programme} with ${f.organisation} — mentoring, ${plainPeriod(f.from, f.to)}${
      f.sessions !== undefined ? `, ${f.sessions} ${f.sessions === 1 ? 'session' : 'sessions'}` : ''
    }`,
});
