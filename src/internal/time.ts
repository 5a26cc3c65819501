// XML Schema dateTimeStamp handling (VC 2.0 validFrom / validUntil, proof.created, holder decisions).
//
// Date.parse is too lenient to be the judge of untrusted dates: it rolls "2026-02-30" over to
// 2 March, and returns NaN for a leap second ("…T00:00:60Z") that a pattern would let through.
// Every date read from outside goes through parseDateTimeStamp, which accepts only real calendar
// instants, so two parties always agree on whether a date is valid and what instant it names.

/**
 * XMLSCHEMA11-2 dateTimeStamp: a date and time with a mandatory time zone. VC 2.0 requires
 * validFrom / validUntil to be of this type. Seconds stop at 59: XML Schema 1.1 has no leap
 * seconds, and JavaScript cannot represent one.
 */
export const DATE_TIME_STAMP = /^-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))$/;

// Four-digit years only: the instants JavaScript dates and every peer implementation agree on.
const STRICT = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

/** Days in a month of the proleptic Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * The instant a dateTimeStamp denotes, in milliseconds since the epoch, or `undefined` when the
 * value is not a real one: not a string, not the dateTimeStamp pattern, a day the month does not
 * have (30 February), a leap second, or a year outside 0000–9999.
 */
export function dateTimeStampInstant(value: unknown): number | undefined {
  if (typeof value !== 'string' || value.length > 40) return undefined;
  const known = instants.get(value);
  if (known !== undefined || instants.has(value)) return known;
  const instant = instantOf(value);
  if (instants.size >= MAX_REMEMBERED) instants.clear();
  instants.set(value, instant);
  return instant;
}

// Verifying one entry reads the same few dates several times (proof.created and validFrom in the
// proof, validity, shape and trust checks), and the entries of a passport share many of them, so
// the instants of recent strings are remembered: the answer depends on the string alone, and at
// most MAX_REMEMBERED strings of at most 40 characters are kept.
const MAX_REMEMBERED = 1024;
const instants = new Map<string, number | undefined>();

function instantOf(value: string): number | undefined {
  if (!DATE_TIME_STAMP.test(value)) return undefined;
  const m = STRICT.exec(value);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (Number(m[3]) > daysInMonth(year, month)) return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : t;
}

/** True when `value` is a dateTimeStamp string naming a real instant (see {@link dateTimeStampInstant}). */
export function isDateTimeStamp(value: unknown): value is string {
  return dateTimeStampInstant(value) !== undefined;
}

/** The instant a dateTimeStamp denotes in milliseconds since the epoch; NaN unless {@link isDateTimeStamp}. */
export function parseDateTimeStamp(value: string): number {
  return dateTimeStampInstant(value) ?? Number.NaN;
}

/** A Date as a dateTimeStamp without milliseconds (`2026-03-03T10:00:00Z`). */
export function formatDateTimeStamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * True when an instant is no later than `now` plus `skewSeconds`: a statement dated after the
 * moment it is judged is not honoured (it could otherwise be planted to win every later
 * comparison, as a decision dated 9999-12-31 would).
 */
export function notInFuture(instant: number, now: number, skewSeconds: number): boolean {
  return instant <= now + skewSeconds * 1000;
}

/** Throws TypeError unless `value` is a valid Date (used for caller-supplied `now` options). */
export function assertDate(value: unknown, name: string): asserts value is Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new TypeError(`"${name}" must be a valid Date`);
  }
}

// ——— Calendar dates (issuing): real days, and not in the future unless planned ———

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * True when `value` is a calendar date that exists: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with a
 * month 01–12 and a day that month has (2026-02-30 and 2025-02-29 are refused, 2028-02-29 is not).
 */
export function isRealPartialDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = PARTIAL_DATE.exec(value);
  if (!m) return false;
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  return day >= 1 && day <= daysInMonth(Number(m[1]), month);
}

/** The first instant (UTC) a partial date can mean: `2026-03` → 2026-03-01T00:00:00Z, in ms. */
export function partialDateStart(value: string): number {
  const m = PARTIAL_DATE.exec(value);
  if (!m) return Number.NaN;
  return Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1);
}

/** How far ahead of the clock a past-event date may be (time zones, a clock a little fast). */
export const FUTURE_DATE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

/**
 * True when a partial date lies wholly more than a day after `now`: even its first instant is
 * later than `now` + {@link FUTURE_DATE_TOLERANCE_MS}. An award dated this month or this year is
 * never "in the future".
 */
export function isPartialDateInFuture(value: string, now: number): boolean {
  return partialDateStart(value) > now + FUTURE_DATE_TOLERANCE_MS;
}

/**
 * A date given as text by a person — `YYYY-MM-DD` (midnight UTC) or a dateTimeStamp — as a
 * dateTimeStamp, or undefined when it is not one of those forms or names a day that does not
 * exist. One rule for every date a person types: entry validity, accreditation windows,
 * compromise times.
 */
export function dateTimeStampFromText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return isRealPartialDate(value) ? `${value}T00:00:00Z` : undefined;
  if (!isDateTimeStamp(value)) return undefined;
  return isRealPartialDate(value.slice(0, value.indexOf('T'))) ? value : undefined;
}

// Made on first use: building an Intl.DateTimeFormat loads locale data (~20 ms of CPU), which
// importing the verify entry must not pay.
let dayFormat: Intl.DateTimeFormat | undefined;

/**
 * A day in words, "3 March 2026" (UTC), for an instant in milliseconds or a date string;
 * undefined when the value does not name a day. The one formatter of days in messages.
 */
export function dayInWords(value: number | string): string | undefined {
  const t = typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(t)) return undefined;
  dayFormat ??= new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return dayFormat.format(new Date(t));
}
