// The employer page in headless Chromium, for what review r15 found: an empty file is Not valid
// (damaged) as in the command line; JSON that is no record gets a plain sentence, not schema
// jargon; a bidi override in the authority's name does not turn the trust banner around; the
// banner says which trusted root keys came from a ?roots= link and which values it could not read.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createIssuerProfile, generateKeyPair, issueEntry, type SignedEntry } from '../../src/index.js';
import { createTrustList, type TrustListCredential } from '../../src/trust.js';
import { encodeQrPayload } from '../../src/qr.js';
import { bakeTrustList } from '../../src/cli/commands/verifier-page.js';
import { buildVerifierPage } from '../../examples/verifier-web/build.js';
import { NEXT, NOT_A_RECORD } from '../../examples/verifier-web/check.js';
import { hasChromium, launch, serve } from './harness.js';

const iso = (offsetDays: number): string => new Date(Date.now() + offsetDays * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

describe.skipIf(!hasChromium && !process.env.CI)('employer checker page: inputs and the trust banner (review r15)', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serve>>;
  let dir: string;
  let authorityDid: string;
  let entry: SignedEntry;
  let hostileList: TrustListCredential;

  beforeAll(async () => {
    const authority = await generateKeyPair();
    authorityDid = authority.did;
    const key = await generateKeyPair();
    entry = await issueEntry(
      'course-completion',
      { title: 'Barista skills', provider: 'Second Chance Trust', completedOn: iso(-5).slice(0, 7), outcome: 'completed' },
      { issuer: createIssuerProfile({ key, name: 'Second Chance Trust', role: 'charity' }), key },
    );
    // The authority's own list, its name holding a right-to-left override (U+202E).
    hostileList = await createTrustList(authority, {
      operatorName: 'National \u202egninraeL Authority',
      sequenceNumber: 1,
      nextUpdate: iso(30),
      accreditations: [],
    });
    dir = mkdtempSync(join(tmpdir(), 'verifier-inputs-'));
    const plain = readFileSync(await buildVerifierPage(join(dir, 'verifier.html')), 'utf8');
    server = await serve({
      '/plain.html': { body: plain, type: 'text/html; charset=utf-8' },
      '/hostile.html': { body: bakeTrustList(plain, authority.did, hostileList), type: 'text/html; charset=utf-8' },
    });
    browser = await launch();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(path: string): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(`${server.url}${path}`);
    await page.waitForSelector('body[data-ready]');
    return { page, errors };
  }

  async function chooseFile(page: Page, name: string, content: string) {
    await page.evaluate(() => document.getElementById('results')!.removeAttribute('data-input'));
    await page.setInputFiles('#file', { name, mimeType: 'application/json', buffer: Buffer.from(content) });
    await page.waitForSelector('#results[data-input]:not([aria-busy])');
    return {
      verdict: await page.locator('#results').getAttribute('data-verdict'),
      word: await page.locator('#verdict .word').innerText(),
      headline: await page.locator('#verdict .headline').innerText(),
      text: await page.locator('#results').innerText(),
    };
  }

  it('an empty file is ✗ Not valid: this file is damaged, with “Ask the person to share again” (as verify in the command line)', async () => {
    const { page, errors } = await open('plain.html');
    const empty = await chooseFile(page, 'empty.json', '');
    expect(empty).toMatchObject({ verdict: 'not-valid', word: '✗ Not valid', headline: 'This file is damaged' });
    expect(empty.text).toContain('It is empty.');
    expect(empty.text).toContain(`What to do: ${NEXT.shareAgain}`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('JSON that is no record ({} or a settings file) gets a plain sentence and what to do, never schema words', async () => {
    const { page, errors } = await open('plain.html');
    for (const text of ['{}', '{"theme": "dark"}']) {
      const shown = await chooseFile(page, 'settings.json', text);
      expect(shown).toMatchObject({ verdict: 'not-valid', word: '✗ Not valid', headline: 'This is not a learning record' });
      expect(shown.text).toContain(NOT_A_RECORD);
      expect(shown.text).toContain(`What to do: ${NEXT.shareAgain}`);
      expect(shown.text).not.toMatch(/@context|must have|"type"/);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the trust banner shows the authority’s name without its bidi override', async () => {
    const { page, errors } = await open('hostile.html');
    const banner = await page.locator('#trust-text').textContent();
    expect(banner).toContain('trust list of National gninraeL Authority');
    expect(banner).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the trust banner says which root keys came from ?roots=, and which values it could not read', async () => {
    const good = await open(`plain.html?roots=${encodeURIComponent(authorityDid)}`);
    const acknowledged = await good.page.locator('#trust-text').innerText();
    expect(acknowledged).toContain('Trusted root key from this link: did:key:');
    expect(acknowledged).toContain(authorityDid.slice(-4));
    expect(await good.page.inputValue('#roots')).toBe(authorityDid);
    await good.page.close();

    const bad = await open(`plain.html?roots=not-a-did&roots=${encodeURIComponent(authorityDid)}`);
    const said = await bad.page.locator('#trust-text').innerText();
    expect(said).toContain('A roots= value in this link could not be read as a key and is not used: “not-a-did”.');
    expect(said).toContain('Trusted root key from this link');
    expect(await bad.page.locator('#trust-status').getAttribute('data-state')).toBe('problem');
    // The unreadable value is left out; the good key still checks records.
    expect(await bad.page.inputValue('#roots')).toBe(authorityDid);
    await bad.page.evaluate(() => document.getElementById('results')!.removeAttribute('data-input'));
    await bad.page.fill('#input', await encodeQrPayload(entry));
    await bad.page.click('#check');
    await bad.page.waitForSelector('#results[data-input]:not([aria-busy])');
    expect(await bad.page.locator('#results').getAttribute('data-input')).toBe('entry');
    expect(bad.errors).toEqual([]);
    await bad.page.close();
  });
});
