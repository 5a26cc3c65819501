// The checks every proof format shares, written once: the built-in eddsa-jcs-2022 path
// (verify-single-proof.ts) and the proof-set path for other formats (verify-proof-set.ts) run the
// same purpose, date, expiry, domain and challenge rules, and the JWS verifier (jwt/) reads an
// unresolvable key the same way.
import { isPassportError, type PassportErrorCode } from '../errors.js';
import { isDateTimeStamp, parseDateTimeStamp } from '../internal/time.js';
import type { CheckList } from '../result.js';
import type { ProofExpectations, ProofOutcome } from './types.js';

/**
 * Most proofs read from one document; more is refused (each may cost an RDF canonicalization).
 *
 * @example
 * ```ts
 * if (Array.isArray(doc.proof) && doc.proof.length > MAX_PROOFS) console.warn('too many proofs');
 * ```
 */
export const MAX_PROOFS = 8;

/**
 * What every format checks before its signature: `verificationMethod`, `proofPurpose` and
 * `proofValue` are strings (`name` says whose proof in the message), the dates are date-times
 * and the purpose is the expected one. Returns the outcome so far (never valid yet) and whether
 * the signature is worth checking; on a failure the `signature` check says why.
 */
export function checkProofHeader(
  proof: Readonly<Record<string, unknown>>,
  expect: ProofExpectations,
  checks: CheckList,
  name = 'proof',
): { outcome: ProofOutcome; ok: boolean } {
  const { verificationMethod, proofPurpose, proofValue, created } = proof;
  if (typeof verificationMethod !== 'string' || typeof proofPurpose !== 'string' || typeof proofValue !== 'string') {
    checks.fail('signature', 'ERR_PROOF_MALFORMED', `The ${name} lacks verificationMethod, proofPurpose or proofValue.`);
    return { outcome: { valid: false }, ok: false };
  }
  if (!checkProofTimes(proof, checks)) return { outcome: { valid: false }, ok: false };
  const outcome: ProofOutcome = { verificationMethod, valid: false, ...(typeof created === 'string' ? { created } : {}) };
  return { outcome, ok: checkProofPurpose(proofPurpose, expect, checks) };
}

/**
 * Fails the `signature` check when the proof's `created` or `expires` is present but not a
 * date-time; true when both are absent or valid.
 */
function checkProofTimes(proof: Readonly<Record<string, unknown>>, checks: CheckList): boolean {
  for (const name of ['created', 'expires'] as const) {
    const value = proof[name];
    if (value !== undefined && !isDateTimeStamp(value)) {
      checks.fail('signature', 'ERR_PROOF_MALFORMED', `The proof "${name}" time is not a valid date and time.`);
      return false;
    }
  }
  return true;
}

/** Fails the `signature` check when the proof purpose is not the expected one (default `assertionMethod`). */
function checkProofPurpose(proofPurpose: string, expect: ProofExpectations, checks: CheckList): boolean {
  const expected = expect.expectedProofPurpose ?? 'assertionMethod';
  if (proofPurpose === expected) return true;
  checks.fail('signature', 'ERR_PROOF_PURPOSE_MISMATCH', `The proof purpose is "${proofPurpose}" but "${expected}" was expected.`);
  return false;
}

/**
 * Data Integrity `expires`: the signer limited how long the proof may be relied on (used against
 * replay of presentations); the signature covers it, so it cannot be stripped. Fails the
 * `signature` check once it has passed, with the clock tolerance (default 60 s).
 */
export function checkProofExpiry(expires: unknown, expect: ProofExpectations, checks: CheckList): boolean {
  if (typeof expires !== 'string') return true;
  const now = expect.now?.getTime() ?? Date.now();
  if (parseDateTimeStamp(expires) + (expect.clockTolerance ?? 60) * 1000 >= now) return true;
  checks.fail('signature', 'ERR_CREDENTIAL_EXPIRED', `The signature matches, but the proof expired at ${expires}.`);
  return false;
}

/** Data Integrity Verify Proof steps 6–7: the `domain` and `challenge` checks a presentation's verifier asked for. */
export function checkDomainAndChallenge(proof: Readonly<Record<string, unknown>>, expect: ProofExpectations, checks: CheckList): void {
  if (expect.domain !== undefined) {
    const domains = Array.isArray(proof.domain) ? proof.domain : [proof.domain];
    if (domains.includes(expect.domain)) checks.pass('domain', `The presentation was made for ${expect.domain}.`);
    else checks.fail('domain', 'ERR_PRESENTATION_DOMAIN_MISMATCH', 'The presentation was made for a different website or verifier.');
  }
  if (expect.challenge !== undefined) {
    if (proof.challenge === expect.challenge) checks.pass('challenge', 'The presentation answers this request (challenge matches).');
    else checks.fail('challenge', 'ERR_PRESENTATION_CHALLENGE_MISMATCH', 'The presentation answers a different request: it may be replayed.');
  }
}

/**
 * The code for a signing key that could not be resolved offline: the library's own code when it
 * says more (a bad multibase, a key that is not Ed25519), else ERR_ISSUER_KEY_UNRESOLVED (a
 * method that is not a did:key at all).
 */
export function unresolvedKeyCode(err: unknown): PassportErrorCode {
  return isPassportError(err) && err.code !== 'ERR_DID_INVALID' ? err.code : 'ERR_ISSUER_KEY_UNRESOLVED';
}
