// The employer page (examples/verifier-web) in headless Chromium: an employer pastes QR codes
// and loads files, and sees ✓ / ✗ with plain-English results. Fixtures are made in Node with the
// library, exactly as an issuer and a holder would make them.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  createIssuerProfile,
  createPresentation,
  describeEntry,
  generateKeyPair,
  issueEntry,
  type SignedEntry,
  type SigningKeyPair,
} from '../../src/index.js';
import { accreditIssuer } from '../../src/trust.js';
import { encodeQrPayload } from '../../src/qr.js';
import { bundle, hasChromium, launch, recordRequests, serve } from './harness.js';
import { buildVerifierPage } from '../../examples/verifier-web/build.js';

const pageDir = new URL('../../examples/verifier-web/', import.meta.url);
const screenshot = fileURLToPath(new URL('./__screenshots__/verifier-web.png', import.meta.url));
const iso = (offsetDays: number): string => new Date(Date.now() + offsetDays * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

describe.skipIf(!hasChromium && !process.env.CI)('employer verification page in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  let server: Awaited<ReturnType<typeof serve>>;
  let outside: string[];
  const pageErrors: string[] = [];
  let authority: SigningKeyPair;
  let learner: SigningKeyPair;
  let maths: SignedEntry;
  let card: SignedEntry;
  let accreditations: object[];

  /** Runs one check through the page's UI and waits for its result. */
  async function runCheck(action: () => Promise<void>): Promise<{ mark: string | null; input: string | null; text: string }> {
    await page.evaluate(() => document.getElementById('results')!.removeAttribute('data-input'));
    await action();
    await page.waitForSelector('#results[data-input]:not([aria-busy])');
    const results = page.locator('#results');
    return { mark: await results.getAttribute('data-mark'), input: await results.getAttribute('data-input'), text: await results.innerText() };
  }
  const paste = (text: string) => runCheck(async () => {
    await page.fill('#input', text);
    await page.click('#check');
  });
  const chooseFile = (name: string, content: unknown) => runCheck(() => page.setInputFiles('#file', { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(content)) }));

  beforeAll(async () => {
    // An authority accredits an awarding body and a card scheme; both issue to the learner.
    authority = await generateKeyPair();
    const awardingKey = await generateKeyPair();
    const cscsKey = await generateKeyPair();
    learner = await generateKeyPair();
    const window = { validFrom: iso(-365), validUntil: iso(365), created: iso(-365) };
    accreditations = [
      await accreditIssuer(authority, { did: awardingKey.did, organisation: 'org:city-and-guilds', role: 'awarding-body', kinds: ['qualification'], displayName: 'City & Guilds', ...window }),
      await accreditIssuer(authority, { did: cscsKey.did, organisation: 'org:cscs', role: 'scheme-operator', kinds: ['licence-card'], displayName: 'CSCS', ...window }),
    ];
    const common = { holder: learner.did, validFrom: iso(-20), created: iso(-20) };
    maths = await issueEntry(
      'qualification',
      { title: 'Functional Skills Maths', awardingBody: { name: 'City & Guilds' }, level: 'L1', awardedOn: iso(-20).slice(0, 7) },
      { issuer: createIssuerProfile({ key: awardingKey, name: 'City & Guilds', role: 'awarding-body' }), key: awardingKey, ...common },
    );
    card = await issueEntry(
      'licence-card',
      { scheme: 'CSCS', cardType: 'Green Labourer', issuedOn: iso(-20).slice(0, 10), expiresOn: iso(1500).slice(0, 10), attestationMode: 'scheme-signed' },
      { issuer: createIssuerProfile({ key: cscsKey, name: 'CSCS', role: 'scheme-operator' }), key: cscsKey, ...common, validUntil: iso(1500) },
    );

    const js = await bundle(fileURLToPath(new URL('app.ts', pageDir)));
    server = await serve({
      '/index.html': { body: readFileSync(new URL('index.html', pageDir), 'utf8'), type: 'text/html; charset=utf-8' },
      '/app.js': { body: js, type: 'text/javascript' },
    });
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
    page.on('pageerror', (err) => pageErrors.push(err.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error') pageErrors.push(msg.text());
    });
    outside = recordRequests(page, server.url);
    // The employer opens a link that names the authority as the trusted root.
    await page.goto(`${server.url}?roots=${encodeURIComponent(authority.did)}`);
    await page.waitForSelector('body[data-ready]');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('prefills the trusted root from the link and shows a random request code and the domain', async () => {
    expect(await page.inputValue('#roots')).toBe(authority.did);
    expect(await page.textContent('#challenge')).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(await page.textContent('#domain')).toBe('127.0.0.1');
  });

  it('loads the authority’s accreditations file', async () => {
    const result = await chooseFile('accreditations.json', accreditations);
    expect(result.input).toBe('accreditations');
    expect(result.mark).toBe('✓');
    expect(await page.textContent('#known')).toMatch(/Accreditations loaded: 2/);
  });

  it('shows ✓ and the plain-English description for a valid entry’s QR code', async () => {
    const result = await paste(await encodeQrPayload(maths));
    expect(result.input).toBe('entry');
    expect(result.mark).toBe('✓');
    expect(result.text).toContain('✓');
    expect(result.text).toContain(describeEntry(maths));
    expect(result.text).toMatch(/Valid/);
    expect(result.text).toMatch(/City & Guilds/);
  });

  it('shows ✗ for a tampered entry’s QR code', async () => {
    const tampered = structuredClone(maths) as unknown as { credentialSubject: { achievement: { name: string } } };
    tampered.credentialSubject.achievement.name = 'Functional Skills Maths Level 2';
    const result = await paste(await encodeQrPayload(tampered));
    expect(result.mark).toBe('✗');
    expect(await page.locator('#results li[data-mark="✗"]').count()).toBe(1);
    expect(result.text).toMatch(/Not valid/);
  });

  it('shows a clear message for input that is not a passport record', async () => {
    const garbage = await paste('hello, this is my CV');
    expect(garbage.input).toBe('invalid');
    expect(await page.locator('#results .message').innerText()).toMatch(/starts with LP1:/);
    const damaged = await paste('LP1:NOT*BASE45');
    expect(damaged.input).toBe('invalid');
    expect(await page.locator('#results .message').innerText()).toMatch(/damaged/);
  });

  it('verifies a presentation made for the shown request code and domain, and refuses one made for another', async () => {
    const challenge = (await page.textContent('#challenge'))!;
    const domain = (await page.textContent('#domain'))!;
    const shared = await createPresentation({ holderKey: learner, entries: [maths, card], audience: 'employer', challenge, domain });
    const result = await chooseFile('presentation.json', shared.presentation);
    expect(result.input).toBe('presentation');
    expect(result.mark).toBe('✓');
    expect(await page.locator('#results li[data-mark="✓"]').count()).toBe(2);
    expect(result.text).toContain(describeEntry(card));
    mkdirSync(fileURLToPath(new URL('./__screenshots__/', import.meta.url)), { recursive: true });
    await page.screenshot({ path: screenshot, fullPage: true });

    const old = await createPresentation({ holderKey: learner, entries: [maths], audience: 'employer', challenge: 'AAAA-BBBB-CCCC-DDDD', domain });
    const replay = await chooseFile('old-presentation.json', old.presentation);
    expect(replay.mark).toBe('✗');
    expect(replay.text).toMatch(/request code|challenge/i);
  });

  it('makes no network request beyond 127.0.0.1 and logs no errors', () => {
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

// What users get from `npx tsx examples/verifier-web/build.ts`: one file, opened from disk, with
// the script allowed by its hash in the Content-Security-Policy and no network at all.
describe.skipIf(!hasChromium && !process.env.CI)('employer page built as one file, opened from disk', () => {
  it('checks a QR code with no server and no CSP violation', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'verifier-web-'));
    const browser = await launch();
    try {
      const authority = await generateKeyPair();
      const entry = await issueEntry(
        'course-completion',
        { title: 'Barista skills', provider: 'Second Chance Trust', completedOn: iso(-5).slice(0, 7), outcome: 'completed' },
        { issuer: createIssuerProfile({ key: authority, name: 'Second Chance Trust', role: 'charity' }), key: authority },
      );
      const file = await buildVerifierPage(dir);
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('pageerror', (err) => problems.push(err.message));
      page.on('console', (msg) => {
        if (msg.type() === 'error' || /Content Security Policy/i.test(msg.text())) problems.push(msg.text());
      });
      const outside = recordRequests(page, 'file://');
      await page.goto(`file://${file}`);
      await page.waitForSelector('body[data-ready]');
      await page.fill('#input', await encodeQrPayload(entry));
      await page.click('#check');
      await page.waitForSelector('#results[data-input]:not([aria-busy])');
      expect(await page.locator('#results').getAttribute('data-input')).toBe('entry');
      expect(await page.locator('#results li').first().innerText()).toContain(describeEntry(entry));
      expect(await page.textContent('#domain')).toBe('learning-passport-checker');
      expect(outside).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
