// The shape every verification returns, and the one place its verdict, headline and summary are
// written. Verification never throws on untrusted data: each check says pass, fail, unknown
// ("could not check") or skipped ("not asked for"), and unknown is never counted as pass.
//
// Three verdicts, one meaning everywhere (API, CLI, verifier page, print pack):
// - Not valid: something is wrong (tampered, revoked, suspended, superseded, expired, an issuer
//   not allowed to issue it);
// - Can't check: something is missing (trust material, a status list, a key that cannot be
//   resolved offline), or who issued it was not checked at all;
// - Valid: every check passed, the issuer included.
import { visibleText } from './internal/visible-text.js';
import type { PassportErrorCode } from './errors.js';

/** The checks a verification can run. */
export type CheckName =
  | 'shape'
  | 'context'
  | 'signature'
  | 'issuer-key'
  | 'schema'
  | 'validity-period'
  | 'issuer-trust'
  | 'status'
  | 'holder-binding'
  | 'challenge'
  | 'domain'
  | 'lifecycle';

/**
 * The outcome of one check. `skipped` means the verifier did not ask for it (no trust policy:
 * who issued it was not checked); it does not make `verified` false, but the verdict is then
 * "can't check".
 */
export interface Check {
  check: CheckName;
  status: 'pass' | 'fail' | 'unknown' | 'skipped';
  /** Present when the check failed or could not be done. */
  code?: PassportErrorCode;
  /** Plain English: what was checked, and what was found. */
  message: string;
}

/** A problem found during verification: a stable code and a plain-English message. */
export interface VerificationError {
  code: PassportErrorCode;
  message: string;
}

/**
 * The verdict a person acts on: `valid` (everything checked out, the issuer included),
 * `not-valid` (something is wrong) or `cant-check` (something is missing).
 */
export type Verdict = 'valid' | 'not-valid' | 'cant-check';

/** What every verification returns. */
export interface VerificationResult {
  /**
   * True when no check failed and none was left unknown. Without a trust policy that means the
   * document is intact and signed by the key its issuer names, not that the issuer is who it
   * claims to be: read `verdict` for that.
   */
  verified: boolean;
  /** `valid`, `not-valid` or `cant-check`: the same three words everywhere. */
  verdict: Verdict;
  /**
   * One line a person reads: ✓ / ✗ / ?, the verdict in words (a short reason when it is not
   * valid), the entry in plain English and who issued it.
   */
  headline: string;
  checks: Check[];
  /** The failed and unknown checks, as codes and messages. */
  errors: VerificationError[];
  /** The verdict and why, in at most three short sentences: what was found and what to do next. */
  summary: string;
}

/** Collects checks and derives `verified` and `errors` from them. */
export class CheckList {
  readonly checks: Check[] = [];

  pass(check: CheckName, message: string): void {
    this.checks.push({ check, status: 'pass', message });
  }

  fail(check: CheckName, code: PassportErrorCode, message: string): void {
    this.checks.push({ check, status: 'fail', code, message });
  }

  unknown(check: CheckName, code: PassportErrorCode, message: string): void {
    this.checks.push({ check, status: 'unknown', code, message });
  }

  /** A check the caller did not ask for (no trust policy): said, never counted as a pass. */
  skip(check: CheckName, message: string): void {
    this.checks.push({ check, status: 'skipped', message });
  }

  get failed(): boolean {
    return this.checks.some((c) => c.status === 'fail');
  }

  get verified(): boolean {
    return verifiedOf(this.checks);
  }

  get errors(): VerificationError[] {
    return errorsOf(this.checks);
  }

  /** The first failure, or else the first unknown check. */
  get firstProblem(): Check | undefined {
    return firstProblemOf(this.checks);
  }
}

function verifiedOf(checks: readonly Check[]): boolean {
  return checks.some((c) => c.status === 'pass') && checks.every((c) => c.status === 'pass' || c.status === 'skipped');
}

/**
 * The errors a list of checks carries: each check that failed or could not be decided, with its
 * code and message (the `errors` of every result).
 *
 * @example
 * ```ts
 * errorsOf(result.checks).map((e) => e.code); // ['ERR_PROOF_SIGNATURE_INVALID']
 * ```
 */
