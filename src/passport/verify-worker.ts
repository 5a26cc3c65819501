// The worker side of verifyPassport's `workers` option: a worker thread (Node) that verifies
// batches of entries with verifyCredential and sends the results back. Built as its own file
// (dist/verify-worker.js) so that the pool can start it; it does nothing on a thread that was not
// started as a worker. It imports no node:* module: the channel comes from the crypto backend,
// which package.json "imports" selects for Node.
import { backend } from '../backend/index.js';
import { verifyCredential } from '../verify/verify-credential.js';
import { mapConcurrent } from './verification-cache.js';
import type { WorkerBatch, WorkerReply } from './verify-in-workers.js';

const parent = backend.threads?.parent;
parent?.onMessage((message) => {
  const { id, entries, cids, options } = message as WorkerBatch;
  // Several at a time, so the thread pool behind node:crypto stays busy while this thread
  // prepares the next entries (as verifyPassport does on the main thread).
  void mapConcurrent(entries, 64, (entry, i) => verifyCredential(entry, { ...options, entryCid: cids[i]! })).then(
    (results) => parent.post({ id, results } satisfies WorkerReply),
    (error: unknown) => parent.post({ id, error: String(error) } satisfies WorkerReply),
  );
});
