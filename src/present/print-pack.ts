// The printable pack (offline feature O2, device-free path O7): one QR code per entry, the same
// facts in plain text beside it, instructions for checking, and the date it was printed. The
// pack has no logo or header of its own, and refuses pack-level text that would reveal custody.
import { isPlainObject, snapshotJson } from '../internal/json.js';
import { plainPartialDate } from '../entries/kinds/plain-words.js';
import { dayInWords } from '../internal/time.js';
import { entryDate } from '../passport/timeline.js';
import { describeEntry } from '../entries/describe.js';
import { credentialIdOf, entryKindOf, issuerNameOf } from '../entries/read-credential.js';
import { contentIdOf, sensitivityOfKind } from './entry-facts.js';
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
  /**
   * Where a reader finds the checker page: a URL or a file name the issuer hands out (for
   * example the page `npx learning-passport verifier-page` builds). Without it the pack says
   * how to get one.
   */
  checkerUrl?: string;
  /**
   * Entries to print although they would show time in custody, by content id (CID) or
   * credential id: those of a custody-context kind (custody-transfer, checkpoint, peer-role) and
   * those createPresentation holds back from an employer as custody-revealing (signed under a
   * custody role, or words that reveal custody). Paper goes to whoever the holder hands it to,
   * so such an entry is refused unless the holder chose it here.
   */
  include?: readonly string[];
  /**
   * Accreditations (for example the passport's), read by the linter as createPresentation reads
   * them: an entry signed under a custody role (a prison's key, whatever neutral name it signs
   * with) is then known as such, and refused unless named in `include`.
   */
  accreditations?: readonly unknown[];
}

// The field that says when the thing happened, as the words printed before it. Never the
// signing date: "valid from" on a March award signed in December would be wrong on paper.
const DATE_LABELS: Record<string, string> = {
  awardedOn: 'Awarded',
  achievedOn: 'Achieved',
  completedOn: 'Completed',
  assessedOn: 'Assessed',
  resultDate: 'Result',
  issuedOn: 'Issued',
  date: 'Date',
  startedOn: 'Started',
  from: 'From',
  startDate: 'Started',
  since: 'Since',
  'period.from': 'From',
  transferDate: 'Date',
  at: 'Date',
};

/** "Awarded: March 2026" from the entry's own date field; undefined when it has none. */
function eventDate(doc: Record<string, unknown>): string | undefined {
  const { date, source } = entryDate(doc as never);
  if (date === undefined || source === undefined) return undefined;
  // A credential from another system says when it was issued only through validFrom.
  const external = source === 'validFrom' && entryKindOf(doc) === 'external';
  if (!external && !source.startsWith('learningPassport.')) return undefined;
  const label = external ? 'Issued' : (DATE_LABELS[source.slice('learningPassport.'.length)] ?? 'Date');
  const day = /^\d{4}(-\d{2}(-\d{2})?)?$/.test(date) ? plainPartialDate(date) : plainDay(date);
  return day ? `${label}: ${day}` : undefined;
}

