// qualification: a regulated award (Functional Skills, ESOL, NVQ, GCSE, degree modules…).
// Default class N: it says nothing about where it was studied.
import * as z from 'zod';
import { Amount, defineKind, Framework, Level, Organisation, PartialDate, ShortText } from './common.js';

/**
 * Fields of a `qualification` entry: an awarded, regulated qualification.
 *
 * @example
 * ```ts
 * QualificationFieldsSchema.parse({
 *   title: 'Functional Skills Maths', level: 'L1', awardingBody: { name: 'City & Guilds' }, awardedOn: '2026-03',
 * });
 * ```
 */
export const QualificationFieldsSchema = z.strictObject({
  title: ShortText,
  /** Ofqual qualification number (QAN) or learning aim reference, e.g. 603/5062/X. */
  qualificationNumber: ShortText.optional(),
  awardingBody: Organisation,
  framework: Framework.optional(),
  level: Level,
  /** Subject or component, e.g. "Reading" for Functional Skills English. */
  subject: ShortText.optional(),
  sectorSubjectArea: ShortText.optional(),
  grade: ShortText.optional(),
  awardedOn: PartialDate,
  certificateNumber: ShortText.optional(),
  credits: Amount.optional(),
  /** Guided learning hours. */
  glh: Amount.optional(),
});

/**
 * The fields of a `qualification` entry.
 *
 * @example
 * ```ts
 * const fields: QualificationFields = QualificationFieldsSchema.parse(formData);
 * ```
 */
export type QualificationFields = z.infer<typeof QualificationFieldsSchema>;

/**
 * The `qualification` kind: Open Badges `Certificate`, class N.
 *
 * @example
 * ```ts
 * qualification.fields.safeParse(fields).success;
 * ```
 */
export const qualification = /* @__PURE__ */ defineKind({
  kind: 'qualification',
  shape: QualificationFieldsSchema.shape,
  achievementType: 'Certificate',
  sensitivity: 'N',
  lifecycle: false,
  label: 'qualification',
});
