// The employer page in headless Chromium, as it ships: the one-file build (dist/verifier.html's
// builder) with an authority's trust list built in by the verifier-page command's own function.
// At 320, 390 and 1280 px an employer scans, pastes and drops records and sees ✓ Valid, ✗ Not
// valid or ? Can't check with a plain-English headline; the page never scrolls sideways, the
// verdict lands in view, axe-core finds no serious problem, and no request leaves the page.
// Fixtures are made in Node with the library, as an issuer and a holder would make them.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  addEntries,
  createIssuerProfile,
  createPassport,
  createPresentation,
  describeEntry,
  generateKeyPair,
  issueEntry,
  serializePassport,
  type SignedEntry,
  type SigningKeyPair,
} from '../../src/index.js';
import {
  accreditIssuer,
  createStatusList,
  createTrustList,
  issueStatusListCredential,
  setStatus,
  statusEntry,
  type TrustListCredential,
} from '../../src/trust.js';
import { encodeQrPayload } from '../../src/qr.js';
import { bakeTrustList } from '../../src/cli/commands/verifier-page.js';
import { buildVerifierPage } from '../../examples/verifier-web/build.js';
import { NEXT } from '../../examples/verifier-web/check.js';
import { bundle, hasChromium, hasDist, launch, recordRequests, serve } from './harness.js';

