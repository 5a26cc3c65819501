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
  get cores() {
    return availableParallelism();
  },
  async pooled(work) {
    streams++;
    try {
      return await work();
    } finally {
      streams--;
    }
  },
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
    // In a stream of verifications (a passport, see `pooled`), the checks go in batches to a
    // thread of their own.
    if (streams > 0 && checkers !== null) return checkInBatch(key, signature, message);
    // A lone verification runs synchronously: a round trip through the thread pool costs more
    // than the ~60 µs the signature check itself takes. While other verifications are pending
    // (a batch), new ones go to the libuv thread pool so every core works.
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

// Streams of verifications under way (ThreadSupport.pooled). While any is, the signature checks
// go to the checker thread below. Left to `pending`, they would mostly run in line: when this
// thread prepares each verification more slowly than a check takes, nothing is pending when the
// next one comes, and one core does everything.
let streams = 0;

// ——— Checkers: threads that do nothing but Ed25519 checks, in batches ———
// Handing each check to the libuv thread pool wakes a pool thread per check; on a machine with
// few cores the wake-ups cost nearly as much as the checks. A checker gets a batch at a time (the
// checks queued while this thread prepared entries) and answers with a byte per check, so the
// calling thread prepares entries while the checkers verify them, one per other core (at least
// one, at most four; measured on two cores, a second checker sharing the calling thread's core
// cost more in contention than it gained). A checker needs no part of the library (a few lines of node:crypto, below),
// starts in milliseconds, is kept for later streams and never keeps the process alive when idle.
// Where one cannot start or fails, every check it had is made here, in line, and later checks go
// the usual way.

/** The checker's program: records of key (32 bytes), signature (64) and message, one result byte each. */
const CHECKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createPublicKey, verify } = require('node:crypto');
const SPKI = Buffer.from('302a300506032b6570032100', 'hex');
const keys = new Map();
parentPort.on('message', ({ id, data, offsets }) => {
  const count = offsets.length - 1;
  const out = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const at = offsets[i];
    const raw = data.subarray(at, at + 32);
    const name = Buffer.from(raw).toString('base64');
    try {
      let key = keys.get(name);
      if (key === undefined) {
        key = createPublicKey({ key: Buffer.concat([SPKI, raw]), format: 'der', type: 'spki' });
        if (keys.size >= 4096) keys.clear();
        keys.set(name, key);
      }
      out[i] = verify(null, data.subarray(at + 96, offsets[i + 1]), key, data.subarray(at + 32, at + 96)) ? 1 : 0;
    } catch {
      out[i] = 0;
    }
  }
  parentPort.postMessage({ id, out }, [out.buffer]);
});
`;

/** Checks per message: enough that messaging costs little, few enough that both threads stay busy. */
const CHECK_BATCH = 64;

interface Check {
  key: PublicKeyHandle;
  signature: Uint8Array;
  message: Uint8Array;
  resolve: (valid: boolean) => void;
}

/** Most checker threads. */
const MAX_CHECKERS = 4;

interface Checker {
  worker: Worker;
  /** Its batches not yet answered, by id. */
  inFlight: Map<number, Check[]>;
}

/** The checker threads; null once one could not be used (then no more are started). */
let checkers: Checker[] | null = [];
let queued: Check[] = [];
let flushScheduled = false;
let nextBatch = 0;

function checkInLine(check: Check): void {
  try {
    check.resolve(nodeVerify(null, check.message, check.key.native as KeyObject, check.signature));
  } catch {
    check.resolve(false);
  }
}

function startChecker(): Checker | null {
  try {
    const checker: Checker = { worker: new Worker(CHECKER_SOURCE, { eval: true, execArgv: [] }), inFlight: new Map() };
    const { worker, inFlight } = checker;
    worker.on('message', ({ id, out }: { id: number; out: Uint8Array }) => {
      const batch = inFlight.get(id);
      if (!batch) return;
      inFlight.delete(id);
      batch.forEach((check, i) => check.resolve(out[i] === 1));
      if (inFlight.size === 0) worker.unref();
    });
    const fail = (): void => {
      // Whatever it had is checked here; later checks go the usual way.
      checkers = null;
      for (const batch of inFlight.values()) batch.forEach(checkInLine);
      inFlight.clear();
    };
    worker.on('error', fail);
    worker.on('exit', fail);
    worker.unref();
    return checker;
  } catch {
    checkers = null;
    return null;
  }
}

/** The checker with the least work, started when all are busy and there may be more. */
function idleChecker(): Checker | null {
  if (checkers === null) return null;
  let best: Checker | undefined;
  for (const c of checkers) if (best === undefined || c.inFlight.size < best.inFlight.size) best = c;
  if ((best === undefined || best.inFlight.size > 0) && checkers.length < Math.max(1, Math.min(MAX_CHECKERS, availableParallelism() - 1))) {
    const started = startChecker();
    if (started === null) return null;
    checkers.push(started);
    return started;
  }
  return best ?? null;
}

function flushChecks(): void {
  flushScheduled = false;
  const batch = queued;
  queued = [];
  if (batch.length === 0) return;
  const checker = idleChecker();
  if (checker === null) return batch.forEach(checkInLine);
  const { worker, inFlight } = checker;
  let size = 0;
  for (const check of batch) size += 96 + check.message.length;
  const data = new Uint8Array(size);
  const offsets = new Uint32Array(batch.length + 1);
  let at = 0;
  batch.forEach((check, i) => {
    offsets[i] = at;
    data.set(check.key.raw, at);
    data.set(check.signature, at + 32);
    data.set(check.message, at + 96);
    at += 96 + check.message.length;
  });
  offsets[batch.length] = at;
  const id = nextBatch++;
  inFlight.set(id, batch);
  // Referenced while it has work, so that the process waits for the answers.
  worker.ref();
  try {
    worker.postMessage({ id, data, offsets }, [data.buffer, offsets.buffer]);
  } catch {
    inFlight.delete(id);
    batch.forEach(checkInLine);
  }
}

function checkInBatch(key: PublicKeyHandle, signature: Uint8Array, message: Uint8Array): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    queued.push({ key, signature, message, resolve });
    if (queued.length >= CHECK_BATCH) flushChecks();
    else if (!flushScheduled) {
      flushScheduled = true;
      setImmediate(flushChecks);
    }
  });
}

// Verifications handed to the thread pool and not yet answered (plus one just done in line, for
// the rest of the current microtask turn, so a burst started together is spread over the pool).
let pending = 0;
