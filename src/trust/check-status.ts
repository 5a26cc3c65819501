// Checks an entry's credentialStatus against a status list snapshot (carried in the passport or
// supplied by the verifier) or, only when the caller passed a fetch function, a fetched list.
// W3C Bitstring Status List v1.0 §3.2 "Validate Algorithm", returning results, never throwing.
import { dateTimeStampInstant } from '../internal/time.js';
import { isPassportError, type PassportErrorCode } from '../errors.js';
import { isPlainObject, snapshotJson } from '../internal/json.js';
import { verifyEddsaJcsProof } from '../proof/verify-proof.js';
import { CheckList } from '../result.js';
import type { ByteBudget } from '../internal/streams.js';
import { keyCompromisedSince } from './resolve-chain.js';
import { decodeStatusListWithin, getStatus, MAX_STATUS_LIST_BYTES_PER_VERIFICATION, type StatusList } from './status-list.js';
import { contextInternals, type TrustContext } from './trust-context.js';
import { plainAge, plainDay } from './util.js';

/**
 * What was found for one credentialStatus entry.
 *
 * @example
 * ```ts
 * const [report] = (await evaluateTrust(entry, { policy, statusLists })).status;
 * report?.state; // 'clear'
 * ```
 */
export interface StatusReport {
  purpose: string;
  listUrl?: string;
  index?: number;
  /** `set` = revoked / suspended; `clear` = not; `unknown` = could not check. */
  state: 'set' | 'clear' | 'unknown';
  /** When the list used was last updated (its proof time), as a date-time. */
  updated?: string;
  /** Its age in milliseconds at the time of the check. */
  ageMs?: number;
  message: string;
}

interface VerifiedList {
  issuer: string;
  updated: number;
  validFrom: number;
  validUntil?: number;
  purposes: string[];
  /** The bits, decompressed on first use only: a copy nobody needs is never inflated. */
  load: () => Promise<StatusList | Unusable>;
}

interface Unusable {
  code: PassportErrorCode;
  message: string;
}

// Decompressed status-list bytes each verification (trust context) may still spend: hostile
// passports carry many small copies of lists that inflate to 16 MiB each.
const budgets = new WeakMap<TrustContext, ByteBudget>();
function budgetOf(context: TrustContext): ByteBudget {
  let budget = budgets.get(context);
  if (!budget) budgets.set(context, (budget = { remaining: MAX_STATUS_LIST_BYTES_PER_VERIFICATION }));
  return budget;
}

type Loaded = { lists: VerifiedList[]; problems: string[] };

async function verifyList(
  raw: unknown,
  url: string,
  now: number,
  clockTolerance: number,
  budget: ByteBudget,
  decodedByText: Map<string, Promise<StatusList | Unusable>>,
): Promise<VerifiedList | string> {
  const snap = snapshotJson(raw);
  if (!snap.ok || !isPlainObject(snap.value)) return 'it is not a JSON object';
  const doc = snap.value as Record<string, unknown>;
  if (doc.id !== url) return 'it has a different id';
  const types = Array.isArray(doc.type) ? doc.type : [doc.type];
  const subject = doc.credentialSubject;
  if (
    !types.includes('BitstringStatusListCredential') ||
    !isPlainObject(subject) ||
    subject.type !== 'BitstringStatusList' ||
    typeof subject.encodedList !== 'string'
  ) {
    return 'it is not a BitstringStatusListCredential';
  }
  const issuer = isPlainObject(doc.issuer) ? doc.issuer.id : doc.issuer;
  if (typeof issuer !== 'string') return 'it has no issuer';
  const validFrom = dateTimeStampInstant(doc.validFrom);
  const validUntil = doc.validUntil === undefined ? undefined : dateTimeStampInstant(doc.validUntil);
  if ((doc.validFrom !== undefined && validFrom === undefined) || (doc.validUntil !== undefined && validUntil === undefined)) return 'its dates are not valid';
  const checks = new CheckList();
  const proof = await verifyEddsaJcsProof(doc, checks, { now: new Date(now), clockTolerance });
  if (!proof.valid) return `its signature does not verify (${checks.firstProblem?.message ?? 'unknown reason'})`;
  if (proof.controller !== issuer) return 'it was not signed by its issuer';
  const updated = (proof.created !== undefined ? dateTimeStampInstant(proof.created) : undefined) ?? validFrom;
  if (updated === undefined) return 'it carries no date, so its age is unknown';
  const encodedList = subject.encodedList;
  // Copies with the same bits (the usual case: many copies of one list) are inflated once.
  const load = (): Promise<StatusList | Unusable> => {
    let decoded = decodedByText.get(encodedList);
    if (!decoded) {
      decoded = decodeStatusListWithin(encodedList, { budget }).catch((err: unknown): Unusable => ({
        // Past the per-verification budget the list may be fine: the verifier ran out, not the issuer.
        code: isPassportError(err, 'ERR_LIMIT_EXCEEDED') && err.message.includes('budget') ? 'ERR_LIMIT_EXCEEDED' : 'ERR_STATUS_LIST_INVALID',
        message: isPassportError(err) ? `its list is unusable: ${err.message}` : 'its list is unusable',
      }));
      decodedByText.set(encodedList, decoded);
    }
    return decoded;
  };
  const purposes = (Array.isArray(subject.statusPurpose) ? subject.statusPurpose : [subject.statusPurpose]).filter((p): p is string => typeof p === 'string');
  return { issuer, updated, validFrom: validFrom ?? updated, ...(validUntil !== undefined ? { validUntil } : {}), purposes, load };
}

