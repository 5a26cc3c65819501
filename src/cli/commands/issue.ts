// learning-passport issue <kind> --key k.key.json --fields fields.json | --field name=value …
import { ENTRY_KINDS, addEntries, describe, isEntryKind, issueEntry, serializePassport, type EntryKind } from '../../index.js';
import { colour, printJson, readJson, UsageError, writeText } from '../io.js';
import { loadIssuerWithProfile, loadPassport } from '../load.js';
import type { Command } from '../types.js';
import { issueCsvOptions, issueFromCsv } from './issue-csv.js';

/**
 * Builds a fields object from --field flags: `name=text` gives a string, `name:=json` a JSON
 * value (numbers, lists); dotted names nest (`awardingBody.name=City & Guilds`).
 */
export function fieldsFromFlags(flags: string[]): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const flag of flags) {
    const eq = flag.indexOf('=');
    if (eq < 1) throw new UsageError(`--field must look like name=value or name:=json (got "${flag}")`);
    const asJson = flag[eq - 1] === ':';
    const path = flag.slice(0, asJson ? eq - 1 : eq).split('.');
    let raw: unknown = flag.slice(eq + 1);
    if (asJson) {
      try {
        raw = JSON.parse(raw as string);
      } catch {
        throw new UsageError(`--field ${path.join('.')}:= needs a JSON value (got "${String(raw)}")`);
      }
    }
    let target = fields;
    for (const part of path.slice(0, -1)) {
      if (part === '__proto__' || part === 'constructor' || part === 'prototype') throw new UsageError(`bad field name "${part}"`);
      target = (target[part] ??= {}) as Record<string, unknown>;
    }
    target[path.at(-1)!] = raw;
  }
  return fields;
}

export const issueCommand: Command = {
  name: 'issue',
  summary: 'sign an entry of a given kind',
  usage: [
    'issue <kind> --key <issuer.key.json> (--fields <fields.json> | --field name=text | --field name:=json …) [--holder <did>] [--supersedes <cid>] [-o entry.json] [--passport p.json]',
    'issue --csv <results.csv> --kind <kind> --key <issuer.key.json> (--map "Column=field[:number|list|json]" … | --mapping map.json) [--field name=value …] --out-dir <folder> [--output entries|passports] [--status state.json] [--report r.json]',
  ],
  examples: [
    'learning-passport issue --csv results.csv --kind course-completion --key leeds.key.json --map "Learner DID=holder" --map Course=title --map Completed=completedOn --field provider="Leeds Learning Centre" --field outcome=completed --out-dir issued/',
  ],
  options: {
    key: { type: 'string' },
    fields: { type: 'string' },
    field: { type: 'string', multiple: true },
    holder: { type: 'string' },
    supersedes: { type: 'string' },
    'valid-from': { type: 'string' },
    'valid-until': { type: 'string' },
    out: { type: 'string', short: 'o' },
    passport: { type: 'string' },
    force: { type: 'boolean' },
    'passphrase-file': { type: 'string' },
    ...issueCsvOptions,
  },
  async run(context) {
    const { positionals, values, json } = context;
    if (typeof values.csv === 'string') return issueFromCsv(context, fieldsFromFlags((values.field as string[]) ?? []));
    const kind = positionals[0];
    if (!kind || !isEntryKind(kind)) throw new UsageError(`issue needs a kind: ${ENTRY_KINDS.join(', ')}`);
    const fields = typeof values.fields === 'string' ? readJson(values.fields, 'fields file') : fieldsFromFlags((values.field as string[]) ?? []);
    const { key, profile } = await loadIssuerWithProfile(values);
    const entry = await issueEntry(kind as EntryKind, fields as never, {
      issuer: profile,
      key,
      ...(typeof values.holder === 'string' ? { holder: values.holder } : {}),
      ...(typeof values.supersedes === 'string' ? { supersedes: values.supersedes } : {}),
      ...(typeof values['valid-from'] === 'string' ? { validFrom: values['valid-from'] } : {}),
      ...(typeof values['valid-until'] === 'string' ? { validUntil: values['valid-until'] } : {}),
    });
    const text = `${JSON.stringify(entry, null, 2)}\n`;
    if (typeof values.out === 'string') writeText(values.out, text, values.force === true);
    if (typeof values.passport === 'string') {
      const result = await addEntries(loadPassport(values.passport), [entry]);
      writeText(values.passport, serializePassport(result.passport), true);
    }
    if (json) printJson(entry);
    else if (typeof values.out !== 'string' && typeof values.passport !== 'string') process.stdout.write(text);
    else console.log(`${colour.green('✓')} ${describe(entry)}`);
    return 0;
  },
};
