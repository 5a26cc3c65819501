// Passport benchmark: verifyPassport and mergePassports at 1k, 10k and 100k entries, entries/s
// and peak memory. Run on its own after `npm run build:lib`: `npx tsx bench/passport.bench.ts`
// (add `--quick` to stop at 10k). It measures the Node backend (node:crypto, asynchronous Ed25519
// on the thread pool), each size in a fresh process;
// when tsx's tsconfig paths select the WebCrypto backend, it re-runs itself with
// bench/tsconfig.bench.json. Prints a markdown table.
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';
import { backend } from '../src/backend/index.js';
// The built package (npm run bench builds it first): what users run, and the only form in which
// verifyPassport's workers exist (they run dist/verify-worker.js).
import {
  addEntries,
  createTrustPolicy,
  generateKeyPair,
  createPassport,
  createVerificationCache,
  mergePassports,
  parsePassport,
  serializePassport,
  verifyPassport,
  type Passport,
  type TrustOptions,
} from 'learning-passport';
import { accreditIssuer } from 'learning-passport/trust';
import { BENCH_HOLDER, benchEntries } from './passport-fixtures.js';

if (backend.name !== 'node' && !process.env.PASSPORT_BENCH_CHILD) {
  const tsconfig = fileURLToPath(new URL('./tsconfig.bench.json', import.meta.url));
  const child = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, TSX_TSCONFIG_PATH: tsconfig, PASSPORT_BENCH_CHILD: '1' },
  });
  process.exit(child.status ?? 1);
}

const quick = process.argv.includes('--quick');
const SIZES = quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];
const log = (line: string) => console.error(line);
const sizeArg = process.argv.indexOf('--size');

/** Runs `fn` while sampling memory every 5 ms; returns the time and the peaks. */
async function measured<T>(fn: () => Promise<T>): Promise<{ ms: number; cpu: number; rss: number; heap: number; value: T }> {
  globalThis.gc?.();
  const cpu0 = process.cpuUsage();
  let rss = process.memoryUsage().rss;
  let heap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 5);
  const start = performance.now();
  const value = await fn();
  const ms = performance.now() - start;
  clearInterval(timer);
  const m = process.memoryUsage();
  const used = process.cpuUsage(cpu0);
  return { ms, cpu: (used.user + used.system) / 1000, rss: Math.max(rss, m.rss), heap: Math.max(heap, m.heapUsed), value };
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const rate = (n: number, ms: number) => Math.round((n / ms) * 1000).toLocaleString('en-GB');
// The machine may be shared: each row says how busy it was (1-minute load average at the end).
function row(operation: string, n: number, ms: number, cpu: number, rss: number, heap: number, perSecondOf = n): string {
  return `| ${operation} | ${n.toLocaleString('en-GB')} | ${ms.toFixed(1)} | ${cpu.toFixed(0)} | ${rate(perSecondOf, ms)} | ${mb(rss)} | ${mb(heap)} | ${loadavg()[0]!.toFixed(1)} |`;
}

/**
 * One size, in a process of its own (so one size's garbage and the fixture pool do not weigh on
 * the next): the process holds the two copies and the verdict cache, nothing else.
 */
