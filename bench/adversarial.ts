// Growth on adversarial input (bounded work). Run by hand: `npm run bench:adversarial`. Writes
// bench/adversarial-results.md, which the README includes. Measures, on the sources in src/:
//  1. the prohibited-data pattern and the linter pattern that were super-linear, old against new,
//     on inputs from 1 KB to 200 KB (the old patterns only up to where one run takes seconds);
//  2. a status-list bomb passport (many signed copies of a list that decompresses to 16 MiB):
//     peak memory and time of verifyPassport, each size in a fresh process;
//  3. how fast the name-based holder identity (salted SHA-256 of a name) can be guessed.
// The machine is a shared 2-core VM: read the figures as orders of growth, not as exact times.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { findProhibited, PROHIBITED_PATTERNS } from '../src/entries/prohibited.js';
import {
  addEntries,
  addTrustMaterial,
  createIssuerProfile,
  createPassport,
  createTrustPolicy,
  generateKeyPair,
  issueEntry,
  signCredential,
  verifyPassport,
} from '../src/index.js';
import { createStatusList, encodeStatusList, statusEntry } from '../src/trust.js';
import { createIdentityObject, matchIdentity } from '../src/present.js';
import { PRISON_CODE_IN_TEXT } from '../src/internal/custody-text.js';

const self = fileURLToPath(import.meta.url);
const root = fileURLToPath(new URL('../', import.meta.url));

