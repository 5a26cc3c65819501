// learning-passport present | lint | qr | print: sharing what the holder chooses.
import { writeFileSync } from 'node:fs';
import {
  createPresentation,
  encodeQrPayload,
  entryId,
  lintDisclosure,
  printPack,
  toQrPng,
  toQrSvg,
  AUDIENCES,
  type Audience,
} from '../../index.js';
import { colour, printJson, UsageError, writeText } from '../io.js';
import { list, loadEntries, loadIssuer, loadPassport } from '../load.js';
import type { Command } from '../types.js';

/** Entries from a passport file or an entries file, optionally narrowed to --entry CIDs. */
function entriesFrom(path: string, only: string[]): unknown[] {
  const text = loadEntriesOrPassport(path);
  return only.length === 0 ? text : text.filter((e) => only.includes(entryId(e as object)));
}

function loadEntriesOrPassport(path: string): unknown[] {
  const value = loadEntries(path);
  const first = value[0] as { type?: unknown } | undefined;
  if (value.length === 1 && first && first.type === 'LearningPassport') return [...loadPassport(path).entries];
  return value;
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
    if (!AUDIENCES.includes(audience)) throw new UsageError(`--audience must be one of: ${AUDIENCES.join(', ')}`);
    if (typeof values.challenge !== 'string' || typeof values.domain !== 'string') {
      throw new UsageError('--challenge and --domain are required: use the values the verifier gave you');
    }
    const { key } = await loadIssuer(values);
    const result = await createPresentation({
      holderKey: key,
      entries: entriesFrom(positionals[0], list(values.entry)),
      audience,
      challenge: values.challenge,
      domain: values.domain,
      include: list(values.include),
    });
    const text = `${JSON.stringify(result.presentation, null, 2)}\n`;
    if (typeof values.out === 'string') writeText(values.out, text, values.force === true);
    if (json) printJson(result);
    else {
      if (typeof values.out !== 'string') process.stdout.write(text);
      const shared = result.presentation.verifiableCredential?.length ?? 0;
      console.error(`${colour.green('✓')} ${shared} entr${shared === 1 ? 'y' : 'ies'} shared with ${values.domain}`);
      for (const e of result.excluded) console.error(`  ${colour.dim('left out:')} ${e.kind} — ${e.message}`);
      for (const w of result.warnings) console.error(`  ${colour.yellow('warning:')} ${w.message}`);
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
    else if (warnings.length === 0) console.log(`${colour.green('✓')} nothing found that reveals custody (that is not a promise: read what you share)`);
    else for (const w of warnings) console.log(`${w.severity === 'high' ? colour.red('!') : colour.yellow('!')} ${w.message}`);
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
    const entries = loadEntries(positionals[0]);
    if (entries.length !== 1) throw new UsageError('qr takes exactly one entry (one QR code per entry)');
    const payload = await encodeQrPayload(entries[0] as object);
    if (values.payload || json) {
      if (json) printJson({ payload, length: payload.length });
      else console.log(payload);
      return 0;
    }
    if (typeof values.out !== 'string') throw new UsageError('qr needs -o <file> (or --payload)');
    const format = values.format ?? (values.out.endsWith('.svg') ? 'svg' : 'png');
    if (format === 'svg') writeText(values.out, await toQrSvg(payload), values.force === true);
    else if (format === 'png') {
      if (values.force !== true) writeText(values.out, '', false);
      writeFileSync(values.out, await toQrPng(payload));
    } else throw new UsageError('--format must be png or svg');
    console.log(`${colour.green('✓')} ${values.out} (${payload.length} characters)`);
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
    const html = await printPack(entriesFrom(positionals[0], list(values.entry)) as object[], {
      ...(typeof values['holder-name'] === 'string' ? { holderName: values['holder-name'] } : {}),
      ...(typeof values.title === 'string' ? { title: values.title } : {}),
    });
    writeText(values.out, html, values.force === true);
    console.log(`${colour.green('✓')} printable pack written to ${values.out}`);
    return 0;
  },
};
