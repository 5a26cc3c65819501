import { isJcsProof, splitProofs } from '../proof/identity-proofs.js';
import { issuerIdOf, issuerNameOf } from '../entries/read-credential.js';
import { isPlainObject, snapshotJson } from '../internal/json.js';
import { buildResult, CheckList, type VerificationResult } from '../result.js';
import { describeEntry } from '../entries/describe.js';
import { resultSubject } from './result-subject.js';
import { judgeTrust, type TrustEvaluation } from '../trust/judge-trust.js';
import { describeViolations, type VcdmViolation, vcdmViolations } from '../proof/vcdm-conformance.js';
import type { ProofVerifier } from '../proof/proof-verifier.js';
import { verifyEddsaJcsProof } from '../proof/verify-proof.js';
import { checkKnownContexts, checkSchema, checkValidityPeriod, knownContextsWith, timeOptions } from './checks.js';
import { checkStatusWithoutPolicy, trustOptionsOf, withoutPolicy, type TrustOptions } from './trust-options.js';
import { readOptions } from '../internal/read-options.js';

/**
 * Options of {@link verifyCredential}: the {@link TrustOptions} every verifier takes (`now`, a
 * trust `policy` or `context`, accreditations, status lists, checkpoints, `fetchStatusList`, …)
 * and the checks of this verifier.
 *
 * @example
 * ```ts
 * const options: VerifyCredentialOptions = { policy, accreditations: passport.accreditations, clockTolerance: 120 };
 * await verifyCredential(entry, options);
 * ```
 */
export interface VerifyCredentialOptions extends TrustOptions {
  /** Seconds of clock difference tolerated on validFrom / validUntil (default 60). */
  clockTolerance?: number;
  /** The proof purpose required (default `assertionMethod`). */
  expectedProofPurpose?: string;
  /** The entry's CID when the caller knows it (it is computed when needed otherwise). */
  entryCid?: string;
  /**
   * Verifiers for proof formats beyond eddsa-jcs-2022: `rdfcProofVerifiers()` from
   * `learning-passport/rdfc` (eddsa-rdfc-2022, Ed25519Signature2020). Without them such proofs
   * are "can't check" (ERR_CRYPTOSUITE_UNSUPPORTED), never valid or invalid.
   */
  proofVerifiers?: readonly ProofVerifier[];
}

/** What {@link verifyCredential} returns: the common result plus what was learnt about the entry. */
export interface CredentialVerificationResult extends VerificationResult {
  /** The entry kind ('external' for credentials from other systems), when the shape was readable. */
  kind?: string;
  /** The issuer's id (its DID for learning-passport entries). */
  issuer?: string;
  /** The issuer's name as the credential states it (its neutral display name when present). */
  issuerName?: string;
  /** The verification method that signed. */
  verificationMethod?: string;
  /** What the trust policy found (with `policy` or `context`): chain, root, role, status reports. */
  trust?: TrustEvaluation;
  /** The VC Data Model 2.0 requirements the credential breaks, when the `shape` check failed. */
  violations?: VcdmViolation[];
}

/**
 * Verifies a credential secured with eddsa-jcs-2022: its shape (every W3C VC Data Model 2.0
 * MUST that can be checked on the JSON, before any hashing; see `vcdmViolations`), that its
 * contexts are ones this verifier understands (`context` check, `knownContexts`), its kind's schema
 * (for learning-passport entries), its signature, that the signing key belongs to the issuer,
 * and its validity period. Returns a result; never throws on bad data, whatever JSON value it
 * is given.
 *
 * Without a trust policy, "verified" means the credential is intact and was signed by the key
 * its issuer DID names; it does not say the issuer is who it claims to be. The result says so:
 * a `skipped` `issuer-trust` check, verdict `cant-check`, and "The signature is intact; who
 * issued it was not checked." in its summary.
 *
 * @throws {TypeError} only for caller mistakes in `options` (a `now` that is not a Date, …)
 * @example
 * ```ts
 * const result = await verifyCredential(entry, { policy });
 * result.verdict;  // 'valid' | 'not-valid' | 'cant-check'
 * result.headline; // "✓ Valid: Functional Skills Maths, Level 1 — qualification from City & Guilds, awarded March 2026"
 * if (!result.verified) console.log(result.errors); // [{ code: 'ERR_PROOF_SIGNATURE_INVALID', message: '…' }]
 * ```
 */
