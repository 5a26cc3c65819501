// `--rdfc`: verify eddsa-rdfc-2022 and Ed25519Signature2020 proofs (Open Badges from other
// platforms) with learning-passport/rdfc. Loaded only when asked for, so the other commands never
// load a JSON-LD processor.
import type { ProofVerifier } from '../proof/proof-verifier.js';

/** parseArgs option for --rdfc. */
export const rdfcFlag = { rdfc: { type: 'boolean' } } as const;

/** `{ proofVerifiers }` from learning-passport/rdfc when --rdfc was given, else nothing. */
export async function proofVerifiersFrom(values: Record<string, unknown>): Promise<{ proofVerifiers?: ProofVerifier[] }> {
  if (values.rdfc !== true) return {};
  const { rdfcProofVerifiers } = await import('../rdfc/index.js');
  return { proofVerifiers: rdfcProofVerifiers() };
}
