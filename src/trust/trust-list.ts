// An authority's trust list: one signed document that carries everything a verifier needs to
// judge issuers offline — the authority's root keys with their windows, the accreditations it
// made, their revocations and compromise notices, and optionally status list snapshots.
// Modelled on the EU Trusted Lists (ETSI TS 119 612): a scheme operator signs the list, each
// list carries a sequence number, an issue time and a next-update time, a newer list replaces
// an older one, and a list past its next update is not current.
import { VC_V2_CONTEXT } from '../constants.js';
import { isPlainObject, snapshotJson } from '../internal/json.js';
import { assertDate, dateTimeStampInstant, isDateTimeStamp } from '../internal/time.js';
import { assertSigningKeyPair } from '../keys/key-pair.js';
import { ISSUER_ROLES, type IssuerRole, type SigningKeyPair } from '../keys/types.js';
import { signCredential } from '../proof/sign-credential.js';
import { verifyEddsaJcsProof } from '../proof/verify-proof.js';
import { CheckList, describeVerdict, type Check, type Verdict, type VerificationError } from '../result.js';
import { ACCREDITATION_REVOCATION_TYPE, ACCREDITATION_TYPE, TRUST_LIST_TYPE, type SignedTrustCredential, type TrustRootInput } from './types.js';
import { TRUST_KINDS, type TrustKind } from './rules.js';
import { didOf, toTimestamp, tryDid, uuidUrn } from './util.js';

/** Most accreditations, revocations or status lists one trust list may carry (each). */
const MAX_ITEMS = 10_000;

/**
 * A root key as a trust list names it: a {@link TrustRootInput} with the window in which the key
 * was the authority's (a rotated-out key keeps a closed window, so what it signed before stays valid).
 *
 * @example
 * ```ts
 * const root: TrustListRoot = { did: oldKey.did, name: 'National Learning Authority', validUntil: '2026-06-01T00:00:00Z' };
 * ```
 */
export interface TrustListRoot extends TrustRootInput {
  /** From when the key acts as a root (dateTimeStamp). */
  validFrom?: string;
  /** Until when the key acts as a root (dateTimeStamp). */
  validUntil?: string;
}

/**
 * Input of {@link createTrustList}.
 *
 * @example
 * ```ts
 * const input: CreateTrustListInput = {
 *   operatorName: 'National Learning Authority', sequenceNumber: 1,
 *   nextUpdate: '2026-07-01T00:00:00Z', accreditations: [prisonAccreditation],
 * };
 * ```
 */
export interface CreateTrustListInput {
  /** The scheme operator's name (the authority), shown to verifiers. */
  operatorName: string;
  /** Grows by at least one with every list published; verifiers refuse to go back. */
  sequenceNumber: number;
  /** When the next list will be published at the latest; after it this list is stale. */
  nextUpdate: Date | string;
  /** When the list is issued (default: now). */
  issued?: Date | string;
  /** The root keys (default: the signing key, named `operatorName`). Windows bound rotated keys. */
  roots?: ReadonlyArray<string | TrustListRoot>;
  /** Signed accreditations and accreditation revocations (compromise notices included); sorted by type. */
  accreditations?: readonly unknown[];
  /** Signed status list credentials (snapshots). */
  statusLists?: readonly unknown[];
  /** The list's id (default: a fresh urn:uuid). */
  id?: string;
}

/**
 * A signed trust list document, as published.
 *
 * @example
 * ```ts
 * const list: TrustListCredential = await createTrustList(authorityKey, input);
 * list.credentialSubject.sequenceNumber; // 1
 * ```
 */
export type TrustListCredential = SignedTrustCredential<
  typeof TRUST_LIST_TYPE,
  {
    type: typeof TRUST_LIST_TYPE;
    operatorName: string;
    sequenceNumber: number;
    issued: string;
    nextUpdate: string;
    roots: TrustListRoot[];
    accreditations: Record<string, unknown>[];
    revocations: Record<string, unknown>[];
    statusLists: Record<string, unknown>[];
  }
>;

