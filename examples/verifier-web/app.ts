// The employer page: plain DOM, no framework, no network. The checking itself is in check.ts.
import { checkInput, parseRoots, type CheckReport, type Mark } from './check.js';

const $ = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the page has no #${id}`);
  return el as T;
};

const rootsField = $<HTMLTextAreaElement>('roots');
const inputField = $<HTMLTextAreaElement>('input');
const fileInput = $<HTMLInputElement>('file');
const drop = $<HTMLDivElement>('drop');
const results = $<HTMLElement>('results');
const known = $<HTMLParagraphElement>('known');

// Accreditations the employer loaded (the authority's file, or a passport's), kept for this visit.
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

// ?roots=did:key:…,did:key:… (or several roots= parameters) prefills the trusted roots.
const rootsFromUrl = params.getAll('roots').flatMap(parseRoots);
if (rootsFromUrl.length > 0) rootsField.value = rootsFromUrl.join('\n');

// --- Showing results ---------------------------------------------------------------------------

const MARK_TEXT: Record<Mark, { cls: string; words: string }> = {
  '✓': { cls: 'ok', words: 'Valid' },
  '✗': { cls: 'bad', words: 'Not valid' },
  '?': { cls: 'unknown', words: 'Cannot check' },
};

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: { className?: string; text?: string } = {}, ...children: Node[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text; // never innerHTML: the input is untrusted
  node.append(...children);
  return node;
}

function markNode(mark: Mark): HTMLElement {
  const { cls, words } = MARK_TEXT[mark];
  const span = el('span', { className: `mark ${cls}` }, el('span', { text: mark }));
  span.firstElementChild!.setAttribute('aria-hidden', 'true');
  span.append(el('span', { className: 'visually-hidden', text: `${words}:` }));
  return span;
}

function show(report: CheckReport): void {
  const heading = $('results-heading');
  results.replaceChildren(heading);
  results.setAttribute('data-mark', report.mark);
  results.setAttribute('data-input', report.input);
  if (report.input === 'invalid') {
    results.append(el('p', { className: 'message', text: report.summary }));
    return;
  }
  for (const notice of report.notices) results.append(el('p', { className: 'notice', text: notice }));
  results.append(el('p', { className: 'summary' }, markNode(report.mark), document.createTextNode(` ${report.summary}`)));
  const list = el('ul', { className: 'rows' });
  for (const row of report.rows) {
    const item = el('li', {}, markNode(row.mark), el('div', {}, el('div', { className: 'title', text: row.title }), el('div', { className: 'detail', text: row.detail })));
    item.setAttribute('data-mark', row.mark);
    list.append(item);
  }
  results.append(list);
}

function showKnown(): void {
  known.textContent = accreditations.length === 0 ? '' : `Accreditations loaded: ${accreditations.length}. They are used to check who issued each record.`;
}

async function check(text: string): Promise<void> {
  results.setAttribute('aria-busy', 'true');
  try {
    const report = await checkInput(text, { roots: parseRoots(rootsField.value), challenge, domain, accreditations });
    if (report.accreditations.length > 0) {
      const seen = new Set(accreditations.map((a) => JSON.stringify(a)));
      accreditations = [...accreditations, ...report.accreditations.filter((a) => !seen.has(JSON.stringify(a)))];
      showKnown();
    }
    show(report);
  } catch (err) {
    // checkInput does not throw on bad input; this is a fault in the page itself.
    show({ input: 'invalid', mark: '✗', summary: `Something went wrong while checking: ${(err as Error).message}`, rows: [], notices: [], accreditations: [] });
  } finally {
    results.removeAttribute('aria-busy');
  }
}

async function checkFile(file: File): Promise<void> {
  if (file.size > 20 * 1024 * 1024) {
    show({ input: 'invalid', mark: '✗', summary: 'This file is too large to be a learning passport (over 20 MB).', rows: [], notices: [], accreditations: [] });
    return;
  }
  inputField.value = ''; // the results are the file's, not an earlier paste's
  await check(await file.text());
}

// --- Events ------------------------------------------------------------------------------------

$('check').addEventListener('click', () => void check(inputField.value));
// A QR scanner acting as a keyboard ends with Enter; checking on paste saves a click.
inputField.addEventListener('paste', () => setTimeout(() => void check(inputField.value), 0));
fileInput.addEventListener('change', () => {
  const file = fileInput.files?.[0];
  if (file) void checkFile(file);
  fileInput.value = ''; // choosing the same file again checks it again
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

document.body.setAttribute('data-ready', 'true');
