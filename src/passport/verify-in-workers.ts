// Internal: how verifyPassport spreads the verification of its entries over the cores.
//
// On the calling thread, the entries are verified several at a time and every Ed25519 check goes,
// in batches, to checker threads (backend `pooled`), so the checks run on the other cores while
// this thread prepares the next entries. With enough cores that thread bounds the rate: the
// JavaScript half of verifying an entry (the snapshot, the VC shape and kind schema checks, JCS,
// the trust judgement, the result) runs on one core. With worker threads (the `workers` option,
// and by default on machines with five cores or more for a large passport) the passport is split
// into batches that the workers verify with the same verifyCredential, each a core's worth of
// work (its Ed25519 checks in line).
// Results are the same objects a verification on this thread gives (structured clones), in order.
//
// A verifier's trust material goes to the workers as plain data: the policy (revived there), the
// accreditations and status lists given and those the passport carries, the checkpoint entries.
// Each worker builds its own trust (or status) context from them once, exactly as verifyPassport
// builds the one on this thread, and judges every entry of its batches with it.
//
// Work stays on the calling thread (with identical results) where no worker can be started
// (browsers, the CommonJS build, a bundle without dist/verify-worker.js) and for what cannot be
// sent or would be judged differently elsewhere: a prepared trust context, a status list fetcher,
// proof verifiers, options that are not plain data, and more status lists than one
// verification's decompression budget can always hold (each worker would have a budget of its
// own, so a passport that exhausts it on one thread could come out differently).
import { backend } from '../backend/index.js';
import type { WorkerHandle } from '../backend/types.js';
import { entryKindOf } from '../entries/read-credential.js';
import { snapshotJson } from '../internal/json.js';
import { MAX_STATUS_LIST_BYTES, MAX_STATUS_LIST_BYTES_PER_VERIFICATION } from '../trust/status-list.js';
import type { CredentialVerificationResult, VerifyCredentialOptions } from '../verify/verify-credential.js';
import type { Passport } from './types.js';
import { mapConcurrent } from './verification-cache.js';

/** Options sent as they are when they are numbers, strings or booleans (the worker checks them as this thread would). */
const SCALARS = new Set(['clockTolerance', 'expectedProofPurpose', 'maxStatusAge']);

/** Options sent as snapshots: lists of JSON values (contexts, checkpoints, documents). */
const LISTS = new Set(['knownContexts', 'checkpoints', 'accreditations', 'statusLists']);

/** Entries per message: large enough that messaging costs little, small enough to balance the load. */
const BATCH = 256;

/** Batches each worker holds at once, so it never waits for the next one to arrive. */
const IN_FLIGHT = 2;

/**
 * Without an explicit `workers`, passports at least this large are verified in workers where the
 * runtime has them: below it, starting the workers (each loads the library) costs about as much
 * as it saves.
 */
export const AUTO_WORKERS_FROM = 2_000;

/**
 * Without an explicit `workers`, workers are used only with at least this many cores. Below, the
 * calling thread and the checker threads already keep the cores busy (one prepares entries, the
 * others check signatures, and a check costs more than preparing), and workers add costs of their
 * own: each loads and compiles the library, and entries and results are copied between threads.
 * Measured on two cores, the same passport took 1.2 to 1.6 times the CPU time in two workers. From
 * about five cores the calling thread is what limits the rate, and workers remove that limit.
 */
export const AUTO_WORKERS_MIN_CORES = 5;

/** Most workers started without an explicit `workers` (memory: each is a JavaScript heap of its own). */
const MAX_AUTO_WORKERS = 8;

/** Status lists one verification can always decompress whole, whatever their size. */
const MAX_SENT_STATUS_LISTS = Math.floor(MAX_STATUS_LIST_BYTES_PER_VERIFICATION / MAX_STATUS_LIST_BYTES);

/** What every worker gets first: the options for every entry and the passport's trust material. */
export interface WorkerSetup {
  type: 'setup';
  /** verifyPassport's options for every entry, as plain data; `policy` is a structured clone. */
  options: VerifyCredentialOptions;
  /** The passport's accreditations and status lists (verifyPassport adds them to the options' own). */
  accreditations: readonly unknown[];
  statusLists: readonly unknown[];
  /** The passport's entries of kind `checkpoint`: the trust context reads its checkpoints from them. */
  checkpoints: readonly unknown[];
}

/** A batch sent to a worker. */
export interface WorkerBatch {
  type: 'batch';
  start: number;
  entries: readonly Record<string, unknown>[];
  cids: readonly string[];
}

/** A worker's answer: the batch's results in order, or why it could not verify them. */
export type WorkerReply = { start: number; results: CredentialVerificationResult[] } | { start: number; error: string };

/** How many workers to start: `requested`, or without it one per core for a large passport on five cores or more. */
function workerCount(requested: number | undefined, entries: number): number {
  const cores = backend.threads?.cores ?? 1;
  const wanted = requested ?? (cores >= AUTO_WORKERS_MIN_CORES && entries >= AUTO_WORKERS_FROM ? Math.min(cores, MAX_AUTO_WORKERS) : 0);
  // More workers than batches would only start threads that get nothing to do.
  return Math.min(wanted, Math.ceil(entries / BATCH));
}

/**
 * The setup message for `options` and `passport`, or undefined when something in them cannot go
 * to another thread and be judged there exactly as here.
 */
