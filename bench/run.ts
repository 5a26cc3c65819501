// Benchmarks, side by side in one run: learning-passport, the Digital Bazaar stack
// (@digitalbazaar/vc + eddsa-jcs-2022-cryptosuite) and the native floor (canonicalize + SHA-256
// + node:crypto Ed25519 with a cached key). Run by hand: `npm run bench` (it builds first and
// measures the built package). Writes bench/results.md, which the README includes.
// `--only size,cold` (any of: sign, verify, cold, size, passports) runs just those parts and
// prints them without writing bench/results.md (the bundle and cold-import parts are quick and
// run no throughput loops, for a shared machine).
// The script runs with bench/tsconfig.bench.json (TSX_TSCONFIG_PATH): the project tsconfig maps
// #ed25519-backend to the browser backend for typechecking, and tsx would apply that mapping.
import { execFileSync } from 'node:child_process';
import { createHash, createPrivateKey, createPublicKey, sign as nodeSign, verify as nodeVerify } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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

const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
/** The published file of `learning-passport/verify` (package.json "exports"), as users get it. */
const verifyDist = pkg.exports['./verify']!.import.default;

/**
 * The verify entry as a browser app bundles it: `export * from 'learning-passport/verify'`
 * (the built dist/verify.js), esbuild, minified, with and without code splitting. With
 * splitting, the entry chunk and every chunk it imports statically load at import and dynamic
 * imports (jose) load on first use; without it, everything is one file.
 */
async function verifyBundle(): Promise<{
  initial: number;
  initialMin: number;
  lazy: number;
  single: number;
  singleMin: number;
  zod: boolean;
  qrcode: boolean;
}> {
  const options = {
    stdin: { contents: `export * from '${verifyDist}';`, resolveDir: root, loader: 'js' as const },
    bundle: true,
    minify: true,
    format: 'esm' as const,
    platform: 'browser' as const,
    conditions: ['browser'],
    write: false as const,
    metafile: true,
    logLevel: 'silent' as const,
    alias: { '#ed25519-backend': `${root}dist/backend/ed25519-web.js` },
  };
  const result = await build({ ...options, splitting: true, outdir: '/virtual-out' });
  const meta = result.metafile!;
  const base = (p: string) => p.slice(p.lastIndexOf('/') + 1);
  const byName = new Map(result.outputFiles.map((f) => [base(f.path), f.contents]));
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
  const inputsAtImport = first.flatMap((k) => Object.keys(meta.outputs[k]!.inputs));
  const single = await build(options);
  const code = single.outputFiles[0]!.contents;
  return {
    initial: size(first, true),
    initialMin: size(first, false),
    lazy: size(
      all.filter((k) => !initial.has(k)),
      true,
    ),
    single: gzipSync(code).length,
    singleMin: code.length,
    zod: inputsAtImport.some((p) => p.includes('node_modules/zod/')),
    qrcode: inputsAtImport.some((p) => p.includes('node_modules/qrcode/')),
  };
}

/**
 * Where the verify bundle's bytes come from, by source folder or package (minified bytes). The
 * published chunks do not say which source file each byte came from, so this bundles
 * src/verify.ts with the same settings: the same modules, attributed.
 */
