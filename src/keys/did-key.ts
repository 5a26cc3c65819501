// did:key for Ed25519 (w3c-ccg did-key-spec): did:key:<publicKeyMultibase>, and the
// verification method id did:key:X#X used in proofs.
import { PassportError } from '../errors.js';
import { decodePublicKeyMultibase, encodePublicKeyMultibase } from './multikey.js';

/**
 * The did:key of a 32-byte Ed25519 public key.
 *
 * @example
 * ```ts
 * didKeyFromPublicKey(publicKey); // 'did:key:z6Mk…'
 * ```
 */
export function didKeyFromPublicKey(publicKey: Uint8Array): string {
  return `did:key:${encodePublicKeyMultibase(publicKey)}`;
}

/**
 * The verification method id of a did:key (`did:key:X#X`).
 *
 * @example
 * ```ts
 * verificationMethodId('did:key:z6MkrJVn…'); // 'did:key:z6MkrJVn…#z6MkrJVn…'
 * ```
 */
export function verificationMethodId(did: string): string {
  const { multibase } = parseDidKey(did);
  return `did:key:${multibase}#${multibase}`;
}

/**
 * Parses a did:key or a did:key verification method URL into its DID, its multibase value and
 * its 32 raw public key bytes. A fragment, when present, must repeat the multibase value.
 *
 * @throws {PassportError} ERR_DID_INVALID, ERR_MULTIBASE_INVALID, ERR_KEY_INVALID
 * @example
 * ```ts
 * const { did, publicKey } = parseDidKey(entry.proof.verificationMethod); // did:key:z6Mk…, 32 bytes
 * ```
 */
export function parseDidKey(value: unknown): { did: string; multibase: string; publicKey: Uint8Array } {
  if (typeof value !== 'string' || !value.startsWith('did:key:')) {
    throw new PassportError('ERR_DID_INVALID', 'expected a did:key identifier');
  }
  const rest = value.slice('did:key:'.length);
  const hash = rest.indexOf('#');
  const multibase = hash === -1 ? rest : rest.slice(0, hash);
  if (hash !== -1 && rest.slice(hash + 1) !== multibase) {
    throw new PassportError('ERR_DID_INVALID', 'the did:key fragment must repeat the key (did:key:X#X)');
  }
  if (!multibase.startsWith('z')) throw new PassportError('ERR_DID_INVALID', 'a did:key must start with "z" after "did:key:"');
  return { did: `did:key:${multibase}`, multibase, publicKey: decodePublicKeyMultibase(multibase) };
}
