// Passport benchmark: verifyPassport and mergePassports at 1k, 10k and 100k entries, entries/s
// and peak memory. Run on its own: `npx tsx bench/passport.bench.ts` (add `--quick` to stop at
// 10k). It measures the Node backend (node:crypto, asynchronous Ed25519 on the thread pool);
// when tsx's tsconfig paths select the WebCrypto backend, it re-runs itself with
// bench/tsconfig.bench.json. Prints a markdown table.
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';
import { backend } from '../src/backend/index.js';
import {
  addEntries,
  createPassport,
  createVerificationCache,
  mergePassports,
  parsePassport,
  serializePassport,
  verifyPassport,
  type Passport,
} from '../src/passport/index.js';
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

/** Runs `fn` while sampling memory every 5 ms; returns the time and the peaks. */
async function measured<T>(fn: () => Promise<T>): Promise<{ ms: number; rss: number; heap: number; value: T }> {
  globalThis.gc?.();
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
  return { ms, rss: Math.max(rss, m.rss), heap: Math.max(heap, m.heapUsed), value };
}

const rows: string[] = [];
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const rate = (n: number, ms: number) => Math.round((n / ms) * 1000).toLocaleString('en-GB');
function row(operation: string, n: number, ms: number, rss: number, heap: number, perSecondOf = n): void {
  rows.push(`| ${operation} | ${n.toLocaleString('en-GB')} | ${ms.toFixed(1)} | ${rate(perSecondOf, ms)} | ${mb(rss)} | ${mb(heap)} |`);
}

const largest = SIZES[SIZES.length - 1]!;
const pool = await benchEntries(largest * 1.5, log);
log(`Loaded ${pool.length} entries; backend ${backend.name}; ${cpus().length} cores; Node ${process.version}.`);

for (const n of SIZES) {
  // Two copies of n entries sharing half of them.
  const cache = createVerificationCache({ max: 4 * largest });
  const a = await measured(() => addEntries(createPassport({ holder: BENCH_HOLDER }), pool.slice(0, n), { cache }));
  row('addEntries (cold: seal, CID, verify)', n, a.ms, a.rss, a.heap);
  const A: Passport = a.value.passport;
  const B: Passport = (await addEntries(createPassport({ holder: BENCH_HOLDER }), pool.slice(n / 2, n + n / 2), { cache })).passport;

  // verifyPassport: full verification of every entry (no cache), cold.
  // (In a block so the report, which holds a result per entry, is garbage before the merge runs.)
  {
    const v = await measured(async () => (await verifyPassport(A, { now: new Date('2026-06-01T00:00:00Z') })).summary);
    if (v.value.valid !== n) throw new Error(`expected ${n} valid entries, got ${v.value.message}`);
    row('verifyPassport', n, v.ms, v.rss, v.heap);
  }

  // Merge two n-entry copies with 50% overlap, every entry already verified (cache warm).
  const iterations = n >= 100_000 ? 3 : 10;
  const bench = new Bench({ iterations, time: 0, warmup: true, warmupIterations: 1, warmupTime: 0 });
  let merged = 0;
  bench.add('merge', async () => {
    merged = (await mergePassports(A, B, { cache })).passport.entries.length;
  });
  const mem = await measured(() => bench.run());
  const mean = bench.tasks[0]!.result.state === 'completed' ? bench.tasks[0]!.result.latency.mean : Number.NaN;
  if (merged !== n + n / 2) throw new Error(`merge produced ${merged} entries, expected ${n + n / 2}`);
  row('mergePassports (2 copies, 50% overlap, verified)', n, mean, mem.rss, mem.heap, n * 2);

  // Files: serialize and parse (parse computes every CID).
  const s = await measured(async () => serializePassport(A));
  row('serializePassport', n, s.ms, s.rss, s.heap);
  const p = await measured(async () => parsePassport(s.value));
  row('parsePassport (CIDs computed)', n, p.ms, p.rss, p.heap);
}

console.log(`\nPassport benchmark — Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, backend ${backend.name}\n`);
console.log('| operation | entries | time (ms) | entries/s | peak RSS (MB) | peak heap (MB) |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const line of rows) console.log(line);
console.log('\nmergePassports entries/s counts the entries of both copies; time is the mean of several runs. Memory is the process peak while the operation ran.');
