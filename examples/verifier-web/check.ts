// The employer page's logic, without the page: turn whatever the employer pasted or dropped (a
// QR payload, an entry, a passport, a presentation, or the authority's accreditations) into rows
// of ✓ / ✗ / ? with plain-English text. No DOM and no network, so it runs in Node tests too.
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
import { ACCREDITATION_TYPE } from 'learning-passport/trust';
import { decodeQrPayload, QR_PREFIX } from 'learning-passport/qr';

/** ✓ every check passed, ✗ something failed, ? something could not be checked. */
export type Mark = '✓' | '✗' | '?';

/** One line of the verified list. */
export interface Row {
  mark: Mark;
  /** What the record is, in plain English (describeEntry()). */
  title: string;
  /** What verification found, in plain English ("Valid — …", "Not valid — …", "Can’t check — …"). */
  detail: string;
  /** The entry kind, when known. */
  kind?: string;
}

/** What the employer gave the page. */
export type InputKind = 'entry' | 'passport' | 'presentation' | 'accreditations' | 'invalid';

/** The outcome of {@link checkInput}. */
export interface CheckReport {
  input: InputKind;
  /** The overall mark: ✓ only when everything verified. */
  mark: Mark;
  /** One paragraph for the whole input. */
  summary: string;
  rows: Row[];
  /** Notes the employer should read (e.g. no trusted root given). */
  notices: string[];
  /** Accreditation credentials found in the input, for the page to keep for later checks. */
  accreditations: unknown[];
}

/** Options of {@link checkInput}. */
export interface CheckInputOptions {
  /** The trusted root DIDs (e.g. the national authority's). Empty: signatures only. */
  roots: readonly string[];
  /** The request code (challenge) the page showed, for presentations. */
  challenge: string;
  /** The domain the page showed, for presentations. */
  domain: string;
  /** Accreditation credentials (the authority's published file), to trust accredited issuers. */
  accreditations?: readonly unknown[];
  /** The time to check against (default now). */
  now?: Date;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const typesOf = (v: Record<string, unknown>): unknown[] => (Array.isArray(v.type) ? v.type : [v.type]);

function markOf(verified: boolean, checks: readonly Check[]): Mark {
  if (verified) return '✓';
  return checks.some((c) => c.status === 'fail') ? '✗' : '?';
}

function overall(rows: readonly Row[], own: Mark = '✓'): Mark {
  if (own === '✗' || rows.some((r) => r.mark === '✗')) return '✗';
  if (own === '?' || rows.some((r) => r.mark === '?')) return '?';
  return '✓';
}

function invalid(summary: string): CheckReport {
  return { input: 'invalid', mark: '✗', summary, rows: [], notices: [], accreditations: [] };
}

/** Splits the roots field: one DID per line, or separated by commas or spaces. */
export function parseRoots(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean))];
}

/** Reads the text as a QR payload (LP1:…) or JSON. */
async function parse(text: string): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'Nothing to check yet: paste a QR code’s text (it starts with LP1:) or choose a file.' };
  if (trimmed.toUpperCase().startsWith(QR_PREFIX)) {
    try {
      return { ok: true, value: await decodeQrPayload(QR_PREFIX + trimmed.slice(QR_PREFIX.length)) };
    } catch (err) {
      return { ok: false, message: isPassportError(err) ? err.message : 'This QR code could not be read.' };
    }
  }
  try {
    return { ok: true, value: JSON.parse(trimmed) };
  } catch {
    return {
      ok: false,
      message: 'This is not something the page can check. Paste the text of a learning-passport QR code (it starts with LP1:), or choose an entry, passport or presentation file (.json).',
    };
  }
}

function isAccreditation(v: unknown): boolean {
  return isObject(v) && typesOf(v).includes(ACCREDITATION_TYPE);
}

/**
 * Checks what the employer pasted or dropped and returns the verified list.
 * Never throws on bad input: a bad paste gives `input: 'invalid'` and a message to show.
 *
 * @example
 * ```ts
 * const report = await checkInput('LP1:6BFOXN…', { roots: [authorityDid], challenge, domain, accreditations });
 * report.rows[0]; // { mark: '✓', title: 'Functional Skills Maths, Level 1 — qualification from …', detail: 'Valid — …' }
 * ```
 */