async function loadLists(context: TrustContext, url: string, now: number): Promise<Loaded> {
  const inner = contextInternals(context);
  const cached = inner.statusCache.get(url);
  if (cached) return cached as Promise<Loaded>;
  const work = (async (): Promise<Loaded> => {
    const candidates: unknown[] = inner.statusLists.filter((l) => isPlainObject(l) && l.id === url);
    const problems: string[] = [];
    const decodedByText = new Map<string, Promise<StatusList | Unusable>>();
    // The context's own fetch, then any a call added (contextWith): every answer is a candidate.
    for (const fetchStatusList of inner.fetchers) {
      try {
        candidates.push(await fetchStatusList(url));
      } catch {
        problems.push(`fetching ${url} failed`);
      }
    }
    const lists: VerifiedList[] = [];
    for (const c of candidates) {
      const v = await verifyList(c, url, now, context.policy.clockTolerance, budgetOf(context), decodedByText);
      if (typeof v === 'string') problems.push(`a copy of ${url} was not used: ${v}`);
      else lists.push(v);
    }
    return { lists, problems };
  })();
  inner.statusCache.set(url, work);
  return work;
}

interface Outcome {
  status: 'pass' | 'fail' | 'unknown';
  code?: PassportErrorCode;
  report: StatusReport;
}

