// The worker side of verifyPassport's `workers` option: a worker thread (Node) that verifies
// batches of entries with verifyCredential and sends the results back. Built as its own file
// (dist/verify-worker.js) so that the pool can start it; it does nothing on a thread that was not
// started as a worker. It imports no node:* module: the channel comes from the crypto backend,
// which package.json "imports" selects for Node.
import { backend } from '../backend/index.js';
import { adoptSealedClone } from '../internal/json.js';
import { reviveTrustPolicy } from '../trust/create-trust-policy.js';
import { createStatusContext, createTrustContext, type TrustContext } from '../trust/trust-context.js';
import { trustOptionsOf } from '../trust/trust-options.js';
import { verifyCredential, type VerifyCredentialOptions } from '../verify/verify-credential.js';
import type { WorkerBatch, WorkerReply, WorkerSetup } from './verify-in-workers.js';

/**
 * The options every entry is verified with, and the context: made as verifyPassport makes them on
 * its own thread (verify-passport.ts), from the same material, so that the judgement is the same.
 */
async function prepare(setup: WorkerSetup): Promise<VerifyCredentialOptions> {
  const given = setup.options;
  const options: VerifyCredentialOptions = { ...given, ...(given.policy !== undefined ? { policy: reviveTrustPolicy(given.policy) } : {}) };
  let context: TrustContext;
  if (options.policy !== undefined) {
    context = await createTrustContext({
      ...trustOptionsOf(options),
      policy: options.policy,
      accreditations: [...(options.accreditations ?? []), ...setup.accreditations],
      statusLists: [...(options.statusLists ?? []), ...setup.statusLists],
      entries: setup.checkpoints,
    });
  } else {
    context = createStatusContext({
      statusLists: [...(options.statusLists ?? []), ...setup.statusLists],
      ...(typeof options.maxStatusAge === 'number' ? { maxStatusAge: options.maxStatusAge } : {}),
      now: options.now ?? new Date(),
      clockTolerance: typeof options.clockTolerance === 'number' ? options.clockTolerance : 60,
    });
  }
  return { ...options, context };
}

const parent = backend.threads?.parent;
let ready: Promise<VerifyCredentialOptions> | undefined;
// Batches are verified one after another, each entry after the previous one: a worker is one
// core's worth of work, and an Ed25519 check made in line costs less than a trip through the
// thread pool (which the other workers keep busy anyway).
let queue: Promise<void> = Promise.resolve();
parent?.onMessage((message) => {
  const m = message as WorkerSetup | WorkerBatch;
  if (m.type === 'setup') {
    ready = prepare(m);
    // A setup that fails is reported with each batch (the caller then verifies it itself).
    ready.catch(() => {});
    return;
  }
  // The entries are clones of the passport's sealed entries: frozen and marked here, so that the
  // snapshots taken while verifying them do not copy them again.
  for (const entry of m.entries) adoptSealedClone(entry);
  queue = queue.then(async () => {
    let reply: WorkerReply;
    try {
      const options = await ready!;
      const results = [];
      for (let i = 0; i < m.entries.length; i++) results.push(await verifyCredential(m.entries[i], { ...options, entryCid: m.cids[i]! }));
      reply = { start: m.start, results };
    } catch (error) {
      reply = { start: m.start, error: String(error) };
    }
    parent.post(reply);
  });
});
