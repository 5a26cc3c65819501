// Everything a verifier needs to judge issuers, prepared once: the policy, the accreditations
// and their revocations (signature-checked here, before any use), checkpoints and status lists.
// Passport verification builds one context and evaluates every entry against it.
import { isPlainObject, snapshotJson } from '../internal/json.js';
import { assertDate, dateTimeStampInstant, isDateTimeStamp } from '../internal/time.js';
import { ISSUER_ROLES, type IssuerRole } from '../keys/types.js';
import { verifyEddsaJcsProof } from '../proof/verify-proof.js';
import { entryId } from '../entries/entry-id.js';
import { CheckList } from '../result.js';
import { PassportError, type PassportErrorCode } from '../errors.js';
import { ACCREDITATION_TYPE } from './accredit-issuer.js';
import { checkpointsFromEntries } from './checkpoints-from-entries.js';
import { DEFAULT_MAX_STATUS_AGE, isTrustPolicy, type TrustPolicy } from './create-trust-policy.js';
import { ACCREDITATION_REVOCATION_TYPE } from './revoke-accreditation.js';
import { TRUST_CAPABILITIES, TRUST_KINDS, type TrustCapability, type TrustKind } from './rules.js';
import type { TrustCheckpoint } from './types.js';
import { tryDid } from './util.js';

export type { TrustCheckpoint } from './types.js';

/**
 * Fetches a status list credential by URL (online use only; verification never fetches unless given one).
 *
 * @example
 * ```ts
 * const fetchStatusList: FetchStatusList = async (url) => (await fetch(url)).json();
 * ```
 */
export type FetchStatusList = (url: string) => Promise<unknown>;

/**
 * Input of {@link createTrustContext}.
 *
 * @example
 * ```ts
 * const input: TrustContextInput = { policy, accreditations: passport.accreditations, statusLists: passport.statusLists };
 * const context = await createTrustContext(input);
 * ```
 */
export interface TrustContextInput {
  policy: TrustPolicy;
  /** Accreditation and accreditation-revocation credentials (from the passport and/or the verifier). */
  accreditations?: readonly unknown[];
  /** Verified checkpoints (kind `checkpoint` entries), used to accept entries signed before a compromise. */
  checkpoints?: readonly TrustCheckpoint[];
  /** A passport's entries: the checkpoints among them are verified and used too. */
  entries?: readonly unknown[];
  /** Status list credentials: snapshots carried in the passport or supplied by the verifier. */
  statusLists?: readonly unknown[];
  /** Optional online fetch for status lists (off by default). */
  fetchStatusList?: FetchStatusList;
  /** The time to check proof expiry against (default: policy.now, else now). */
  now?: Date;
}

/**
 * An accreditation (or revocation) that was not accepted, and why.
 *
 * @example
 * ```ts
 * for (const r of context.rejected) console.warn(r.code, r.reason);
 * ```
 */
export interface RejectedAccreditation {
  id?: string;
  code: PassportErrorCode;
  reason: string;
}

/**
 * Prepared trust inputs, made by {@link createTrustContext}.
 *
 * @example
 * ```ts
 * const context: TrustContext = await createTrustContext({ policy, accreditations });
 * ```
 */
export interface TrustContext {
  readonly type: 'TrustContext';
  readonly policy: TrustPolicy;
  /** How many accreditations and revocations passed their signature and shape checks. */
  readonly accepted: number;
  /** Those that did not, with plain reasons. They are never used. */
  readonly rejected: readonly RejectedAccreditation[];
}

/** @internal An accreditation whose signature and shape were checked. */
export interface Accreditation {
  id: string;
  issuer: string;
  subject: string;
  organisation: string;
  role: IssuerRole;
  kinds: ReadonlySet<string>;
  capabilities: ReadonlySet<TrustCapability>;
  accreditRoles?: ReadonlySet<IssuerRole>;
  /** With `accredit`: the organisations it may vouch for (default: its own). */
  organisations?: readonly string[];
  displayName: string;
  validFrom: number;
  validUntil?: number;
  /** proof.created, else validFrom: the moment the accreditor claims to have signed. */
  signedAt: number;
  /** Its CID (as entryId computes it), so a checkpoint can vouch for when it existed. */
  cid: () => string | undefined;
}

/** @internal A revocation whose signature and shape were checked. */
export interface AccreditationRevocation {
  id: string;
  issuer: string;
  accreditation?: string;
  did?: string;
  organisation?: string;
  compromisedSince?: number;
  /** The key that replaces the ended one: a planned rotation (see revokeAccreditation). */
  replacedBy?: string;
  effective: number;
  reason: string;
}