/**
 * A trust list whose signature, signer and dates were checked: only `verifyTrustList`
 * makes one, and only {@link createTrustPolicy} consumes it. Frozen.
 *
 * @example
 * ```ts
 * const { trustList } = await verifyTrustList(document, { operator: authorityDid });
 * if (trustList) createTrustPolicy({ trustList });
 * ```
 */
export interface TrustList {
  readonly type: 'TrustList';
  readonly id: string;
  readonly operator: string;
  readonly operatorName: string;
  readonly sequenceNumber: number;
  readonly issued: string;
  readonly nextUpdate: string;
  /** True when it was accepted past its next update (`acceptStale`). */
  readonly stale: boolean;
  readonly roots: readonly TrustListRoot[];
  readonly accreditations: readonly unknown[];
  readonly revocations: readonly unknown[];
  readonly statusLists: readonly unknown[];
}

const trustLists = new WeakSet<object>();

/**
 * True when `value` came from a successful `verifyTrustList` (never a look-alike object).
 *
 * @example
 * ```ts
 * isTrustList((await verifyTrustList(document, { operator })).trustList); // true when verified
 * isTrustList({ type: 'TrustList' });                                     // false
 * ```
 */
export function isTrustList(value: unknown): value is TrustList {
  return typeof value === 'object' && value !== null && trustLists.has(value);
}

function typesOf(item: Record<string, unknown>): unknown[] {
  return Array.isArray(item.type) ? item.type : [item.type];
}

function rootOf(value: unknown, where: string): TrustListRoot {
  if (typeof value === 'string') return { did: didOf(value, where) };
  if (!isPlainObject(value) || typeof value.did !== 'string')
    throw new TypeError(`"${where}" must be a did:key or { did, name?, role?, kinds?, validFrom?, validUntil? }`);
  const root: TrustListRoot = { did: didOf(value.did, `${where}.did`) };
  if (value.name !== undefined) {
    if (typeof value.name !== 'string' || value.name.trim() === '') throw new TypeError(`"${where}.name" must be a non-empty string`);
    root.name = value.name;
  }
  if (value.role !== undefined) {
    if (!(ISSUER_ROLES as readonly unknown[]).includes(value.role)) throw new TypeError(`"${where}.role" must be one of: ${ISSUER_ROLES.join(', ')}`);
    root.role = value.role as IssuerRole;
  }
  if (value.organisation !== undefined) {
    if (typeof value.organisation !== 'string' || value.organisation.trim() === '') throw new TypeError(`"${where}.organisation" must be a non-empty string`);
    root.organisation = value.organisation;
  }
  if (value.kinds !== undefined) {
    if (!Array.isArray(value.kinds) || !value.kinds.every((k) => (TRUST_KINDS as readonly unknown[]).includes(k))) {
      throw new TypeError(`"${where}.kinds" must be a list of entry kinds`);
    }
    root.kinds = [...new Set(value.kinds as TrustKind[])].sort();
  }
  if (value.validFrom !== undefined) root.validFrom = toTimestamp(value.validFrom, `${where}.validFrom`);
  if (value.validUntil !== undefined) root.validUntil = toTimestamp(value.validUntil, `${where}.validUntil`);
  if (root.validFrom && root.validUntil && dateTimeStampInstant(root.validUntil)! < dateTimeStampInstant(root.validFrom)!)
    throw new TypeError(`"${where}.validUntil" is before its validFrom`);
  return root;
}

/**
 * Signs a trust list: the authority (scheme operator) publishes its roots, the accreditations
 * it made, their revocations and compromise notices, and optionally status list snapshots, in
 * one document with a sequence number, an issue time and a next-update time. Each item keeps
 * its own signature: the list says what is current, each item still proves who made it.
 *
 * @throws {TypeError} on a bad sequence number or dates, unsigned items, or items that are not
 *   accreditations, accreditation revocations or status lists
 * @example
 * ```ts
 * const list = await createTrustList(authorityKey, {
 *   operatorName: 'National Learning Authority',
 *   sequenceNumber: 7,
 *   nextUpdate: '2026-07-01T00:00:00Z',
 *   accreditations: [prisonAccreditation, stolenKeyNotice],
 * });
 * ```
 */
