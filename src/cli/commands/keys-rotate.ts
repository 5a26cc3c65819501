// learning-passport keys rotate: a new key for the same organisation, the authority's
// accreditation for it, and the old key's accreditation closed from now (entries the old key
// signed before stay valid: every link is judged at the time it was signed).
import { existsSync } from 'node:fs';
import {
  accreditIssuer,
  createIssuerProfile,
  decryptKeyFile,
  encryptKeyFile,
  generateKeyPair,
  revokeAccreditation,
  type AccreditationCredential,
} from '../api.js';
import { isPlainObject } from '../../internal/json.js';
import { colour, line, passphraseFrom, printJson, readJson, readText, say, UsageError, writeSecret, writeText } from '../io.js';
import { iterationsFrom } from '../iterations.js';
import type { CommandContext } from '../types.js';

export const keysRotateUsage =
  'keys rotate <old.key.json> --accreditation <old-accreditation.json> --authority-key <authority.key.json> [--authority-passphrase-file f] [--iterations n] --out <new.key.json> --accreditations-out <rotation.json>   (the new key file keeps the old one’s passphrase)';

export const keysRotateExample =
  'learning-passport keys rotate leeds.key.json --accreditation leeds-accreditation.json --authority-key authority.key.json --out leeds-2027.key.json --accreditations-out leeds-rotation.json';

export const keysRotateOptions = {
  accreditation: { type: 'string' },
  'authority-key': { type: 'string' },
  'authority-passphrase-file': { type: 'string' },
  'accreditations-out': { type: 'string' },
} as const;

/** Runs `keys rotate`. */
export async function rotateKey({ positionals, values, json }: CommandContext): Promise<number> {
  const oldPath = positionals[1];
  if (!oldPath) throw new UsageError('keys rotate needs the old key file');
  if (typeof values.accreditation !== 'string') throw new UsageError('keys rotate needs --accreditation <the old key’s accreditation file>');
  if (typeof values['authority-key'] !== 'string') throw new UsageError('keys rotate needs --authority-key <the accreditor’s key file>');
  if (typeof values.out !== 'string' || typeof values['accreditations-out'] !== 'string')
    throw new UsageError('keys rotate needs --out <new.key.json> and --accreditations-out <rotation.json>');
  const iterations = iterationsFrom(values.iterations);
  // Refuse before any passphrase or signature: an overwritten key file is a key lost.
  for (const out of [values.out, values['accreditations-out']]) {
    if (values.force !== true && existsSync(out)) throw new UsageError(`${out} already exists (use --force to overwrite)`, 'ERR_FILE_EXISTS');
  }
  const passphrase = await passphraseFrom(values);
  const old = await decryptKeyFile(readText(oldPath, 'key file'), passphrase);
  const accreditation = readJson(values.accreditation, 'accreditation file') as AccreditationCredential;
  const subject = isPlainObject(accreditation) && isPlainObject(accreditation.credentialSubject) ? accreditation.credentialSubject : undefined;
  if (!subject || subject.id !== old.key.did) throw new UsageError(`${values.accreditation} is not an accreditation of ${oldPath}’s key (${old.key.did})`);
  const authorityPassphrase =
    typeof values['authority-passphrase-file'] === 'string' ? await passphraseFrom({ 'passphrase-file': values['authority-passphrase-file'] }) : passphrase;
  const authority = await decryptKeyFile(readText(values['authority-key'], 'authority key file'), authorityPassphrase);
  if (authority.key.did !== accreditation.issuer) throw new UsageError(`--authority-key is not the key that signed ${values.accreditation}`);

  const now = new Date();
  const key = await generateKeyPair();
  const profile = old.profile
    ? createIssuerProfile({ key, name: old.profile.name, role: old.profile.role, ...(old.profile.displayName ? { displayName: old.profile.displayName } : {}) })
    : undefined;
  const display = isPlainObject(subject.displayProfile) && typeof subject.displayProfile.name === 'string' ? subject.displayProfile.name : undefined;
  const fresh = await accreditIssuer(authority.key, {
    did: key.did,
    organisation: subject.organisation,
    role: subject.role,
    kinds: subject.kinds,
    ...(Array.isArray(subject.capabilities) ? { capabilities: subject.capabilities } : {}),
    ...(Array.isArray(subject.accreditRoles) ? { accreditRoles: subject.accreditRoles } : {}),
    ...(typeof accreditation.validUntil === 'string' ? { validUntil: accreditation.validUntil } : {}),
    ...(display ? { displayName: display } : {}),
    validFrom: now,
  });
  // replacedBy marks a planned rotation: what the old key signed inside its window keeps its verdict.
  const closing = await revokeAccreditation(authority.key, {
    accreditation: accreditation.id,
    effective: now,
    replacedBy: key.did,
    reason: 'Key rotated: replaced by a new key',
  });
  writeSecret(values.out, await encryptKeyFile(key, passphrase, { ...(profile ? { profile } : {}), ...iterations }), values.force === true);
  writeText(values['accreditations-out'], `${JSON.stringify([fresh, closing], null, 2)}\n`, values.force === true);
  if (json) printJson({ did: key.did, previous: old.key.did, file: values.out, accreditations: values['accreditations-out'] });
  else {
    say(line`${colour.green('✓')} new key ${key.did} → ${values.out}`);
    say(line`${colour.green('✓')} its accreditation, and the old key’s closed from ${now.toISOString()} → ${values['accreditations-out']}`);
    say(
      '  Entries the old key signed before now stay valid; it signs nothing more. If the old key may have leaked, report it with "accredit compromise" instead.',
    );
    say('  Staple the accreditations into passports ("trust add") and publish them in the next trust list.');
  }
  return 0;
}