export async function verifyCredential(credential: unknown, options: VerifyCredentialOptions = {}): Promise<CredentialVerificationResult> {
  // Read once: a throwing getter or proxy is one TypeError, and no list can change between checks.
  options = readOptions(options);
  const { now, tolerance } = timeOptions(options);
  if (options.expectedProofPurpose !== undefined && typeof options.expectedProofPurpose !== 'string') {
    throw new TypeError('"options.expectedProofPurpose" must be a string');
  }
  if (
    options.proofVerifiers !== undefined &&
    (!Array.isArray(options.proofVerifiers) || !options.proofVerifiers.every((v) => typeof v?.supports === 'function' && typeof v.verify === 'function'))
  ) {
    throw new TypeError('"options.proofVerifiers" must be a list of proof verifiers (see learning-passport/rdfc)');
  }
  const knownContexts = knownContextsWith(options.knownContexts, options.proofVerifiers);
  const checks = new CheckList();
  let subjectDocument: unknown = credential;
  const finish = (extra: Omit<CredentialVerificationResult, keyof VerificationResult> = {}): CredentialVerificationResult =>
    buildResult(checks.checks, { description: () => describeEntry(subjectDocument), ...resultSubject(extra) }, extra);

  // Work on a snapshot: the caller's object may change while we await.
  const snap = snapshotJson(credential);
  if (!snap.ok || !isPlainObject(snap.value)) {
    if (snap.ok) checks.fail('shape', 'ERR_SCHEMA_INVALID', 'This is not a credential (not a JSON object).');
    else checks.fail('shape', snap.limit ? 'ERR_LIMIT_EXCEEDED' : 'ERR_JSON_INVALID', `This is not a usable credential: it contains ${snap.reason}.`);
    return finish();
  }
  const document = snap.value as Record<string, unknown>;
  if (isVc11(document)) {
    // A Verifiable Credentials 1.1 credential (Learner Credential Wallet badges, Ed25519Signature2020)
    // is not a forgery: it follows a data model this verifier does not check.
    const vc11Issuer = issuerIdOf(document);
    const issuer = { id: vc11Issuer, name: vc11Issuer === undefined ? undefined : issuerNameOf(document) };
    checks.unknown(
      'shape',
      'ERR_CONTEXT_UNKNOWN',
      'It is a Verifiable Credentials 1.1 credential; this verifier checks VC Data Model 2.0 credentials only, so it cannot be checked here.',
    );
    return finish({ ...(issuer.id ? { issuer: issuer.id } : {}), ...(issuer.name ? { issuerName: issuer.name } : {}) });
  }
  subjectDocument = document;
  // VC Data Model 2.0 conformance first: linear in the document, before any hashing.
  const violations = vcdmViolations(document, 'credential');
  const issuerId = issuerIdOf(document);
  const issuer = { id: issuerId, name: issuerId === undefined ? undefined : issuerNameOf(document) };
  const extra: Omit<CredentialVerificationResult, keyof VerificationResult> = {
    ...(issuer.id ? { issuer: issuer.id } : {}),
    ...(issuer.name ? { issuerName: issuer.name } : {}),
  };
  if (violations.length > 0) {
    checks.fail('shape', 'ERR_SCHEMA_INVALID', `This is not a valid credential: ${describeViolations(violations)}.`);
    extra.violations = violations;
    return finish(extra);
  }
  checks.pass('shape', 'The credential has the W3C Verifiable Credentials 2.0 shape.');
  checkKnownContexts(document, knownContexts, checks);

  const kind = checkSchema(document, checks);
  extra.kind = kind;

  const purpose = options.expectedProofPurpose;
  const outcome = await verifyEddsaJcsProof(document, checks, {
    now,
    clockTolerance: tolerance,
    expectedProofPurpose: purpose,
    proofVerifiers: options.proofVerifiers,
    signer: issuer.id,
  });
  if (kind !== 'external' && outcome.valid && !splitProofs(document, issuer.id).deciding.some(isJcsProof)) {
    // A learning-passport entry is issued with eddsa-jcs-2022 and identified by that proof (its
    // CID); a copy holding only the issuer's eddsa-rdfc-2022 proof has another CID, so a
    // revocation naming the entry would not reach it. Other verifiers may read it; here it is
    // "can't check", never valid.
    const at = checks.checks.findIndex((c) => c.check === 'signature');
    checks.checks[at] = {
      check: 'signature',
      status: 'unknown',
      code: 'ERR_PROOF_MISSING',
      message:
        'This learning-passport entry carries no eddsa-jcs-2022 proof, which identifies it (its other proof matches, but a revocation could not reach this copy); ask for the copy with both proofs.',
    };
    outcome.valid = false;
  }
  if (outcome.verificationMethod) extra.verificationMethod = outcome.verificationMethod;
  if (outcome.controller) {
    if (outcome.controller === issuer.id) checks.pass('issuer-key', 'The signing key belongs to the issuer.');
    else if (issuer.id?.startsWith('did:key:'))
      checks.fail('issuer-key', 'ERR_ISSUER_KEY_MISMATCH', 'The credential was signed with a key that is not the issuer’s.');
    else
      checks.unknown(
        'issuer-key',
        'ERR_ISSUER_KEY_UNRESOLVED',
        'The issuer’s key cannot be looked up without the internet, so the signature cannot be tied to the issuer.',
      );
  }

  checkValidityPeriod(document, now, tolerance, checks);
  if (withoutPolicy(options)) {
    // No trust policy: no issuer is judged, but a status list signed by the entry's own issuer
    // key still counts; only for credentials whose proof holds and was made by that key.
    const signer = outcome.valid && outcome.controller === issuer.id ? issuer.id : undefined;
    await checkStatusWithoutPolicy(document, signer, { ...options, now, clockTolerance: tolerance }, checks);
  } else {
    extra.trust = await judgeTrust(document, {
      ...trustOptionsOf(options),
      now,
      kind,
      entryCid: options.entryCid,
      checks,
      // The proof was checked above; the judge checks it itself when it was not sound.
      signatureVerified: outcome.valid && outcome.controller === issuer.id,
    });
  }
  return finish(extra);
}

/** The VC Data Model 1.1 base context. */
const VC_V1_CONTEXT = 'https://www.w3.org/2018/credentials/v1';

function isVc11(document: Record<string, unknown>): boolean {
  const context = document['@context'];
  return (Array.isArray(context) ? context[0] : context) === VC_V1_CONTEXT;
}
