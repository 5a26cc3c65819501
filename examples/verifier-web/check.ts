// The employer page's logic, without the page: turn whatever the employer pasted, scanned or
// dropped (a QR payload, an entry, a passport, a presentation, the authority's trust list or its
// accreditations) into three verdicts — Valid, Not valid, Can't check — each with a short
// headline, one sentence on what was found, and what to do next. No DOM and no network, so it
// runs in Node tests too.
import {
  createTrustPolicy,
  describeEntry,
  entryId,
  isPassportError,
  readPassport,
  verifyCredential,
  verifyPassport,
  verifyPresentation,
  type Check,
  type TrustPolicy,
} from 'learning-passport';
import { TRUST_LIST_TYPE, verifyTrustList, type TrustList } from 'learning-passport/trust';
import { ACCREDITATION_TYPE } from 'learning-passport/trust';
import { decodeQrPayload, QR_PREFIX } from 'learning-passport/qr';

/** The three verdicts, with the same meaning as in the library, the command line and the print pack. */
export type Verdict = 'valid' | 'not-valid' | 'cant-check';

/** The mark of each verdict: shown next to its word, never alone and never by colour alone. */
export const MARK: Record<Verdict, '✓' | '✗' | '?'> = { valid: '✓', 'not-valid': '✗', 'cant-check': '?' };
/** The word of each verdict. */
export const WORDS: Record<Verdict, string> = { valid: 'Valid', 'not-valid': 'Not valid', 'cant-check': 'Can’t check' };

/** The next steps the page offers, worded for someone who has never heard of a signature. */
export const NEXT = {
  shareAgain: 'Ask the person to share again.',
  newCopy: 'Ask the issuer for a new copy.',
  loadTrustList: 'Load the authority’s trust list.',
  newerTrustList: 'Load the authority’s newest trust list.',
  doNotRely: 'Do not rely on this record. Ask the person about it.',
  newRequest: 'Ask the person to share again, using the request code and website on this page.',
} as const;

