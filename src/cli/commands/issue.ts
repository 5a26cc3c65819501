// learning-passport issue <kind> --key k.key.json --fields fields.json | --field name=value …
import { ENTRY_KINDS, addEntries, describeEntry, isEntryKind, issueEntry, parseDidKey, serializePassport, type EntryKind } from '../api.js';
import { dateTimeStampFromText } from '../../internal/time.js';
import { colour, line, printJson, readJson, Refusal, safeJson, say, UsageError, writeText } from '../io.js';
import { didYouMean } from '../suggest.js';
import { kindFields } from './kinds.js';
import { loadIssuerWithProfile, readPassportFile } from '../load.js';
import type { Command } from '../types.js';
import { issueCsvOptions, issueFromCsv } from './issue-csv.js';
import { allocateStatus, readStatusState, writeStatusState } from '../status-state.js';

/**
 * Builds a fields object from --field flags: `name=text` gives a string, `name:=json` a JSON
 * value (numbers, lists); dotted names nest (`awardingBody.name=City & Guilds`).
 */
export function fieldsFromFlags(flags: string[]): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const flag of flags) {
    const eq = flag.indexOf('=');
    if (eq < 1) throw new UsageError(`--field must look like name=value or name:=json (got "${flag}")`, 'ERR_FLAG_VALUE');
    const asJson = flag[eq - 1] === ':';
    const path = flag.slice(0, asJson ? eq - 1 : eq).split('.');
    let raw: unknown = flag.slice(eq + 1);
    if (asJson) {
      try {
        raw = JSON.parse(raw as string);
      } catch {
        throw new UsageError(`--field ${path.join('.')}:= needs a JSON value (got "${String(raw)}"; text needs = not :=)`, 'ERR_FLAG_VALUE');
      }
    }
    let target = fields;
    for (const part of path.slice(0, -1)) {
      if (part === '__proto__' || part === 'constructor' || part === 'prototype') throw new UsageError(`bad field name "${part}"`, 'ERR_FLAG_VALUE');
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
    'issue <kind> --key <issuer.key.json> (--fields <fields.json> | --field name=text | --field name:=json …) [--holder <did>] [--supersedes <cid>] [--valid-from YYYY-MM-DD] [--status state.json] [-o entry.json] [--passport p.json [--allow-other-holder]]',
    'issue --csv <results.csv> --kind <kind> --key <issuer.key.json> (--map "Column=field[:number|list|json]" … | --mapping map.json) [--field name=value …] --out-dir <folder> [--output entries|passports] [--status state.json] [--report r.json]',
  ],
  examples: [
    'learning-passport issue course-completion --key leeds.key.json --holder did:key:z6Mk… --field title="Barista Skills" --field provider="Leeds Learning Centre" --field completedOn=2026-11-20 --field outcome=completed --passport amira.passport.json',
    'learning-passport issue qualification --key cg.key.json --fields maths.fields.json -o maths.json',
    'learning-passport issue course-completion --key leeds.key.json --passport amira.passport.json --field title="Barista skills" --field provider="Leeds Learning Centre" --field completedOn=2026-03 --field outcome=completed --status leeds-status.state.json',
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
    'allow-other-holder': { type: 'boolean' },
    force: { type: 'boolean' },
    'passphrase-file': { type: 'string' },
    ...issueCsvOptions,
  },
  async run(context) {
    const { positionals, values, json } = context;
    if (typeof values.csv === 'string') return issueFromCsv(context, fieldsFromFlags((values.field as string[]) ?? []));
    const kind = positionals[0];
    if (!kind) throw new UsageError(`issue needs a kind: ${ENTRY_KINDS.join(', ')}`, 'ERR_USAGE');
    if (!isEntryKind(kind)) {
      throw new UsageError(
        `"${kind}" is not an entry kind${didYouMean(kind, ENTRY_KINDS)}; run "learning-passport kinds" for the list`,
        'ERR_ENTRY_KIND_UNKNOWN',
      );
    }
    if (typeof values.fields === 'string' && values.field !== undefined) throw new UsageError('give --fields <file> or --field flags, not both', 'ERR_USAGE');
    const fields = typeof values.fields === 'string' ? readJson(values.fields, 'fields file') : fieldsFromFlags((values.field as string[]) ?? []);
    checkFieldNames(kind, fields, typeof values.fields === 'string' ? values.fields : undefined);
    const validFrom = dateFlag(values, 'valid-from');
    const validUntil = dateFlag(values, 'valid-until');
    const passport = typeof values.passport === 'string' ? readPassportFile(values.passport) : undefined;
    const passportHolder = passport ? passport.holder : undefined;
    // Issuing into a passport binds the entry to its holder unless --holder says otherwise.
    if (typeof values.holder === 'string') checkHolder(values.holder);
    const holder = typeof values.holder === 'string' ? values.holder : passportHolder?.startsWith('did:') ? passportHolder : undefined;
    // --status: the next free index of a status list, read before the passphrase is asked for.
    const statusPath = typeof values.status === 'string' ? values.status : undefined;
    const status = statusPath !== undefined ? readStatusState(statusPath) : undefined;
    const credentialStatus = status ? allocateStatus(status, statusPath!) : undefined;
    const { key, profile } = await loadIssuerWithProfile(values);
    const entry = await issueEntry(kind as EntryKind, fields as never, {
      issuer: profile,
      key,
      ...(credentialStatus ? { credentialStatus } : {}),
      ...(holder ? { holder } : {}),
      ...(typeof values.supersedes === 'string' ? { supersedes: values.supersedes } : {}),
      ...(validFrom ? { validFrom } : {}),
      ...(validUntil ? { validUntil } : {}),
    });
    let updated: string | undefined;
    if (passport) {
      const result = await addEntries(passport, [entry], { allowOtherHolder: values['allow-other-holder'] === true });
      const rejected = result.rejected[0];
      if (rejected) {
        const hint = rejected.code === 'ERR_ENTRY_SUBJECT_NOT_HOLDER' ? ' (check --holder and --passport; --allow-other-holder adds it anyway)' : '';
        throw new Refusal(`not added to ${values.passport}: ${rejected.message}${hint}; nothing was written`, rejected.code);
      }
      updated = serializePassport(result.passport);
    }
    // The state before the entry: an index in a written entry is never handed out again.
    if (status) writeStatusState(statusPath!, status);
    const text = `${JSON.stringify(entry, null, 2)}\n`;
    if (typeof values.out === 'string') writeText(values.out, text, values.force === true);
    if (updated !== undefined) writeText(values.passport as string, updated, true);
    if (json) printJson(entry);
    else if (typeof values.out !== 'string' && typeof values.passport !== 'string') process.stdout.write(`${safeJson(entry)}\n`);
    else say(line`${colour.green('✓')} ${describeEntry(entry)}`);
    return 0;
  },
};

