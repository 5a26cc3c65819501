// Encrypted key files: the secret key as a JWE (PBES2-HS512+A256KW, A256GCM) under a passphrase.
import { backend } from '../backend/index.js';
import { PassportError } from '../errors.js';
import { fromBase64url, toHex, utf8 } from '../internal/bytes.js';
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

/**
 * PBKDF2 iterations {@link encryptKeyFile} uses by default (600,000: OWASP's figure for
 * PBKDF2-HMAC-SHA256, so comfortably above its SHA-512 figure).
 *
 * @example
 * ```ts
 * await encryptKeyFile(key, passphrase, { iterations: DEFAULT_KEY_FILE_ITERATIONS * 2 });
 * ```
 */
export const DEFAULT_KEY_FILE_ITERATIONS = 600_000;

/**
 * Fewest PBKDF2 iterations {@link encryptKeyFile} accepts (210,000: OWASP's current guidance for
 * PBKDF2-HMAC-SHA512, which PBES2-HS512+A256KW uses). Lower counts need the test-only
 * `unsafeIterationsForTesting` option.
 *
 * @example
 * ```ts
 * await encryptKeyFile(key, passphrase, { iterations: MIN_KEY_FILE_ITERATIONS });
 * ```
 */
export const MIN_KEY_FILE_ITERATIONS = 210_000;

/**
 * Most PBKDF2 iterations a key file may name (5,000,000, about eight times the default).
 * {@link decryptKeyFile} refuses a file asking for more before doing any work: a hostile file
 * could otherwise hold a verifier's CPU for minutes. encryptKeyFile refuses more too, so every
 * file it writes can be read.
 *
 * @example
 * ```ts
 * await encryptKeyFile(key, passphrase, { iterations: MAX_KEY_FILE_ITERATIONS });
 * ```
 */
export const MAX_KEY_FILE_ITERATIONS = 5_000_000;

/** Options of {@link encryptKeyFile}. */
export interface EncryptKeyFileOptions {
  /** An issuer profile to keep beside the key (public data). */
  profile?: IssuerProfile;
  /**
   * PBKDF2 iterations: default {@link DEFAULT_KEY_FILE_ITERATIONS} (600,000), at least
   * {@link MIN_KEY_FILE_ITERATIONS} (210,000), at most {@link MAX_KEY_FILE_ITERATIONS}.
   */
  iterations?: number;
  /**
   * Tests only: any count from 1,000 (fast, and weak against a stolen file). Never use it for a
   * real key. Cannot be combined with `iterations`.
   */
  unsafeIterationsForTesting?: number;
}

const MIN_PASSPHRASE = 8;
const MIN_TEST_ITERATIONS = 1000;

function iterationsOf(options: EncryptKeyFileOptions): number {
  const { iterations, unsafeIterationsForTesting: unsafe } = options;
  if (iterations !== undefined && unsafe !== undefined) throw new TypeError('"iterations" and "unsafeIterationsForTesting" cannot be combined');
  if (unsafe !== undefined) {
    if (!Number.isSafeInteger(unsafe) || unsafe < MIN_TEST_ITERATIONS || unsafe > MAX_KEY_FILE_ITERATIONS) {
      throw new TypeError(`"unsafeIterationsForTesting" must be an integer from ${MIN_TEST_ITERATIONS} to ${MAX_KEY_FILE_ITERATIONS}`);
    }
    return unsafe;
  }
  const count = iterations ?? DEFAULT_KEY_FILE_ITERATIONS;
  if (!Number.isSafeInteger(count) || count < MIN_KEY_FILE_ITERATIONS || count > MAX_KEY_FILE_ITERATIONS) {
    throw new TypeError(
      `"iterations" must be an integer from ${MIN_KEY_FILE_ITERATIONS} (OWASP guidance for PBKDF2-HMAC-SHA512) to ${MAX_KEY_FILE_ITERATIONS}; tests may use "unsafeIterationsForTesting"`,
    );
  }
  return count;
}

