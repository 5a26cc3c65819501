// Benchmarks, side by side in one run: learning-passport, the Digital Bazaar stack
// (@digitalbazaar/vc + eddsa-jcs-2022-cryptosuite) and the native floor (canonicalize + SHA-256
// + node:crypto Ed25519 with a cached key). Run by hand: `npm run bench` (it builds first and
// measures the built package). Writes bench/results.md, which the README includes.
// The script runs with bench/tsconfig.bench.json (TSX_TSCONFIG_PATH): the project tsconfig maps
// #ed25519-backend to the browser backend for typechecking, and tsx would apply that mapping.
import { execFileSync } from 'node:child_process';
import { createHash, createPrivateKey, createPublicKey, sign as nodeSign, verify as nodeVerify } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import canonicalize from 'canonicalize';
import { build } from 'esbuild';
import { Bench } from 'tinybench';
import { base58btc } from 'multiformats/bases/base58';
import { createIssuerProfile, generateKeyPair, issueEntry, signCredential, verifyCredential, type SigningKeyPair } from 'learning-passport';
import { digitalBazaarStack } from './digitalbazaar.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const lines: string[] = [];
const out = (line = '') => {
  lines.push(line);
  console.log(line);
};

/** The native floor: what eddsa-jcs-2022 costs with nothing but the primitives. */
function nativeFloor(key: SigningKeyPair) {
  const seed = base58btc.decode(key.secretKeyMultibase).slice(2);
  const pub = base58btc.decode(key.publicKeyMultibase).slice(2);
  const privateKey = createPrivateKey({ key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]), format: 'der', type: 'pkcs8' });
  const publicKey = createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), pub]), format: 'der', type: 'spki' });
  const hashData = (doc: Record<string, unknown>) => {
    const { proof, ...unsecured } = doc as { proof: Record<string, unknown> };
    const { proofValue: _v, ...config } = proof;
    return Buffer.concat([createHash('sha256').update(canonicalize(config)!).digest(), createHash('sha256').update(canonicalize(unsecured)!).digest()]);
  };
  return {
    sign(doc: Record<string, unknown>, proofConfig: Record<string, unknown>) {
      const data = Buffer.concat([createHash('sha256').update(canonicalize(proofConfig)!).digest(), createHash('sha256').update(canonicalize(doc)!).digest()]);
      return base58btc.encode(nodeSign(null, data, privateKey));
    },
    verify(doc: Record<string, unknown>) {
      const sig = base58btc.decode((doc.proof as { proofValue: string }).proofValue);
      return nodeVerify(null, hashData(doc), publicKey, sig);
    },
  };
}

type Row = { name: string; meanUs: number; opsPerSec: number };
async function measure(tasks: Record<string, () => unknown>, time = 1500): Promise<Row[]> {
  const bench = new Bench({ time, warmupTime: 300 });
  for (const [name, fn] of Object.entries(tasks)) bench.add(name, fn as () => Promise<void>);
  await bench.run();
  return bench.tasks.map((t) => {
    const r = t.result as { latency?: { mean: number }; throughput?: { mean: number } };
    return { name: t.name, meanUs: (r.latency?.mean ?? NaN) * 1000, opsPerSec: r.throughput?.mean ?? NaN };
  });
}

function table(title: string, rows: Row[], baseline: string, floorName: string) {
  const base = rows.find((r) => r.name === baseline)!;
  const floorRow = rows.find((r) => r.name === floorName)!;
  out(`### ${title}`);
  out();
  out('| implementation | mean | ops/s | relative to learning-passport | share of the native floor |');
  out('| --- | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    out(
      `| ${r.name} | ${r.meanUs.toFixed(1)} µs | ${Math.round(r.opsPerSec).toLocaleString('en-GB')} | ${(base.meanUs / r.meanUs).toFixed(2)}× | ${Math.round((100 * floorRow.meanUs) / r.meanUs)}% |`,
    );
  }
  out();
}

/** The verify-only entry: the package's own (src/verify.ts) when present, else bench/verify-entry.ts. */
const verifyEntry = existsSync(`${root}src/verify.ts`) ? `${root}src/verify.ts` : `${root}bench/verify-entry.ts`;

/** Builds the verify entry for Node (packages external, as the published files import them). */
async function buildVerifyEntryForNode(): Promise<string> {
  const outdir = `${root}bench/.cache/verify-entry`;
  mkdirSync(outdir, { recursive: true });
  // Split, as the published ESM build is: modules the library imports on first use (jose, the
  // kind definitions) stay dynamic imports instead of becoming static imports of the bundle.
  await build({
    entryPoints: { 'verify-entry': verifyEntry },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    packages: 'external',
    outdir,
    outExtension: { '.js': '.mjs' },
    logLevel: 'silent',
    alias: { '#ed25519-backend': `${root}src/backend/ed25519-node.ts` },
  });
  return `${outdir}/verify-entry.mjs`;
}

