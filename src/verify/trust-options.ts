// The one place where the sharing area reaches the trust area. Data Integrity entries get trust
// through verifyCredential when it honours `policy`; otherwise (and for the JWT forms, whose
// signature was already checked here) this calls evaluateTrust directly.
import { isPlainObject } from '../internal/json.js';
import type { CheckList } from '../result.js';
import { checkStatus } from '../trust/check-status.js';
import { evaluateTrust } from '../trust/evaluate-trust.js';
import { createStatusContext } from '../trust/trust-context.js';
import type { TrustPolicy } from '../trust/create-trust-policy.js';
import type { TrustContext } from '../trust/trust-context.js';

/** Trust options shared by every verifier of the sharing area (passed on to the trust area). */
export interface TrustOptions {
  /** A trust policy from createTrustPolicy(): the issuer must be accredited for the entry's kind. */
  policy?: TrustPolicy;
  /** Accreditation credentials that may link issuers to a root (e.g. carried in the passport). */
  accreditations?: readonly unknown[];
  /** A context from createTrustContext(), to share the work across many entries. */
  context?: TrustContext;
  /**
   * Status list credential snapshots. With or without a policy, a list signed by an entry's own
   * issuer key decides its revocation or suspension status.
   */
  statusLists?: readonly unknown[];
  /**
   * Context URLs this verifier understands besides the VC 2.0 and Open Badges 3.0 ones
   * (`KNOWN_CONTEXTS`). A credential using any other context gets an `unknown` `context` check
   * (ERR_CONTEXT_UNKNOWN) on every path: Data Integrity, vc+jwt, vp+jwt and enveloped credentials
   * (an SD-JWT VC is typed by `vct` and carries no `@context`).
   */
  knownContexts?: readonly string[];
}

/**
 * Adds the issuer-trust and status checks for a document whose signature is already verified;
 * without a policy, a `skipped` issuer-trust check says that who issued it was not checked.
 */
export async function addTrustChecks(
  document: Record<string, unknown>,
  meta: { kind: string; entryCid?: string },
  options: TrustOptions & { now: Date },
  checks: CheckList,
): Promise<void> {
  if (checks.checks.some((c) => c.check === 'issuer-trust')) return;
  if (options.policy === undefined && options.context === undefined) {
    checks.skip('issuer-trust', 'Who issued it was not checked against any trust list (no trust policy was given).');
    // No policy: no issuer is judged, but the issuer's own signed status list still counts.
    const issuerValue = isPlainObject(document.issuer) ? document.issuer.id : document.issuer;
    if (checks.checks.some((c) => c.check === 'status')) return;
    if (document.credentialStatus === undefined || typeof issuerValue !== 'string') return;
    const context = createStatusContext({ ...(options.statusLists !== undefined ? { statusLists: options.statusLists } : {}), now: options.now, clockTolerance: 60 });
    await checkStatus(context, document, issuerValue, options.now.getTime(), checks, context.policy.maxStatusAge * 1000);
    return;
  }
  await evaluateTrust(document, {
    ...(options.context !== undefined ? { context: options.context } : { policy: options.policy! }),
    ...(options.accreditations !== undefined ? { accreditations: options.accreditations as never } : {}),
    ...(options.statusLists !== undefined && options.context === undefined ? { statusLists: options.statusLists } : {}),
    now: options.now,
    kind: meta.kind,
    ...(meta.entryCid !== undefined ? { entryCid: meta.entryCid } : {}),
    signatureVerified: true,
    checks,
  });
}

/** The trust options to hand on, without undefined members. */
export function trustOptionsOf(options: TrustOptions): TrustOptions {
  if (!isPlainObject(options as unknown)) return {};
  return {
    ...(options.policy !== undefined ? { policy: options.policy } : {}),
    ...(options.accreditations !== undefined ? { accreditations: options.accreditations } : {}),
    ...(options.context !== undefined ? { context: options.context } : {}),
    ...(Array.isArray(options.statusLists) ? { statusLists: options.statusLists } : {}),
    ...(options.knownContexts !== undefined ? { knownContexts: options.knownContexts } : {}),
  };
}
