// A verifier's trust policy: which roots it accepts and what each role may issue. Frozen and
// branded, so a verify function can tell a real policy from any object that looks like one.
import { isPlainObject } from '../internal/json.js';
import { assertDate } from '../internal/time.js';
import { parseDidKey } from '../keys/did-key.js';
import { ISSUER_ROLES, type IssuerRole, type KeyPair } from '../keys/types.js';
import { DEFAULT_MAX_STATUS_AGE, DEFAULT_RULES, TRUST_KINDS, type TrustKind } from './rules.js';
import { isTrustList, type TrustList } from './trust-list.js';
import type { TrustRootInput } from './types.js';

export type { TrustRootInput } from './types.js';

/**
 * Input of {@link createTrustPolicy}.
 *
 * @example
 * ```ts
 * const input: TrustPolicyInput = { roots: [authority.did], maxChainDepth: 2 };
 * const policy = createTrustPolicy(input);
 * ```
 */
export interface TrustPolicyInput {
  /** The accepted roots: did:key strings, key pairs (their `did` is used) or root descriptions. Optional with `trustList`. */
  roots?: ReadonlyArray<string | KeyPair | TrustRootInput>;
  /**
   * A trust list from `verifyTrustList`: its roots (with their key windows) join `roots`, and
   * its accreditations, revocations and status lists are used by every verification under the policy.
   */
  trustList?: TrustList;
  /** Replaces {@link DEFAULT_RULES} for the roles it names (an empty list forbids the role everything). */
  rules?: Partial<Record<IssuerRole, readonly TrustKind[]>>;
  /** The time to evaluate at (default: the time of each check). */
  now?: Date;
  /** Seconds of clock difference tolerated on every date comparison (default 60). */
  clockTolerance?: number;
  /** Most accreditation links between an issuer and a root (default 3, at most 10). */
  maxChainDepth?: number;
  /**
   * Believe the signing time an issuer claims even after its accreditation ended (window closed,
   * withdrawn; a planned key rotation is not an end). Default false: such entries and accreditations are trusted only when
   * a checkpoint by another organisation, or by a timestamp authority, shows they existed before
   * the end; otherwise they are "can't check" (ERR_SIGNING_TIME_UNVOUCHED).
   */
  trustClaimedTimes?: boolean;
  /** Keys whose checkpoints the verifier accepts as timestamps, whoever accredited them. */
  timestampAuthorities?: ReadonlyArray<string | KeyPair>;
  /**
   * Let a revocation of a revocation reinstate the entry (default false: a revocation, once
   * made by someone allowed to, stands).
   */
  allowReinstatement?: boolean;
  /** Status snapshots older than this many seconds are "can't check" (default 2,592,000: 30 days; `Infinity` for any age). */
  maxStatusAge?: number;
}

/**
 * A trust root as held by a policy.
 *
 * @example
 * ```ts
 * policy.roots[0]?.name; // 'National Learning Authority'
 * ```
 */
export interface TrustRoot {
  readonly did: string;
  readonly name?: string;
  readonly role: IssuerRole;
  readonly organisation: string;
  /** Undefined: unrestricted. */
  readonly kinds?: readonly TrustKind[];
  /** Undefined: may vouch for any organisation. */
  readonly organisations?: readonly string[];
  /** The key's window as a root (from a trust list); outside it the key is not a root. */
  readonly validFrom?: string;
  readonly validUntil?: string;
}

/**
 * A verifier's trust policy, made by {@link createTrustPolicy}. Frozen.
 *
 * @example
 * ```ts
 * const policy: TrustPolicy = createTrustPolicy({ roots: [authority.did] });
 * ```
 */
export interface TrustPolicy {
  readonly type: 'TrustPolicy';
  readonly roots: readonly TrustRoot[];
  readonly rules: Readonly<Record<IssuerRole, readonly TrustKind[]>>;
  readonly now?: Date;
  readonly clockTolerance: number;
  readonly maxChainDepth: number;
  readonly trustClaimedTimes: boolean;
  readonly timestampAuthorities: readonly string[];
  readonly allowReinstatement: boolean;
  /** Seconds. */
  readonly maxStatusAge: number;
  /** The trust list the policy was made from, if any. */
  readonly trustList?: TrustList;
}

// Only objects made here are policies: a WeakSet cannot be forged by copying properties.
const policies = new WeakSet<object>();

/**
 * True when `value` is a policy made by {@link createTrustPolicy} (not a look-alike object).
 *
 * @example
 * ```ts
 * isTrustPolicy(createTrustPolicy({ roots: [authority.did] })); // true
 * isTrustPolicy({ type: 'TrustPolicy', roots: [] });              // false
 * ```
 */
export function isTrustPolicy(value: unknown): value is TrustPolicy {
  return typeof value === 'object' && value !== null && policies.has(value);
}

