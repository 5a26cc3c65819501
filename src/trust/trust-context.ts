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
import { checkpointsFromEntries } from './checkpoints-from-entries.js';
import { isTrustPolicy, type TrustPolicy } from './create-trust-policy.js';
import { DEFAULT_MAX_STATUS_AGE, TRUST_CAPABILITIES, TRUST_KINDS, type TrustCapability, type TrustKind } from './rules.js';
import { ACCREDITATION_REVOCATION_TYPE, ACCREDITATION_TYPE, type FetchStatusList, type TrustCheckpoint, type TrustSources } from './types.js';
import { tryDid } from './util.js';

export type { FetchStatusList, TrustCheckpoint } from './types.js';

/**
 * Input of {@link createTrustContext}.
 *
 * @example
 * ```ts
 * const input: TrustContextInput = { policy, accreditations: passport.accreditations, statusLists: passport.statusLists };
 * const context = await createTrustContext(input);
 * ```
 */
export interface TrustContextInput extends TrustSources {
  policy: TrustPolicy;
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
  /**
   * The neutral name its accreditor gave (displayProfile.name). Absent when none was given:
   * the organisation id is an internal handle (it may name a prison), never shown as a name.
   */
  displayName?: string;
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
  /** Online status list fetches: the context's own, then those calls added (see contextWith). */
  fetchers: FetchStatusList[];
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
  /** The caller's objects (list items) this context was made from, so that a call handing them again adds nothing. */
  given: WeakSet<object>[];
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
  // accreditIssuer writes the organisation id as the name when no displayName was given (README
  // Operations guide step 2): an id is not a name, and may name a prison ("org:hmp-leeds").
  const given = isPlainObject(profile) && typeof profile.name === 'string' && profile.name.trim() !== '' ? profile.name.slice(0, 200) : undefined;
  const displayName = given !== undefined && given.trim() !== subject.organisation.trim() ? given : undefined;
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
      ...(displayName !== undefined ? { displayName } : {}),
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
  const { policy, now, material } = readInput(input);
  const inner: ContextInternals = {
    accreditations: [],
    revocations: [],
    checkpoints: [],
    statusLists: [],
    fetchers: [],
    statusCache: new Map(),
    bySubject: new Map(),
    revocationsByTarget: new Map(),
    grantMemo: new Map(),
    now: now.getTime() + policy.clockTolerance * 1000,
    given: [],
  };
  // A policy made from a trust list brings the list's material to every verification under it.
  const list = policy.trustList;
  const rejected = await addMaterial(inner, material, {
    accreditations: [...(list?.accreditations ?? []), ...(list?.revocations ?? [])],
    statusLists: list?.statusLists ?? [],
    now,
    clockTolerance: policy.clockTolerance,
  });
  return register(inner, policy, rejected);
}

/** What {@link readMaterial} read from the caller's lists. */
interface ReadMaterial {
  accreditations: unknown[];
  statusLists: unknown[];
  entries: unknown[];
  fetchStatusList: FetchStatusList | undefined;
  checkpoints: ContextInternals['checkpoints'];
  /** The caller's objects read, so that handing them again adds nothing (see contextWith). */
  given: WeakSet<object>;
}

/**
 * Reads and indexes `material` into `inner` (a context being made): the accreditations and
 * revocations signature-checked, the status lists as snapshots, the checkpoints of `entries`
 * verified. Returns what was rejected, with reasons.
 */
