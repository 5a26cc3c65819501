// Verifying a holder's Data Integrity presentation: the holder's proof (purpose
// authentication, the verifier's challenge and domain), the signer being the holder, and every
// entry (signature, schema, dates, trust, holder binding). Never throws on bad data.
import { VC_V2_CONTEXT } from '../constants.js';
import { isPlainObject, snapshotJson } from '../internal/json.js';
import { assertDate } from '../internal/time.js';
import type { ProofVerifier } from '../proof/proof-verifier.js';
import { verifyEddsaJcsProof } from '../proof/verify-proof.js';
import { CheckList, type Check, type VerificationResult } from '../result.js';
import { trustOptionsOf, type TrustOptions } from '../jose/trust-bridge.js';
import { checkPresentedEntries, summarisePresentation, type PresentedEntryResult } from './check-entries.js';
import { assertNonEmpty } from './create-presentation.js';

/** Options of {@link verifyPresentation}. */
export interface VerifyPresentationOptions extends TrustOptions {
  /** The challenge (nonce) this verifier issued for this request. Required. */
  challenge: string;
  /** This verifier's domain. Required. */
  domain: string;
  /** The time to check validity against (default now). */
  now?: Date;
  /** The holder's name as on the ID you checked, for entries tied to a name rather than a key. */
  holderName?: string;
  /**
   * Verifiers for proof formats beyond eddsa-jcs-2022 (`rdfcProofVerifiers()` from
   * learning-passport/rdfc), for the presentation's proof and the entries it carries.
   */
  proofVerifiers?: readonly ProofVerifier[];
}

/** What {@link verifyPresentation} returns. */
export interface PresentationVerificationResult extends VerificationResult {
  /** The holder DID the presentation names. */
  holder?: string;
  /** One result per shared entry. */
  entries: PresentedEntryResult[];
}

/** Reads the holder of a presentation (a URL, or an object with an id). */
export function holderOf(vp: Record<string, unknown>): string | undefined {
  const holder = vp.holder;
  if (typeof holder === 'string') return holder;
  if (isPlainObject(holder) && typeof holder.id === 'string') return holder.id;
  return undefined;
}

/** The VC 2.0 presentation shape, or a problem. */
export function presentationShapeProblem(vp: Record<string, unknown>): string | undefined {
  const context = vp['@context'];
  if (!Array.isArray(context) || context[0] !== VC_V2_CONTEXT) return `"@context" must be a list starting with ${VC_V2_CONTEXT}`;
  const types = Array.isArray(vp.type) ? vp.type : [vp.type];
  if (!types.includes('VerifiablePresentation')) return '"type" must include VerifiablePresentation';
  if (holderOf(vp) === undefined) return 'it does not name its holder';
  const vcs = vp.verifiableCredential;
  if (vcs !== undefined && !isPlainObject(vcs) && !(Array.isArray(vcs) && vcs.every(isPlainObject))) {
    return '"verifiableCredential" must hold credential objects';
  }
  return undefined;
}

/** Checks the options shared by the presentation verifiers. */
export function presentationOptions(options: unknown): { challenge: string; domain: string; now: Date; holderName?: string } {
  if (!isPlainObject(options)) throw new TypeError('"options" with "challenge" and "domain" is required');
  assertNonEmpty(options.challenge, 'options.challenge');
  assertNonEmpty(options.domain, 'options.domain');
  const now = (options.now as Date | undefined) ?? new Date();
  assertDate(now, 'options.now');
  if (options.holderName !== undefined && typeof options.holderName !== 'string') throw new TypeError('"options.holderName" must be a string');
  return { challenge: options.challenge, domain: options.domain, now, ...(typeof options.holderName === 'string' ? { holderName: options.holderName } : {}) };
}

/**
 * Verifies a presentation made by {@link createPresentation}: the holder's eddsa-jcs-2022 proof
 * with purpose `authentication`, this verifier's `challenge` (a replayed presentation fails with
 * ERR_PRESENTATION_CHALLENGE_MISMATCH) and `domain` (ERR_PRESENTATION_DOMAIN_MISMATCH), that the
 * proof was made by the presentation's `holder`, and then every entry: its own proof, schema,
 * dates, trust (with `policy`) and holder binding. `summary` is plain English an employer can
 * act on.
 *
 * @throws {TypeError} when `challenge` or `domain` is missing or empty (they are never defaulted)
 * @example
 * ```ts
 * const result = await verifyPresentation(vp, { challenge, domain: 'jobs.example.co.uk', policy });
 * result.summary; // "2 achievements checked: both valid. …"
 * ```
 */
export async function verifyPresentation(vp: unknown, options: VerifyPresentationOptions): Promise<PresentationVerificationResult> {
  const { challenge, domain, now, holderName } = presentationOptions(options);
  const checks = new CheckList();
  const finish = (entries: PresentedEntryResult[], holder?: string): PresentationVerificationResult => {
    const entryProblems = entries.some((e) => !e.verified);
    return {
      verified: checks.verified && !entryProblems,
      checks: checks.checks,
      errors: [...checks.errors, ...entries.flatMap((e) => e.checks.filter((c) => c.status !== 'pass').map((c: Check) => ({ code: c.code!, message: `${e.description}: ${c.message}` })))],
      summary: summarisePresentation(checks, entries),
      ...(holder ? { holder } : {}),
      entries,
    };
  };
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
  const problem = presentationShapeProblem(doc);
  if (problem) {
    checks.fail('shape', 'ERR_SCHEMA_INVALID', `This is not a valid presentation: ${problem}.`);
    return finish([]);
  }
  const holder = holderOf(doc)!;
  checks.pass('shape', 'The presentation has the W3C Verifiable Credentials 2.0 shape.');

  const proofVerifiers = options.proofVerifiers !== undefined ? { proofVerifiers: options.proofVerifiers } : {};
  const outcome = await verifyEddsaJcsProof(doc, checks, { expectedProofPurpose: 'authentication', challenge, domain, ...proofVerifiers, signer: holder });
  if (outcome.valid) {
    if (outcome.controller === holder) checks.pass('holder-binding', 'The presentation was signed by its holder.');
    else checks.fail('holder-binding', 'ERR_HOLDER_BINDING', 'The presentation was signed by a key that is not its holder’s.');
  }
  const vcs = doc.verifiableCredential === undefined ? [] : Array.isArray(doc.verifiableCredential) ? doc.verifiableCredential : [doc.verifiableCredential];
  // Accreditations the holder carried in the presentation count like the verifier's own: they
  // are signed by their accreditors and only ever chain up to the verifier's roots.
  const trust = trustOptionsOf(options);
  if (Array.isArray(doc.accreditations) && trust.context === undefined) {
    trust.accreditations = [...(trust.accreditations ?? []), ...doc.accreditations];
  }
  const entries = await checkPresentedEntries(vcs, holder, {
    now,
    ...(holderName !== undefined ? { holderName } : {}),
    ...trust,
    ...proofVerifiers,
  });
  return finish(entries, holder);
}
