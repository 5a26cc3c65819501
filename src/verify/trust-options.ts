// The one place where the sharing and JWT areas reach the trust area. Data Integrity entries get
// trust through verifyCredential; the JWT forms, whose signature the JWT verifier has already
// checked, get it here.
import type { CheckList } from '../result.js';
import { judgeTrust } from '../trust/judge-trust.js';
import type { TrustOptions } from '../trust/trust-options.js';

export { trustOptionsOf, type TrustOptions } from '../trust/trust-options.js';

/** Adds the issuer-trust and status checks for a document whose signature is already verified. */
export async function addTrustChecks(
  document: Record<string, unknown>,
  meta: { kind: string; entryCid?: string },
  options: TrustOptions & { now: Date },
  checks: CheckList,
): Promise<void> {
  if (options.policy === undefined && options.context === undefined) return;
  if (checks.checks.some((c) => c.check === 'issuer-trust')) return;
  await judgeTrust(document, { ...options, kind: meta.kind, entryCid: meta.entryCid, signatureVerified: true, checks });
}
