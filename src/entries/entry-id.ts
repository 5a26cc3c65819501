// Entry identity: a CIDv1 (json codec 0x0200, sha2-256) over the JCS bytes of what the issuer
// signed. Content addressing is what lets copies merge without a central database, and
// revocation, supersession, checkpoints and de-duplication all match on it, so the CID must be a
// function of what the issuer signed and nothing else.
//
// A Data Integrity document carries more than its issuer signed, and a verifier still accepts it:
// - `proof` may be the proof object or a list holding it (the Open Badges 3.0 JSON shape), and a
//   proof set may be listed in any order;
// - a proof set may hold proofs that decide nothing: proofs in formats nobody here checks, proofs
//   by other keys, the issuer's eddsa-rdfc-2022 proof beside its eddsa-jcs-2022 one, chain links
//   (see proof/identity-proofs.ts);
// - when the proof carries `@context`, the document's `@context` only has to *start with* it
//   (VC-DI-EdDSA §3.3.2 step 4); anything appended after that prefix is not signed.
// So the identity is computed over the *identity form*: the document with `@context` exactly as
// the deciding proofs signed it and only the deciding proofs, sorted by their canonical bytes.
// A passport keeps one copy per identity in its *stored form* (every proof, deciding ones first,
// each part sorted; `@context` as the proofs together signed it). When two copies share an
// identity but differ in what decides nothing, the one with fewer extra proofs, then fewer
// contexts, then the lowest canonical bytes is kept: deterministic (merge stays commutative), and
// whoever adds proofs or contexts to a copy never wins.
import { sha256 } from '@noble/hashes/sha2.js';
import { PassportError, isPassportError, type PassportErrorCode } from '../errors.js';
import { isPlainObject, JSON_LIMITS, markFrozenSnapshot, snapshotJson } from '../internal/json.js';
import { canonicalBytes, canonicalJson } from '../proof/jcs.js';
import { splitProofs } from '../proof/identity-proofs.js';
import { utf8 } from '../internal/bytes.js';

/** Multicodec code of the json codec. */
export const JSON_CODEC = 0x0200;
/** Multihash code of sha2-256. */
export const SHA2_256 = 0x12;

// Entries sealed by this module: deep-frozen copies whose CID is known. Identity caching is safe
// only for objects nobody can change afterwards, so caller-owned objects are never cached.
const sealed = new WeakMap<object, string>();

// Every entry id starts with the same bytes: CID version 1, the json codec (0x0200 as an
// unsigned varint: 0x80 0x04), sha2-256 (0x12) and the digest length (32). Written out here
// rather than built with multiformats' CID class, which would add ~8 KB of minified code to the
// verify entry for this one constant; a test holds the result equal to multiformats'.
const CID_PREFIX = /* @__PURE__ */ Uint8Array.of(0x01, 0x80 | (JSON_CODEC & 0x7f), JSON_CODEC >> 7, SHA2_256, 32);
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** RFC 4648 base32, lower case, no padding: the multibase `b` encoding CIDv1 strings use. */
function base32(bytes: Uint8Array): string {
  let text = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xfff; // at most 12 bits are ever pending
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      text += BASE32[(buffer >>> bits) & 31];
    }
  }
  return bits > 0 ? text + BASE32[(buffer << (5 - bits)) & 31] : text;
}

/** The CID string of JCS bytes (synchronous: @noble/hashes, not the async backend). */
export function cidOfBytes(bytes: Uint8Array): string {
  const cid = new Uint8Array(CID_PREFIX.length + 32);
  cid.set(CID_PREFIX);
  cid.set(sha256(bytes), CID_PREFIX.length);
  return `b${base32(cid)}`;
}

/**
 * The entry id of a signed entry: a CIDv1 string (base32, `bagaaiera…`), multicodec json,
 * sha2-256 over the RFC 8785 (JCS) bytes of what its issuer signed: the entry without the proofs
 * that decide nothing, with `@context` exactly as the proofs signed it (see `identityForm`).
 * Synchronous. Every encoding of an entry that verifies has the same id: key order, whitespace,
 * `proof` as an object or a list in any order, extra proofs in other formats or by other keys
 * (the issuer's own eddsa-rdfc-2022 proof included), and `@context` items appended after the ones
 * the proof signed do not change it; any signed change does.
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
 * entryId(await addRdfcProof(entry, key)) === cid; // true: the same entry, with one more proof
 * ```
 */
export function entryId(entry: object): string {
  const cached = sealed.get(entry);
  if (cached !== undefined) return cached;
  if (!isPlainObject(entry)) throw new TypeError('"entry" must be a plain JSON object');
  // A snapshot first: a getter or proxy in the caller's object must not run in the hash.
  const snap = snapshotJson(entry);
  if (!snap.ok) throw new PassportError(snap.limit ? 'ERR_LIMIT_EXCEEDED' : 'ERR_JSON_INVALID', `The entry is not usable JSON: it contains ${snap.reason}`);
  return cidOfBytes(canonicalBytes(identityForm(snap.value as Record<string, unknown>)));
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/**
 * The `@context` the given proofs signed together: when every one of them carries an `@context`
 * that the document's starts with, the longest of those (the unsigned tail is dropped);
 * otherwise (a proof without `@context` signs the document's as it is, and one that does not
 * match will not verify) the document's own.
 */
function signedContext(document: Readonly<Record<string, unknown>>, proofs: readonly unknown[]): unknown {
  const docContext = document['@context'];
  const docList = listOf(docContext);
  let best: unknown[] | undefined;
  let bestValue: unknown;
  for (const proof of proofs) {
    if (!isPlainObject(proof) || proof['@context'] === undefined) return docContext;
    const signed = listOf(proof['@context']);
    const prefix = signed.length <= docList.length && signed.every((value, i) => sameJson(value, docList[i]));
    if (!prefix) return docContext;
    if (best === undefined || signed.length > best.length) {
      best = signed;
      bestValue = proof['@context'];
    }
  }
  return best === undefined ? docContext : bestValue;
}

function byCanonicalBytes(proofs: readonly unknown[]): unknown[] {
  return proofs
    .map((p) => ({ p, key: canonicalJson(p) }))
    .sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0))
    .map((x) => x.p);
}

