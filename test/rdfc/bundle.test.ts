// The main entry carries no JSON-LD library: bundling dist/index.js (as a browser app would,
// and for Node) pulls in nothing from jsonld or rdf-canonize; dist/rdfc.js does. Needs the
// built package (`npm run build:lib`; `npm test` builds first).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const hasDist = existsSync(`${root}dist/index.js`) && existsSync(`${root}dist/rdfc.js`);
const JSON_LD = /node_modules\/(jsonld|rdf-canonize)\//;

async function inputsOf(contents: string, platform: 'browser' | 'node'): Promise<string[]> {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'js' },
    bundle: true,
    format: 'esm',
    platform,
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [
      {
        name: 'backend',
        setup(b) {
          b.onResolve({ filter: /^#ed25519-backend$/ }, () => ({ path: `${root}dist/backend/ed25519-${platform === 'node' ? 'node' : 'web'}.js` }));
        },
      },
    ],
  });
  return Object.keys((result.metafile as Metafile).inputs);
}

describe.skipIf(!hasDist && !process.env.CI)('bundles of the built package', () => {
  it.each(['browser', 'node'] as const)('dist/index.js (everything, %s) has no jsonld or rdf-canonize input', async (platform) => {
    const inputs = await inputsOf("export * from './dist/index.js';", platform);
    expect(inputs.length).toBeGreaterThan(20);
    expect(inputs.some((p) => p.includes('node_modules/zod/'))).toBe(true);
    expect(inputs.filter((p) => JSON_LD.test(p))).toEqual([]);
  });

  it('dist/rdfc.js does bundle them (so the check above can fail)', async () => {
    const inputs = await inputsOf("export * from './dist/rdfc.js';", 'browser');
    expect(inputs.some((p) => p.includes('node_modules/jsonld/'))).toBe(true);
    expect(inputs.some((p) => p.includes('node_modules/rdf-canonize/'))).toBe(true);
  });
});

describe.skipIf(!hasDist && !process.env.CI)('the CommonJS build shares one copy of the library', () => {
  it('an error thrown by learning-passport/rdfc is a PassportError of the main entry (isPassportError, instanceof)', () => {
    const require = createRequire(import.meta.url);
    const main = require(`${root}dist/index.cjs`) as typeof import('../../src/index.js');
    const rdfc = require(`${root}dist/rdfc.cjs`) as typeof import('../../src/rdfc/index.js');
    let thrown: unknown;
    try {
      rdfc.createDocumentLoader({ contexts: { 'https://www.w3.org/ns/credentials/v2': {} } });
    } catch (err) {
      thrown = err;
    }
    expect(main.isPassportError(thrown)).toBe(true);
    expect(thrown).toBeInstanceOf(main.PassportError);
    const copies = readdirSync(`${root}dist`).filter(
      (f) => f.endsWith('.cjs') && readFileSync(`${root}dist/${f}`, 'utf8').includes('var PassportError = class'),
    );
    expect(copies).toHaveLength(1);
  });
});

describe.skipIf(!hasDist && !process.env.CI)('the bundled JSON-LD contexts in the build', () => {
  // The contexts are .json files in src/rdfc/contexts/, which the package does not ship: the
  // build must carry them inline (no file read at run time; the rdfc subpath runs in browsers).
  const expected = async () => (await import('../../src/rdfc/index.js')).BUNDLED_CONTEXTS;

  it('dist/rdfc.js (ESM) carries them inline', async () => {
    const built = (await import(`${root}dist/rdfc.js`)) as typeof import('../../src/rdfc/index.js');
    expect(built.BUNDLED_CONTEXTS).toEqual(await expected());
  });

  it('dist/rdfc.cjs (CommonJS) carries them inline', async () => {
    const built = createRequire(import.meta.url)(`${root}dist/rdfc.cjs`) as typeof import('../../src/rdfc/index.js');
    expect(built.BUNDLED_CONTEXTS).toEqual(await expected());
  });

  it('no built file refers to a .json file', () => {
    const refs = readdirSync(`${root}dist`, { recursive: true })
      .map(String)
      .filter((f) => /\.(c?js)$/.test(f))
      .filter((f) => /(?:require\(|from |import\()\s*["'][^"']+\.json["']/.test(readFileSync(`${root}dist/${f}`, 'utf8')));
    expect(refs).toEqual([]);
  });
});