/** @internal */
export interface ContextInternals {
  accreditations: Accreditation[];
  revocations: AccreditationRevocation[];
  checkpoints: { issuer: string; at: number; cids: ReadonlySet<string> }[];
  statusLists: unknown[];
  fetchStatusList?: FetchStatusList;
  /** Status list verification results by URL, shared by every entry evaluated in this context. */
  statusCache: Map<string, Promise<unknown>>;
  /** Accreditations by subject DID. */
  bySubject: Map<string, Accreditation[]>;
  /** Revocations by what they name: `id <accreditation id>` or `did <key>`. */
  revocationsByTarget: Map<string, AccreditationRevocation[]>;
  /** Chain resolutions already made (key: did, moment, links), so hostile graphs stay cheap. */
  grantMemo: Map<string, unknown>;
  /** The time the context judges "has this accreditation ended yet" against (ms). */
  now: number;
}

const internals = new WeakMap<object, ContextInternals>();

/** @internal */
export function contextInternals(context: TrustContext): ContextInternals {
  const found = internals.get(context);
  if (!found) throw new TypeError('"context" must come from createTrustContext()');
  return found;
}

/**
 * True when `value` is a context made by {@link createTrustContext}.
 *
 * @example
 * ```ts
 * isTrustContext(await createTrustContext({ policy })); // true
 * ```
 */
export function isTrustContext(value: unknown): value is TrustContext {
  return typeof value === 'object' && value !== null && internals.has(value);
}

/** Most accreditation credentials considered (a passport carries a handful). */
const MAX_ACCREDITATIONS = 10_000;

/** Most status list credentials considered by one context. */
const MAX_STATUS_LISTS = 10_000;

const URL_LIKE = /^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$/;

function stringSet<T extends string>(value: unknown, allowed: readonly T[]): Set<T> | undefined {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return undefined;
  // Unknown kinds from a newer version are ignored rather than failing the whole accreditation.
  return new Set(value.filter((v): v is T => (allowed as readonly string[]).includes(v)));
}

type Parsed = { accreditation: Accreditation } | { revocation: AccreditationRevocation } | { rejected: RejectedAccreditation };