/** `document` with the given `@context` and proofs (one proof as an object), or itself when that is what it is already. */
function withParts<T extends Record<string, unknown>>(document: T, context: unknown, proofs: readonly unknown[]): T {
  const raw = document.proof;
  let proof: unknown = raw;
  if (proofs.length === 1 && isPlainObject(proofs[0])) proof = proofs[0];
  else if (proofs.length > 1) proof = proofs;
  const sameProof = sameJson(proof, raw);
  const sameContext = sameJson(context, document['@context']);
  if (sameProof && sameContext) return document;
  // defineProperty keeps a signed "__proto__" member an own data property in the copy.
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(document)) {
    const value = key === 'proof' ? proof : key === '@context' ? context : document[key];
    if (value !== undefined) Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return copy as T;
}

/**
 * What an entry's identity is computed over: the document with only its deciding proofs (sorted
 * by canonical bytes; a single one as an object) and `@context` exactly as they signed it.
 *
 * @param document - a signed JSON document
 * @returns the identity form (the same object when it is in that form already)
 * @example
 * ```ts
 * identityForm({ ...entry, proof: [entry.proof, junkProof] }); // same content as entry
 * ```
 */
export function identityForm<T extends Record<string, unknown>>(document: T): T {
  const { deciding } = splitProofs(document);
  return withParts(document, signedContext(document, deciding), byCanonicalBytes(deciding));
}

/**
 * The one encoding of a copy of a signed document that passports keep: every proof (the deciding
 * ones first, each part sorted by canonical bytes; a single proof as an object) and `@context`
 * as the proofs together signed it. Documents that would not verify are left as they are.
 *
 * @param document - a signed JSON document
 * @returns the canonical form (the same object when it is canonical already)
 * @example
 * ```ts
 * canonicalForm({ ...entry, proof: [entry.proof] }); // same content as entry
 * ```
 */
export function canonicalForm<T extends Record<string, unknown>>(document: T): T {
  const { deciding, extra } = splitProofs(document);
  return withParts(document, signedContext(document, [...deciding, ...extra]), [...byCanonicalBytes(deciding), ...byCanonicalBytes(extra)]);
}

/** Why one copy is preferred over another of the same identity: fewer extra proofs, fewer contexts, lowest bytes. */
interface CopyRank {
  extra: number;
  contexts: number;
  /** The copy's canonical JSON; empty when the copy is the identity form itself (nothing beats it). */
  bytes: string;
  /** A key for this exact copy: the CID when it is the identity form, else the CID and a hash of the copy. */
  key: string;
}

const ranks = new WeakMap<object, CopyRank>();

function rankOf(form: Record<string, unknown>, cid: string, identical: boolean): CopyRank {
  if (identical) return { extra: 0, contexts: listOf(form['@context']).length, bytes: '', key: cid };
  const bytes = canonicalJson(form);
  return { extra: splitProofs(form).extra.length, contexts: listOf(form['@context']).length, bytes, key: `${cid}/${cidOfBytes(utf8(bytes))}` };
}

/**
 * Internal: compares two sealed copies that share a CID; negative when `a` is the one to keep.
 * Zero only for the same copy.
 */
export function compareCopies(a: object, b: object): number {
  if (a === b) return 0;
  const x = ranks.get(a);
  const y = ranks.get(b);
  if (!x || !y) return 0;
  if (x.extra !== y.extra) return x.extra - y.extra;
  if (x.contexts !== y.contexts) return x.contexts - y.contexts;
  return x.bytes < y.bytes ? -1 : x.bytes > y.bytes ? 1 : 0;
}

/**
 * Internal: a key for this exact sealed copy (the CID when the copy is in identity form).
 * Verdicts that depend on more than what decides the identity (extra proofs, an unsigned context
 * tail) are remembered under this key, never under the CID alone.
 */
export function copyKey(value: object): string | undefined {
  return ranks.get(value)?.key;
}

/** The outcome of sealing one untrusted value. */
export type SealOutcome = { ok: true; entry: Record<string, unknown>; cid: string } | { ok: false; code: PassportErrorCode; message: string };

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
  let form: Record<string, unknown>;
  let cid: string;
  let rank: CopyRank;
  try {
    form = canonicalForm(snap.value);
    const identity = identityForm(form);
    cid = cidOfBytes(canonicalBytes(identity));
    rank = rankOf(form, cid, identity === form);
  } catch (err) {
    if (!isPassportError(err)) throw err;
    return { ok: false, code: err.code, message: `${err.message}.` };
  }
  deepFreeze(form);
  markFrozenSnapshot(form);
  sealed.set(form, cid);
  ranks.set(form, rank);
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
