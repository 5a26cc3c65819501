// Internal: judges whether an entry's issuer was allowed to say what it said, under a verifier's
// policy: a chain of valid accreditations from the issuer to an accepted root, for the entry's
// kind, at the time the entry was signed; then the entry's status. Adds the 'issuer-trust' and
// 'status' checks. Never throws on untrusted data. The verifiers call it with what they already
// know (the signature checked, the kind, their check list); the public evaluateTrust
// (evaluate-trust.ts) takes none of that from its caller.
import { decidingProof } from '../proof/identity-proofs.js';
import type { PassportErrorCode } from '../errors.js';
import { isPlainObject, snapshotJson } from '../internal/json.js';
import { assertDate, dateTimeStampInstant } from '../internal/time.js';
import type { IssuerRole } from '../keys/types.js';
import { entryId } from '../entries/entry-id.js';
import { entryKindOf, issuerIdOf, issuerNameOf, subjectOf } from '../entries/read-credential.js';
import { verifyEddsaJcsProof } from '../proof/verify-proof.js';
import { buildResult, CheckList, lazy, type Check, type Verdict, type VerificationResult } from '../result.js';
import { checkStatus, type StatusReport } from './check-status.js';
import { isTrustPolicy, type TrustPolicy } from './create-trust-policy.js';
import { allows, grantsAt, nameOf, organisationsOf, vouchedBefore, type Grant, type TrustChainLink } from './resolve-chain.js';
import { kindLabel, roleLabel, rolePlural, TRUST_KINDS } from './rules.js';
import { contextWith, createTrustContext, isTrustContext, type TrustContext } from './trust-context.js';
import { trustOptionsOf, type TrustOptions } from './trust-options.js';
import { plainDay } from './util.js';

/** What the verifiers may tell the judge besides the trust options. */
export interface JudgeTrustOptions extends TrustOptions {
  /** The entry's CID (entryId(entry)), used to find checkpoints after a key compromise (computed when absent). */
  entryCid?: string;
  /** The entry kind, when the caller already knows it (default: read from the entry). */
  kind?: string;
  /** Add the checks to this list as well (verifyCredential passes its own). */
  checks?: CheckList;
  /** Set only when the caller has already verified the entry's proof and that its key is the issuer's. */
  signatureVerified?: boolean;
}

/**
 * What `evaluateTrust` found: a result like every other (`verified`, `verdict`, `headline`,
 * `checks`, `errors`, `summary`, from the one result builder), plus who vouches for the issuer.
 *
 * @example
 * ```ts
 * const trust: TrustEvaluation = await evaluateTrust(entry, { policy, accreditations });
 * if (trust.verdict !== 'valid') console.log(trust.summary);
 * ```
 */
export interface TrustEvaluation extends VerificationResult {
  /** True when the issuer-trust check passed. */
  trusted: boolean;
  /** True when both the issuer-trust and status checks passed. */
  verified: boolean;
  /**
   * `valid` when the issuer is trusted for this kind and the status checks out; `not-valid`
   * when something is wrong (not accredited for it, revoked, a key used after its compromise);
   * `cant-check` when something is missing (accreditations, a status list, a checkpoint).
   */
  verdict: Verdict;
  /** One line: "✓ Valid: issued by City & Guilds", "✗ Not valid (withdrawn): issued by …". */
  headline: string;
  /** The checks added: `issuer-trust` and `status`. */
  checks: Check[];
  /** The entry kind judged. */
  kind: string;
  /** The issuer's DID. */
  issuer?: string;
  /** The accreditations that made the entry trusted, from the issuer up to the root (empty for a root or the holder). */
  chain: TrustChainLink[];
  /** The trust root the chain ends at. */
  root?: string;
  /** The root's name, when the policy gave one. */
  rootName?: string;
  role?: IssuerRole;
  organisation?: string;
  /** The issuer's neutral display name from its accreditation. */
  displayName?: string;
  /** True for a self-asserted entry signed by the holder. */
  selfAsserted?: boolean;
  /** What each credentialStatus entry showed. */
  status: StatusReport[];
  /** The verdict and why, with what to do next ("Valid — City & Guilds is accredited as an awarding body by …"). */
  summary: string;
}