export function errorsOf(checks: readonly Check[]): VerificationError[] {
  return checks.filter((c) => c.status === 'fail' || c.status === 'unknown').map((c) => ({ code: c.code!, message: c.message }));
}

function firstProblemOf(checks: readonly Check[]): Check | undefined {
  return checks.find((c) => c.status === 'fail') ?? checks.find((c) => c.status === 'unknown');
}

/** Where an entry stands in a passport: only an `active` entry can be valid. */
export type LifecycleState = 'active' | 'revoked' | 'superseded' | 'conflict';

/** What a result is about: the words its headline and summary are made of. */
export interface ResultSubject {
  /**
   * The thing in plain English (for an entry, describeEntry's line). A function is called only
   * when `headline` is read, so bulk verification does not pay for describing every entry.
   */
  description?: string | (() => string);
  /** Who issued it, by name (the accreditation's display name first, else the entry's own): never a DID. */
  issuerName?: string;
  /** Who vouches for the issuer, by name (the trust root or trust list operator). */
  accreditedBy?: string;
  /** A self-asserted entry: the holder's own statement. */
  selfAsserted?: boolean;
  /** The entry's state in a passport; revoked, superseded and conflicting entries are never valid. */
  state?: LifecycleState;
  /** What a valid result says after "Valid — " (default: who issued it and who accredited them). */
  valid?: string;
}

const MARK: Record<Verdict, string> = { valid: '✓', 'not-valid': '✗', 'cant-check': '?' };
const WORD: Record<Verdict, string> = { valid: 'Valid', 'not-valid': 'Not valid', 'cant-check': 'Can’t check' };

/** The sentence said when no trust policy was given. */
export const ISSUER_UNCHECKED = 'The signature is intact; who issued it was not checked.';

/** Added to any other summary when no trust policy was given: never left unsaid (review r15 M3). */
const ISSUER_NOT_CHECKED = 'Who issued it was not checked.';

const LIFECYCLE: Record<Exclude<LifecycleState, 'active'>, { verdict: Verdict; tag: string; says: string; next: string }> = {
  revoked: { verdict: 'not-valid', tag: 'withdrawn', says: 'The issuer has withdrawn it.', next: 'Do not rely on it.' },
  superseded: { verdict: 'not-valid', tag: 'replaced', says: 'The issuer replaced it with a newer entry.', next: 'Check the newer entry instead.' },
  conflict: {
    verdict: 'cant-check',
    tag: 'two versions',
    says: 'The issuer signed two versions of it, and neither replaces the other.',
    next: 'Ask the issuer which one is current.',
  },
};

// Short reasons shown in a headline, by code, so ✗ and ? always say why in a word or two.
const TAG: Partial<Record<PassportErrorCode, string>> = {
  ERR_STATUS_REVOKED: 'withdrawn',
  ERR_STATUS_SUSPENDED: 'suspended',
  ERR_CREDENTIAL_EXPIRED: 'expired',
  ERR_CREDENTIAL_NOT_YET_VALID: 'not valid yet',
  ERR_PROOF_SIGNATURE_INVALID: 'altered or forged',
  ERR_ISSUER_KEY_MISMATCH: 'wrong signer',
  ERR_SCHEMA_INVALID: 'damaged',
  ERR_JSON_INVALID: 'damaged',
  ERR_PROOF_MISSING: 'not signed',
  ERR_PROOF_MALFORMED: 'damaged',
  ERR_KIND_NOT_ALLOWED: 'issuer not allowed to issue this',
  ERR_ACCREDITATION_INVALID: 'issuer not accredited',
  ERR_ISSUER_UNTRUSTED: 'issuer not accredited',
  ERR_KEY_COMPROMISED: 'issuer key stolen',
  ERR_SIGNING_TIME_UNVOUCHED: 'signing date unproven',
  ERR_STATUS_UNKNOWN: 'status unknown',
  ERR_STATUS_LIST_INVALID: 'status unknown',
  ERR_ISSUER_KEY_UNRESOLVED: 'issuer key unknown',
  ERR_CRYPTOSUITE_UNSUPPORTED: 'signature type unknown',
  ERR_CONTEXT_UNKNOWN: 'vocabulary unknown',
  ERR_HOLDER_BINDING: 'not theirs',
};

