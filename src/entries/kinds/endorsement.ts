// endorsement: a third party vouches for another entry ("certificate seen", "skills observed").
// The issuer of the endorsement is the endorser. Its sensitivity really follows the target
// entry; N is the default when the target is not at hand.
import * as z from 'zod';
import { Cid, defineKind, LongText } from './common.js';

/**
 * The kinds of claim an endorsement makes.
 *
 * @example
 * ```ts
 * ENDORSEMENT_CLAIMS.includes('certificate-sighted'); // true
 * ```
 */
export const ENDORSEMENT_CLAIMS = ['certificate-sighted', 'skills-observed', 'confirmed', 'other'] as const;

/**
 * Fields of an `endorsement` entry.
 *
 * @example
 * ```ts
 * EndorsementFieldsSchema.parse({ target: 'bagaaiera…', claimType: 'certificate-sighted', claim: 'Original certificate seen.' });
 * ```
 */
export const EndorsementFieldsSchema = z.strictObject({
  /** The entry vouched for (its CID). */
  target: Cid,
  claimType: z.enum(ENDORSEMENT_CLAIMS),
  claim: LongText,
});

/**
 * The fields of an `endorsement` entry.
 *
 * @example
 * ```ts
 * const fields: EndorsementFields = EndorsementFieldsSchema.parse(formData);
 * ```
 */
export type EndorsementFields = z.infer<typeof EndorsementFieldsSchema>;

/**
 * The `endorsement` kind: Open Badges `ext:Endorsement` (OB has no achievementType for it), class N.
 *
 * @example
 * ```ts
 * endorsement.fields.safeParse(fields).success;
 * ```
 */
export const endorsement = /* @__PURE__ */ defineKind({
  kind: 'endorsement',
  shape: EndorsementFieldsSchema.shape,
  achievementType: 'ext:Endorsement',
  sensitivity: 'N',
  lifecycle: false,
  label: 'endorsement',
});