// verifyPassport calls verifyCredential once per entry with the same options. When every list
// given is frozen (a passport's are), the prepared context is shared instead of re-verifying each
// accreditation for every entry. Unfrozen lists are never cached: the caller could change them.
const NONE = {};
const contexts = new WeakMap<object, unknown>();

function sharedContext(options: JudgeTrustOptions, make: () => Promise<TrustContext>): Promise<TrustContext> {
  const parts = [options.accreditations, options.statusLists, options.checkpoints, options.entries, options.fetchStatusList];
  if (!parts.every((p) => p === undefined || typeof p === 'function' || Object.isFrozen(p))) return make();
  let level = contexts;
  for (const part of [options.policy!, ...parts.map((p) => (p as object | undefined) ?? NONE)]) {
    let next = level.get(part) as WeakMap<object, unknown> | undefined;
    if (!next) {
      next = new WeakMap();
      level.set(part, next);
    }
    level = next;
  }
  // Last level: by the time proof expiry is judged at.
  const byTime = level as unknown as WeakMap<object, Map<number, Promise<TrustContext>>>;
  let times = byTime.get(NONE);
  if (!times) {
    times = new Map();
    byTime.set(NONE, times);
  }
  // Proof expiry of accreditations is judged to the minute (the clock tolerance is a minute too).
  const t = Math.floor(((options.now ?? options.policy!.now)?.getTime() ?? Date.now()) / 60_000);
  let found = times.get(t);
  if (!found) {
    if (times.size > 64) times.clear();
    found = make();
    times.set(t, found);
  }
  return found;
}

/** @internal True when the policy lets `grant` issue `kind`. */
function grantAllowsKind(policy: TrustPolicy, grant: Grant, kind: string): boolean {
  return (kind === 'revocation' || allows(grant.kinds, kind)) && (policy.rules[grant.role] as readonly string[]).includes(kind);
}

/**
 * What a person reads for the issuer `grant` belongs to: the accreditation's display name, else
 * the entry's own issuer name (neutral for custody roles: issueEntry sees to it). Never the
 * organisation id ("org:hmp-leeds"), which may name a prison, and never a DID.
 */
function grantName(grant: Grant, issuerName: string | undefined): string {
  return grant.displayName ?? issuerName ?? 'the issuer';
}

function chainText(context: TrustContext, grant: Grant, issuerName: string | undefined): string {
  const name = grantName(grant, issuerName);
  if (grant.chain.length === 0) return `${name} is a trust root of this policy`;
  const [first, ...rest] = grant.chain;
  const via = rest.map((l) => `${l.displayName} (${roleLabel(l.role)})`);
  const root = nameOf(context, grant.root.did);
  return `${name} is accredited as ${roleLabel(first!.role)} by ${[...via, root].join(', accredited by ')}`;
}

/** Evidence from someone else that `cid` existed before `grant`'s key was compromised or its accreditation ended. */
function evidenceFor(context: TrustContext, issuer: string, grant: Grant, cid: string): { name: string; at: number } | undefined {
  const ours = organisationsOf(context, issuer);
  ours.add(grant.organisation);
  return vouchedBefore(context, cid, Math.min(grant.compromisedSince ?? Infinity, grant.closedAt ?? Infinity), ours, issuer);
}

