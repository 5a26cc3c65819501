// Data Integrity "Verify Proof" for eddsa-jcs-2022 (VC-DI-EdDSA §3.3.2, DI 1.0 §4.3), returning
// checks instead of throwing. Used for credentials, accreditations and presentations alike.
import { backend } from '../backend/index.js';
import { DATA_INTEGRITY_PROOF, EDDSA_JCS_2022 } from '../constants.js';
import { isPassportError, type PassportErrorCode } from '../errors.js';
import { describeValue, isPlainObject } from '../internal/json.js';
import { isDateTimeStamp, parseDateTimeStamp } from '../internal/time.js';
import { decodeBase58Multibase } from '../keys/multikey.js';
import type { CheckList } from '../result.js';
import { eddsaJcsHashData } from './hash-data.js';
import { controllerOfVerificationMethod, publicKeyForVerificationMethod } from './key-cache.js';
import type { ProofVerifier } from './proof-verifier.js';

/** Expectations of the verifier, checked against the proof. */
export interface ProofExpectations {
  /** Default `assertionMethod`. */
  expectedProofPurpose?: string;
  challenge?: string;
  domain?: string;
  /** The time to check `proof.expires` against (default: now). */
  now?: Date;
  /** Seconds of clock difference tolerated on `proof.expires` (default 60). */
  clockTolerance?: number;
  /** Verifiers for other proof formats (e.g. from `learning-passport/rdfc`); without them such proofs are "can't check". */
  proofVerifiers?: readonly ProofVerifier[];
  /** The document's issuer (or holder): among several valid proofs, the one it controls is reported. */
  signer?: string;
}

/** What a successful proof check tells about the signer. */
export interface ProofOutcome {
  /** The verification method that signed, when the proof could be read. */
  verificationMethod?: string;
  /** The DID that controls the verification method. */
  controller?: string;
  /** `proof.created`, when present. */
  created?: string;
  /** True when the signature verified. */
  valid: boolean;
}

function proofObject(document: Record<string, unknown>): Record<string, unknown> | PassportErrorCode {
  const proof = document.proof;
  if (proof === undefined) return 'ERR_PROOF_MISSING';
  // A one-element proof array (the Open Badges JSON serialization) means the same as the object.
  const single = Array.isArray(proof) ? (proof.length === 1 ? proof[0] : undefined) : proof;
  return isPlainObject(single) ? single : 'ERR_PROOF_MALFORMED';
}

function startsWithContexts(documentContext: unknown, proofContext: unknown): boolean {
  const doc = Array.isArray(documentContext) ? documentContext : [documentContext];
  const proof = Array.isArray(proofContext) ? proofContext : [proofContext];
  if (proof.length > doc.length) return false;
  return proof.every((value, i) => JSON.stringify(value) === JSON.stringify(doc[i]));
}

/**
 * Verifies a document that carries exactly one eddsa-jcs-2022 proof, adding a `signature` check (and, for
 * presentations, `challenge` and `domain` checks) to `checks`. Never throws on bad data.
 */
