// Walks accreditations from a key up to a trust root, at a given moment, and returns what the
// key was allowed to do then. This is the "chain model": each link is judged at the time it
// was signed, so a rotated-out authority key does not orphan the issuers it accredited.
import type { PassportErrorCode } from '../errors.js';
import type { IssuerRole } from '../keys/types.js';
import type { TrustRoot } from './create-trust-policy.js';
import { roleLabel, type TrustCapability } from './rules.js';
import { contextInternals, type Accreditation, type TrustContext } from './trust-context.js';
import { rootActiveAt } from './trust-list.js';
import { plainDay } from './util.js';

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
  /**
   * The neutral display name from the accreditation. When the accreditor gave none, a neutral
   * stand-in (for the issuer of the entry judged, the entry's own issuer name), never the
   * organisation id, which may name a prison.
   */
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
  /** The accreditation's (or root's) neutral name; absent when it gave none (see {@link UNNAMED}). */
  displayName?: string;
  kinds: ReadonlySet<string> | 'all';
  capabilities: ReadonlySet<TrustCapability> | 'all';
  accreditRoles: ReadonlySet<IssuerRole> | 'all';
  /** The organisations this key may vouch for in accreditations it signs (exact ids or `prefix*`). */
  organisations: readonly string[] | 'all';
  chain: TrustChainLink[];
  root: TrustRoot;
  /** Set when the key was later reported compromised (after the moment asked about). */
  compromisedSince?: number;
  compromiseReason?: string;
  /** Set when a link above cannot be confirmed (signed by a key later reported compromised). */
  doubt?: string;
  /** The code that goes with `doubt`. */
  doubtCode?: PassportErrorCode;
  /**
   * Set when this key's accreditation has ended by the context's now (window closed, withdrawn):
   * the moment it ended. Anything the key signed claims a time before that, and nobody but the
   * key vouches for that time, so it needs evidence (see evaluate-trust's `vouchedBefore`).
   */
  closedAt?: number;
}