// ---- child mode: one status-list bomb verification, reports JSON on stdout ----
if (process.argv[2] === '--bomb') {
  const copies = Number(process.argv[3]);
  const [attacker, holder] = await Promise.all([generateKeyPair(), generateKeyPair()]);
  const issuer = createIssuerProfile({ key: attacker, name: 'Nowhere College', role: 'education-provider' });
  const url = 'https://status.example.org/lists/bomb';
  // 16 MiB of zero bits gzips to about 16 KB: each copy is small in the file, huge in memory.
  const encodedList = await encodeStatusList(createStatusList({ length: 16 * 1024 * 1024 * 8 }));
  const lists = [];
  for (let i = 0; i < copies; i++) {
    const created = new Date(Date.UTC(2026, 0, 1, 0, 0, i));
    lists.push(
      await signCredential(
        {
          '@context': ['https://www.w3.org/ns/credentials/v2'],
          id: url,
          type: ['VerifiableCredential', 'BitstringStatusListCredential'],
          issuer: attacker.did,
          validFrom: created.toISOString().replace('.000', ''),
          credentialSubject: { id: `${url}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList },
        },
        attacker,
        { created },
      ),
    );
  }
  const entry = await issueEntry(
    'qualification',
    { title: 'Functional Skills Mathematics', awardingBody: { name: 'Nowhere College' }, level: 'L1', awardedOn: '2026-03' } as never,
    {
      issuer,
      key: attacker,
      holder: holder.did,
      credentialStatus: statusEntry({ listUrl: url, index: 7, purpose: 'revocation' }),
    } as never,
  );
  let { passport } = await addEntries(createPassport({ holder: holder.did }), [entry]);
  ({ passport } = await addTrustMaterial(passport, { statusLists: lists }));
  const fileBytes = JSON.stringify(passport).length;
  const policy = createTrustPolicy({ roots: [{ did: holder.did, name: 'Some authority' }] });
  global.gc?.();
  const before = process.memoryUsage().rss;
  const t0 = performance.now();
  const report = await verifyPassport(passport, { policy });
  const ms = performance.now() - t0;
  const status = report.entries[0]?.result.checks.find((c) => c.check === 'status');
  process.stdout.write(
    JSON.stringify({
      copies,
      fileBytes,
      ms,
      rssBeforeMB: before / 2 ** 20,
      maxRssMB: process.resourceUsage().maxRSS / 1024,
      status: status?.code ?? status?.status,
    }),
  );
  process.exit(0);
}

const lines: string[] = [];
const out = (line = '') => {
  lines.push(line);
  console.log(line);
};
const kb = (n: number) => (n >= 1024 ? `${n / 1024} KB` : `${n} B`);
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : ms >= 1 ? `${ms.toFixed(1)} ms` : `${(ms * 1000).toFixed(0)} µs`);

/** Median time of `runs` calls. */
function time(fn: () => unknown, runs: number): number {
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    fn();
    t.push(performance.now() - s);
  }
  return t.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

const SIZES = [1024, 2048, 5 * 1024, 10 * 1024, 20 * 1024, 50 * 1024, 100 * 1024, 200 * 1024];
const OLD_SENTENCE = /sentence[ _-]*length\s*(:|=|of|was|is)?\s*\d/i;
const NEW_SENTENCE = PROHIBITED_PATTERNS.find((p) => p.id === 'sentence')!.pattern;
const OLD_PRISON_CODE = /\b(?:[Pp]rison|[Ee]stablishment|[Aa]gency|[Ll]ocation)\s*(?:[Cc]ode|[Ii][Dd])?\s*[:=(]?\s*([A-Z]{3})\b|\(([A-Z]{3})\)/g;
const matchAll = (re: RegExp, s: string) => [...s.matchAll(new RegExp(re.source, re.flags))].length;

out(
  `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0]?.model.split(' ').slice(0, 2).join(' ') ?? 'CPU'}, Node ${process.version}, from src/ (\`npm run bench:adversarial\`).`,
);
out();
out('#### Prohibited-data firewall on `sentence length` followed by n spaces (no digit)');
out();
out('The old pattern was quadratic; the whole firewall (`findProhibited`, every pattern) is now linear. "—" = not run (seconds or minutes per call).');
out();
out('| n | old pattern | new pattern | whole firewall (new) |');
out('| ---: | ---: | ---: | ---: |');
for (const n of SIZES) {
  const s = `sentence length${' '.repeat(n)}x`;
  const old = n <= 50 * 1024 ? fmt(time(() => OLD_SENTENCE.test(s), n <= 10 * 1024 ? 5 : 1)) : '—';
  out(`| ${kb(n)} | ${old} | ${fmt(time(() => NEW_SENTENCE.test(s), 9))} | ${fmt(time(() => findProhibited(s), 5))} |`);
}
out();
out('#### Disclosure linter prison-code pattern on `prison` followed by n spaces');
out();
out('The old pattern was cubic (three adjacent `\\s*`).');
out();
out('| n | old pattern | new pattern |');
out('| ---: | ---: | ---: |');
for (const n of SIZES) {
  const s = `prison${' '.repeat(n)}!`;
  const old = n <= 2048 ? fmt(time(() => matchAll(OLD_PRISON_CODE, s), n <= 1024 ? 3 : 1)) : '—';
  out(`| ${kb(n)} | ${old} | ${fmt(time(() => matchAll(PRISON_CODE_IN_TEXT, s), 9))} |`);
}
out();

out('#### Status-list bomb: one entry, n signed copies of a list that decompresses to 16 MiB');
out();
out('verifyPassport with a policy, each row in a fresh process. Peak memory is the process maximum (resident set).');
out(
  'Before the fix (v0.1.0 code, this script, measured once on the same machine): 16 copies 2.9 s and 412 MB, 64 copies (1.4 MB file) 19.2 s and 1,198 MB: every copy was inflated.',
);
out();
out('| copies | passport file | verifyPassport | peak memory | status check |');
out('| ---: | ---: | ---: | ---: | --- |');
for (const copies of (process.env.BOMB_COPIES ?? '1,8,32,256').split(',').map(Number)) {
  const json = execFileSync(process.execPath, ['--import', 'tsx', self, '--bomb', String(copies)], {
    cwd: root,
    env: { ...process.env },
    maxBuffer: 1 << 20,
  }).toString();
  const r = JSON.parse(json) as { fileBytes: number; ms: number; maxRssMB: number; status: string };
  out(`| ${copies} | ${(r.fileBytes / 2 ** 20).toFixed(2)} MB | ${fmt(r.ms)} | ${r.maxRssMB.toFixed(0)} MB | ${r.status} |`);
}
out();

out('#### Guessing a name-based holder identity (salted SHA-256, salt in the credential)');
out();
{
  const identity = await createIdentityObject('Sam Taylor');
  const N = 200_000;
  let t0 = performance.now();
  for (let i = 0; i < N; i++) createHash('sha256').update(`candidate name ${i}${identity.salt}`).digest('hex');
  const nodeRate = N / ((performance.now() - t0) / 1000);
  const M = 20_000;
  t0 = performance.now();
  for (let i = 0; i < M; i++) await matchIdentity(identity, `candidate name ${i}`);
  const libRate = M / ((performance.now() - t0) / 1000);
  const rate = (r: number) => `${Math.round(r / 1000).toLocaleString('en-GB')}k guesses/s`;
  out('| attacker | rate (one core) | a list of 10 million first × last name pairs |');
  out('| --- | ---: | ---: |');
  out(`| node:crypto SHA-256 loop | ${rate(nodeRate)} | ${(1e7 / nodeRate).toFixed(0)} s |`);
  out(`| the library's own matchIdentity | ${rate(libRate)} | ${(1e7 / libRate).toFixed(0)} s |`);
  out();
  out('A GPU computes billions of SHA-256 per second: a name is never a secret once the credential is seen.');
}

writeFileSync(`${root}bench/adversarial-results.md`, `${lines.join('\n')}\n`);
