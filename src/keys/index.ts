export { didKeyFromPublicKey, parseDidKey, verificationMethodId } from './did-key.js';
export {
  decryptKeyFile,
  DEFAULT_KEY_FILE_ITERATIONS,
  encryptKeyFile,
  MAX_KEY_FILE_ITERATIONS,
  MIN_KEY_FILE_ITERATIONS,
  readKeyFile,
  type EncryptKeyFileOptions,
  type KeyFile,
} from './key-file.js';
export { exportKeyPair, generateKeyPair, importKeyPair, type ExportKeyPairOptions, type MultikeyDocument } from './key-pair.js';
export { decodePublicKeyMultibase, decodeSecretKeyMultibase, encodePublicKeyMultibase, encodeSecretKeyMultibase } from './multikey.js';
export { createIssuerProfile, issuerDisplayName, type IssuerProfileInput } from './profile.js';
export {
  CUSTODY_ROLES,
  isCustodyRole,
  ISSUER_ROLES,
  type Ed25519Jwk,
  type IssuerProfile,
  type IssuerRole,
  type KeyPair,
  type MultikeyInput,
  type SigningKeyPair,
} from './types.js';
