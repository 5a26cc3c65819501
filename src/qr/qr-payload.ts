// The QR payload of one entry (or a small presentation):
//   "LP1:" + Base45(deflate-raw(UTF-8(JSON(tokens(JCS order)))))
// The JSON keeps JCS key order and the token table (qr-tokens.ts) is reversible, so the decoded
// entry is exactly what was signed and verifies with verifyCredential; Base45 keeps every
// character in the QR alphanumeric set.
import { PassportError } from '../errors.js';
import { isPlainObject, snapshotJson } from '../internal/json.js';
import { utf8 } from '../internal/bytes.js';
import { canonicalJson } from '../proof/jcs.js';
import { compactTokens, expandTokens } from './qr-tokens.js';
import { fromBase45, toBase45 } from './base45.js';
import { deflateRaw, inflateRaw, InflateLimitError } from './deflate.js';

/** The prefix (and version) of every learning-passport QR payload. */
export const QR_PREFIX = 'LP1:';
/** Most characters accepted in a payload (a version 40 QR holds 4,296 alphanumeric characters). */
export const QR_MAX_PAYLOAD_LENGTH = 4296;
/** Most bytes a payload may expand to. */
export const QR_MAX_DECODED_BYTES = 64 * 1024;

/**
 * Encodes a signed entry (or a small presentation) for one QR code:
 * `'LP1:' + base45(deflate-raw(JCS bytes))`. Every character is in the QR alphanumeric set, so
 * QR libraries pick the compact alphanumeric mode.
 *
 * @throws {TypeError} when `document` is not a JSON object
 * @throws {PassportError} ERR_CANONICALIZATION_FAILED; ERR_LIMIT_EXCEEDED when the payload is too big for one QR code
 * @example
 * ```ts
 * const payload = await encodeQrPayload(entry); // 'LP1:6BFOXN…'
 * const svg = await toQrSvg(payload);
 * ```
 */
export async function encodeQrPayload(document: object): Promise<string> {
  const snap = snapshotJson(document);
  if (!snap.ok || !isPlainObject(snap.value)) throw new TypeError('"document" must be a plain JSON object');
  const payload = QR_PREFIX + toBase45(await deflateRaw(utf8(JSON.stringify(compactTokens(JSON.parse(canonicalJson(snap.value)))))));
  if (payload.length > QR_MAX_PAYLOAD_LENGTH) {
    throw new PassportError('ERR_LIMIT_EXCEEDED', `the QR payload is ${payload.length} characters; one QR code holds at most ${QR_MAX_PAYLOAD_LENGTH}`);
  }
  return payload;
}

function invalid(message: string, cause?: unknown): PassportError {
  return new PassportError('ERR_QR_PAYLOAD_INVALID', message, cause === undefined ? undefined : { cause });
}

/**
 * Decodes a scanned QR payload back into the entry (or presentation) it holds. The result is
 * plain JSON; check it with verifyCredential (or verifyPresentation) before relying on it.
 *
 * @throws {PassportError} ERR_QR_PAYLOAD_INVALID for text that is not a learning-passport payload,
 *   bad Base45, bad compressed data, output over 64 KiB, or content that is not a JSON object
 * @example
 * ```ts
 * const entry = await decodeQrPayload(scannedText);
 * const result = await verifyCredential(entry, { policy });
 * ```
 */
export async function decodeQrPayload(text: string): Promise<Record<string, unknown>> {
  if (typeof text !== 'string') throw invalid('The scanned code is not text.');
  const trimmed = text.trim();
  if (!trimmed.startsWith(QR_PREFIX)) throw invalid('This QR code is not from a learning passport (it does not start with "LP1:").');
  if (trimmed.length > QR_MAX_PAYLOAD_LENGTH) throw invalid('This QR code holds more data than a learning-passport code can.');
  let compressed: Uint8Array;
  try {
    compressed = fromBase45(trimmed.slice(QR_PREFIX.length));
  } catch (cause) {
    throw invalid('This QR code is damaged: its text is not valid Base45.', cause);
  }
  let bytes: Uint8Array;
  try {
    bytes = await inflateRaw(compressed, QR_MAX_DECODED_BYTES);
  } catch (cause) {
    if (cause instanceof InflateLimitError) throw invalid(`This QR code expands to more than ${QR_MAX_DECODED_BYTES} bytes.`, cause);
    throw invalid('This QR code is damaged: its data cannot be decompressed.', cause);
  }
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (cause) {
    throw invalid('This QR code is damaged: it does not hold a readable record.', cause);
  }
  try {
    value = expandTokens(value);
  } catch (cause) {
    throw invalid('This QR code is damaged or from a newer version: it uses an unknown abbreviation.', cause);
  }
  const snap = snapshotJson(value);
  if (!snap.ok || !isPlainObject(snap.value)) throw invalid('This QR code does not hold a record.');
  return snap.value as Record<string, unknown>;
}