/** The work of evaluateTrust, with what a verifier already knows (see JudgeTrustOptions). */
export async function judgeTrust(credential: unknown, options: JudgeTrustOptions): Promise<TrustEvaluation> {
  if (!isPlainObject(options as unknown)) throw new TypeError('"options" must be an object');
  let context: TrustContext;
  if (options.context !== undefined) {
    if (!isTrustContext(options.context)) throw new TypeError('"context" must come from createTrustContext()');
    // The lists given with the call count too (TrustOptions): added for this call only.
    context = await contextWith(options.context, options);
  } else {
    const policy = options.policy;
    if (!isTrustPolicy(policy)) throw new TypeError('"policy" must come from createTrustPolicy()');
    context = await sharedContext(options, () => createTrustContext({ ...trustOptionsOf(options), policy }));
  }
  const { policy } = context;
  if (options.now !== undefined) assertDate(options.now, 'options.now');
  if (options.checks !== undefined && !(options.checks instanceof CheckList)) throw new TypeError('"options.checks" must be a CheckList');
  if (options.entryCid !== undefined && typeof options.entryCid !== 'string') throw new TypeError('"options.entryCid" must be a string');
  if (options.maxStatusAge !== undefined && (typeof options.maxStatusAge !== 'number' || !(options.maxStatusAge >= 0))) {
    throw new TypeError('"options.maxStatusAge" must be a non-negative number of seconds');
  }
  const now = (options.now ?? policy.now ?? new Date()).getTime();
  const tol = policy.clockTolerance * 1000;
  const checks = new CheckList();
  const result: TrustEvaluation = {
    trusted: false,
    verified: false,
    verdict: 'cant-check',
    headline: '',
    checks: checks.checks,
    errors: [],
    summary: '',
    kind: 'unknown',
    chain: [],
    status: [],
  };
  let issuerName: string | undefined;
  const finish = (): TrustEvaluation => {
    for (const c of checks.checks) options.checks?.checks.push(c);
    result.trusted = checks.checks.some((c) => c.check === 'issuer-trust' && c.status === 'pass');
    const trustCheck = checks.checks.find((c) => c.check === 'issuer-trust');
    // The accreditation's display name first (an organisation id is not a name), else the entry's own.
    const name = result.displayName !== undefined && result.displayName !== result.organisation ? result.displayName : issuerName;
    const said = buildResult(
      checks.checks,
      {
        description: `issued by ${name ?? 'an unnamed issuer'}`,
        ...(result.rootName !== undefined && result.chain.length > 0 ? { accreditedBy: result.rootName } : {}),
        ...(result.selfAsserted ? { selfAsserted: true } : trustCheck ? { valid: trustCheck.message } : {}),
      },
      {},
    );
    result.verified = said.verified;
    result.verdict = said.verdict;
    // Written when first read: a passport's entries are judged by the thousand.
    lazy(result, 'headline', () => said.headline);
    result.errors = said.errors;
    result.summary = said.summary;
    return result;
  };
  const distrust = (code: PassportErrorCode, message: string, status: 'fail' | 'unknown' = 'fail'): void => {
    if (status === 'fail') checks.fail('issuer-trust', code, message);
    else checks.unknown('issuer-trust', code, message);
  };

  const snap = snapshotJson(credential);
  if (!snap.ok || !isPlainObject(snap.value)) {
    distrust('ERR_SCHEMA_INVALID', 'This is not a credential, so its issuer cannot be trusted.');
    checks.unknown('status', 'ERR_STATUS_UNKNOWN', 'The status was not checked.');
    return finish();
  }
  const doc = snap.value as Record<string, unknown>;
  const issuer = issuerIdOf(doc);
  if (issuer) result.issuer = issuer;
  issuerName = issuerNameOf(doc);
  const kind = options.kind ?? entryKindOf(doc);
  result.kind = kind;
  if (!issuer) {
    distrust('ERR_ISSUER_UNTRUSTED', 'The entry names no issuer, so no accreditation can cover it.');
    checks.unknown('status', 'ERR_STATUS_UNKNOWN', 'The status was not checked because the issuer is unknown.');
    return finish();
  }
  if (!issuer.startsWith('did:key:')) {
    // A key that cannot be resolved offline (did:web, a URL) is something missing, not something
    // wrong: "can't check", as without a policy. Accreditations name did:key keys only.
    distrust('ERR_ISSUER_KEY_UNRESOLVED', 'The issuer’s key cannot be looked up without the internet, so who issued it cannot be checked.', 'unknown');
    checks.unknown('status', 'ERR_STATUS_UNKNOWN', 'The status was not checked because the issuer’s key is unknown.');
    return finish();
  }

  // Never lend trust to an entry whose signature does not hold: the chain is about the signer.
  let created: string | undefined;
  if (options.signatureVerified === true) {
    // The caller checked the proof: only read its time (a JOSE-secured credential has none).
    const proofValue = decidingProof(doc);
    if (isPlainObject(proofValue) && typeof proofValue.created === 'string') created = proofValue.created;
  } else {
    const local = new CheckList();
    const proof = await verifyEddsaJcsProof(doc, local, { now: new Date(now), clockTolerance: policy.clockTolerance });
    created = proof.created;
    if (!proof.valid || proof.controller !== issuer) {
      const why = proof.valid ? 'it was signed with a key that is not its issuer’s' : (local.firstProblem?.message ?? 'its signature does not verify');
      distrust(
        proof.valid ? 'ERR_ISSUER_KEY_MISMATCH' : (local.firstProblem?.code ?? 'ERR_PROOF_SIGNATURE_INVALID'),
        `The issuer cannot vouch for this entry: ${why.replace(/\.$/, '')}.`,
      );
      checks.unknown('status', 'ERR_STATUS_UNKNOWN', 'The status was not checked because the signature does not verify.');
      return finish();
    }
  }

  await judgeIssuer(context, doc, issuer, issuerName, kind, created, now, tol, options.entryCid, result, distrust, checks);
  result.status = await checkStatus(context, doc, issuer, now, checks, (options.maxStatusAge ?? policy.maxStatusAge) * 1000);
  return finish();
}

