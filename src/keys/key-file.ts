// Encrypted key files: the secret key as a JWE (PBES2-HS512+A256KW, A256GCM) under a passphrase.
import { backend } from '../backend/index.js';
import { PassportError } from '../errors.js';
import { toHex, utf8 } from '../internal/bytes.js';
import { isPlainObject } from '../internal/json.js';
import { loadJose } from '../internal/lazy-jose.js';
import { assertSigningKeyPair, importKeyPair } from './key-pair.js';
import type { IssuerProfile, KeyPair, SigningKeyPair } from './types.js';

/** The JSON document stored in a `*.key.json` file. Only `jwe` is secret. */
export interface KeyFile {
  type: 'learning-passport-key';
  version: 1;
  did: string;
  publicKeyMultibase: string;
  /** The issuer's profile, when the key belongs to an issuer. */
  profile?: IssuerProfile;
  /** Compact JWE whose plaintext is the `secretKeyMultibase`. */
  jwe: string;
  /** SHA-256 (hex) of `jwe`: tells a damaged file apart from a wrong passphrase. */
  checksum: string;
}

/** Options of {@link encryptKeyFile}. */
export interface EncryptKeyFileOptions {
  /** An issuer profile to keep beside the key (public data). */
  profile?: IssuerProfile;
  /** PBKDF2 iterations (default 600,000, the OWASP 2023 figure for SHA-512 is 210,000). */
  iterations?: number;
}

const MIN_PASSPHRASE = 8;

/**
 * Encrypts a signing key pair under a passphrase, returning the key file text.
 *
 * @throws {TypeError} when the key cannot sign or the passphrase is shorter than 8 characters
 * @example
 * ```ts
 * const text = await encryptKeyFile(key, 'correct horse battery staple');
 * ```
 */
export async function encryptKeyFile(
  key: SigningKeyPair,
  passphrase: string,
  options: EncryptKeyFileOptions = {},
): Promise<string> {
  assertSigningKeyPair(key);
  if (typeof passphrase !== 'string' || passphrase.length < MIN_PASSPHRASE) {
    throw new TypeError(`"passphrase" must be a string of at least ${MIN_PASSPHRASE} characters`);
  }
  if (options.profile !== undefined && (!isPlainObject(options.profile) || options.profile.id !== key.did)) {
    throw new TypeError('"options.profile" must be the profile of this key (profile.id === key.did)');
  }
  const iterations = options.iterations ?? 600_000;
  if (!Number.isInteger(iterations) || iterations < 1000) throw new TypeError('"iterations" must be an integer >= 1000');
  const { CompactEncrypt } = await loadJose();
  const jwe = await new CompactEncrypt(utf8(key.secretKeyMultibase))
    .setProtectedHeader({ alg: 'PBES2-HS512+A256KW', enc: 'A256GCM', p2c: iterations, cty: 'multikey', kid: key.verificationMethod })
    .encrypt(utf8(passphrase));
  const file: KeyFile = {
    type: 'learning-passport-key',
    version: 1,
    did: key.did,
    publicKeyMultibase: key.publicKeyMultibase,
    ...(options.profile ? { profile: options.profile } : {}),
    jwe,
    checksum: toHex(await backend.sha256(utf8(jwe))),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Reads the public part of a key file without the passphrase (its DID and profile).
 *
 * @throws {PassportError} ERR_KEY_FILE_INVALID
 * @example
 * ```ts
 * const { did, profile } = readKeyFile(text); // no passphrase needed for the public part
 * ```
 */
export function readKeyFile(text: string): KeyFile {
  if (typeof text !== 'string') throw new TypeError('"text" must be a string');
  let file: unknown;
  try {
    file = JSON.parse(text);
  } catch (cause) {
    throw new PassportError('ERR_KEY_FILE_INVALID', 'the key file is not valid JSON', { cause });
  }
  if (
    !isPlainObject(file) ||
    file.type !== 'learning-passport-key' ||
    file.version !== 1 ||
    typeof file.jwe !== 'string' ||
    typeof file.checksum !== 'string' ||
    typeof file.did !== 'string' ||
    typeof file.publicKeyMultibase !== 'string'
  ) {
    throw new PassportError('ERR_KEY_FILE_INVALID', 'this is not a learning-passport key file (version 1)');
  }
  // The public fields are not covered by the encryption, so check they agree with each other:
  // a file must not advertise a DID or profile that its key does not have.
  if (file.did !== `did:key:${file.publicKeyMultibase}`) {
    throw new PassportError('ERR_KEY_FILE_INVALID', 'the key file DID does not match its public key');
  }
  if (file.profile !== undefined && (!isPlainObject(file.profile) || file.profile.id !== file.did)) {
    throw new PassportError('ERR_KEY_FILE_INVALID', 'the key file profile does not belong to its key');
  }
  return file as unknown as KeyFile;
}

/**
 * Decrypts a key file with its passphrase and returns the signing key pair (and the profile
 * stored beside it, if any).
 *
 * @throws {PassportError} ERR_KEY_FILE_INVALID (damaged or not a key file),
 *   ERR_KEY_FILE_PASSPHRASE (wrong passphrase)
 * @example
 * ```ts
 * const { key, profile } = await decryptKeyFile(text, 'correct horse battery staple');
 * ```
 */
export async function decryptKeyFile(
  text: string,
  passphrase: string,
): Promise<{ key: SigningKeyPair; profile?: IssuerProfile }> {
  if (typeof passphrase !== 'string') throw new TypeError('"passphrase" must be a string');
  const file = readKeyFile(text);
  if (toHex(await backend.sha256(utf8(file.jwe))) !== file.checksum) {
    throw new PassportError('ERR_KEY_FILE_INVALID', 'the key file is damaged (its checksum does not match)');
  }
  const { compactDecrypt } = await loadJose();
  let plaintext: Uint8Array;
  try {
    // Bound the work an attacker-supplied file can demand from PBKDF2.
    ({ plaintext } = await compactDecrypt(file.jwe, utf8(passphrase), {
      keyManagementAlgorithms: ['PBES2-HS512+A256KW', 'PBES2-HS256+A128KW'],
      contentEncryptionAlgorithms: ['A256GCM'],
      maxPBES2Count: 5_000_000,
    }));
  } catch (cause) {
    const code = (cause as { code?: string }).code;
    if (code === 'ERR_JWE_DECRYPTION_FAILED') {
      throw new PassportError('ERR_KEY_FILE_PASSPHRASE', 'wrong passphrase for this key file', { cause });
    }
    throw new PassportError('ERR_KEY_FILE_INVALID', 'the key file could not be decrypted', { cause });
  }
  let key: KeyPair;
  try {
    key = await importKeyPair({
      secretKeyMultibase: new TextDecoder().decode(plaintext),
      publicKeyMultibase: file.publicKeyMultibase,
    });
  } catch (cause) {
    throw new PassportError('ERR_KEY_FILE_INVALID', 'the key in the file does not match its public key', { cause });
  }
  return { key: key as SigningKeyPair, ...(file.profile ? { profile: file.profile } : {}) };
}