export async function createTrustList(operatorKey: SigningKeyPair, input: CreateTrustListInput): Promise<TrustListCredential> {
  assertSigningKeyPair(operatorKey, 'operatorKey');
  if (!isPlainObject(input)) throw new TypeError('"input" must be an object');
  if (typeof input.operatorName !== 'string' || input.operatorName.trim() === '') throw new TypeError('"operatorName" must be a non-empty string');
  if (!Number.isSafeInteger(input.sequenceNumber) || input.sequenceNumber < 1) throw new TypeError('"sequenceNumber" must be a positive integer');
  const issued = toTimestamp(input.issued ?? new Date(), 'issued');
  const nextUpdate = toTimestamp(input.nextUpdate, 'nextUpdate');
  if (dateTimeStampInstant(nextUpdate)! <= dateTimeStampInstant(issued)!) throw new TypeError('"nextUpdate" must be after "issued"');
  const roots = (input.roots ?? [{ did: operatorKey.did, name: input.operatorName }]).map((r, i) => rootOf(r, `roots[${i}]`));
  if (roots.length === 0) throw new TypeError('"roots" must not be empty');

  const accreditations: Record<string, unknown>[] = [];
  const revocations: Record<string, unknown>[] = [];
  const statusLists: Record<string, unknown>[] = [];
  const take = (items: readonly unknown[] | undefined, name: string, sort: (item: Record<string, unknown>, where: string) => void) => {
    if (items === undefined) return;
    if (!Array.isArray(items)) throw new TypeError(`"${name}" must be an array`);
    items.forEach((raw, i) => {
      const snap = snapshotJson(raw);
      if (!snap.ok || !isPlainObject(snap.value) || snap.value.proof === undefined) throw new TypeError(`"${name}[${i}]" must be a signed credential`);
      sort(snap.value, `${name}[${i}]`);
    });
  };
  take(input.accreditations, 'accreditations', (item, where) => {
    const types = typesOf(item);
    if (types.includes(ACCREDITATION_TYPE)) accreditations.push(item);
    else if (types.includes(ACCREDITATION_REVOCATION_TYPE)) revocations.push(item);
    else throw new TypeError(`"${where}" is not an accreditation or an accreditation revocation`);
  });
  take(input.statusLists, 'statusLists', (item, where) => {
    if (!typesOf(item).includes('BitstringStatusListCredential')) throw new TypeError(`"${where}" is not a BitstringStatusListCredential`);
    statusLists.push(item);
  });
  for (const [name, list] of [
    ['accreditations', accreditations.length + revocations.length],
    ['statusLists', statusLists.length],
  ] as const) {
    if (list > MAX_ITEMS) throw new TypeError(`"${name}" holds more than ${MAX_ITEMS} items`);
  }

  const credential = {
    '@context': [VC_V2_CONTEXT],
    id: input.id ?? uuidUrn(),
    type: ['VerifiableCredential', TRUST_LIST_TYPE] as ['VerifiableCredential', typeof TRUST_LIST_TYPE],
    issuer: operatorKey.did,
    validFrom: issued,
    credentialSubject: {
      type: TRUST_LIST_TYPE,
      operatorName: input.operatorName,
      sequenceNumber: input.sequenceNumber,
      issued,
      nextUpdate,
      roots,
      accreditations,
      revocations,
      statusLists,
    },
  };
  return signCredential(credential, operatorKey, { created: issued }) as Promise<TrustListCredential>;
}

/**
 * Options of `verifyTrustList`.
 *
 * @example
 * ```ts
 * const options: VerifyTrustListOptions = { operator: authorityDid, previous: lastAcceptedList };
 * ```
 */
export interface VerifyTrustListOptions {
  /** The pinned key(s) of the scheme operator: did:key strings or key pairs. Required. */
  operator: string | { did: string } | ReadonlyArray<string | { did: string }>;
  /**
   * The last list this verifier accepted (its document, or the {@link TrustList}), or its
   * sequence number. A list older than it is refused (rollback); one with the same number but
   * other content is refused too.
   */
  previous?: unknown;
  /** Accept a list past its next update, with a warning (default false: refused). */
  acceptStale?: boolean;
  /** The time to check against (default now). */
  now?: Date;
  /** Seconds of clock difference tolerated (default 60). */
  clockTolerance?: number;
}

