/** The W3C Verifiable Credentials 2.0 base context. It is always the first context. */
export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2' as const;
/** The Open Badges 3.0 context (version 3.0.3), the second context of every entry. */
export const OB_V3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json' as const;
/**
 * learning-passport's JSON-LD context (it defines `learningPassport`), the third context of every
 * entry. `learning-passport/rdfc` bundles it; it is meant to be served at this URL.
 */
export const LEARNING_PASSPORT_CONTEXT = 'https://learning-passport.org/contexts/v1' as const;
/** The proof type of W3C Data Integrity. */
export const DATA_INTEGRITY_PROOF = 'DataIntegrityProof' as const;
/** The only cryptosuite this library signs and verifies. */
export const EDDSA_JCS_2022 = 'eddsa-jcs-2022' as const;
/** Multicodec varint header of an Ed25519 public key (0xed). */
export const ED25519_PUB_HEADER = new Uint8Array([0xed, 0x01]);
/** Multicodec varint header of an Ed25519 secret key (0x1300). */
export const ED25519_PRIV_HEADER = new Uint8Array([0x80, 0x26]);
