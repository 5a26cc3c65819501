// The employer page: plain DOM, no framework, no network. The checking itself is in check.ts.
import jsQR from 'jsqr';
import type { TrustList } from 'learning-passport/trust';
import {
  checkInput,
  headlineParts,
  MARK,
  parseRoots,
  plainText,
  readBakedTrustList,
  rootsFromLink,
  WORDS,
  type CheckReport,
  type Row,
  type Shown,
} from './check.js';

const $ = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the page has no #${id}`);
  return el as T;
};

const rootsField = $<HTMLTextAreaElement>('roots');
const inputField = $<HTMLTextAreaElement>('input');
const fileInput = $<HTMLInputElement>('file');
const trustFile = $<HTMLInputElement>('trust-file');
const drop = $<HTMLDivElement>('drop');
const results = $<HTMLElement>('results');
const resultsBody = $<HTMLDivElement>('results-body');
const known = $<HTMLParagraphElement>('known');

// What this visit trusts: the authority's trust list (built in or loaded), the operator key the
// page was built for, and accreditations loaded or carried by a passport.
let trustList: TrustList | undefined;
let operator: string | undefined;
let accreditations: unknown[] = [];

// --- The request: a one-time code (challenge) and this verifier's domain --------------------------

// Crockford base32: no I, L, O or U, so a code read aloud or typed is hard to get wrong.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 16 random characters (80 bits) in groups of four: easy to read out, impossible to guess. */
function newRequestCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const chars = [...bytes].map((b) => ALPHABET[b & 31]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

const params = new URLSearchParams(location.search);
// The domain a holder's presentation must name: fixed by ?domain=, else this page's host.
const domain = params.get('domain')?.trim() || location.hostname || 'learning-passport-checker';
// Kept for the browser tab's life, so a reload does not invalidate a code already given out.
let challenge = sessionStorage.getItem('lp-challenge') ?? newRequestCode();
sessionStorage.setItem('lp-challenge', challenge);
$('challenge').textContent = challenge;
$('domain').textContent = domain;
$('new-code').addEventListener('click', () => {
  challenge = newRequestCode();
  sessionStorage.setItem('lp-challenge', challenge);
  $('challenge').textContent = challenge;
});

// ?roots=did:key:…,did:key:… (or several roots= parameters) prefills the trusted root keys. The
// trust banner says which keys came from the link, and which values could not be read (a link
// cut short or mistyped must not be ignored silently).
const fromLink = rootsFromLink(params.getAll('roots'));
if (fromLink.roots.length > 0 || fromLink.unreadable.length > 0) {
  rootsField.value = fromLink.roots.join('\n');
  ($('advanced') as HTMLDetailsElement).open = true;
}
const shortKey = (did: string): string => (did.length > 24 ? `${did.slice(0, 20)}…${did.slice(-4)}` : did);
const linkNote = [
  ...(fromLink.roots.length > 0
    ? [`Trusted root ${fromLink.roots.length === 1 ? 'key' : 'keys'} from this link: ${fromLink.roots.map(shortKey).join(', ')} (under “Advanced”).`]
    : []),
  ...(fromLink.unreadable.length > 0
    ? [
        `${fromLink.unreadable.length === 1 ? 'A roots= value' : `${fromLink.unreadable.length} roots= values`} in this link could not be read as a key and ${fromLink.unreadable.length === 1 ? 'is' : 'are'} not used: ${fromLink.unreadable.map((v) => `“${plainText(v).slice(0, 40)}”`).join(', ')}. Check the link with whoever sent it.`,
      ]
    : []),
].join(' ');

// --- Showing results ---------------------------------------------------------------------------

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: { className?: string; text?: string } = {}, ...children: Node[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text; // never innerHTML: the input is untrusted
  node.append(...children);
  return node;
}

/**
 * ✓ Valid / ✗ Not valid / ? Can't check / – Not checked: the mark and the word, so colour is never
 * the only sign, with the short reason the library gives ("altered or forged", "withdrawn").
 */
function verdictWords(verdict: Shown, tag?: string): string {
  return `${MARK[verdict]} ${WORDS[verdict]}${tag ? ` (${tag})` : ''}`;
}

function detailsOf(lines: readonly string[]): HTMLElement[] {
  if (lines.length === 0) return [];
  const list = el('ul');
  for (const line of lines) list.append(el('li', { text: line }));
  return [el('details', {}, el('summary', { text: 'Details' }), list)];
}

/** "What to do: …" in words, not only in style, so that every reader gets the label. */
function nextNode(next: string): HTMLElement {
  return el('p', { className: 'next' }, el('span', { className: 'next-label', text: 'What to do: ' }), document.createTextNode(next));
}

function rowNode(row: Row): HTMLElement {
  const { tag, text } = headlineParts(row.headline);
  const item = el(
    'li',
    {},
    el(
      'p',
      {},
      el('span', { className: 'badge', text: verdictWords(row.verdict, tag) }),
      document.createTextNode(' '),
      el('span', { className: 'title', text }),
    ),
    el('p', { text: row.summary }),
    ...(row.next ? [nextNode(row.next)] : []),
    ...detailsOf(row.details),
  );
  item.setAttribute('data-verdict', row.verdict);
  return item;
}

// Whether the employer asked to see the records folded away (custody-context ones).
let showAll = false;

/** The neutral line standing for the records not listed, with the button that lists them. */
function notShownNode(report: CheckReport): HTMLElement[] {
  if (!report.notShown) return [];
  if (showAll) {
    const list = el('ul', { className: 'rows' });
    for (const row of report.notShown.rows) list.append(rowNode(row));
    return [el('p', { className: 'hint', text: 'Records not listed by default:' }), list];
  }
  const button = el('button', { className: 'secondary', text: 'Show all records' });
  button.type = 'button';
  button.id = 'show-all';
  button.addEventListener('click', () => {
    showAll = true;
    render(report);
    document.getElementById('results-heading')?.focus({ preventScroll: true });
  });
  return [el('p', { className: 'folded' }, document.createTextNode(`${MARK['not-checked']} ${report.notShown.line} `)), button];
}

/** Puts a report on the page (without moving the view: see {@link show}). */
function render(report: CheckReport): void {
  results.setAttribute('data-verdict', report.verdict);
  results.setAttribute('data-input', report.input);
  const { tag, text } = headlineParts(report.headline);
  const verdict = el(
    'div',
    { className: 'verdict' },
    el('p', { className: 'word', text: verdictWords(report.verdict, tag) }),
    el('p', { className: 'headline', text }),
    el('p', { className: 'summary', text: report.summary }),
    ...(report.next ? [nextNode(report.next)] : []),
    ...detailsOf(report.details ?? []),
  );
  verdict.id = 'verdict';
  const body: Node[] = [verdict, ...report.notices.map((n) => el('p', { className: 'notice', text: n }))];
  // One record: its line is the verdict above. Several: one line each.
  if (report.rows.length > 1 || (report.rows.length === 1 && report.input !== 'entry')) {
    const list = el('ul', { className: 'rows' });
    for (const row of report.rows) list.append(rowNode(row));
    body.push(list);
  } else if (report.rows.length === 1) {
    body.push(...detailsOf(report.rows[0]!.details));
  }
  body.push(...notShownNode(report));
  resultsBody.replaceChildren(...body);
}

function show(report: CheckReport): void {
  showAll = false; // a new check folds custody-context records away again
  render(report);
  // The results sit below the inputs: bring them into view, and move focus there so that
  // keyboard and screen-reader users land on them too.
  const heading = $('results-heading');
  heading.focus({ preventScroll: true });
  results.scrollIntoView({ block: 'start' });
}

function showTrust(state: 'ok' | 'none' | 'problem', text: string): void {
  // A link whose roots= could not be read is a problem to see, whatever the list says.
  $('trust-status').setAttribute('data-state', fromLink.unreadable.length > 0 ? 'problem' : state);
  $('trust-text').textContent = linkNote ? `${text} ${linkNote}` : text;
}

function describeTrust(list: TrustList): string {
  $('trust-file-label').textContent = 'Load a newer trust list from the authority';
  // The name is the list's own words: no bidi override may turn it around (as in the headlines).
  return `✓ Checking against the trust list of ${plainText(list.operatorName)} (number ${list.sequenceNumber}, next update due ${list.nextUpdate.slice(0, 10)}).`;
}

function showKnown(): void {
  known.textContent = accreditations.length === 0 ? '' : `Accreditations loaded: ${accreditations.length}. They are used to check who issued each record.`;
}

async function check(text: string, fromFile = false): Promise<void> {
  results.setAttribute('aria-busy', 'true');
  try {
    // The operator key stands in as a root only when its list is not in use (a stale built-in
    // list): a list's own roots carry their windows, which a bare root would not.
    const roots = [...parseRoots(rootsField.value), ...(operator && !trustList ? [operator] : [])];
    const report = await checkInput(text, { ...(trustList ? { trustList } : {}), roots, challenge, domain, accreditations, fromFile });
    if (report.trustList) {
      trustList = report.trustList;
      showTrust('ok', describeTrust(trustList));
    }
    if (report.accreditations.length > 0) {
      const seen = new Set(accreditations.map((a) => JSON.stringify(a)));
      accreditations = [...accreditations, ...report.accreditations.filter((a) => !seen.has(JSON.stringify(a)))];
      showKnown();
    }
    show(report);
  } catch (err) {
    // checkInput does not throw on bad input; this is a fault in the page itself.
    show({
      input: 'damaged',
      verdict: 'cant-check',
      headline: '? Something went wrong while checking',
      summary: (err as Error).message,
      next: 'Reload the page and try again.',
      rows: [],
      notices: [],
      accreditations: [],
    });
  } finally {
    results.removeAttribute('aria-busy');
  }
}

/** Most a file may hold: a passport with thousands of entries is a few megabytes. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

async function checkFile(file: File): Promise<void> {
  if (file.size > MAX_FILE_BYTES) {
    show({
      input: 'damaged',
      verdict: 'not-valid',
      headline: '✗ This file is too large',
      summary: 'It is over 20 MB, far more than a learning passport.',
      next: 'Ask the person to share again.',
      rows: [],
      notices: [],
      accreditations: [],
    });
    return;
  }
  inputField.value = ''; // the results are the file's, not an earlier paste's
  await check(await file.text(), true);
}

// --- The trust list built into the page (learning-passport verifier-page --trust-list) ----------

async function loadBakedTrustList(): Promise<void> {
  const text = document.getElementById('lp-trust-list')?.textContent ?? 'null';
  let value: unknown = null;
  try {
    value = JSON.parse(text);
  } catch {
    value = {};
  }
  if (value === null) return;
  const baked = await readBakedTrustList(value);
  operator = baked.operator;
  if (baked.trustList) {
    trustList = baked.trustList;
    showTrust('ok', describeTrust(baked.trustList));
  } else showTrust('problem', baked.problem ?? 'The trust list built into this page could not be used.');
}

// --- The camera ----------------------------------------------------------------------------------

interface Detector {
  detect(source: CanvasImageSource): Promise<{ rawValue: string }[]>;
}
interface DetectorClass {
  new (options: { formats: string[] }): Detector;
  getSupportedFormats(): Promise<string[]>;
}

const video = $<HTMLVideoElement>('video');
let stream: MediaStream | undefined;
let scanning = false;

/** The browser's own QR reader where it has one (BarcodeDetector), else jsQR on a canvas. */
async function qrReader(): Promise<(frame: HTMLVideoElement) => Promise<string | undefined>> {
  const Native = (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
  if (Native && (await Native.getSupportedFormats().catch((): string[] => [])).includes('qr_code')) {
    const detector = new Native({ formats: ['qr_code'] });
    return async (frame) => (await detector.detect(frame))[0]?.rawValue;
  }
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  return async (frame) => {
    // Scale a large camera frame down: a QR code held up to the camera stays readable.
    const scale = Math.min(1, 720 / Math.max(frame.videoWidth, frame.videoHeight));
    canvas.width = Math.round(frame.videoWidth * scale);
    canvas.height = Math.round(frame.videoHeight * scale);
    if (canvas.width === 0 || canvas.height === 0) return undefined;
    context.drawImage(frame, 0, 0, canvas.width, canvas.height);
    const image = context.getImageData(0, 0, canvas.width, canvas.height);
    return jsQR(image.data, image.width, image.height, { inversionAttempts: 'attemptBoth' })?.data;
  };
}

function stopScan(): void {
  scanning = false;
  for (const track of stream?.getTracks() ?? []) track.stop();
  stream = undefined;
  video.srcObject = null;
  $('scanner').hidden = true;
  $('scan').hidden = false;
}

function scanProblem(text: string): void {
  const problem = $('scan-problem');
  problem.textContent = text;
  problem.hidden = false;
}

async function startScan(): Promise<void> {
  $('scan-problem').hidden = true;
  if (!navigator.mediaDevices?.getUserMedia) {
    scanProblem('This browser cannot use a camera here. Paste the QR code’s text, or choose a file.');
    return;
  }
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
  } catch (err) {
    const denied = (err as DOMException).name === 'NotAllowedError';
    scanProblem(
      denied
        ? 'The camera was not allowed. Allow it in the browser’s settings, or paste the QR code’s text.'
        : 'No camera could be started. Paste the QR code’s text, or choose a file.',
    );
    return;
  }
  $('scanner').hidden = false;
  $('scan').hidden = true;
  $('scan-status').textContent = 'Hold the QR code up to the camera.';
  video.srcObject = stream;
  await video.play().catch(() => undefined);
  $<HTMLButtonElement>('stop-scan').focus();
  const read = await qrReader();
  scanning = true;
  while (scanning) {
    const text = video.readyState >= 2 ? await read(video).catch(() => undefined) : undefined;
    if (!scanning) break;
    if (text) {
      stopScan();
      inputField.value = text;
      $('scan').focus({ preventScroll: true });
      await check(text);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

// --- Events ------------------------------------------------------------------------------------

$('scan').addEventListener('click', () => void startScan());
$('stop-scan').addEventListener('click', () => {
  stopScan();
  $('scan').focus();
});
$('check').addEventListener('click', () => void check(inputField.value));
// A QR scanner acting as a keyboard ends with Enter; checking on paste saves a click.
inputField.addEventListener('paste', () => setTimeout(() => void check(inputField.value), 0));
inputField.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey && inputField.value.trim().toUpperCase().startsWith('LP1:')) {
    event.preventDefault();
    void check(inputField.value);
  }
});
fileInput.addEventListener('change', () => {
  const file = fileInput.files?.[0];
  if (file) void checkFile(file);
  fileInput.value = ''; // choosing the same file again checks it again
});
trustFile.addEventListener('change', () => {
  const file = trustFile.files?.[0];
  if (file) void checkFile(file);
  trustFile.value = '';
});
drop.addEventListener('dragover', (event) => {
  event.preventDefault();
  drop.classList.add('over');
});
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (event) => {
  event.preventDefault();
  drop.classList.remove('over');
  const file = event.dataTransfer?.files[0];
  if (file) void checkFile(file);
});
// Dropping a file anywhere else must not make the browser open it instead of this page.
window.addEventListener('dragover', (event) => event.preventDefault());
window.addEventListener('drop', (event) => event.preventDefault());

void loadBakedTrustList().finally(() => {
  if (!trustList && !operator)
    showTrust(
      'none',
      fromLink.roots.length > 0
        ? 'No trust list loaded yet: load the authority’s trust list below to check who may issue what.'
        : 'No trust list loaded yet: records can be checked for damage, not for who issued them. Load the authority’s trust list below.',
    );
  document.body.setAttribute('data-ready', 'true');
});