// What to do next, by code: one sentence, or one for a failed check and one for a check that
// could not be done (the same code can mean "wrong" or "missing").
const NEXT_STEPS: Partial<Record<PassportErrorCode, string | { fail: string; unknown: string }>> = {
  ERR_STATUS_REVOKED: 'Do not rely on it.',
  ERR_STATUS_SUSPENDED: 'Ask the issuer whether it will be reinstated.',
  ERR_CREDENTIAL_EXPIRED: 'Ask the issuer for a current one.',
  ERR_CREDENTIAL_NOT_YET_VALID: 'Check it again after that date.',
  ERR_STATUS_UNKNOWN: 'Load the issuer’s current status list, or check again later.',
  ERR_STATUS_LIST_INVALID: 'Load the issuer’s current status list, or check again later.',
  ERR_KIND_NOT_ALLOWED: 'Do not rely on it.',
  ERR_ACCREDITATION_INVALID: 'Do not rely on it.',
  ERR_ISSUER_UNTRUSTED: { fail: 'Do not rely on it.', unknown: 'Load the authority’s trust list.' },
  ERR_KEY_COMPROMISED: { fail: 'Do not rely on it.', unknown: 'Ask the issuer for a newly signed copy.' },
  ERR_SIGNING_TIME_UNVOUCHED: { fail: 'Do not rely on it.', unknown: 'Ask the issuer for a newly signed copy.' },
  ERR_ISSUER_KEY_UNRESOLVED: 'Ask the issuer for a copy this checker can read.',
  ERR_CRYPTOSUITE_UNSUPPORTED: 'Ask the issuer for a copy this checker can read.',
  ERR_CONTEXT_UNKNOWN: 'Ask the issuer for a copy this checker can read.',
  ERR_JSONLD_CONTEXT_UNAVAILABLE: 'Ask the issuer for a copy this checker can read.',
  ERR_HOLDER_BINDING: { fail: 'Ask the person to share again from their own passport.', unknown: 'Check the person’s ID.' },
  ERR_PRESENTATION_CHALLENGE_MISMATCH: 'Ask the person to share again.',
  ERR_PRESENTATION_DOMAIN_MISMATCH: 'Ask the person to share again.',
  ERR_PRESENTATION_EMPTY: 'Ask the person to share again.',
  ERR_TRUST_LIST_STALE: 'Get the current trust list.',
  ERR_TRUST_LIST_ROLLBACK: 'Get the trust list again from the authority.',
  ERR_TRUST_LIST_SIGNER: 'Get the trust list again from the authority.',
  ERR_TRUST_LIST_INVALID: 'Get the trust list again from the authority.',
};

/**
 * What to do next about a problem, in one short sentence.
 *
 * @example
 * ```ts
 * nextStep({ check: 'signature', status: 'fail', code: 'ERR_PROOF_SIGNATURE_INVALID', message: '…' }); // 'Ask the issuer for a new copy.'
 * ```
 */
export function nextStep(problem: Check): string {
  const next = problem.code === undefined ? undefined : NEXT_STEPS[problem.code];
  if (next === undefined) return 'Ask the issuer for a new copy.';
  return typeof next === 'string' ? next : problem.status === 'fail' ? next.fail : next.unknown;
}

/**
 * True when who issued it was not checked (no trust policy was given): a `skipped`
 * `issuer-trust` check. Every summary then says so.
 *
 * @example
 * ```ts
 * issuerTrustSkipped((await verifyCredential(entry)).checks); // true: no policy
 * ```
 */
export function issuerTrustSkipped(checks: readonly Check[]): boolean {
  return checks.some((c) => c.check === 'issuer-trust' && c.status === 'skipped');
}

/**
 * The verdict of a set of checks (and, for a passport entry, of its state): any failure, a
 * revocation or a replacement is `not-valid`; otherwise anything unknown or not checked (the
 * issuer without a trust policy) is `cant-check`; otherwise `valid`.
 *
 * @example
 * ```ts
 * verdictOf(result.checks);               // 'valid'
 * verdictOf(result.checks, 'superseded'); // 'not-valid'
 * ```
 */