/** The PBKDF2 count a key file's JWE asks for, read before any work is done. */
function iterationsInFile(jwe: string): number | undefined {
  try {
    const header: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fromBase64url(jwe.split('.')[0] ?? '')));
    const p2c = isPlainObject(header) ? header.p2c : undefined;
    return typeof p2c === 'number' && Number.isSafeInteger(p2c) ? p2c : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Encrypts a signing key pair under a passphrase, returning the key file text. PBKDF2 runs
 * 600,000 times by default; fewer than 210,000 is refused (tests may pass
 * `unsafeIterationsForTesting`).
 *
 * @throws {TypeError} when the key cannot sign, the passphrase is shorter than 8 characters, or the iteration count is outside 210,000–5,000,000
 * @example
 * ```ts
 * const text = await encryptKeyFile(key, 'correct horse battery staple');
 * ```
 */
export async function encryptKeyFile(key: SigningKeyPair, passphrase: string, options: EncryptKeyFileOptions = {}): Promise<string> {
  assertSigningKeyPair(key);
  if (typeof passphrase !== 'string' || passphrase.length < MIN_PASSPHRASE) {
    throw new TypeError(`"passphrase" must be a string of at least ${MIN_PASSPHRASE} characters`);
  }
  if (options.profile !== undefined && (!isPlainObject(options.profile) || options.profile.id !== key.did)) {
    throw new TypeError('"options.profile" must be the profile of this key (profile.id === key.did)');
  }
  const iterations = iterationsOf(options);
  const { CompactEncrypt } = await loadJose();
  const jwe = await new CompactEncrypt(utf8(key.secretKeyMultibase))
    .setProtectedHeader({ alg: 'PBES2-HS512+A256KW', enc: 'A256GCM', cty: 'multikey', kid: key.verificationMethod })
    // jose takes the PBKDF2 count from here; a p2c written into the header is overwritten by its
    // default of 2,048 (v0.1.0 key files were written with 2,048 iterations because of that).
    .setKeyManagementParameters({ p2c: iterations })
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
 * stored beside it, if any) with the file's PBKDF2 `iterations`: a file below
 * {@link MIN_KEY_FILE_ITERATIONS} (v0.1.0 wrote 2,048) should be encrypted again.
 *
 * @throws {PassportError} ERR_KEY_FILE_INVALID (damaged, not a key file, or asking for more than
 *   {@link MAX_KEY_FILE_ITERATIONS} PBKDF2 iterations: refused before any work),
 *   ERR_KEY_FILE_PASSPHRASE (wrong passphrase)
 * @example
 * ```ts
 * const { key, profile, iterations } = await decryptKeyFile(text, 'correct horse battery staple');
 * if (iterations < MIN_KEY_FILE_ITERATIONS) await encryptKeyFile(key, 'correct horse battery staple', { profile }); // re-encrypt
 * ```
 */
export async function decryptKeyFile(text: string, passphrase: string): Promise<{ key: SigningKeyPair; profile?: IssuerProfile; iterations: number }> {
  if (typeof passphrase !== 'string') throw new TypeError('"passphrase" must be a string');
  const file = readKeyFile(text);
  if (toHex(await backend.sha256(utf8(file.jwe))) !== file.checksum) {
    throw new PassportError('ERR_KEY_FILE_INVALID', 'the key file is damaged (its checksum does not match)');
  }
  // Bound the work an attacker-supplied file can demand from PBKDF2, before doing any of it.
  const p2c = iterationsInFile(file.jwe);
  if (p2c === undefined || p2c < 1 || p2c > MAX_KEY_FILE_ITERATIONS) {
    throw new PassportError(
      'ERR_KEY_FILE_INVALID',
      `the key file asks for ${p2c ?? 'an unreadable number of'} PBKDF2 iterations; at most ${MAX_KEY_FILE_ITERATIONS} are accepted`,
    );
  }
  const { compactDecrypt } = await loadJose();
  let plaintext: Uint8Array;
  try {
    ({ plaintext } = await compactDecrypt(file.jwe, utf8(passphrase), {
      keyManagementAlgorithms: ['PBES2-HS512+A256KW', 'PBES2-HS256+A128KW'],
      contentEncryptionAlgorithms: ['A256GCM'],
      maxPBES2Count: MAX_KEY_FILE_ITERATIONS,
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
  return { key: key as SigningKeyPair, ...(file.profile ? { profile: file.profile } : {}), iterations: p2c };
}