function escapeHtml(text: string): string {
  // Control characters (C0, C1, DEL) and invisible format characters (bidi overrides such as
  // U+202E, which reorder what the reader sees; line and paragraph separators) come from entry
  // fields anyone could have written: they are dropped, never printed. Tabs and newlines become spaces.
  const visible = text.replace(/[\t\n\r]/g, ' ').replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, '');
  return visible.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
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
 * entry in plain English next to it (describeEntry()), who issued it, the date the entry itself
 * gives (awarded, completed, achieved; never the signing date), its expiry when it has one,
 * "How to check" instructions that say where the checker page is (`checkerUrl`, or how to get
 * one), and the date it was printed. Nothing is fetched: the QR codes are inline SVG. The pack
 * adds no branding; the title and name are refused if they would reveal custody, and so is a
 * custody-context entry (custody-transfer, checkpoint, peer-role) or an entry createPresentation
 * would hold back from an employer (signed under a custody role, known from `accreditations`;
 * custody words) that the holder did not `include`. An entry already expired on the printed
 * date is marked "Expired", never "Valid until".
 *
 * The holder chooses what to print: run {@link lintDisclosure} (or selectEntries) first.
 *
 * @throws {TypeError} when `entries` is not an array of objects, title / holderName reveal custody,
 *   or a custody-context or custody-revealing entry is not listed in `include`
 * @throws {PassportError} ERR_LIMIT_EXCEEDED when an entry is too big for one QR code
 * @example
 * ```ts
 * const html = await printPack([cscsCard, maths], { holderName: 'Amira Khan', checkerUrl: 'https://jobs.example/check.html' });
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
  const checkerUrl = options.checkerUrl;
  if (checkerUrl !== undefined && (typeof checkerUrl !== 'string' || checkerUrl.trim() === '')) throw new TypeError('"checkerUrl" must be a non-empty string');
  const include = options.include ?? [];
  if (!Array.isArray(include) || !include.every((id) => typeof id === 'string')) throw new TypeError('"include" must be a list of entry ids');
  if (options.accreditations !== undefined && !Array.isArray(options.accreditations)) throw new TypeError('"accreditations" must be an array');
  const lint = options.accreditations ? { accreditations: [...options.accreditations] } : {};
  const now = printedOn.getTime();

  const sections: string[] = [];
  for (const [i, entry] of entries.entries()) {
    const snap = snapshotJson(entry);
    if (!snap.ok || !isPlainObject(snap.value)) throw new TypeError(`entry ${i + 1} is not plain JSON`);
    const doc = snap.value as Record<string, unknown>;
    const id = contentIdOf(doc);
    const kind = entryKindOf(doc);
    const chosen = include.some((x) => x === id || x === credentialIdOf(doc));
    if (sensitivityOfKind(kind) === 'C' && !chosen) {
      throw new TypeError(
        `entry ${i + 1} is a ${kind} entry, which shows time in custody to whoever reads the paper: leave it out, or list its id in "include" to print it deliberately`,
      );
    }
    // The rule createPresentation applies for an employer: what the linter finds custody-revealing
    // (a prison's key, custody words) stays off the paper unless the holder chose it.
    const revealing = chosen ? undefined : lintDisclosure([doc], lint).find((w) => w.severity === 'high');
    if (revealing) {
      throw new TypeError(
        `entry ${i + 1} (${kind}) would show time in custody to whoever reads the paper: ${revealing.message} Leave it out, or list its id in "include" to print it deliberately`,
      );
    }
    const svg = await toQrSvg(await encodeQrPayload(doc));
    const issuer = isPlainObject(doc.issuer) ? [doc.issuer.displayName, doc.issuer.name].find((n): n is string => typeof n === 'string') : undefined;
    const when = eventDate(doc);
    const until = plainDay(doc.validUntil);
    // An entry already expired when printed says so: a checker will call it Not valid (expired).
    const untilAt = typeof doc.validUntil === 'string' ? Date.parse(doc.validUntil) : NaN;
    const expired = until !== undefined && untilAt <= now;
    const facts = [
      `<p><strong>${escapeHtml(describeEntry(doc))}</strong></p>`,
      issuer ? `<p>Issued by: ${escapeHtml(issuer)}</p>` : '',
      when ? `<p>${escapeHtml(when)}</p>` : '',
      until && expired
        ? `<p><strong>Expired</strong> on ${escapeHtml(until)}: a checker will say Not valid (expired).</p>`
        : until
          ? `<p>Valid until: ${escapeHtml(until)}</p>`
          : '',
      id ? `<p class="small">Record number: ${escapeHtml(id.slice(0, 8))}…${escapeHtml(id.slice(-6))}</p>` : '',
    ].join('');
    sections.push(
      `<section><div class="qr" aria-label="QR code for entry ${i + 1}">${svg}</div><div class="facts"><p class="small">Entry ${i + 1} of ${entries.length}</p>${facts}</div></section>`,
    );
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
<li>${checkerUrl ? `Scan a code with the checker page at <strong>${escapeHtml(checkerUrl)}</strong>.` : 'Scan a code with a learning-passport checker page. Ask the issuer for theirs, or make one with <code>npx learning-passport verifier-page</code>.'} It works without the internet.</li>
<li>The checker says <strong>Valid</strong>, <strong>Not valid</strong> (something is wrong: changed, withdrawn or expired) or <strong>Can’t check</strong> (something is missing, such as the authority’s trust list), and why.</li>
<li>What the checker shows must match the words next to the code.</li>
<li>If the record shows a name, check it against the person’s ID.</li>
</ol>
<p class="small">This paper was printed on the date above. Ask the person for a newer copy if you need one.</p>
${sections.join('\n')}
</body></html>
`;
}
