// Prohibited-data firewall (sensitivity class X: data no entry may hold). Entries must never carry criminal-record
// data: offences, convictions, sentences, licence conditions, parole, MAPPA, adjudications,
// incentive levels, prison / PNC / CRO numbers. The schemas have no fields for any of it; this
// scan catches it in free text, at issue time (issueEntry) and when checking (checkEntrySchema).
//
// The patterns are phrases, not single words, where a single word is ordinary English: a
// "sentence" is a grammar word in an English course, "conviction" can be "spoke with
// conviction". Custody context that is not X (prison names, "HMP", "YOI") is class C, which the
// presentation linter handles; establishment names are allowed in custody-transfer entries.

/**
 * One kind of prohibited data the firewall looks for.
 *
 * @example
 * ```ts
 * const p: ProhibitedPattern | undefined = findProhibited('Prison number A1234BC');
 * p?.id; // 'prison-number'
 * ```
 */

export interface ProhibitedPattern {
  /** A stable id, e.g. `prison-number`. */
  id: string;
  /** What it is, in plain words (never the matched text: that would leak it into logs). */
  label: string;
  pattern: RegExp;
}

// Letter boundaries rather than \b, so LIMITED_BY_OFFENCE and offence_type are caught too.
const L = '(?<![A-Za-z])';
const R = '(?![A-Za-z])';

// Words that describe *how* someone speaks: "spoke with real conviction" is not a record.
const MANNER = '(?:great|real|quiet|deep|strong|genuine|calm|such|total|absolute|obvious|clear)';

/**
 * The patterns, in the order they are tried. Case-insensitive unless the pattern needs case.
 *
 * @example
 * ```ts
 * PROHIBITED_PATTERNS.map((p) => p.id); // ['prison-number', …, 'incentive-level']
 * ```
 */
