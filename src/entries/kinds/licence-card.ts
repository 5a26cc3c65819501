// licence-card: a third-party scheme card or ticket (CSCS, CPCS/NPORS, food hygiene, first aid,
// SIA). Either the scheme signs it, or an issuer records that it has seen the card. Class N.
import * as z from 'zod';
import { defineKind, issuerOr, PartialDate, plainPartialDate, sentences, ShortText } from './common.js';

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

function cardName(f: LicenceCardFields): string {
  const name = f.cardType.toLowerCase().startsWith(f.scheme.toLowerCase()) ? f.cardType : `${f.scheme} ${f.cardType}`;
  return /\b(card|ticket|licen[cs]e|certificate)\b/i.test(name) ? name : `${name} card`;
}

/**
 * The `licence-card` kind: Open Badges `License`, class N.
 *
 * @example
 * ```ts
 * licenceCard.describe(fields, {}); // "CSCS Green Labourer card — card from CSCS, issued March 2026, expires March 2031"
 * ```
 */
export const licenceCard = /* @__PURE__ */ defineKind({
  kind: 'licence-card',
  shape: LicenceCardFieldsSchema.shape,
  achievementType: 'License',
  sensitivity: 'N',
  lifecycle: false,
  label: 'card',
  achievement: (f) => ({
    name: cardName(f),
    description: sentences(
      `A ${f.scheme} card${f.category ? ` (${f.category})` : ''}.`,
      f.expiresOn && `Valid until ${plainPartialDate(f.expiresOn)}.`,
      f.schemeCheckUrl && `Check it with the scheme at ${f.schemeCheckUrl}.`,
    ),
    criteria:
      f.attestationMode === 'scheme-signed'
        ? `Issued by the ${f.scheme} scheme.`
        : `The issuer of this record saw the ${f.scheme} card; the scheme itself did not sign this record.`,
  }),
  describe: (f, ctx) =>
    `${cardName(f)} — card from ${f.attestationMode === 'sighted' ? `${f.scheme} (seen by ${issuerOr(ctx)})` : f.scheme}, issued ${plainPartialDate(f.issuedOn)}${
      f.expiresOn ? `, expires ${plainPartialDate(f.expiresOn)}` : ''
    }`,
});
