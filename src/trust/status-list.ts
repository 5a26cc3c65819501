// W3C Bitstring Status List v1.0 §2.1 / §3.1: the bitstring itself, and its encoding as
// "u" + base64url(GZIP(bits)). Uses the platform's CompressionStream, so it runs in Node 18+,
// browsers, Deno, Bun and workers without node:zlib.
import { PassportError } from '../errors.js';
import { fromBase64url, toBase64url } from '../internal/bytes.js';
import { transformBounded, type ByteBudget } from '../internal/streams.js';

/**
 * The spec's minimum number of entries in a status list (16 KB of bits).
 *
 * @example
 * ```ts
 * createStatusList({ length: MIN_STATUS_LIST_LENGTH * 2 });
 * ```
 */
export const MIN_STATUS_LIST_LENGTH = 131_072;

/**
 * Largest decompressed list accepted by {@link decodeStatusList} by default (16 MB): a gzip-bomb guard.
 *
 * @example
 * ```ts
 * await decodeStatusList(encodedList, { maxBytes: MAX_STATUS_LIST_BYTES / 4 });
 * ```
 */
export const MAX_STATUS_LIST_BYTES = 16 * 1024 * 1024;

/**
 * Most status-list bytes one verification decompresses in total (64 MiB: four lists of the
 * largest size, or thousands of ordinary ones). A verification is one trust context: one
 * verifyPassport, verifyCredential or evaluateTrust call, or a context you create and share.
 * Only lists that the entry's own issuer signed, and only the copy that is used, are
 * decompressed; past the budget the status is reported unknown with `ERR_LIMIT_EXCEEDED`.
 *
 * @example
 * ```ts
 * MAX_STATUS_LIST_BYTES_PER_VERIFICATION / MAX_STATUS_LIST_BYTES; // 4
 * ```
 */
export const MAX_STATUS_LIST_BYTES_PER_VERIFICATION = 64 * 1024 * 1024;

/**
 * A bitstring status list: `length` bits, index 0 at the left-most (most significant) bit of byte 0.
 *
 * @example
 * ```ts
 * const list: StatusList = createStatusList();
 * list.length; // 131072
 * ```
 */
export interface StatusList {
  /** Number of entries (bits). */
  readonly length: number;
  /** The bits; byte `i >> 3`, mask `0x80 >> (i & 7)`. */
  readonly bits: Uint8Array;
}

function assertList(list: unknown): asserts list is StatusList {
  const l = list as StatusList;
  if (typeof list !== 'object' || list === null || !(l.bits instanceof Uint8Array) || l.length !== l.bits.length * 8) {
    throw new TypeError('"list" must be a StatusList from createStatusList() or decodeStatusList()');
  }
}

function assertIndex(list: StatusList, index: unknown): asserts index is number {
  if (typeof index !== 'number' || !Number.isSafeInteger(index) || index < 0 || index >= list.length) {
    throw new RangeError(`"index" must be an integer from 0 to ${list.length - 1}`);
  }
}

/**
 * Creates an empty status list (every entry unset). The length must be a multiple of 8 and at
 * least 131,072, the minimum the specification sets so that one entry hides among many.
 *
 * @throws {TypeError} when `length` is not a whole number of bytes or is below the minimum
 * @example
 * ```ts
 * const list = createStatusList(); // 131,072 entries, all 0
 * setStatus(list, 94567, true);
 * ```
 */
export function createStatusList(options: { length?: number } = {}): StatusList {
  if (typeof options !== 'object' || options === null) throw new TypeError('"options" must be an object');
  const length = options.length ?? MIN_STATUS_LIST_LENGTH;
  if (typeof length !== 'number' || !Number.isSafeInteger(length) || length < MIN_STATUS_LIST_LENGTH || length % 8 !== 0) {
    throw new TypeError(`"length" must be a multiple of 8 and at least ${MIN_STATUS_LIST_LENGTH}`);
  }
  if (length / 8 > MAX_STATUS_LIST_BYTES) throw new TypeError(`"length" must be at most ${MAX_STATUS_LIST_BYTES * 8}`);
  return { length, bits: new Uint8Array(length / 8) };
}

/**
 * Sets (true) or clears (false) the entry at `index`. Changes the list in place and returns it.
 * Revocation is meant to be permanent; clearing is for suspension lists.
 *
 * @throws {RangeError} when `index` is outside the list
 * @example
 * ```ts
 * setStatus(list, 42, true); // entry 42 revoked (or suspended, for a suspension list)
 * ```
 */
export function setStatus(list: StatusList, index: number, value: boolean): StatusList {
  assertList(list);
  assertIndex(list, index);
  if (typeof value !== 'boolean') throw new TypeError('"value" must be a boolean');
  const mask = 0x80 >> (index & 7);
  if (value) list.bits[index >> 3]! |= mask;
  else list.bits[index >> 3]! &= ~mask;
  return list;
}

