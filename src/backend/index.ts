// The active backend for this runtime, chosen by package.json "imports" (#ed25519-backend):
// node:crypto under Node, WebCrypto or @noble/ed25519 elsewhere.
export { backend } from '#ed25519-backend';
export type { CryptoBackend, PublicKeyHandle, ThreadChannel, ThreadSupport, WorkerHandle } from './types.js';
