// The employer page's logic, without the page: turn whatever the employer pasted, scanned or
// dropped (a QR payload, an entry, a passport, a presentation, the authority's trust list or its
// accreditations) into three verdicts — Valid, Not valid, Can't check — each with a short
// headline, one sentence on what was found, and what to do next. No DOM and no network, so it
// runs in Node tests too.
import {
  createTrustPolicy,
  isPassportError,
  parseDidKey,
  readPassport,
  verifyCredential,
  verifyPassport,
  verifyPresentation,
  type Check,
  type PassportReportEntry,
  type TrustPolicy,
  type Verdict,
} from 'learning-passport';
import { ACCREDITATION_TYPE, TRUST_LIST_TYPE, verifyTrustList, type TrustList } from 'learning-passport/trust';
import { foldCustodyEntries } from 'learning-passport/present';
import { decodeQrPayload, QR_PREFIX } from 'learning-passport/qr';

/** The three verdicts, with the same meaning as in the library, the command line and the print pack. */
export type { Verdict };

/**
 * What a line of the page shows: one of the three verdicts, or "not checked" for a record inside
 * a sharing that was refused (it carries no verdict of its own, and never a ✓).
 */
export type Shown = Verdict | 'not-checked';

/** The mark of each verdict: shown next to its word, never alone and never by colour alone. */
export const MARK: Record<Shown, '✓' | '✗' | '?' | '–'> = { valid: '✓', 'not-valid': '✗', 'cant-check': '?', 'not-checked': '–' };
/** The word of each verdict. */
export const WORDS: Record<Shown, string> = { valid: 'Valid', 'not-valid': 'Not valid', 'cant-check': 'Can’t check', 'not-checked': 'Not checked' };

/** The next steps the page offers, worded for someone who has never heard of a signature. */
export const NEXT = {
  shareAgain: 'Ask the person to share again.',
  newCopy: 'Ask the issuer for a new copy.',
  newlySigned: 'Ask the issuer for a newly signed copy.',
  loadTrustList: 'Load the authority’s trust list.',
  // Never "load a newer list": whoever forged the record could hand over a list too.
  notApproved: 'Do not rely on this record. If you think its issuer is approved, check with your authority directly.',
  askAuthority: 'Check with your authority whether this issuer is approved.',
  statusUnknown: 'Ask the issuer whether it is still current, or check again later.',
  doNotRely: 'Do not rely on this record. Ask the person about it.',
  newRequest: 'Ask the person to share again, using the request code and website on this page.',
  newerRecord: 'Look at the newer record in the list.',
} as const;

/** What the page (and the command line) says of JSON that is not a record. */
export const NOT_A_RECORD = 'This file is not a learning record, a passport or a sharing from learning-passport.';

/** One line of the verified list. */
export interface Row {
  verdict: Shown;
  /** ✓/✗/?/– + the verdict word (with a short reason) + what the record is + who issued it. */
  headline: string;
  /** One sentence: what verification found. */
  summary: string;
  /** What to do next, when the verdict is not Valid. */
  next?: string;
  /** Identifiers for the curious (DIDs, entry ids): shown only under "Details". */
  details: string[];
  /** The entry kind, when known. */
  kind?: string;
}

/** What the employer gave the page. */
export type InputKind = 'entry' | 'passport' | 'presentation' | 'accreditations' | 'trust-list' | 'damaged' | 'not-recognised' | 'empty';

/** The outcome of {@link checkInput}. */
export interface CheckReport {
  input: InputKind;
  /** Valid only when everything checked out; Not valid when anything is wrong; else Can't check. */
  verdict: Verdict;
  /** One short line for the whole input (with its mark). */
  headline: string;
  /** At most two short sentences. */
  summary: string;
  /** What to do next, when the verdict is not Valid. */
  next?: string;
  /** Identifiers for the whole input (a trust list's signing key): shown only under "Details". */
  details?: string[];
  rows: Row[];
  /**
   * Records of a passport not listed unless the employer asks (custody-context entries), and
   * the one neutral line that stands for them.
   */
  notShown?: { line: string; rows: Row[] };
  /** Notes the employer should read (e.g. no trust list loaded). */
  notices: string[];
  /** Accreditation credentials found in the input, for the page to keep for later checks. */
  accreditations: unknown[];
  /** A trust list that verified, for the page to use from now on. */
  trustList?: TrustList;
}

