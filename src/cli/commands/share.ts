// learning-passport present | lint | qr | print: sharing what the holder chooses.
import { createPresentation, entryKindOf, entryId, type Audience } from '../../index.js';
import { subjectOf as credentialSubjectOf, KIND_SENSITIVITY } from '../../kinds.js';
import { lintDisclosure, printPack, AUDIENCES } from '../../present.js';
import { encodeQrPayload, toQrPng, toQrSvg } from '../../qr.js';
import { colour, line, printJson, Refusal, safeJson, say, UsageError, warn, writeText } from '../io.js';
import { didYouMean } from '../suggest.js';
import { list, loadEntries, loadIssuer, readPassportFile } from '../load.js';
import type { Command } from '../types.js';

/** Entries from a passport file or an entries file, optionally narrowed to --entry CIDs. */
function entriesFrom(path: string, only: string[]): unknown[] {
  const entries = loadEntriesOrPassport(path);
  if (only.length === 0) return entries;
  const ids = entries.map((e) => entryId(e as object));
  for (const cid of only) {
    if (!ids.includes(cid)) throw new Refusal(`--entry ${cid}: ${path} holds no such entry${didYouMean(cid, ids)}`, 'ERR_ENTRY_NOT_FOUND');
  }
  return entries.filter((_, i) => only.includes(ids[i]!));
}

/** The subject DID an entry is bound to, if any. */
function subjectOf(entry: unknown): string | undefined {
  const id = credentialSubjectOf(entry)?.id;
  return typeof id === 'string' ? id : undefined;
}

function loadEntriesOrPassport(path: string): unknown[] {
  const value = loadEntries(path);
  const first = value[0] as { type?: unknown } | undefined;
  if (value.length === 1 && first && first.type === 'LearningPassport') return [...readPassportFile(path).entries];
  return value;
}

/** True when the file holds a passport (not entries). */
function isPassportFile(path: string): { holder?: unknown } | undefined {
  const value = loadEntries(path);
  const first = value[0] as { type?: unknown; holder?: unknown } | undefined;
  return value.length === 1 && first && first.type === 'LearningPassport' ? first : undefined;
}

export const presentCommand: Command = {
  name: 'present',
  summary: 'sign a presentation for a verifier (challenge and domain are required)',
  usage: ['present <passport.json> --key <holder.key.json> --audience employer|education|justice --challenge <c> --domain <d> [--entry <cid> …] [--include <cid> …] -o vp.json'],
  options: {
    key: { type: 'string' },
    audience: { type: 'string' },
    challenge: { type: 'string' },
    domain: { type: 'string' },
    entry: { type: 'string', multiple: true },
    include: { type: 'string', multiple: true },
    out: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
    'passphrase-file': { type: 'string' },
  },
  async run({ positionals, values, json }) {
    if (!positionals[0]) throw new UsageError('present needs a passport or entries file');
    const audience = values.audience as Audience;
    if (!AUDIENCES.includes(audience)) throw new UsageError(`--audience must be one of: ${AUDIENCES.join(', ')}${didYouMean(String(audience ?? ''), AUDIENCES)}`, 'ERR_FLAG_VALUE');
    if (typeof values.challenge !== 'string' || typeof values.domain !== 'string') {
      throw new UsageError('--challenge and --domain are required: use the values the verifier gave you');
    }
    const entries = entriesFrom(positionals[0], list(values.entry));
    if (entries.length === 0) throw new Refusal(`${positionals[0]} holds no entries: there is nothing to present`, 'ERR_NOTHING_TO_DO');
    const { key } = await loadIssuer(values);
    // The presentation proves the holder's control of the key the entries are bound to: with
    // another key it would prove nothing, and the verifier would refuse it.
    const passport = isPassportFile(positionals[0]);
    const holder = passport ? (typeof passport.holder === 'string' ? passport.holder : (passport.holder as { id?: unknown } | undefined)?.id) : undefined;
    if (typeof holder === 'string' && holder.startsWith('did:') && holder !== key.did) {
      throw new Refusal(`--key is not the holder's key: this passport belongs to ${holder}, the key is ${key.did}`, 'ERR_HOLDER_BINDING');
    }
    const bound = entries.map(subjectOf).filter((s): s is string => s !== undefined);
    if (bound.length > 0 && !bound.includes(key.did)) {
      throw new Refusal(`--key is not the holder's key: the entries are bound to ${bound[0]}, the key is ${key.did}`, 'ERR_HOLDER_BINDING');
    }
    const result = await createPresentation({
      holderKey: key,
      entries,
      audience,
      challenge: values.challenge,
      domain: values.domain,
      include: list(values.include),
    });
    const shared = result.presentation.verifiableCredential?.length ?? 0;
    if (shared === 0) {
      const why = [...new Set(result.excluded.map((e) => e.message))].slice(0, 3).join('; ');
      throw new Refusal(`no entry would be shared with ${values.domain}${why ? `: ${why}` : ''} (use --include <cid> to share one deliberately)`, 'ERR_NOTHING_TO_SHARE');
    }
    const text = `${JSON.stringify(result.presentation, null, 2)}\n`;
    if (typeof values.out === 'string') writeText(values.out, text, values.force === true);
    if (json) printJson(result);
    else {
      if (typeof values.out !== 'string') process.stdout.write(`${safeJson(result.presentation)}\n`);
      warn(line`${colour.green('✓')} ${shared} entr${shared === 1 ? 'y' : 'ies'} shared with ${values.domain}`);
      for (const e of result.excluded) warn(line`  ${colour.dim('left out:')} ${e.kind} — ${e.message}`);
      for (const w of result.warnings) warn(line`  ${colour.yellow('warning:')} ${w.message}`);
    }
    return 0;
  },
};