/**
 * Reads the entry at `index`: true when set (revoked / suspended).
 *
 * @throws {RangeError} when `index` is outside the list
 * @example
 * ```ts
 * getStatus(list, 42); // true after setStatus(list, 42, true)
 * ```
 */
export function getStatus(list: StatusList, index: number): boolean {
  assertList(list);
  assertIndex(list, index);
  return (list.bits[index >> 3]! & (0x80 >> (index & 7))) !== 0;
}

function pipeThrough(input: Uint8Array, stream: CompressionStream | DecompressionStream, maxBytes: number, budget?: ByteBudget): Promise<Uint8Array> {
  return transformBounded(
    input,
    stream,
    maxBytes,
    () => new PassportError('ERR_LIMIT_EXCEEDED', `the status list is larger than ${maxBytes} bytes when decompressed`),
    budget && {
      budget,
      onBudget: () => new PassportError('ERR_LIMIT_EXCEEDED', 'the status lists of this verification decompress to more than its budget allows'),
    },
  );
}

/**
 * Encodes a list as the specification's `encodedList`: the multibase prefix "u" followed by
 * unpadded base64url of the GZIP-compressed bits. GZIP output differs between implementations,
 * so compare decoded bits, never encoded strings.
 *
 * @example
 * ```ts
 * const encodedList = await encodeStatusList(list); // 'uH4sI…'
 * ```
 */
export async function encodeStatusList(list: StatusList): Promise<string> {
  assertList(list);
  const gz = await pipeThrough(list.bits, new CompressionStream('gzip'), Number.MAX_SAFE_INTEGER);
  return `u${toBase64url(gz)}`;
}

/**
 * Decodes an `encodedList` (untrusted input). Refuses lists that decompress to more than
 * `maxBytes` (default 16 MB, against gzip bombs) or hold fewer than `minLength` entries
 * (default 131,072, the specification's minimum).
 *
 * @throws {PassportError} ERR_STATUS_LIST_INVALID (not multibase base64url GZIP, too short), ERR_LIMIT_EXCEEDED (too large)
 * @example
 * ```ts
 * const list = await decodeStatusList('uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA');
 * list.length; // 131072
 * ```
 */
export async function decodeStatusList(encodedList: string, options: { maxBytes?: number; minLength?: number } = {}): Promise<StatusList> {
  return decodeStatusListWithin(encodedList, options);
}

/**
 * @internal {@link decodeStatusList}, charging the decompressed bytes to `budget` (shared by
 * every list of one verification) and refusing with ERR_LIMIT_EXCEEDED once it is spent.
 */
export async function decodeStatusListWithin(
  encodedList: string,
  options: { maxBytes?: number; minLength?: number; budget?: ByteBudget } = {},
): Promise<StatusList> {
  if (typeof encodedList !== 'string') throw new TypeError('"encodedList" must be a string');
  const maxBytes = options.maxBytes ?? MAX_STATUS_LIST_BYTES;
  const minLength = options.minLength ?? MIN_STATUS_LIST_LENGTH;
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 1) throw new TypeError('"maxBytes" must be a positive integer');
  if (!Number.isSafeInteger(minLength) || minLength < 0) throw new TypeError('"minLength" must be a non-negative integer');
  if (!encodedList.startsWith('u')) {
    throw new PassportError('ERR_STATUS_LIST_INVALID', 'the encoded status list must be multibase base64url (start with "u")');
  }
  let gz: Uint8Array;
  try {
    gz = fromBase64url(encodedList.slice(1));
  } catch (cause) {
    throw new PassportError('ERR_STATUS_LIST_INVALID', 'the encoded status list is not valid base64url', { cause });
  }
  // A compressed list can never need more than a small fraction of its output; refuse absurd inputs early.
  if (gz.length > maxBytes) throw new PassportError('ERR_LIMIT_EXCEEDED', 'the encoded status list is too large');
  if (options.budget && options.budget.remaining <= 0) {
    throw new PassportError('ERR_LIMIT_EXCEEDED', 'the status lists of this verification decompress to more than its budget allows');
  }
  let bits: Uint8Array;
  try {
    bits = await pipeThrough(gz, new DecompressionStream('gzip'), maxBytes, options.budget);
  } catch (cause) {
    if (cause instanceof PassportError) throw cause;
    throw new PassportError('ERR_STATUS_LIST_INVALID', 'the encoded status list is not valid GZIP data', { cause });
  }
  if (bits.length * 8 < minLength) {
    throw new PassportError('ERR_STATUS_LIST_INVALID', `the status list holds ${bits.length * 8} entries; at least ${minLength} are required`);
  }
  return { length: bits.length * 8, bits };
}