async function addMaterial(
  inner: ContextInternals,
  material: ReadMaterial,
  from: { accreditations: readonly unknown[]; statusLists: readonly unknown[]; now: Date; clockTolerance: number },
): Promise<RejectedAccreditation[]> {
  const { now } = from;
  inner.given.push(material.given);
  inner.checkpoints.push(...material.checkpoints);
  if (material.entries.length > 0) {
    for (const cp of await checkpointsFromEntries(material.entries, { now }))
      inner.checkpoints.push({ issuer: cp.issuer, at: dateTimeStampInstant(cp.at)!, cids: new Set(cp.cids) });
  }
  if (material.fetchStatusList) inner.fetchers.push(material.fetchStatusList);
  const accreditations = [...from.accreditations, ...material.accreditations];
  const givenStatusLists = [...from.statusLists, ...material.statusLists];
  const parsed = await Promise.all(accreditations.slice(0, MAX_ACCREDITATIONS).map((a) => readOne(a, now, from.clockTolerance)));
  const rejected: RejectedAccreditation[] = [];
  if (givenStatusLists.length > MAX_STATUS_LISTS) {
    rejected.push({ code: 'ERR_LIMIT_EXCEEDED', reason: `Only the first ${MAX_STATUS_LISTS} status lists were considered.` });
  }
  for (const item of givenStatusLists.slice(0, MAX_STATUS_LISTS)) {
    const snap = snapshotJson(item);
    if (snap.ok && isPlainObject(snap.value)) inner.statusLists.push(snap.value);
    else
      rejected.push({
        code: snap.ok ? 'ERR_STATUS_LIST_INVALID' : snap.limit ? 'ERR_LIMIT_EXCEEDED' : 'ERR_JSON_INVALID',
        reason: 'A status list could not be read as a JSON object.',
      });
  }
  if (accreditations.length > MAX_ACCREDITATIONS) {
    rejected.push({ code: 'ERR_LIMIT_EXCEEDED', reason: `Only the first ${MAX_ACCREDITATIONS} accreditations were considered.` });
  }
  const seen = new Set(inner.accreditations.map(accreditationKey));
  for (const p of parsed) {
    if ('rejected' in p) rejected.push(p.rejected);
    else if ('accreditation' in p) {
      const key = accreditationKey(p.accreditation);
      if (!seen.has(key)) {
        inner.accreditations.push(p.accreditation);
        inner.bySubject.set(p.accreditation.subject, [...(inner.bySubject.get(p.accreditation.subject) ?? []), p.accreditation]);
      }
      seen.add(key);
    } else {
      const r = p.revocation;
      inner.revocations.push(r);
      const target = r.accreditation !== undefined ? `id ${r.accreditation}` : `did ${r.did}`;
      inner.revocationsByTarget.set(target, [...(inner.revocationsByTarget.get(target) ?? []), r]);
    }
  }
  return rejected;
}

function accreditationKey(a: Accreditation): string {
  return `${a.issuer} ${a.id} ${a.subject}`;
}

function register(inner: ContextInternals, policy: TrustPolicy, rejected: readonly RejectedAccreditation[]): TrustContext {
  const context: TrustContext = Object.freeze({
    type: 'TrustContext' as const,
    policy,
    accepted: inner.accreditations.length + inner.revocations.length,
    rejected: Object.freeze([...rejected]),
  });
  internals.set(context, inner);
  return context;
}

/**
 * @internal `context` with the material one call adds (the `TrustSources` of the
 * verifier's options beside `context`), so that nothing given with the call is dropped: its
 * accreditations, status lists, checkpoints and entries are read and checked as
 * {@link createTrustContext} would, and its `fetchStatusList` is asked as well as the
 * context's own. The result is a new context for that call; `context` is not changed and stays
 * shareable. Objects the context was made from, or already added, add nothing: a verifier that
 * hands the same lists on to each of many entries pays once, and with nothing new `context`
 * itself is returned. A status-only context ({@link createStatusContext}) takes only the status
 * material: it judges no issuer.
 *
 * @throws {TypeError} when a list is not an array or `fetchStatusList` is not a function; {PassportError} ERR_JSON_INVALID when the material cannot be read
 */
