// Probe (not part of the bench): serialize / parse / merge at one size in a fresh process, with
// passports built without verification (verdicts pre-filled), for profiling the scaling.
import { sealJson } from '../src/entries/entry-id.js';
import { makePassport, uniqueSorted, type Sealed } from '../src/passport/state.js';
import { createVerificationCache, mergePassports, parsePassport, serializePassport } from '../src/passport/index.js';
import type { SignedEntry } from '../src/passport/types.js';
import { BENCH_HOLDER, benchEntries } from './passport-fixtures.js';
const n = Number(process.argv[2] ?? 10000);
const op = process.argv[3] ?? 'all';
let pool: Record<string, unknown>[] | undefined = (await benchEntries(150000)).slice(0, n * 1.5);
const cache = createVerificationCache({ max: 400_000 });
let t = performance.now();
const sealed = pool.map((v) => { const s = sealJson(v); if (!s.ok) throw new Error(); cache.set(s.cid, { ok: true, unresolved: false, errors: [] }); return { cid: s.cid, value: s.entry as SignedEntry }; });
pool = undefined;
const build = (items: Sealed<SignedEntry>[]) => makePassport({ holder: BENCH_HOLDER, entries: uniqueSorted(items), accreditations: [], statusLists: [], exclusions: [] });
const A = build(sealed.slice(0, n));
const B = build(sealed.slice(n / 2, n + n / 2));
sealed.length = 0;
console.log('built', (performance.now() - t).toFixed(0));
globalThis.gc?.();
const heap0 = process.memoryUsage().heapUsed;
let peak = heap0;
const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().heapUsed); }, 5);
console.log('heap after build', (heap0 / 1e6).toFixed(0));
if (op === 'all' || op === 'merge') { t = performance.now(); await mergePassports(A, B, { cache }); console.log('merge', (performance.now() - t).toFixed(0), 'peak', (peak / 1e6).toFixed(0)); }
let text = '';
if (op === 'all' || op === 'serialize' || op === 'parse') { t = performance.now(); text = serializePassport(A); console.log('serialize', (performance.now() - t).toFixed(0), (text.length / 1e6).toFixed(0), 'MB', 'peak', (peak / 1e6).toFixed(0)); }
if (op === 'all' || op === 'parse') { t = performance.now(); parsePassport(text); console.log('parse', (performance.now() - t).toFixed(0), 'peak', (peak / 1e6).toFixed(0)); }
clearInterval(timer);