async function readOne(raw: unknown, now: Date, clockTolerance: number): Promise<Parsed> {
  const snap = snapshotJson(raw);
  if (!snap.ok || !isPlainObject(snap.value)) return { rejected: { code: 'ERR_ACCREDITATION_INVALID', reason: 'It is not a JSON object.' } };
  const doc = snap.value as Record<string, unknown>;
  const id = typeof doc.id === 'string' && URL_LIKE.test(doc.id) ? doc.id : undefined;
  const reject = (reason: string, code: PassportErrorCode = 'ERR_ACCREDITATION_INVALID'): Parsed => ({ rejected: { ...(id ? { id } : {}), code, reason } });
  const types = Array.isArray(doc.type) ? doc.type : [doc.type];
  const isAccreditation = types.includes(ACCREDITATION_TYPE);
  const isRevocation = types.includes(ACCREDITATION_REVOCATION_TYPE);
  if (!types.includes('VerifiableCredential') || isAccreditation === isRevocation) return reject('It is not an accreditation or an accreditation revocation.');
  if (!id) return reject('It has no id.');
  const issuerValue = isPlainObject(doc.issuer) ? doc.issuer.id : doc.issuer;
  const issuer = tryDid(issuerValue);
  if (!issuer || issuer !== issuerValue) return reject('Its issuer is not a did:key.');
  const validFrom = dateTimeStampInstant(doc.validFrom);
  if (validFrom === undefined) return reject('It has no valid "validFrom" date.');
  const validUntil = doc.validUntil === undefined ? undefined : dateTimeStampInstant(doc.validUntil);
  if (doc.validUntil !== undefined && (validUntil === undefined || validUntil < validFrom)) return reject('Its "validUntil" date is not valid.');
  const subject = doc.credentialSubject;
  if (!isPlainObject(subject)) return reject('It has no credentialSubject object.');

  // Signature first: nothing from an unsigned or forged document is ever used.
  const checks = new CheckList();
  const proof = await verifyEddsaJcsProof(doc, checks, { now, clockTolerance });
  if (!proof.valid)
    return reject(
      `Its signature does not verify: ${checks.firstProblem?.message ?? 'unknown reason'}`,
      checks.firstProblem?.code ?? 'ERR_PROOF_SIGNATURE_INVALID',
    );
  if (proof.controller !== issuer) return reject('It was signed with a key that is not its issuer’s.', 'ERR_ISSUER_KEY_MISMATCH');
  const signedAt = (proof.created !== undefined ? dateTimeStampInstant(proof.created) : undefined) ?? validFrom;

  if (isRevocation) {
    const did = subject.id === undefined ? undefined : tryDid(subject.id);
    if (subject.id !== undefined && did !== subject.id) return reject('Its subject id is not a did:key.');
    const accreditation = typeof subject.accreditation === 'string' ? subject.accreditation : undefined;
    if (!did && !accreditation) return reject('It names neither an accreditation nor a key.');
    if (subject.compromisedSince !== undefined && !isDateTimeStamp(subject.compromisedSince)) return reject('Its "compromisedSince" date is not valid.');
    const compromisedSince = dateTimeStampInstant(subject.compromisedSince);
    const replacedBy = subject.replacedBy === undefined ? undefined : tryDid(subject.replacedBy);
    if (subject.replacedBy !== undefined && replacedBy !== subject.replacedBy) return reject('Its "replacedBy" is not a did:key.');
    return {
      revocation: {
        id,
        issuer,
        ...(accreditation ? { accreditation } : {}),
        ...(did ? { did } : {}),
        ...(typeof subject.organisation === 'string' ? { organisation: subject.organisation } : {}),
        ...(compromisedSince !== undefined ? { compromisedSince } : {}),
        ...(replacedBy ? { replacedBy } : {}),
        effective: validFrom,
        reason: typeof subject.reason === 'string' ? subject.reason.slice(0, 500) : 'no reason given',
      },
    };
  }

  const did = tryDid(subject.id);
  if (!did || did !== subject.id) return reject('Its subject is not a did:key.');
  if (typeof subject.organisation !== 'string' || subject.organisation === '') return reject('It names no organisation.');
  if (!(ISSUER_ROLES as readonly unknown[]).includes(subject.role)) return reject('It names an unknown role.');
  const kinds = stringSet<TrustKind>(subject.kinds, TRUST_KINDS);
  if (!kinds) return reject('Its "kinds" is not a list of entry kinds.');
  const capabilities = subject.capabilities === undefined ? new Set<TrustCapability>() : stringSet(subject.capabilities, TRUST_CAPABILITIES);
  if (!capabilities) return reject('Its "capabilities" is not a list.');
  const accreditRoles = subject.accreditRoles === undefined ? undefined : stringSet<IssuerRole>(subject.accreditRoles, ISSUER_ROLES);
  if (subject.accreditRoles !== undefined && !accreditRoles) return reject('Its "accreditRoles" is not a list of roles.');
  const organisations = subject.organisations;
  if (organisations !== undefined && (!Array.isArray(organisations) || !organisations.every((o) => typeof o === 'string' && o !== '' && o.length <= 500))) {
    return reject('Its "organisations" is not a list of organisation ids.');
  }
  let cid: string | undefined | null = null;
  const profile = subject.displayProfile;
  const displayName =
    isPlainObject(profile) && typeof profile.name === 'string' && profile.name.trim() !== '' ? profile.name.slice(0, 200) : subject.organisation;
  return {
    accreditation: {
      id,
      issuer,
      subject: did,
      organisation: subject.organisation,
      role: subject.role as IssuerRole,
      kinds,
      capabilities,
      ...(accreditRoles ? { accreditRoles } : {}),
      ...(organisations !== undefined ? { organisations: Object.freeze([...(organisations as string[])]) } : {}),
      displayName,
      validFrom,
      ...(validUntil !== undefined ? { validUntil } : {}),
      signedAt,
      cid: () => {
        if (cid === null) {
          try {
            cid = entryId(doc);
          } catch {
            cid = undefined;
          }
        }
        return cid;
      },
    },
  };
}

/**
 * Prepares trust inputs once for many evaluations: checks the signature and shape of every
 * accreditation and accreditation revocation (rejected ones are listed with reasons and never
 * used) and indexes checkpoints and status lists. Pass the result to `evaluateTrust` and
 * {@link mayActOnEntry}.
 *
 * @throws {TypeError} when `policy` is not from createTrustPolicy() or the lists are not arrays; {PassportError} ERR_JSON_INVALID when the input cannot be read (a throwing getter or proxy). Unreadable list items are rejected, never thrown
 * @example
 * ```ts
 * const context = await createTrustContext({ policy, accreditations: passport.accreditations });
 * context.rejected; // [{ id, code: 'ERR_PROOF_SIGNATURE_INVALID', reason: '…' }]
 * const trust = await evaluateTrust(entry, { context });
 * ```
 */
