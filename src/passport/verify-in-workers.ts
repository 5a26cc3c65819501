// Internal: verifyPassport's `workers` option. The JavaScript half of verifying an entry (the
// snapshot, the VC shape and kind schema checks, JCS and SHA-256) runs on one core however many
// Ed25519 verifications the thread pool does at once, so a large passport is split into batches
// that worker threads verify with the same verifyCredential. Results are the same objects a
// verification on this thread gives (structured clones of them), in the same order.
//
// Workers exist only where the backend can start them (Node, with the built package: the worker
// runs dist/verify-worker.js) and only for options that can be sent to another thread (dates,
// numbers, strings). Anything else (a trust policy or context, proof verifiers, a status list
// fetcher) and every other runtime verifies on the calling thread, with identical results.
import { backend } from '../backend/index.js';
import type { WorkerHandle } from '../backend/types.js';
import type { CredentialVerificationResult, VerifyCredentialOptions } from '../verify/verify-credential.js';

/** The options a worker can be given: plain data only. */
const SENDABLE = new Set(['now', 'clockTolerance', 'expectedProofPurpose', 'knownContexts', 'maxStatusAge']);

/** Entries per message: large enough that messaging costs little, small enough to balance the load. */
const BATCH = 256;

/** A batch sent to a worker. */
export interface WorkerBatch {
  id: number;
  entries: readonly Record<string, unknown>[];
  cids: readonly string[];
  options: VerifyCredentialOptions;
}

/** A worker's answer: the batch's results in order, or why it could not verify them. */
export type WorkerReply = { id: number; results: CredentialVerificationResult[] } | { id: number; error: string };

/** True when every option given can go to a worker thread. */
export function sendableOptions(options: Record<string, unknown>): boolean {
  return Object.keys(options).every((key) => options[key] === undefined || SENDABLE.has(key));
}

/**
 * Verifies `entries` in `count` worker threads. Returns undefined, having done nothing, when no
 * worker can be started here; the caller then verifies on its own thread. A batch whose worker
 * fails is verified with `local` instead, so every entry gets its result.
 */
export async function verifyInWorkers(
  entries: readonly Record<string, unknown>[],
  cids: readonly string[],
  options: VerifyCredentialOptions,
  count: number,
  local: (index: number) => Promise<CredentialVerificationResult>,
  onResult: () => void,
): Promise<CredentialVerificationResult[] | undefined> {
  const threads = backend.threads;
  // import.meta.url is absent from the CommonJS build: there the work stays on this thread.
  const here = typeof import.meta.url === 'string' ? import.meta.url : undefined;
  if (!threads || !here) return undefined;
  const script = new URL('./verify-worker.js', here);
  const pool: WorkerHandle[] = [];
  for (let i = 0; i < count; i++) {
    const worker = threads.start(script);
    if (!worker) break;
    pool.push(worker);
  }
  if (pool.length === 0) return undefined;

  const results = new Array<CredentialVerificationResult>(entries.length);
  const batches: number[] = [];
  for (let start = 0; start < entries.length; start += BATCH) batches.push(start);
  let next = 0;
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let failed = false;
            let current = -1;
            const finishLocally = (): void => {
              // This worker is gone: its batch and every batch not yet taken are verified here
              // (a caller mistake in the options then throws here as it would without workers).
              const rest = current >= 0 ? [current] : [];
              while (next < batches.length) rest.push(batches[next++]!);
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
              if (next >= batches.length) {
                current = -1;
                resolve();
                return;
              }
              current = batches[next++]!;
              const end = Math.min(current + BATCH, entries.length);
              worker.post({ id: current, entries: entries.slice(current, end), cids: cids.slice(current, end), options } satisfies WorkerBatch);
            };
            worker.onMessage((message) => {
              if (failed) return;
              const reply = message as WorkerReply;
              if ('error' in reply) {
                failed = true;
                finishLocally();
                return;
              }
              reply.results.forEach((result, k) => {
                results[reply.id + k] = result;
                onResult();
              });
              send();
            });
            worker.onFailure(() => {
              if (failed) return;
              failed = true;
              finishLocally();
            });
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
  return results;
}
