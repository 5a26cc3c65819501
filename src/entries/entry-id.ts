// Entry identity: a CIDv1 (json codec 0x0200, sha2-256) over the JCS bytes of the signed entry in
// its canonical form. Content addressing is what lets copies merge without a central database,
// and revocation, supersession, checkpoints and de-duplication all match on it, so the CID must
// be a function of what the issuer signed and nothing else.
//
// eddsa-jcs-2022 leaves two things outside the signature that a verifier still accepts:
// - `proof` may be the proof object or a one-element array holding it (the Open Badges 3.0 JSON
//   shape);
// - when the proof carries `@context`, the document's `@context` only has to *start with* it
//   (VC-DI-EdDSA §3.3.2 step 4); anything appended after that prefix is not signed.
// Hashing the bytes as found would let anyone mint a new identity for a genuine entry (wrap the
// proof, append a context): a revoked entry could come back as a "new" active one, and a
// genuine entry could be shown in conflict with itself. So every entry is brought to its one
// canonical form before it is hashed, and that form is what passports keep: the proof as a
// single object, and `@context` exactly as signed.
import { sha256 } from '@noble/hashes/sha2.js';
import { CID } from 'multiformats/cid';
import { create as createDigest } from 'multiformats/hashes/digest';
import { PassportError, isPassportError, type PassportErrorCode } from '../errors.js';
import { isPlainObject, JSON_LIMITS, markFrozenSnapshot, snapshotJson } from '../internal/json.js';
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
 * sha2-256 over the RFC 8785 (JCS) bytes of the entry, proof included, in its canonical form
 * (see `canonicalForm`). Synchronous. Every encoding of an entry that verifies has the
 * same id: key order, whitespace, `proof` as an object or a one-element list, and `@context`
 * items appended after the ones the proof signed do not change it; any signed change does.
 *
 * Entries held by passports from this library are frozen and their ids cached by identity, so
 * asking again is free; for other objects the id is computed each time.
 *
 * @param entry - a signed entry (any JSON object)
 * @returns the CID string
 * @throws {TypeError} when `entry` is not a plain JSON object
 * @throws {PassportError} ERR_CANONICALIZATION_FAILED when it cannot be canonicalized (lone
 *   surrogates); ERR_JSON_INVALID / ERR_LIMIT_EXCEEDED when it is not plain JSON within the limits
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
  // A snapshot first: a getter or proxy in the caller's object must not run in the hash.
  const snap = snapshotJson(entry);
  if (!snap.ok) throw new PassportError(snap.limit ? 'ERR_LIMIT_EXCEEDED' : 'ERR_JSON_INVALID', `The entry is not usable JSON: it contains ${snap.reason}`);
  return cidOfBytes(canonicalBytes(canonicalForm(snap.value as Record<string, unknown>)));
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The one encoding of a signed document that identity is computed over (and that passports
 * keep): a one-element proof array becomes the proof object, and when the proof signed a
 * `@context` that the document's `@context` starts with, the document's `@context` becomes
 * exactly that (the unsigned tail is dropped). Documents that would not verify anyway (several
 * proofs, a context that does not match) are left as they are. The prefix test is the
 * verifier's own (values compared as JSON, a lone value read as a one-item list), so every
 * encoding the verifier accepts maps to the same form.
 *
 * @param document - a signed JSON document
 * @returns the canonical form (the same object when it is canonical already)
 * @example
 * ```ts
 * canonicalForm({ ...entry, proof: [entry.proof] }); // same content as entry
 * ```
 */
export function canonicalForm<T extends Record<string, unknown>>(document: T): T {
  let out: Record<string, unknown> = document;
  const raw = document.proof;
  const proof = Array.isArray(raw) && raw.length === 1 && isPlainObject(raw[0]) ? raw[0] : raw;
  if (proof !== raw) out = { ...out, proof };
  if (isPlainObject(proof) && proof['@context'] !== undefined) {
    const signed = proof['@context'];
    const docList = Array.isArray(document['@context']) ? document['@context'] : [document['@context']];
    const signedList = Array.isArray(signed) ? signed : [signed];
    const prefix = signedList.length <= docList.length && signedList.every((value, i) => sameJson(value, docList[i]));
    if (prefix && !sameJson(document['@context'], signed)) out = { ...out, '@context': signed };
  }
  if (out === document) return document;
  // defineProperty keeps a signed "__proto__" member an own data property in the copy.
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(out)) Object.defineProperty(copy, key, { value: out[key], enumerable: true, writable: true, configurable: true });
  return copy as T;
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
 * Internal: turns an untrusted value into a frozen plain-JSON copy with its CID cached, its keys
 * in JCS order at every level. Returns a reason instead of throwing. Values sealed before are
 * returned as they are. `owned`: the value is a fresh JSON.parse result nobody else holds, so
 * objects already in order are frozen in place rather than copied.
 */
export function sealJson(value: unknown, options: { owned?: boolean } = {}): SealOutcome {
  if (typeof value === 'object' && value !== null) {
    const cid = sealed.get(value);
    if (cid !== undefined) return { ok: true, entry: value as Record<string, unknown>, cid };
  }
  // Keys in JCS order, so that a sealed value is written to a file by plain JSON.stringify
  // (serializePassport) with the same bytes as a key-sorting writer, without copying it again.
  const snap = snapshotJson(value, JSON_LIMITS, { sortKeys: true, ...(options.owned ? { owned: true } : {}) });
  if (!snap.ok) return { ok: false, code: 'ERR_LIMIT_EXCEEDED', message: `It is not usable JSON: it contains ${snap.reason}.` };
  if (!isPlainObject(snap.value)) return { ok: false, code: 'ERR_SCHEMA_INVALID', message: 'It is not a JSON object.' };
  const form = canonicalForm(snap.value);
  let cid: string;
  try {
    cid = cidOfBytes(canonicalBytes(form));
  } catch (err) {
    if (!isPassportError(err)) throw err;
    return { ok: false, code: err.code, message: `${err.message}.` };
  }
  deepFreeze(form);
  markFrozenSnapshot(form);
  sealed.set(form, cid);
  return { ok: true, entry: form, cid };
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
