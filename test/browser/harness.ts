// Runs code in a real headless Chromium (Debian's chromium package): bundles a browser entry
// with esbuild, serves it on 127.0.0.1, and drives the page with playwright-core.
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Where Chromium is: CHROMIUM_PATH, or Debian's /usr/bin/chromium. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** True when a Chromium binary is installed (.ci/run installs it when missing). */
export const hasChromium = existsSync(chromiumPath);

// Browsers resolve package.json "imports" with the "default" condition: the WebCrypto backend.
const webBackend: Plugin = {
  name: 'web-backend',
  setup(b) {
    b.onResolve({ filter: /^#ed25519-backend$/ }, () => ({ path: `${root}src/backend/ed25519-web.ts` }));
  },
};

/** Where `learning-passport` comes from in a bundle. */
export type LibrarySource = 'src' | 'dist';

/** True when the published build exists (CI builds it before the tests run). */
export const hasDist = existsSync(`${root}dist/index.js`) && existsSync(`${root}dist/backend/ed25519-web.js`);

// An empty tsconfig, so that esbuild does not apply this repository's tsconfig "paths" to the
// published build: a user's bundler sees only the package's own package.json.
const emptyTsconfig = `${root}test/browser/tsconfig.empty.json`;

/**
 * Bundles a browser entry file (ESM, browser platform) and returns the JavaScript.
 *
 * Entries import the library as `learning-passport`. With `from: 'src'` (default) that is the
 * TypeScript sources, with the WebCrypto backend; with `from: 'dist'` it is the published build
 * (dist/index.js), and `#ed25519-backend` is left to esbuild's own package.json "imports"
 * resolution with the browser conditions, exactly as in a user's project: no plugin, no alias
 * inside the package, no tsconfig paths.
 */
export async function bundle(entry: string, options: { from?: LibrarySource; minify?: boolean } = {}): Promise<string> {
  const from = options.from ?? 'src';
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    minify: options.minify ?? false,
    // The root and each subpath (learning-passport/trust, …) map to their entry file.
    alias: Object.fromEntries(
      ['', '/verify', '/trust', '/present', '/jwt', '/qr', '/kinds'].map((sub) => {
        const file = sub === '' ? 'index' : sub.slice(1);
        return [`learning-passport${sub}`, from === 'src' ? `${root}src/${file}.ts` : `${root}dist/${file}.js`];
      }),
    ),
    plugins: from === 'src' ? [webBackend] : [],
    ...(from === 'dist' ? { tsconfig: emptyTsconfig } : {}),
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** A static server for a set of in-memory files, on an ephemeral loopback port. */
export async function serve(files: Record<string, { body: string | Uint8Array; type: string }>): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const file = files[path === '/' ? '/index.html' : path];
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' }).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Launches headless Chromium with the flags this sandbox needs (no background networking), plus `extraArgs`. */
export async function launch(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      ...extraArgs,
    ],
  });
}

/**
 * Records every request a page makes, so tests can prove a page made no network call beyond
 * the local server it was loaded from.
 */
export function recordRequests(page: Page, allowedOrigin: string): string[] {
  const outside: string[] = [];
  page.on('request', (req) => {
    if (!req.url().startsWith(allowedOrigin) && !req.url().startsWith('data:')) outside.push(req.url());
  });
  return outside;
}
