// Lifecycle authority: who may revoke or supersede an entry someone else signed. The passport's
// current view asks this for every revocation and supersession it applies.
import { assertDate } from '../internal/time.js';
import { isPlainObject } from '../internal/json.js';
import { allows, grantsAt, organisationsOf } from './resolve-chain.js';
import { isTrustContext, type TrustContext } from './trust-context.js';
import { instant, tryDid } from './util.js';

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
  let at: number;
  if (input.at === undefined) at = (context.policy.now ?? new Date()).getTime();
  else if (input.at instanceof Date) {
    assertDate(input.at, 'at');
    at = input.at.getTime();
  } else {
    const parsed = instant(input.at);
    if (parsed === undefined) throw new TypeError('"at" must be a Date or a date-time string');
    at = parsed;
  }
  if (input.actor === input.targetIssuer) return { allowed: true, basis: 'same-key', reason: 'An issuer may always act on its own entries.' };
  const actor = tryDid(input.actor);
  if (!actor) return { allowed: false, reason: 'The actor is not a did:key, so it holds no accreditation.' };
  const grants = grantsAt(context, actor, at).grants.filter((g) => g.doubt === undefined && g.compromisedSince === undefined);
  if (grants.length === 0) return { allowed: false, reason: 'The actor held no valid accreditation at the time it acted.' };
  const target = tryDid(input.targetIssuer);
  if (target) {
    const theirs = organisationsOf(context, target);
    const same = grants.find((g) => theirs.has(g.organisation));
    if (same) return { allowed: true, basis: 'same-organisation', reason: `Both keys belong to ${same.displayName}.` };
  }
  const power = input.action === 'revoke' ? 'revoke-others' : 'supersede-others';
  const kind = input.targetKind;
  const authority = grants.find((g) => allows(g.capabilities, power) && (kind === undefined || allows(g.kinds, kind)));
  if (authority) {
    return { allowed: true, basis: 'authority', reason: `${authority.displayName} is accredited to ${input.action} other issuers' entries${kind ? ` of this kind` : ''}.` };
  }
  return { allowed: false, reason: `The actor may not ${input.action} entries signed by another organisation.` };
}

/**
 * Adapts a trust context to the passport's `canActFor(actor, target)` option, so
 * currentView / verifyPassport honour authorities' powers and key rotation. When the caller
 * does not say which action (`target.action`), the actor must hold both powers.
 *
 * @throws {TypeError} when `context` is not from createTrustContext()
 * @example
 * ```ts
 * const context = await createTrustContext({ policy, accreditations: passport.accreditations });
 * const view = currentView(passport, { canActFor: lifecycleAuthority(context) });
 * ```
 */
export function lifecycleAuthority(
  context: TrustContext,
  options: { at?: Date | string } = {},
): (actor: string, target: { issuer: string | undefined; kind: string; action?: 'revoke' | 'supersede'; at?: Date | string }) => boolean {
  if (!isTrustContext(context)) throw new TypeError('"context" must come from createTrustContext()');
  return (actor, target) => {
    if (typeof actor !== 'string' || !isPlainObject(target) || typeof target.issuer !== 'string') return false;
    const at = target.at ?? options.at;
    const ask = (action: 'revoke' | 'supersede'): boolean => {
      try {
        return mayActOnEntry(context, { actor, targetIssuer: target.issuer!, action, targetKind: target.kind, ...(at !== undefined ? { at } : {}) }).allowed;
      } catch {
        return false;
      }
    };
    return target.action ? ask(target.action) : ask('revoke') && ask('supersede');
  };
}
