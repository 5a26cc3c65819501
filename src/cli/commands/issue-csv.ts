// learning-passport issue --csv results.csv --kind <kind> --map Column=field … --out-dir out/
// Bulk issuing from a spreadsheet: one entry per row, one output file per learner, a report.
// A bad row is reported with its line number and reason and never stops the good rows; every
// file is written atomically (temporary file, then rename).
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import {
  addEntries,
  createPassport,
  entryId,
  ENTRY_KINDS,
  isEntryKind,
  isPassportError,
  issueEntry,
  parseDidKey,
  serializePassport,
  type EntryKind,
  type SignedEntry,
} from '../api.js';
import { isPlainObject } from '../../internal/json.js';
import { colour, line, printJson, readJson, readText, say, UsageError, warn } from '../io.js';
import { loadIssuerWithProfile, readPassportFile, writeAtomic } from '../load.js';
import { didYouMean } from '../suggest.js';
import { kindFields } from './kinds.js';
import { allocateStatus, readStatusState, writeStatusState } from '../status-state.js';
import { issueAll, reasonOf, type IssueJob, type IssueOutcome } from './issue-workers.js';
import type { CommandContext } from '../types.js';

/** How a cell becomes a field value. */
type CellType = 'text' | 'number' | 'list' | 'json';
interface ColumnMapping {
  column: string;
  /** A dotted field path, or one of the options: holder, validFrom, validUntil, supersedes. */
  field: string;
  type: CellType;
}

/** Fields that are issuing options rather than entry fields. */
const OPTION_FIELDS = new Set(['holder', 'validFrom', 'validUntil', 'supersedes']);
const UNSAFE = new Set(['__proto__', 'constructor', 'prototype']);

function mappingOf(spec: string, column: string): ColumnMapping {
  const [field, type = 'text'] = spec.split(':');
  if (!field || field.split('.').some((p) => p === '' || UNSAFE.has(p))) throw new UsageError(`--map ${column}=${spec}: bad field name`);
  if (!['text', 'number', 'list', 'json'].includes(type))
    throw new UsageError(`--map ${column}=${spec}: the type after ":" must be text, number, list or json`);
  return { column, field, type: type as CellType };
}

/** The mapping from `--mapping map.json` ({ kind?, columns: { Column: "field[:type]" }, fields?: {…} }) and `--map` flags. */
function readMapping(values: Record<string, unknown>): { kind?: string; columns: ColumnMapping[]; constants: Record<string, unknown> } {
  const columns: ColumnMapping[] = [];
  let kind: string | undefined;
  let constants: Record<string, unknown> = {};
  if (typeof values.mapping === 'string') {
    const file = readJson(values.mapping, 'mapping file');
    if (!isPlainObject(file) || !isPlainObject(file.columns))
      throw new UsageError(`${values.mapping} must be { "columns": { "Column name": "field" }, "kind"?: "…", "fields"?: { … } }`);
    if (typeof file.kind === 'string') kind = file.kind;
    for (const [column, spec] of Object.entries(file.columns)) {
      if (typeof spec !== 'string') throw new UsageError(`${values.mapping}: the mapping of "${column}" must be a field name`);
      columns.push(mappingOf(spec, column));
    }
    if (file.fields !== undefined) {
      if (!isPlainObject(file.fields)) throw new UsageError(`${values.mapping}: "fields" must be an object of values for every row`);
      constants = file.fields;
    }
  }
  for (const flag of (values.map as string[] | undefined) ?? []) {
    const eq = flag.lastIndexOf('=');
    if (eq < 1) throw new UsageError(`--map must look like "Column name=field" (got "${flag}")`);
    columns.push(mappingOf(flag.slice(eq + 1).trim(), flag.slice(0, eq).trim()));
  }
  if (columns.length === 0) throw new UsageError('issue --csv needs a mapping: --map "Column=field" … or --mapping map.json');
  return { ...(kind ? { kind } : {}), columns, constants };
}