function rootDid(value: unknown, where: string): string {
  try {
    return parseDidKey(value).did;
  } catch {
    throw new TypeError(`"${where}" must be a did:key (or a KeyPair) of an Ed25519 key`);
  }
}

function windowOf(root: { validFrom?: string; validUntil?: string }): { validFrom?: string; validUntil?: string } {
  return { ...(root.validFrom ? { validFrom: root.validFrom } : {}), ...(root.validUntil ? { validUntil: root.validUntil } : {}) };
}

function kindList(value: unknown, where: string): TrustKind[] {
  if (!Array.isArray(value) || !value.every((k) => typeof k === 'string' && (TRUST_KINDS as readonly string[]).includes(k))) {
    throw new TypeError(`"${where}" must be a list of entry kinds (${TRUST_KINDS.join(', ')})`);
  }
  return [...new Set(value as TrustKind[])].sort();
}

function organisationList(value: unknown, where: string): readonly string[] {
  if (!Array.isArray(value) || !value.every((o) => typeof o === 'string' && o.trim() !== '')) {
    throw new TypeError(`"${where}" must be a list of organisation ids (or "prefix*" patterns)`);
  }
  return Object.freeze([...new Set(value as string[])].sort());
}

/**
 * Creates a trust policy: the roots a verifier accepts (a national authority, awarding bodies)
 * and the rules mapping issuer roles to the entry kinds they may issue. Under a policy an entry
 * is trusted only when a chain of valid accreditations leads from its issuer to one of the roots
 * and both the accreditation and the rules allow its kind.
 *
 * @throws {TypeError} on unknown roles or kinds, roots that are not did:key, a trust list not from
 *   verifyTrustList(), no roots at all, or bad numbers
 * @example
 * ```ts
 * const policy = createTrustPolicy({ roots: [{ did: authority.did, name: 'National Learning Authority' }] });
 * const result = await verifyCredential(entry, { policy, accreditations });
 *
 * // Or from the authority's signed trust list, checked against its pinned key:
 * const { trustList } = await verifyTrustList(listDocument, { operator: authorityDid });
 * if (trustList) await verifyPresentation(vp, { policy: createTrustPolicy({ trustList }), challenge, domain });
 * ```
 */
