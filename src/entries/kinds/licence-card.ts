// licence-card: a third-party scheme card or ticket (CSCS, CPCS/NPORS, food hygiene, first aid,
// SIA). Either the scheme signs it, or an issuer records that it has seen the card. Class N.
import * as z from 'zod';
import { defineKind, PartialDate, ShortText } from './common.js';

/**
 * Fields of a `licence-card` entry.
 *
 * @example
 * ```ts
 * LicenceCardFieldsSchema.parse({ scheme: 'CSCS', cardType: 'Green Labourer', issuedOn: '2026-03-03', attestationMode: 'scheme-signed' });
 * ```
 */
export const LicenceCardFieldsSchema = z.strictObject({
  /** The card scheme, e.g. "CSCS". */
  scheme: ShortText,
  /** e.g. "Green Labourer". */
  cardType: ShortText,
  category: ShortText.optional(),
  cardNumber: ShortText.optional(),
  issuedOn: PartialDate,
  expiresOn: PartialDate.optional(),
  /** Where an employer can check the card with the scheme. */
  schemeCheckUrl: z
    .url({ protocol: /^https$/ })
    .max(500)
    .optional(),
  /** `scheme-signed`: the scheme itself issued this entry; `sighted`: the issuer saw the card. */
  attestationMode: z.enum(['scheme-signed', 'sighted']),
});

/**
 * The fields of a `licence-card` entry.
 *
 * @example
 * ```ts
 * const fields: LicenceCardFields = LicenceCardFieldsSchema.parse(formData);
 * ```
 */
export type LicenceCardFields = z.infer<typeof LicenceCardFieldsSchema>;

/**
 * The `licence-card` kind: Open Badges `License`, class N.
 *
 * @example
 * ```ts
 * licenceCard.fields.safeParse(fields).success;
 * ```
 */
export const licenceCard = /* @__PURE__ */ defineKind({
  kind: 'licence-card',
  shape: LicenceCardFieldsSchema.shape,
  achievementType: 'License',
  sensitivity: 'N',
  lifecycle: false,
  label: 'card',
});
