// The one place where the sharing and JWT areas reach the trust area. Data Integrity entries get
// trust through verifyCredential; the JWT forms, whose signature the JWT verifier has already
// checked, get it here.
import { isPlainObject } from '../internal/json.js';
import type { CheckList } from '../result.js';
import { checkStatus } from '../trust/check-status.js';
import { createStatusContext } from '../trust/trust-context.js';
import { judgeTrust } from '../trust/judge-trust.js';
import type { TrustOptions } from '../trust/trust-options.js';

export { trustOptionsOf, type TrustOptions } from '../trust/trust-options.js';

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
    const context = createStatusContext({
      ...(options.statusLists !== undefined ? { statusLists: options.statusLists } : {}),
      now: options.now,
      clockTolerance: 60,
    });
    await checkStatus(context, document, issuerValue, options.now.getTime(), checks, context.policy.maxStatusAge * 1000);
    return;
  }
  await judgeTrust(document, { ...options, kind: meta.kind, entryCid: meta.entryCid, signatureVerified: true, checks });
}
