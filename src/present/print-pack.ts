// The printable pack (offline feature O2, device-free path O7): one QR code per entry, the same
// facts in plain text beside it, instructions for checking, and the date it was printed. The
// pack has no logo or header of its own, and refuses pack-level text that would reveal custody.
import { isPlainObject, snapshotJson } from '../internal/json.js';
import { dayInWords } from '../internal/time.js';
import { describeEntry } from '../entries/describe.js';
import { issuerNameOf } from '../entries/read-credential.js';
import { contentIdOf } from './entry-facts.js';
import { lintDisclosure } from './lint-disclosure.js';
import { encodeQrPayload } from '../qr/qr-payload.js';
import { toQrSvg } from '../qr/qr-image.js';

/** Options of {@link printPack}. */
export interface PrintPackOptions {
  /** The heading (default "Learning record"). Must not reveal custody. */
  title?: string;
  /** The holder's name, printed under the heading (needed to check entries tied to a name). */
  holderName?: string;
  /** The "printed on" date (default today). */
  printedOn?: Date;
}


function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function plainDay(stamp: unknown): string | undefined {
  return typeof stamp === 'string' ? dayInWords(stamp) : undefined;
}

function assertNeutral(text: string, name: string): void {
  const found = lintDisclosure([{ description: text }]).filter((w) => w.severity === 'high');
  if (found.length > 0) throw new TypeError(`"${name}" would reveal time in custody: ${found[0]!.message}`);
}

const STYLE = `body{font-family:Arial,Helvetica,sans-serif;font-size:14pt;line-height:1.4;color:#000;margin:1.5cm}
h1{font-size:20pt;margin:0 0 .2em}section{display:flex;gap:1em;align-items:flex-start;border-top:1px solid #000;padding:.8em 0;break-inside:avoid;page-break-inside:avoid}
.qr{flex:0 0 6cm;width:6cm}.qr svg{width:6cm;height:6cm}.facts p{margin:.2em 0}.small{font-size:11pt}
@page{size:A4;margin:1cm}`;

/**
 * A self-contained HTML page (A4, prints in black and white) with one QR code per entry, the
 * entry in plain English next to it (describeEntry()), who issued it and when, "How to check"
 * instructions, and the date it was printed. Nothing is fetched: the QR codes are inline SVG.
 * The pack adds no branding; the title and name are refused if they would reveal custody.
 *
 * The holder chooses what to print: run {@link lintDisclosure} (or selectEntries) first.
 *
 * @throws {TypeError} when `entries` is not an array of objects, or title / holderName reveal custody
 * @throws {PassportError} ERR_LIMIT_EXCEEDED when an entry is too big for one QR code
 * @example
 * ```ts
 * const html = await printPack([cscsCard, maths], { holderName: 'Amira Khan' });
 * await writeFile('pack.html', html); // open it and print
 * ```
 */
export async function printPack(entries: readonly object[], options: PrintPackOptions = {}): Promise<string> {
  if (!Array.isArray(entries) || !entries.every(isPlainObject)) throw new TypeError('"entries" must be an array of entries');
  if (!isPlainObject(options as unknown)) throw new TypeError('"options" must be an object');
  const title = options.title ?? 'Learning record';
  if (typeof title !== 'string' || title.trim() === '') throw new TypeError('"title" must be a non-empty string');
  assertNeutral(title, 'title');
  if (options.holderName !== undefined) {
    if (typeof options.holderName !== 'string') throw new TypeError('"holderName" must be a string');
    assertNeutral(options.holderName, 'holderName');
  }
  const printedOn = options.printedOn ?? new Date();
  if (!(printedOn instanceof Date) || Number.isNaN(printedOn.getTime())) throw new TypeError('"printedOn" must be a valid Date');

  const sections: string[] = [];
  for (const [i, entry] of entries.entries()) {
    const snap = snapshotJson(entry);
    if (!snap.ok || !isPlainObject(snap.value)) throw new TypeError(`entry ${i + 1} is not plain JSON`);
    const doc = snap.value as Record<string, unknown>;
    const svg = await toQrSvg(await encodeQrPayload(doc));
    const issuer = issuerNameOf(doc);
    const from = plainDay(doc.validFrom);
    const until = plainDay(doc.validUntil);
    const id = contentIdOf(doc);
    const facts = [
      `<p><strong>${escapeHtml(describeEntry(doc))}</strong></p>`,
      issuer ? `<p>Signed by: ${escapeHtml(issuer)}</p>` : '',
      from ? `<p>Valid from: ${escapeHtml(from)}${until ? `, until ${escapeHtml(until)}` : ''}</p>` : '',
      id ? `<p class="small">Record number: ${escapeHtml(id.slice(0, 8))}…${escapeHtml(id.slice(-6))}</p>` : '',
    ].join('');
    sections.push(`<section><div class="qr" aria-label="QR code for entry ${i + 1}">${svg}</div><div class="facts"><p class="small">Entry ${i + 1} of ${entries.length}</p>${facts}</div></section>`);
  }
  const printed = dayInWords(printedOn.getTime()) ?? '';
  return `<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
${options.holderName ? `<p>Name: ${escapeHtml(options.holderName)}</p>` : ''}
<p>Printed on ${escapeHtml(printed)}.</p>
<h2>How to check</h2>
<ol>
<li>Scan a code with a learning-passport checker. It works without the internet.</li>
<li>The checker says <strong>Valid</strong>, <strong>Not valid</strong> or <strong>Can’t check</strong>, and why.</li>
<li>What the checker shows must match the words next to the code.</li>
<li>If the record shows a name, check it against the person’s ID.</li>
</ol>
<p class="small">This paper was printed on the date above. Ask the person for a newer copy if you need one.</p>
${sections.join('\n')}
</body></html>
`;
}