export function verdictOf(checks: readonly Check[], state: LifecycleState = 'active'): Verdict {
  if (checks.some((c) => c.status === 'fail')) return 'not-valid';
  if (state !== 'active') return LIFECYCLE[state].verdict;
  if (!checks.some((c) => c.status === 'pass')) return 'cant-check';
  return checks.every((c) => c.status === 'pass') ? 'valid' : 'cant-check';
}

function sentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/** A problem's message and what to do next, without saying the next step twice. */
function withNext(problem: Check): string {
  const said = sentence(problem.message);
  const next = nextStep(problem);
  return said.endsWith(next) ? said : `${said} ${next}`;
}

/** The entry in plain English, with its issuer's name when the description does not already say it. */
function named(description: string, issuerName: string | undefined): string {
  return issuerName && !description.includes(issuerName) ? `${description} — ${issuerName}` : description;
}

function headlineOf(verdict: Verdict, tag: string | undefined, description: string, issuerName: string | undefined): string {
  return visibleText(`${MARK[verdict]} ${WORD[verdict]}${tag ? ` (${tag})` : ''}: ${named(description, issuerName)}`);
}

/**
 * The verdict, headline and summary of a set of checks: the one place these lines are written.
 * Results of every verifier (credentials, vc+jwt, SD-JWT, presentations and their entries,
 * passports and their entries, trust lists) come from here.
 *
 * @example
 * ```ts
 * const { verdict, headline, summary } = describeVerdict(checks.checks, { description: describeEntry(entry), issuerName: 'City & Guilds' });
 * headline; // '✓ Valid: Functional Skills Maths, Level 1 — qualification from City & Guilds, awarded March 2026'
 * ```
 */
export function describeVerdict(checks: readonly Check[], subject: ResultSubject = {}): { verdict: Verdict; headline: () => string; summary: string } {
  const state = subject.state ?? 'active';
  const verdict = verdictOf(checks, state);
  const problem = firstProblemOf(checks);
  const who = subject.issuerName;
  let summary: string;
  let tag: string | undefined;
  if (problem?.status === 'fail' || (state === 'active' && problem)) {
    tag = problem.code ? TAG[problem.code] : undefined;
    summary = `${WORD[verdict]} — ${withNext(problem)}`;
    if (issuerTrustSkipped(checks)) summary += ` ${ISSUER_NOT_CHECKED}`;
  } else if (state !== 'active') {
    const l = LIFECYCLE[state];
    tag = l.tag;
    summary = `${WORD[verdict]} — ${l.says} ${l.next}`;
    if (issuerTrustSkipped(checks)) summary += ` ${ISSUER_NOT_CHECKED}`;
  } else if (verdict === 'cant-check' && issuerTrustSkipped(checks)) {
    tag = 'issuer not checked';
    summary = `${WORD[verdict]} — ${ISSUER_UNCHECKED} Load the authority’s trust list.`;
  } else if (verdict === 'cant-check') {
    summary = `${WORD[verdict]} — nothing could be checked.`;
  } else if (subject.valid !== undefined) {
    summary = `${WORD.valid} — ${sentence(subject.valid)}`;
  } else if (subject.selfAsserted) {
    summary = `${WORD.valid} — the holder’s own statement; no organisation vouches for it.`;
  } else {
    const by = subject.accreditedBy ? `, accredited by ${subject.accreditedBy}` : '';
    summary = `${WORD.valid} — issued by ${who ?? 'an unnamed issuer'}${by}; the signature, dates and status check out.`;
  }
  const description = subject.description;
  let memo: string | undefined;
  const headline = (): string => {
    if (memo === undefined) {
      const text = typeof description === 'function' ? description() : (description ?? 'A credential');
      memo = headlineOf(verdict, tag, text, who);
    }
    return memo;
  };
  return { verdict, headline, summary: visibleText(summary) };
}

/**
 * A whole result from a list of checks: `verified`, `verdict`, `headline` (computed when first
 * read), `checks`, `errors` and `summary`, plus the verifier's own fields in `extra`.
 *
 * @example
 * ```ts
 * return buildResult(checks.checks, { description: () => describeEntry(entry), issuerName }, { kind });
 * ```
 */