export async function checkInput(text: string, options: CheckInputOptions): Promise<CheckReport> {
  const parsed = await parse(text);
  if (!parsed.ok) return invalid(parsed.message);
  const doc = parsed.value;
  const roots = [...new Set(options.roots.map((r) => r.trim()).filter(Boolean))];
  const notices: string[] = [];
  let policy: TrustPolicy | undefined;
  if (roots.length > 0) {
    try {
      policy = createTrustPolicy({ roots });
    } catch (err) {
      return invalid(`A trusted root is not valid: ${(err as Error).message} Give each root as a did:key, one per line.`);
    }
  } else {
    notices.push('No trusted root given: ✓ means the record is intact and signed by the key it names, not that the issuer is approved. Add the authority’s root to check who issued it.');
  }
  const now = options.now ?? new Date();
  const accreditations = [...(options.accreditations ?? [])];
  const trust = { ...(policy ? { policy } : {}), accreditations, now };

  // The authority's accreditations file: one accreditation, or a list of them.
  const list = Array.isArray(doc) ? doc : [doc];
  if (list.length > 0 && list.every(isAccreditation)) {
    const rows: Row[] = [];
    for (const item of list) {
      const result = await verifyCredential(item, { now });
      const subject = (item as { credentialSubject?: { displayName?: string; role?: string; kinds?: string[] } }).credentialSubject ?? {};
      rows.push({
        mark: markOf(result.verified, result.checks),
        title: `Accreditation: ${subject.displayName ?? 'an issuer'}${subject.role ? ` (${subject.role})` : ''}${Array.isArray(subject.kinds) ? ` for ${subject.kinds.join(', ')}` : ''}`,
        detail: result.summary,
      });
    }
    const good = list.filter((_, i) => rows[i]!.mark === '✓');
    return {
      input: 'accreditations',
      mark: overall(rows),
      summary: `${good.length} of ${list.length} accreditations are intact; they will be used for the next checks.`,
      rows,
      notices: [],
      accreditations: good,
    };
  }
  if (!isObject(doc)) return invalid('This file is not an entry, a passport or a presentation.');
  const types = typesOf(doc);

  if (types.includes('LearningPassport')) {
    const { passport, problems } = readPassport(JSON.stringify(doc));
    for (const p of problems) notices.push(`Left out of the check: ${p.message}`);
    const report = await verifyPassport(passport, trust);
    const byCid = new Map(passport.entries.map((entry) => [entryId(entry), entry] as const));
    const rows = report.entries.map((e): Row => {
      const state = e.state === 'active' ? '' : ` (${e.state})`;
      return { mark: markOf(e.result.verified, e.result.checks), title: `${byCid.has(e.cid) ? describeEntry(byCid.get(e.cid)) : e.kind}${state}`, detail: e.result.summary, kind: e.kind };
    });
    return { input: 'passport', mark: report.verified ? '✓' : overall(rows, '?'), summary: report.summary.message, rows, notices, accreditations: [...passport.accreditations] };
  }

  if (types.includes('VerifiablePresentation')) {
    const result = await verifyPresentation(doc, { ...trust, challenge: options.challenge, domain: options.domain });
    const rows = result.entries.map((e): Row => ({ mark: markOf(e.verified, e.checks), title: e.description, detail: e.summary, kind: e.kind }));
    const own = markOf(result.checks.every((c) => c.status === 'pass'), result.checks);
    if (own !== '✓') {
      const problem = result.checks.find((c) => c.status === 'fail') ?? result.checks.find((c) => c.status !== 'pass');
      rows.unshift({ mark: own, title: 'The presentation itself (the holder’s signature, your request code and domain)', detail: problem?.message ?? result.summary });
    }
    return { input: 'presentation', mark: result.verified ? '✓' : overall(rows, own), summary: result.summary, rows, notices, accreditations: [] };
  }

  const result = await verifyCredential(doc, trust);
  const row: Row = { mark: markOf(result.verified, result.checks), title: describeEntry(doc), detail: result.summary, ...(result.kind ? { kind: result.kind } : {}) };
  return { input: 'entry', mark: row.mark, summary: result.summary, rows: [row], notices, accreditations: [] };
}
