// Walks accreditations from a key up to a trust root, at a given moment, and returns what the
// key was allowed to do then. This is the "chain model": each link is judged at the time it
// was signed, so a rotated-out authority key does not orphan the issuers it accredited.
import type { PassportErrorCode } from '../errors.js';
import type { IssuerRole } from '../keys/types.js';
import type { TrustRoot } from './create-trust-policy.js';
import { roleLabel, type TrustCapability } from './rules.js';
import { contextInternals, type Accreditation, type TrustContext } from './trust-context.js';
import { rootActiveAt } from './trust-list.js';
import { plainDay, shortDid } from './util.js';

/**
 * One link of a trust chain: an accreditation, from the issuer up towards the root.
 *
 * @example
 * ```ts
 * for (const link of trust.chain) console.log(`${link.displayName} (${link.role}) accredited by ${link.accreditedBy}`);
 * ```
 */
export interface TrustChainLink {
  /** The accredited key. */
  did: string;
  /** The stable organisation id. */
  organisation: string;
  role: IssuerRole;
  /** The neutral display name from the accreditation. */
  displayName: string;
  /** The accreditation's id. */
  accreditationId: string;
  /** Who signed the accreditation. */
  accreditedBy: string;
}

/** @internal What a key was allowed to do at a moment, and the chain that says so. */
export interface Grant {
  did: string;
  role: IssuerRole;
  organisation: string;
  displayName: string;
  kinds: ReadonlySet<string> | 'all';
  capabilities: ReadonlySet<TrustCapability> | 'all';
  accreditRoles: ReadonlySet<IssuerRole> | 'all';
  chain: TrustChainLink[];
  root: TrustRoot;
  /** Set when the key was later reported compromised (after the moment asked about). */
  compromisedSince?: number;
  compromiseReason?: string;
  /** Set when a link above cannot be confirmed (signed by a key later reported compromised). */
  doubt?: string;
}

/** @internal Why a key has no grant. */
export interface Problem {
  code: PassportErrorCode;
  reason: string;
}

/** @internal */
export function allows<T>(set: ReadonlySet<T> | 'all', value: T): boolean {
  return set === 'all' || set.has(value);
}

/** The values of `child` that `parent` does not hold (undefined when none: the link narrows). */
function widening<T>(child: ReadonlySet<T>, parent: ReadonlySet<T> | 'all'): T[] | undefined {
  if (parent === 'all') return undefined;
  const extra = [...child].filter((v) => !parent.has(v));
  return extra.length > 0 ? extra : undefined;
}

/** @internal A name for a DID in messages: a root's name, an accredited display name, or a short DID. */
export function nameOf(context: TrustContext, did: string): string {
  const root = context.policy.roots.find((r) => r.did === did);
  if (root) return root.name ?? `the trust root ${shortDid(did)}`;
  const acc = contextInternals(context).accreditations.find((a) => a.subject === did);
  return acc ? acc.displayName : shortDid(did);
}

function rootGrant(root: TrustRoot): Grant {
  return {
    did: root.did,
    role: root.role,
    organisation: root.organisation,
    displayName: root.name ?? root.did,
    kinds: root.kinds ? new Set(root.kinds) : 'all',
    capabilities: 'all',
    accreditRoles: 'all',
    chain: [],
    root,
  };
}

function revocationState(context: TrustContext, acc: Accreditation): { end?: number; endReason?: string; compromised?: number; compromiseReason?: string } {
  const { revocationsByTarget } = contextInternals(context);
  const revocations = [...(revocationsByTarget.get(`id ${acc.id}`) ?? []), ...(revocationsByTarget.get(`did ${acc.subject}`) ?? [])];
  const isRoot = (did: string): boolean => context.policy.roots.some((r) => r.did === did);
  const out: { end?: number; endReason?: string; compromised?: number; compromiseReason?: string } = {};
  for (const r of revocations) {
    // Honoured only from a root or from the accreditation's own accreditor.
    if (r.issuer !== acc.issuer && !isRoot(r.issuer)) continue;
    const byId = r.accreditation !== undefined && r.accreditation === acc.id;
    const byKey = r.accreditation === undefined && r.did === acc.subject && (r.organisation === undefined || r.organisation === acc.organisation);
    if (!byId && !byKey) continue;
    if (out.end === undefined || r.effective < out.end) {
      out.end = r.effective;
      out.endReason = r.reason;
    }
    if (r.compromisedSince !== undefined && (out.compromised === undefined || r.compromisedSince < out.compromised)) {
      out.compromised = r.compromisedSince;
      out.compromiseReason = r.reason;
    }
  }
  return out;
}

/**
 * @internal The grants `did` held at `at` (ms), with problems explaining any accreditation
 * that did not count. `links` is the number of links already below this key.
 */
export function grantsAt(context: TrustContext, did: string, at: number, links = 0): { grants: Grant[]; problems: Problem[] } {
  // Memoised per context: a passport stuffed with accreditations among many keys must not make
  // the walk explode. Cycles need no special care: they end at the depth limit.
  const memo = contextInternals(context).grantMemo;
  const key = `${did}|${at}|${links}`;
  const known = memo.get(key) as { grants: Grant[]; problems: Problem[] } | undefined;
  if (known) return known;
  const found = resolve(context, did, at, links);
  memo.set(key, found);
  return found;
}

