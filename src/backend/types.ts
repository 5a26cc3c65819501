/**
 * What the library needs from an Ed25519 + SHA-256 implementation. Three implementations exist:
 * node:crypto (Node), WebCrypto (browsers, Deno, Bun, workers) and @noble/ed25519 (where
 * WebCrypto lacks Ed25519). All follow strict RFC 8032 verification rules.
 */
export interface CryptoBackend {
  /** Which implementation this is. */
  readonly name: 'node' | 'webcrypto' | 'noble';
  /**
   * Worker threads, where the runtime has them and this backend can start them (Node). Absent
   * elsewhere: callers then do the work on their own thread.
   */
  readonly threads?: ThreadSupport;
  /** SHA-256 digest of bytes, or of a string's UTF-8 bytes (hashed without a copy where the runtime can). */
  sha256(data: Uint8Array | string): Promise<Uint8Array>;
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

/** A channel to another thread: post a structured-cloneable message, receive the other side's. */
export interface ThreadChannel {
  post(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
}

/** A worker thread started by {@link ThreadSupport.start}. */
export interface WorkerHandle extends ThreadChannel {
  /** Called once if the worker fails or exits before it is terminated. */
  onFailure(listener: (error: unknown) => void): void;
  terminate(): Promise<void>;
}

/** Starting worker threads (Node's worker_threads). */
export interface ThreadSupport {
  /** Starts a worker running the ES module at `url`; undefined when there is no such file. */
  start(url: URL): WorkerHandle | undefined;
  /** Inside a worker: the channel to the thread that started it (undefined on the main thread). */
  readonly parent: ThreadChannel | undefined;
  /** How many threads can run at once here (os.availableParallelism()): the cores a pool can use. */
  readonly cores: number;
  /**
   * Runs `work`, a stream of verifications this thread prepares one after another (a passport's
   * entries), with every Ed25519 check it starts made on another thread (in batches), even one
   * that would otherwise run in line because nothing else is pending: the checks then overlap with this
   * thread's preparation of the next entries instead of taking turns with it on one core.
   */
  pooled<T>(work: () => Promise<T>): Promise<T>;
}
