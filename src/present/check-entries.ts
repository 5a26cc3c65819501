// Checking the entries inside a presentation (Data Integrity or vc+jwt form) and writing the
// one-paragraph summary an employer reads. Shared by verifyPresentation and verifyVpJwt.
import { isPlainObject } from '../internal/json.js';
import type { ProofVerifier } from '../proof/proof-verifier.js';
import { verifyCredential } from '../verify/verify-credential.js';
import { CheckList, type Check, type CheckName, type VerificationResult } from '../result.js';
import { verifyVcJwt } from '../jwt/verify-vc-jwt.js';
import { trustOptionsOf, type TrustOptions } from '../verify/trust-options.js';
import { describeEntry } from '../entries/describe.js';
import { credentialIdOf, entryKindOf } from '../entries/read-credential.js';
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
  /** One line: "Valid — …", "Not valid — …" or "Can’t check — …". */
  summary: string;
  /** The entry in plain English (describeEntry()). */
  description: string;
  /**
   * `pass`, `fail` or `unknown` (an entry tied to a name can only be checked against ID);
   * `not-required` when the verifier turned holder binding off.
   */
  holderBinding: Check['status'] | 'not-required';
  checks: Check[];
}

/** Options for checking presented entries. */
export interface CheckEntriesOptions extends TrustOptions {
  now: Date;
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
      return { check: 'holder-binding', status: 'unknown', code: 'ERR_HOLDER_BINDING', message: 'The presenter could not be identified, so the record cannot be tied to them.' };
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

function summaryFor(verified: boolean, checks: Check[], fallback: string): string {
  if (verified) return fallback;
  const problem = checks.find((c) => c.status === 'fail') ?? checks.find((c) => c.status === 'unknown');
  if (!problem) return fallback;
  return problem.status === 'fail' ? `Not valid — ${problem.message}` : `Can’t check — ${problem.message}`;
}

/** Verifies each presented credential and its holder binding. Never throws on bad data. */
export async function checkPresentedEntries(credentials: unknown[], holder: string | undefined, options: CheckEntriesOptions): Promise<PresentedEntryResult[]> {
  const trust = trustOptionsOf(options);
  const bind = options.requireHolderBinding !== false;
  const contexts = options.knownContexts !== undefined ? { knownContexts: options.knownContexts } : {};
  return Promise.all(
    credentials.map(async (item, index): Promise<PresentedEntryResult> => {
      let result: VerificationResult;
      let entry: unknown = item;
      // VC 2.0 §4.13: a JOSE-secured credential travels as an EnvelopedVerifiableCredential.
      if (isPlainObject(item) && item.type === 'EnvelopedVerifiableCredential' && typeof item.id === 'string' && item.id.startsWith(ENVELOPED_PREFIX)) {
        const r = await verifyVcJwt(item.id.slice(ENVELOPED_PREFIX.length), { now: options.now, ...trust });
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
      return {
        id: credentialIdOf(entry) ?? entryId ?? `#${index}`,
        ...(entryId ? { entryId } : {}),
        kind: entryKindOf(entry),
        verified,
        summary: summaryFor(verified, checks, result.summary),
        description: describeEntry(entry),
        holderBinding: binding?.status ?? 'not-required',
        checks,
      };
    }),
  );
}

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** "2 achievements checked: both valid." and friends. */
export function summariseEntries(entries: PresentedEntryResult[]): string {
  const n = entries.length;
  if (n === 0) return 'No achievements were shared.';
  const noun = n === 1 ? 'achievement' : 'achievements';
  const valid = entries.filter((e) => e.verified).length;
  let head: string;
  if (valid === n) head = `${n} ${noun} checked: ${n === 1 ? 'valid' : n === 2 ? 'both valid' : 'all valid'}.`;
  else if (valid === 0) head = `${n} ${noun} checked: ${n === 1 ? 'not valid' : 'none valid'}.`;
  else head = `${n} ${noun} checked: ${NUMBER_WORDS[valid] ?? valid} valid, ${NUMBER_WORDS[n - valid] ?? n - valid} with problems.`;
  const lines = entries.map((e) => (e.verified ? `${e.description}: valid.` : `${e.description}: ${e.summary}`));
  return [head, ...lines].join(' ');
}

/** The presentation-level checks that, when failed, mean nothing in it can be relied on. */
export const PRESENTATION_BLOCKERS: Partial<Record<CheckName, string>> = {
  shape: 'Do not rely on this: it is not a readable presentation.',
  signature: 'Do not rely on this: the person’s signature on the presentation does not check out.',
  challenge: 'Do not rely on this: the presentation was made for a different request (it may be an old copy). Ask the person to share again.',
  domain: 'Do not rely on this: the presentation was made for a different organisation or website.',
  'holder-binding': 'Do not rely on this: it was not signed by the person the records belong to.',
  'validity-period': 'Do not rely on this: the presentation has expired. Ask the person to share again.',
};

/**
 * Records that a presentation holds no entries. Its own signature may check out, but nothing the
 * holder claims was checked, so it must never read as verified: the check is `unknown` with
 * ERR_PRESENTATION_EMPTY (added only when nothing else failed first).
 */
export function noteEmptyPresentation(checks: CheckList, entries: readonly PresentedEntryResult[]): void {
  if (entries.length > 0 || checks.failed) return;
  checks.unknown('shape', 'ERR_PRESENTATION_EMPTY', 'The presentation holds no achievements, so there is nothing to check. Ask the person to share again.');
}

/** The summary of a whole presentation: a blocker first, otherwise the entries. */
export function summarisePresentation(checks: CheckList, entries: PresentedEntryResult[]): string {
  const problem = checks.firstProblem;
  if (problem) {
    const blocker = PRESENTATION_BLOCKERS[problem.check] ?? 'Do not rely on this presentation.';
    return problem.status === 'fail' ? blocker : `Can’t check this presentation — ${problem.message}`;
  }
  return summariseEntries(entries);
}
