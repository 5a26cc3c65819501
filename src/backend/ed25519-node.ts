// The Node.js backend: node:crypto (OpenSSL). It is the fastest Ed25519 available in Node, and
// its asynchronous verify runs on the libuv thread pool, so a batch of verifications uses every
// core. This is the only module outside src/cli/ that imports node:*; package.json "imports"
// selects it under the "node" condition (#ed25519-backend), so browsers never see it. It also
// starts worker threads (verifyPassport's `workers` option), the other Node-only facility.
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  hash,
  randomBytes as nodeRandomBytes,
  sign as nodeSign,
  verify as nodeVerify,
  type KeyObject,
} from 'node:crypto';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parentPort, Worker } from 'node:worker_threads';
import type { CryptoBackend, PublicKeyHandle, ThreadSupport, WorkerHandle } from './types.js';

/** worker_threads behind the small interface the library uses. */
const threads: ThreadSupport = {
  start(url: URL): WorkerHandle | undefined {
    // Only a built file can run in a worker (the sources are TypeScript): without one, callers
    // verify on their own thread.
    if (url.protocol !== 'file:' || !existsSync(fileURLToPath(url))) return undefined;
    let worker: Worker;
    try {
      // None of the parent's options: the worker runs this package's built JavaScript and nothing
      // else, and a TypeScript loader (tsx) or test runner hooks inherited from the parent would
      // make every worker compile sources again at start. (Where a hook is needed to find the
      // package's dependencies, the worker fails to load and the caller verifies by itself.)
      worker = new Worker(url, { execArgv: [] });
    } catch {
      return undefined;
    }
    let terminated = false;
    return {
      post: (message) => worker.postMessage(message),
      onMessage: (listener) => void worker.on('message', listener),
      onFailure(listener) {
        worker.once('error', (error) => listener(error));
        worker.once('exit', (code) => {
          if (!terminated) listener(new Error(`worker exited with code ${code}`));
        });
      },
      async terminate() {
        terminated = true;
        await worker.terminate();
      },
    };
  },
  parent: parentPort ? { post: (message) => parentPort!.postMessage(message), onMessage: (listener) => void parentPort!.on('message', listener) } : undefined,
  cores: availableParallelism(),
};

// DER prefixes of an Ed25519 SubjectPublicKeyInfo and PKCS#8 PrivateKeyInfo (RFC 8410).
const SPKI_PREFIX = Uint8Array.from([0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00]);
const PKCS8_PREFIX = Uint8Array.from([0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20]);

function der(prefix: Uint8Array, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(prefix.length + body.length);
  out.set(prefix);
  out.set(body, prefix.length);
  return out;
}

// Parsing the PKCS#8 DER into a KeyObject costs about 60 µs, twice the signature itself
// (measured on Node 24: ~100 µs per signature with a fresh KeyObject, ~35 µs with a reused one).
// Issuers sign many entries with one key, so keep the last few KeyObjects. The cache is keyed by
// a SHA-256 of the seed, so it holds no extra copy of the secret as a string.
const MAX_PRIVATE_KEYS = 8;
const privateKeys = new Map<string, KeyObject>();

function privateKey(seed: Uint8Array): KeyObject {
  if (seed.length !== 32) throw new RangeError('Ed25519 seed must be 32 bytes');
  const id = createHash('sha256').update(seed).digest('base64');
  let key = privateKeys.get(id);
  if (key) {
    // Most recently used goes last, so the first entry is the one to evict.
    privateKeys.delete(id);
  } else {
    key = createPrivateKey({ key: Buffer.from(der(PKCS8_PREFIX, seed)), format: 'der', type: 'pkcs8' });
    if (privateKeys.size >= MAX_PRIVATE_KEYS) privateKeys.delete(privateKeys.keys().next().value!);
  }
  privateKeys.set(id, key);
  return key;
}

/** node:crypto implementation of {@link CryptoBackend}. */
export const backend: CryptoBackend = {
  name: 'node',
  threads,
  async sha256(data) {
    // The one-shot hash takes a string as UTF-8 directly: no encoded copy, no Hash object.
    return new Uint8Array(hash('sha256', data, 'buffer'));
  },
  randomBytes(length) {
    return new Uint8Array(nodeRandomBytes(length));
  },
  async getPublicKey(seed) {
    const spki = createPublicKey(privateKey(seed)).export({ format: 'der', type: 'spki' });
    return new Uint8Array(spki.subarray(SPKI_PREFIX.length));
  },
  async sign(seed, message) {
    return new Uint8Array(nodeSign(null, message, privateKey(seed)));
  },
  async importPublicKey(publicKey): Promise<PublicKeyHandle> {
    if (publicKey.length !== 32) throw new RangeError('Ed25519 public key must be 32 bytes');
    const native = createPublicKey({ key: Buffer.from(der(SPKI_PREFIX, publicKey)), format: 'der', type: 'spki' });
    return { backend: 'node', raw: publicKey, native };
  },
  verify(key, signature, message) {
    if (key.backend !== 'node' || signature.length !== 64) return Promise.resolve(false);
    // A lone verification runs synchronously: a round trip through the thread pool costs more
    // than the ~60 µs the signature check itself takes. While other verifications are pending
    // (a passport, a batch), new ones go to the libuv thread pool so every core works.
    if (pending === 0) {
      try {
        return Promise.resolve(nodeVerify(null, message, key.native as KeyObject, signature));
      } catch {
        return Promise.resolve(false);
      } finally {
        pending++;
        queueMicrotask(() => pending--);
      }
    }
    pending++;
    return new Promise<boolean>((resolve) => {
      try {
        nodeVerify(null, message, key.native as KeyObject, signature, (err, ok) => resolve(!err && ok));
      } catch {
        resolve(false);
      }
    }).finally(() => pending--);
  },
};

// Verifications handed to the thread pool and not yet answered (plus one just done in line, for
// the rest of the current microtask turn, so a burst started together is spread over the pool).
let pending = 0;