export const lintCommand: Command = {
  name: 'lint',
  summary: 'warn, in plain words, about anything that would reveal time in custody',
  usage: ['lint <entries.json | passport.json>'],
  options: {},
  async run({ positionals, json }) {
    if (!positionals[0]) throw new UsageError('lint needs a file');
    const warnings = lintDisclosure(loadEntriesOrPassport(positionals[0]));
    if (json) printJson(warnings);
    else if (warnings.length === 0) say(line`${colour.green('✓')} nothing found that reveals custody (that is not a promise: read what you share)`);
    else for (const w of warnings) say(line`${w.severity === 'high' ? colour.red('!') : colour.yellow('!')} ${w.message}`);
    return warnings.length === 0 ? 0 : 1;
  },
};

export const qrCommand: Command = {
  name: 'qr',
  summary: 'one entry as a QR code (PNG or SVG)',
  usage: ['qr <entry.json> --format png|svg -o <file>', 'qr <entry.json> --payload   (print the text inside the QR code)'],
  options: { format: { type: 'string' }, out: { type: 'string', short: 'o' }, payload: { type: 'boolean' }, force: { type: 'boolean' } },
  async run({ positionals, values, json }) {
    if (!positionals[0]) throw new UsageError('qr needs an entry file');
    if (isPassportFile(positionals[0])) {
      throw new UsageError(`${positionals[0]} is a passport: qr takes exactly one entry (one QR code per entry); pick one with "timeline" and save it to its own file`, 'ERR_ONE_ENTRY');
    }
    const entries = loadEntries(positionals[0]);
    if (entries.length !== 1) throw new UsageError(`qr takes exactly one entry (one QR code per entry); ${positionals[0]} holds ${entries.length}`, 'ERR_ONE_ENTRY');
    const payload = await encodeQrPayload(entries[0] as object);
    if (values.payload || json) {
      if (json) printJson({ payload, length: payload.length });
      else say(line`${payload}`);
      return 0;
    }
    if (typeof values.out !== 'string') throw new UsageError('qr needs -o <file> (or --payload)');
    const format = values.format ?? (values.out.endsWith('.svg') ? 'svg' : 'png');
    if (format === 'svg') writeText(values.out, await toQrSvg(payload), values.force === true);
    else if (format === 'png') writeText(values.out, await toQrPng(payload), values.force === true);
    else throw new UsageError(`--format must be png or svg${didYouMean(String(format), ['png', 'svg'])}`, 'ERR_FLAG_VALUE');
    say(line`${colour.green('✓')} ${values.out} (${payload.length} characters)`);
    return 0;
  },
};

export const printCommand: Command = {
  name: 'print',
  summary: 'a printable HTML pack: one QR per entry, the same facts in words',
  usage: ['print <passport.json | entries.json> -o pack.html [--entry <cid> …] [--holder-name <name>] [--title <title>]'],
  options: {
    out: { type: 'string', short: 'o' },
    entry: { type: 'string', multiple: true },
    'holder-name': { type: 'string' },
    title: { type: 'string' },
    force: { type: 'boolean' },
  },
  async run({ positionals, values }) {
    if (!positionals[0]) throw new UsageError('print needs a passport or entries file');
    if (typeof values.out !== 'string') throw new UsageError('print needs -o <pack.html>');
    const entries = entriesFrom(positionals[0], list(values.entry)) as object[];
    // Custody-context kinds (a transfer, a peer role inside) say where the holder has been: warn
    // before they go on paper that may be handed to anyone.
    for (const e of entries) {
      const kind = entryKindOf(e);
      if (kind !== 'external' && kind !== 'unknown' && KIND_SENSITIVITY[kind] === 'C') {
        warn(line`${colour.yellow('warning:')} the pack includes a ${kind} entry (${entryId(e)}), which shows time in custody to whoever reads it; leave it out with --entry`);
      }
    }
    const html = await printPack(entries, {
      ...(typeof values['holder-name'] === 'string' ? { holderName: values['holder-name'] } : {}),
      ...(typeof values.title === 'string' ? { title: values.title } : {}),
    });
    writeText(values.out, html, values.force === true);
    say(line`${colour.green('✓')} printable pack written to ${values.out}`);
    return 0;
  },
};