/** The verify entry bundled for a browser with code splitting: what loads at import, and what loads later. */
async function verifyBundle(): Promise<{ initial: number; initialMin: number; lazy: number; zod: boolean; inputs: Record<string, number> }> {
  const result = await build({
    entryPoints: [verifyEntry],
    bundle: true,
    splitting: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['browser'],
    outdir: '/virtual-out',
    write: false,
    metafile: true,
    logLevel: 'silent',
    alias: { '#ed25519-backend': `${root}src/backend/ed25519-web.ts` },
  });
  const meta = result.metafile!;
  const base = (p: string) => p.slice(p.lastIndexOf('/') + 1);
  const byName = new Map(result.outputFiles.map((f) => [base(f.path), f.contents]));
  // The entry chunk and every chunk it imports statically load at import; dynamic imports later.
  const entryOut = Object.keys(meta.outputs).find((k) => meta.outputs[k]!.entryPoint !== undefined)!;
  const initial = new Set<string>();
  const walk = (k: string): void => {
    if (initial.has(k)) return;
    initial.add(k);
    for (const i of meta.outputs[k]!.imports) if (i.kind === 'import-statement') walk(i.path);
  };
  walk(entryOut);
  const size = (keys: string[], zip: boolean) =>
    keys.reduce((n, k) => {
      const bytes = byName.get(base(k));
      return n + (bytes ? (zip ? gzipSync(bytes).length : bytes.length) : 0);
    }, 0);
  const all = Object.keys(meta.outputs).filter((k) => k.endsWith('.js'));
  const first = all.filter((k) => initial.has(k));
  const inputs: Record<string, number> = {};
  for (const k of first) {
    for (const [path, v] of Object.entries(meta.outputs[k]!.inputs)) {
      const key = path.includes('node_modules') ? path.replace(/.*node_modules\/((@[^/]+\/)?[^/]+).*/, '$1') : path.replace(/.*src\/([^/]+)\/.*/, 'src/$1/');
      inputs[key] = (inputs[key] ?? 0) + v.bytesInOutput;
    }
  }
  return {
    initial: size(first, true),
    initialMin: size(first, false),
    lazy: size(
      all.filter((k) => !initial.has(k)),
      true,
    ),
    zod: Object.keys(inputs).includes('zod'),
    inputs,
  };
}

