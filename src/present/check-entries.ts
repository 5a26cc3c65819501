// Checking the entries inside a presentation (Data Integrity or vc+jwt form) and assembling the
// presentation's result (its lines are written by the result builder in result.ts). Shared by
// verifyPresentation and verifyVpJwt.
import { isPlainObject } from '../internal/json.js';
import type { ProofVerifier } from '../proof/proof-verifier.js';
import { verifyCredential, type CredentialVerificationResult } from '../verify/verify-credential.js';
import {
  CheckList,
  describePresentation,
  describeVerdict,
  errorsOf,
  notCheckedLines,
  type Check,
  type Verdict,
  type VerificationError,
  type VerificationResult,
} from '../result.js';
import { verifyVcJwt } from '../jwt/verify-vc-jwt.js';
import { trustOptionsOf, type TrustOptions } from '../verify/trust-options.js';
import { resultSubject } from '../verify/result-subject.js';
import { credentialIdOf, entryKindOf } from '../entries/read-credential.js';
import { describeEntry } from '../entries/describe.js';
import { contentIdOf } from './entry-facts.js';
import { matchIdentity } from './identity-object.js';

/** The result for one entry of a presentation. */
export interface PresentedEntryResult {
  /** The credential id, or the content id, or `#<index>`. */
  id: string;
  /** The content id (CID), when computable. */
  entryId?: string;
  kind: string;
  /** True when the entry verified and is bound to the presenting holder. */
  verified: boolean;
  /** `valid`, `not-valid` or `cant-check` (holder binding included). */
  verdict: Verdict;
  /** One line: ✓/✗/?, the verdict, the entry in plain English and its issuer's name. */
  headline: string;
  /** The verdict and why: "Valid — …", "Not valid — … <what to do>" or "Can’t check — … <what to do>". */
  summary: string;
  /** The entry in plain English (describeEntry()). */
  description: string;
  /** The issuer's name (the accreditation's display name under a policy), never a DID. */
  issuerName?: string;
  /**
   * `pass`, `fail` or `unknown` (an entry tied to a name can only be checked against ID);
   * `not-required` when the verifier turned holder binding off.
   */
  holderBinding: Check['status'] | 'not-required';
  /**
   * False when the presentation itself was refused or could not be checked (wrong request code
   * or website, a signature that does not hold): the entry is then not relied on whatever its
   * own checks say; its verdict is the presentation's and its headline starts with "–", never ✓.
   */
  checked: boolean;
  checks: Check[];
  /** The checks that failed or could not be decided, with their codes (as every result's `errors`). */
  errors: VerificationError[];
}

/** Options for checking presented entries. */
export interface CheckEntriesOptions extends TrustOptions {
  now: Date;
  /** Seconds of clock skew allowed on each entry's dates (the caller's, so entries and the envelope agree). */
  clockTolerance?: number;
  /** The holder's name as on their ID, for entries bound to a name (IdentityObject). */
  holderName?: string;
  /** Check that each entry is about the holder (default true); false adds no `holder-binding` check. */
  requireHolderBinding?: boolean;
  /** Extra context URLs the verifier understands (verifyCredential's `knownContexts`). */
  knownContexts?: readonly string[];
  /** Verifiers for other proof formats (`rdfcProofVerifiers()` from learning-passport/rdfc). */
  proofVerifiers?: readonly ProofVerifier[];
}

const ENVELOPED_PREFIX = 'data:application/vc+jwt,';

/** Checks that the entry's subject is the holder: by DID, or by a hashed name the verifier saw on ID. */
async function holderBinding(entry: Record<string, unknown>, holder: string | undefined, holderName: string | undefined): Promise<Check> {
  const subjects = Array.isArray(entry.credentialSubject) ? entry.credentialSubject : [entry.credentialSubject];
  const subject = subjects[0];
  const fail = (message: string): Check => ({ check: 'holder-binding', status: 'fail', code: 'ERR_HOLDER_BINDING', message });
  if (!isPlainObject(subject) || subjects.length !== 1) return fail('The record does not name one person it belongs to.');
  if (typeof subject.id === 'string') {
    if (holder === undefined) {
      return {
        check: 'holder-binding',
        status: 'unknown',
        code: 'ERR_HOLDER_BINDING',
        message: 'The presenter could not be identified, so the record cannot be tied to them.',
      };
    }
    return subject.id === holder
      ? { check: 'holder-binding', status: 'pass', message: 'The record belongs to the person who shared it (same key).' }
      : fail('The record belongs to someone else: it names a different holder key.');
  }
  const identities = Array.isArray(subject.identifier) ? subject.identifier : [];
  if (identities.length > 0) {
    if (holderName !== undefined) {
      for (const identity of identities) {
        if (await matchIdentity(identity, holderName)) {
          return { check: 'holder-binding', status: 'pass', message: 'The record is tied to the name on the ID you checked.' };
        }
      }
      return fail('The record is tied to a different name from the one you gave.');
    }
    return {
      check: 'holder-binding',
      status: 'unknown',
      code: 'ERR_HOLDER_BINDING',
      message: 'The record is tied to a name, not a key: check the person’s ID to be sure it is theirs.',
    };
  }
  return { check: 'holder-binding', status: 'unknown', code: 'ERR_HOLDER_BINDING', message: 'The record does not say who it belongs to.' };
}