async function verifyBundleParts(): Promise<[string, number][]> {
  const result = await build({
    entryPoints: [`${root}src/verify.ts`],
    bundle: true,
    minify: true,
    splitting: true,
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
  const entryOut = Object.keys(meta.outputs).find((k) => meta.outputs[k]!.entryPoint !== undefined)!;
  const initial = new Set<string>();
  const walk = (k: string): void => {
    if (initial.has(k)) return;
    initial.add(k);
    for (const i of meta.outputs[k]!.imports) if (i.kind === 'import-statement') walk(i.path);
  };
  walk(entryOut);
  const parts: Record<string, number> = {};
  for (const k of initial) {
    for (const [path, v] of Object.entries(meta.outputs[k]!.inputs)) {
      const key = path.includes('node_modules')
        ? path.replace(/.*node_modules\/((@[^/]+\/)?[^/]+).*/, '$1')
        : path.includes('src/entries/compiled/')
          ? 'src/entries/compiled/'
          : path.replace(/.*src\/([^/]+)\/.*/, 'src/$1/');
      parts[key] = (parts[key] ?? 0) + v.bytesInOutput;
    }
  }
  return Object.entries(parts).sort((a, b) => b[1] - a[1]);
}

/** The packages a fresh Node process loads with `import 'learning-passport/verify'`: the static imports of the built files. */
async function packagesAtImport(): Promise<string[]> {
  const result = await build({
    entryPoints: [`${root}${verifyDist}`],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'neutral',
    packages: 'external',
    external: ['#ed25519-backend', 'node:*'],
    logLevel: 'silent',
  });
  const inputs = result.metafile!.inputs;
  const files = new Set<string>();
  const packages = new Set<string>();
  const walk = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    for (const i of inputs[file]!.imports) {
      if (i.kind !== 'import-statement') continue;
      if (!i.external) walk(i.path);
      // #ed25519-backend is the package's own backend file (package.json "imports"), not a package.
      else if (!i.path.startsWith('#'))
        packages.add(
          i.path
            .split('/')
            .slice(0, i.path.startsWith('@') ? 2 : 1)
            .join('/'),
        );
    }
  };
  walk(Object.keys(inputs).find((k) => k.endsWith(verifyDist.replace(/^\.\//, '')))!);
  return [...packages].sort();
}

/**
 * dist/verify.js and everything it imports bundled into one file: the same code without Node's
 * per-module cost (resolving, reading and linking some 30 files), to show what that cost is.
 */
async function verifyAsOneFile(): Promise<string> {
  const outfile = `${root}bench/.cache/verify-one-file.mjs`;
  await build({
    entryPoints: [`${root}${verifyDist}`],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile,
    logLevel: 'silent',
    alias: { '#ed25519-backend': `${root}dist/backend/ed25519-node.js` },
  });
  return outfile;
}

interface ColdImport {
  /** CPU time (user + system) of the import itself, median. */
  cpu: number;
  /** Wall time of the import itself, median. */
  wall: number;
  /** CPU time of the whole process up to the end of the import (Node start-up included), median. */
  process: number;
}

/**
 * Imports `specifiers` in `runs` fresh Node processes (nothing imported: Node's own start-up).
 * CPU time (process.cpuUsage) is what a busy machine inflates least; wall time is reported beside it.
 */
function coldImport(specifiers: string[], runs = 15): ColdImport {
  const imports = specifiers.map((s) => `import(${JSON.stringify(s)})`).join(',');
  const script = [
    'const c0 = process.cpuUsage(), t0 = performance.now();',
    `await Promise.all([${imports}]);`,
    'const wall = performance.now() - t0, c = process.cpuUsage(c0), all = process.cpuUsage();',
    'console.log(JSON.stringify({ wall, cpu: (c.user + c.system) / 1000, process: (all.user + all.system) / 1000 }));',
  ].join('\n');
  const samples: ColdImport[] = [];
  for (let i = 0; i < runs; i++) {
    samples.push(JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' }).trim()) as ColdImport);
  }
  const median = (key: keyof ColdImport) => samples.map((s) => s[key]).sort((a, b) => a - b)[Math.floor(runs / 2)]!;
  return { cpu: median('cpu'), wall: median('wall'), process: median('process') };
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

const SECTIONS = ['sign', 'verify', 'cold', 'size', 'passports'] as const;
const onlyArg = process.argv.find((a, i) => process.argv[i - 1] === '--only' || a.startsWith('--only='));
const only = onlyArg ? new Set(onlyArg.replace(/^--only=/, '').split(',')) : undefined;
for (const name of only ?? [])
  if (!(SECTIONS as readonly string[]).includes(name)) throw new Error(`--only: unknown part "${name}" (parts: ${SECTIONS.join(', ')})`);
const runs = (section: (typeof SECTIONS)[number]) => !only || only.has(section);

async function throughput() {
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

  if (runs('sign')) {
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
  }
  if (runs('verify')) {
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
  }
}

async function coldImports() {
  out('### Cold import (median of 15 fresh processes)');
  out();
  out(
    `CPU time (process.cpuUsage, user + system) and wall time of \`await import(…)\` in a fresh Node process, which loads the built package (learning-passport/verify is ${verifyDist}); "whole process" adds Node's own start-up.`,
  );
  out();
  out('| import | CPU time of the import | wall time of the import | CPU time, whole process |');
  out('| --- | ---: | ---: | ---: |');
  const row = (name: string, r: ColdImport) => out(`| ${name} | ${r.cpu.toFixed(1)} ms | ${r.wall.toFixed(1)} ms | ${r.process.toFixed(1)} ms |`);
  row('nothing (empty Node process, the baseline)', coldImport([]));
  row('learning-passport/verify', coldImport(['learning-passport/verify']));
  row('… the same code as one file (esbuild bundle of dist/verify.js, jose included: for comparison)', coldImport([await verifyAsOneFile()]));
  row('learning-passport (root)', coldImport(['learning-passport']));
  row(
    '@digitalbazaar/vc + data-integrity + eddsa-jcs-2022-cryptosuite',
    coldImport(['@digitalbazaar/vc', '@digitalbazaar/data-integrity', '@digitalbazaar/eddsa-jcs-2022-cryptosuite']),
  );
  out();
  out(`Packages Node loads with learning-passport/verify (static imports of the built files): ${(await packagesAtImport()).join(', ')}.`);
  out();
}

async function bundleSizes() {
  out('### Browser bundle size (esbuild, minified)');
  out();
  out('| import | minified | gzipped |');
  out('| --- | ---: | ---: |');
  const verify = await verifyBundle();
  out(
    `| learning-passport/verify (credential, presentation, passport, trust policy), code splitting: loaded at import | ${kb(verify.initialMin)} | ${kb(verify.initial)} |`,
  );
  out(`| … loaded on first use (jose, for vc+jwt and vp+jwt) | | ${kb(verify.lazy)} |`);
  out(`| learning-passport/verify without code splitting (one file, jose included) | ${kb(verify.singleMin)} | ${kb(verify.single)} |`);
  const verifyOnly = await bundleSize("export { verifyCredential } from './dist/index.js';");
  const whole = await bundleSize("export * from './dist/index.js';");
  const dbBundle = await bundleSize(
    "export * from '@digitalbazaar/vc'; export * from '@digitalbazaar/data-integrity'; export * from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';",
  ).catch(() => undefined);
  out(`| learning-passport, verifyCredential only | ${kb(verifyOnly.min)} | ${kb(verifyOnly.gzip)} |`);
  out(`| learning-passport, everything | ${kb(whole.min)} | ${kb(whole.gzip)} |`);
  if (dbBundle) out(`| Digital Bazaar vc + data-integrity + eddsa-jcs-2022 | ${kb(dbBundle.min)} | ${kb(dbBundle.gzip)} |`);
  const rdfc = await bundleSize("export * from './dist/rdfc.js';");
  out(`| learning-passport/rdfc, everything (jsonld, rdf-canonize, bundled contexts) | ${kb(rdfc.min)} | ${kb(rdfc.gzip)} |`);
  out();
  const largest = (await verifyBundleParts()).slice(0, 12);
  out(
    `zod in the verify bundle at import: ${verify.zod ? 'yes' : 'no'}; qrcode: ${verify.qrcode ? 'yes' : 'no'} (a bundler drops modules nothing uses, which Node still loads: see the cold import). Largest parts of what loads at import (minified bytes, from the same build of src/verify.ts): ${largest.map(([k, v]) => `${k} ${kb(v)}`).join(', ')}.`,
  );
  out();
  const jsonLdInMain = whole.inputs.filter((p) => /node_modules\/(jsonld|rdf-canonize)\//.test(p));
  out(`JSON-LD in the main entry's bundle: ${jsonLdInMain.length === 0 ? 'none' : jsonLdInMain.join(', ')} (jsonld / rdf-canonize inputs, esbuild metafile).`);
  out();
}

async function main() {
  out(
    `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}; load average at the start ${loadavg()[0]!.toFixed(1)}.`,
  );
  out();
  if (runs('sign') || runs('verify')) await throughput();
  if (runs('cold')) await coldImports();
  if (runs('size')) await bundleSizes();
  if (!runs('passports')) {
    // A partial run prints its parts and leaves bench/results.md (the README's copy) alone.
    out(`Load average at the end: ${loadavg()[0]!.toFixed(1)} (1 minute).`);
    return;
  }

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
