// Data Integrity "Verify Proof" (DI 1.0 §4.3): the one entry every verifier calls. A single
// eddsa-jcs-2022 proof is checked directly; proof sets and other formats (DI §2.1.1) go through
// the proof-set path, which checks each proof on its own with the single-proof check.
import { isPlainObject } from '../internal/json.js';
import type { CheckList } from '../result.js';
import { isJcsProof } from './identity-proofs.js';
import type { ProofExpectations, ProofOutcome } from './types.js';
import { verifyProofSet } from './verify-proof-set.js';
import { verifySingleJcsProof } from './verify-single-proof.js';

/** True when `proof` is what the single-proof eddsa-jcs-2022 path handles (including missing and malformed). */
function isSingleJcsProof(proof: unknown): boolean {
  const list = Array.isArray(proof) ? proof : [proof];
  if (list.length > 1) return false;
  return !isPlainObject(list[0]) || isJcsProof(list[0]);
}

/**
 * Verifies the Data Integrity proof (or proof set) of `document`, adding a `signature` check
 * (and, for presentations, `challenge` and `domain` checks) to `checks`. Never throws on bad data.
 *
 * @example
 * ```ts
 * const checks = new CheckList();
 * const outcome = await verifyEddsaJcsProof(entry, checks, { proofPurpose: 'assertionMethod' });
 * ```
 */
export async function verifyEddsaJcsProof(document: Record<string, unknown>, checks: CheckList, expect: ProofExpectations = {}): Promise<ProofOutcome> {
  if (!isSingleJcsProof(document.proof)) return verifyProofSet(document, checks, expect);
  return verifySingleJcsProof(document, checks, expect);
}