export async function createTrustContext(input: TrustContextInput): Promise<TrustContext> {
  // The caller's objects may be proxies or carry throwing getters: everything is read once,
  // here, and anything that cannot be read is a coded error (or, for list items, a rejection).
  const read = readInput(input);
  const { policy, now, cps } = read;
  if (read.entries !== undefined) {
    for (const cp of await checkpointsFromEntries(read.entries, { now }))
      cps.push({ issuer: cp.issuer, at: dateTimeStampInstant(cp.at)!, cids: new Set(cp.cids) });
  }
  // A policy made from a trust list brings the list's material to every verification under it.
  const list = policy.trustList;
  const accreditations = [...(list?.accreditations ?? []), ...(list?.revocations ?? []), ...read.accreditations];
  const givenStatusLists = [...(list?.statusLists ?? []), ...read.statusLists];
  const parsed = await Promise.all(accreditations.slice(0, MAX_ACCREDITATIONS).map((a) => readOne(a, now, policy.clockTolerance)));
  const rejected: RejectedAccreditation[] = [];
  const statusLists: unknown[] = [];
  if (givenStatusLists.length > MAX_STATUS_LISTS) {
    rejected.push({ code: 'ERR_LIMIT_EXCEEDED', reason: `Only the first ${MAX_STATUS_LISTS} status lists were considered.` });
  }
  for (const item of givenStatusLists.slice(0, MAX_STATUS_LISTS)) {
    const snap = snapshotJson(item);
    if (snap.ok && isPlainObject(snap.value)) statusLists.push(snap.value);
    else
      rejected.push({
        code: snap.ok ? 'ERR_STATUS_LIST_INVALID' : snap.limit ? 'ERR_LIMIT_EXCEEDED' : 'ERR_JSON_INVALID',
        reason: 'A status list could not be read as a JSON object.',
      });
  }
  const inner: ContextInternals = {
    accreditations: [],
    revocations: [],
    checkpoints: cps,
    statusLists,
    ...(read.fetchStatusList ? { fetchStatusList: read.fetchStatusList } : {}),
    statusCache: new Map(),
    bySubject: new Map(),
    revocationsByTarget: new Map(),
    grantMemo: new Map(),
    now: now.getTime() + policy.clockTolerance * 1000,
  };
  if (accreditations.length > MAX_ACCREDITATIONS) {
    rejected.push({ code: 'ERR_LIMIT_EXCEEDED', reason: `Only the first ${MAX_ACCREDITATIONS} accreditations were considered.` });
  }
  const seen = new Set<string>();
  for (const p of parsed) {
    if ('rejected' in p) rejected.push(p.rejected);
    else if ('accreditation' in p) {
      const key = `${p.accreditation.issuer} ${p.accreditation.id} ${p.accreditation.subject}`;
      if (!seen.has(key)) {
        inner.accreditations.push(p.accreditation);
        const list = inner.bySubject.get(p.accreditation.subject) ?? [];
        list.push(p.accreditation);
        inner.bySubject.set(p.accreditation.subject, list);
      }
      seen.add(key);
    } else {
      const r = p.revocation;
      inner.revocations.push(r);
      const target = r.accreditation !== undefined ? `id ${r.accreditation}` : `did ${r.did}`;
      inner.revocationsByTarget.set(target, [...(inner.revocationsByTarget.get(target) ?? []), r]);
    }
  }
  const context: TrustContext = Object.freeze({
    type: 'TrustContext' as const,
    policy,
    accepted: inner.accreditations.length + inner.revocations.length,
    rejected: Object.freeze(rejected),
  });
  internals.set(context, inner);
  return context;
}

const statusOnly = new WeakSet<TrustContext>();

/**
 * @internal A context for status checks alone, when the verifier has no trust policy: the
 * status lists given (or fetched) are used exactly as under a policy, each only when signed by
 * the entry's own issuer key (checked per entry), and no issuer is judged. An issuer's own signed
 * list saying "revoked" must count whether or not the verifier has a policy.
 */
