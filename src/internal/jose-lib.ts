// The parts of jose the library uses, gathered in one module that is imported dynamically
// (lazy-jose.ts): the build emits it as a separate chunk, and bundlers keep only these exports.
export { CompactEncrypt, CompactSign, compactDecrypt, compactVerify, decodeProtectedHeader, importJWK } from 'jose';
