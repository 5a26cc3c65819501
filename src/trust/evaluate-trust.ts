// The public trust evaluation: the checks of the internal judge (judge-trust.ts), always with
// the entry's own signature checked. A caller can neither vouch that a signature was verified nor
// hand in a check list: trust is only ever lent to an entry whose proof holds.
import { judgeTrust, type TrustEvaluation } from './judge-trust.js';
import { trustOptionsOf, type TrustOptions } from './trust-options.js';
import { readOptions } from '../internal/read-options.js';

/**
 * Options of `evaluateTrust`: the {@link TrustOptions} every verifier takes (a `policy` or
 * a prepared `context` is required), and the entry's CID when the caller knows it.
 *
 * @example
 * ```ts
 * const options: EvaluateTrustOptions = { policy, accreditations: passport.accreditations, statusLists: passport.statusLists };
 * await evaluateTrust(entry, options);
 * ```
 */
export interface EvaluateTrustOptions extends TrustOptions {
  /** The entry's CID (entryId(entry)), used to find checkpoints after a key compromise (computed when absent). */
  entryCid?: string;
}

/**
 * Evaluates an entry's issuer under a trust policy and checks its status. The result names the
 * root and the chain of accreditations that made the entry trusted, or says plainly why not:
 * - an issuer no accepted root accredited for the entry's kind is never trusted (ERR_ISSUER_UNTRUSTED, ERR_KIND_NOT_ALLOWED);
 * - accreditations are judged when the entry was signed, so entries from a rotated-out key stay valid;
 * - after a key compromise, later entries fail (ERR_KEY_COMPROMISED) and earlier ones need another
 *   organisation's checkpoint from before the compromise, else they are "unknown";
 * - status that cannot be checked is "unknown" (ERR_STATUS_UNKNOWN), never a pass.
 *
 * The entry's eddsa-jcs-2022 signature is always checked first: an entry whose proof does not
 * verify, or whose key is not its issuer's, is never trusted. (verifyCredential and the JWT
 * verifiers run this evaluation themselves when given a policy.)
 *
 * @throws {TypeError} when neither a policy nor a context is given, or on bad options
 * @example
 * ```ts
 * const trust = await evaluateTrust(entry, { policy, accreditations: passport.accreditations });
 * trust.trusted;  // true
 * trust.verdict;  // 'valid'
 * trust.headline; // '✓ Valid: issued by City & Guilds'
 * trust.chain;    // [{ did, organisation: 'org:city-and-guilds', role: 'awarding-body', accreditationId, accreditedBy }]
 * trust.summary;  // 'Valid — City & Guilds is accredited as an awarding body by National Learning Authority; qualifications are within its accreditation.'
 * ```
 */
export async function evaluateTrust(credential: unknown, options: EvaluateTrustOptions): Promise<TrustEvaluation> {
  // Read once: a throwing getter or proxy is one TypeError, and no list can change between checks.
  options = readOptions(options);
  return judgeTrust(credential, { ...trustOptionsOf(options), entryCid: options.entryCid });
}