export function createStatusContext(input: {
  statusLists?: readonly unknown[];
  fetchStatusList?: FetchStatusList;
  now: Date;
  clockTolerance: number;
  maxStatusAge?: number;
}): TrustContext {
  const statusLists: unknown[] = [];
  const given = listOf(input.statusLists, 'statusLists', MAX_STATUS_LISTS);
  for (const item of given) {
    const snap = snapshotJson(item);
    if (snap.ok && isPlainObject(snap.value)) statusLists.push(snap.value);
  }
  if (input.fetchStatusList !== undefined && typeof input.fetchStatusList !== 'function') throw mistake('"fetchStatusList" must be a function');
  const policy = Object.freeze({
    type: 'TrustPolicy',
    roots: Object.freeze([]),
    clockTolerance: input.clockTolerance,
    maxStatusAge: input.maxStatusAge ?? DEFAULT_MAX_STATUS_AGE,
  }) as unknown as TrustPolicy;
  const context: TrustContext = Object.freeze({ type: 'TrustContext' as const, policy, accepted: 0, rejected: Object.freeze([]) });
  internals.set(context, {
    accreditations: [],
    revocations: [],
    checkpoints: [],
    statusLists,
    ...(input.fetchStatusList ? { fetchStatusList: input.fetchStatusList } : {}),
    statusCache: new Map(),
    bySubject: new Map(),
    revocationsByTarget: new Map(),
    grantMemo: new Map(),
    now: input.now.getTime() + input.clockTolerance * 1000,
  });
  statusOnly.add(context);
  return context;
}

/** @internal True for a context made by {@link createStatusContext} (it judges no issuer). */
export function isStatusContext(context: unknown): boolean {
  return typeof context === 'object' && context !== null && statusOnly.has(context as TrustContext);
}

/** Caller mistakes found while reading the input (rethrown as they are). */
const callerMistakes = new WeakSet<object>();
function mistake(message: string): TypeError {
  const err = new TypeError(message);
  callerMistakes.add(err);
  return err;
}

/** Reads a list the caller passed, item by item (a proxy or a getter can throw at any read). */
function listOf(value: unknown, name: string, max = Infinity): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw mistake(`"${name}" must be an array`);
  const length = Math.min(value.length, max);
  const out: unknown[] = [];
  for (let i = 0; i < length; i++) out.push(value[i]);
  return out;
}

function readInput(input: TrustContextInput): {
  policy: TrustPolicy;
  now: Date;
  accreditations: unknown[];
  statusLists: unknown[];
  entries: unknown[] | undefined;
  fetchStatusList: FetchStatusList | undefined;
  cps: ContextInternals['checkpoints'];
} {
  try {
    if (!isPlainObject(input)) throw mistake('"input" must be an object');
    const policy = input.policy;
    if (!isTrustPolicy(policy)) throw mistake('"policy" must come from createTrustPolicy()');
    // One more than the limit is kept, so the context can say some were left out.
    const accreditations = listOf(input.accreditations, 'accreditations', MAX_ACCREDITATIONS + 1);
    const statusLists = listOf(input.statusLists, 'statusLists', MAX_STATUS_LISTS + 1);
    const fetchStatusList = input.fetchStatusList;
    if (fetchStatusList !== undefined && typeof fetchStatusList !== 'function') throw mistake('"fetchStatusList" must be a function');
    const cps = listOf(input.checkpoints, 'checkpoints').map((cp, i) => {
      const snap = snapshotJson(cp);
      const c = snap.ok && isPlainObject(snap.value) ? snap.value : undefined;
      if (!c || typeof c.issuer !== 'string' || !isDateTimeStamp(c.at) || !Array.isArray(c.cids) || !c.cids.every((x) => typeof x === 'string')) {
        throw mistake(`"checkpoints[${i}]" must be { issuer, at (date-time), cids: string[] }`);
      }
      return { issuer: c.issuer, at: dateTimeStampInstant(c.at)!, cids: new Set(c.cids as string[]) };
    });
    const given = input.now;
    if (given !== undefined) assertDate(given, 'now');
    const now = new Date((given ?? policy.now ?? new Date()).getTime());
    const entries = input.entries === undefined ? undefined : listOf(input.entries, 'entries');
    return { policy, now, accreditations, statusLists, entries, fetchStatusList, cps };
  } catch (err) {
    if (err instanceof TypeError && (callerMistakes.has(err) || err.message.startsWith('"'))) throw err;
    throw new PassportError('ERR_JSON_INVALID', 'The trust context input could not be read: it is not plain data (a getter or proxy failed).', { cause: err });
  }
}
