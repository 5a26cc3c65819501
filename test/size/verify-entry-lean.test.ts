// learning-passport/verify stays small enough for a phone: importing the built entry (dist/verify.js,
// what the package publishes) loads no zod, no qrcode, no jose and none of the issuing code. The
// module graph is read from esbuild's metafile of the built files (packages left external, as
// Node and a bundler meet them) and walked along static imports only: that is what loads at
// `import 'learning-passport/verify'`. jose may load later, through its dynamic import. Needs the
// built package (`npm run build:lib`; `npm test` builds first).
import { existsSync, readFileSync } from 'node:fs';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const hasDist = existsSync(`${root}dist/verify.js`) && existsSync(`${root}dist/verify.cjs`);

/** The packages the verify path must not load at import. */
const HEAVY = ['zod', 'qrcode', 'jose', '@sd-jwt/core', '@sd-jwt/sd-jwt-vc', 'jsonld', 'rdf-canonize'];
/** Source files that are issuing or schema code: none may be in a module that loads at import. */
const ISSUING = /src\/entries\/(issue-entry|kinds\/(common|credential|index))\.ts$/;

interface Graph {
  /** Built files reached (paths relative to the package root). */
  files: string[];
  /** Packages reached, by name. */
  packages: string[];
}

const packageName = (specifier: string): string =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

/** The built files and packages `entry` reaches, along static imports only or along every import. */
async function graphOf(entry: string, follow: 'static' | 'all'): Promise<Graph> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    format: entry.endsWith('.cjs') ? 'cjs' : 'esm',
    platform: 'neutral',
    packages: 'external',
    external: ['#ed25519-backend', 'node:*'],
    logLevel: 'silent',
  });
  const inputs = (result.metafile as Metafile).inputs;
  const files = new Set<string>();
  const packages = new Set<string>();
  const walk = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    for (const i of inputs[file]!.imports) {
      if (follow === 'static' && i.kind !== 'import-statement' && i.kind !== 'require-call') continue;
      if (i.external) packages.add(packageName(i.path));
      else walk(i.path);
    }
  };
  walk(entry);
  return { files: [...files], packages: [...packages] };
}

/** The source files a built file was made from (its source map). */
function sourcesOf(file: string): string[] {
  const map = `${root}${file}.map`;
  return existsSync(map) ? (JSON.parse(readFileSync(map, 'utf8')) as { sources: string[] }).sources : [];
}

describe.skipIf(!hasDist && !process.env.CI)('learning-passport/verify loads only the verify path at import', () => {
  it('dist/verify.js reaches no zod, qrcode, jose, SD-JWT or JSON-LD package through static imports', async () => {
    const { files, packages } = await graphOf('dist/verify.js', 'static');
    expect(files.length).toBeGreaterThan(3);
    expect(packages).toContain('canonicalize');
    expect(packages.filter((p) => HEAVY.includes(p))).toEqual([]);
  });

  it('no built file dist/verify.js loads at import holds issuing or schema code', async () => {
    const { files } = await graphOf('dist/verify.js', 'static');
    const sources = files.flatMap(sourcesOf);
    expect(sources.some((s) => s.endsWith('src/verify/verify-credential.ts'))).toBe(true);
    expect(sources.filter((s) => ISSUING.test(s))).toEqual([]);
  });

  it('dist/verify.cjs (require) reaches no zod or qrcode either', async () => {
    // In the CommonJS build a dynamic import is a require() made on first use, which the graph
    // cannot tell from a static one: jose is left out of this check.
    const { packages } = await graphOf('dist/verify.cjs', 'static');
    expect(packages.filter((p) => HEAVY.includes(p) && p !== 'jose')).toEqual([]);
  });

  it('the checks can fail: the root entry loads zod and qrcode at import, and verify reaches jose lazily', async () => {
    const rootEntry = await graphOf('dist/index.js', 'static');
    expect(rootEntry.packages).toEqual(expect.arrayContaining(['zod', 'qrcode']));
    expect(rootEntry.files.flatMap(sourcesOf).some((s) => ISSUING.test(s))).toBe(true);
    const everything = await graphOf('dist/verify.js', 'all');
    expect(everything.packages).toContain('jose');
  });
});