function cellValue(raw: string, type: CellType): unknown {
  switch (type) {
    case 'number': {
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n)) throw new TypeError(`"${raw.slice(0, 40)}" is not a number`);
      return n;
    }
    case 'list':
      return raw
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean);
    case 'json':
      try {
        return JSON.parse(raw);
      } catch {
        throw new TypeError(`"${raw.slice(0, 40)}" is not JSON`);
      }
    default:
      return raw;
  }
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let at = target;
  for (const part of parts.slice(0, -1)) {
    const next = at[part];
    at = (at[part] = isPlainObject(next) ? { ...next } : {}) as Record<string, unknown>;
  }
  at[parts.at(-1)!] = value;
}

/** A file name for a holder: the DID with anything but letters, digits, dot and dash replaced. */
export function holderFileName(holder: string): string {
  return holder.replace(/[^A-Za-z0-9.-]+/g, '_').slice(0, 200);
}

/** A progress bar on standard error, only on a terminal. */
function progressBar(total: number): (done: number) => void {
  if (!process.stderr.isTTY || total === 0) return () => {};
  let last = 0;
  return (done) => {
    const now = Date.now();
    if (done !== total && now - last < 100) return;
    last = now;
    const width = 30;
    const filled = Math.round((done / total) * width);
    process.stderr.write(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total} rows${done === total ? '\n' : ''}`);
  };
}

/** The report written beside the outputs (and printed with --json). rows = issued + skipped + failed. */
export interface BulkIssueReport {
  csv: string;
  kind: string;
  rows: number;
  /** Rows whose entry was written. */
  issued: number;
  /** Rows already issued: the same entry by this key for this learner is in the output folder (or earlier in the sheet). */
  skipped: number;
  /** Rows that failed, each listed in `failures`. */
  failed: number;
  outputs: { holder: string; file: string; entries: number }[];
  failures: { row: number; code?: string; reason: string }[];
  duplicates: { row: number; cid: string }[];
}

/** Mapped and constant field names the kind does not have: refused before any row, with the nearest name. */
function checkFieldNames(kind: EntryKind, columns: ColumnMapping[], constants: Record<string, unknown>): void {
  const known = kindFields(kind).map((f) => f.name);
  const tops = [...new Set(known.map((n) => n.split('.')[0]!))];
  const ok = (name: string) => known.includes(name) || tops.includes(name) || OPTION_FIELDS.has(name);
  for (const c of columns) {
    if (!ok(c.field))
      throw new UsageError(
        `--map ${c.column}=${c.field}: ${kind} has no field "${c.field}"${didYouMean(c.field, [...known, ...tops, ...OPTION_FIELDS])}; run "learning-passport kinds ${kind}" for its fields`,
        'ERR_SCHEMA_INVALID',
      );
  }
  for (const name of Object.keys(constants)) {
    if (!ok(name))
      throw new UsageError(
        `--field ${name}: ${kind} has no field "${name}"${didYouMean(name, [...known, ...tops])}; run "learning-passport kinds ${kind}" for its fields`,
        'ERR_SCHEMA_INVALID',
      );
  }
}

/** JSON with sorted keys: two entries saying the same thing give the same text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isPlainObject(value))
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

/**
 * What makes a row's entry "the same entry again": its issuer, its learner and what it says
 * (kind and fields, end of validity). Its id, proof and time of signing differ on every run.
 */
function sameness(entry: unknown): string | undefined {
  if (!isPlainObject(entry) || !isPlainObject(entry.credentialSubject)) return undefined;
  const issuer = isPlainObject(entry.issuer) ? entry.issuer.id : entry.issuer;
  const lp = entry.credentialSubject.learningPassport;
  if (!isPlainObject(lp)) return undefined;
  return canonical([issuer, entry.credentialSubject.id, lp, entry.validUntil ?? null]);
}

/**
 * Runs `issue --csv`. `constants` are the `--field` values, the same for every row.
 */
export async function issueFromCsv({ positionals, values, json }: CommandContext, constants: Record<string, unknown>): Promise<number> {
  const csvPath = values.csv as string;
  const mapping = readMapping(values);
  const kind = (typeof values.kind === 'string' ? values.kind : positionals[0]) ?? mapping.kind;
  if (!kind || !isEntryKind(kind)) throw new UsageError(`issue --csv needs --kind: ${ENTRY_KINDS.join(', ')}`);
  const outDir = typeof values['out-dir'] === 'string' ? values['out-dir'] : undefined;
  if (!outDir) throw new UsageError('issue --csv needs --out-dir <folder> for the per-learner files and the report');
  const output = (values.output ?? 'entries') as 'entries' | 'passports';
  if (output !== 'entries' && output !== 'passports')
    throw new UsageError(`--output must be entries or passports${didYouMean(String(output), ['entries', 'passports'])}`, 'ERR_FLAG_VALUE');
  checkFieldNames(kind, mapping.columns, { ...mapping.constants, ...constants });
  if (!mapping.columns.some((c) => c.field === 'holder') && typeof values.holder !== 'string') {
    throw new UsageError('issue --csv needs to know each row’s learner: map a column to "holder" (--map "Learner DID=holder")');
  }

  let rows: { record: string[]; info: { lines: number } }[];
  let header: string[];
  try {
    const parsed = parse(readText(csvPath, 'CSV file'), { bom: true, skip_empty_lines: true, relax_column_count: true, info: true, trim: true }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    header = parsed[0]?.record ?? [];
    rows = parsed.slice(1);
  } catch (err) {
    throw new UsageError(`${csvPath} is not a readable CSV file: ${(err as Error).message}`);
  }
  const missing = mapping.columns.filter((c) => !header.includes(c.column));
  if (missing.length)
    throw new UsageError(
      `${csvPath} has no column ${missing.map((c) => `"${c.column}"`).join(', ')}; its columns are: ${header.map((h) => `"${h}"`).join(', ')}`,
    );
  const positions = mapping.columns.map((c) => ({ ...c, at: header.indexOf(c.column) }));
  // Values for every row: the mapping file's "fields", then --field flags over them.
  const fixed = { ...mapping.constants, ...constants };

  const { key, profile } = await loadIssuerWithProfile(values);
  const statusPath = typeof values.status === 'string' ? values.status : undefined;
  const status = statusPath !== undefined ? readStatusState(statusPath) : undefined;

  const byHolder = new Map<string, { row: number; entry: SignedEntry }[]>();
  const failures: BulkIssueReport['failures'] = [];
  const duplicates: BulkIssueReport['duplicates'] = [];
  // Per learner: the file this run writes to, and what it already holds (read once, on the
  // learner's first entry). A file that cannot be read fails that learner's rows, naming it; the
  // other learners' rows go on.
  type Target = { file: string; seen: Map<string, unknown>; passport?: ReturnType<typeof readPassportFile>; earlier?: unknown[]; broken?: string };
  const targets = new Map<string, Target>();
  const targetOf = (holder: string): Target => {
    let t = targets.get(holder);
    if (t) return t;
    const file = join(outDir, `${holderFileName(holder)}.${output === 'passports' ? 'passport' : 'entries'}.json`);
    t = { file, seen: new Map() };
    targets.set(holder, t);
    try {
      if (output === 'entries') {
        const earlier = existsSync(file) ? readJson(file, 'entries file') : [];
        if (!Array.isArray(earlier)) throw new UsageError(`${file} is not a list of entries`);
        t.earlier = earlier;
      } else {
        t.passport = existsSync(file) ? readPassportFile(file) : createPassport({ holder });
      }
      for (const e of t.earlier ?? t.passport?.entries ?? []) {
        const same = sameness(e);
        if (same) t.seen.set(same, e);
      }
    } catch (err) {
      t.broken = `${file} cannot be read, so nothing was added to it: ${(err as Error).message}`;
    }
    return t;
  };
  let done = 0;
  const bar = progressBar(rows.length);
  const tick = (n: number) => bar((done += n));
  // First every row becomes fields and options (cheap, in order); then they are signed.
  const jobs: IssueJob[] = [];
  for (const { record, info } of rows) {
    const row = info.lines;
    try {
      if (record.length !== header.length) throw new TypeError(`it has ${record.length} cells; the header has ${header.length}`);
      const built = issueRow(positions, record, fixed, values);
      jobs.push({ row, fields: built.fields, options: built.options });
    } catch (err) {
      failures.push({ row, ...reasonOf(err) });
      tick(1);
    }
  }
  let outcomes: IssueOutcome[];
  if (status) {
    // Status indexes are handed out in row order, one thread: a row that fails gives its index
    // back, so the next row gets it.
    outcomes = [];
    for (const job of jobs) {
      const credentialStatus = allocateStatus(status, statusPath!);
      try {
        outcomes.push({
          row: job.row,
          entry: await issueEntry(kind as EntryKind, job.fields as never, { ...job.options, credentialStatus, issuer: profile, key }),
        });
      } catch (err) {
        status.next -= 1;
        outcomes.push({ row: job.row, failure: reasonOf(err) });
      }
      tick(1);
    }
  } else {
    outcomes = await issueAll(kind as EntryKind, key, profile, jobs, tick);
  }
  const holderOfRow = new Map(jobs.map((job) => [job.row, job.options.holder as string]));
  for (const outcome of outcomes) {
    if ('failure' in outcome) {
      failures.push({ row: outcome.row, ...outcome.failure });
      continue;
    }
    const holder = holderOfRow.get(outcome.row)!;
    const target = targetOf(holder);
    if (target.broken) {
      failures.push({ row: outcome.row, reason: target.broken });
      continue;
    }
    // The same entry again (a sheet run twice, a row repeated): skipped, never a second copy.
    const same = sameness(outcome.entry);
    const earlier = same !== undefined ? target.seen.get(same) : undefined;
    if (earlier !== undefined) {
      duplicates.push({ row: outcome.row, cid: entryId(earlier as object) });
      continue;
    }
    if (same !== undefined) target.seen.set(same, outcome.entry);
    const list = byHolder.get(holder);
    if (list) list.push({ row: outcome.row, entry: outcome.entry });
    else byHolder.set(holder, [{ row: outcome.row, entry: outcome.entry }]);
  }

  // The state first: an index written into an entry is never handed out again, even if writing
  // the outputs fails (a wasted index is harmless; a shared one would revoke two entries).
  if (status && statusPath !== undefined) writeStatusState(statusPath, status);
  mkdirSync(outDir, { recursive: true });
  const outputs: BulkIssueReport['outputs'] = [];
  let issuedCount = 0;
  for (const [holder, issued] of byHolder) {
    const target = targets.get(holder)!;
    const file = target.file;
    if (output === 'entries') {
      // New entries for this holder, added to any the same folder already holds for them.
      writeAtomic(file, `${JSON.stringify([...(target.earlier ?? []), ...issued.map((x) => x.entry)], null, 2)}\n`);
      outputs.push({ holder, file, entries: issued.length });
      issuedCount += issued.length;
      continue;
    }
    const result = await addEntries(
      target.passport!,
      issued.map((x) => x.entry),
    );
    const rowOf = new Map(issued.map((x) => [entryId(x.entry), x.row]));
    for (const r of result.rejected) {
      const row = (r.cid !== undefined ? rowOf.get(r.cid) : undefined) ?? 0;
      failures.push({ row, code: r.code, reason: `not added to ${file}: ${r.message}` });
    }
    if (result.added.length > 0) {
      writeAtomic(file, serializePassport(result.passport));
      outputs.push({ holder, file, entries: result.added.length });
    }
    issuedCount += result.added.length;
  }

  failures.sort((a, b) => a.row - b.row);
  const failedRows = new Set(failures.map((f) => f.row)).size;
  const report: BulkIssueReport = {
    csv: csvPath,
    kind,
    rows: rows.length,
    issued: issuedCount,
    skipped: duplicates.length,
    failed: failedRows,
    outputs,
    failures,
    duplicates,
  };
  const reportPath = typeof values.report === 'string' ? values.report : join(outDir, 'report.json');
  writeAtomic(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  if (json) printJson(report);
  else {
    // ✓ only when every row is done: a run that issued nothing, or left rows out, does not get one.
    const headMark = failures.length === 0 ? colour.green('✓') : issuedCount > 0 ? colour.yellow('!') : colour.red('✗');
    const skippedWords = duplicates.length ? `; ${duplicates.length} already issued (skipped)` : '';
    const failedWords = failedRows ? `; ${failedRows} failed` : '';
    say(
      line`${headMark} ${issuedCount} of ${rows.length} rows issued for ${outputs.length} learner(s)${skippedWords}${failedWords} → ${outDir} (report: ${reportPath})`,
    );
    for (const d of duplicates) warn(line`${colour.yellow('=')} row ${d.row}: already issued (${d.cid}); skipped`);
    for (const f of failures) warn(line`${colour.red('✗')} row ${f.row}: ${f.reason}${f.code ? ` [${f.code}]` : ''}`);
    if (output === 'entries' && outputs.length > 0)
      say(line`  Put each learner's entries into their passport: learning-passport passport add <learner.passport.json> ${outputs[0]!.file}`);
  }
  return failures.length > 0 ? 1 : 0;
}

