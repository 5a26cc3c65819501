// eddsa-rdfc-2022 and Ed25519Signature2020 hashing (VC-DI-EdDSA §3.2.4 and §4.x):
// SHA-256(canonical proof configuration) followed by SHA-256(canonical document).
import { backend } from '../backend/index.js';
import { concatBytes, utf8 } from '../internal/bytes.js';
import type { Canonize } from './canonize.js';

/** Every intermediate value, for tests and for callers who want to see them. */
export interface RdfcHashing {
  canonicalProofConfig: string;
  canonicalDocument: string;
  proofConfigHash: Uint8Array;
  documentHash: Uint8Array;
  /** proofConfigHash ‖ documentHash: the 64 bytes that are signed. */
  hashData: Uint8Array;
}

/**
 * The bytes signed for `document` (without `proof`) and `proofConfig` (the proof without
 * `proofValue`, with the document's `@context`), with every intermediate value.
 *
 * @example
 * ```ts
 * const { canonicalDocument, hashData } = await rdfcHashData(createCanonizer(createDocumentLoader()), config, unsecured);
 * ```
 */
export async function rdfcHashData(canonize: Canonize, proofConfig: object, unsecuredDocument: object): Promise<RdfcHashing> {
  const [canonicalProofConfig, canonicalDocument] = await Promise.all([canonize(proofConfig), canonize(unsecuredDocument)]);
  const [proofConfigHash, documentHash] = await Promise.all([backend.sha256(utf8(canonicalProofConfig)), backend.sha256(utf8(canonicalDocument))]);
  return { canonicalProofConfig, canonicalDocument, proofConfigHash, documentHash, hashData: concatBytes(proofConfigHash, documentHash) };
}
