// eddsa-jcs-2022 Hashing (VC-DI-EdDSA §3.3.4): SHA-256(JCS(proof configuration)) followed by
// SHA-256(JCS(document without proof)). The 64 bytes are signed directly with pure Ed25519.
import { backend } from '../backend/index.js';
import { concatBytes } from '../internal/bytes.js';
import { canonicalJson } from './jcs.js';

/** The bytes that eddsa-jcs-2022 signs: proofConfigHash ‖ documentHash. */
export async function eddsaJcsHashData(proofConfig: object, unsecuredDocument: object): Promise<Uint8Array> {
  // The JCS texts are hashed as UTF-8 by the backend (node:crypto without an encoded copy).
  const [proofHash, documentHash] = await Promise.all([backend.sha256(canonicalJson(proofConfig)), backend.sha256(canonicalJson(unsecuredDocument))]);
  return concatBytes(proofHash, documentHash);
}