export const PROHIBITED_PATTERNS: readonly ProhibitedPattern[] = [
  // NOMIS prison number: one letter, four digits, two letters (A1234BC). Upper case only.
  { id: 'prison-number', label: 'a prison number', pattern: /(?<![A-Za-z0-9])[A-Z]\d{4}[A-Z]{2}(?![A-Za-z0-9])/ },
  { id: 'prison-number', label: 'a prison number', pattern: new RegExp(`${L}(prison(er)?|noms|nomis)[ _-]*(number|no\\.?|id)${R}`, 'i') },
  // PNC id: 2- or 4-digit year / serial / check letter (2004/0012345A, 04/123456A).
  { id: 'pnc-number', label: 'a Police National Computer number', pattern: /(?<![\d/])(\d{2}|\d{4})\/\d{1,7}[A-Z](?![A-Za-z0-9/])/ },
  { id: 'pnc-number', label: 'a Police National Computer number', pattern: /(?<![A-Za-z])PNC(?![A-Za-z])/ },
  // CRO number: serial / 2-digit year + check letter (123456/08X), or SF-prefixed.
  { id: 'cro-number', label: 'a CRO number', pattern: /(?<![\d/])(SF)?\d{1,6}\/\d{2}[A-Z](?![A-Za-z0-9/])/ },
  { id: 'cro-number', label: 'a CRO number', pattern: new RegExp(`${L}CRO[ _-]*(number|no\\.?|id)${R}`, 'i') },
  { id: 'offence', label: 'offence information', pattern: new RegExp(`${L}offen[cs]es?${R}`, 'i') },
  {
    id: 'conviction',
    label: 'conviction information',
    pattern: new RegExp(
      `${L}(convictions|convicted|convicts?|conviction(?=\\s+(for|of|in|record|history|date))|(?<!with\\s(${MANNER}\\s)?)conviction)${R}`,
      'i',
    ),
  },
  {
    // Not "sentence" alone, "sentence types" or "vary sentence length" (English courses): only
    // the criminal-justice phrases.
    id: 'sentence',
    label: 'sentence information',
    pattern: new RegExp(
      `${L}(sentenced|(custodial|suspended|life|prison|jail|indeterminate|determinate|community|ipp)[ -]sentences?|sentence[ _-]*(plan|planning|expiry|end[ _-]*date|served|calculation)|sentence[ _-]*length\\s*((:|=|of|was|is)\\s*)?\\d|length\\s+of\\s+(his|her|their|my|your|the)\\s+sentence|(his|her|their|my|your)\\s+sentence\\s+(length|ends?|expires?|expiry)|serv(e|es|ed|ing)\\s+(a|an|his|her|their|my|your|the|this)\\s+(\\w+\\s+)?sentence)${R}`,
      'i',
    ),
  },
  {
    id: 'licence-conditions',
    label: 'licence conditions or release dates',
    pattern: new RegExp(
      `${L}(licen[cs]e[ _-]*(conditions?|expiry|end[ _-]*date)|(released?|recalled?)\\s+on\\s+licen[cs]e|on\\s+licen[cs]e\\s+(until|till|to)|(conditional|earliest|automatic|parole[ _-]*eligibility)[ _-]*release[ _-]*date|(his|her|their|my|your)\\s+release\\s+date|date\\s+of\\s+release|home\\s+detention\\s+curfew)${R}`,
      'i',
    ),
  },
  { id: 'parole', label: 'parole information', pattern: new RegExp(`${L}paroled?${R}`, 'i') },
  { id: 'mappa', label: 'MAPPA or risk information', pattern: /(?<![A-Za-z])(MAPPA|OASys|OASYS|RoSH|ROSH)(?![A-Za-z])/ },
  {
    id: 'mappa',
    label: 'MAPPA or risk information',
    pattern: new RegExp(
      `${L}(multi[ -]agency\\s+public\\s+protection|risk\\s+of\\s+serious\\s+harm|changes?\\s+in\\s+(his|her|their|my|your)\\s+risk)${R}`,
      'i',
    ),
  },
  { id: 'adjudication', label: 'adjudication (prison discipline) information', pattern: new RegExp(`${L}adjudications?${R}`, 'i') },
  {
    id: 'incentive-level',
    label: 'an incentive level',
    pattern: new RegExp(`${L}(incentives?[ _-]*levels?|incentives\\s+and\\s+earned\\s+privileges|earned\\s+privileges)${R}`, 'i'),
  },
  { id: 'incentive-level', label: 'an incentive level', pattern: /(?<![A-Za-z])IEP(?![A-Za-z])/ },
];

/**
 * Where prohibited data was found.
 *
 * @example
 * ```ts
 * const [finding]: ProhibitedFinding[] = scanProhibited({ note: 'MAPPA level 2' });
 * finding.path; // ['note']
 * ```
 */
export interface ProhibitedFinding {
  /** Path of the string inside the scanned value. */
  path: (string | number)[];
  /** The pattern id (`prison-number`, `offence`, …). */
  id: string;
  /** Plain words: "contains a prison number". */
  message: string;
}

/**
 * Which pattern, if any, a string matches.
 *
 * @example
 * ```ts
 * findProhibited('Vary sentence length for effect'); // undefined
 * findProhibited('Serving a custodial sentence')?.id; // 'sentence'
 * ```
 */
export function findProhibited(text: string): ProhibitedPattern | undefined {
  // Nearly every string matches nothing: one pass over it with each union says so, instead of
  // one pass per pattern; only a string that matches is tried pattern by pattern.
  if (!ANY_IGNORING_CASE.test(text) && !ANY_WITH_CASE.test(text)) return undefined;
  for (const p of PROHIBITED_PATTERNS) if (p.pattern.test(text)) return p;
  return undefined;
}

/** The patterns as two alternations (with and without the i flag): a match of either is a match of one of them. */
function union(ignoreCase: boolean): RegExp {
  const sources = PROHIBITED_PATTERNS.filter((p) => p.pattern.ignoreCase === ignoreCase).map((p) => `(?:${p.pattern.source})`);
  return new RegExp(sources.join('|'), ignoreCase ? 'i' : '');
}
const ANY_IGNORING_CASE = /* @__PURE__ */ union(true);
const ANY_WITH_CASE = /* @__PURE__ */ union(false);