export function buildResult<T extends object>(checks: Check[], subject: ResultSubject, extra: T): VerificationResult & T {
  const { verdict, headline, summary } = describeVerdict(checks, subject);
  const result = { verified: verifiedOf(checks), verdict, headline: '', checks, errors: errorsOf(checks), summary, ...extra } as VerificationResult & T;
  lazy(result, 'headline', headline);
  return result;
}

/**
 * Defines `key` as an enumerable property computed on first read (JSON and spreads see the value).
 * @internal
 */
export function lazy<T extends object>(target: T, key: string, compute: () => string): void {
  let value: string | undefined;
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get: () => (value ??= compute()),
    set: (v: string) => {
      value = v;
    },
  });
}

/** What a presentation's summary needs from each entry result. */
export interface SummarisedEntry {
  verdict: Verdict;
  headline: string;
  checks: readonly Check[];
}

/** The presentation-level checks that, when failed, mean nothing in it can be relied on. */
const PRESENTATION_BLOCKERS: Partial<Record<CheckName, string>> = {
  shape: 'Do not rely on this: it is not a readable presentation. Ask the person to share again.',
  signature: 'Do not rely on this: the person’s signature on it does not check out. Ask the person to share again.',
  challenge: 'Do not rely on this: it was made for a different request (it may be an old copy). Ask the person to share again.',
  domain: 'Do not rely on this: it was made for a different organisation or website. Ask the person to share again.',
  'holder-binding': 'Do not rely on this: it was not signed by the person the records belong to. Ask the person to share again.',
  'validity-period': 'Do not rely on this: the presentation has expired. Ask the person to share again.',
};

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

function count(n: number): string {
  return NUMBER_WORDS[n] ?? String(n);
}

/**
 * The verdict and summary of a presentation: a problem with the presentation itself first;
 * otherwise at most two short sentences about the entries ("3 of 3 achievements checked: all
 * valid."), then each entry's headline on its own line.
 *
 * @example
 * ```ts
 * describePresentation(checks.checks, entries).summary; // '2 of 2 achievements checked: both valid.\n✓ Valid: …\n✓ Valid: …'
 * ```
 */
export function describePresentation(checks: readonly Check[], entries: readonly SummarisedEntry[]): { verdict: Verdict; headline: string; summary: string } {
  const problem = firstProblemOf(checks);
  const lines = entries.map((e) => e.headline);
  const finish = (verdict: Verdict, text: string): { verdict: Verdict; headline: string; summary: string } => ({
    verdict,
    headline: `${MARK[verdict]} ${text.split(/(?<=\.) /)[0]}`,
    summary: [text, ...lines].join('\n'),
  });
  if (problem?.status === 'fail') return finish('not-valid', PRESENTATION_BLOCKERS[problem.check] ?? `Do not rely on this: ${withNext(problem)}`);
  if (problem) return finish('cant-check', `Can’t check this presentation: ${withNext(problem).replace(/^./, (c) => c.toLowerCase())}`);
  const n = entries.length;
  if (n === 0) return finish('cant-check', 'No achievements were shared. Ask the person to share again.');
  const noun = n === 1 ? 'achievement' : 'achievements';
  const valid = entries.filter((e) => e.verdict === 'valid').length;
  const bad = entries.filter((e) => e.verdict === 'not-valid').length;
  const unsure = n - valid - bad;
  if (valid === n) return finish('valid', `${n} of ${n} ${noun} checked: ${n === 1 ? 'valid' : n === 2 ? 'both valid' : 'all valid'}.`);
  const parts = [valid && `${count(valid)} valid`, bad && `${count(bad)} not valid`, unsure && `${count(unsure)} can’t be checked`].filter(Boolean);
  let head: string;
  if (n === 1) head = `1 achievement checked: ${bad ? 'not valid' : 'can’t be fully checked'}.`;
  else if (unsure === n) head = `${n} ${noun} checked: ${n === 2 ? 'neither' : 'none'} can be fully checked.`;
  else if (bad === n) head = `${n} ${noun} checked: ${n === 2 ? 'neither' : 'none'} valid.`;
  else head = `${n} ${noun} checked: ${parts.join(', ')}.`;
  // Without a trust policy the second sentence always says the issuers were not checked.
  const unchecked = entries.some((e) => issuerTrustSkipped(e.checks)) ? `; who issued ${n === 1 ? 'it' : 'them'} was not checked.` : '.';
  let next: string;
  if (bad > 0) next = `Do not rely on the ${bad === 1 ? 'one' : 'ones'} marked ✗${unchecked}`;
  else if (entries.every((e) => e.verdict === 'valid' || issuerTrustSkipped(e.checks)))
    next = n === 1 ? ISSUER_UNCHECKED : 'The signatures are intact; who issued them was not checked.';
  else {
    const first = entries.find((e) => e.verdict === 'cant-check');
    const p = first ? firstProblemOf(first.checks) : undefined;
    next = `${(p ? nextStep(p) : 'See each line below.').replace(/\.$/, '')}${unchecked}`;
  }
  return finish(bad > 0 ? 'not-valid' : 'cant-check', `${head} ${next}`);
}