async function checkOne(context: TrustContext, entry: unknown, issuer: string, now: number, maxAgeMs: number | undefined): Promise<Outcome | undefined> {
  const unknown = (purpose: string, message: string, code: PassportErrorCode = 'ERR_STATUS_UNKNOWN', extra: Partial<StatusReport> = {}): Outcome => ({
    status: 'unknown',
    code,
    report: { purpose, state: 'unknown', message, ...extra },
  });
  if (!isPlainObject(entry)) return unknown('unknown', 'A status entry is not an object, so the status cannot be checked.');
  const purpose = typeof entry.statusPurpose === 'string' ? entry.statusPurpose : 'unknown';
  if (entry.type !== 'BitstringStatusListEntry') return unknown(purpose, `The status uses "${String(entry.type)}", which this verifier cannot check.`);
  // "refresh" and "message" say nothing about validity (Bitstring Status List §2.1).
  if (purpose === 'refresh' || purpose === 'message') return undefined;
  if (purpose !== 'revocation' && purpose !== 'suspension') return unknown(purpose, `The status purpose "${purpose}" is not one this verifier checks.`);
  if (entry.statusSize !== undefined && entry.statusSize !== 1 && entry.statusSize !== '1')
    return unknown(purpose, 'The status uses several bits per entry, which this verifier does not support.');
  const url = entry.statusListCredential;
  const indexText = entry.statusListIndex;
  if (typeof url !== 'string' || typeof indexText !== 'string' || !/^(0|[1-9]\d{0,15})$/.test(indexText) || !Number.isSafeInteger(Number(indexText))) {
    return unknown(purpose, 'The status entry lacks a list URL or a valid index.', 'ERR_STATUS_LIST_INVALID');
  }
  const index = Number(indexText);
  const where = { listUrl: url, index };
  const { lists, problems } = await loadLists(context, url, now);
  const mine = lists.filter((l) => l.issuer === issuer);
  if (mine.length === 0) {
    if (lists.length > 0)
      return unknown(
        purpose,
        `The ${purpose} list ${url} was signed by someone other than the entry's issuer, so it cannot be relied on.`,
        'ERR_STATUS_LIST_INVALID',
        where,
      );
    if (problems.length > 0) return unknown(purpose, `The ${purpose} status could not be checked: ${problems[0]}.`, 'ERR_STATUS_LIST_INVALID', where);
    return unknown(purpose, `The ${purpose} status could not be checked: no copy of the status list ${url} is available offline.`, 'ERR_STATUS_UNKNOWN', where);
  }
  // Times are bounded: a copy claiming to be from the future (a stolen key's "created: 9999-…")
  // never counts, so it cannot beat the genuine newer copy.
  const tol = context.policy.clockTolerance * 1000;
  const timely = mine.filter((l) => l.updated <= now + tol);
  if (timely.length === 0)
    return unknown(
      purpose,
      `The ${purpose} list ${url} claims to have been signed in the future, so it cannot be relied on.`,
      'ERR_STATUS_LIST_INVALID',
      where,
    );
  // A key reported compromised can sign a list with any date before the compromise, and
  // nothing but that key vouches for the date: its lists can neither clear nor set a status.
  const compromised = keyCompromisedSince(context, issuer);
  if (compromised !== undefined) {
    return unknown(
      purpose,
      `The key that signs the ${purpose} list ${url} was reported compromised from ${plainDay(compromised)}, so its lists cannot be relied on.`,
      'ERR_STATUS_UNKNOWN',
      where,
    );
  }
  // Revocation is permanent (Bitstring Status List §2.1): a copy showing the bit set wins over
  // any copy, however new, that shows it clear. Otherwise the newest copy wins. Copies are
  // decompressed newest first, only until one shows the bit set, within the byte budget.
  const newest = timely.reduce((a, b) => (b.updated > a.updated ? b : a));
  let list = newest;
  let bits: StatusList | Unusable | undefined;
  if (purpose === 'revocation') {
    for (const copy of [...timely].sort((a, b) => b.updated - a.updated)) {
      if (!copy.purposes.includes(purpose)) continue;
      const loaded = await copy.load();
      if (copy === newest) bits = loaded;
      if ('bits' in loaded && index < loaded.length && getStatus(loaded, index)) {
        list = copy;
        bits = loaded;
        break;
      }
    }
  }
  const updated = new Date(list.updated).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const ageMs = Math.max(0, now - list.updated);
  const dated = { ...where, updated, ageMs };
  const age = `status last updated ${plainAge(ageMs)} ago`;
  if (!list.purposes.includes(purpose)) return unknown(purpose, `The list ${url} is not a ${purpose} list.`, 'ERR_STATUS_LIST_INVALID', dated);
  // Decompressed only now: signed by the entry's issuer, and the copy that is used.
  bits ??= await list.load();
  if (!('bits' in bits)) return unknown(purpose, `The ${purpose} status could not be checked: ${bits.message}.`, bits.code, dated);
  if (index >= bits.length) return unknown(purpose, `The status index ${index} is outside the list ${url}.`, 'ERR_STATUS_LIST_INVALID', dated);
  if (getStatus(bits, index)) {
    const code: PassportErrorCode = purpose === 'revocation' ? 'ERR_STATUS_REVOKED' : 'ERR_STATUS_SUSPENDED';
    const what = purpose === 'revocation' ? 'revoked' : 'suspended';
    return { status: 'fail', code, report: { purpose, state: 'set', message: `The issuer has ${what} it (${age}).`, ...dated } };
  }
  if (list.validUntil !== undefined && list.validUntil < now) {
    return unknown(
      purpose,
      `The ${purpose} list expired on ${plainDay(list.validUntil)}, so it cannot show the current status (${age}).`,
      'ERR_STATUS_UNKNOWN',
      dated,
    );
  }
  if (maxAgeMs !== undefined && ageMs > maxAgeMs) {
    return unknown(
      purpose,
      `The ${purpose} list is too old to rely on (${age}; this verifier accepts up to ${plainAge(maxAgeMs)}).`,
      'ERR_STATUS_UNKNOWN',
      dated,
    );
  }
  return { status: 'pass', report: { purpose, state: 'clear', message: `Not ${purpose === 'revocation' ? 'revoked' : 'suspended'} (${age}).`, ...dated } };
}

/** @internal Adds the `status` check for `document` to `checks` and returns what was found. */
export async function checkStatus(
  context: TrustContext,
  document: Record<string, unknown>,
  issuer: string,
  now: number,
  checks: CheckList,
  maxAgeMs?: number,
): Promise<StatusReport[]> {
  const raw = document.credentialStatus;
  if (raw === undefined) {
    checks.pass('status', 'The issuer publishes no status list for it; any withdrawal would be a signed revocation entry.');
    return [];
  }
  const entries = (Array.isArray(raw) ? raw : [raw]).slice(0, 16);
  if (entries.length === 0) {
    checks.pass('status', 'The issuer publishes no status list for it.');
    return [];
  }
  const outcomes = (await Promise.all(entries.map((e) => checkOne(context, e, issuer, now, maxAgeMs)))).filter((o): o is Outcome => o !== undefined);
  const reports = outcomes.map((o) => o.report);
  const failed = outcomes.find((o) => o.status === 'fail');
  const unknown = outcomes.find((o) => o.status === 'unknown');
  if (failed) checks.fail('status', failed.code!, failed.report.message);
  else if (unknown) checks.unknown('status', unknown.code!, unknown.report.message);
  else if (outcomes.length === 0) checks.pass('status', 'The status entries carry no revocation or suspension status.');
  else checks.pass('status', outcomes.map((o) => o.report.message).join(' '));
  return reports;
}
