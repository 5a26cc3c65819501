// Input and output for the command line: clear messages for missing files and bad JSON, colours
// only on a terminal, and machine-readable JSON when asked.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** Exit codes (documented in the README). */
export const EXIT = { valid: 0, invalid: 1, usage: 2 } as const;

/** A mistake in how the command was called or in its input files: exit code 2. */
export class UsageError extends Error {}

const tty = process.stdout.isTTY === true && !process.env.NO_COLOR;
const paint = (code: number) => (text: string) => (tty ? `\u001b[${code}m${text}\u001b[0m` : text);
export const colour = { green: paint(32), red: paint(31), yellow: paint(33), dim: paint(2), bold: paint(1) };

/** Reads a text file, or throws a UsageError that names it. */
export function readText(path: string, what = 'file'): string {
  if (!existsSync(path)) throw new UsageError(`${what} not found: ${path}`);
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${what} ${path}: ${(err as Error).message}`);
  }
}

/** Reads and parses a JSON file, or throws a UsageError that says where the JSON is broken. */
export function readJson(path: string, what = 'file'): unknown {
  const text = readText(path, what);
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${what} ${path} is not valid JSON: ${(err as Error).message}`);
  }
}

/** Writes a file, creating nothing else; refuses to overwrite unless `force`. */
export function writeText(path: string, text: string, force = false): void {
  if (!force && existsSync(path)) throw new UsageError(`${path} already exists (use --force to overwrite)`);
  writeFileSync(path, text);
}

/** Prints a value as JSON (for --json). */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** A ✓ / ✗ / ? mark for a check status. */
export function mark(status: 'pass' | 'fail' | 'unknown' | boolean): string {
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
    process.stderr.write(`\r${label} ${done}/${total}${done === total ? '\n' : ''}`);
  };
}

/** The passphrase for a key file: --passphrase-file, then LP_PASSPHRASE. Never from a flag value. */
export function passphraseFrom(options: { 'passphrase-file'?: string | undefined }): string {
  if (options['passphrase-file']) return readText(options['passphrase-file'], 'passphrase file').replace(/\r?\n$/, '');
  const env = process.env.LP_PASSPHRASE;
  if (env) return env;
  throw new UsageError('a passphrase is needed: set LP_PASSPHRASE or use --passphrase-file <file>');
}