function setupFor(options: VerifyCredentialOptions, passport: Passport): WorkerSetup | undefined {
  const sent: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined) continue;
    if (key === 'policy') sent.policy = value;
    else if (key === 'now') {
      // A caller mistake (not a Date) is reported by the calling thread, as without workers.
      if (!(value instanceof Date)) return undefined;
      sent.now = value;
    } else if (SCALARS.has(key)) {
      if (typeof value !== 'number' && typeof value !== 'string' && typeof value !== 'boolean') return undefined;
      sent[key] = value;
    } else if (LISTS.has(key)) {
      // Each thread reads the caller's values as a snapshot would: anything that is not plain JSON
      // (a getter, a proxy, a class instance) stays on this thread, whose answer is the reference.
      const snap = snapshotJson(value);
      if (!snap.ok) return undefined;
      sent[key] = snap.value;
    } else return undefined;
  }
  const policyLists = options.policy?.trustList?.statusLists.length ?? 0;
  const statusLists = ((sent.statusLists as unknown[] | undefined)?.length ?? 0) + passport.statusLists.length + policyLists;
  if (statusLists > MAX_SENT_STATUS_LISTS) return undefined;
  return {
    type: 'setup',
    options: sent as VerifyCredentialOptions,
    accreditations: options.policy !== undefined ? passport.accreditations : [],
    statusLists: passport.statusLists,
    checkpoints: options.policy !== undefined ? passport.entries.filter((entry) => entryKindOf(entry) === 'checkpoint') : [],
  };
}

/**
 * The verification results of every entry of `passport`, in order: in worker threads where they
 * are asked for (`workers`) or, without a number, on five cores or more for a passport of
 * {@link AUTO_WORKERS_FROM} entries or more (one per core, at most 8), and where the options can
 * be sent; otherwise on this thread with `local`, `concurrency` at a time, every signature check
 * on a checker thread. `onResult` is called after each entry.
 */
export async function verifyEntries(
  passport: Passport,
  cids: readonly string[],
  options: VerifyCredentialOptions,
  how: { workers: number | undefined; concurrency: number },
  local: (index: number) => Promise<CredentialVerificationResult>,
  onResult: () => void,
): Promise<CredentialVerificationResult[]> {
  const inWorkers = await verifyInWorkers(passport, cids, options, how.workers, local, onResult);
  if (inWorkers) return inWorkers;
  const here = () =>
    mapConcurrent(passport.entries, how.concurrency, async (_entry, i) => {
      const result = await local(i);
      onResult();
      return result;
    });
  const threads = backend.threads;
  return threads ? threads.pooled(here) : here();
}

/**
 * Verifies the entries of `passport` in worker threads. Returns undefined, having done nothing,
 * when no worker is wanted or can be started here, or the options cannot be sent. A batch whose
 * worker fails is verified with `local` instead, so every entry gets its result (and a caller
 * mistake in the options throws here as it would without workers).
 */
async function verifyInWorkers(
  passport: Passport,
  cids: readonly string[],
  options: VerifyCredentialOptions,
  requested: number | undefined,
  local: (index: number) => Promise<CredentialVerificationResult>,
  onResult: () => void,
): Promise<CredentialVerificationResult[] | undefined> {
  const { entries } = passport;
  const count = workerCount(requested, entries.length);
  const threads = backend.threads;
  // import.meta.url is absent from the CommonJS build: there the work stays on this thread.
  const here = typeof import.meta.url === 'string' ? import.meta.url : undefined;
  if (count < 1 || !threads || !here) return undefined;
  const setup = setupFor(options, passport);
  if (!setup) return undefined;
  const script = new URL('./verify-worker.js', here);
  const pool: WorkerHandle[] = [];
  for (let i = 0; i < count; i++) {
    const worker = threads.start(script);
    if (!worker) break;
    pool.push(worker);
  }
  if (pool.length === 0) return undefined;

  const results = new Array<CredentialVerificationResult>(entries.length);
  let next = 0;
  const take = (): number | undefined => {
    if (next >= entries.length) return undefined;
    const start = next;
    next += BATCH;
    return start;
  };
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const held = new Set<number>();
            let failed = false;
            const finishLocally = (): void => {
              // This worker is gone: its batches and every batch not yet taken are verified here.
              failed = true;
              const rest = [...held];
              held.clear();
              for (let start = take(); start !== undefined; start = take()) rest.push(start);
              (async () => {
                for (const start of rest) {
                  for (let i = start; i < Math.min(start + BATCH, entries.length); i++) {
                    results[i] = await local(i);
                    onResult();
                  }
                }
              })().then(resolve, reject);
            };
            const send = (): void => {
              const start = take();
              if (start === undefined) {
                if (held.size === 0) resolve();
                return;
              }
              held.add(start);
              const end = Math.min(start + BATCH, entries.length);
              worker.post({ type: 'batch', start, entries: entries.slice(start, end), cids: cids.slice(start, end) } satisfies WorkerBatch);
            };
            worker.onMessage((message) => {
              if (failed) return;
              const reply = message as WorkerReply;
              if ('error' in reply) return finishLocally();
              held.delete(reply.start);
              reply.results.forEach((result, k) => {
                results[reply.start + k] = result;
                onResult();
              });
              send();
            });
            worker.onFailure(() => {
              if (!failed) finishLocally();
            });
            try {
              worker.post(setup);
              for (let i = 0; i < IN_FLIGHT; i++) send();
            } catch {
              // Something in the options cannot be cloned after all: this thread does the work.
              finishLocally();
            }
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
  return results;
}
