// Builds the employer page into one self-contained HTML file: the script is inlined (no module
// loading, so it also works opened from disk or a USB stick) and the Content-Security-Policy
// allows exactly that script (by its hash) and no network at all. The package build runs it
// (`npm run build:lib` writes dist/verifier.html, shipped as `learning-passport/verifier.html`).
// Run: npx tsx examples/verifier-web/build.ts [out.html]   (default examples/verifier-web/dist/index.html)
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const here = fileURLToPath(new URL('./', import.meta.url));
const root = fileURLToPath(new URL('../../', import.meta.url));

// In this repository the page uses the library's sources. Browsers take the WebCrypto backend
// (package.json "imports", "default" condition); a project that installed the package gets
// the same from its node_modules without this plugin.
const fromSources: Plugin = {
  name: 'learning-passport-sources',
  setup(b) {
    b.onResolve({ filter: /^learning-passport$/ }, () => ({ path: `${root}src/index.ts` }));
    b.onResolve({ filter: /^learning-passport\/(verify|trust|present|jwt|qr|kinds)$/ }, (args) => ({
      path: `${root}src/${args.path.slice('learning-passport/'.length)}.ts`,
    }));
    b.onResolve({ filter: /^#ed25519-backend$/ }, () => ({ path: `${root}src/backend/ed25519-web.ts` }));
  },
};

/** Bundles app.ts for browsers (minified ESM, no imports left). */
export async function bundleApp(): Promise<string> {
  const result = await build({
    entryPoints: [`${here}app.ts`],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    legalComments: 'none',
    plugins: [fromSources],
    logLevel: 'warning',
  });
  return result.outputFiles[0]!.text;
}

/**
 * Puts the script into the page: replaces `<script type="module" src="app.js"></script>` with
 * the inline script and `script-src 'self'` in the CSP with the script's SHA-256 hash.
 */
export function inlinePage(html: string, js: string): string {
  // "</script" inside a string would end the element early.
  const code = js.replace(/<\/script/gi, '<\\/script');
  const hash = createHash('sha256').update(code, 'utf8').digest('base64');
  const tag = '<script type="module" src="app.js"></script>';
  if (!html.includes(tag) || !html.includes("script-src 'self'")) throw new Error('index.html no longer has the script tag or CSP this build expects');
  return html.replace("script-src 'self'", `script-src 'sha256-${hash}'`).replace(tag, () => `<script type="module">${code}</script>`);
}

/** Writes the page to `out` (a file, or a folder to hold index.html) and returns the file's path. */
export async function buildVerifierPage(out = `${here}dist/`): Promise<string> {
  const page = inlinePage(readFileSync(`${here}index.html`, 'utf8'), await bundleApp());
  const file = out.endsWith('.html') ? resolve(out) : resolve(out, 'index.html');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, page);
  return file;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = await buildVerifierPage(process.argv[2]);
  console.log(`Built ${out} (${Math.round(readFileSync(out).length / 1024)} KiB). Open it in a browser; it needs no network.`);
}
