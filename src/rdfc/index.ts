/**
 * `learning-passport/rdfc`: eddsa-rdfc-2022 (sign and verify) and Ed25519Signature2020 (verify
 * only), with JSON-LD safe-mode processing and bundled contexts. A separate entry point so that
 * the main entry carries no JSON-LD processor.
 * @packageDocumentation
 */
export { addRdfcProof, type AddRdfcProofOptions, type RdfcProof } from './add-rdfc-proof.js';
export { BUNDLED_CONTEXTS, LEARNING_PASSPORT_CONTEXT } from './contexts/index.js';
export { createDocumentLoader, type DocumentLoader, type DocumentLoaderOptions, type RemoteDocument } from './document-loader.js';
export { rdfcHashData, type RdfcHashing } from './hash-data.js';
export { createCanonizer, RDFC_LIMITS, type Canonize } from './canonize.js';
export type { KnownVerificationMethod, RdfcOptions } from './options.js';
export { ED25519_SIGNATURE_2020, EDDSA_RDFC_2022, rdfcProofVerifiers } from './verify-rdfc-proof.js';