/** @internal Why a key has no grant. */
export interface Problem {
  code: PassportErrorCode;
  reason: string;
  /** Set when nothing the verifier holds names the key at all (missing material, not a bad chain). */
  missing?: true;
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

/**
 * @internal What messages call an accredited organisation whose accreditation gives no display
 * name. Its organisation id is an internal handle ("org:hmp-leeds") that can name a prison, so it
 * never stands in for a name in anything a person reads.
 */
export const UNNAMED = 'an unnamed accredited organisation';

/** "this issuer" for the key asked about (no link below it), else {@link UNNAMED}. */
function accName(acc: Accreditation, links: number): string {
  return acc.displayName ?? (links === 0 ? 'this issuer' : UNNAMED);
}

/** The text with its first letter in capitals (a name that stands first in a sentence). */
function initial(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** @internal A name for a DID in messages: a root's name, an accredited display name; never a DID or an organisation id. */
export function nameOf(context: TrustContext, did: string): string {
  const root = context.policy.roots.find((r) => r.did === did);
  if (root) return root.name ?? 'a trust root you chose';
  const acc = contextInternals(context).accreditations.find((a) => a.subject === did);
  // A person reads this: an organisation nothing vouches for is not named by its key.
  return acc ? (acc.displayName ?? UNNAMED) : 'an unknown organisation';
}

function rootGrant(root: TrustRoot): Grant {
  return {
    did: root.did,
    role: root.role,
    organisation: root.organisation,
    ...(root.name !== undefined ? { displayName: root.name } : {}),
    kinds: root.kinds ? new Set(root.kinds) : 'all',
    capabilities: 'all',
    accreditRoles: 'all',
    organisations: root.organisations ?? 'all',
    chain: [],
    root,
  };
}

/** @internal True when `organisation` lies within `scope` (exact ids, or `prefix*` patterns). */
function inOrganisationScope(scope: readonly string[] | 'all', organisation: string): boolean {
  if (scope === 'all') return true;
  return scope.some((p) => (p.endsWith('*') ? organisation.startsWith(p.slice(0, -1)) : p === organisation));
}

/** The patterns of `child` not covered by `parent` (a `prefix*` pattern needs a parent pattern at least as wide). */
function organisationsWidening(child: readonly string[], parent: readonly string[] | 'all'): string[] | undefined {
  if (parent === 'all') return undefined;
  const extra = child.filter((c) =>
    c.endsWith('*') ? !parent.some((p) => p.endsWith('*') && c.slice(0, -1).startsWith(p.slice(0, -1))) : !inOrganisationScope(parent, c),
  );
  return extra.length > 0 ? extra : undefined;
}

interface RevocationState {
  end?: number;
  endReason?: string;
  compromised?: number;
  compromiseReason?: string;
  /** True when every revocation that ends the accreditation is a planned key rotation (no withdrawal, no compromise). */
  rotationOnly?: boolean;
}

function revocationState(context: TrustContext, acc: Accreditation): RevocationState {
  const { revocationsByTarget } = contextInternals(context);
  const revocations = [...(revocationsByTarget.get(`id ${acc.id}`) ?? []), ...(revocationsByTarget.get(`did ${acc.subject}`) ?? [])];
  const isRoot = (did: string): boolean => context.policy.roots.some((r) => r.did === did);
  const out: RevocationState = {};
  let plain = false;
  for (const r of revocations) {
    // Honoured only from a root or from the accreditation's own accreditor.
    if (r.issuer !== acc.issuer && !isRoot(r.issuer)) continue;
    const byId = r.accreditation !== undefined && r.accreditation === acc.id;
    const byKey = r.accreditation === undefined && r.did === acc.subject && (r.organisation === undefined || r.organisation === acc.organisation);
    if (!byId && !byKey) continue;
    if (r.replacedBy === undefined || r.compromisedSince !== undefined) plain = true;
    if (out.end === undefined || r.effective < out.end) {
      out.end = r.effective;
      out.endReason = r.reason;
    }
    if (r.compromisedSince !== undefined && (out.compromised === undefined || r.compromisedSince < out.compromised)) {
      out.compromised = r.compromisedSince;
      out.compromiseReason = r.reason;
    }
  }
  if (out.end !== undefined && !plain) out.rotationOnly = true;
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
    problems.push({ code: 'ERR_ISSUER_UNTRUSTED', reason: 'Nothing you have loaded shows who accredits it.', missing: true });
    return { grants, problems };
  }
  for (const acc of mine) {
    const by = nameOf(context, acc.issuer);
    const who = accName(acc, links);
    if (at < acc.validFrom - tol) {
      problems.push({
        code: 'ERR_ACCREDITATION_INVALID',
        reason: `The accreditation of ${who} by ${by} only starts on ${plainDay(acc.validFrom)}, after the date in question (${plainDay(at)}).`,
      });
      continue;
    }
    if (acc.validUntil !== undefined && at > acc.validUntil + tol) {
      problems.push({
        code: 'ERR_ACCREDITATION_INVALID',
        reason: `The accreditation of ${who} by ${by} ended on ${plainDay(acc.validUntil)}, before the date in question (${plainDay(at)}).`,
      });
      continue;
    }
    const state = revocationState(context, acc);
    const closed = closedBy(context, acc, state);
    if (state.compromised !== undefined && at >= state.compromised) {
      problems.push({
        code: 'ERR_KEY_COMPROMISED',
        reason: `The key of ${who} was reported compromised from ${plainDay(state.compromised)} (${state.compromiseReason}); the date in question (${plainDay(at)}) is after that.`,
      });
      continue;
    }
    if (state.end !== undefined && at >= state.end) {
      problems.push({
        code: 'ERR_ACCREDITATION_INVALID',
        reason: `The accreditation of ${who} by ${by} was withdrawn on ${plainDay(state.end)} (${state.endReason}).`,
      });
      continue;
    }
    if (links + 1 > policy.maxChainDepth) {
      problems.push({
        code: 'ERR_ACCREDITATION_INVALID',
        reason: `The chain of accreditations is longer than this policy allows (${policy.maxChainDepth} links).`,
      });
      continue;
    }
    if (acc.issuer === did) {
      problems.push({ code: 'ERR_ACCREDITATION_INVALID', reason: `${initial(who)} accredited itself, which proves nothing.` });
      continue;
    }
    // The accreditor is judged when it signed this accreditation (chain model).
    const parent = grantsAt(context, acc.issuer, acc.signedAt, links + 1);
    if (parent.grants.length === 0) {
      const first = parent.problems[0];
      problems.push({
        code: first?.code === 'ERR_KEY_COMPROMISED' ? 'ERR_KEY_COMPROMISED' : 'ERR_ISSUER_UNTRUSTED',
        reason: `${initial(who)} was accredited by ${by}, which is not a trusted root and was not itself validly accredited when it signed: ${first?.reason ?? 'no reason found'}`,
      });
      continue;
    }
    for (const pg of parent.grants) {
      if (!allows(pg.capabilities, 'accredit')) {
        problems.push({ code: 'ERR_ACCREDITATION_INVALID', reason: `${initial(who)} was accredited by ${by}, which is not allowed to accredit others.` });
        continue;
      }
      if (!allows(pg.accreditRoles, acc.role)) {
        problems.push({
          code: 'ERR_ACCREDITATION_INVALID',
          reason: `${initial(who)} was accredited as ${roleLabel(acc.role)} by ${by}, which may not accredit that role.`,
        });
        continue;
      }
      // Organisation identity comes only from an accreditor that controls it: a sub-authority
      // for mentors cannot make a key part of an awarding body (and so gain its lifecycle powers).
      if (!inOrganisationScope(pg.organisations, acc.organisation)) {
        problems.push({
          code: 'ERR_ACCREDITATION_INVALID',
          reason: `${initial(by)} vouched for ${who} as part of an organisation outside those ${by} may vouch for.`,
        });
        continue;
      }
      const ownScope = acc.organisations ?? [acc.organisation];
      const widerOrgs = acc.capabilities.has('accredit') ? organisationsWidening(ownScope, pg.organisations) : undefined;
      const widerKinds = widening(acc.kinds, pg.kinds);
      const widerCaps = widening(acc.capabilities, pg.capabilities);
      const widerRoles = acc.accreditRoles ? widening(acc.accreditRoles, pg.accreditRoles) : undefined;
      if (widerKinds || widerCaps || widerRoles || widerOrgs) {
        const extra = [...(widerKinds ?? []), ...(widerCaps ?? []), ...(widerRoles ?? []), ...(widerOrgs ?? [])].join(', ');
        problems.push({
          code: 'ERR_ACCREDITATION_INVALID',
          reason: `The accreditation of ${who} by ${by} grants more than ${by} itself holds (${extra}); a chain may only narrow.`,
        });
        continue;
      }
      const doubt = pg.doubt !== undefined ? { reason: pg.doubt, code: pg.doubtCode ?? 'ERR_KEY_COMPROMISED' } : linkDoubt(context, acc, pg, by, who);
      grants.push({
        did,
        role: acc.role,
        organisation: acc.organisation,
        ...(acc.displayName !== undefined ? { displayName: acc.displayName } : {}),
        kinds: acc.kinds,
        capabilities: acc.capabilities,
        accreditRoles: acc.accreditRoles ?? pg.accreditRoles,
        organisations: acc.capabilities.has('accredit') ? ownScope : [],
        chain: [{ did, organisation: acc.organisation, role: acc.role, displayName: who, accreditationId: acc.id, accreditedBy: acc.issuer }, ...pg.chain],
        root: pg.root,
        ...(state.compromised !== undefined ? { compromisedSince: state.compromised, compromiseReason: state.compromiseReason ?? '' } : {}),
        ...(doubt ? { doubt: doubt.reason, doubtCode: doubt.code } : {}),
        ...(closed !== undefined ? { closedAt: closed } : {}),
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
    if (grantsAt(context, did, Math.max(acc.validFrom, acc.signedAt)).grants.some((g) => g.organisation === acc.organisation && g.doubt === undefined))
      out.add(acc.organisation);
  }
  return out;
}

/**
 * When `acc` ended, if it has ended by the context's now: its window closed or it was withdrawn.
 * Undefined while it is still open, or when the policy trusts claimed signing times, or when it
 * was ended by a planned key rotation alone (see below).
 */
function closedBy(context: TrustContext, acc: Accreditation, state: RevocationState): number | undefined {
  const { policy } = context;
  if (policy.trustClaimedTimes) return undefined;
  const end = Math.min(acc.validUntil ?? Infinity, state.end ?? Infinity);
  if (end > contextInternals(context).now) return undefined;
  // A planned rotation (the accreditor's notice names the key that replaces this one, and no
  // withdrawal or compromise notice touches it) does not lower trust in what the key could
  // already sign while its window was open: the old key gains no power it did not have the day
  // before, and a leak later is met by a compromise notice, which brings the strict rule back.
  // So claims dated inside the old window keep their verdict without a checkpoint.
  if (state.rotationOnly && state.end !== undefined && end === state.end) return undefined;
  return end;
}

/**
 * Why the link `acc` (signed by the key of `pg`) cannot be confirmed, if it cannot: its signer
 * was later reported compromised, or its signer's accreditation has since ended, and the
 * accreditation's claimed signing time is backed by no evidence from before then.
 */
function linkDoubt(context: TrustContext, acc: Accreditation, pg: Grant, by: string, who: string): Problem | undefined {
  const before = Math.min(pg.compromisedSince ?? Infinity, pg.closedAt ?? Infinity);
  if (before === Infinity) return undefined;
  if (vouchedBefore(context, acc.cid(), before, new Set([pg.organisation]), acc.issuer)) return undefined;
  return pg.compromisedSince !== undefined && pg.compromisedSince <= (pg.closedAt ?? Infinity)
    ? {
        code: 'ERR_KEY_COMPROMISED',
        reason: `${initial(who)} was accredited by ${by}, whose key was later reported compromised (from ${plainDay(pg.compromisedSince)}); nothing shows the accreditation was signed before that.`,
      }
    : {
        code: 'ERR_SIGNING_TIME_UNVOUCHED',
        reason: `${initial(who)} was accredited by ${by}, whose own accreditation ended on ${plainDay(pg.closedAt!)}; only ${by} vouches that it signed before then, and no checkpoint or trusted timestamp shows it.`,
      };
}

/**
 * @internal Evidence that `cid` existed before `before` from someone other than the signer: a
 * checkpoint (dated before `before`) that covers it, signed by a key the policy names as a
 * timestamp authority, or by a key of another organisation that was accredited for checkpoints
 * then and whose own time is not in question. Returns who and when, or undefined.
 */
export function vouchedBefore(
  context: TrustContext,
  cid: string | undefined,
  before: number,
  excludedOrganisations: ReadonlySet<string>,
  signer: string,
): { name: string; at: number } | undefined {
  if (cid === undefined) return undefined;
  const { policy } = context;
  for (const cp of contextInternals(context).checkpoints) {
    if (cp.issuer === signer || !cp.cids.has(cid) || cp.at >= before) continue;
    if (policy.timestampAuthorities.includes(cp.issuer)) return { name: nameOf(context, cp.issuer), at: cp.at };
    const ok = grantsAt(context, cp.issuer, cp.at).grants.find(
      (g) =>
        g.doubt === undefined &&
        g.compromisedSince === undefined &&
        g.closedAt === undefined &&
        allows(g.kinds, 'checkpoint') &&
        (policy.rules[g.role] as readonly string[]).includes('checkpoint') &&
        !excludedOrganisations.has(g.organisation),
    );
    if (ok) return { name: ok.displayName ?? UNNAMED, at: cp.at };
  }
  return undefined;
}

/** @internal The earliest moment any honoured report says `did` was compromised, if any. */
export function keyCompromisedSince(context: TrustContext, did: string): number | undefined {
  let out: number | undefined;
  for (const acc of contextInternals(context).bySubject.get(did) ?? []) {
    const c = revocationState(context, acc).compromised;
    if (c !== undefined && (out === undefined || c < out)) out = c;
  }
  return out;
}
