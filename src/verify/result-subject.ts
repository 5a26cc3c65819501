// The words a credential's result is written with (its issuer's name, who vouches for it),
// read once here from what verification found, so the credential, presentation and passport
// results name issuers the same way.
import type { ResultSubject } from '../result.js';
import type { TrustEvaluation } from '../trust/judge-trust.js';

/**
 * The issuer's name and who accredited it, for the result builder: the accreditation's display
 * name when the accreditor gave one (its organisation id is not a name), else the entry's own
 * issuer name; never a DID.
 *
 * @example
 * ```ts
 * describeVerdict(result.checks, { ...resultSubject(result), description: describeEntry(entry) });
 * ```
 */
export function resultSubject(found: { issuerName?: string; trust?: TrustEvaluation }): ResultSubject {
  const trust = found.trust;
  const named = trust?.displayName !== undefined && trust.displayName !== trust.organisation ? trust.displayName : undefined;
  const issuerName = named ?? found.issuerName;
  return {
    ...(issuerName !== undefined ? { issuerName } : {}),
    ...(trust?.rootName !== undefined && trust.chain.length > 0 ? { accreditedBy: trust.rootName } : {}),
    ...(trust?.selfAsserted ? { selfAsserted: true } : {}),
  };
}
