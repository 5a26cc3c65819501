// Input and output for the command line: clear messages for missing files and bad JSON, colours
// only on a terminal, machine-readable JSON when asked, and text from files printed as data —
// never as terminal control (an issuer name holding ESC[2K and a fake "✓ Valid" line must show
// as the escape it is, not rewrite the screen).
import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Exit codes (documented in the README). */
export const EXIT = { valid: 0, invalid: 1, usage: 2, cantCheck: 3 } as const;

/** The exit codes in words, for `--help` (the README's "Exit codes" says the same at length). */
export const EXIT_CODES = [
  'Exit codes:',
  '  0  valid, or done (verify: every current entry is valid)',
  '  1  not valid, or refused (verify: something is wrong: altered, withdrawn, expired, not accredited, a damaged file)',
  '  2  usage or input error (unknown command or flag, missing file, wrong passphrase, a bad date)',
  '  3  can’t check (verify: nothing is wrong, but something is missing: the trust list or roots, an accreditation, a status list)',
];

/**
 * A mistake in how the command was called or in its input files: exit code 2. `code` is the
 * stable code `--json` errors carry.
 */
export class UsageError extends Error {
  readonly code: string;
  constructor(message: string, code = 'ERR_USAGE') {
    super(message);
    this.code = code;
  }
}

/**
 * The command understood what was asked and refuses to do it (the key has no authority over the
 * target, or nothing would change): exit code 1, like an invalid verification.
 */
export class Refusal extends Error {
  readonly code: string;
  constructor(message: string, code: string) {
    super(message);
    this.code = code;
  }
}

// ——— Output as data ———

// C0 controls but tab and newline, DEL, C1 controls (U+009B is a one-byte CSI on some terminals),
// bidirectional overrides and isolates (text that reads differently from what it is), and the
// Unicode line and paragraph separators.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069]/g;
const CONTROL_OR_NEWLINE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069]/g;
const visible = (c: string): string => {
  const code = c.charCodeAt(0);
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

/**
 * A value from a file or a flag, made safe to print on one line: every control character
 * (including ESC, CR and newline), bidirectional override and line separator becomes a visible
 * escape such as `\x1b`. Long values are cut to `max` characters.
 *
 * @example
 * ```ts
 * clean('Fake\u001b[2K✓ Valid'); // 'Fake\\x1b[2K✓ Valid'
 * ```
 */
export function clean(value: unknown, max = 2000): string {
  const text = String(value);
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return cut.replace(CONTROL_OR_NEWLINE, visible);
}

const tty = (stream: NodeJS.WriteStream) => stream.isTTY === true && !process.env.NO_COLOR;

/** Text in a colour: kept apart from plain text until printed, so data can never carry colour codes. */
class Styled {
  constructor(
    readonly text: string,
    readonly sgr: number,
  ) {}
  toString(): string {
    return this.text;
  }
}

const paint = (sgr: number) => (text: unknown) => new Styled(String(text), sgr);
/** Colours for {@link line}: applied only on a terminal, and only to text the tool wrote. */
export const colour = { green: paint(32), red: paint(31), yellow: paint(33), dim: paint(2), bold: paint(1) };

/** A line part: plain text (cleaned when printed) or a colour. */
export type Part = string | Styled;

/**
 * Builds one printed line from a template: the literal parts are the tool's own words; every
 * interpolated value is data and is {@link clean}ed (newlines included), except colours from
 * {@link colour}, whose text is cleaned and painted.
 *
 * @example
 * ```ts
 * say(line`${colour.green('✓')} ${entry.title} — ${issuerName}`);
 * ```
 */
export function line(strings: TemplateStringsArray, ...values: unknown[]): Part[] {
  const parts: Part[] = [];
  strings.forEach((s, i) => {
    parts.push(s);
    if (i < values.length) {
      const v = values[i];
      if (v instanceof Styled) parts.push(new Styled(clean(v.text), v.sgr));
      else if (Array.isArray(v) && v.every((p) => typeof p === 'string' || p instanceof Styled)) parts.push(...(v as Part[]));
      else parts.push(clean(v));
    }
  });
  return parts;
}

function render(parts: Part[] | string, stream: NodeJS.WriteStream): string {
  const list = typeof parts === 'string' ? [parts] : parts;
  const colours = tty(stream);
  // The tool's own words may hold newlines; anything else that could drive the terminal is
  // escaped here as a last line of defence.
  return list
    .map((p) =>
      p instanceof Styled
        ? colours
          ? `\u001b[${p.sgr}m${p.text.replace(CONTROL, visible)}\u001b[0m`
          : p.text.replace(CONTROL, visible)
        : p.replace(CONTROL, visible),
    )
    .join('');
}

// Whoever reads standard output may stop early (`… | head`): the writes after that fail with
// EPIPE, which is no fault of the run. Nothing more is written, and the exit code stays the
// command's own (a verdict piped into head still exits 0, 1 or 3).
let readerGone = false;

/**
 * Makes a closed standard output (EPIPE) end the output quietly instead of crashing with a stack
 * trace. Any other write error is raised as before.
 *
 * @example
 * ```ts
 * quietOnClosedPipe(); // learning-passport kinds | head -3
 * ```
 */
export function quietOnClosedPipe(stream: NodeJS.WriteStream = process.stdout): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE' && !(readerGone && err.code === 'ERR_STREAM_DESTROYED')) throw err;
    readerGone = true;
  });
}

