import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundle, hasChromium, hasDist, launch, recordRequests, serve, type LibrarySource } from './harness.js';
import type { Browser } from 'playwright-core';

const entry = fileURLToPath(new URL('./library.entry.ts', import.meta.url));

/** Loads the bundled entry in a fresh page and returns what it reported, plus outside requests. */
async function runInBrowser(browser: Browser, from: LibrarySource): Promise<{ results: Record<string, any>; outside: string[] }> {
  const js = await bundle(entry, { from });
  const server = await serve({
    '/index.html': { body: '<!doctype html><meta charset="utf-8"><script type="module" src="/lib.js"></script>', type: 'text/html' },
    '/lib.js': { body: js, type: 'text/javascript' },
  });
  const page = await browser.newPage();
  try {
    const outside = recordRequests(page, server.url);
    await page.goto(server.url);
    await page.waitForFunction(() => (globalThis as { __results?: unknown }).__results !== undefined);
    const results = (await page.evaluate(() => (globalThis as { __results?: Promise<unknown> }).__results)) as Record<string, any>;
    return { results, outside };
  } finally {
    await page.close();
    await server.close();
  }
}

function libraryTests(get: () => { results: Record<string, any>; outside: string[] }): void {
  it('runs without errors', () => {
    expect(get().results.error).toBeUndefined();
  });
  it('uses WebCrypto Ed25519 (not @noble/ed25519, not node:crypto)', () => {
    const { webCryptoEd25519, ed25519Calls } = get().results;
    expect(webCryptoEd25519).toBe(true);
    // Every issued entry, accreditation and presentation was signed through crypto.subtle.sign.
    expect(ed25519Calls.sign).toBeGreaterThanOrEqual(5);
    expect(ed25519Calls.verify).toBeGreaterThanOrEqual(5);
  });
  it('signs an entry that verifies and reads as plain English', () => {
    const { sign, verify } = get().results;
    expect(sign.kind).toBe('qualification');
    expect(sign.description).toMatch(/Functional Skills Maths/);
    expect(verify.verified).toBe(true);
    // No trust policy here: intact, and the result says who issued it was not checked.
    expect(verify.summary).toMatch(/^Can’t check — The signature is intact; who issued it was not checked\./);
  });
  it('detects tampering', () => {
    const { tamper } = get().results;
    expect(tamper.verified).toBe(false);
    expect(tamper.title).toContain('ERR_PROOF_SIGNATURE_INVALID');
    expect(tamper.holder).toContain('ERR_PROOF_SIGNATURE_INVALID');
  });
  it('merges two copies in either order to the same bytes', () => {
    const { merge } = get().results;
    // Every signature holds (verified); without a policy no current entry counts as valid.
    expect(merge).toEqual({ identical: true, entries: 3, rejected: 0, verified: true, valid: 0 });
  });
  it('applies a trust policy with accreditations', () => {
    const { trust } = get().results;
    expect(trust.trusted).toBe(true);
    // Nothing loaded accredits it: "unknown" (can't check), never a pass.
    expect(trust.notAccredited).toEqual({ verified: false, issuerTrust: 'unknown' });
    expect(trust.otherRoot).toBe(false);
  });
  it('verifies a presentation for this challenge and domain, and refuses a replay', () => {
    const { present } = get().results;
    expect(present.verified).toBe(true);
    expect(present.entries).toEqual([true, true]);
    expect(present.replay.verified).toBe(false);
    expect(present.replay.codes).toContain('ERR_PRESENTATION_CHALLENGE_MISMATCH');
    expect(present.otherSite.verified).toBe(false);
    expect(present.otherSite.codes).toContain('ERR_PRESENTATION_DOMAIN_MISMATCH');
  });
  it('round-trips an entry through a QR payload', () => {
    expect(get().results.qr).toEqual({ prefix: 'LP1:', roundTrip: true, verified: true });
  });
  it('makes no network request beyond 127.0.0.1', () => {
    expect(get().outside).toEqual([]);
  });
}

// CI installs Chromium (.ci/run) and never skips; a developer machine without it skips visibly.
describe.skipIf(!hasChromium && !process.env.CI)('library in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe('from the sources', () => {
    let run: Awaited<ReturnType<typeof runInBrowser>>;
    beforeAll(async () => {
      run = await runInBrowser(browser, 'src');
    });
    libraryTests(() => run);
  });

  // The published build, resolved as a user's bundler resolves it (package.json "imports" with
  // browser conditions). CI builds dist/ before the tests; a developer without a build skips.
  describe.skipIf(!hasDist && !process.env.CI)('from the published build (dist/)', () => {
    let run: Awaited<ReturnType<typeof runInBrowser>>;
    beforeAll(async () => {
      run = await runInBrowser(browser, 'dist');
    });
    libraryTests(() => run);
  });
});