/**
 * What `verifyTrustList` returns. `trustList` is there only when `verified`.
 *
 * @example
 * ```ts
 * const result: TrustListVerification = await verifyTrustList(document, { operator });
 * if (!result.verified) console.error(result.summary, result.errors);
 * ```
 */
export interface TrustListVerification {
  verified: boolean;
  /**
   * `valid` for a current list from the pinned operator; `not-valid` for a forged, damaged or
   * older list; `cant-check` for one past its next update (accepted with `acceptStale` or not):
   * what is missing is the current list.
   */
  verdict: Verdict;
  /** One line: "✓ Valid: trust list #7 of National Learning Authority". */
  headline: string;
  /** `current`, `stale` (past next update), `rollback` (older than the previous list), or `invalid`. */
  status: 'current' | 'stale' | 'rollback' | 'invalid';
  checks: Check[];
  errors: VerificationError[];
  /** Problems accepted on request (a stale list with `acceptStale`). */
  warnings: VerificationError[];
  summary: string;
  sequenceNumber?: number;
  issued?: string;
  nextUpdate?: string;
  operator?: string;
  operatorName?: string;
  /** The sequence number of the previous list this one replaces. */
  replaces?: number;
  trustList?: TrustList;
}

function pinnedOperators(operator: VerifyTrustListOptions['operator']): string[] {
  const list = Array.isArray(operator) ? operator : [operator];
  if (list.length === 0) throw new TypeError('"operator" must name at least one key');
  return list.map((o, i) => didOf(o, `operator[${i}]`));
}

function previousOf(previous: unknown): { sequenceNumber: number; digest?: string } | undefined {
  if (previous === undefined) return undefined;
  if (typeof previous === 'number') {
    if (!Number.isSafeInteger(previous) || previous < 0) throw new TypeError('"previous" must be a sequence number, a trust list or its document');
    return { sequenceNumber: previous };
  }
  if (isTrustList(previous)) return { sequenceNumber: previous.sequenceNumber, digest: digests.get(previous)! };
  if (isPlainObject(previous) && isPlainObject(previous.credentialSubject) && Number.isSafeInteger(previous.credentialSubject.sequenceNumber)) {
    return { sequenceNumber: previous.credentialSubject.sequenceNumber as number, digest: JSON.stringify(previous.proof) };
  }
  throw new TypeError('"previous" must be a sequence number, a trust list or its document');
}

// The proof of a list stands for its content: same sequence number, different proof = a fork.
const digests = new WeakMap<object, string>();

function day(value: string): string {
  return value.slice(0, 10);
}

/**
 * Verifies a trust list against the operator key the verifier pinned: its signature, its
 * signer, its shape and dates, and that it is not older than the last list accepted. A list
 * past its next update is refused unless `acceptStale` (then accepted with a warning); an older
 * list than `previous` is always refused. Never throws on bad data.
 *
 * The items inside are not trusted because the list carries them: each accreditation and
 * revocation is checked again, with its own signature, when a policy made from the list is used.
 *
 * @throws {TypeError} when `operator` is missing or not a did:key, or `previous` is malformed
 * @example
 * ```ts
 * const result = await verifyTrustList(document, { operator: authorityDid, previous: 6 });
 * if (result.trustList) {
 *   const policy = createTrustPolicy({ trustList: result.trustList });
 *   await verifyPresentation(vp, { policy, challenge, domain });
 * }
 * ```
 */