const iso = (offsetDays: number): string => new Date(Date.now() + offsetDays * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
// The README's screenshots are refreshed with UPDATE_SCREENSHOTS=1; other runs keep theirs aside.
const shots = fileURLToPath(new URL(process.env.UPDATE_SCREENSHOTS ? '../../docs/screenshots/' : './__screenshots__/', import.meta.url));
const WIDTHS = [
  { width: 320, height: 640, shot: undefined },
  { width: 390, height: 844, shot: { file: 'verifier-phone.png', after: 'revoked' } },
  { width: 1280, height: 900, shot: { file: 'verifier-desktop.png', after: 'presentation' } },
] as const;

interface Shown {
  verdict: string | null;
  input: string | null;
  word: string;
  headline: string;
  text: string;
}

describe.skipIf(!hasChromium && !process.env.CI)('employer checker page in headless Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serve>>;
  let dir: string;
  let learner: SigningKeyPair;
  let maths: SignedEntry;
  let card: SignedEntry;
  let revoked: SignedEntry;
  let unchecked: SignedEntry;
  let untrusted: SignedEntry;
  let listDocument: TrustListCredential;
  let plainFile: string;

  beforeAll(async () => {
    // An authority accredits an awarding body and a card scheme; both issue to the learner. A
    // training company nobody accredited issues a qualification too.
    const authority = await generateKeyPair();
    const awardingKey = await generateKeyPair();
    const cscsKey = await generateKeyPair();
    const rogueKey = await generateKeyPair();
    learner = await generateKeyPair();
    const window = { validFrom: iso(-365), validUntil: iso(365), created: iso(-365) };
    const accreditations = [
      await accreditIssuer(authority, {
        did: awardingKey.did,
        organisation: 'org:city-and-guilds',
        role: 'awarding-body',
        kinds: ['qualification'],
        displayName: 'City & Guilds',
        ...window,
      }),
      await accreditIssuer(authority, {
        did: cscsKey.did,
        organisation: 'org:cscs',
        role: 'scheme-operator',
        kinds: ['licence-card'],
        displayName: 'CSCS',
        ...window,
      }),
    ];
    const common = { holder: learner.did, validFrom: iso(-20), created: iso(-20) };
    const awarding = { issuer: createIssuerProfile({ key: awardingKey, name: 'City & Guilds', role: 'awarding-body' }), key: awardingKey, ...common };
    const qualification = (title: string) => ({ title, awardingBody: { name: 'City & Guilds' }, level: 'L1', awardedOn: iso(-20).slice(0, 7) });
    maths = await issueEntry('qualification', qualification('Functional Skills Maths'), awarding);
    card = await issueEntry(
      'licence-card',
      { scheme: 'CSCS', cardType: 'Green Labourer', issuedOn: iso(-20).slice(0, 10), expiresOn: iso(1500).slice(0, 10), attestationMode: 'scheme-signed' },
      { issuer: createIssuerProfile({ key: cscsKey, name: 'CSCS', role: 'scheme-operator' }), key: cscsKey, ...common, validUntil: iso(1500) },
    );
    // Revoked through the awarding body's status list, whose snapshot travels in the trust list.
    const listUrl = 'https://status.cityandguilds.example/lists/1';
    revoked = await issueEntry('qualification', qualification('Functional Skills English'), {
      ...awarding,
      credentialStatus: statusEntry({ listUrl, index: 7, purpose: 'revocation' }),
    });
    const bits = createStatusList();
    setStatus(bits, 7, true);
    const statusList = await issueStatusListCredential(awardingKey, { id: listUrl, purpose: 'revocation', list: bits });
    // Points at a status list nobody supplied: its status cannot be checked offline.
    unchecked = await issueEntry('qualification', qualification('Functional Skills ICT'), {
      ...awarding,
      credentialStatus: statusEntry({ listUrl: 'https://status.cityandguilds.example/lists/2', index: 3, purpose: 'revocation' }),
    });
    untrusted = await issueEntry(
      'qualification',
      { title: 'Forklift Operator', awardingBody: { name: 'Quick Certs Ltd' }, level: 'L2', awardedOn: iso(-20).slice(0, 7) },
      { issuer: createIssuerProfile({ key: rogueKey, name: 'Quick Certs Ltd', role: 'awarding-body' }), key: rogueKey, ...common },
    );
    listDocument = await createTrustList(authority, {
      operatorName: 'National Learning Authority',
      sequenceNumber: 1,
      nextUpdate: iso(30),
      accreditations,
      statusLists: [statusList],
    });

    // The page as it ships: one file, script allowed by its hash; then the authority's list built in.
    dir = mkdtempSync(join(tmpdir(), 'verifier-page-'));
    plainFile = await buildVerifierPage(join(dir, 'verifier.html'));
    const plain = readFileSync(plainFile, 'utf8');
    const baked = bakeTrustList(plain, authority.did, listDocument);
    writeFileSync(join(dir, 'baked.html'), baked);
    server = await serve({
      '/index.html': { body: baked, type: 'text/html; charset=utf-8' },
      '/plain.html': { body: plain, type: 'text/html; charset=utf-8' },
    });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** A page at one width, recording every request and every error. */
  async function open(width: number, height: number, path = 'index.html'): Promise<{ page: Page; requests: string[]; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    // Every request is intercepted: only the page itself may load; anything else is refused.
    await page.route('**/*', async (route) => {
      requests.push(route.request().url());
      if (route.request().url().split('?')[0] === `${server.url}${path}`) await route.continue();
      else await route.abort();
    });
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error' || /Content.Security.Policy/i.test(msg.text())) errors.push(msg.text());
    });
    await page.goto(`${server.url}${path}`);
    await page.waitForSelector('body[data-ready]');
    return { page, requests, errors };
  }

  async function shown(page: Page): Promise<Shown> {
    await page.waitForSelector('#results[data-input]:not([aria-busy])');
    const results = page.locator('#results');
    return {
      verdict: await results.getAttribute('data-verdict'),
      input: await results.getAttribute('data-input'),
      word: await page.locator('#verdict .word').innerText(),
      headline: await page.locator('#verdict .headline').innerText(),
      text: await results.innerText(),
    };
  }

  async function paste(page: Page, text: string): Promise<Shown> {
    await page.evaluate(() => document.getElementById('results')!.removeAttribute('data-input'));
    await page.fill('#input', text);
    await page.click('#check');
    return shown(page);
  }

  async function chooseFile(page: Page, selector: string, name: string, content: unknown): Promise<Shown> {
    await page.evaluate(() => document.getElementById('results')!.removeAttribute('data-input'));
    await page.setInputFiles(selector, {
      name,
      mimeType: 'application/json',
      buffer: Buffer.from(typeof content === 'string' ? content : JSON.stringify(content)),
    });
    return shown(page);
  }

  /** The page never scrolls sideways, and the verdict is in the viewport. */
  async function expectLaidOut(page: Page, what: string): Promise<void> {
    const layout = await page.evaluate(() => {
      const box = document.getElementById('verdict')?.getBoundingClientRect();
      return {
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        verdictTop: box?.top ?? -1,
        verdictBottom: box?.bottom ?? -1,
        height: window.innerHeight,
      };
    });
    expect(layout.overflow, `${what}: horizontal overflow`).toBeLessThanOrEqual(0);
    expect(layout.verdictTop, `${what}: verdict above the viewport`).toBeGreaterThanOrEqual(0);
    expect(layout.verdictTop, `${what}: verdict below the viewport`).toBeLessThan(layout.height - 40);
  }

  /** axe-core (injected from node_modules; the page's CSP would refuse a script tag) finds nothing serious. */
  async function expectAccessible(page: Page, what: string): Promise<void> {
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; help: string; nodes: unknown[] }[] }> } }).axe;
      const result = await axe.run();
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length }));
    });
    expect(
      violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
      what,
    ).toEqual([]);
  }

  async function screenshot(page: Page, name: string): Promise<void> {
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, name) });
  }

  for (const { width, height, shot } of WIDTHS) {
    it(`at ${width} px: the right verdict and headline for valid, tampered, revoked, untrusted and can’t-check records, in view, without sideways scrolling`, async () => {
      const { page, requests, errors } = await open(width, height);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      expect(await page.locator('#trust-text').innerText()).toContain('trust list of National Learning Authority');
      if (width === 390) await expectAccessible(page, 'before a check');

      const valid = await paste(page, await encodeQrPayload(maths));
      expect(valid).toMatchObject({ verdict: 'valid', input: 'entry', word: '✓ Valid' });
      expect(valid.headline).toContain(describeEntry(maths));
      expect(valid.text).not.toMatch(/did:key/); // identifiers stay folded away under "Details"
      await expectLaidOut(page, 'valid');

      const changed = structuredClone(maths) as unknown as { credentialSubject: { achievement: { name: string } } };
      changed.credentialSubject.achievement.name = 'Functional Skills Maths Level 2';
      const tampered = await paste(page, await encodeQrPayload(changed));
      // The short reason stands beside the verdict word, never dangling before the record (review r12).
      expect(tampered).toMatchObject({ verdict: 'not-valid', word: '✗ Not valid (altered or forged)' });
      expect(tampered.headline).toBe(describeEntry(changed));
      expect(tampered.text).toContain('What to do: Ask the issuer for a new copy.');
      await expectLaidOut(page, 'tampered');

      const withdrawn = await paste(page, await encodeQrPayload(revoked));
      expect(withdrawn).toMatchObject({ verdict: 'not-valid', word: '✗ Not valid (withdrawn)' });
      expect(withdrawn.headline).toContain(describeEntry(revoked));
      expect(withdrawn.text).toMatch(/revoked/i);
      expect(withdrawn.text).not.toContain('✓');
      if (shot?.after === 'revoked') await screenshot(page, shot.file);

      const stranger = await paste(page, await encodeQrPayload(untrusted));
      expect(stranger.verdict).toBe('not-valid');
      expect(stranger.word).toBe('✗ Not valid (issuer not accredited)');
      expect(stranger.headline).toContain(describeEntry(untrusted));
      // A forged issuer is not answered with "load a newer trust list": its forger could hand one over (review r12).
      expect(await page.locator('#verdict .next').innerText()).toBe(`What to do: ${NEXT.notApproved}`);

      const missing = await paste(page, await encodeQrPayload(unchecked));
      expect(missing).toMatchObject({ verdict: 'cant-check', word: '? Can’t check (status unknown)' });
      expect(missing.text).toMatch(/status/i);
      await expectLaidOut(page, 'can’t check');

      const damaged = await chooseFile(page, '#file', 'cut-short.json', JSON.stringify(card).slice(0, 300));
      expect(damaged).toMatchObject({ verdict: 'not-valid', input: 'damaged', headline: 'This file is damaged' });
      expect(damaged.text).toContain('What to do: Ask the person to share again.');
      await expectLaidOut(page, 'damaged');

      // A presentation from the person's phone, made for this page's request code and website.
      const challenge = (await page.textContent('#challenge'))!;
      const shared = await createPresentation({ holderKey: learner, entries: [maths, card], audience: 'employer', challenge, domain: '127.0.0.1' });
      const presentation = await chooseFile(page, '#file', 'presentation.json', shared.presentation);
      expect(presentation).toMatchObject({ verdict: 'valid', input: 'presentation', word: '✓ Valid' });
      expect(await page.locator('#results li[data-verdict="valid"]').count()).toBe(2);
      expect(presentation.text).toContain(describeEntry(card));
      await expectLaidOut(page, 'presentation');
      if (width !== 320) await expectAccessible(page, 'after a check');
      if (shot?.after === 'presentation') await screenshot(page, shot.file);

      expect(requests).toEqual([`${server.url}index.html`]);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  it.skipIf(!hasDist)('the shipped page (dist/verifier.html) with the list built in, opened from disk: ✓ Valid, no request, no CSP violation', async () => {
    const shipped = readFileSync(fileURLToPath(new URL('../../dist/verifier.html', import.meta.url)), 'utf8');
    const path = join(dir, 'shipped.html');
    writeFileSync(path, bakeTrustList(shipped, listDocument.issuer as string, listDocument));
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    await page.route('**/*', async (route) => {
      requests.push(route.request().url());
      await (route.request().url() === `file://${path}` ? route.continue() : route.abort());
    });
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error' || /Content.Security.Policy/i.test(msg.text())) errors.push(msg.text());
    });
    await page.goto(`file://${path}`);
    await page.waitForSelector('body[data-ready]');
    expect(await page.textContent('#domain')).toBe('learning-passport-checker');
    const result = await paste(page, await encodeQrPayload(card));
    expect(result).toMatchObject({ verdict: 'valid', word: '✓ Valid' });
    expect(result.headline).toContain(describeEntry(card));
    expect(requests).toEqual([`file://${path}`]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a passport with a custody transfer: one neutral line instead, the transfer listed only after “Show all records”', async () => {
    const prisonKey = await generateKeyPair();
    const transfer = await issueEntry(
      'custody-transfer',
      { fromEstablishment: 'HMP Northfield', toEstablishment: 'HMP Leeds', transferDate: iso(-10).slice(0, 10) },
      {
        issuer: createIssuerProfile({ key: prisonKey, name: 'HMP Northfield', displayName: 'Northfield Learning Centre', role: 'prison' }),
        key: prisonKey,
        holder: learner.did,
      },
    );
    const { passport } = await addEntries(createPassport({ holder: learner.did }), [maths, card, transfer]);
    const { page, requests, errors } = await open(390, 844);
    const checked = await chooseFile(page, '#file', 'amira.passport.json', serializePassport(passport));
    expect(checked).toMatchObject({ input: 'passport' });
    expect(await page.locator('#results li[data-verdict="valid"]').count()).toBe(2);
    expect(checked.text).toMatch(/1 more record not shown: /);
    // Nothing an employer reads names where the person has been (review r12: "passed from HMP Northfield to HMP Leeds").
    expect(checked.text).not.toMatch(/HMP|Northfield|Leeds|custody|transfer|handover|passed from/i);
    await expectLaidOut(page, 'passport');
    await page.click('#show-all');
    const all = await page.locator('#results').innerText();
    expect(all).toContain(describeEntry(transfer));
    expect(await page.locator('#results ul.rows > li').count()).toBe(3);
    expect(requests).toEqual([`${server.url}index.html`]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a refused sharing lists its records as “– Not checked”, never ✓ Valid; a damaged QR code says so once', async () => {
    const { page, errors } = await open(390, 844);
    const shared = await createPresentation({
      holderKey: learner,
      entries: [maths, card],
      audience: 'employer',
      challenge: 'OLD0-CODE-0000-0000',
      domain: '127.0.0.1',
    });
    const replay = await chooseFile(page, '#file', 'presentation.json', shared.presentation);
    expect(replay).toMatchObject({ verdict: 'not-valid', input: 'presentation' });
    expect(await page.locator('#results li[data-verdict="not-checked"]').count()).toBe(2);
    const rows = await page.locator('#results ul.rows > li').allInnerTexts();
    expect(rows.join('\n')).not.toMatch(/✓|Valid\b/);
    expect(rows.filter((r) => r.startsWith('– Not checked'))).toHaveLength(2);

    const qr = await paste(page, 'LP1:ABCDEF%%%');
    expect(qr).toMatchObject({ verdict: 'not-valid', input: 'damaged', headline: 'This QR code is damaged' });
    expect(qr.text).toContain('Its text is not valid Base45.');
    expect(qr.text.match(/damaged/gi)).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a trust list signed by another key is refused without a key in what the employer reads (the keys are under Details)', async () => {
    const { page, errors } = await open(390, 844);
    const other = await generateKeyPair();
    const forged = await createTrustList(other, { operatorName: 'National Learning Authority', sequenceNumber: 9, nextUpdate: iso(30), accreditations: [] });
    const refused = await chooseFile(page, '#trust-file', 'trust-list.json', forged);
    expect(refused).toMatchObject({ verdict: 'not-valid', input: 'trust-list' });
    expect(refused.text).toContain('not signed by the authority this page trusts');
    expect(refused.text).not.toMatch(/did:key/);
    expect(await page.locator('#verdict details').textContent()).toContain(other.did);
    expect(await page.locator('#trust-text').innerText()).toContain('trust list of National Learning Authority');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('works from the keyboard: Tab to the text box, type a QR code’s text, Enter on Check', async () => {
    const { page, errors } = await open(390, 844);
    let focused = '';
    for (let i = 0; i < 20 && focused !== 'input'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.id ?? '');
    }
    expect(focused).toBe('input');
    await page.evaluate(() => document.getElementById('results')!.removeAttribute('data-input'));
    await page.keyboard.insertText(await encodeQrPayload(maths));
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('check');
    await page.keyboard.press('Enter');
    expect((await shown(page)).verdict).toBe('valid');
    // Focus moved to the results, so the next Tab continues from there.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('results-heading');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('without a built-in list, says Can’t check and to load the trust list; loading it as a file (with the authority’s key) makes the same record Valid', async () => {
    const { page, requests, errors } = await open(390, 844, 'plain.html');
    expect(await page.locator('#trust-status').getAttribute('data-state')).toBe('none');
    const before = await paste(page, await encodeQrPayload(maths));
    expect(before).toMatchObject({ verdict: 'cant-check', word: '? Can’t check (issuer not checked)' });
    expect(before.text).toContain('What to do: Load the authority’s trust list.');
    // A list alone is not trusted: anyone can sign one under any name (review r12).
    const unpinned = await chooseFile(page, '#trust-file', 'trust-list.json', listDocument);
    expect(unpinned).toMatchObject({ verdict: 'cant-check', input: 'trust-list' });
    expect((await paste(page, await encodeQrPayload(maths))).verdict).toBe('cant-check');
    // With the authority's key given (here by ?roots=), the same list is checked and used.
    await page.goto(`${server.url}plain.html?roots=${encodeURIComponent(listDocument.issuer as string)}`);
    await page.waitForSelector('body[data-ready]');
    const loaded = await chooseFile(page, '#trust-file', 'trust-list.json', listDocument);
    expect(loaded).toMatchObject({ verdict: 'valid', input: 'trust-list' });
    expect(await page.locator('#trust-text').innerText()).toContain('National Learning Authority');
    const after = await paste(page, await encodeQrPayload(maths));
    expect(after.verdict).toBe('valid');
    expect(requests.map((r) => r.split('?')[0])).toEqual([`${server.url}plain.html`, `${server.url}plain.html`]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('keeps ?roots= and &domain= working: the named keys are trusted for accreditations a presentation carries, made for that website', async () => {
    const { page, errors } = await open(1280, 900, 'plain.html');
    const other = (await generateKeyPair()).did;
    await page.goto(
      `${server.url}plain.html?roots=${encodeURIComponent(listDocument.issuer as string)}&roots=${encodeURIComponent(other)}&domain=jobs.example.co.uk`,
    );
    await page.waitForSelector('body[data-ready]');
    expect(await page.inputValue('#roots')).toBe(`${listDocument.issuer as string}\n${other}`);
    expect(await page.textContent('#domain')).toBe('jobs.example.co.uk');
    const challenge = (await page.textContent('#challenge'))!;
    const shared = await createPresentation({
      holderKey: learner,
      entries: [maths],
      audience: 'employer',
      challenge,
      domain: 'jobs.example.co.uk',
      accreditations: listDocument.credentialSubject.accreditations,
    });
    expect((await chooseFile(page, '#file', 'presentation.json', shared.presentation)).verdict).toBe('valid');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

// The camera: Chromium's fake camera plays a video of a printed QR code. Headless Chromium on
// Linux has no BarcodeDetector, so this exercises the bundled jsQR path end to end.
describe.skipIf(!hasChromium && !process.env.CI)('employer checker page: scanning with the camera', () => {
  it('reads a QR code held up to the camera and shows its verdict', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'verifier-camera-'));
    const key = await generateKeyPair();
    const entry = await issueEntry(
      'course-completion',
      { title: 'Barista skills', provider: 'Second Chance Trust', completedOn: iso(-5).slice(0, 7), outcome: 'completed' },
      { issuer: createIssuerProfile({ key, name: 'Second Chance Trust', role: 'charity' }), key },
    );
    const payload = await encodeQrPayload(entry);
    const video = join(dir, 'qr.y4m');
    writeFileSync(video, qrVideo(payload));
    const file = await buildVerifierPage(join(dir, 'page.html'));
    const browser = await launch(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`]);
    try {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
      const errors: string[] = [];
      page.on('pageerror', (err) => errors.push(err.message));
      page.on('console', (msg) => {
        if (msg.type() === 'error' || /Content.Security.Policy/i.test(msg.text())) errors.push(msg.text());
      });
      await page.goto(`file://${file}`);
      await page.waitForSelector('body[data-ready]');
      await page.click('#scan');
      await page.waitForSelector('#results[data-input]:not([aria-busy])', { timeout: 30_000 });
      expect(await page.inputValue('#input')).toBe(payload);
      expect(await page.locator('#verdict .headline').innerText()).toContain(describeEntry(entry));
      // No trust list in this page: intact, but who issued it was not checked.
      expect(await page.locator('#results').getAttribute('data-verdict')).toBe('cant-check');
      expect(await page.isHidden('#scanner')).toBe(true); // the camera is off again
      expect(errors).toEqual([]);

      // Where the browser has its own QR reader (BarcodeDetector), the page uses it rather than
      // jsQR: this one reports another code than the one on camera.
      const other = await encodeQrPayload(
        await issueEntry(
          'course-completion',
          { title: 'Food hygiene', provider: 'Second Chance Trust', completedOn: iso(-5).slice(0, 7), outcome: 'completed' },
          { issuer: createIssuerProfile({ key, name: 'Second Chance Trust', role: 'charity' }), key },
        ),
      );
      const native = await browser.newPage({ viewport: { width: 390, height: 844 } });
      await native.addInitScript((text: string) => {
        (globalThis as Record<string, unknown>).BarcodeDetector = class {
          static async getSupportedFormats(): Promise<string[]> {
            return ['qr_code'];
          }
          async detect(): Promise<{ rawValue: string }[]> {
            return [{ rawValue: text }];
          }
        };
      }, other);
      await native.goto(`file://${file}`);
      await native.waitForSelector('body[data-ready]');
      await native.click('#scan');
      await native.waitForSelector('#results[data-input]:not([aria-busy])', { timeout: 30_000 });
      expect(await native.inputValue('#input')).toBe(other);
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** A one-frame YUV4MPEG2 video of `text` as a QR code (black on white, 4 px a module). */
function qrVideo(text: string): Buffer {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const scale = 4;
  const modules = qr.modules.size;
  const side = Math.ceil(((modules + 8) * scale) / 16) * 16;
  const offset = Math.floor((side - modules * scale) / 2);
  const luma = Buffer.alloc(side * side, 235);
  for (let y = 0; y < modules * scale; y++) {
    for (let x = 0; x < modules * scale; x++) {
      if (qr.modules.get(Math.floor(y / scale), Math.floor(x / scale))) luma[(y + offset) * side + x + offset] = 16;
    }
  }
  const chroma = Buffer.alloc((side / 2) * (side / 2) * 2, 128);
  return Buffer.concat([Buffer.from(`YUV4MPEG2 W${side} H${side} F10:1 Ip A1:1 C420jpeg\nFRAME\n`), luma, chroma]);
}
