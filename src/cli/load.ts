// Loading the files commands work on: key files, passports, entries, credentials; atomic writes.
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { decryptKeyFile, entryId, isPassportError, readKeyFile, readPassport, type IssuerProfile, type Passport, type SigningKeyPair } from './api.js';
import { colour, line, passphraseFrom, readJson, readText, UsageError, warn } from './io.js';

/** Decrypts the key file named by --key; the profile is required for issuing. */
export async function loadIssuer(values: Record<string, unknown>): Promise<{ key: SigningKeyPair; profile?: IssuerProfile }> {
  if (typeof values.key !== 'string') throw new UsageError('--key <file.key.json> is required', 'ERR_FLAG_MISSING');
  const text = readText(values.key, 'key file');
  // The file's kind is checked before a passphrase is asked for, and the answer names the flag.
  try {
    readKeyFile(text);
  } catch (err) {
    if (!isPassportError(err)) throw err;
    let what = '';
    try {
      const doc = JSON.parse(text) as { type?: unknown; proof?: unknown };
      what = doc?.type === 'LearningPassport' ? ' It is a passport.' : doc?.proof !== undefined ? ' It is a signed credential.' : '';
    } catch {
      // not JSON at all: the library's words say so
    }
    throw new UsageError(`--key ${values.key}: ${err.message}.${what} --key takes the file "keys generate" wrote`, err.code);
  }
  return decryptKeyFile(text, await passphraseFrom(values as { 'passphrase-file'?: string }));
}

/** Like {@link loadIssuer}, but the key file must carry an issuer profile. */
export async function loadIssuerWithProfile(values: Record<string, unknown>): Promise<{ key: SigningKeyPair; profile: IssuerProfile }> {
  const { key, profile } = await loadIssuer(values);
  if (!profile) throw new UsageError('this key file has no issuer profile (create it with "keys generate --role --name")');
  return { key, profile };
}

/**
 * Reads a passport file. Entries that cannot be read are reported on stderr and kept out, never
 * silently lost: the original file is not changed.
 */
export function readPassportFile(path: string): Passport {
  const { passport, problems } = readPassport(readText(path, 'passport'));
  for (const p of problems) warn(line`${colour.yellow('warning:')} ${path}: ${p.message}`);
  return passport;
}

/** Reads a JSON file holding one entry or a list of entries. */
export function loadEntries(path: string): unknown[] {
  const value = readJson(path, 'entry file');
  return Array.isArray(value) ? value : [value];
}

/**
 * An entry's id as given on the command line: a CID as it is, or, for a `.json` file, the id of
 * the one entry it holds (what `issue -o` wrote). `label` names the argument in messages
 * (`--include x.json`, or the file alone) and `many` says what to do when the file holds several.
 */
export function entryIdArgument(given: string, label: string, many: string): string {
  if (!given.toLowerCase().endsWith('.json')) return given;
  const entries = loadEntries(given);
  if (entries.length !== 1) throw new UsageError(`${label} holds ${entries.length} entries: ${many}`, 'ERR_ONE_ENTRY');
  try {
    return entryId(entries[0] as object);
  } catch {
    throw new UsageError(`${label} is not a signed entry`, 'ERR_SCHEMA_INVALID');
  }
}

/** Splits a comma-separated option into a list. */
export function list(value: unknown): string[] {
  if (value === undefined) return [];
  const items = Array.isArray(value) ? value : [value];
  return items
    .flatMap((v) => String(v).split(','))
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Reads the credential files a repeatable flag names: each file holds one credential object or a
 * list of them (what `accredit -o`, `status publish -o` and `keys rotate` write). Flags given
 * several times, or with comma-separated files, add up. Every flag that takes credentials uses this.
 */
export function loadCredentials(value: unknown, flag: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const path of list(value)) {
    const content = readJson(path, `${flag} file`);
    const items = Array.isArray(content) ? content : [content];
    items.forEach((item, i) => {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        throw new UsageError(`${flag} ${path}: ${Array.isArray(content) ? `item ${i + 1}` : 'the file'} is not a credential (a JSON object)`);
      }
      out.push(item as Record<string, unknown>);
    });
  }
  return out;
}

/** Writes a file atomically: a temporary file beside it, then a rename, so nothing is half-written. */
export function writeAtomic(path: string, text: string, force = true): void {
  if (!force && existsSync(path)) throw new UsageError(`${path} already exists (use --force to overwrite)`);
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(temp, text);
    renameSync(temp, path);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}
