// Holder binding for people without a device: an Open Badges 3.0 IdentityObject with a salted
// hash of the holder's name (OB 3.0 §B.1.x IdentityObject: identityType, hashed, identityHash,
// salt). The name itself never appears in the credential.
import { backend } from '../backend/index.js';
import { toHex, utf8 } from '../internal/bytes.js';
import { isPlainObject } from '../internal/json.js';

/** An Open Badges 3.0 IdentityObject holding a salted SHA-256 of the holder's name. */
export interface NameIdentityObject {
  type: 'IdentityObject';
  identityType: 'name';
  hashed: true;
  /** `sha256$` followed by the hex SHA-256 of name + salt. */
  identityHash: string;
  salt: string;
}

/**
 * The form of a name that is hashed: Unicode NFC, inner whitespace collapsed, trimmed, lower
 * case. A name read off an ID card and one typed by an issuer should match when they are the
 * same name.
 */
function normaliseName(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

async function hashName(name: string, salt: string): Promise<string> {
  return `sha256$${toHex(await backend.sha256(utf8(normaliseName(name) + salt)))}`;
}

/**
 * Builds an IdentityObject for `credentialSubject.identifier`, binding an entry to a person by
 * name without writing the name down: `identityHash = 'sha256$' + hex(sha256(name + salt))`,
 * with the name normalised (NFC, spaces collapsed, lower case) and a random 16-byte salt unless
 * one is given. A verifier who is shown the person's ID can check it with {@link matchIdentity}.
 *
 * @param name the holder's name as on their ID
 * @param salt optional salt (hex by default); give one only to reproduce a known hash
 * @throws {TypeError} when the name is empty or the salt is not a string
 * @example
 * ```ts
 * const identity = await createIdentityObject('Sam Taylor');
 * await issueEntry('qualification', fields, { issuer, key, holder: identity });
 * ```
 */
export async function createIdentityObject(name: string, salt?: string): Promise<NameIdentityObject> {
  if (typeof name !== 'string' || normaliseName(name) === '') throw new TypeError('"name" must be a non-empty string');
  if (salt !== undefined && (typeof salt !== 'string' || salt === '')) throw new TypeError('"salt" must be a non-empty string');
  const s = salt ?? toHex(backend.randomBytes(16));
  return { type: 'IdentityObject', identityType: 'name', hashed: true, identityHash: await hashName(name, s), salt: s };
}

/**
 * True when `identityObject` is a hashed name IdentityObject for `name`. Never throws on a
 * malformed identity object (it simply does not match).
 *
 * @example
 * ```ts
 * await matchIdentity(entry.credentialSubject.identifier[0], 'Sam Taylor'); // true
 * ```
 */
export async function matchIdentity(identityObject: unknown, name: string): Promise<boolean> {
  if (typeof name !== 'string') throw new TypeError('"name" must be a string');
  if (!isPlainObject(identityObject)) return false;
  const { type, identityType, hashed, identityHash, salt } = identityObject;
  if (type !== 'IdentityObject' || identityType !== 'name' || typeof identityHash !== 'string' || typeof salt !== 'string') return false;
  if (hashed === false) return normaliseName(identityHash) === normaliseName(name);
  if (!identityHash.startsWith('sha256$') || normaliseName(name) === '') return false;
  const expected = identityHash.toLowerCase();
  if ((await hashName(name, salt)) === expected) return true;
  // Other Open Badges tools hash the name exactly as given; accept that form too.
  return `sha256$${toHex(await backend.sha256(utf8(name + salt)))}` === expected;
}
