// self-asserted: prior learning or work the holder records themselves (school GCSEs, earlier
// jobs). Signed by the holder's own key; a third party can back it with an `endorsement`.
// Class N.
import * as z from 'zod';
import { defineKind, Level, LongText, PartialDate, plainLevel, plainPartialDate, sentences, ShortText } from './common.js';

/**
 * The kinds a holder can record about themselves.
 *
 * @example
 * ```ts
 * SELF_ASSERTABLE_KINDS.includes('qualification'); // true
 * ```
 */
export const SELF_ASSERTABLE_KINDS = [
  'qualification',
  'unit-credit',
  'course-completion',
  'licence-card',
  'work-experience',
  'award',
  'mentoring',
  'peer-role',
] as const;

const KIND_WORDS: Record<(typeof SELF_ASSERTABLE_KINDS)[number], string> = {
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
 * Fields of a `self-asserted` entry.
 *
 * @example
 * ```ts
 * SelfAssertedFieldsSchema.parse({ claimedKind: 'qualification', title: 'GCSE English Language', level: 'L2', date: '2015' });
 * ```
 */
export const SelfAssertedFieldsSchema = z.strictObject({
  /** What sort of achievement the holder is recording. */
  claimedKind: z.enum(SELF_ASSERTABLE_KINDS),
  title: ShortText,
  organisation: ShortText.optional(),
  level: Level.optional(),
  /** When it was achieved, or when it started. */
  date: PartialDate.optional(),
  endDate: PartialDate.optional(),
  details: LongText.optional(),
});

/**
 * The fields of a `self-asserted` entry.
 *
 * @example
 * ```ts
 * const fields: SelfAssertedFields = SelfAssertedFieldsSchema.parse(formData);
 * ```
 */
export type SelfAssertedFields = z.infer<typeof SelfAssertedFieldsSchema>;

/**
 * The `self-asserted` kind: Open Badges `Achievement`, class N.
 *
 * @example
 * ```ts
 * selfAsserted.describe(fields, {}); // "GCSE English Language, Level 2 — qualification (self-reported), 2015"
 * ```
 */
export const selfAsserted = /* @__PURE__ */ defineKind({
  kind: 'self-asserted',
  shape: SelfAssertedFieldsSchema.shape,
  achievementType: 'Achievement',
  sensitivity: 'N',
  lifecycle: false,
  label: 'self-reported record',
  achievement: (f) => ({
    name: f.level ? `${f.title}, ${plainLevel(f.level)}` : f.title,
    description: sentences(`Recorded by the holder: ${KIND_WORDS[f.claimedKind]}${f.organisation ? ` with ${f.organisation}` : ''}.`, f.details),
    criteria: 'Self-reported by the holder; not checked by an issuer.',
  }),
  describe: (f) =>
    [
      `${f.level ? `${f.title}, ${plainLevel(f.level)}` : f.title} — ${KIND_WORDS[f.claimedKind]} (self-reported)`,
      f.organisation && `with ${f.organisation}`,
      f.date && (f.endDate ? `${plainPartialDate(f.date)} to ${plainPartialDate(f.endDate)}` : plainPartialDate(f.date)),
    ]
      .filter(Boolean)
      .join(', '),
});
