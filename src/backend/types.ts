/**
 * What the library needs from an Ed25519 + SHA-256 implementation. Three implementations exist:
 * node:crypto (Node), WebCrypto (browsers, Deno, Bun, workers) and @noble/ed25519 (where
 * WebCrypto lacks Ed25519). All follow strict RFC 8032 verification rules.
 */
export interface CryptoBackend {
  /** Which implementation this is. */
  readonly name: 'node' | 'webcrypto' | 'noble';
  /** SHA-256 digest. */
  sha256(data: Uint8Array): Promise<Uint8Array>;
  /** Cryptographically secure random bytes. */
  randomBytes(length: number): Uint8Array;
  /** The 32-byte public key of a 32-byte seed. */
  getPublicKey(seed: Uint8Array): Promise<Uint8Array>;
  /** Pure Ed25519 signature (64 bytes) of `message` with the 32-byte seed. */
  sign(seed: Uint8Array, message: Uint8Array): Promise<Uint8Array>;
  /**
   * Prepares a 32-byte public key for repeated verification (a KeyObject, a CryptoKey, or the
   * bytes themselves). Rejects when the bytes are not an acceptable key.
   */
  importPublicKey(publicKey: Uint8Array): Promise<PublicKeyHandle>;
  /** Strict RFC 8032 verification; false (never a throw) for any bad signature. */
  verify(key: PublicKeyHandle, signature: Uint8Array, message: Uint8Array): Promise<boolean>;
}

/** An imported public key, opaque outside its backend. */
export interface PublicKeyHandle {
  readonly backend: CryptoBackend['name'];
  readonly raw: Uint8Array;
  readonly native: unknown;
}