/** Prints a line (from {@link line}, or the tool's own text) on standard output. */
export function say(parts: Part[] | string): void {
  if (readerGone) return;
  process.stdout.write(`${render(parts, process.stdout)}\n`);
}

/** Prints a line on standard error (messages about the run, not its result). */
export function warn(parts: Part[] | string): void {
  process.stderr.write(`${render(parts, process.stderr)}\n`);
}

// JSON.stringify escapes C0 controls; these it leaves raw, and a terminal may act on them.
const JSON_UNSAFE = /[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069]/g;

/** JSON text whose every control character is escaped (`\u009b`, `\u202e` …), still valid JSON. */
export function safeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Prints a value as JSON (for --json). */
export function printJson(value: unknown): void {
  if (readerGone) return;
  process.stdout.write(`${safeJson(value)}\n`);
}

/** A ✓ / ✗ / ? mark for a check status (`skipped`, a check not asked for, is a ?). */
export function mark(status: 'pass' | 'fail' | 'unknown' | 'skipped' | boolean): Styled {
  if (status === true || status === 'pass') return colour.green('✓');
  if (status === false || status === 'fail') return colour.red('✗');
  return colour.yellow('?');
}

/** A progress line on stderr (only on a terminal), for long verifications and merges. */
export function progress(label: string): (done: number, total: number) => void {
  if (!process.stderr.isTTY) return () => {};
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    if (done !== total && now - last < 100) return;
    last = now;
    process.stderr.write(`\r${clean(label)} ${done}/${total}${done === total ? '\n' : ''}`);
  };
}

// ——— Reading files ———

/** Reads a text file, or throws a UsageError that names it. */
export function readText(path: string, what = 'file'): string {
  if (!existsSync(path)) throw new UsageError(`${what} not found: ${clean(path)}`, 'ERR_FILE_NOT_FOUND');
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${what} ${clean(path)}: ${clean((err as Error).message)}`, 'ERR_FILE_UNREADABLE');
  }
}

/** Reads all of standard input as text (`verify -`), or throws a UsageError. */
export function readStdin(): string {
  try {
    return readFileSync(0, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read standard input: ${clean((err as Error).message)}`, 'ERR_FILE_UNREADABLE');
  }
}

/** Line and column (1-based) of a character offset in `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: lines.at(-1)!.length + 1 };
}

/**
 * Parses JSON text from `path`, or throws a UsageError of the form
 * `entry.json:3:1: not valid JSON: … (a trailing comma?)` — the file, the line and the column.
 */
