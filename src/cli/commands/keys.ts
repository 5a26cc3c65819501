// learning-passport keys generate | show | export
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
} from '../../index.js';
import { colour, passphraseFrom, printJson, readText, UsageError, writeText } from '../io.js';
import type { Command, CommandContext } from '../types.js';
import { keysRotateExample, keysRotateOptions, keysRotateUsage, rotateKey } from './keys-rotate.js';

/** A learner's key: no issuer profile, so it can never be mistaken for an issuer's. */
async function generateHolderKey(values: CommandContext['values'], json: boolean): Promise<number> {
  if (values.role !== undefined || values.name !== undefined) throw new UsageError('--holder makes a learner’s key: it takes no --role or --name');
  if (typeof values.out !== 'string') throw new UsageError('--out <file> is required');
  const passphrase = passphraseFrom(values);
  const key = await generateKeyPair();
  const iterations = values.iterations ? Number(values.iterations) : undefined;
  writeText(values.out, await encryptKeyFile(key, passphrase, iterations ? { iterations } : {}), values.force === true);
  if (json) printJson({ did: key.did, file: values.out });
  else console.log(`${colour.green('✓')} learner key written to ${values.out}\n  ${key.did}\n  Start their passport: learning-passport passport init --holder-key ${values.out} -o passport.json`);
  return 0;
}

export const keysCommand: Command = {
  name: 'keys',
  summary: 'generate, show or export an issuer key (encrypted key file)',
  usage: [
    'keys generate --role <role> --name <name> [--display-name <neutral name>] --out <file.key.json>',
    'keys generate --holder --out <learner.key.json>   (a learner’s own key: no issuer role)',
    keysRotateUsage,
    'keys show <file.key.json>',
    'keys export <file.key.json> [--format multikey|jwk] [--include-secret]',
  ],
  examples: ['learning-passport keys generate --holder --out amira.key.json', keysRotateExample],
  options: {
    holder: { type: 'boolean' },
    ...keysRotateOptions,
    role: { type: 'string' },
    name: { type: 'string' },
    'display-name': { type: 'string' },
    out: { type: 'string', short: 'o' },
    format: { type: 'string' },
    'include-secret': { type: 'boolean' },
    'passphrase-file': { type: 'string' },
    iterations: { type: 'string' },
    force: { type: 'boolean' },
  },
  async run(context) {
    const { positionals, values, json } = context;
    const [action, file] = positionals;
    if (action === 'rotate') return rotateKey(context);
    if (action === 'generate' && values.holder === true) return generateHolderKey(values, json);
    if (action === 'generate') {
      const role = values.role as IssuerRole | undefined;
      if (!role || !ISSUER_ROLES.includes(role)) throw new UsageError(`--role must be one of: ${ISSUER_ROLES.join(', ')}`);
      if (typeof values.name !== 'string') throw new UsageError('--name is required');
      if (typeof values.out !== 'string') throw new UsageError('--out <file> is required');
      const passphrase = passphraseFrom(values);
      const key = await generateKeyPair();
      const profile = createIssuerProfile({
        key,
        name: values.name,
        role,
        ...(typeof values['display-name'] === 'string' ? { displayName: values['display-name'] } : {}),
      });
      const iterations = values.iterations ? Number(values.iterations) : undefined;
      const text = await encryptKeyFile(key, passphrase, { profile, ...(iterations ? { iterations } : {}) });
      writeText(values.out, text, values.force === true);
      if (json) printJson({ did: key.did, profile, file: values.out });
      else console.log(`${colour.green('✓')} key for ${profile.name} (${role}) written to ${values.out}\n  ${key.did}`);
      return 0;
    }
    if (action === 'show' || action === 'export') {
      if (!file) throw new UsageError(`keys ${action} needs a key file`);
      const text = readText(file, 'key file');
      if (action === 'show') {
        const info = readKeyFile(text);
        if (json) printJson({ did: info.did, publicKeyMultibase: info.publicKeyMultibase, profile: info.profile });
        else {
          console.log(`${colour.bold(info.profile?.name ?? 'Key')}${info.profile ? ` (${info.profile.role})` : ''}`);
          if (info.profile?.displayName) console.log(`  shown to verifiers as: ${info.profile.displayName}`);
          console.log(`  DID: ${info.did}`);
        }
        return 0;
      }
      const format = (values.format ?? 'multikey') as 'multikey' | 'jwk';
      if (format !== 'multikey' && format !== 'jwk') throw new UsageError('--format must be multikey or jwk');
      const includeSecret = values['include-secret'] === true;
      // The public half needs no passphrase: import it from the file's public key.
      const pair = includeSecret
        ? (await decryptKeyFile(text, passphraseFrom(values))).key
        : await importKeyPair({ publicKeyMultibase: readKeyFile(text).publicKeyMultibase });
      printJson(exportKeyPair(pair, { format, includeSecret }));
      return 0;
    }
    throw new UsageError('keys needs an action: generate, show, export or rotate');
  },
};