export async function contextWith(context: TrustContext, material: TrustSources): Promise<TrustContext> {
  const base = contextInternals(context);
  const statusOnlyContext = statusOnly.has(context);
  const read = readingCallerData('trust options', () =>
    readMaterial(statusOnlyContext ? { statusLists: material.statusLists, fetchStatusList: material.fetchStatusList } : material),
  );
  const isNew = (item: unknown): boolean => typeof item === 'object' && item !== null && !base.given.some((set) => set.has(item));
  // Items that are not objects can be neither accreditations nor status lists: nothing to add.
  const fresh: ReadMaterial = {
    accreditations: read.accreditations.filter(isNew),
    statusLists: read.statusLists.filter(isNew),
    entries: read.entries.filter(isNew),
    fetchStatusList: read.fetchStatusList !== undefined && !base.fetchers.includes(read.fetchStatusList) ? read.fetchStatusList : undefined,
    checkpoints: read.checkpoints,
    given: read.given,
  };
  const statusChanged = fresh.statusLists.length > 0 || fresh.fetchStatusList !== undefined;
  const trustChanged = fresh.accreditations.length > 0 || fresh.entries.length > 0 || fresh.checkpoints.length > 0;
  if (!statusChanged && !trustChanged) return context;
  const { policy } = context;
  const inner: ContextInternals = {
    accreditations: [...base.accreditations],
    revocations: [...base.revocations],
    checkpoints: [...base.checkpoints],
    statusLists: [...base.statusLists],
    fetchers: [...base.fetchers],
    // What was found so far stays true for what did not change.
    statusCache: statusChanged ? new Map() : base.statusCache,
    bySubject: new Map(base.bySubject),
    revocationsByTarget: new Map(base.revocationsByTarget),
    grantMemo: trustChanged ? new Map() : base.grantMemo,
    now: base.now,
    given: [...base.given],
  };
  const rejected = await addMaterial(inner, fresh, {
    accreditations: [],
    statusLists: [],
    now: new Date(base.now - policy.clockTolerance * 1000),
    clockTolerance: policy.clockTolerance,
  });
  const derived = register(inner, policy, [...context.rejected, ...rejected]);
  if (statusOnlyContext) statusOnly.add(derived);
  return derived;
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
  const given = new WeakSet<object>();
  for (const item of listOf(input.statusLists, 'statusLists', MAX_STATUS_LISTS)) {
    if (typeof item === 'object' && item !== null) given.add(item);
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
  const context = register(
    {
      accreditations: [],
      revocations: [],
      checkpoints: [],
      statusLists,
      fetchers: input.fetchStatusList ? [input.fetchStatusList] : [],
      statusCache: new Map(),
      bySubject: new Map(),
      revocationsByTarget: new Map(),
      grantMemo: new Map(),
      now: input.now.getTime() + input.clockTolerance * 1000,
      given: [given],
    },
    policy,
    [],
  );
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

/** Runs `read` over the caller's data: its mistakes are rethrown, anything that cannot be read is ERR_JSON_INVALID. */
function readingCallerData<T>(what: string, read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof TypeError && (callerMistakes.has(err) || err.message.startsWith('"'))) throw err;
    throw new PassportError('ERR_JSON_INVALID', `The ${what} could not be read: it is not plain data (a getter or proxy failed).`, { cause: err });
  }
}

/** Reads the lists of `TrustSources`, each item once. */
function readMaterial(input: TrustSources): ReadMaterial {
  if (!isPlainObject(input)) throw mistake('"input" must be an object');
  // One more than the limit is kept, so the context can say some were left out.
  const accreditations = listOf(input.accreditations, 'accreditations', MAX_ACCREDITATIONS + 1);
  const statusLists = listOf(input.statusLists, 'statusLists', MAX_STATUS_LISTS + 1);
  const fetchStatusList: unknown = input.fetchStatusList;
  if (fetchStatusList !== undefined && typeof fetchStatusList !== 'function') throw mistake('"fetchStatusList" must be a function');
  const rawCheckpoints = listOf(input.checkpoints, 'checkpoints');
  const checkpoints = rawCheckpoints.map((cp, i) => {
    const snap = snapshotJson(cp);
    const c = snap.ok && isPlainObject(snap.value) ? snap.value : undefined;
    if (!c || typeof c.issuer !== 'string' || !isDateTimeStamp(c.at) || !Array.isArray(c.cids) || !c.cids.every((x) => typeof x === 'string')) {
      throw mistake(`"checkpoints[${i}]" must be { issuer, at (date-time), cids: string[] }`);
    }
    return { issuer: c.issuer, at: dateTimeStampInstant(c.at)!, cids: new Set(c.cids as string[]) };
  });
  const entries = listOf(input.entries, 'entries');
  const given = new WeakSet<object>();
  for (const item of [...accreditations, ...statusLists, ...rawCheckpoints, ...entries]) if (typeof item === 'object' && item !== null) given.add(item);
  return { accreditations, statusLists, entries, fetchStatusList: fetchStatusList as FetchStatusList | undefined, checkpoints, given };
}

function readInput(input: TrustContextInput): { policy: TrustPolicy; now: Date; material: ReadMaterial } {
  return readingCallerData('trust context input', () => {
    if (!isPlainObject(input)) throw mistake('"input" must be an object');
    const policy = input.policy;
    if (!isTrustPolicy(policy)) throw mistake('"policy" must come from createTrustPolicy()');
    const material = readMaterial(input);
    const given = input.now;
    if (given !== undefined) assertDate(given, 'now');
    const now = new Date((given ?? policy.now ?? new Date()).getTime());
    return { policy, now, material };
  });
}