async function judgeIssuer(
  context: TrustContext,
  doc: Record<string, unknown>,
  issuer: string,
  issuerName: string | undefined,
  kind: string,
  created: string | undefined,
  now: number,
  tol: number,
  entryCid: string | undefined,
  result: TrustEvaluation,
  distrust: (code: PassportErrorCode, message: string, status?: 'fail' | 'unknown') => void,
  checks: CheckList,
): Promise<void> {
  const { policy } = context;
  if (!(TRUST_KINDS as readonly string[]).includes(kind)) {
    distrust('ERR_ENTRY_KIND_UNKNOWN', `The entry kind "${kind}" is unknown, so no accreditation can cover it.`);
    return;
  }
  if (kind === 'self-asserted') {
    if (subjectOf(doc)?.id === issuer) {
      result.selfAsserted = true;
      checks.pass('issuer-trust', 'Self-asserted: the holder signed it about themselves; no organisation vouches for it.');
    } else {
      distrust('ERR_KIND_NOT_ALLOWED', 'Only the holder can make a self-asserted entry, and this one was signed by someone else.');
    }
    return;
  }
  // The moment the issuer claims to have signed: the proof time, else validFrom.
  const at = dateTimeStampInstant(created) ?? dateTimeStampInstant(doc.validFrom);
  if (at === undefined) {
    distrust('ERR_ISSUER_UNTRUSTED', 'The entry carries no date, so it cannot be matched to its issuer’s accreditation.', 'unknown');
    return;
  }
  if (at > now + tol) {
    distrust('ERR_ISSUER_UNTRUSTED', `The entry claims to have been signed on ${plainDay(at)}, which is in the future.`);
    return;
  }
  const { grants, problems } = grantsAt(context, issuer, at);
  const fitting = grants.filter((g) => grantAllowsKind(policy, g, kind));
  const name = (g: Grant): string => grantName(g, issuerName);
  const describe = (g: Grant): void => {
    // An unnamed accreditation's link reads as the entry's own issuer name (a copy: chains are shared).
    result.chain = g.displayName === undefined && g.chain.length > 0 ? [{ ...g.chain[0]!, displayName: name(g) }, ...g.chain.slice(1)] : g.chain;
    result.root = g.root.did;
    if (g.root.name) result.rootName = g.root.name;
    result.role = g.role;
    result.organisation = g.organisation;
    if (g.displayName !== undefined) result.displayName = g.displayName;
  };
  const clean = fitting.find((g) => g.doubt === undefined && g.compromisedSince === undefined && g.closedAt === undefined);
  if (clean) {
    describe(clean);
    checks.pass('issuer-trust', `${chainText(context, clean, issuerName)}; ${kindLabel(kind)} are within its accreditation.`);
    return;
  }
  // Signed (it claims) before a reported compromise, or before the accreditation ended: the
  // claimed time is the issuer's word alone, so only someone else's earlier checkpoint proves it.
  const unvouched = fitting.filter((g) => g.doubt === undefined && (g.compromisedSince !== undefined || g.closedAt !== undefined));
  // The entry's own CID, computed here when the caller did not give it (entryId is synchronous).
  if (unvouched.length > 0 && entryCid === undefined) {
    try {
      entryCid = entryId(doc);
    } catch {
      entryCid = undefined;
    }
  }
  for (const g of unvouched) {
    const cp = entryCid ? evidenceFor(context, issuer, g, entryCid) : undefined;
    if (cp) {
      describe(g);
      const why =
        g.compromisedSince !== undefined
          ? `its key was later reported compromised (from ${plainDay(g.compromisedSince)})`
          : `its accreditation ended on ${plainDay(g.closedAt!)}`;
      checks.pass(
        'issuer-trust',
        `${chainText(context, g, issuerName)}; ${why}, but ${cp.name} recorded this entry in a checkpoint on ${plainDay(cp.at)}, before that.`,
      );
      return;
    }
  }
  const compromised = unvouched.find((g) => g.compromisedSince !== undefined);
  const evidence = entryCid
    ? 'no checkpoint by another organisation from before then covers it'
    : 'its CID could not be computed, so checkpoints could not be consulted';
  if (compromised) {
    describe(compromised);
    distrust(
      'ERR_KEY_COMPROMISED',
      `The key of ${name(compromised)} was reported compromised from ${plainDay(compromised.compromisedSince!)} (${compromised.compromiseReason}). This entry claims an earlier date, but ${evidence}, so it cannot be confirmed.`,
      'unknown',
    );
    return;
  }
  if (unvouched.length > 0) {
    const g = unvouched[0]!;
    describe(g);
    distrust(
      'ERR_SIGNING_TIME_UNVOUCHED',
      `The accreditation of ${name(g)} ended on ${plainDay(g.closedAt!)}. This entry claims to have been signed before then, but only the issuer says so and ${evidence}, so it cannot be confirmed.`,
      'unknown',
    );
    return;
  }
  const doubtful = fitting.find((g) => g.doubt !== undefined);
  if (doubtful) {
    describe(doubtful);
    distrust(doubtful.doubtCode ?? 'ERR_KEY_COMPROMISED', doubtful.doubt!, 'unknown');
    return;
  }
  if (grants.length > 0) {
    const g = grants[0]!;
    const byRole = (policy.rules[g.role] as readonly string[]).includes(kind);
    distrust(
      'ERR_KIND_NOT_ALLOWED',
      byRole
        ? `The accreditation of ${name(g)} does not cover ${kindLabel(kind)}.`
        : `${name(g)} is accredited as ${roleLabel(g.role)}, and under this policy ${rolePlural(g.role)} may not issue ${kindLabel(kind)}.`,
    );
    return;
  }
  const first = problems[0];
  if (first === undefined || first.missing) {
    // Nothing names this issuer. From an authority's trust list that is an answer (the
    // authority has not accredited it); from roots alone it only means the accreditations are
    // missing: "can't check", never "not valid" (a QR code cannot carry accreditations).
    const list = policy.trustList;
    if (list) distrust('ERR_ISSUER_UNTRUSTED', `${list.operatorName} has not accredited this issuer: it is not on trust list #${list.sequenceNumber}.`);
    else distrust('ERR_ISSUER_UNTRUSTED', 'Nothing you have loaded shows who accredits this issuer.', 'unknown');
    return;
  }
  distrust(first.code, first.reason);
}
