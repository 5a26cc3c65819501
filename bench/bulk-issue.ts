// Bulk issuing throughput, CSV in to files out: runs the built command
// (`learning-passport issue --csv …`) on a generated spreadsheet and reports entries per second,
// wall time from process start to the report written (key file decryption included).
// Run by hand: `npm run build:lib && npx tsx bench/bulk-issue.ts [rows] [learners]`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createIssuerProfile, generateKeyPair, issueEntry } from '../dist/index.js';

const cli = fileURLToPath(new URL('../dist/cli/index.js', import.meta.url));
const rows = Number(process.argv[2] ?? 20_000);
const learners = Number(process.argv[3] ?? 2_000);
const dir = mkdtempSync(join(tmpdir(), 'lp-bench-bulk-'));
const env = { ...process.env, LP_PASSPHRASE: 'bench passphrase', NO_COLOR: '1' };
const lp = (args: string[]) => execFileSync(process.execPath, [cli, ...args], { cwd: dir, env, maxBuffer: 1 << 28 }).toString();

// The issuer's key file has the default work factor (600,000 PBKDF2 rounds): decrypting it is
// part of every real run. Learners only need DIDs, made in this process.
lp(['keys', 'generate', '--role', 'prison', '--name', 'HMP Bench', '--display-name', 'Bench Learning Centre', '--out', 'issuer.key.json']);
const holders: string[] = [];
for (let i = 0; i < learners; i++) holders.push((await generateKeyPair()).did);
const lines = ['Learner,Course,Completed,Hours'];
for (let i = 0; i < rows; i++) lines.push(`${holders[i % learners]},Course ${i},2026-0${1 + (i % 9)},${1 + (i % 40)}`);
writeFileSync(join(dir, 'results.csv'), `${lines.join('\n')}\n`);

for (const output of ['entries', 'passports']) {
  const started = process.hrtime.bigint();
  lp([
    'issue',
    '--csv',
    'results.csv',
    '--kind',
    'course-completion',
    '--key',
    'issuer.key.json',
    '--map',
    'Learner=holder',
    '--map',
    'Course=title',
    '--map',
    'Completed=completedOn',
    '--map',
    'Hours=hours:number',
    '--field',
    'provider=Bench Learning Centre',
    '--field',
    'outcome=completed',
    '--out-dir',
    `out-${output}`,
    '--output',
    output,
    '--json',
  ]);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const report = JSON.parse(readFileSync(join(dir, `out-${output}`, 'report.json'), 'utf8')) as { issued: number; failed: number };
  if (report.failed > 0 || report.issued !== rows) throw new Error(`unexpected report: ${JSON.stringify(report)}`);
  console.log(
    `${output.padEnd(9)} ${rows} rows → ${learners} files: ${seconds.toFixed(2)} s, ${Math.round(rows / seconds)} entries/s (${cpus().length} cores, ${cpus()[0]?.model ?? ''})`,
  );
}
rmSync(dir, { recursive: true, force: true });

// The CPU one entry costs in the library (issueEntry, one thread, in this process): what bounds
// the rate on a quiet machine (entries/s per core = 1e6 / µs), whatever else the machine runs.
const key = await generateKeyPair();
const issuer = createIssuerProfile({ key, name: 'HMP Bench', displayName: 'Bench Learning Centre', role: 'prison' });
const one = (i: number) =>
  issueEntry(
    'course-completion',
    { title: `Course ${i}`, provider: 'Bench Learning Centre', completedOn: '2026-03', outcome: 'completed', hours: 5 },
    { issuer, key, holder: holders[0]! },
  );
for (let i = 0; i < 300; i++) await one(i);
const cpu0 = process.cpuUsage();
const n = 3_000;
for (let i = 0; i < n; i++) await one(i);
const cpu = process.cpuUsage(cpu0);
const perEntry = (cpu.user + cpu.system) / n;
console.log(`issueEntry alone: ${perEntry.toFixed(0)} µs of CPU per entry → ${Math.round(1e6 / perEntry)} entries/s per core`);