/** One line of the verified list. */
export interface Row {
  verdict: Verdict;
  /** ✓/✗/? + what the record is + who issued it. */
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
  rows: Row[];
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
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const typesOf = (v: Record<string, unknown>): unknown[] => (Array.isArray(v.type) ? v.type : [v.type]);

/** What a library result carries once every result has its verdict; older results lack them. */
interface Judged {
  verified: boolean;
  checks?: readonly Check[];
  summary: string;
  verdict?: Verdict;
  headline?: string;
}

// --- Fallback until the library's results carry verdict / headline / summary ---------------------
// Everything the page needs from a result goes through this one function, so that it can be
// deleted once every library result has its own `verdict`, `headline` and `summary`.
/**
 * The verdict, headline and summary of a library result: the result's own when it has them,
 * else derived from `verified` and the checks (a failure is Not valid, anything left unknown
 * Can't check). `line` is the record in plain English; `state` its state in a passport
 * (a revoked or superseded entry is never Valid).
 */
export function verdictOf(result: Judged, line: string, state = 'active'): { verdict: Verdict; headline: string; summary: string } {
  const notCurrent = state === 'revoked' || state === 'superseded' || state === 'suspended' || state === 'conflict';
  if (result.verdict && !notCurrent) {
    // The page shows the verdict word and the next step on their own, so the summary drops both.
    let summary = result.summary.replace(/^(?:Valid|Not valid|Can[’']t check) — /, '');
    for (const next of Object.values(NEXT)) if (summary.endsWith(` ${next}`)) summary = summary.slice(0, -next.length - 1);
    return { verdict: result.verdict, headline: result.headline ?? `${MARK[result.verdict]} ${line}`, summary };
  }
  const checks = result.checks ?? [];
  const verdict: Verdict = notCurrent || checks.some((c) => c.status === 'fail') ? 'not-valid' : result.verified ? 'valid' : 'cant-check';
  const stateWords: Record<string, string> = {
    revoked: 'The issuer has withdrawn this record.',
    superseded: 'A newer record replaces this one.',
    suspended: 'The issuer has suspended this record.',
    conflict: 'The issuer made conflicting statements about this record.',
  };
  // Older summaries may name a key; a person reads names, so the key becomes words.
  const stripped = result.summary.replace(/^(?:Valid|Not valid|Can[’']t check|Can[’']t confirm) — /, '').replace(/did:key:[\w…]+/g, 'the issuer’s key');
  const summary = notCurrent ? stateWords[state]! : stripped.charAt(0).toUpperCase() + stripped.slice(1);
  return { verdict, headline: `${MARK[verdict]} ${line}${notCurrent ? ` (${state})` : ''}`, summary };
}
// --- End of the fallback ----------------------------------------------------------------------------

/** The headline without a leading mark or verdict word, for showing next to the page's own badge. */
export function headlineText(headline: string): string {
  let text = headline.trimStart();
  if (/^[✓✗?]/.test(text)) text = text.slice(1).trimStart();
  const word = /^(?:Valid|Not valid|Can[’']t check)\b[\s:—-]*/.exec(text);
  return word ? text.slice(word[0].length) : text;
}

/** The worst verdict of several: Not valid over Can't check over Valid. */
export function worst(verdicts: readonly Verdict[]): Verdict {
  if (verdicts.includes('not-valid')) return 'not-valid';
  if (verdicts.includes('cant-check')) return 'cant-check';
  return 'valid';
}

/** What to do next for the first problem in a set of checks. */
export function nextStep(checks: readonly Check[] | undefined, verdict: Verdict, trusted: boolean, hasList = trusted): string | undefined {
  if (verdict === 'valid') return undefined;
  const problem = (checks ?? []).find((c) => c.status === 'fail') ?? (checks ?? []).find((c) => c.status === 'unknown');
  switch (problem?.code) {
    case 'ERR_PRESENTATION_CHALLENGE_MISMATCH':
    case 'ERR_PRESENTATION_DOMAIN_MISMATCH':
      return NEXT.newRequest;
    case 'ERR_HOLDER_BINDING':
    case 'ERR_PRESENTATION_EMPTY':
      return NEXT.shareAgain;
    case 'ERR_STATUS_REVOKED':
    case 'ERR_STATUS_SUSPENDED':
    case 'ERR_KEY_COMPROMISED':
      return NEXT.doNotRely;
    case 'ERR_CREDENTIAL_EXPIRED':
    case 'ERR_PROOF_SIGNATURE_INVALID':
    case 'ERR_ISSUER_KEY_MISMATCH':
    case 'ERR_PROOF_MISSING':
    case 'ERR_PROOF_MALFORMED':
    case 'ERR_CREDENTIAL_NOT_YET_VALID':
      return NEXT.newCopy;
    case 'ERR_SCHEMA_INVALID':
    case 'ERR_JSON_INVALID':
      return NEXT.shareAgain;
    case 'ERR_ISSUER_UNTRUSTED':
    case 'ERR_ACCREDITATION_INVALID':
    case 'ERR_KIND_NOT_ALLOWED':
    case 'ERR_STATUS_UNKNOWN':
    case 'ERR_SIGNING_TIME_UNVOUCHED':
      return hasList ? NEXT.newerTrustList : NEXT.loadTrustList;
    default:
      return verdict === 'cant-check' && !trusted ? NEXT.loadTrustList : verdict === 'not-valid' ? NEXT.newCopy : undefined;
  }
}

function report(input: InputKind, verdict: Verdict, headline: string, summary: string, next?: string, extra: Partial<CheckReport> = {}): CheckReport {
  return { input, verdict, headline, summary, ...(next ? { next } : {}), rows: [], notices: [], accreditations: [], ...extra };
}

function damaged(why: string, next: string = NEXT.shareAgain): CheckReport {
  return report('damaged', 'not-valid', '✗ This file is damaged', why, next);
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
async function parse(text: string): Promise<Parsed> {
  const trimmed = text.trim();
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
      const why = isPassportError(err) ? err.message : 'it could not be read.';
      return {
        ok: false,
        report: damaged(
          `This QR code is damaged: ${why.replace(/^[A-Z]/, (c) => c.toLowerCase())}`,
          'Ask the person to show the code again, or to share their passport file.',
        ),
      };
    }
  }
  if (/^[[{]/.test(trimmed)) {
    try {
      return { ok: true, fromQr: false, value: JSON.parse(trimmed) };
    } catch (err) {
      // A file cut short while copying, or edited by hand: it starts like JSON but is not complete.
      return { ok: false, report: damaged(`This file is damaged: it is not complete (${(err as Error).message}).`) };
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

/**
 * Without any trust list or root, a signature that holds says nothing about who issued the
 * record: the page shows that as Can't check, never as Valid.
 */
function withoutTrust(row: Row): Row {
  if (row.verdict !== 'valid') return row;
  return {
    ...row,
    verdict: 'cant-check',
    headline: `${MARK['cant-check']} ${headlineText(row.headline)}`,
    summary: 'The signature is intact; who issued it was not checked.',
    next: NEXT.loadTrustList,
  };
}

/**
 * With root keys but no trust list, an issuer no accreditation names may simply be one the page
 * was not told about (a QR code cannot carry accreditations): that is Can't check, and the
 * authority's trust list is what is missing. With the list loaded, the authority's own view says
 * the issuer is not approved: Not valid stands.
 */
function withoutList(row: Row, checks: readonly Check[], hasList: boolean): Row {
  if (hasList || row.verdict !== 'not-valid') return row;
  const failed = checks.filter((c) => c.status === 'fail');
  if (failed.length === 0 || !failed.every((c) => c.check === 'issuer-trust' && c.code === 'ERR_ISSUER_UNTRUSTED')) return row;
  return {
    ...row,
    verdict: 'cant-check',
    headline: `${MARK['cant-check']} ${headlineText(row.headline)}`,
    summary: 'The signature is intact; who issued it could not be checked without the authority’s trust list.',
    next: NEXT.loadTrustList,
  };
}

/**
 * Verifies a trust list the employer loaded: against the pinned operator keys when the page has
 * them, else against the key that signed it (and says so); never older than the one in use.
 */
async function checkTrustList(doc: Record<string, unknown>, options: CheckInputOptions): Promise<CheckReport> {
  const pinned = [...(options.trustList ? [options.trustList.operator] : []), ...(options.roots ?? [])].filter((r) => r.startsWith('did:key:'));
  const signer = typeof doc.issuer === 'string' ? doc.issuer : isObject(doc.issuer) && typeof doc.issuer.id === 'string' ? doc.issuer.id : undefined;
  const operator = pinned.length ? pinned : signer?.startsWith('did:key:') ? [signer] : [];
  if (operator.length === 0)
    return damaged('This trust list names no signing key, so it cannot be checked.', 'Ask the authority for a new copy of its trust list.');
  const result = await verifyTrustList(doc, {
    operator,
    ...(options.trustList ? { previous: options.trustList } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  if (!result.trustList) {
    const code = result.errors[0]?.code;
    const why = result.summary.replace(/^Not valid — /, '');
    const next =
      code === 'ERR_TRUST_LIST_STALE' || code === 'ERR_TRUST_LIST_ROLLBACK'
        ? 'Ask the authority for its newest trust list.'
        : code === 'ERR_TRUST_LIST_SIGNER'
          ? 'Use the trust list from the authority this page was made for.'
          : 'Ask the authority for a new copy of its trust list.';
    return report('trust-list', 'not-valid', '✗ This trust list was not loaded', why, next, { rows: [] });
  }
  const list = result.trustList;
  // Anyone can sign a list under any name: one this page cannot tie to an authority key it was
  // given (built in, or typed under Advanced) is never used to call a record Valid.
  if (pinned.length === 0) {
    return report(
      'trust-list',
      'cant-check',
      '? This trust list was not used',
      `It says it is from ${list.operatorName}, but this page has no authority key to check that against, and anyone can sign a list under any name.`,
      'Use the checker page your authority gave you, or enter the authority’s key under “Advanced” and load the list again.',
      { rows: [] },
    );
  }
  const notices: string[] = [];
  return report(
    'trust-list',
    'valid',
    `✓ Trust list of ${list.operatorName} loaded`,
    `List number ${list.sequenceNumber}, next update due ${list.nextUpdate.slice(0, 10)}. Records are now checked against it.`,
    undefined,
    {
      notices,
      trustList: list,
      rows: [],
    },
  );
}

/**
 * Checks what the employer pasted, scanned or dropped and returns the verdicts. Never throws on
 * bad input: a damaged file gives `input: 'damaged'`, "This file is damaged", why, and what to do.
 *
 * @example
 * ```ts
 * const report = await checkInput('LP1:6BFOXN…', { trustList, challenge, domain });
 * report.verdict;           // 'valid'
 * report.rows[0].headline;  // '✓ Functional Skills Maths, Level 1 — qualification from City & Guilds, …'
 * ```
 */
export async function checkInput(text: string, options: CheckInputOptions): Promise<CheckReport> {
  const parsed = await parse(text);
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
  const trusted = policy !== undefined;
  if (!trusted) notices.push('No trust list loaded: this page can check that a record is intact, not who issued it. Load the authority’s trust list.');
  const now = options.now ?? new Date();
  const trust = { ...(policy ? { policy } : {}), accreditations: [...(options.accreditations ?? [])], now };
  const finishRow = (row: Row, checks: readonly Check[]): Row => (trusted ? withoutList(row, checks, options.trustList !== undefined) : withoutTrust(row));

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
      const shown = verdictOf(result, line);
      rows.push({ ...shown, details: [], ...(shown.verdict === 'not-valid' ? { next: NEXT.newCopy } : {}) });
    }
    const good = list.filter((_, i) => intact[i]);
    const verdict = worst(rows.map((r) => r.verdict));
    return report(
      'accreditations',
      verdict,
      `${MARK[verdict]} ${good.length} of ${list.length} accreditations intact`,
      'The intact ones are used for the next checks.',
      undefined,
      { rows, accreditations: good },
    );
  }
  if (!isObject(doc)) return damaged('This file is not an entry, a passport, a presentation or a trust list.');
  const types = typesOf(doc);

  if (types.includes('LearningPassport')) {
    const { passport, problems } = readPassport(JSON.stringify(doc));
    for (const p of problems) notices.push(`Left out of the check because it is damaged: ${p.message}`);
    const result = await verifyPassport(passport, trust);
    const byCid = new Map(passport.entries.map((entry) => [entryId(entry), entry] as const));
    const rows = result.entries.map((e): Row => {
      const shown = verdictOf(e.result, byCid.has(e.cid) ? describeEntry(byCid.get(e.cid)) : e.kind, e.state);
      const next =
        e.state === 'active'
          ? nextStep(e.result.checks, shown.verdict, trusted, options.trustList !== undefined)
          : e.state === 'superseded'
            ? 'Look at the newer record in the list.'
            : NEXT.doNotRely;
      return finishRow({ ...shown, ...(next ? { next } : {}), details: detailsOf(e.result, e.cid), kind: e.kind }, e.result.checks);
    });
    const current = result.entries.filter((e) => e.state === 'active').length;
    const currentRows = rows.filter((_, i) => result.entries[i]!.state === 'active');
    const valid = currentRows.filter((r) => r.verdict === 'valid').length;
    const verdict = problems.length ? 'not-valid' : currentRows.length ? worst(currentRows.map((r) => r.verdict)) : 'cant-check';
    const others = [
      result.summary.revoked && `${result.summary.revoked} revoked`,
      result.summary.superseded && `${result.summary.superseded} replaced by newer ones`,
    ].filter(Boolean);
    const summary = `${valid} of ${current} current records valid.${others.length ? ` Also ${others.join(' and ')}.` : ''}`;
    return report('passport', verdict, `${MARK[verdict]} Learning passport: ${WORDS[verdict].toLowerCase()}`, summary, undefined, {
      rows,
      notices,
      accreditations: [...passport.accreditations],
    });
  }

  if (types.includes('VerifiablePresentation')) {
    const result = await verifyPresentation(doc, { ...trust, challenge: options.challenge, domain: options.domain });
    const rows = result.entries.map((e): Row => {
      const shown = verdictOf(e, e.description);
      const next = nextStep(e.checks, shown.verdict, trusted, options.trustList !== undefined);
      return finishRow({ ...shown, ...(next ? { next } : {}), details: e.entryId ? [`Entry id: ${e.entryId}`] : [], kind: e.kind }, e.checks);
    });
    // The presentation's own checks: the holder's signature, the request code and the website.
    const own = result.checks.filter((c) => c.status !== 'pass');
    const ownVerdict: Verdict = own.some((c) => c.status === 'fail') ? 'not-valid' : own.length ? 'cant-check' : 'valid';
    if (ownVerdict !== 'valid') {
      const problem = own.find((c) => c.status === 'fail') ?? own[0]!;
      const next = nextStep(own, ownVerdict, trusted, options.trustList !== undefined);
      rows.unshift({
        verdict: ownVerdict,
        headline: `${MARK[ownVerdict]} The sharing itself (the person’s signature, your request code and website)`,
        summary: problem.message,
        ...(next ? { next } : {}),
        details: [],
      });
    }
    const verdict = worst(rows.map((r) => r.verdict));
    const valid = rows.filter((r) => r.verdict === 'valid').length;
    const n = result.entries.length;
    const summary =
      ownVerdict === 'not-valid'
        ? 'Do not rely on this sharing.'
        : verdict === 'valid'
          ? `${n} of ${n} records checked: all valid.`
          : `${n} records checked: ${valid} valid.`;
    return report(
      'presentation',
      verdict,
      `${MARK[verdict]} Shared records: ${WORDS[verdict].toLowerCase()}`,
      summary,
      ownVerdict === 'valid' ? undefined : rows[0]!.next,
      { rows, notices },
    );
  }

  const result = await verifyCredential(doc, trust);
  const line = describeEntry(doc);
  const shown = verdictOf(result, line);
  const next = nextStep(result.checks, shown.verdict, trusted, options.trustList !== undefined);
  const row = finishRow({ ...shown, ...(next ? { next } : {}), details: detailsOf(result), ...(result.kind ? { kind: result.kind } : {}) }, result.checks);
  return report('entry', row.verdict, row.headline, row.summary, row.next, { rows: [row], notices });
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
      : `The trust list built into this page could not be used: ${result.summary.replace(/^Not valid — /, '')} Load the authority’s trust list.`,
  };
}
