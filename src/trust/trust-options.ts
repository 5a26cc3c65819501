// The one set of trust options. Every verifier (verifyCredential, verifyPassport,
// verifyPresentation, verifyVcJwt, verifyVpJwt, verifySdJwt) and evaluateTrust accepts it, and
// passes it on with trustOptionsOf(): a verifier that forgets an option cannot exist, because
// none of them lists the options by hand.
import type { TrustPolicy } from './create-trust-policy.js';
import type { TrustContext } from './trust-context.js';
import type { TrustSources } from './types.js';

/**
 * What a verifier needs to judge trust and status: a policy (or a prepared context) and the
 * material to judge by (accreditations, status lists, checkpoints, entries, `fetchStatusList`:
 * the same members as `TrustContextInput`). Without `policy` or `context` no trust check runs,
 * and "verified" only means the credential is intact and signed by the key its issuer names;
 * the status lists (given or fetched) still count for entries whose own issuer signed them.
 *
 * With `context`, the lists given with the same call are added to the context's own for that
 * call (the context is not changed, and items it was made from count once): nothing given is
 * dropped, so `{ context, statusLists: [fresh] }` checks against the fresh list as well.
 *
 * @example
 * ```ts
 * const trust: TrustOptions = { policy, accreditations: passport.accreditations, statusLists: passport.statusLists };
 * await verifyCredential(entry, trust);
 * await verifyVcJwt(jwt, trust);
 * // A context prepared once, plus a list fetched today:
 * await verifyCredential(entry, { context, statusLists: [todaysList] });
 * ```
 */
export interface TrustOptions extends TrustSources {
  /** The time to judge validity, accreditations and status at (default: the policy's `now`, else now). */
  now?: Date;
  /**
   * A verifier's trust policy (createTrustPolicy). With one, the issuer must be accredited,
   * through a chain to one of its roots, for the entry's kind (check `issuer-trust`), and the
   * entry's status list is checked (check `status`).
   */
  policy?: TrustPolicy;
  /**
   * A prepared trust context (createTrustContext) shared across many credentials; it replaces
   * `policy`. The lists given beside it are added to its own for this call, without changing it.
   */
  context?: TrustContext;
  /** Status lists older than this many seconds count as "unknown" (default: the policy's `maxStatusAge`, 30 days). */
  maxStatusAge?: number;
  /**
   * Context URLs this verifier understands besides the VC 2.0 and Open Badges 3.0 ones
   * (`KNOWN_CONTEXTS`). A credential using any other context gets an `unknown` `context` check
   * (ERR_CONTEXT_UNKNOWN) on every path: Data Integrity, vc+jwt, vp+jwt and enveloped credentials
   * (an SD-JWT VC is typed by `vct` and carries no `@context`).
   */
  knownContexts?: readonly string[];
}

/** The names of {@link TrustOptions}, in one list so that handing them on cannot drop one. */
const TRUST_OPTION_NAMES = [
  'now',
  'policy',
  'context',
  'accreditations',
  'statusLists',
  'checkpoints',
  'entries',
  'fetchStatusList',
  'maxStatusAge',
  'knownContexts',
] as const satisfies readonly (keyof TrustOptions)[];

// A compile-time check that the list above names every option: adding an option to the
// interface without adding it here fails the typecheck.
type Missing = Exclude<keyof TrustOptions, (typeof TRUST_OPTION_NAMES)[number]>;
const everyOptionListed: [Missing] extends [never] ? true : Missing = true;
void everyOptionListed;

/**
 * @internal The trust options among a verifier's options, without the undefined ones: what a
 * verifier hands on to the next (a presentation to its entries, a passport to each entry).
 */
export function trustOptionsOf(options: object | undefined): TrustOptions {
  const out: Record<string, unknown> = {};
  if (options === undefined || options === null) return out;
  for (const name of TRUST_OPTION_NAMES) {
    const value = (options as Record<string, unknown>)[name];
    if (value !== undefined) out[name] = value;
  }
  return out as TrustOptions;
}