export function createTrustPolicy(input: TrustPolicyInput): TrustPolicy {
  if (!isPlainObject(input as unknown)) throw new TypeError('"input" must be an object');
  if (input.trustList !== undefined && !isTrustList(input.trustList)) throw new TypeError('"trustList" must come from verifyTrustList() (a verified list)');
  const listRoots = input.trustList?.roots ?? [];
  if (input.roots !== undefined && !Array.isArray(input.roots)) throw new TypeError('"roots" must be a non-empty list');
  const givenRoots = [...(input.roots ?? []), ...listRoots];
  if (givenRoots.length === 0) throw new TypeError('"roots" must be a non-empty list');
  const roots: TrustRoot[] = [];
  const seen = new Set<string>();
  givenRoots.forEach((root, i) => {
    const where = `roots[${i}]`;
    let entry: TrustRoot;
    if (typeof root === 'string') {
      const did = rootDid(root, where);
      entry = { did, role: 'authority', organisation: did };
    } else if (isPlainObject(root) && typeof root.did === 'string') {
      const did = rootDid(root.did, `${where}.did`);
      const spec = root as Partial<TrustRootInput> & { publicKeyMultibase?: unknown };
      if (spec.role !== undefined && !ISSUER_ROLES.includes(spec.role)) throw new TypeError(`"${where}.role" must be one of: ${ISSUER_ROLES.join(', ')}`);
      if (spec.name !== undefined && (typeof spec.name !== 'string' || spec.name.trim() === ''))
        throw new TypeError(`"${where}.name" must be a non-empty string`);
      if (spec.organisation !== undefined && (typeof spec.organisation !== 'string' || spec.organisation.trim() === '')) {
        throw new TypeError(`"${where}.organisation" must be a non-empty string`);
      }
      // A KeyPair is accepted as a root but its secret is never kept.
      const isKeyPair = typeof spec.publicKeyMultibase === 'string';
      entry = {
        did,
        role: (isKeyPair ? undefined : spec.role) ?? 'authority',
        organisation: (isKeyPair ? undefined : spec.organisation) ?? did,
        ...(!isKeyPair && spec.name ? { name: spec.name } : {}),
        ...(!isKeyPair && spec.kinds !== undefined ? { kinds: Object.freeze(kindList(spec.kinds, `${where}.kinds`)) } : {}),
        ...(!isKeyPair && spec.organisations !== undefined ? { organisations: organisationList(spec.organisations, `${where}.organisations`) } : {}),
        // Key windows come only from a verified trust list.
        ...(i >= givenRoots.length - listRoots.length ? windowOf(root as { validFrom?: string; validUntil?: string }) : {}),
      };
    } else {
      throw new TypeError(`"${where}" must be a did:key string, a KeyPair or { did, name?, role?, kinds? }`);
    }
    if (seen.has(entry.did)) return;
    seen.add(entry.did);
    roots.push(Object.freeze(entry));
  });

  const rules: Record<string, readonly TrustKind[]> = { ...DEFAULT_RULES };
  if (input.rules !== undefined) {
    if (!isPlainObject(input.rules)) throw new TypeError('"rules" must be an object mapping roles to kinds');
    for (const [role, kinds] of Object.entries(input.rules)) {
      if (!(ISSUER_ROLES as readonly string[]).includes(role))
        throw new TypeError(`"rules" names an unknown role "${role}"; roles are: ${ISSUER_ROLES.join(', ')}`);
      rules[role] = Object.freeze(kindList(kinds, `rules.${role}`));
    }
  }

  if (input.now !== undefined) assertDate(input.now, 'now');
  const clockTolerance = input.clockTolerance ?? 60;
  if (typeof clockTolerance !== 'number' || !Number.isFinite(clockTolerance) || clockTolerance < 0) {
    throw new TypeError('"clockTolerance" must be a non-negative number of seconds');
  }
  const maxChainDepth = input.maxChainDepth ?? 3;
  if (!Number.isInteger(maxChainDepth) || maxChainDepth < 1 || maxChainDepth > 10) {
    throw new TypeError('"maxChainDepth" must be an integer from 1 to 10');
  }
  for (const flag of ['trustClaimedTimes', 'allowReinstatement'] as const) {
    if (input[flag] !== undefined && typeof input[flag] !== 'boolean') throw new TypeError(`"${flag}" must be a boolean`);
  }
  if (input.timestampAuthorities !== undefined && !Array.isArray(input.timestampAuthorities))
    throw new TypeError('"timestampAuthorities" must be a list of did:key');
  const timestampAuthorities = (input.timestampAuthorities ?? []).map((t, i) =>
    rootDid(typeof t === 'object' && t !== null ? (t as { did?: unknown }).did : t, `timestampAuthorities[${i}]`),
  );
  const maxStatusAge = input.maxStatusAge ?? DEFAULT_MAX_STATUS_AGE;
  if (typeof maxStatusAge !== 'number' || Number.isNaN(maxStatusAge) || maxStatusAge < 0) {
    throw new TypeError('"maxStatusAge" must be a non-negative number of seconds (or Infinity)');
  }
  const policy: TrustPolicy = Object.freeze({
    type: 'TrustPolicy' as const,
    roots: Object.freeze(roots),
    rules: Object.freeze(rules as Record<IssuerRole, readonly TrustKind[]>),
    ...(input.now ? { now: new Date(input.now.getTime()) } : {}),
    clockTolerance,
    maxChainDepth,
    trustClaimedTimes: input.trustClaimedTimes === true,
    timestampAuthorities: Object.freeze([...new Set(timestampAuthorities)]),
    allowReinstatement: input.allowReinstatement === true,
    maxStatusAge,
    ...(input.trustList ? { trustList: input.trustList } : {}),
  });
  policies.add(policy);
  return policy;
}

/**
 * @internal The same policy again on another thread (verifyPassport's worker threads), from a
 * structured clone of one made by {@link createTrustPolicy}. Only the library's own worker code
 * calls it, with what its parent thread sent: the clone is of a policy already checked there.
 * Rebuilding it through createTrustPolicy would lose the root key windows and the trust list,
 * which only a verified trust list may bring.
 */
export function reviveTrustPolicy(clone: TrustPolicy): TrustPolicy {
  const freezeList = <T>(list: readonly T[] | undefined): readonly T[] | undefined => (list === undefined ? undefined : Object.freeze([...list]));
  const policy: TrustPolicy = Object.freeze({
    ...clone,
    roots: Object.freeze(
      clone.roots.map((root) =>
        Object.freeze({
          ...root,
          ...(root.kinds !== undefined ? { kinds: freezeList(root.kinds) } : {}),
          ...(root.organisations !== undefined ? { organisations: freezeList(root.organisations) } : {}),
        }),
      ),
    ),
    rules: Object.freeze(Object.fromEntries(Object.entries(clone.rules).map(([role, kinds]) => [role, freezeList(kinds)])) as TrustPolicy['rules']),
    timestampAuthorities: Object.freeze([...clone.timestampAuthorities]),
    ...(clone.trustList !== undefined ? { trustList: Object.freeze({ ...clone.trustList }) } : {}),
  });
  policies.add(policy);
  return policy;
}
