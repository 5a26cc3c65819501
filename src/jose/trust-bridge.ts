// The one place where the JOSE and SD-JWT verifiers reach the trust area. Data Integrity
// entries get trust through verifyCredential's `policy` option; JWT forms call this instead.
import type { CheckList } from '../result.js';

/** Trust options shared by every verifier of the sharing area (passed through to the trust area). */
export interface TrustOptions {
  /** A trust policy from createTrustPolicy(); when given, the issuer must be accredited for the kind. */
  policy?: unknown;
  /** Accreditation credentials that may link the issuer to a root (e.g. carried in the passport). */
  accreditations?: unknown[];
}

/** Adds the issuer-trust (and status) checks for a verified document, when a policy is given. */
export async function addTrustChecks(
  _document: Record<string, unknown>,
  _meta: { issuer: string; kind: string; signedAt?: string },
  options: TrustOptions & { now: Date },
  checks: CheckList,
): Promise<void> {
  if (options.policy === undefined) return;
  checks.unknown('issuer-trust', 'ERR_ISSUER_UNTRUSTED', 'The trust policy could not be applied to this format yet.');
}
