// Loading the files commands work on: key files, passports, entries.
import { decryptKeyFile, readPassport, type IssuerProfile, type Passport, type SigningKeyPair } from '../index.js';
import { colour, line, passphraseFrom, readJson, readText, UsageError, warn } from './io.js';

/** Decrypts the key file named by --key; the profile is required for issuing. */
export async function loadIssuer(values: Record<string, unknown>): Promise<{ key: SigningKeyPair; profile?: IssuerProfile }> {
  if (typeof values.key !== 'string') throw new UsageError('--key <file.key.json> is required');
  return decryptKeyFile(readText(values.key, 'key file'), await passphraseFrom(values as { 'passphrase-file'?: string }));
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
export function loadPassport(path: string): Passport {
  const { passport, problems } = readPassport(readText(path, 'passport'));
  for (const p of problems) warn(line`${colour.yellow('warning:')} ${path}: ${p.message}`);
  return passport;
}

/** Reads a JSON file holding one entry or a list of entries. */
export function loadEntries(path: string): unknown[] {
  const value = readJson(path, 'entry file');
  return Array.isArray(value) ? value : [value];
}

/** Splits a comma-separated option into a list. */
export function list(value: unknown): string[] {
  if (value === undefined) return [];
  const items = Array.isArray(value) ? value : [value];
  return items.flatMap((v) => String(v).split(',')).map((s) => s.trim()).filter(Boolean);
}