export function parseJsonText(text: string, path: string, what = 'file'): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    const at = /position (\d+)/.exec(message);
    const offset = at ? Number(at[1]) : text.length;
    const { line: l, column } = lineAndColumn(text, offset);
    // Plain string search, not a pattern: the message embeds the (hostile) file's text.
    const cut = message.indexOf(' in JSON at position');
    const reason = (cut >= 0 ? message.slice(0, cut) : message).trimEnd().replace(/^JSON\.parse: /, '');
    const rest = text.slice(offset);
    const hint =
      /^\s*[}\]]/.test(rest) && /,\s*$/.test(text.slice(0, offset))
        ? ' (a trailing comma?)'
        : text.trim() === ''
          ? ' (the file is empty)'
          : /^\s*'/.test(rest)
            ? " (JSON needs double quotes, not ')"
            : '';
    throw new UsageError(`${what} ${clean(path)}:${l}:${column}: not valid JSON: ${clean(reason)}${hint}`, 'ERR_JSON_SYNTAX');
  }
}

/** Reads and parses a JSON file, or throws a UsageError that says where the JSON is broken. */
export function readJson(path: string, what = 'file'): unknown {
  return parseJsonText(readText(path, what), path, what);
}

// ——— Writing files ———

/**
 * Writes a file atomically (a temporary file in the same folder, then a rename: a crash never
 * leaves half a passport), refusing to overwrite unless `force`. `secret` files (key files) are
 * created with mode 0600, readable by their owner only, and an overwritten one is set to 0600.
 */
export function writeText(path: string, data: string | Uint8Array, force = false, secret = false): void {
  if (!force && existsSync(path)) throw new UsageError(`${clean(path)} already exists (use --force to overwrite)`, 'ERR_FILE_EXISTS');
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(temp, data, { mode: secret ? 0o600 : 0o644, flag: 'wx' });
    if (secret) chmodSync(temp, 0o600);
    if (!force && existsSync(path)) throw new UsageError(`${clean(path)} already exists (use --force to overwrite)`, 'ERR_FILE_EXISTS');
    renameSync(temp, path);
  } catch (err) {
    rmSync(temp, { force: true });
    if (err instanceof UsageError) throw err;
    throw new UsageError(`cannot write ${clean(path)}: ${clean((err as Error).message)}`, 'ERR_FILE_UNWRITABLE');
  }
}

/** Writes a key file: mode 0600, never over an existing file unless `force`. */
export function writeSecret(path: string, text: string, force = false): void {
  writeText(path, text, force, true);
}

// ——— Passphrases ———

/** Where a passphrase may come from, for {@link passphraseFrom}. */
export interface PassphraseOptions {
  'passphrase-file'?: string | undefined;
  /** Ask twice on a terminal (a key is being created or its passphrase changed). */
  confirm?: boolean;
  /** The prompt's words (default "Passphrase"). */
  label?: string;
}

/**
 * The passphrase for a key file: `--passphrase-file`, then `LP_PASSPHRASE` (for scripts), then
 * a prompt on the terminal without echo (asked twice when `confirm`). Never from a flag value,
 * which would land in the shell history and the process list.
 */
export async function passphraseFrom(options: PassphraseOptions): Promise<string> {
  if (options['passphrase-file']) return readText(options['passphrase-file'], 'passphrase file').replace(/\r?\n$/, '');
  const env = process.env.LP_PASSPHRASE;
  if (env) return env;
  if (process.stdin.isTTY === true && process.stderr.isTTY === true) {
    const { askHidden } = await import('./prompt.js');
    const label = options.label ?? 'Passphrase';
    const first = await askHidden(`${label}: `);
    if (first === '') throw new UsageError('no passphrase given', 'ERR_PASSPHRASE_EMPTY');
    if (options.confirm) {
      const second = await askHidden(`${label} again: `);
      if (second !== first) throw new UsageError('the two passphrases differ; nothing was written', 'ERR_PASSPHRASE_MISMATCH');
    }
    return first;
  }
  throw new UsageError('a passphrase is needed: run on a terminal to be asked, or set LP_PASSPHRASE, or use --passphrase-file <file>', 'ERR_PASSPHRASE_NEEDED');
}