async function coldImport(specifiers: string[], runs = 15): Promise<number> {
  const node = process.execPath;
  const imports = specifiers.map((s) => `import(${JSON.stringify(s)})`).join(',');
  const script = `const t=performance.now();await Promise.all([${imports}]);console.log(performance.now()-t)`;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    times.push(Number(execFileSync(node, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' }).trim()));
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

async function bundleSize(contents: string): Promise<{ min: number; gzip: number; inputs: string[] }> {
  const result = await build({
    metafile: true,
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['browser'],
    write: false,
    logLevel: 'silent',
    plugins: [
      {
        name: 'web-backend',
        setup(b) {
          b.onResolve({ filter: /^#ed25519-backend$/ }, () => ({ path: `${root}dist/backend/ed25519-web.js` }));
        },
      },
    ],
  });
  const code = result.outputFiles[0]!.contents;
  return { min: code.length, gzip: gzipSync(code).length, inputs: Object.keys(result.metafile!.inputs) };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

async function main() {
  out(
    `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}; load average at the start ${loadavg()[0]!.toFixed(1)}.`,
  );
  out();
  const key = await generateKeyPair();
  const issuer = createIssuerProfile({ key, name: 'City & Guilds', role: 'awarding-body' });
  const fields = { title: 'Functional Skills Mathematics', awardingBody: { name: 'City & Guilds' }, level: 'L1', awardedOn: '2026-03' };
  const entry = (await issueEntry('qualification', fields, { issuer, key, created: '2026-03-03T10:00:00Z' })) as unknown as Record<string, unknown>;
  const { proof, ...unsigned } = entry as { proof: Record<string, unknown> };
  const db = await digitalBazaarStack(key);
  const floor = nativeFloor(key);
  const { proofValue: _pv, ...proofConfig } = proof;

  // Sanity: all three agree before anything is timed.
  const dbSigned = await db.sign(unsigned, '2026-03-03T10:00:00Z');
  if ((dbSigned.proof as { proofValue: string }).proofValue !== proof.proofValue) throw new Error('Digital Bazaar proofValue differs');
  if (!(await db.verify(entry)) || !floor.verify(entry) || !(await verifyCredential(entry)).verified) throw new Error('verify disagreement');

  table(
    'Sign one entry (eddsa-jcs-2022)',
    await measure({
      'learning-passport signCredential': () => signCredential(unsigned, key, { created: '2026-03-03T10:00:00Z' }),
      'Digital Bazaar vc.issue': () => db.sign(unsigned, '2026-03-03T10:00:00Z'),
      'native floor (canonicalize + SHA-256 + node:crypto)': () => floor.sign(unsigned, proofConfig),
    }),
    'learning-passport signCredential',
    'native floor (canonicalize + SHA-256 + node:crypto)',
  );
  table(
    'Verify one entry',
    await measure({
      'learning-passport verifyCredential': () => verifyCredential(entry),
      'Digital Bazaar vc.verifyCredential': () => db.verify(entry),
      'native floor (canonicalize + SHA-256 + node:crypto)': () => floor.verify(entry),
    }),
    'learning-passport verifyCredential',
    'native floor (canonicalize + SHA-256 + node:crypto)',
  );

  const verifyBuilt = await buildVerifyEntryForNode();
  out('### Cold import (median of 15 fresh processes)');
  out();
  out('| package | time |');
  out('| --- | ---: |');
  out(
    `| learning-passport/verify (${verifyEntry.endsWith('src/verify.ts') ? 'src/verify.ts' : 'bench/verify-entry.ts'}, built with esbuild) | ${(await coldImport([verifyBuilt])).toFixed(1)} ms |`,
  );
  out(`| learning-passport (root) | ${(await coldImport(['learning-passport'])).toFixed(1)} ms |`);
  out(
    `| @digitalbazaar/vc + data-integrity + eddsa-jcs-2022-cryptosuite | ${(
      await coldImport(['@digitalbazaar/vc', '@digitalbazaar/data-integrity', '@digitalbazaar/eddsa-jcs-2022-cryptosuite'])
    ).toFixed(1)} ms |`,
  );
  out();

  out('### Browser bundle size (esbuild, minified)');
  out();
  out('| import | minified | gzipped |');
  out('| --- | ---: | ---: |');
  const verify = await verifyBundle();
  const verifyOnly = await bundleSize("export { verifyCredential } from './dist/index.js';");
  const whole = await bundleSize("export * from './dist/index.js';");
  const dbBundle = await bundleSize(
    "export * from '@digitalbazaar/vc'; export * from '@digitalbazaar/data-integrity'; export * from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';",
  ).catch(() => undefined);
  out(`| learning-passport/verify (credential, presentation, passport, trust policy), loaded at import | ${kb(verify.initialMin)} | ${kb(verify.initial)} |`);
  out(`| … loaded on first use (jose for vc+jwt / vp+jwt; zod and the kind definitions for a presentation's entry descriptions) | | ${kb(verify.lazy)} |`);
  out(`| learning-passport, verifyCredential only | ${kb(verifyOnly.min)} | ${kb(verifyOnly.gzip)} |`);
  out(`| learning-passport, everything | ${kb(whole.min)} | ${kb(whole.gzip)} |`);
  if (dbBundle) out(`| Digital Bazaar vc + data-integrity + eddsa-jcs-2022 | ${kb(dbBundle.min)} | ${kb(dbBundle.gzip)} |`);
  const rdfc = await bundleSize("export * from './dist/rdfc.js';");
  out(`| learning-passport/rdfc, everything (jsonld, rdf-canonize, bundled contexts) | ${kb(rdfc.min)} | ${kb(rdfc.gzip)} |`);
  out();
  const largest = Object.entries(verify.inputs)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 10);
  out(`zod in the verify bundle: ${verify.zod ? 'yes' : 'no'}. Largest parts of it (minified bytes): ${largest.map(([k, v]) => `${k} ${kb(v)}`).join(', ')}.`);
  out();
  const jsonLdInMain = whole.inputs.filter((p) => /node_modules\/(jsonld|rdf-canonize)\//.test(p));
  out(`JSON-LD in the main entry's bundle: ${jsonLdInMain.length === 0 ? 'none' : jsonLdInMain.join(', ')} (jsonld / rdf-canonize inputs, esbuild metafile).`);
  out();

  // Passports at 1k / 10k / 100k entries: bench/passport.bench.ts measures the sources on the
  // node:crypto backend and prints its own markdown table.
  out('### Passports (verifyPassport, merge; node:crypto backend, both cores)');
  out();
  const passport = execFileSync(
    process.execPath,
    [...process.execArgv, `${root}bench/passport.bench.ts`, ...(process.argv.includes('--quick') ? ['--quick'] : [])],
    {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  for (const line of passport.trim().split('\n')) out(line);
  out();

  out(`Load average at the end: ${loadavg()[0]!.toFixed(1)} (1 minute).`);
  // The figures before the verify-path redesign (0.1.0), kept beside the new ones.
  const before = `${root}bench/results-before.md`;
  if (existsSync(before)) {
    out();
    out('## Before: the 0.1.0 run');
    out();
    for (const line of readFileSync(before, 'utf8').trimEnd().split('\n')) out(line.replace(/^### /, '#### '));
  }
  writeFileSync(`${root}bench/results.md`, `${lines.join('\n')}\n`);
}

await main();
