// The one place where the verifiers reach the trust area. Data Integrity entries get trust
// through verifyCredential; the JWT forms, whose signature the JWT verifier has already checked,
// get it through addTrustChecks. Both run the same no-policy status check below.
import { issuerIdOf } from '../entries/read-credential.js';
import type { CheckList } from '../result.js';
import { checkStatus } from '../trust/check-status.js';
import { contextWith, createStatusContext, isStatusContext, isTrustContext } from '../trust/trust-context.js';
import { judgeTrust } from '../trust/judge-trust.js';
import type { TrustOptions } from '../trust/trust-options.js';

export { trustOptionsOf, type TrustOptions } from '../trust/trust-options.js';

/** The trust options with the time and clock tolerance the verifier settled on. */
export type TrustOptionsAt = TrustOptions & { now: Date; clockTolerance: number };

/** True when no issuer is judged: no policy, and no context (or only a status context, see createStatusContext). */
export function withoutPolicy(options: TrustOptions): boolean {
  return options.policy === undefined && (options.context === undefined || isStatusContext(options.context));
}

/**
 * The checks without a trust policy, for every verifier alike: no issuer is judged, and a
 * `skipped` issuer-trust check says so; but a status list signed by the entry's own issuer key
 * still counts (that signature needs no policy), given, carried in a context or fetched with
 * `fetchStatusList`, judged with `maxStatusAge` and the verifier's clock tolerance as under a
 * policy. A status that cannot be checked is "unknown", never a pass. `signer` is the issuer
 * whose key made the signature that holds; without one (the signature failed) no status is read.
 *
 * @throws {TypeError} when `maxStatusAge` is not a non-negative number, or a list is not an array
 */
export async function checkStatusWithoutPolicy(
  document: Record<string, unknown>,
  signer: string | undefined,
  options: TrustOptionsAt,
  checks: CheckList,
): Promise<void> {
  if (document.credentialStatus !== undefined && signer !== undefined && !checks.checks.some((c) => c.check === 'status')) {
    const context =
      options.context !== undefined
        ? await contextWith(options.context, options)
        : createStatusContext({
            ...(options.statusLists !== undefined ? { statusLists: options.statusLists } : {}),
            ...(options.fetchStatusList !== undefined ? { fetchStatusList: options.fetchStatusList } : {}),
            ...(options.maxStatusAge !== undefined ? { maxStatusAge: options.maxStatusAge } : {}),
            now: options.now,
            clockTolerance: options.clockTolerance,
          });
    const maxAge = options.maxStatusAge ?? context.policy.maxStatusAge;
    if (typeof maxAge !== 'number' || !(maxAge >= 0)) throw new TypeError('"options.maxStatusAge" must be a non-negative number of seconds');
    await checkStatus(context, document, signer, options.now.getTime(), checks, maxAge * 1000);
  }
  // Said, not hidden: without a policy nobody checked who the issuer is (it does not make
  // `verified` false, but the verdict is "can't check").
  checks.skip('issuer-trust', 'Who issued it was not checked against any trust list (no trust policy was given).');
}

/**
 * Adds the issuer-trust and status checks for a document whose signature is already verified
 * and made by its issuer's key (the JWT forms); without a policy, those of
 * {@link checkStatusWithoutPolicy}.
 */
export async function addTrustChecks(
  document: Record<string, unknown>,
  meta: { kind: string; entryCid?: string },
  options: TrustOptionsAt,
  checks: CheckList,
): Promise<void> {
  if (checks.checks.some((c) => c.check === 'issuer-trust')) return;
  if (withoutPolicy(options)) return checkStatusWithoutPolicy(document, issuerIdOf(document), options, checks);
  const { clockTolerance: _judgedByThePolicy, ...trust } = options;
  await judgeTrust(document, { ...trust, kind: meta.kind, entryCid: meta.entryCid, signatureVerified: true, checks });
}

/**
 * The trust options of a verifier that checks many credentials with them (a presentation's
 * entries): with a `context`, the lists given beside it are added to it here, once, and every
 * credential then shares the result (handing it the same lists again adds nothing).
 */
export async function prepareTrust<T extends TrustOptions>(options: T): Promise<T> {
  if (options.context === undefined || !isTrustContext(options.context)) return options;
  return { ...options, context: await contextWith(options.context, options) };
}
