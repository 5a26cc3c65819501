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

/** Bundles a browser entry file (ESM, browser platform) and returns the JavaScript. */
export async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    plugins: [webBackend],
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

/** Launches headless Chromium with the flags this sandbox needs (no background networking). */
export async function launch(): Promise<Browser> {
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