export async function verifyTrustList(document: unknown, options: VerifyTrustListOptions): Promise<TrustListVerification> {
  if (!isPlainObject(options)) throw new TypeError('"options" must be an object with "operator"');
  const operators = pinnedOperators(options.operator);
  const previous = previousOf(options.previous);
  if (options.now !== undefined) assertDate(options.now, 'now');
  const now = options.now ?? new Date();
  const tol = (options.clockTolerance ?? 60) * 1000;
  const checks = new CheckList();
  const warnings: VerificationError[] = [];
  const fail = (status: TrustListVerification['status'], extra: Partial<TrustListVerification> = {}): TrustListVerification => {
    const { verdict, headline, summary } = describeVerdict(checks.checks, {
      description: extra.sequenceNumber !== undefined ? `trust list #${extra.sequenceNumber} of ${extra.operatorName}` : 'a trust list',
    });
    return {
      verified: false,
      verdict,
      headline: headline(),
      status,
      checks: checks.checks,
      errors: checks.errors,
      warnings,
      summary,
      ...extra,
    };
  };

  const snap = snapshotJson(document);
  if (!snap.ok || !isPlainObject(snap.value)) {
    checks.fail('shape', 'ERR_TRUST_LIST_INVALID', 'The trust list is not a JSON object.');
    return fail('invalid');
  }
  const doc = snap.value as Record<string, unknown>;
  const subject = doc.credentialSubject;
  const shapeProblem = ((): string | undefined => {
    if (!typesOf(doc).includes(TRUST_LIST_TYPE) || !typesOf(doc).includes('VerifiableCredential')) return 'It is not a learning-passport trust list.';
    if (!isPlainObject(subject)) return 'It has no credentialSubject object.';
    if (!Number.isSafeInteger(subject.sequenceNumber) || (subject.sequenceNumber as number) < 1) return 'Its sequence number is not a positive integer.';
    if (!isDateTimeStamp(subject.issued) || !isDateTimeStamp(subject.nextUpdate)) return 'Its issue or next-update time is not a date-time with a time zone.';
    if (dateTimeStampInstant(subject.nextUpdate)! <= dateTimeStampInstant(subject.issued)!) return 'Its next-update time is not after its issue time.';
    if (typeof subject.operatorName !== 'string' || subject.operatorName.trim() === '') return 'It names no operator.';
    for (const name of ['roots', 'accreditations', 'revocations', 'statusLists'] as const) {
      if (!Array.isArray(subject[name])) return `Its "${name}" is not a list.`;
      if ((subject[name] as unknown[]).length > MAX_ITEMS) return `Its "${name}" holds more than ${MAX_ITEMS} items.`;
    }
    if ((subject.roots as unknown[]).length === 0) return 'It names no root.';
    return undefined;
  })();
  if (shapeProblem) {
    checks.fail('shape', 'ERR_TRUST_LIST_INVALID', shapeProblem);
    return fail('invalid');
  }
  const s = subject as Record<string, unknown> & { sequenceNumber: number; issued: string; nextUpdate: string; operatorName: string };
  let roots: TrustListRoot[];
  try {
    roots = (s.roots as unknown[]).map((r, i) => rootOf(r, `roots[${i}]`));
  } catch (err) {
    checks.fail('shape', 'ERR_TRUST_LIST_INVALID', `A root is not valid: ${(err as Error).message}.`);
    return fail('invalid');
  }
  // No word from the list (its operator name) before its signature is checked: a hostile list
  // is shown to people only as far as its signer vouches for it.
  checks.pass('shape', `Trust list #${s.sequenceNumber}: the shape of a trust list.`);
  const facts = { sequenceNumber: s.sequenceNumber, issued: s.issued, nextUpdate: s.nextUpdate, operatorName: s.operatorName };

  // The signer: signed by the key it names, and that key is one the verifier pinned.
  const issuerValue = isPlainObject(doc.issuer) ? doc.issuer.id : doc.issuer;
  const issuer = tryDid(issuerValue);
  const proof = await verifyEddsaJcsProof(doc, checks, { now, clockTolerance: tol / 1000 });
  if (!proof.valid) return fail('invalid', facts);
  if (!issuer || proof.controller !== issuer) {
    checks.fail('issuer-key', 'ERR_ISSUER_KEY_MISMATCH', 'The trust list was signed with a key that is not its issuer’s.');
    return fail('invalid', facts);
  }
  if (!operators.includes(issuer)) {
    checks.fail('issuer-key', 'ERR_TRUST_LIST_SIGNER', `The trust list is signed by ${issuer.slice(0, 24)}…, not by the operator key you trust.`);
    return fail('invalid', { ...facts, operator: issuer });
  }
  checks.pass('issuer-key', `Signed by ${s.operatorName}, the operator key you trust.`);
  const result = { ...facts, operator: issuer };

  // Order: never go back to an older list, and never accept two different lists with one number.
  const digest = JSON.stringify(doc.proof);
  if (previous) {
    if (
      s.sequenceNumber < previous.sequenceNumber ||
      (s.sequenceNumber === previous.sequenceNumber && previous.digest !== undefined && previous.digest !== digest)
    ) {
      checks.fail(
        'validity-period',
        'ERR_TRUST_LIST_ROLLBACK',
        s.sequenceNumber < previous.sequenceNumber
          ? `This is trust list #${s.sequenceNumber}, older than list #${previous.sequenceNumber} you already have: keep the newer one.`
          : `This trust list has the same number (#${s.sequenceNumber}) as the one you have but different content: ask the operator which is real.`,
      );
      return fail('rollback', result);
    }
  }
  // Dates: issued not in the future; next update not passed.
  const at = now.getTime();
  if (dateTimeStampInstant(s.issued)! > at + tol) {
    checks.fail('validity-period', 'ERR_TRUST_LIST_INVALID', `The trust list claims to be issued in the future (${s.issued}).`);
    return fail('invalid', result);
  }
  let stale = false;
  if (dateTimeStampInstant(s.nextUpdate)! + tol < at) {
    const message = `Trust list #${s.sequenceNumber} is out of date: a newer one was due on ${day(s.nextUpdate)}. Get the current list from ${s.operatorName}.`;
    if (!options.acceptStale) {
      // Out of date is something missing (the current list), not something wrong: "can't check".
      checks.unknown('validity-period', 'ERR_TRUST_LIST_STALE', message);
      return fail('stale', result);
    }
    stale = true;
    warnings.push({ code: 'ERR_TRUST_LIST_STALE', message });
  }
  checks.pass('validity-period', `Issued ${day(s.issued)}, next update due ${day(s.nextUpdate)}.`);

  const trustList: TrustList = Object.freeze({
    type: 'TrustList' as const,
    id: typeof doc.id === 'string' ? doc.id : '',
    operator: issuer,
    operatorName: s.operatorName,
    sequenceNumber: s.sequenceNumber,
    issued: s.issued,
    nextUpdate: s.nextUpdate,
    stale,
    roots: Object.freeze(roots.map((r) => Object.freeze(r))),
    accreditations: Object.freeze([...(s.accreditations as unknown[])]),
    revocations: Object.freeze([...(s.revocations as unknown[])]),
    statusLists: Object.freeze([...(s.statusLists as unknown[])]),
  });
  trustLists.add(trustList);
  digests.set(trustList, digest);
  const replaces = previous && previous.sequenceNumber < s.sequenceNumber ? { replaces: previous.sequenceNumber } : {};
  const contents = `${roots.length} root${roots.length === 1 ? '' : 's'}, ${(s.accreditations as unknown[]).length} accreditation(s), ${(s.revocations as unknown[]).length} revocation(s)${'replaces' in replaces ? `, replaces #${replaces.replaces}` : ''}`;
  // A stale list accepted on request is "can't check": what is missing is the current list.
  const said = describeVerdict(
    stale ? [...checks.checks, { check: 'validity-period', status: 'unknown', code: 'ERR_TRUST_LIST_STALE', message: warnings[0]!.message }] : checks.checks,
    {
      description: `trust list #${s.sequenceNumber} of ${s.operatorName}`,
      valid: `trust list #${s.sequenceNumber} of ${s.operatorName}, ${contents}`,
    },
  );
  return {
    verified: true,
    verdict: said.verdict,
    headline: said.headline(),
    status: stale ? 'stale' : 'current',
    checks: checks.checks,
    errors: [],
    warnings,
    summary: stale ? `Accepted although out of date — ${said.summary.replace(/^[^—]*— /, '')} It holds ${contents}.` : said.summary,
    ...result,
    ...replaces,
    trustList,
  };
}

/** @internal The window check for a root key from a trust list: is `did` a root at `at` (ms)? */
export function rootActiveAt(root: { validFrom?: string; validUntil?: string }, at: number, toleranceMs: number): boolean {
  if (root.validFrom !== undefined && at + toleranceMs < dateTimeStampInstant(root.validFrom)!) return false;
  if (root.validUntil !== undefined && at - toleranceMs > dateTimeStampInstant(root.validUntil)!) return false;
  return true;
}