/** The trust the page checks against. */
export interface PageTrust {
  /** A verified trust list (built into the page, or loaded by the employer). */
  trustList?: TrustList;
  /** Root keys the employer named (?roots= or the advanced field), and the pinned operator. */
  roots?: readonly string[];
  /** Accreditation credentials the employer loaded or a passport carried. */
  accreditations?: readonly unknown[];
}

/** Options of {@link checkInput}. */
export interface CheckInputOptions extends PageTrust {
  /** The request code (challenge) the page showed, for presentations. */
  challenge: string;
  /** The domain the page showed, for presentations. */
  domain: string;
  /** The time to check against (default now). */
  now?: Date;
  /** The text is a file's (chosen or dropped): an empty file is damaged, not "nothing yet". */
  fromFile?: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const typesOf = (v: Record<string, unknown>): unknown[] => (Array.isArray(v.type) ? v.type : [v.type]);

/**
 * A library headline ("✗ Not valid (altered or forged): Functional Skills Maths — City & Guilds")
 * in its parts: the short reason in brackets, and the record in plain English. The page shows
 * the mark and word in its own badge, so neither is left dangling in front of the record.
 */
export function headlineParts(headline: string): { tag?: string; text: string } {
  let text = headline.trimStart();
  if (/^[✓✗?–]/.test(text)) text = text.slice(1).trimStart();
  const word = /^(?:Valid|Not valid|Can[’']t check|Not checked)\b/.exec(text);
  if (!word) return { text };
  text = text.slice(word[0].length);
  const tag = /^ \(([^)]*)\)/.exec(text);
  if (tag) text = text.slice(tag[0].length);
  text = text.replace(/^\s*[:—-]\s*/, '');
  return tag ? { tag: tag[1]!, text } : { text };
}

/** The headline without its mark, verdict word or reason: the record in plain English. */
export function headlineText(headline: string): string {
  return headlineParts(headline).text;
}

/** The worst verdict of several: Not valid over Can't check over Valid. */
export function worst(verdicts: readonly Verdict[]): Verdict {
  if (verdicts.includes('not-valid')) return 'not-valid';
  if (verdicts.includes('cant-check')) return 'cant-check';
  return 'valid';
}

/**
 * A library summary as the page shows it: without the verdict word in front (the badge says
 * it) and, when the page gives its own "What to do", without the library's next step at the end.
 */
export function summaryText(summary: string, pageHasNext: boolean): string {
  let text = summary.replace(/^(?:Valid|Not valid|Can[’']t check|Not checked) — /, '');
  if (pageHasNext) text = text.replace(/\s+(?:Ask|Load|Do not rely|Check|Get)\b[^.]*\.$/, '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What to do next for the first problem in a set of checks. */
export function nextStep(checks: readonly Check[] | undefined, verdict: Verdict, trusted: boolean, hasList = trusted): string | undefined {
  if (verdict === 'valid') return undefined;
  const problem = (checks ?? []).find((c) => c.status === 'fail') ?? (checks ?? []).find((c) => c.status === 'unknown');
  const failed = problem?.status === 'fail';
  switch (problem?.code) {
    case 'ERR_PRESENTATION_CHALLENGE_MISMATCH':
    case 'ERR_PRESENTATION_DOMAIN_MISMATCH':
      return NEXT.newRequest;
    case 'ERR_HOLDER_BINDING':
    case 'ERR_PRESENTATION_EMPTY':
    case 'ERR_SCHEMA_INVALID':
    case 'ERR_JSON_INVALID':
      return NEXT.shareAgain;
    case 'ERR_STATUS_REVOKED':
    case 'ERR_STATUS_SUSPENDED':
      return NEXT.doNotRely;
    case 'ERR_KEY_COMPROMISED':
    case 'ERR_SIGNING_TIME_UNVOUCHED':
      return failed ? NEXT.doNotRely : NEXT.newlySigned;
    case 'ERR_CREDENTIAL_EXPIRED':
    case 'ERR_PROOF_SIGNATURE_INVALID':
    case 'ERR_ISSUER_KEY_MISMATCH':
    case 'ERR_PROOF_MISSING':
    case 'ERR_PROOF_MALFORMED':
    case 'ERR_CREDENTIAL_NOT_YET_VALID':
      return NEXT.newCopy;
    case 'ERR_ISSUER_UNTRUSTED':
    case 'ERR_ACCREDITATION_INVALID':
    case 'ERR_KIND_NOT_ALLOWED':
      return failed ? NEXT.notApproved : hasList ? NEXT.askAuthority : NEXT.loadTrustList;
    case 'ERR_STATUS_UNKNOWN':
    case 'ERR_STATUS_LIST_INVALID':
      return NEXT.statusUnknown;
    default:
      return verdict === 'cant-check' && !trusted ? NEXT.loadTrustList : verdict === 'not-valid' ? NEXT.newCopy : undefined;
  }
}

/** How the page judges: with a trust policy or not, and with an authority's list or not. */
interface Judging {
  trusted: boolean;
  hasList: boolean;
}

/** A library result (credential, passport entry, presented entry) as a row of the page. */
function rowOf(
  result: { verdict: Verdict; headline: string; summary: string; checks: readonly Check[] },
  judging: Judging,
  extra: { details: string[]; kind?: string; next?: string },
): Row {
  const next = extra.next ?? nextStep(result.checks, result.verdict, judging.trusted, judging.hasList);
  return {
    verdict: result.verdict,
    headline: result.headline,
    summary: summaryText(result.summary, next !== undefined),
    ...(next ? { next } : {}),
    details: extra.details,
    ...(extra.kind ? { kind: extra.kind } : {}),
  };
}

function report(input: InputKind, verdict: Verdict, headline: string, summary: string, next?: string, extra: Partial<CheckReport> = {}): CheckReport {
  return { input, verdict, headline, summary, ...(next ? { next } : {}), rows: [], notices: [], accreditations: [], ...extra };
}

/**
 * Something wrong with the copy itself: Not valid, as in the command line's `verify` (exit 1),
 * and the person can share it again.
 */
function damaged(what: 'file' | 'QR code', why: string, next: string = NEXT.shareAgain): CheckReport {
  return report('damaged', 'not-valid', `✗ This ${what} is damaged`, why, next);
}

/**
 * Text from a document (a trust list's authority name) as a person should read it: without
 * control characters or bidi overrides, which could make "National \u202egninraeL Authority"
 * read as something it is not. The library's headlines and summaries are cleaned the same way.
 *
 * @example
 * ```ts
 * plainText('National \u202egninraeL Authority'); // 'National gninraeL Authority'
 * ```
 */
export function plainText(text: string): string {
  return text.replace(/[\t\n\r]/g, ' ').replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, '');
}

/**
 * The root keys a link names (`?roots=did:key:…,did:key:…`, or several `roots=`), split into
 * those that are Ed25519 did:keys and those that could not be read, so the page can say both.
 *
 * @example
 * ```ts
 * rootsFromLink(['did:key:z6Mk…,not-a-did']); // { roots: ['did:key:z6Mk…'], unreadable: ['not-a-did'] }
 * ```
 */
export function rootsFromLink(values: readonly string[]): { roots: string[]; unreadable: string[] } {
  const roots: string[] = [];
  const unreadable: string[] = [];
  for (const value of values.flatMap(parseRoots)) {
    try {
      parseDidKey(value);
      roots.push(value);
    } catch {
      unreadable.push(value);
    }
  }
  return { roots, unreadable };
}

/** Splits the roots field: one DID per line, or separated by commas or spaces. */
export function parseRoots(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

type Parsed = { ok: true; value: unknown; fromQr: boolean } | { ok: false; report: CheckReport };

/** Reads the text as a QR payload (LP1:…) or JSON. */
async function parse(text: string, fromFile: boolean): Promise<Parsed> {
  const trimmed = text.trim();
  // An empty file is a damaged copy (as in the command line's verify); an empty box is not yet a check.
  if (trimmed === '' && fromFile) return { ok: false, report: damaged('file', 'It is empty.') };
  if (trimmed === '') {
    return {
      ok: false,
      report: report('empty', 'cant-check', '? Nothing to check yet', 'Scan or paste a QR code (its text starts with LP1:), or choose a file.'),
    };
  }
  if (trimmed.toUpperCase().startsWith(QR_PREFIX)) {
    try {
      return { ok: true, fromQr: true, value: await decodeQrPayload(QR_PREFIX + trimmed.slice(QR_PREFIX.length)) };
    } catch (err) {
      // The headline already says the code is damaged: the summary is only why.
      const why = (isPassportError(err) ? err.message : 'It could not be read.').replace(/^This QR code is damaged:\s*/i, '');
      return {
        ok: false,
        report: damaged('QR code', why.charAt(0).toUpperCase() + why.slice(1), 'Ask the person to show the code again, or to share their passport file.'),
      };
    }
  }
  if (/^[[{]/.test(trimmed)) {
    try {
      return { ok: true, fromQr: false, value: JSON.parse(trimmed) };
    } catch (err) {
      // A file cut short while copying, or edited by hand: it starts like JSON but is not complete.
      return { ok: false, report: damaged('file', `It is not complete (${(err as Error).message}).`) };
    }
  }
  return {
    ok: false,
    report: report(
      'not-recognised',
      'cant-check',
      '? This is not a learning passport record',
      'Scan or paste the text of a learning-passport QR code (it starts with LP1:), or choose an entry, passport, presentation or trust list file (.json).',
      NEXT.shareAgain,
    ),
  };
}

function isAccreditation(v: unknown): boolean {
  return isObject(v) && typesOf(v).includes(ACCREDITATION_TYPE);
}

/** The trust policy for the page's trust, or undefined when there is none. */
function policyOf(trust: PageTrust): TrustPolicy | undefined {
  const roots = [...new Set((trust.roots ?? []).map((r) => r.trim()).filter(Boolean))];
  if (trust.trustList) return createTrustPolicy({ trustList: trust.trustList, ...(roots.length ? { roots } : {}) });
  if (roots.length) return createTrustPolicy({ roots });
  return undefined;
}

/** A DID said in words; the DID itself goes under "Details". */
const withoutDids = (text: string): string => text.replace(/did:key:[\w…]+/g, 'another key');

/**
 * Verifies a trust list the employer loaded: against the pinned operator keys when the page has
 * them, else against the key that signed it (and says so); never older than the one in use.
 */
async function checkTrustList(doc: Record<string, unknown>, options: CheckInputOptions): Promise<CheckReport> {
  const pinned = [...(options.trustList ? [options.trustList.operator] : []), ...(options.roots ?? [])].filter((r) => r.startsWith('did:key:'));
  const signer = typeof doc.issuer === 'string' ? doc.issuer : isObject(doc.issuer) && typeof doc.issuer.id === 'string' ? doc.issuer.id : undefined;
  const operator = pinned.length ? pinned : signer?.startsWith('did:key:') ? [signer] : [];
  if (operator.length === 0)
    return damaged('file', 'This trust list names no signing key, so it cannot be checked.', 'Ask the authority for a new copy of its trust list.');
  const result = await verifyTrustList(doc, {
    operator,
    ...(options.trustList ? { previous: options.trustList } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  if (!result.trustList) {
    const code = result.errors[0]?.code;
    // A person reads no keys: who signed it, and who was expected, are only under "Details".
    const why =
      code === 'ERR_TRUST_LIST_SIGNER'
        ? 'It was not signed by the authority this page trusts, so anyone could have made it.'
        : withoutDids(summaryText(result.summary, true));
    const next =
      code === 'ERR_TRUST_LIST_STALE' || code === 'ERR_TRUST_LIST_ROLLBACK'
        ? 'Ask the authority for its newest trust list.'
        : code === 'ERR_TRUST_LIST_SIGNER'
          ? 'Use the trust list from the authority this page was made for.'
          : 'Ask the authority for a new copy of its trust list.';
    const details = [...(signer ? [`Signed by: ${signer}`] : []), ...pinned.map((did) => `Authority key this page trusts: ${did}`), result.summary];
    return report('trust-list', 'not-valid', '✗ This trust list was not loaded', why, next, { details });
  }
  const list = result.trustList;
  // Anyone can sign a list under any name: one this page cannot tie to an authority key it was
  // given (built in, or typed under Advanced) is never used to call a record Valid.
  if (pinned.length === 0) {
    return report(
      'trust-list',
      'cant-check',
      '? This trust list was not used',
      `It says it is from ${plainText(list.operatorName)}, but this page has no authority key to check that against, and anyone can sign a list under any name.`,
      'Use the checker page your authority gave you, or enter the authority’s key under “Advanced” and load the list again.',
      { details: [`Signed by: ${list.operator}`] },
    );
  }
  return report(
    'trust-list',
    'valid',
    `✓ Trust list of ${plainText(list.operatorName)} loaded`,
    `List number ${list.sequenceNumber}, next update due ${list.nextUpdate.slice(0, 10)}. Records are now checked against it.`,
    undefined,
    { trustList: list, details: [`Signed by: ${list.operator}`] },
  );
}

/**
 * Checks what the employer pasted, scanned or dropped and returns the verdicts. Never throws on
 * bad input: a damaged file or QR code gives `input: 'damaged'`, "This file is damaged" (Not
 * valid, as in the command line), why, and what to do.
 *
 * @example
 * ```ts
 * const report = await checkInput('LP1:6BFOXN…', { trustList, challenge, domain });
 * report.verdict;           // 'valid'
 * report.rows[0].headline;  // '✓ Valid: Functional Skills Maths, Level 1 — qualification from City & Guilds, …'
 * ```
 */
export async function checkInput(text: string, options: CheckInputOptions): Promise<CheckReport> {
  const parsed = await parse(text, options.fromFile === true);
  if (!parsed.ok) return parsed.report;
  const doc = parsed.value;
  const notices: string[] = [];
  let policy: TrustPolicy | undefined;
  try {
    policy = policyOf(options);
  } catch (err) {
    return report(
      'not-recognised',
      'cant-check',
      '? A trusted root is not valid',
      `${(err as Error).message} Give each root as a did:key, one per line.`,
      NEXT.loadTrustList,
    );
  }
  const judging: Judging = { trusted: policy !== undefined, hasList: options.trustList !== undefined };
  if (!judging.trusted) notices.push('No trust list loaded: this page can check that a record is intact, not who issued it. Load the authority’s trust list.');
  const now = options.now ?? new Date();
  const trust = { ...(policy ? { policy } : {}), accreditations: [...(options.accreditations ?? [])], now };

  if (isObject(doc) && typesOf(doc).includes(TRUST_LIST_TYPE)) return checkTrustList(doc, options);

  // The authority's accreditations file: one accreditation, or a list of them.
  const list = Array.isArray(doc) ? doc : [doc];
  if (list.length > 0 && list.every(isAccreditation)) {
    const rows: Row[] = [];
    const intact: boolean[] = [];
    for (const item of list) {
      const result = await verifyCredential(item, { now });
      // Intact: every check that ran passed. Who signed it is judged later, against the roots.
      intact.push(result.verified);
      const subject = (item as { credentialSubject?: { displayName?: string; kinds?: string[] } }).credentialSubject ?? {};
      const line = `Accreditation of ${subject.displayName ?? 'an issuer'}${Array.isArray(subject.kinds) ? ` for ${subject.kinds.join(', ')}` : ''}`;
      const row = rowOf(result, judging, { details: detailsOf(result), ...(result.verdict === 'not-valid' ? { next: NEXT.newCopy } : {}) });
      rows.push({ ...row, headline: `${MARK[row.verdict]} ${line}` });
    }
    const good = list.filter((_, i) => intact[i]);
    const verdict = worst(rows.map((r) => r.verdict as Verdict));
    return report(
      'accreditations',
      verdict,
      `${MARK[verdict]} ${good.length} of ${list.length} accreditations intact`,
      'The intact ones are used for the next checks.',
      undefined,
      { rows, accreditations: good },
    );
  }
  const types = isObject(doc) ? typesOf(doc) : [];
  // JSON that is no learning record at all (`{}`, someone's settings file): said plainly, not in
  // the words of a schema check; Not valid, as in the command line's verify.
  if (!isObject(doc) || !types.some((t) => t === 'VerifiableCredential' || t === 'LearningPassport' || t === 'VerifiablePresentation')) {
    return report('not-recognised', 'not-valid', '✗ This is not a learning record', NOT_A_RECORD, NEXT.shareAgain);
  }

  if (types.includes('LearningPassport')) {
    const { passport, problems } = readPassport(JSON.stringify(doc));
    for (const p of problems) notices.push(`Left out of the check because it is damaged: ${p.message}`);
    const result = await verifyPassport(passport, trust);
    const rowFor = (e: PassportReportEntry): Row =>
      rowOf(e, judging, {
        details: detailsOf(e.result, e.cid),
        kind: e.kind,
        ...(e.state === 'superseded' ? { next: NEXT.newerRecord } : e.state === 'revoked' ? { next: NEXT.doNotRely } : {}),
      });
    // An employer reads this page: custody-context entries are one neutral line, listed only
    // when the employer asks ("Show all records").
    const { shown, notShown, line } = foldCustodyEntries(result.entries);
    const verdict: Verdict = problems.length ? 'not-valid' : result.verdict;
    return report('passport', verdict, `${MARK[verdict]} Learning passport: ${WORDS[verdict].toLowerCase()}`, result.summary, undefined, {
      rows: shown.map(rowFor),
      ...(line ? { notShown: { line, rows: notShown.map(rowFor) } } : {}),
      notices,
      accreditations: [...passport.accreditations],
    });
  }

  if (types.includes('VerifiablePresentation')) {
    const result = await verifyPresentation(doc, { ...trust, challenge: options.challenge, domain: options.domain });
    const rows = result.entries.map((e): Row => {
      const details = e.entryId ? [`Entry id: ${e.entryId}`] : [];
      // Inside a refused sharing a record is "not checked": no ✓, whatever its own checks say.
      if (!e.checked) return { verdict: 'not-checked', headline: e.headline, summary: summaryText(e.summary, true), details, kind: e.kind };
      return rowOf(e, judging, { details, kind: e.kind });
    });
    // The presentation's own checks: the holder's signature, the request code and the website.
    const own = result.checks.filter((c) => c.status === 'fail' || c.status === 'unknown');
    const ownVerdict: Verdict = own.some((c) => c.status === 'fail') ? 'not-valid' : own.length ? 'cant-check' : 'valid';
    if (ownVerdict !== 'valid') {
      const problem = own.find((c) => c.status === 'fail') ?? own[0]!;
      const next = nextStep(own, ownVerdict, judging.trusted, judging.hasList);
      rows.unshift({
        verdict: ownVerdict,
        headline: `${MARK[ownVerdict]} The sharing itself (the person’s signature, your request code and website)`,
        summary: problem.message,
        ...(next ? { next } : {}),
        details: [],
      });
    }
    const next = ownVerdict === 'valid' ? undefined : rows[0]!.next;
    const summary = summaryText(result.summary.split('\n')[0]!, next !== undefined);
    return report('presentation', result.verdict, `${MARK[result.verdict]} Shared records: ${WORDS[result.verdict].toLowerCase()}`, summary, next, {
      rows,
      notices,
    });
  }

  const result = await verifyCredential(doc, trust);
  const row = rowOf(result, judging, { details: detailsOf(result), ...(result.kind ? { kind: result.kind } : {}) });
  return report('entry', result.verdict, row.headline, row.summary, row.next, { rows: [row], notices });
}

/** The identifiers a curious employer may want: issuer, signing key, entry id. Only under "Details". */
function detailsOf(result: { issuer?: string; verificationMethod?: string; checks: readonly Check[] }, cid?: string): string[] {
  return [
    ...(result.issuer ? [`Issuer: ${result.issuer}`] : []),
    ...(cid ? [`Entry id: ${cid}`] : []),
    ...result.checks.map((c) => `${c.status === 'pass' ? '✓' : c.status === 'fail' ? '✗' : '?'} ${c.check}: ${c.message}`),
  ];
}

/**
 * Reads the trust list built into a page (`{ operator, list }`) and verifies it against the
 * operator key the page was built for. A list past its next update is not used (the page
 * still knows the operator's key) and the reason is given, so the page can ask for a newer one.
 *
 * @example
 * ```ts
 * const baked = await readBakedTrustList(JSON.parse(element.textContent));
 * if (baked.trustList) trust.trustList = baked.trustList; else showNotice(baked.problem);
 * ```
 */
export async function readBakedTrustList(value: unknown, now?: Date): Promise<{ operator?: string; trustList?: TrustList; problem?: string }> {
  if (!isObject(value) || typeof value.operator !== 'string' || !value.operator.startsWith('did:key:'))
    return { problem: 'The trust list built into this page is damaged. Load the authority’s trust list.' };
  const result = await verifyTrustList(value.list, { operator: value.operator, ...(now ? { now } : {}) });
  if (result.trustList) return { operator: value.operator, trustList: result.trustList };
  const stale = result.errors.some((e) => e.code === 'ERR_TRUST_LIST_STALE');
  return {
    operator: value.operator,
    problem: stale
      ? `The trust list built into this page is out of date (a newer one was due on ${String(result.nextUpdate ?? '').slice(0, 10)}). Load the authority’s newest trust list.`
      : `The trust list built into this page could not be used: ${withoutDids(summaryText(result.summary, true))} Load the authority’s trust list.`,
  };
}
