// Verifying a holder's Data Integrity presentation: the holder's proof (purpose
// authentication, the verifier's challenge and domain), the signer being the holder, and every
// entry (signature, schema, dates, trust, holder binding). Never throws on bad data.
import { isPlainObject, snapshotJson } from '../internal/json.js';
import { checkKnownContexts, knownContextsWith } from '../verify/checks.js';
import type { ProofVerifier } from '../proof/proof-verifier.js';
import { verifyEddsaJcsProof } from '../proof/verify-proof.js';
import { CheckList, type VerificationResult } from '../result.js';
import { prepareTrust, trustOptionsOf, type TrustOptions } from '../verify/trust-options.js';
import { checkPresentedEntries, presentationResult, type PresentedEntryResult } from './check-entries.js';
import { holderOf, presentationOptions, presentationShapeProblem } from './presentation-rules.js';
import { readOptions } from '../internal/read-options.js';

/** Options of {@link verifyPresentation}. */
export interface VerifyPresentationOptions extends TrustOptions {
  /** The challenge (nonce) this verifier issued for this request. Required. */
  challenge: string;
  /** This verifier's domain. Required. */
  domain: string;
  /** The holder's name as on the ID you checked, for entries tied to a name rather than a key. */
  holderName?: string;
  /**
   * Require every shared entry to be about the person presenting it (default true): its subject
   * is the presenter's key, or the name on the ID you checked. The learning-passport flows
   * (passports, employer requests) keep the default. A generic verifier that accepts
   * presentations of credentials about someone else (a parent presenting a child's record, a
   * verifier relaying an issuer's credential) sets it to false: entries then carry no
   * `holder-binding` check.
   */
  requireHolderBinding?: boolean;
  /**
   * Verifiers for proof formats beyond eddsa-jcs-2022 (`rdfcProofVerifiers()` from
   * learning-passport/rdfc), for the presentation's proof and the entries it carries.
   */
  proofVerifiers?: readonly ProofVerifier[];
}

/** What {@link verifyPresentation} returns. */
export interface PresentationVerificationResult extends VerificationResult {
  /** The holder: the DID the presentation names, or else the controller of the key that signed it. */
  holder?: string;
  /** One result per shared entry. */
  entries: PresentedEntryResult[];
}

/**
 * Verifies a presentation made by {@link createPresentation} (or any VC 2.0 presentation secured
 * with eddsa-jcs-2022): its VC 2.0 shape, the presenter's proof with purpose `authentication`,
 * this verifier's `challenge` (a replayed presentation fails with
 * ERR_PRESENTATION_CHALLENGE_MISMATCH) and `domain` (ERR_PRESENTATION_DOMAIN_MISMATCH), that the
 * proof was made by the presentation's `holder` when it names one (`holder` is optional in VC
 * 2.0: without it, the presenter is whoever controls the signing key), and then every entry: its
 * own proof, schema, dates, trust (with `policy`) and, unless `requireHolderBinding: false`,
 * that it is about the presenter. `verdict` is `valid` only when every entry is; `summary` is
 * at most two short sentences an employer can act on, then one headline per entry; it never
 * names a custody role. A presentation with no entries is never `verified` (ERR_PRESENTATION_EMPTY).
 *
 * @throws {TypeError} when `challenge` or `domain` is missing or empty (they are never defaulted)
 * @example
 * ```ts
 * const result = await verifyPresentation(vp, { challenge, domain: 'jobs.example.co.uk', policy });
 * result.verdict;  // 'valid'
 * result.summary;  // "2 of 2 achievements checked: both valid.\n✓ Valid: …\n✓ Valid: …"
 * ```
 */
export async function verifyPresentation(vp: unknown, options: VerifyPresentationOptions): Promise<PresentationVerificationResult> {
  // Read once: a throwing getter or proxy is one TypeError, and no list can change between checks.
  options = readOptions(options);
  const { challenge, domain, now, holderName, requireHolderBinding } = presentationOptions(options);
  const knownContexts = knownContextsWith(options.knownContexts, options.proofVerifiers);
  const checks = new CheckList();
  const finish = (entries: PresentedEntryResult[], holder?: string): PresentationVerificationResult => presentationResult(checks, entries, holder);
  const snap = snapshotJson(vp);
  if (!snap.ok) {
    // Same codes as verifyCredential: too deep or too large is a limit, anything else is not JSON.
    checks.fail('shape', snap.limit ? 'ERR_LIMIT_EXCEEDED' : 'ERR_JSON_INVALID', `This is not a usable presentation: it contains ${snap.reason}.`);
    return finish([]);
  }
  if (!isPlainObject(snap.value)) {
    checks.fail('shape', 'ERR_SCHEMA_INVALID', 'This is not a presentation (not a JSON object).');
    return finish([]);
  }
  const doc = snap.value as Record<string, unknown>;
  const problem = presentationShapeProblem(doc, { requireHolder: false });
  if (problem) {
    checks.fail('shape', 'ERR_SCHEMA_INVALID', `This is not a valid presentation: ${problem}.`);
    return finish([]);
  }
  checks.pass('shape', 'The presentation has the W3C Verifiable Credentials 2.0 shape.');
  checkKnownContexts(doc, knownContexts, checks);

  // VC 2.0 §4.13: without `holder`, who presents is known from the securing mechanism alone.
  const named = holderOf(doc);
  const proofVerifiers = options.proofVerifiers !== undefined ? { proofVerifiers: options.proofVerifiers } : {};
  const outcome = await verifyEddsaJcsProof(doc, checks, {
    expectedProofPurpose: 'authentication',
    challenge,
    domain,
    ...proofVerifiers,
    ...(named !== undefined ? { signer: named } : {}),
  });
  const holder = named ?? (outcome.valid ? outcome.controller : undefined);
  if (outcome.valid && named !== undefined) {
    if (outcome.controller === named) checks.pass('holder-binding', 'The presentation was signed by its holder.');
    else checks.fail('holder-binding', 'ERR_HOLDER_BINDING', 'The presentation was signed by a key that is not its holder’s.');
  }
  const vcs = doc.verifiableCredential === undefined ? [] : Array.isArray(doc.verifiableCredential) ? doc.verifiableCredential : [doc.verifiableCredential];
  // Accreditations the holder carried in the presentation count like the verifier's own: they
  // are signed by their accreditors and only ever chain up to the verifier's roots.
  // With a prepared context they are added to it, as the verifier's own lists are (TrustOptions).
  const given = trustOptionsOf(options);
  if (Array.isArray(doc.accreditations)) given.accreditations = [...(given.accreditations ?? []), ...doc.accreditations];
  const trust = await prepareTrust(given);
  const entries = await checkPresentedEntries(vcs, holder, {
    now,
    requireHolderBinding,
    ...(holderName !== undefined ? { holderName } : {}),
    ...(options.knownContexts !== undefined ? { knownContexts: options.knownContexts } : {}),
    ...trust,
    ...proofVerifiers,
  });
  return finish(entries, holder);
}