/** Verifies each presented credential and its holder binding. Never throws on bad data. */
export async function checkPresentedEntries(credentials: unknown[], holder: string | undefined, options: CheckEntriesOptions): Promise<PresentedEntryResult[]> {
  const trust = trustOptionsOf(options);
  const bind = options.requireHolderBinding !== false;
  const contexts = {
    ...(options.knownContexts !== undefined ? { knownContexts: options.knownContexts } : {}),
    ...(options.clockTolerance !== undefined ? { clockTolerance: options.clockTolerance } : {}),
  };
  return Promise.all(
    credentials.map(async (item, index): Promise<PresentedEntryResult> => {
      let result: VerificationResult;
      let entry: unknown = item;
      // VC 2.0 §4.13: a JOSE-secured credential travels as an EnvelopedVerifiableCredential.
      if (isPlainObject(item) && item.type === 'EnvelopedVerifiableCredential' && typeof item.id === 'string' && item.id.startsWith(ENVELOPED_PREFIX)) {
        const r = await verifyVcJwt(item.id.slice(ENVELOPED_PREFIX.length), { now: options.now, ...trust, ...contexts });
        result = r;
        entry = r.credential;
      } else {
        // verifyCredential evaluates the trust policy itself (issuer-trust and status checks).
        const proofVerifiers = options.proofVerifiers !== undefined ? { proofVerifiers: options.proofVerifiers } : {};
        result = await verifyCredential(item, { now: options.now, ...contexts, ...trust, ...proofVerifiers } as Parameters<typeof verifyCredential>[1]);
      }
      const checks: Check[] = [...result.checks];
      let binding: Check | undefined;
      if (!bind) binding = undefined;
      else if (isPlainObject(entry)) binding = await holderBinding(entry, holder, options.holderName);
      else binding = { check: 'holder-binding', status: 'unknown', code: 'ERR_HOLDER_BINDING', message: 'The record could not be read.' };
      if (binding) checks.push(binding);
      const verified = result.verified && (binding === undefined || binding.status === 'pass');
      const entryId = contentIdOf(entry);
      const subject = resultSubject(result as CredentialVerificationResult);
      const description = describeEntry(entry);
      const { verdict, headline, summary } = describeVerdict(checks, { ...subject, description });
      return {
        id: credentialIdOf(entry) ?? entryId ?? `#${index}`,
        ...(entryId ? { entryId } : {}),
        kind: entryKindOf(entry),
        verified,
        verdict,
        headline: headline(),
        summary,
        description,
        ...(subject.issuerName !== undefined ? { issuerName: subject.issuerName } : {}),
        holderBinding: binding?.status ?? 'not-required',
        checked: true,
        checks,
        errors: errorsOf(checks),
      };
    }),
  );
}

/**
 * Records that a presentation holds no entries. Its own signature may check out, but nothing the
 * holder claims was checked, so it must never read as verified: the check is `unknown` with
 * ERR_PRESENTATION_EMPTY (added only when nothing else failed first).
 */
function noteEmptyPresentation(checks: CheckList, entries: readonly PresentedEntryResult[]): void {
  if (entries.length > 0 || checks.failed) return;
  checks.unknown('shape', 'ERR_PRESENTATION_EMPTY', 'The presentation holds no achievements, so there is nothing to check. Ask the person to share again.');
}

/**
 * The result of a presentation from its own checks and its entries' results: `verified` only
 * when both are, `errors` naming the entry each problem belongs to, and the verdict, headline
 * and summary from the result builder.
 */
export function presentationResult<T extends { entries: PresentedEntryResult[]; holder?: string }>(
  checks: CheckList,
  entries: PresentedEntryResult[],
  holder?: string,
): VerificationResult & T {
  noteEmptyPresentation(checks, entries);
  // Under a presentation that was refused (or could not be checked), no entry is relied on:
  // none may read ✓ Valid, even when its own signature holds (review r12).
  const problem = checks.firstProblem;
  if (problem) {
    const verdict: Verdict = problem.status === 'fail' ? 'not-valid' : 'cant-check';
    entries = entries.map((e) => ({
      ...e,
      verified: false,
      verdict,
      ...notCheckedLines(e.description, e.issuerName, problem.status === 'fail' ? 'refused' : 'unchecked'),
      checked: false,
    }));
  }
  const errors: VerificationError[] = [
    ...checks.errors,
    ...entries.flatMap((e) => e.errors.map((error) => ({ code: error.code, message: `${e.description}: ${error.message}` }))),
  ];
  const { verdict, headline, summary } = describePresentation(checks.checks, entries);
  const result = {
    verified: checks.verified && entries.every((e) => e.verified),
    verdict,
    headline,
    checks: checks.checks,
    errors,
    summary,
    ...(holder ? { holder } : {}),
    entries,
  };
  return result as unknown as VerificationResult & T;
}
