// The words of a `licence-card` entry: its achievement text (issueEntry) and its describeEntry() line.
// No zod here: describeEntry runs on the verify path; the types come from the schema.
import type { AchievementText, KindWords, DescribeContext } from '../common.js';
import type { LicenceCardFields } from '../licence-card.js';
import { issuerOr, plainPartialDate, sentences } from '../plain-words.js';

function cardName(f: LicenceCardFields): string {
  const name = f.cardType.toLowerCase().startsWith(f.scheme.toLowerCase()) ? f.cardType : `${f.scheme} ${f.cardType}`;
  return /\b(card|ticket|licen[cs]e|certificate)\b/i.test(name) ? name : `${name} card`;
}

/**
 * The Open Badges achievement name, description and criteria of a `licence-card` entry.
 *
 * @example
 * ```ts
 * const { name, description, criteria } = licenceCardAchievement(fields);
 * ```
 */
export function licenceCardAchievement(f: LicenceCardFields): AchievementText {
  return {
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
  };
}

/**
 * The describeEntry() line of a `licence-card` entry.
 *
 * @example
 * ```ts
 * describeLicenceCard(fields, {}); // "CSCS Green Labourer card — card from CSCS, issued March 2026, expires March 2031"
 * ```
 */
export function describeLicenceCard(f: LicenceCardFields, ctx: DescribeContext): string {
  return `${cardName(f)} — card from ${f.attestationMode === 'sighted' ? `${f.scheme} (seen by ${issuerOr(ctx)})` : f.scheme}, issued ${plainPartialDate(f.issuedOn)}${
    f.expiresOn ? `, expires ${plainPartialDate(f.expiresOn)}` : ''
  }`;
}

/**
 * The words of a `licence-card` entry, as the kind's definition carries them.
 *
 * @example
 * ```ts
 * licenceCardWords.describe(fields, {});
 * ```
 */
export const licenceCardWords: KindWords<LicenceCardFields> = { achievement: licenceCardAchievement, describe: describeLicenceCard };