export async function verifySingleJcsProof(document: Record<string, unknown>, checks: CheckList, expect: ProofExpectations = {}): Promise<ProofOutcome> {
  const found = proofObject(document);
  if (typeof found === 'string') {
    const multiple = Array.isArray(document.proof) && document.proof.length > 1;
    checks.fail(
      'signature',
      found,
      found === 'ERR_PROOF_MISSING'
        ? 'The document has no proof (it is not signed).'
        : multiple
          ? 'The document has several proofs; only a single proof is supported.'
          : 'The proof is not an object.',
    );
    return { valid: false };
  }
  const proof = found;
  const { type, cryptosuite, verificationMethod, proofPurpose, proofValue, created, expires } = proof;
  if (type !== DATA_INTEGRITY_PROOF || cryptosuite !== EDDSA_JCS_2022) {
    checks.fail(
      'signature',
      'ERR_CRYPTOSUITE_NOT_ALLOWED',
      `The proof uses ${describeValue(type)} / ${describeValue(cryptosuite)}; only DataIntegrityProof with eddsa-jcs-2022 is accepted.`,
    );
    return { valid: false };
  }
  if (typeof verificationMethod !== 'string' || typeof proofPurpose !== 'string' || typeof proofValue !== 'string') {
    checks.fail('signature', 'ERR_PROOF_MALFORMED', 'The proof lacks verificationMethod, proofPurpose or proofValue.');
    return { valid: false };
  }
  if (created !== undefined && !isDateTimeStamp(created)) {
    checks.fail('signature', 'ERR_PROOF_MALFORMED', 'The proof "created" time is not a valid date and time.');
    return { valid: false };
  }
  if (expires !== undefined && !isDateTimeStamp(expires)) {
    checks.fail('signature', 'ERR_PROOF_MALFORMED', 'The proof "expires" time is not a valid date and time.');
    return { valid: false };
  }
  const outcome: ProofOutcome = { verificationMethod, valid: false, ...(typeof created === 'string' ? { created } : {}) };
  const expectedPurpose = expect.expectedProofPurpose ?? 'assertionMethod';
  if (proofPurpose !== expectedPurpose) {
    checks.fail('signature', 'ERR_PROOF_PURPOSE_MISMATCH', `The proof purpose is "${proofPurpose}" but "${expectedPurpose}" was expected.`);
    return outcome;
  }
  let controller: string;
  try {
    controller = controllerOfVerificationMethod(verificationMethod);
  } catch (err) {
    checks.unknown(
      'signature',
      isPassportError(err) && err.code !== 'ERR_DID_INVALID' ? err.code : 'ERR_ISSUER_KEY_UNRESOLVED',
      'The signing key is not a did:key, so it cannot be resolved offline.',
    );
    return outcome;
  }
  outcome.controller = controller;

  // Unsecured document and proof options (steps 1–2), with the @context rule of step 4.
  const { proof: _proof, ...unsecured } = document;
  const { proofValue: _value, ...proofOptions } = proof;
  if (proofOptions['@context'] !== undefined) {
    if (!startsWithContexts(document['@context'], proofOptions['@context'])) {
      checks.fail('signature', 'ERR_PROOF_CONTEXT_MISMATCH', 'The document @context does not start with the proof @context.');
      return outcome;
    }
    unsecured['@context'] = proofOptions['@context'];
  }

  let signature: Uint8Array;
  try {
    // Bounded before decoding: base58 decoding is quadratic in the length (see MAX_MULTIBASE_LENGTH).
    signature = decodeBase58Multibase(proofValue, 'proofValue');
  } catch {
    checks.fail('signature', 'ERR_MULTIBASE_INVALID', 'The proofValue is not a base58btc multibase signature ("z…", at most 128 characters).');
    return outcome;
  }
  if (signature.length !== 64) {
    checks.fail('signature', 'ERR_PROOF_MALFORMED', 'The proofValue is not a 64-byte Ed25519 signature.');
    return outcome;
  }
  let valid: boolean;
  try {
    const [key, hashData] = await Promise.all([publicKeyForVerificationMethod(verificationMethod), eddsaJcsHashData(proofOptions, unsecured)]);
    valid = await backend.verify(key, signature, hashData);
  } catch (err) {
    const code = isPassportError(err) ? err.code : 'ERR_KEY_INVALID';
    checks.fail('signature', code, isPassportError(err) ? `${err.message}.` : 'The signing key could not be used.');
    return outcome;
  }
  if (!valid) {
    checks.fail('signature', 'ERR_PROOF_SIGNATURE_INVALID', 'The signature does not match the content: it was changed or signed by another key.');
    return outcome;
  }
  // Data Integrity `expires`: the signer limited how long this proof may be relied on (used
  // against replay of presentations). The signature covers it, so it cannot be stripped.
  if (typeof expires === 'string') {
    const now = expect.now?.getTime() ?? Date.now();
    const slack = (expect.clockTolerance ?? 60) * 1000;
    if (parseDateTimeStamp(expires) + slack < now) {
      checks.fail('signature', 'ERR_CREDENTIAL_EXPIRED', `The signature matches, but the proof expired at ${expires}.`);
      return outcome;
    }
  }
  checks.pass('signature', 'The signature matches the content.');
  outcome.valid = true;

  // Data Integrity Verify Proof steps 6–7: domain and challenge (presentations).
  if (expect.domain !== undefined) {
    const domains = Array.isArray(proof.domain) ? proof.domain : [proof.domain];
    if (domains.includes(expect.domain)) checks.pass('domain', `The presentation was made for ${expect.domain}.`);
    else checks.fail('domain', 'ERR_PRESENTATION_DOMAIN_MISMATCH', 'The presentation was made for a different website or verifier.');
  }
  if (expect.challenge !== undefined) {
    if (proof.challenge === expect.challenge) checks.pass('challenge', 'The presentation answers this request (challenge matches).');
    else checks.fail('challenge', 'ERR_PRESENTATION_CHALLENGE_MISMATCH', 'The presentation answers a different request: it may be replayed.');
  }
  return outcome;
}
