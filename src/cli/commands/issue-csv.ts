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
} from '../../index.js';
import { statusEntry, type StatusPurpose } from '../../trust.js';
import { isPlainObject } from '../../internal/json.js';
import { colour, printJson, readJson, readText, UsageError } from '../io.js';
import { loadIssuerWithProfile, readPassportFile, writeAtomic } from '../load.js';
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
  if (!['text', 'number', 'list', 'json'].includes(type)) throw new UsageError(`--map ${column}=${spec}: the type after ":" must be text, number, list or json`);
  return { column, field, type: type as CellType };
}

/** The mapping from `--mapping map.json` ({ kind?, columns: { Column: "field[:type]" }, fields?: {…} }) and `--map` flags. */
function readMapping(values: Record<string, unknown>): { kind?: string; columns: ColumnMapping[]; constants: Record<string, unknown> } {
  const columns: ColumnMapping[] = [];
  let kind: string | undefined;
  let constants: Record<string, unknown> = {};
  if (typeof values.mapping === 'string') {
    const file = readJson(values.mapping, 'mapping file');
    if (!isPlainObject(file) || !isPlainObject(file.columns)) throw new UsageError(`${values.mapping} must be { "columns": { "Column name": "field" }, "kind"?: "…", "fields"?: { … } }`);
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
      return raw.split(';').map((s) => s.trim()).filter(Boolean);
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

/** Why a row failed, in plain words with the field paths. */
function reasonOf(err: unknown): { code?: string; reason: string } {
  if (isPassportError(err)) {
    const issues = (err.details as { issues?: { path?: string; message?: string }[] } | undefined)?.issues;
    const detail = issues?.length ? issues.map((i) => `${i.path ? `${i.path}: ` : ''}${i.message ?? ''}`).join('; ') : err.message;
    return { code: err.code, reason: detail };
  }
  return { reason: err instanceof Error ? err.message : String(err) };
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

interface StatusState {
  type: 'LearningPassportStatusListState';
  url: string;
  purpose: StatusPurpose;
  length: number;
  next: number;
}

/** The report written beside the outputs (and printed with --json). */
export interface BulkIssueReport {
  csv: string;
  kind: string;
  rows: number;
  issued: number;
  failed: number;
  outputs: { holder: string; file: string; entries: number }[];
  failures: { row: number; code?: string; reason: string }[];
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
  if (output !== 'entries' && output !== 'passports') throw new UsageError('--output must be entries or passports');
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
  if (missing.length) throw new UsageError(`${csvPath} has no column ${missing.map((c) => `"${c.column}"`).join(', ')}; its columns are: ${header.map((h) => `"${h}"`).join(', ')}`);
  const positions = mapping.columns.map((c) => ({ ...c, at: header.indexOf(c.column) }));
  // Values for every row: the mapping file's "fields", then --field flags over them.
  const fixed = { ...mapping.constants, ...constants };

  const { key, profile } = await loadIssuerWithProfile(values);
  let status: StatusState | undefined;
  if (typeof values.status === 'string') {
    status = readJson(values.status, 'status state file') as StatusState;
    if (status?.type !== 'LearningPassportStatusListState') throw new UsageError(`${values.status} is not a status state file (make one with "status create")`);
  }

  const byHolder = new Map<string, { row: number; entry: SignedEntry }[]>();
  const failures: BulkIssueReport['failures'] = [];
  const tick = progressBar(rows.length);
  for (const [i, { record, info }] of rows.entries()) {
    const row = info.lines;
    try {
      if (record.length !== header.length) throw new TypeError(`it has ${record.length} cells; the header has ${header.length}`);
      const built = issueRow(positions, record, fixed, values);
      const credentialStatus = status ? allocate(status) : undefined;
      const entry = await issueEntry(kind as EntryKind, built.fields as never, {
        issuer: profile,
        key,
        ...built.options,
        ...(credentialStatus ? { credentialStatus } : {}),
      });
      const holder = built.options.holder!;
      byHolder.set(holder, [...(byHolder.get(holder) ?? []), { row, entry }]);
    } catch (err) {
      failures.push({ row, ...reasonOf(err) });
    }
    tick(i + 1);
  }

  mkdirSync(outDir, { recursive: true });
  const outputs: BulkIssueReport['outputs'] = [];
  for (const [holder, issued] of byHolder) {
    const file = join(outDir, `${holderFileName(holder)}.${output === 'passports' ? 'passport' : 'entries'}.json`);
    if (output === 'entries') {
      // New entries for this holder, added to any the same folder already holds for them.
      const earlier = existsSync(file) ? (readJson(file, 'entries file') as unknown[]) : [];
      writeAtomic(file, `${JSON.stringify([...(Array.isArray(earlier) ? earlier : []), ...issued.map((x) => x.entry)], null, 2)}\n`);
      outputs.push({ holder, file, entries: issued.length });
      continue;
    }
    const passport = existsSync(file) ? readPassportFile(file) : createPassport({ holder });
    const result = await addEntries(passport, issued.map((x) => x.entry));
    const rowOf = new Map(issued.map((x) => [entryId(x.entry), x.row]));
    for (const r of result.rejected) {
      const row = (r.cid !== undefined ? rowOf.get(r.cid) : undefined) ?? 0;
      failures.push({ row, code: r.code, reason: `not added to ${file}: ${r.message}` });
    }
    writeAtomic(file, serializePassport(result.passport));
    outputs.push({ holder, file, entries: result.added.length });
  }
  if (status && typeof values.status === 'string') writeAtomic(values.status, `${JSON.stringify(status, null, 2)}\n`);

  failures.sort((a, b) => a.row - b.row);
  const issuedCount = [...byHolder.values()].reduce((n, x) => n + x.length, 0);
  const report: BulkIssueReport = { csv: csvPath, kind, rows: rows.length, issued: issuedCount, failed: failures.length, outputs, failures };
  const reportPath = typeof values.report === 'string' ? values.report : join(outDir, 'report.json');
  writeAtomic(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  if (json) printJson(report);
  else {
    console.log(`${colour.green('✓')} ${issuedCount} of ${rows.length} rows issued for ${outputs.length} learner(s) → ${outDir} (report: ${reportPath})`);
    for (const f of failures) console.error(`${colour.red('✗')} row ${f.row}: ${f.reason}${f.code ? ` [${f.code}]` : ''}`);
  }
  return failures.length > 0 ? 1 : 0;
}

function allocate(status: StatusState): ReturnType<typeof statusEntry> {
  if (status.next >= status.length) throw new TypeError('the status list is full: create another ("status create")');
  const entry = statusEntry({ listUrl: status.url, index: status.next, purpose: status.purpose });
  status.next += 1;
  return entry;
}

function issueRow(
  positions: (ColumnMapping & { at: number })[],
  record: string[],
  constants: Record<string, unknown>,
  values: Record<string, unknown>,
): { fields: Record<string, unknown>; options: { holder?: string; validFrom?: string; validUntil?: string; supersedes?: string } } {
  const fields: Record<string, unknown> = structuredClone(constants);
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
  if (options.holder.startsWith('did:key:')) {
    try {
      parseDidKey(options.holder);
    } catch {
      throw new TypeError(`the learner "${options.holder.slice(0, 60)}" is not a valid did:key (a typing mistake?)`);
    }
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

