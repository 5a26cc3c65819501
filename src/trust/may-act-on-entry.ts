// Lifecycle authority: who may revoke or supersede an entry someone else signed. The passport's
// current view asks this for every revocation and supersession it applies.
import { assertDate, dateTimeStampInstant } from '../internal/time.js';
import { isPlainObject } from '../internal/json.js';
import { allows, grantsAt, keyCompromisedSince, organisationsOf, vouchedBefore } from './resolve-chain.js';
import { isTrustContext, type TrustContext } from './trust-context.js';
import { plainDay, tryDid } from './util.js';

/**
 * Input of {@link mayActOnEntry}.
 *
 * @example
 * ```ts
 * const input: MayActOnEntryInput = { actor: board.did, targetIssuer: prison.did, action: 'revoke', targetKind: 'work-experience' };
 * mayActOnEntry(context, input).allowed;
 * ```
 */
export interface MayActOnEntryInput {
  /** The DID that signed the revocation or the superseding entry. */
  actor: string;
  /** The DID that signed the entry acted on. */
  targetIssuer: string;
  action: 'revoke' | 'supersede';
  /** When the actor acted (its entry's proof time or validFrom); default: the context's now. */
  at?: Date | string;
  /** The kind of the target entry: an authority's power covers only kinds in its own scope. */
  targetKind?: string;
  /**
   * The CID of the acting entry. The time it claims is the actor's word alone; when the actor's
   * key was later reported compromised or its accreditation has since ended, only a checkpoint
   * covering this CID from before then (by another organisation or a timestamp authority) proves it.
   */
  actorCid?: string;
  /** The did:key that signed the acting entry (for actors whose issuer id is not a did:key). */
  actorKey?: string;
  /** The did:key that signed the entry acted on. */
  targetKey?: string;
}

/**
 * The answer of {@link mayActOnEntry}.
 *
 * @example
 * ```ts
 * const { allowed, basis } = mayActOnEntry(context, input); // true, 'authority'
 * ```
 */
export interface MayActOnEntryResult {
  allowed: boolean;
  /** `same-key`, `same-organisation` (e.g. after a key rotation) or `authority` (an accredited power). */
  basis?: 'same-key' | 'same-organisation' | 'authority';
  /** Plain English. */
  reason: string;
}

/**
 * Says whether `actor` may revoke or supersede an entry signed by `targetIssuer`: always for the
 * same key; for another key of the same accredited organisation (key rotation); and for an
 * issuer accredited with the `revoke-others` / `supersede-others` power (a trust root has every
 * power), within the kinds its accreditation covers. Synchronous, so a passport view can call it
 * per entry; accreditations were checked when the context was made.
 *
 * @throws {TypeError} when `context` is not from createTrustContext() or the input is malformed
 * @example
 * ```ts
 * const context = await createTrustContext({ policy, accreditations });
 * mayActOnEntry(context, { actor: authority.did, targetIssuer: prison.did, action: 'revoke' });
 * // { allowed: true, basis: 'authority', reason: '…' }
 * ```
 */
export function mayActOnEntry(context: TrustContext, input: MayActOnEntryInput): MayActOnEntryResult {
  if (!isTrustContext(context)) throw new TypeError('"context" must come from createTrustContext()');
  if (!isPlainObject(input)) throw new TypeError('"input" must be an object');
  if (typeof input.actor !== 'string' || typeof input.targetIssuer !== 'string') throw new TypeError('"actor" and "targetIssuer" must be DID strings');
  if (input.action !== 'revoke' && input.action !== 'supersede') throw new TypeError('"action" must be "revoke" or "supersede"');
  const { policy } = context;
  const now = (policy.now ?? new Date()).getTime();
  let at: number;
  if (input.at === undefined) at = now;
  else if (input.at instanceof Date) {
    assertDate(input.at, 'at');
    at = input.at.getTime();
  } else {
    const parsed = dateTimeStampInstant(input.at);
    if (parsed === undefined) throw new TypeError('"at" must be a Date or a date-time string');
    at = parsed;
  }
  const deny = (reason: string): MayActOnEntryResult => ({ allowed: false, reason });
  if (input.action === 'revoke' && input.targetKind === 'revocation' && !policy.allowReinstatement) {
    return deny('A revocation stands once made: this policy does not let a revocation be revoked to reinstate an entry.');
  }
  if (at > now + policy.clockTolerance * 1000) return deny('The action claims a date in the future.');
  const actor = tryDid(input.actor);
  if (!actor || actor !== input.actor) {
    // Nothing ties an issuer id that is not a did:key to a key: only the very key that signed
    // the target may act on it.
    if (input.actor === input.targetIssuer && input.actorKey !== undefined && input.actorKey === input.targetKey) {
      return compromiseCheck(context, input.actorKey, at, input.actorCid) ?? { allowed: true, basis: 'same-key', reason: 'The same key signed both entries.' };
    }
    return deny('The actor is not a did:key, so nothing ties its statement to the issuer it names.');
  }
  // Judged at the time of the action: a key reported compromised before then has no power, and
  // a date before the report is believed only with evidence from someone else.
  const compromised = compromiseCheck(context, actor, at, input.actorCid);
  if (compromised) return compromised;
  if (actor === input.targetIssuer) return { allowed: true, basis: 'same-key', reason: 'An issuer may always act on its own entries.' };
  const all = grantsAt(context, actor, at).grants.filter((g) => g.doubt === undefined);
  // An accreditation that has since ended: the claimed date is the actor's word alone.
  const grants = all.filter((g) => g.closedAt === undefined || vouchedBefore(context, input.actorCid, g.closedAt, organisationsOf(context, actor), actor));
  if (grants.length === 0) {
    return deny(
      all.length > 0
        ? 'The actor’s accreditation has since ended, and nothing but the actor shows it acted before then.'
        : 'The actor held no valid accreditation at the time it acted.',
    );
  }
  const target = tryDid(input.targetIssuer);
  if (target) {
    const theirs = organisationsOf(context, target);
    const same = grants.find((g) => theirs.has(g.organisation));
    if (same) return { allowed: true, basis: 'same-organisation', reason: `Both keys belong to ${same.displayName ?? 'the same accredited organisation'}.` };
  }
  const power = input.action === 'revoke' ? 'revoke-others' : 'supersede-others';
  const kind = input.targetKind;
  const authority = grants.find((g) => allows(g.capabilities, power) && (kind === undefined || allows(g.kinds, kind)));
  if (authority) {
    return {
      allowed: true,
      basis: 'authority',
      reason: `${authority.displayName ?? 'The actor'} is accredited to ${input.action} other issuers' entries${kind ? ` of this kind` : ''}.`,
    };
  }
  return deny(`The actor may not ${input.action} entries signed by another organisation.`);
}

/** A refusal when `key` was reported compromised before `at`, or after it without evidence that it acted earlier. */
function compromiseCheck(context: TrustContext, key: string, at: number, actorCid: string | undefined): MayActOnEntryResult | undefined {
  const since = keyCompromisedSince(context, key);
  if (since === undefined) return undefined;
  if (at >= since) return { allowed: false, reason: `The actor’s key was reported compromised from ${plainDay(since)}, before it acted.` };
  if (vouchedBefore(context, actorCid, since, organisationsOf(context, key), key)) return undefined;
  return {
    allowed: false,
    reason: `The actor’s key was reported compromised from ${plainDay(since)}; the action claims an earlier date, but no checkpoint by another organisation shows it was made before then.`,
  };
}
