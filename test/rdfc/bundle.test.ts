// The main entry carries no JSON-LD library: bundling dist/index.js (as a browser app would,
// and for Node) pulls in nothing from jsonld or rdf-canonize; dist/rdfc.js does. Needs the
// built package (`npm run build:lib`; `npm test` builds first).
import { existsSync } from 'node:fs';
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
