// The custody-inference rules of the disclosure linter (privacy feature P3). Each rule finds
// text that would let a reader work out that the holder was in custody. The rules cover what
// prison and probation systems stamp on records (establishment names, prison numbers, wing and
// cell words) and what is known to leak in practice (release dates, gaps, custody-only courses).

/** What a finding is about. Codes are stable: callers and tests match on them. */
export type DisclosureCode =
  | 'custody-issuer'
  | 'custody-organisation'
  | 'prison-name'
  | 'prison-code'
  | 'prison-number'
  | 'custody-role'
  | 'custody-words'
  | 'funding'
  | 'temporary-release'
  | 'custody-kind'
  | 'postal-address'
  | 'sensitive-period';

/** How serious a finding is: `high` reveals custody; `medium` may; `low` is worth a look. */
export type DisclosureSeverity = 'high' | 'medium' | 'low';

interface TextRule {
  code: DisclosureCode;
  severity: DisclosureSeverity;
  pattern: RegExp;
  /** Plain English, with {m} replaced by the text found. */
  message: string;
}

// Word boundaries: names appear in any case in free text, so most rules are case-insensitive;
// codes and numbers are matched case-sensitively to avoid ordinary words.
export const TEXT_RULES: readonly TextRule[] = [
  {
    code: 'prison-name',
    severity: 'high',
    pattern: /\b(?:HMP\s*&\s*YOI|HMYOI|HMP|YOI|HM\s+Prison(?:\s+Service)?|Young\s+Offenders?(?:'|’)?\s+Institution|Secure\s+Training\s+Centre|Immigration\s+Removal\s+Centre)\b(?:\s+[A-Z][a-z]+)?/g,
    message: 'This names a prison (“{m}”). A reader would learn you were in custody.',
  },
  {
    code: 'prison-number',
    severity: 'high',
    pattern: /\b[A-Z]\d{4}[A-Z]{2}\b/g,
    message: 'This looks like a prison number (“{m}”). Prison numbers must never be shared.',
  },
  {
    code: 'custody-role',
    severity: 'high',
    pattern:
      /\b(?:(?:Samaritans\s+)?Listeners?|(?:wing|kitchen|education|library|gym|servery|laundry|garden(?:s)?|chapel|reception|healthcare|stores)\s+(?:orderl(?:y|ies)|cleaners?|workers?|painters?|reps?|representatives?)|orderl(?:y|ies)|red\s+band|wing\s+reps?|Insiders?\s+(?:scheme|mentor)|Reading\s+Plan\s+(?:mentor|coach)|Shannon\s+Trust\s+(?:mentor|coach)|Turning\s+Pages\s+(?:mentor|coach)|violence\s+reduction\s+(?:rep|representative)s?|peer\s+(?:advisor|adviser)s?\s+(?:on|for)\s+(?:the\s+)?wing)\b/gi,
    message: 'This role (“{m}”) only exists in prison. Think about neutral wording, such as “volunteer mentor” or “cleaner”.',
  },
  {
    code: 'custody-organisation',
    severity: 'high',
    pattern: /\b(?:The\s+Clink|Clink\s+(?:Kitchens?|Restaurants?|Gardens?)|Shannon\s+Trust|Code\s?4000|Prisoners(?:'|’)?\s+Education\s+Trust|Novus(?:\s+Cambria)?|Timpson\s+(?:Training\s+)?Academy|Virtual\s+Campus|HMPPS|NOMS|New\s+Futures\s+Network)\b/g,
    message: 'This shows an organisation that works in prisons (“{m}”).',
  },
  {
    code: 'funding',
    severity: 'high',
    pattern: /\b(?:PEF|PES|[Pp]rison(?:er)?\s+[Ee]ducation(?:\s+(?:[Ff]ramework|[Ss]ervice))?|Dynamic\s+Purchasing\s+System)\b/g,
    message: 'This mentions prison education funding (“{m}”). It shows where you studied.',
  },
  {
    code: 'temporary-release',
    severity: 'high',
    pattern: /\b(?:ROTL|RDR|[Rr]elease\s+on\s+[Tt]emporary\s+[Ll]icen[cs]e|[Tt]emporary\s+[Rr]elease|[Rr]esettlement\s+[Dd]ay\s+[Rr]elease|[Dd]ay\s+[Rr]elease)\b/g,
    message: 'This mentions temporary release from prison (“{m}”).',
  },
  {
    code: 'custody-words',
    severity: 'high',
    pattern:
      /\b(?:prisons?|prisoners?|custody|custodial|inmates?|incarcerat\w*|jails?|gaols?|offenders?|probation|on\s+licen[cs]e|licen[cs]e\s+conditions?|release\s+date|sentence\s+(?:plan|length|end)|secure\s+estate|cell\s+block|in\s+cell|penal|borstal|remand)\b/gi,
    message: 'This mentions custody (“{m}”).',
  },
  {
    code: 'postal-address',
    severity: 'medium',
    pattern: /\b(?:GIR\s?0AA|[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2})\b/g,
    message: 'This looks like a postcode (“{m}”). An address can show where you were.',
  },
];

// A three-letter establishment code (MDI, LEI, …) is only a finding where the context says it is
// one; on its own "ICT" or "NVQ" is an ordinary abbreviation.
export const PRISON_CODE_IN_TEXT =
  /\b(?:[Pp]rison|[Ee]stablishment|[Aa]gency|[Ll]ocation)\s*(?:(?:[Cc]ode|[Ii][Dd])\s*)?(?:[:=(]\s*)?([A-Z]{3})\b|\(([A-Z]{3})\)/g;
/** Field names whose values are establishment codes or names. */
export const PRISON_FIELD = /prison|establishment|agency|createdAt(?:Prison)?|fromOrg|toOrg|location/i;
/** Words that make a bracketed code such as "(MDI)" an establishment code. */
export const PRISON_CONTEXT = /\b(?:HMP|YOI|prison|establishment|moorland|transfer(?:red)?)\b/i;

/** Kinds that exist only because of custody. */
export const CUSTODY_KINDS: ReadonlySet<string> = new Set(['custody-transfer', 'checkpoint']);

/**
 * The first high-severity custody finding in a piece of free text, as a plain-English message,
 * or undefined when the text reveals nothing. Lives here, below keys/, so an issuer's neutral
 * name can be checked where the profile is built without reaching up into the sharing area.
 *
 * @example
 * ```ts
 * findCustodyText('HMP Northfield'); // 'This names a prison (“HMP Northfield”). …'
 * findCustodyText('Northfield Learning Centre'); // undefined
 * ```
 */
export function findCustodyText(text: string): string | undefined {
  for (const rule of TEXT_RULES) {
    if (rule.severity !== 'high') continue;
    for (const m of text.matchAll(rule.pattern)) return rule.message.replace('{m}', m[0].trim());
  }
  return undefined;
}
