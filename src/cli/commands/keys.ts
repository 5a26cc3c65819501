// learning-passport keys generate | show | export | passphrase
import { existsSync } from 'node:fs';
import {
  createIssuerProfile,
  decryptKeyFile,
  encryptKeyFile,
  exportKeyPair,
  generateKeyPair,
  importKeyPair,
  ISSUER_ROLES,
  readKeyFile,
  type IssuerRole,
} from '../api.js';
import { colour, line, passphraseFrom, printJson, readText, say, UsageError, warn, writeSecret } from '../io.js';
import { didYouMean } from '../suggest.js';
import type { Command, CommandContext } from '../types.js';
import { iterationsFrom } from '../iterations.js';
import { keysRotateExample, keysRotateOptions, keysRotateUsage, rotateKey } from './keys-rotate.js';

/** A learner's key: no issuer profile, so it can never be mistaken for an issuer's. */
async function generateHolderKey(values: CommandContext['values'], json: boolean): Promise<number> {
  if (values.role !== undefined || values.name !== undefined) throw new UsageError('--holder makes a learner’s key: it takes no --role or --name');
  if (typeof values.out !== 'string') throw new UsageError('--out <file> is required');
  const iterations = iterationsFrom(values.iterations);
  writeSecretCheck(values.out, values.force === true);
  // Asked twice, as for issuer keys: a typo in a learner's only key file is a key lost.
  const passphrase = await passphraseFrom({ ...values, confirm: true, label: 'Passphrase for the learner’s new key' });
  const key = await generateKeyPair();
  writeSecret(values.out, await encryptKeyFile(key, passphrase, iterations), values.force === true);
  if (json) printJson({ did: key.did, file: values.out });
  else
    say(
      line`${colour.green('✓')} learner key written to ${values.out}\n  ${key.did}\n  Start their passport: learning-passport passport init --holder-key ${values.out} -o passport.json`,
    );
  return 0;
}

function roleFrom(value: unknown): IssuerRole {
  const role = value as IssuerRole | undefined;
  if (typeof role === 'string' && ISSUER_ROLES.includes(role)) return role;
  const hint = typeof role === 'string' ? didYouMean(role, ISSUER_ROLES) : '';
  throw new UsageError(`--role must be one of: ${ISSUER_ROLES.join(', ')}${hint}`, 'ERR_FLAG_VALUE');
}

