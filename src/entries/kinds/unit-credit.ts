// unit-credit: one unit or component achieved toward a qualification. It matters most when a
// transfer interrupts a course: the next provider can count what was already done. Class E.
import * as z from 'zod';
import { Amount, defineKind, Level, LongText, Organisation, PartialDate, ShortText } from './common.js';

/**
 * Fields of a `unit-credit` entry.
 *
 * @example
 * ```ts
 * UnitCreditFieldsSchema.parse({ unitTitle: 'Food safety in catering', level: 'L2', achievedOn: '2026-02-14' });
 * ```
 */
export const UnitCreditFieldsSchema = z.strictObject({
  unitTitle: ShortText,
  /** The awarding body's unit reference, e.g. "H/615/1234". */
  unitRef: ShortText.optional(),
  parentQualificationNumber: ShortText.optional(),
  parentQualificationTitle: ShortText.optional(),
  awardingBody: Organisation.optional(),
  level: Level,
  achievedOn: PartialDate,
  credits: Amount.optional(),
  glh: Amount.optional(),
  /** What the assessor confirms, in plain words. */
  assessorAttestation: LongText.optional(),
});

/**
 * The fields of a `unit-credit` entry.
 *
 * @example
 * ```ts
 * const fields: UnitCreditFields = UnitCreditFieldsSchema.parse(formData);
 * ```
 */
export type UnitCreditFields = z.infer<typeof UnitCreditFieldsSchema>;

/**
 * The `unit-credit` kind: Open Badges `Competency`, class E.
 *
 * @example
 * ```ts
 * unitCredit.fields.safeParse(fields).success;
 * ```
 */
export const unitCredit = /* @__PURE__ */ defineKind({
  kind: 'unit-credit',
  shape: UnitCreditFieldsSchema.shape,
  achievementType: 'Competency',
  sensitivity: 'E',
  lifecycle: false,
  label: 'unit credit',
});
