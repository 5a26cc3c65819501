// learning-passport keys rotate: a new key for the same organisation, the authority's
// accreditation for it, and the old key's accreditation closed from now (entries the old key
// signed before stay valid: every link is judged at the time it was signed).
import { createIssuerProfile, decryptKeyFile, encryptKeyFile, generateKeyPair } from '../../index.js';
import { accreditIssuer, revokeAccreditation, type AccreditationCredential } from '../../trust.js';
import { isPlainObject } from '../../internal/json.js';
import { colour, passphraseFrom, printJson, readJson, readText, UsageError, writeSecret, writeText } from '../io.js';
import type { CommandContext } from '../types.js';

export const keysRotateUsage = 'keys rotate <old.key.json> --accreditation <old-accreditation.json> --authority-key <authority.key.json> [--authority-passphrase-file f] --out <new.key.json> --accreditations-out <rotation.json>';

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
  if (typeof values.out !== 'string' || typeof values['accreditations-out'] !== 'string') throw new UsageError('keys rotate needs --out <new.key.json> and --accreditations-out <rotation.json>');
  const passphrase = await passphraseFrom(values);
  const old = await decryptKeyFile(readText(oldPath, 'key file'), passphrase);
  const accreditation = readJson(values.accreditation, 'accreditation file') as AccreditationCredential;
  const subject = isPlainObject(accreditation) && isPlainObject(accreditation.credentialSubject) ? accreditation.credentialSubject : undefined;
  if (!subject || subject.id !== old.key.did) throw new UsageError(`${values.accreditation} is not an accreditation of ${oldPath}’s key (${old.key.did})`);
  const authorityPassphrase = typeof values['authority-passphrase-file'] === 'string' ? await passphraseFrom({ 'passphrase-file': values['authority-passphrase-file'] }) : passphrase;
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
  const closing = await revokeAccreditation(authority.key, { accreditation: accreditation.id, effective: now, reason: 'Key rotated: replaced by a new key' });
  writeSecret(values.out, await encryptKeyFile(key, passphrase, profile ? { profile } : {}), values.force === true);
  writeText(values['accreditations-out'], `${JSON.stringify([fresh, closing], null, 2)}\n`, values.force === true);
  if (json) printJson({ did: key.did, previous: old.key.did, file: values.out, accreditations: values['accreditations-out'] });
  else {
    console.log(`${colour.green('✓')} new key ${key.did} → ${values.out}`);
    console.log(`${colour.green('✓')} its accreditation, and the old key’s closed from ${now.toISOString()} → ${values['accreditations-out']}`);
    console.log('  Staple the accreditations into passports ("trust add") and publish them in the next trust list.');
  }
  return 0;
}