export const keysCommand: Command = {
  name: 'keys',
  summary: 'generate, show, export an issuer key, or change its passphrase (encrypted key file)',
  usage: [
    'keys generate --role <role> --name <name> [--display-name <neutral name>] --out <file.key.json> [--force]',
    'keys generate --holder --out <learner.key.json>   (a learner’s own key: no issuer role)',
    keysRotateUsage,
    'keys show <file.key.json> [--did]   (--did: the DID alone, for scripts)',
    'keys export <file.key.json> [--format multikey|jwk] [--include-secret]',
    'keys passphrase <file.key.json> [--new-passphrase-file <file>]   (change the passphrase; the key stays the same)',
  ],
  examples: [
    'learning-passport keys generate --role prison --name "HMP Leeds" --display-name "Leeds Learning Centre" --out leeds.key.json',
    'learning-passport keys generate --holder --out amira.key.json',
    keysRotateExample,
    'learning-passport keys show leeds.key.json',
    'learning-passport keys export leeds.key.json --format jwk',
    'learning-passport keys passphrase leeds.key.json',
  ],
  options: {
    holder: { type: 'boolean' },
    did: { type: 'boolean' },
    ...keysRotateOptions,
    role: { type: 'string' },
    name: { type: 'string' },
    'display-name': { type: 'string' },
    out: { type: 'string', short: 'o' },
    format: { type: 'string' },
    'include-secret': { type: 'boolean' },
    'passphrase-file': { type: 'string' },
    'new-passphrase-file': { type: 'string' },
    iterations: { type: 'string' },
    force: { type: 'boolean' },
  },
  async run(context) {
    const { positionals, values, json } = context;
    const [action, file] = positionals;
    if (action === 'rotate') return rotateKey(context);
    if (action === 'generate' && values.holder === true) return generateHolderKey(values, json);
    if (action === 'generate') {
      const role = roleFrom(values.role);
      if (typeof values.name !== 'string') throw new UsageError('--name is required', 'ERR_FLAG_MISSING');
      if (typeof values.out !== 'string') throw new UsageError('--out <file> is required', 'ERR_FLAG_MISSING');
      const iterations = iterationsFrom(values.iterations);
      // Refuse before asking for a passphrase: a key file is never overwritten by accident.
      writeSecretCheck(values.out, values.force === true);
      const passphrase = await passphraseFrom({ ...values, confirm: true, label: 'Passphrase for the new key' });
      const key = await generateKeyPair();
      const profile = createIssuerProfile({
        key,
        name: values.name,
        role,
        ...(typeof values['display-name'] === 'string' ? { displayName: values['display-name'] } : {}),
      });
      const text = await encryptKeyFile(key, passphrase, { profile, ...iterations });
      writeSecret(values.out, text, values.force === true);
      if (json) printJson({ did: key.did, profile, file: values.out });
      else say(line`${colour.green('✓')} key for ${profile.name} (${role}) written to ${values.out} (readable by you only)\n  ${key.did}`);
      return 0;
    }
    if (action === 'show' || action === 'export' || action === 'passphrase') {
      if (!file) throw new UsageError(`keys ${action} needs a key file`, 'ERR_USAGE');
      const text = readText(file, 'key file');
      if (action === 'show') {
        const info = readKeyFile(text);
        // --did: the DID alone, for scripts (LEEDS=$(learning-passport keys show leeds.key.json --did)).
        if (values.did === true) {
          say(line`${info.did}`);
          return 0;
        }
        if (json) printJson({ did: info.did, publicKeyMultibase: info.publicKeyMultibase, profile: info.profile });
        else {
          say(line`${colour.bold(info.profile?.name ?? 'Key')}${info.profile ? ` (${info.profile.role})` : ''}`);
          if (info.profile?.displayName) say(line`  shown to verifiers as: ${info.profile.displayName}`);
          say(line`  DID: ${info.did}`);
        }
        return 0;
      }
      if (action === 'passphrase') {
        const iterations = iterationsFrom(values.iterations);
        const { key, profile } = await decryptKeyFile(text, await passphraseFrom({ ...values, label: 'Current passphrase' }));
        const next = await newPassphrase(values['new-passphrase-file']);
        const updated = await encryptKeyFile(key, next, { ...(profile ? { profile } : {}), ...iterations });
        writeSecret(file, updated, true);
        if (json) printJson({ did: key.did, file });
        else say(line`${colour.green('✓')} passphrase of ${file} changed (same key: ${key.did})`);
        return 0;
      }
      const format = (values.format ?? 'multikey') as 'multikey' | 'jwk';
      if (format !== 'multikey' && format !== 'jwk')
        throw new UsageError(`--format must be multikey or jwk${didYouMean(String(format), ['multikey', 'jwk'])}`, 'ERR_FLAG_VALUE');
      const includeSecret = values['include-secret'] === true;
      // The public half needs no passphrase: import it from the file's public key.
      const pair = includeSecret
        ? (await decryptKeyFile(text, await passphraseFrom(values))).key
        : await importKeyPair({ publicKeyMultibase: readKeyFile(text).publicKeyMultibase });
      if (includeSecret) {
        warn(
          line`${colour.red('warning:')} printing the SECRET key of ${pair.did} (${format}). Anyone who reads it can sign as this issuer: do not paste it anywhere.`,
        );
      }
      printJson(exportKeyPair(pair, { format, includeSecret }));
      return 0;
    }
    const hint = action ? didYouMean(action, ['generate', 'show', 'export', 'passphrase', 'rotate']) : '';
    throw new UsageError(`keys needs an action: generate, show, export, passphrase or rotate${hint}`, 'ERR_USAGE');
  },
};

/** The new passphrase: --new-passphrase-file, then LP_NEW_PASSPHRASE, then asked twice on the terminal. */
async function newPassphrase(path: unknown): Promise<string> {
  if (typeof path === 'string') return passphraseFrom({ 'passphrase-file': path });
  const env = process.env.LP_NEW_PASSPHRASE;
  if (env) return env;
  if (!process.stdin.isTTY)
    throw new UsageError(
      'the new passphrase is needed: run on a terminal to be asked, or set LP_NEW_PASSPHRASE, or use --new-passphrase-file <file>',
      'ERR_PASSPHRASE_NEEDED',
    );
  const saved = process.env.LP_PASSPHRASE;
  delete process.env.LP_PASSPHRASE;
  try {
    return await passphraseFrom({ confirm: true, label: 'New passphrase' });
  } finally {
    if (saved !== undefined) process.env.LP_PASSPHRASE = saved;
  }
}

/** Throws before any work when `path` exists and --force was not given. */
function writeSecretCheck(path: string, force: boolean): void {
  if (!force && existsSync(path))
    throw new UsageError(`${path} already exists (use --force to overwrite; a key file overwritten is a key lost)`, 'ERR_FILE_EXISTS');
}