/** Learners' DIDs already checked in this run (a class has many rows per learner). */
const knownLearners = new Set<string>();

function issueRow(
  positions: (ColumnMapping & { at: number })[],
  record: string[],
  constants: Record<string, unknown>,
  values: Record<string, unknown>,
): { fields: Record<string, unknown>; options: { holder?: string; validFrom?: string; validUntil?: string; supersedes?: string } } {
  // A shallow copy is enough: setPath copies every object on the path it writes to, so the
  // constants shared by every row are never changed (a deep clone per row cost more than hashing).
  const fields: Record<string, unknown> = { ...constants };
  const options: { holder?: string; validFrom?: string; validUntil?: string; supersedes?: string } = {
    ...(typeof values.holder === 'string' ? { holder: values.holder } : {}),
  };
  for (const p of positions) {
    const raw = record[p.at] ?? '';
    if (raw === '') continue;
    if (OPTION_FIELDS.has(p.field)) {
      options[p.field as keyof typeof options] = raw;
      continue;
    }
    try {
      setPath(fields, p.field, cellValue(raw, p.type));
    } catch (err) {
      throw new TypeError(`column "${p.column}": ${(err as Error).message}`);
    }
  }
  if (!options.holder) throw new TypeError('no learner: the holder column is empty');
  // A mistyped did:key would make an entry nobody can present: refuse it here.
  if (options.holder.startsWith('did:key:') && !knownLearners.has(options.holder)) {
    try {
      parseDidKey(options.holder);
    } catch {
      throw new TypeError(`the learner "${options.holder.slice(0, 60)}" is not a valid did:key (a typing mistake?)`);
    }
    knownLearners.add(options.holder);
  }
  return { fields, options };
}

/** Flags `issue --csv` adds to `issue`. */
export const issueCsvOptions = {
  csv: { type: 'string' },
  kind: { type: 'string' },
  map: { type: 'string', multiple: true },
  mapping: { type: 'string' },
  'out-dir': { type: 'string' },
  output: { type: 'string' },
  report: { type: 'string' },
  status: { type: 'string' },
} as const;