/**
 * Options of {@link scanProhibited}.
 *
 * @example
 * ```ts
 * scanProhibited(fields, { skipKeys: ['fromEstablishment', 'toEstablishment'] });
 * ```
 */
export interface ScanOptions {
  /** Path prefix of the scanned value (for messages). */
  path?: (string | number)[];
  /** Keys (at the top level of the value) that are not scanned: custody-transfer's establishment names. */
  skipKeys?: readonly string[];
  /** Substrings removed before scanning (the allowed establishment names, inside derived text). */
  allowTexts?: readonly string[];
  /** Stop after this many findings (default 20). */
  limit?: number;
}

/**
 * Scans every string inside a JSON value for prohibited data (class X) and returns where it
 * was found. Never throws on JSON input; the matched text is never included in the result.
 *
 * @example
 * ```ts
 * scanProhibited({ statement: 'Worked well despite his conviction' });
 * // [{ path: ['statement'], id: 'conviction', message: 'contains conviction information' }]
 * ```
 */
export function scanProhibited(value: unknown, options: ScanOptions = {}): ProhibitedFinding[] {
  const findings: ProhibitedFinding[] = [];
  const limit = options.limit ?? 20;
  const allow = (options.allowTexts ?? []).filter((t) => t.length > 0);
  const visit = (v: unknown, path: (string | number)[], depth: number): void => {
    if (findings.length >= limit || depth > 64) return;
    if (typeof v === 'string') {
      let text = v;
      for (const a of allow) text = text.split(a).join(' ');
      const hit = findProhibited(text);
      if (hit) findings.push({ path, id: hit.id, message: `contains ${hit.label}` });
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) visit(v[i], [...path, i], depth + 1);
    } else if (typeof v === 'object' && v !== null) {
      for (const key of Object.keys(v)) {
        if (depth === 0 && options.skipKeys?.includes(key)) continue;
        visit((v as Record<string, unknown>)[key], [...path, key], depth + 1);
      }
    }
  };
  // Getters and proxy traps that throw are a caller mistake, reported as one (not their raw error).
  try {
    visit(value, options.path ?? [], 0);
  } catch {
    throw new TypeError('"value" must be plain JSON data (a getter or proxy failed while it was read)');
  }
  return findings;
}

/**
 * Prohibited data (class X: prison numbers, offences, convictions, sentences…) anywhere in a
 * carried credential, in its values or its property names, apart from its proof. Run on content
 * whose signature already verified (so the verdict is about what the signer said), linear in the
 * item, and never reports the text it found. (The passport area runs it on what a passport
 * carries besides entries: accreditations and status lists.)
 *
 * @example
 * ```ts
 * prohibitedIn({ credentialSubject: { prisonNumber: '…' } }); // 'a property name contains a prison number'
 * ```
 */
export function prohibitedIn(document: Record<string, unknown>): string | undefined {
  const { proof: _proof, ...content } = document;
  const finding = scanProhibited(content, { limit: 1 })[0];
  if (finding) return `${finding.path.join('.') || '(root)'} ${finding.message}`;
  const names: string[] = [];
  const collect = (v: unknown, depth: number): void => {
    if (depth > 64 || names.length > 10_000) return;
    if (Array.isArray(v)) for (const x of v) collect(x, depth + 1);
    else if (typeof v === 'object' && v !== null) {
      for (const [k, x] of Object.entries(v)) {
        names.push(k);
        collect(x, depth + 1);
      }
    }
  };
  collect(content, 0);
  for (const name of names) {
    // camelCase and snake_case names are read as words: "prisonNumber" is "prison Number".
    const hit = findProhibited(name.replace(/([a-z])([A-Z])/g, '$1 $2'));
    if (hit) return `a property name contains ${hit.label}`;
  }
  return undefined;
}
