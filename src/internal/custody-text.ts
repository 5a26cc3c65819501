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
    pattern:
      /\b(?:HMP\s*&\s*YOI|HMYOI|HMP|YOI|HM\s+Prison(?:\s+Service)?|Young\s+Offenders?(?:'|’)?\s+Institution|Secure\s+Training\s+Centre|Immigration\s+Removal\s+Centre)\b(?:\s+[A-Z][a-z]+)?/g,
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
    pattern:
      /\b(?:The\s+Clink|Clink\s+(?:Kitchens?|Restaurants?|Gardens?)|Shannon\s+Trust|Code\s?4000|Prisoners(?:'|’)?\s+Education\s+Trust|Novus(?:\s+Cambria)?|Timpson\s+(?:Training\s+)?Academy|Virtual\s+Campus|HMPPS|NOMS|New\s+Futures\s+Network)\b/g,
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
    pattern:
      /\b(?:ROTL|RDR|[Rr]elease\s+on\s+[Tt]emporary\s+[Ll]icen[cs]e|[Tt]emporary\s+[Rr]elease|[Rr]esettlement\s+[Dd]ay\s+[Rr]elease|[Dd]ay\s+[Rr]elease)\b/g,
    message: 'This mentions temporary release from prison (“{m}”).',
  },
  {
    code: 'custody-words',
    severity: 'high',
    pattern:
      /\b(?:prisons?|prisoners?|custody|custodial|inmates?|incarcerat\w*|jails?|gaols?|offenders?|probation|on\s+licen[cs]e|licen[cs]e\s+conditions?|release\s+date|sentence\s+(?:plan|length|end)|secure\s+estate|cell\s+block|in\s+cell|penal|borstal|remand|penitentiar(?:y|ies)|correctional\s+(?:facility|facilities|institution|centre|center)|detention\s+(?:centre|center)|approved\s+premises|youth\s+offending\s+(?:team|service)|young\s+offenders?)\b/gi,
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

/** What no issuer name may say, whatever the issuer's declared role (custody roles: nothing high at all). */
export const SIGNED_NAME_CODES: ReadonlySet<string> = new Set(['prison-name', 'prison-number', 'custody-words']);

/** Kinds that exist only because of custody. */
export const CUSTODY_KINDS: ReadonlySet<string> = new Set(['custody-transfer', 'checkpoint']);

/** One rule's finding in a text: where, and the words found. */
export interface TextHit {
  code: DisclosureCode;
  severity: DisclosureSeverity;
  /** The rule's message with the words found filled in. */
  message: string;
  start: number;
  end: number;
}

/** Most findings one rule reports for one text: one is enough to keep an entry back. */
export const MAX_HITS_PER_RULE = 8;

// Letters from other scripts drawn like Latin ones (Unicode confusables, the Latin lookalikes
// among Greek and Cyrillic): "Prisοn" with a Greek omicron reads as "Prison" to an employer.
const LOOKALIKES: Readonly<Record<string, string>> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  һ: 'h',
  ӏ: 'l',
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  У: 'Y',
  Х: 'X',
  І: 'I',
  Ј: 'J',
  Ѕ: 'S',
  Ԛ: 'Q',
  Ԝ: 'W',
  Ӏ: 'I',
  α: 'a',
  ο: 'o',
  ρ: 'p',
  ν: 'v',
  ι: 'i',
  κ: 'k',
  υ: 'u',
  χ: 'x',
  ς: 's',
  ϲ: 'c',
  ϳ: 'j',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  Ϲ: 'C',
  ı: 'i',
  ȷ: 'j',
  ℓ: 'l',
};

function latinOf(text: string): string {
  let out = '';
  for (const ch of text) out += LOOKALIKES[ch] ?? ch;
  return out;
}

const isLetter = (c: string | undefined): boolean => c !== undefined && ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'));
const isWordChar = (c: string | undefined): boolean => c !== undefined && (isLetter(c) || (c >= '0' && c <= '9') || c === '_');

/**
 * The text as a reader sees it, for matching: compatibility forms folded (NFKD: full-width
 * "Ｈ Ｍ Ｐ" is "H M P", ligatures split), accents and other combining marks dropped, invisible
 * characters (zero-width, soft hyphen, bidi controls) removed, Greek and Cyrillic lookalikes read
 * as the Latin letters they resemble, and spelt-out initials joined ("H.M.P." and "H M P" read
 * "HMP"). One pass over the text after normalisation: linear in its length.
 *
 * @example
 * ```ts
 * foldForMatching('H.M.P. Northfield'); // 'HMP Northfield'
 * foldForMatching('Prisοn');            // 'Prison' (the ο was Greek)
 * ```
 */
export function foldForMatching(text: string): string {
  // \p{M}: combining marks; Cf: format characters (zero-width joiners, bidi controls, soft hyphen).
  // Lookalikes are read before and after normalising: some decompose into others (ϲ → ς).
  const plain = latinOf(
    latinOf(text)
      .normalize('NFKD')
      .replace(/[\p{M}\p{Cf}]/gu, ''),
  );
  const mapped = plain;
  // Join runs of single letters separated by dots and blanks: "H.M.P." → "HMP", "Y O I" → "YOI".
  let out = '';
  let i = 0;
  const n = mapped.length;
  while (i < n) {
    const c = mapped[i]!;
    if (isLetter(c) && !isWordChar(mapped[i - 1]) && !isWordChar(mapped[i + 1])) {
      let letters = c;
      let j = i + 1;
      let end = i + 1;
      for (;;) {
        let k = j;
        while (k < n && (mapped[k] === '.' || mapped[k] === ' ') && k - j < 3) k++;
        if (k === j || !isLetter(mapped[k]) || isWordChar(mapped[k + 1])) break;
        letters += mapped[k];
        j = k + 1;
        end = j;
      }
      if (letters.length >= 2) {
        out += letters;
        // A trailing dot belongs to the initials ("H.M.P. Northfield").
        i = mapped[end] === '.' ? end + 1 : end;
        continue;
      }
      out += c;
      i++;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

/**
 * Every custody finding of the text rules in `text` (already folded), at most
 * {@link MAX_HITS_PER_RULE} per rule; where rules overlap, the earlier rule keeps the words.
 * Linear in the text: each rule's matches do not overlap one another, and each is checked
 * against the words already taken through a mask of the text, one cell per character, so no
 * match is ever compared with the others. `stats.steps` counts that work (matches seen plus
 * mask cells read or written), for tests.
 *
 * @example
 * ```ts
 * custodyHits('Wing orderly at HMP Northfield').map((h) => h.code); // ['prison-name', 'custody-role']
 * ```
 */
export function custodyHits(text: string, options: { highOnly?: boolean; stats?: { steps: number } } = {}): TextHit[] {
  const hits: TextHit[] = [];
  const taken = new Uint8Array(text.length);
  const stats = options.stats;
  for (const rule of TEXT_RULES) {
    if (options.highOnly && rule.severity !== 'high') continue;
    let count = 0;
    for (const m of text.matchAll(rule.pattern)) {
      if (stats) stats.steps++;
      const start = m.index;
      const end = start + m[0].length;
      let free = true;
      for (let k = start; k < end && free; k++) free = taken[k] === 0;
      if (stats) stats.steps += end - start;
      if (!free) continue;
      taken.fill(1, start, end);
      if (stats) stats.steps += end - start;
      hits.push({ code: rule.code, severity: rule.severity, message: rule.message.replace('{m}', m[0].trim()), start, end });
      if (++count >= MAX_HITS_PER_RULE) break;
    }
  }
  return hits;
}

/**
 * The first high-severity custody finding in a piece of free text, as a plain-English message,
 * or undefined when the text reveals nothing (only findings of the given `codes`, when given).
 * The text is folded first ({@link foldForMatching}):
 * "H.M.P. Northfield", full-width letters and Greek or Cyrillic lookalikes are found too. Lives
 * here, below keys/, so an issuer's neutral name can be checked where the profile is built and
 * where an entry is signed, without reaching up into the sharing area.
 *
 * @example
 * ```ts
 * findCustodyText('HMP Northfield'); // 'This names a prison (“HMP Northfield”). …'
 * findCustodyText('H.M.P. Northfield'); // 'This names a prison (“HMP Northfield”). …'
 * findCustodyText('Northfield Learning Centre'); // undefined
 * ```
 */
export function findCustodyText(text: string, codes?: ReadonlySet<string>): string | undefined {
  const hits = custodyHits(foldForMatching(text), { highOnly: true });
  return (codes ? hits.find((h) => codes.has(h.code)) : hits[0])?.message;
}