async function runSize(n: number): Promise<string[]> {
  const rows: string[] = [];
  // Two copies of n entries sharing half of them.
  let pool: Record<string, unknown>[] | undefined = await benchEntries(150_000, log, n + n / 2);
  const cache = createVerificationCache({ max: 4 * n });
  // What a real verifier does: check every entry's issuer against an authority's accreditations
  // (without a policy every entry would be "can't check", and the trust step would go unmeasured).
  const authority = await generateKeyPair();
  const issuers = [...new Set(pool.map((entry) => (entry.issuer as { id: string }).id))];
  const accreditations = await Promise.all(
    issuers.map((did, i) =>
      accreditIssuer(authority, {
        did,
        organisation: `org:provider-${i + 1}`,
        role: 'education-provider',
        kinds: ['unit-credit'],
        validFrom: '2026-01-01T00:00:00Z',
      }),
    ),
  );
  const trust: TrustOptions = { policy: createTrustPolicy({ roots: [authority.did] }), accreditations };
  const a = await measured(() => addEntries(createPassport({ holder: BENCH_HOLDER }), pool!.slice(0, n), { cache }));
  rows.push(row('addEntries (cold: seal, CID, verify)', n, a.ms, a.cpu, a.rss, a.heap));
  const A: Passport = a.value.passport;
  const B: Passport = (await addEntries(createPassport({ holder: BENCH_HOLDER }), pool.slice(n / 2, n + n / 2), { cache })).passport;
  pool = undefined;

  // Merge two n-entry copies with 50% overlap, every entry already verified (cache warm). First,
  // right after the copies are built, so that no verification report is on the heap it reports.
  // A merge does not yield: the sampler reads the heap only between the runs (garbage of the
  // earlier runs included) and at the end.
  const iterations = n >= 100_000 ? 3 : 10;
  const bench = new Bench({ iterations, time: 0, warmup: true, warmupIterations: 1, warmupTime: 0 });
  let merged = 0;
  bench.add('merge', async () => {
    merged = (await mergePassports(A, B, { cache })).passport.entries.length;
  });
  const mem = await measured(() => bench.run());
  const mean = bench.tasks[0]!.result.state === 'completed' ? bench.tasks[0]!.result.latency.mean : Number.NaN;
  if (merged !== n + n / 2) throw new Error(`merge produced ${merged} entries, expected ${n + n / 2}`);
  rows.push(row('mergePassports (2 copies, 50% overlap, verified)', n, mean, mem.cpu / (iterations + 1), mem.rss, mem.heap, n * 2));

  // verifyPassport: full verification of every entry (no cache), cold; on this thread (signatures
  // checked in batches on checker threads), then in two worker threads. (In a block so the
  // report, which holds a result per entry, is garbage before the files are written.)
  for (const workers of [0, 2]) {
    const v = await measured(async () => {
      const { counts, summary } = await verifyPassport(A, { ...trust, workers });
      return { counts, summary };
    });
    if (v.value.counts.valid !== n) throw new Error(`expected ${n} valid entries, got ${v.value.summary}`);
    rows.push(row(workers ? `verifyPassport (workers: ${workers})` : 'verifyPassport (calling thread + signature checker)', n, v.ms, v.cpu, v.rss, v.heap));
  }

  // Files: serialize and parse (parse computes every CID).
  const s = await measured(async () => serializePassport(A));
  rows.push(row('serializePassport', n, s.ms, s.cpu, s.rss, s.heap));
  const p = await measured(async () => parsePassport(s.value));
  rows.push(row('parsePassport (CIDs computed)', n, p.ms, p.cpu, p.rss, p.heap));
  return rows;
}

if (sizeArg >= 0) {
  const rows = await runSize(Number(process.argv[sizeArg + 1]));
  console.log(rows.join('\n'));
} else {
  await benchEntries(150_000, log, 0); // generates the fixture file once, if missing
  log(`backend ${backend.name}; ${cpus().length} cores; Node ${process.version}.`);
  const rows: string[] = [];
  for (const n of SIZES) {
    log(`passports of ${n} entries…`);
    const child = spawnSync(process.execPath, [...process.execArgv, '--expose-gc', fileURLToPath(import.meta.url), '--size', String(n)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 16 * 1024 * 1024,
    });
    if (child.status !== 0) throw new Error(`the ${n}-entry run failed (exit ${child.status})`);
    rows.push(...child.stdout.trim().split('\n'));
  }
  console.log(`\nPassport benchmark — Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, backend ${backend.name}\n`);
  console.log('| operation | entries | time (ms) | CPU time (ms, all threads) | entries/s | peak RSS (MB) | peak heap (MB) | load |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const line of rows) console.log(line);
  console.log(
    '\nEach size runs in a fresh process holding only the two copies and the verdict cache. mergePassports entries/s counts the entries of both copies; time is the mean of several runs (CPU time: the total over the runs, warm-up included, divided by their number). Memory is the process peak while the operation ran (sampled; the heap after the operation, result included, when it ran without yielding). verifyPassport runs with a trust policy and the accreditations of every issuer; with workers it runs the built dist/verify-worker.js. Load: the 1-minute load average when the operation ended (the machine may be shared).',
  );
}
