// Small helpers shared by the trust files (not exported from the package).
import { backend } from '../backend/index.js';
import { toHex } from '../internal/bytes.js';
import { dayInWords, formatDateTimeStamp, isDateTimeStamp } from '../internal/time.js';
import { parseDidKey } from '../keys/did-key.js';

/**
 * A random `urn:uuid:` (version 4).
 * @internal
 */
export function uuidUrn(): string {
  const b = backend.randomBytes(16);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = toHex(b);
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * A caller-supplied Date or dateTimeStamp as a dateTimeStamp; TypeError otherwise.
 * @internal
 */
export function toTimestamp(value: unknown, name: string): string {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return formatDateTimeStamp(value);
  if (isDateTimeStamp(value)) return value;
  throw new TypeError(`"${name}" must be a valid Date or a date-time string with a time zone`);
}

/**
 * The DID of a did:key string or a KeyPair-like object; TypeError otherwise.
 * @internal
 */
export function didOf(value: unknown, name: string): string {
  const raw = typeof value === 'object' && value !== null && 'did' in value ? (value as { did: unknown }).did : value;
  try {
    return parseDidKey(raw).did;
  } catch {
    throw new TypeError(`"${name}" must be a did:key or a KeyPair`);
  }
}

/**
 * The DID of a did:key or undefined (untrusted input).
 * @internal
 */
export function tryDid(value: unknown): string | undefined {
  try {
    return parseDidKey(value).did;
  } catch {
    return undefined;
  }
}

/**
 * "3 March 2026".
 * @internal
 */
export function plainDay(ms: number): string {
  return dayInWords(ms) ?? 'an unreadable date';
}

/**
 * "60 days", "3 hours", "less than a minute".
 * @internal
 */
export function plainAge(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'less than a minute';
  const unit = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (minutes < 60) return unit(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return unit(hours, 'hour');
  return unit(Math.floor(hours / 24), 'day');
}

/**
 * A short form of a DID for messages.
 * @internal
 */
export function shortDid(did: string): string {
  return did.length > 24 ? `${did.slice(0, 16)}…${did.slice(-6)}` : did;
}