/**
 * The counts of a passport's entries (`PassportReport.counts`). Every entry is counted once in
 * `current`, `revoked` or `superseded`, so `total = current + revoked + superseded`, and every
 * current entry once by its verdict, so `current = valid + notValid + cantCheck`. Only current
 * entries decide the passport's verdict: revoked and superseded ones are its history.
 *
 * @example
 * ```ts
 * const { counts } = await verifyPassport(passport, { policy });
 * if (counts.notValid > 0) console.log(`${counts.notValid} of ${counts.current} current entries are not valid`);
 * ```
 */
export interface PassportCounts {
  /** Every entry the passport holds (items that could not be read are in `leftOut` instead). */
  total: number;
  /** Entries neither withdrawn nor replaced, those in conflict included. */
  current: number;
  /** Current entries whose verdict is `valid`. */
  valid: number;
  /** Current entries whose verdict is `not-valid`: a check failed (altered, expired, suspended, an issuer not allowed to issue it). */
  notValid: number;
  /** Current entries whose verdict is `cant-check`: something is missing (trust material, a status list, a key), the issuer was not checked, or the entry is in conflict. */
  cantCheck: number;
  /** Entries the issuer withdrew, by a revocation entry in the passport or in its own signed status list. */
  revoked: number;
  /** Entries a newer entry from the same issuer replaces. */
  superseded: number;
  /** Current entries in conflict: the issuer signed two versions and neither replaces the other (also counted by verdict). */
  conflicts: number;
  /** Items left out before verification because they could not be read or verified (`PassportReport.problems`). */
  leftOut: number;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The verdict, headline and summary of a passport: current entries (neither withdrawn nor
 * replaced) are counted apart from withdrawn and replaced ones, and only current entries decide
 * the verdict. A passport whose every entry was withdrawn holds nothing to rely on: not valid.
 * With `issuerUnchecked` (no trust policy was given) the summary says who issued them was not checked.
 *
 * @example
 * ```ts
 * describePassport({ total: 8, current: 6, valid: 6, notValid: 0, cantCheck: 0, revoked: 1, superseded: 1, conflicts: 0, leftOut: 0 }).summary;
 * // '8 entries: 6 current, all valid; 1 withdrawn by the issuer; 1 replaced by a newer entry.'
 * ```
 */
export function describePassport(c: PassportCounts, options: { issuerUnchecked?: boolean } = {}): { verdict: Verdict; headline: string; summary: string } {
  if (c.total === 0 && c.leftOut === 0)
    return { verdict: 'valid', headline: '✓ Valid: this passport has no entries.', summary: 'This passport has no entries.' };
  const parts: string[] = [];
  if (c.current === 0) parts.push('none current');
  else if (c.valid === c.current) parts.push(`${c.current} current, ${c.current === 1 ? 'valid' : c.current === 2 ? 'both valid' : 'all valid'}`);
  else if (c.cantCheck === c.current) parts.push(`${c.current} current, ${c.current === 1 ? 'not' : 'none'} fully checked`);
  else {
    const sub = [c.valid && `${c.valid} valid`, c.notValid && `${c.notValid} not valid`, c.cantCheck && `${c.cantCheck} can’t be checked`].filter(Boolean);
    parts.push(`${c.current} current (${sub.join(', ')})`);
  }
  if (c.revoked) parts.push(`${c.revoked} withdrawn by the issuer`);
  if (c.superseded) parts.push(`${c.superseded} replaced by a newer entry`);
  if (c.conflicts) parts.push(`${c.conflicts} in conflict`);
  // No trust policy: said in the same sentence, so the summary stays at two sentences at most.
  if (options.issuerUnchecked && c.total > 0) parts.push(`who issued ${c.total === 1 ? 'it' : 'them'} was not checked`);
  let summary = c.total === 0 ? 'No entry could be read.' : `${plural(c.total, 'entry', 'entries')}: ${parts.join('; ')}.`;
  if (c.leftOut > 0)
    summary += ` ${plural(c.leftOut, 'item was', 'items were')} left out because ${c.leftOut === 1 ? 'it' : 'they'} could not be read or verified.`;
  const nothingCurrent = c.total > 0 && c.current === 0;
  const verdict: Verdict = c.notValid > 0 || c.leftOut > 0 || nothingCurrent ? 'not-valid' : c.cantCheck > 0 ? 'cant-check' : 'valid';
  const head =
    verdict === 'valid'
      ? `every current entry is valid (${c.valid} of ${c.current})`
      : verdict === 'cant-check'
        ? `${plural(c.cantCheck, 'current entry', 'current entries')} can’t be checked`
        : c.notValid > 0
          ? `${plural(c.notValid, 'current entry is', 'current entries are')} not valid`
          : nothingCurrent
            ? 'none of its entries is current'
            : 'some items could not be read';
  return { verdict, headline: `${MARK[verdict]} ${WORD[verdict]}: ${head}.`, summary };
}

/** The mark of a line that carries no verdict of its own (not checked, not shown): never ✓. */
const NO_VERDICT_MARK = '–';

/**
 * The headline and summary of an entry that was not checked because the presentation carrying
 * it was refused (or could not be checked): no ✓ and no "Valid", whatever the entry's own checks say.
 *
 * @example
 * ```ts
 * notCheckedLines('Barista skills — course from Leeds Learning Centre', undefined, 'refused');
 * // { headline: '– Not checked: Barista skills — …', summary: 'Not checked — the presentation itself was refused, so nothing in it can be relied on. Ask the person to share again.' }
 * ```
 */
export function notCheckedLines(description: string, issuerName: string | undefined, why: 'refused' | 'unchecked'): { headline: string; summary: string } {
  return {
    headline: visibleText(`${NO_VERDICT_MARK} Not checked: ${named(description, issuerName)}`),
    summary:
      why === 'refused'
        ? 'Not checked — the presentation itself was refused, so nothing in it can be relied on. Ask the person to share again.'
        : 'Not checked — the presentation itself could not be checked, so nothing in it can be relied on yet.',
  };
}

/**
 * The one line standing for entries an employer-facing display leaves out (custody-context
 * entries, shown only on request): how many, and their verdicts, in words that name no kind.
 *
 * @example
 * ```ts
 * notShownLine(['valid', 'valid']);     // '2 more records not shown: both valid.'
 * notShownLine(['valid', 'not-valid']); // '2 more records not shown: one valid, one not valid.'
 * ```
 */
export function notShownLine(verdicts: readonly Verdict[]): string {
  const n = verdicts.length;
  const valid = verdicts.filter((v) => v === 'valid').length;
  const bad = verdicts.filter((v) => v === 'not-valid').length;
  const unsure = n - valid - bad;
  const said =
    valid === n
      ? n === 1
        ? 'valid'
        : `${n === 2 ? 'both' : 'all'} valid`
      : bad === n
        ? n === 1
          ? 'not valid'
          : `${n === 2 ? 'neither' : 'none'} valid`
        : unsure === n
          ? n === 1
            ? 'can’t be checked'
            : `${n === 2 ? 'neither' : 'none'} can be fully checked`
          : [valid && `${count(valid)} valid`, bad && `${count(bad)} not valid`, unsure && `${count(unsure)} can’t be checked`].filter(Boolean).join(', ');
  return `${n === 1 ? '1 more record' : `${n} more records`} not shown: ${said}.`;
}