function resolve(context: TrustContext, did: string, at: number, links: number): { grants: Grant[]; problems: Problem[] } {
  const { policy } = context;
  // A root key from a trust list is a root only inside its window (a rotated-out key is not).
  const root = policy.roots.find((r) => r.did === did && rootActiveAt(r, at, policy.clockTolerance * 1000));
  if (root) return { grants: [rootGrant(root)], problems: [] };
  const tol = policy.clockTolerance * 1000;
  const grants: Grant[] = [];
  const problems: Problem[] = [];
  const mine = contextInternals(context).bySubject.get(did) ?? [];
  if (mine.length === 0) {
    problems.push({ code: 'ERR_ISSUER_UNTRUSTED', reason: `No accepted trust root has accredited ${shortDid(did)}.` });
    return { grants, problems };
  }
  for (const acc of mine) {
    const by = nameOf(context, acc.issuer);
    if (at < acc.validFrom - tol) {
      problems.push({ code: 'ERR_ACCREDITATION_INVALID', reason: `The accreditation of ${acc.displayName} by ${by} only starts on ${plainDay(acc.validFrom)}, after the date in question (${plainDay(at)}).` });
      continue;
    }
    if (acc.validUntil !== undefined && at > acc.validUntil + tol) {
      problems.push({ code: 'ERR_ACCREDITATION_INVALID', reason: `The accreditation of ${acc.displayName} by ${by} ended on ${plainDay(acc.validUntil)}, before the date in question (${plainDay(at)}).` });
      continue;
    }
    const state = revocationState(context, acc);
    if (state.compromised !== undefined && at >= state.compromised) {
      problems.push({
        code: 'ERR_KEY_COMPROMISED',
        reason: `The key of ${acc.displayName} was reported compromised from ${plainDay(state.compromised)} (${state.compromiseReason}); the date in question (${plainDay(at)}) is after that.`,
      });
      continue;
    }
    if (state.end !== undefined && at >= state.end) {
      problems.push({ code: 'ERR_ACCREDITATION_INVALID', reason: `The accreditation of ${acc.displayName} by ${by} was withdrawn on ${plainDay(state.end)} (${state.endReason}).` });
      continue;
    }
    if (links + 1 > policy.maxChainDepth) {
      problems.push({ code: 'ERR_ACCREDITATION_INVALID', reason: `The chain of accreditations is longer than this policy allows (${policy.maxChainDepth} links).` });
      continue;
    }
    if (acc.issuer === did) {
      problems.push({ code: 'ERR_ACCREDITATION_INVALID', reason: `${acc.displayName} accredited itself, which proves nothing.` });
      continue;
    }
    // The accreditor is judged when it signed this accreditation (chain model).
    const parent = grantsAt(context, acc.issuer, acc.signedAt, links + 1);
    if (parent.grants.length === 0) {
      const first = parent.problems[0];
      problems.push({
        code: first?.code === 'ERR_KEY_COMPROMISED' ? 'ERR_KEY_COMPROMISED' : 'ERR_ISSUER_UNTRUSTED',
        reason: `${acc.displayName} was accredited by ${by}, which is not a trusted root and was not itself validly accredited when it signed: ${first?.reason ?? 'no reason found'}`,
      });
      continue;
    }
    for (const pg of parent.grants) {
      if (!allows(pg.capabilities, 'accredit')) {
        problems.push({ code: 'ERR_ACCREDITATION_INVALID', reason: `${acc.displayName} was accredited by ${by}, which is not allowed to accredit others.` });
        continue;
      }
      if (!allows(pg.accreditRoles, acc.role)) {
        problems.push({ code: 'ERR_ACCREDITATION_INVALID', reason: `${acc.displayName} was accredited as ${roleLabel(acc.role)} by ${by}, which may not accredit that role.` });
        continue;
      }
      const widerKinds = widening(acc.kinds, pg.kinds);
      const widerCaps = widening(acc.capabilities, pg.capabilities);
      const widerRoles = acc.accreditRoles ? widening(acc.accreditRoles, pg.accreditRoles) : undefined;
      if (widerKinds || widerCaps || widerRoles) {
        const extra = [...(widerKinds ?? []), ...(widerCaps ?? []), ...(widerRoles ?? [])].join(', ');
        problems.push({ code: 'ERR_ACCREDITATION_INVALID', reason: `The accreditation of ${acc.displayName} by ${by} grants more than ${by} itself holds (${extra}); a chain may only narrow.` });
        continue;
      }
      const doubt =
        pg.doubt ??
        (pg.compromisedSince !== undefined
          ? `${acc.displayName} was accredited by ${by}, whose key was later reported compromised (from ${plainDay(pg.compromisedSince)}); nothing shows the accreditation was signed before that.`
          : undefined);
      grants.push({
        did,
        role: acc.role,
        organisation: acc.organisation,
        displayName: acc.displayName,
        kinds: acc.kinds,
        capabilities: acc.capabilities,
        accreditRoles: acc.accreditRoles ?? pg.accreditRoles,
        chain: [
          { did, organisation: acc.organisation, role: acc.role, displayName: acc.displayName, accreditationId: acc.id, accreditedBy: acc.issuer },
          ...pg.chain,
        ],
        root: pg.root,
        ...(state.compromised !== undefined ? { compromisedSince: state.compromised, compromiseReason: state.compromiseReason ?? '' } : {}),
        ...(doubt ? { doubt } : {}),
      });
    }
  }
  return { grants, problems };
}

/** @internal The organisations a key has been accredited for (at any time, via any valid chain at the accreditation's start). */
export function organisationsOf(context: TrustContext, did: string): Set<string> {
  const out = new Set<string>();
  const root = context.policy.roots.find((r) => r.did === did);
  if (root) out.add(root.organisation);
  for (const acc of contextInternals(context).bySubject.get(did) ?? []) {
    if (grantsAt(context, did, Math.max(acc.validFrom, acc.signedAt)).grants.some((g) => g.organisation === acc.organisation)) out.add(acc.organisation);
  }
  return out;
}
