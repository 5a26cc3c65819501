// Data Integrity "Verify Proof" for eddsa-jcs-2022 (VC-DI-EdDSA §3.3.2, DI 1.0 §4.3), returning
// checks instead of throwing. Used for credentials, accreditations and presentations alike.
import { backend } from '../backend/index.js';
import { DATA_INTEGRITY_PROOF, EDDSA_JCS_2022 } from '../constants.js';
import { isPassportError, type PassportErrorCode } from '../errors.js';
import { describeValue, isPlainObject } from '../internal/json.js';
import { decodeBase58Multibase } from '../keys/multikey.js';
import type { CheckList } from '../result.js';
import { eddsaJcsHashData } from './hash-data.js';
import { controllerOfVerificationMethod, publicKeyForVerificationMethod } from './key-cache.js';
import { checkDomainAndChallenge, checkProofExpiry, checkProofHeader, unresolvedKeyCode } from './proof-checks.js';
import type { ProofExpectations, ProofOutcome } from './types.js';

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
  const { type, cryptosuite, expires } = proof;
  if (type !== DATA_INTEGRITY_PROOF || cryptosuite !== EDDSA_JCS_2022) {
    checks.fail(
      'signature',
      'ERR_CRYPTOSUITE_NOT_ALLOWED',
      `The proof uses ${describeValue(type)} / ${describeValue(cryptosuite)}; only DataIntegrityProof with eddsa-jcs-2022 is accepted.`,
    );
    return { valid: false };
  }
  const { outcome, ok } = checkProofHeader(proof, expect, checks);
  if (!ok) return outcome;
  const verificationMethod = proof.verificationMethod as string;
  const proofValue = proof.proofValue as string;
  let controller: string;
  try {
    controller = controllerOfVerificationMethod(verificationMethod);
  } catch (err) {
    checks.unknown('signature', unresolvedKeyCode(err), 'The signing key is not a did:key, so it cannot be resolved offline.');
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
  if (!checkProofExpiry(expires, expect, checks)) return outcome;
  checks.pass('signature', 'The signature matches the content.');
  outcome.valid = true;
  checkDomainAndChallenge(proof, expect, checks);
  return outcome;
}
