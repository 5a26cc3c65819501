// learning-passport verifier-page --trust-list list.json -o page.html: the employer's checker page
// (one HTML file, no network) with the authority's signed trust list built in, so that the person
// checking never types a key. The list is verified before it goes in, and again by the page.
import { readFileSync } from 'node:fs';
import { verifyTrustList } from '../api.js';
import { isPlainObject } from '../../internal/json.js';
import { colour, line, printJson, readJson, Refusal, say, UsageError, warn, writeText } from '../io.js';
import type { Command } from '../types.js';
import { rootsFrom } from './verify.js';

/** The empty slot in the built page (dist/verifier.html) where a trust list goes. */
const SLOT = '<script type="application/json" id="lp-trust-list">null</script>';

/** The prebuilt page, next to the command in the package (dist/verifier.html). */
function template(): string {
  let html: string;
  try {
    html = readFileSync(new URL('../verifier.html', import.meta.url), 'utf8');
  } catch {
    throw new UsageError(
      'the checker page is missing from this installation (dist/verifier.html); reinstall learning-passport, or run "npm run build:lib" in its repository',
      'ERR_FILE_NOT_FOUND',
    );
  }
  if (html.split(SLOT).length !== 2)
    throw new UsageError('the checker page in this installation has no place for a trust list; reinstall learning-passport', 'ERR_FILE_UNREADABLE');
  return html;
}

/**
 * Puts `{ operator, list }` into the page's data slot. A JSON data block is never run as a script
 * (so the page's Content-Security-Policy is unchanged), and every `<` is written as \u003c so that
 * nothing in the list can close the element.
 */
export function bakeTrustList(html: string, operator: string, list: unknown): string {
  const data = JSON.stringify({ operator, list }).replace(/</g, '\\u003c');
  return html.replace(SLOT, () => SLOT.replace('>null<', `>${data}<`));
}

export const verifierPageCommand: Command = {
  name: 'verifier-page',
  summary: 'write the employer’s checker page (one HTML file, offline) with a trust list built in',
  usage: ['verifier-page --trust-list <list.json> [--root <authority did> | --trust roots.json] -o <page.html> [--force]'],
  examples: [
    'learning-passport verifier-page --trust-list trust-list.json -o checker.html',
    'learning-passport verifier-page --trust-list trust-list.json --root did:key:z6Mk… -o checker.html',
  ],
  options: {
    'trust-list': { type: 'string' },
    root: { type: 'string', multiple: true },
    trust: { type: 'string' },
    out: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
  },
  async run({ values, positionals, json }) {
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}": give the list with --trust-list <list.json>`);
    if (typeof values['trust-list'] !== 'string') {
      throw new UsageError(
        'verifier-page needs --trust-list <list.json>: the authority’s signed trust list (make one with "trust-list build")',
        'ERR_FLAG_MISSING',
      );
    }
    if (typeof values.out !== 'string') throw new UsageError('verifier-page needs -o <page.html>: where to write the page', 'ERR_FLAG_MISSING');
    const path = values['trust-list'];
    const document = readJson(path, 'trust list');
    // The key the list must be signed by: the one given, else the key the list names (then the
    // person building the page is told which key that is, to check it with the authority).
    const pinned = rootsFrom(values);
    const named = isPlainObject(document) ? (isPlainObject(document.issuer) ? document.issuer.id : document.issuer) : undefined;
    const operator = pinned.length > 0 ? pinned : typeof named === 'string' && named.startsWith('did:key:') ? [named] : [];
    if (operator.length === 0) throw new UsageError(`${path} is not a trust list signed with a did:key (make one with "trust-list build")`);
    const result = await verifyTrustList(document, { operator });
    if (!result.trustList) {
      throw new Refusal(`trust list ${path} refused: ${result.summary}`, result.errors[0]?.code ?? 'ERR_TRUST_LIST_INVALID');
    }
    const list = result.trustList;
    const page = bakeTrustList(template(), list.operator, document);
    writeText(values.out, page, values.force === true);
    if (json) {
      printJson({
        out: values.out,
        operator: list.operator,
        operatorName: list.operatorName,
        sequenceNumber: list.sequenceNumber,
        nextUpdate: list.nextUpdate,
        pinned: pinned.length > 0,
        bytes: Buffer.byteLength(page),
      });
      return 0;
    }
    say(
      line`${colour.green('✓')} ${values.out}: the checker page with trust list #${list.sequenceNumber} of ${list.operatorName} (next update due ${list.nextUpdate.slice(0, 10)}).`,
    );
    if (pinned.length === 0)
      warn(
        line`${colour.yellow('note:')} the list was checked against the key it names, ${list.operator}. Make sure this is ${list.operatorName}’s key (or pass --root <did>).`,
      );
    say(
      line`Give the page to the people who check records: it opens in any browser, from disk or a web server, and needs no network. Build it again from each new list before ${list.nextUpdate.slice(0, 10)}.`,
    );
    return 0;
  },
};
