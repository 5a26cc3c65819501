// verifyPassport's `workers` option: the same report with and without worker threads. Workers
// run the built file (dist/verify-worker.js), so this test uses the built package (npm test
// builds first) for both runs; the sources alone have no worker file and verify on one thread.
import { describe, expect, it, vi } from 'vitest';
import * as built from '../../dist/index.js';
import { verifyPassport as verifyFromSources } from '../../src/passport/index.js';
import { HOLDER, qualification, revocation, signer, tampered, unitCredit } from './fixtures.js';

// Counts the worker threads started, so the test knows the workers really ran.
const started = vi.hoisted(() => ({ count: 0, checkers: 0 }));
vi.mock('node:worker_threads', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:worker_threads')>();
  class CountingWorker extends original.Worker {
    constructor(...args: ConstructorParameters<typeof original.Worker>) {
      super(...args);
      // Verification workers run a file; the signature checkers are small inline programs.
      if (args[1]?.eval === true) started.checkers++;
      else started.count++;
    }
  }
  return { ...original, Worker: CountingWorker };
});

const college = await signer('Northgate College', 'education-provider');
const other = await signer('Riverside Training', 'trainer');
// Enough entries for several batches (256 each), with failures and lifecycle statements mixed in.
const good = await Promise.all(Array.from({ length: 600 }, (_, i) => unitCredit(i % 2 ? college : other, `Unit ${i}`)));
const revoked = await qualification(college, 'Functional Skills English');
const revoker = await revocation(college, built.entryId(revoked));

function plain(report: unknown): unknown {
  // The view's Map is compared through its entries.
  return JSON.parse(JSON.stringify(report, (_k, v: unknown) => (v instanceof Map ? [...v.entries()] : v)));
}

describe('verifyPassport with workers', () => {
  it('gives exactly the report it gives without them, in order, for good, bad and lifecycle entries', async () => {
    const raw = {
      type: 'LearningPassport',
      version: 1,
      holder: HOLDER,
      entries: [...good, revoked, revoker, tampered(good[3]!), tampered(good[400]!), { ...good[5]!, validUntil: '2026-01-01T00:00:00Z' }],
      accreditations: [],
      statusLists: [],
      exclusions: [],
    } as never;
    const passport = built.parsePassport(JSON.stringify(raw));
    const now = new Date('2026-06-01T00:00:00Z');
    let progress = 0;
    const inWorkers = await built.verifyPassport(passport, { now, workers: 2, onProgress: () => progress++ });
    expect(started.count).toBe(2);
    const onThread = await built.verifyPassport(passport, { now });
    expect(plain(inWorkers)).toEqual(plain(onThread));
    expect(progress).toBe(passport.entries.length);
    expect(inWorkers.counts.notValid).toBeGreaterThanOrEqual(3);
    expect(inWorkers.counts.revoked).toBe(1);
    // And the sources (no worker file: one thread) agree with the built package.
    expect(plain(await verifyFromSources(passport, { now, workers: 2 }))).toEqual(plain(onThread));
  });

  it('checks the option and keeps caller mistakes as errors', async () => {
    const passport = built.createPassport({ holder: HOLDER });
    await expect(built.verifyPassport(passport, { workers: -1 })).rejects.toThrow(TypeError);
    await expect(built.verifyPassport(passport, { workers: 1.5 })).rejects.toThrow(TypeError);
    const one = built.parsePassport(
      JSON.stringify({ type: 'LearningPassport', version: 1, holder: HOLDER, entries: [good[0]], accreditations: [], statusLists: [], exclusions: [] }),
    );
    await expect(built.verifyPassport(one, { workers: 2, now: 'yesterday' as never })).rejects.toThrow(TypeError);
  });
});