/** A date flag as a dateTimeStamp: YYYY-MM-DD or a full date-time with a time zone, a real day. */
export function dateFlag(values: Record<string, unknown>, flag: string): string | undefined {
  const value = values[flag];
  if (value === undefined) return undefined;
  const stamp = dateTimeStampFromText(value);
  if (stamp === undefined) {
    throw new UsageError(
      `--${flag} must be a real day as YYYY-MM-DD, or a date-time with a time zone such as 2026-03-03T10:00:00Z (got "${String(value)}")`,
      'ERR_DATE_INVALID',
    );
  }
  return stamp;
}

/** --holder: a well-formed did:key (as the bulk path requires of its holder column), or another URI. */
export function checkHolder(holder: string): void {
  if (holder.startsWith('did:key:')) {
    try {
      parseDidKey(holder);
      return;
    } catch {
      throw new UsageError(
        `--holder "${holder}" is not a valid did:key (a learner’s looks like did:key:z6Mk… and is printed by "keys show <learner.key.json>")`,
        'ERR_FLAG_VALUE',
      );
    }
  }
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(holder)) {
    throw new UsageError(`--holder "${holder}" is not the learner’s id: give their did:key (did:key:z6Mk…) or another URI`, 'ERR_FLAG_VALUE');
  }
}

/** Unknown field names, with the nearest known one: before any passphrase is asked for. */
function checkFieldNames(kind: EntryKind, fields: unknown, file: string | undefined): void {
  if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) {
    const what = Array.isArray(fields) ? 'a list' : fields === null ? 'null' : typeof fields;
    throw new UsageError(`${file ?? 'the fields'} must be one JSON object of ${kind} fields, not ${what}`, 'ERR_SCHEMA_INVALID');
  }
  const record = fields as Record<string, unknown>;
  if (record.type === 'LearningPassport' || '@context' in record || 'proof' in record) {
    throw new UsageError(
      `${file ?? 'the fields'} is a ${record.type === 'LearningPassport' ? 'passport' : 'signed credential'}, not the fields of a new entry; run "learning-passport kinds ${kind}" for the fields`,
      'ERR_SCHEMA_INVALID',
    );
  }
  const known = kindFields(kind).map((f) => f.name);
  const tops = [...new Set(known.map((n) => n.split('.')[0]!))];
  const given = Object.entries(record).flatMap(([k, v]) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) && known.some((n) => n.startsWith(`${k}.`)) ? Object.keys(v).map((c) => `${k}.${c}`) : [k],
  );
  for (const [k, v] of Object.entries(record)) {
    if (typeof v === 'string' && !known.includes(k) && known.some((n) => n.startsWith(`${k}.`))) {
      const parts = known.filter((n) => n.startsWith(`${k}.`));
      throw new UsageError(`${k} is a group of fields (${parts.join(', ')}): give --field ${parts[0]}=… (or ${k}:={…} as JSON)`, 'ERR_SCHEMA_INVALID');
    }
  }
  for (const name of given) {
    if (known.includes(name) || tops.includes(name)) continue;
    throw new UsageError(
      `${kind} has no field "${name}"${didYouMean(name, known.concat(tops))}; run "learning-passport kinds ${kind}" for its fields`,
      'ERR_SCHEMA_INVALID',
    );
  }
}
