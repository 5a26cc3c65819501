// Entry identity: a CIDv1 (json codec 0x0200, sha2-256) over the JCS bytes of the whole signed
// entry. Content addressing is what lets copies merge without a central database: two copies
// of the same signed entry have the same CID whatever their key order or whitespace.
import { sha256 } from '@noble/hashes/sha2.js';
import { CID } from 'multiformats/cid';
import { create as createDigest } from 'multiformats/hashes/digest';
import { PassportError, isPassportError, type PassportErrorCode } from '../errors.js';
import { isPlainObject, markFrozenSnapshot, snapshotJson } from '../internal/json.js';
import { canonicalBytes } from '../proof/jcs.js';

/** Multicodec code of the json codec. */
export const JSON_CODEC = 0x0200;
/** Multihash code of sha2-256. */
export const SHA2_256 = 0x12;

// Entries sealed by this module: deep-frozen copies whose CID is known. Identity caching is safe
// only for objects nobody can change afterwards, so caller-owned objects are never cached.
const sealed = new WeakMap<object, string>();

/** The CID string of JCS bytes (synchronous: @noble/hashes, not the async backend). */
export function cidOfBytes(bytes: Uint8Array): string {
  return CID.create(1, JSON_CODEC, createDigest(SHA2_256, sha256(bytes))).toString();
}

/**
 * The entry id of a signed entry: a CIDv1 string (base32, `bagaaiera…`), multicodec json,
 * sha2-256 over the RFC 8785 (JCS) bytes of the whole entry including its proof. Synchronous.
 * The same entry always has the same id, whatever its key order or whitespace.
 *
 * Entries held by passports from this library are frozen and their ids cached by identity, so
 * asking again is free; for other objects the id is computed each time.
 *
 * @param entry - a signed entry (any JSON object)
 * @returns the CID string
 * @throws {TypeError} when `entry` is not a plain JSON object
 * @throws {PassportError} ERR_CANONICALIZATION_FAILED when it cannot be canonicalized (lone surrogates)
 * @example
 * ```ts
 * const cid = entryId(entry); // 'bagaaiera…'
 * entryId(JSON.parse(JSON.stringify(entry))) === cid; // true
 * ```
 */
export function entryId(entry: object): string {
  const cached = sealed.get(entry);
  if (cached !== undefined) return cached;
  if (!isPlainObject(entry)) throw new TypeError('"entry" must be a plain JSON object');
  return cidOfBytes(canonicalBytes(entry));
}

/** The outcome of sealing one untrusted value. */
export type SealOutcome =
  | { ok: true; entry: Record<string, unknown>; cid: string }
  | { ok: false; code: PassportErrorCode; message: string };

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null) return;
  Object.freeze(value);
  if (Array.isArray(value)) for (const item of value) deepFreeze(item);
  else for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
}

/**
 * Internal: turns an untrusted value into a frozen plain-JSON copy with its CID cached. Returns a
 * reason instead of throwing. Values sealed before are returned as they are.
 */
export function sealJson(value: unknown): SealOutcome {
  if (typeof value === 'object' && value !== null) {
    const cid = sealed.get(value);
    if (cid !== undefined) return { ok: true, entry: value as Record<string, unknown>, cid };
  }
  const snap = snapshotJson(value);
  if (!snap.ok) return { ok: false, code: 'ERR_LIMIT_EXCEEDED', message: `It is not usable JSON: it contains ${snap.reason}.` };
  if (!isPlainObject(snap.value)) return { ok: false, code: 'ERR_SCHEMA_INVALID', message: 'It is not a JSON object.' };
  let cid: string;
  try {
    cid = cidOfBytes(canonicalBytes(snap.value));
  } catch (err) {
    if (!isPassportError(err)) throw err;
    return { ok: false, code: err.code, message: `${err.message}.` };
  }
  deepFreeze(snap.value);
  markFrozenSnapshot(snap.value);
  sealed.set(snap.value, cid);
  return { ok: true, entry: snap.value, cid };
}

/** Internal: true when the value was sealed by {@link sealJson}. */
export function isSealed(value: unknown): boolean {
  return typeof value === 'object' && value !== null && sealed.has(value);
}

/** Internal: throws a PassportError for a seal failure (used by functions that throw). */
export function sealOrThrow(value: unknown, what: string): { entry: Record<string, unknown>; cid: string } {
  const outcome = sealJson(value);
  if (!outcome.ok) throw new PassportError(outcome.code, `${what}: ${outcome.message}`);
  return outcome;
}
