// The passport's question "may this actor revoke or supersede that entry?" answered from a trust
// context: an adapter from mayActOnEntry to currentView / verifyPassport's `canActFor`.
import { isPlainObject } from '../internal/json.js';
import type { LifecycleRequest } from './lifecycle-request.js';
import { mayActOnEntry } from './may-act-on-entry.js';
import { isTrustContext, type TrustContext } from './trust-context.js';

/**
 * Adapts a trust context to the passport's `canActFor(actor, target)` option, so
 * currentView / verifyPassport honour authorities' powers and key rotation. Each question is
 * judged at the time the acting entry claims (`target.at`, else `options.at`, else now), with
 * its CID and signing keys; when the caller does not say which action (`target.action`), the
 * actor must hold both powers. A malformed question is answered no.
 *
 * @throws {TypeError} when `context` is not from createTrustContext()
 * @example
 * ```ts
 * const context = await createTrustContext({ policy, accreditations: passport.accreditations });
 * const view = currentView(passport, { canActFor: lifecycleAuthority(context) });
 * ```
 */
export function lifecycleAuthority(context: TrustContext, options: { at?: Date | string } = {}): (actor: string, target: LifecycleRequest) => boolean {
  if (!isTrustContext(context)) throw new TypeError('"context" must come from createTrustContext()');
  return (actor, target) => {
    try {
      if (typeof actor !== 'string' || !isPlainObject(target) || typeof target.issuer !== 'string') return false;
      const at = target.at ?? options.at;
      const ask = (action: 'revoke' | 'supersede'): boolean =>
        mayActOnEntry(context, {
          actor,
          targetIssuer: target.issuer!,
          action,
          ...(typeof target.kind === 'string' ? { targetKind: target.kind } : {}),
          ...(at !== undefined ? { at } : {}),
          ...(typeof target.actorCid === 'string' ? { actorCid: target.actorCid } : {}),
          ...(typeof target.actorKey === 'string' ? { actorKey: target.actorKey } : {}),
          ...(typeof target.targetKey === 'string' ? { targetKey: target.targetKey } : {}),
        }).allowed;
      return target.action ? ask(target.action) : ask('revoke') && ask('supersede');
    } catch {
      // A malformed question (a bad date, a hostile object) is never a yes.
      return false;
    }
  };
}
