// work-experience: an in-prison job, a workshop, a placement, volunteering or a job after
// release. Class N by default: the employer-issued case is the one that matters for jobs; the
// presentation linter flags custody-revealing wording in prison-issued ones.
import * as z from 'zod';
import { defineKind, PartialDate, ShortText, TextList } from './common.js';

/**
 * Work sectors, aligned to the HMPPS work-interest list and the placement sectors.
 *
 * @example
 * ```ts
 * WORK_SECTORS.includes('hospitality-and-catering'); // true
 * ```
 */
export const WORK_SECTORS = [
  'agriculture-and-horticulture',
  'beauty',
  'cleaning-and-maintenance',
  'construction',
  'driving',
  'education-and-training',
  'hospitality-and-catering',
  'it-and-communication',
  'manufacturing',
  'office',
  'outdoor',
  'recycling-and-waste',
  'retail',
  'sports',
  'technical',
  'transport-and-storage',
  'warehousing',
  'other',
] as const;

/**
 * Fields of a `work-experience` entry.
 *
 * @example
 * ```ts
 * WorkExperienceFieldsSchema.parse({
 *   roleTitle: 'Kitchen team member', organisationDisplay: 'Greene King', sector: 'hospitality-and-catering', from: '2026-03', to: '2026-07',
 * });
 * ```
 */
export const WorkExperienceFieldsSchema = z.strictObject({
  /** A neutral job title. */
  roleTitle: ShortText,
  /** The organisation as shown to employers (a neutral name is fine). */
  organisationDisplay: ShortText,
  sector: z.enum(WORK_SECTORS),
  /** Start, month precision by default. */
  from: PartialDate,
  to: PartialDate.optional(),
  hoursPerWeek: z.number().min(0).max(100).optional(),
  duties: TextList.optional(),
  skills: TextList.optional(),
  supervisorReferenceAvailable: z.boolean().optional(),
});

/**
 * The fields of a `work-experience` entry.
 *
 * @example
 * ```ts
 * const fields: WorkExperienceFields = WorkExperienceFieldsSchema.parse(formData);
 * ```
 */
export type WorkExperienceFields = z.infer<typeof WorkExperienceFieldsSchema>;

/**
 * The `work-experience` kind: Open Badges `Fieldwork`, class N.
 *
 * @example
 * ```ts
 * workExperience.fields.safeParse(fields).success;
 * ```
 */
export const workExperience = /* @__PURE__ */ defineKind({
  kind: 'work-experience',
  shape: WorkExperienceFieldsSchema.shape,
  achievementType: 'Fieldwork',
  sensitivity: 'N',
  lifecycle: false,
  label: 'work experience',
});
