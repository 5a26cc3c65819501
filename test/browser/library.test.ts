import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundle, hasChromium, launch, recordRequests, serve } from './harness.js';
import type { Browser } from 'playwright-core';

// CI installs Chromium (.ci/run) and never skips; a developer machine without it skips visibly.
describe.skipIf(!hasChromium && !process.env.CI)('library in headless Chromium', () => {
  let browser: Browser;
  let results: Record<string, unknown>;
  let outside: string[];

  beforeAll(async () => {
    const js = await bundle(fileURLToPath(new URL('./library.entry.ts', import.meta.url)));
    const server = await serve({
      '/index.html': { body: '<!doctype html><meta charset="utf-8"><script type="module" src="/lib.js"></script>', type: 'text/html' },
      '/lib.js': { body: js, type: 'text/javascript' },
    });
    browser = await launch();
    const page = await browser.newPage();
    outside = recordRequests(page, server.url);
    await page.goto(server.url);
    await page.waitForFunction(() => (globalThis as { __results?: unknown }).__results !== undefined);
    results = (await page.evaluate(() => (globalThis as { __results?: Promise<unknown> }).__results)) as Record<string, unknown>;
    await server.close();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('uses WebCrypto Ed25519, not node:crypto', () => {
    expect(results.error).toBeUndefined();
    expect(results.backend).toBe('webcrypto');
  });
  it('signs and verifies a credential', () => {
    expect(results.signVerify).toBe(true);
    expect(results.tamperDetected).toBe('ERR_PROOF_SIGNATURE_INVALID');
  });
  it('makes no network request', () => {
    expect(outside).toEqual([]);
  });
});
