// XML Schema dateTimeStamp handling (VC 2.0 validFrom / validUntil, proof.created).

/**
 * XMLSCHEMA11-2 dateTimeStamp: a date and time with a mandatory time zone. VC 2.0 requires
 * validFrom / validUntil to be of this type.
 */
export const DATE_TIME_STAMP =
  /^-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))$/;

/** True when `value` is a dateTimeStamp string that also parses to a real instant. */
export function isDateTimeStamp(value: unknown): value is string {
  return typeof value === 'string' && DATE_TIME_STAMP.test(value) && !Number.isNaN(Date.parse(value));
}

/** The instant a dateTimeStamp denotes, in milliseconds since the epoch. */
export function parseDateTimeStamp(value: string): number {
  return Date.parse(value);
}

/** A Date as a dateTimeStamp without milliseconds (`2026-03-03T10:00:00Z`). */
export function formatDateTimeStamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Throws TypeError unless `value` is a valid Date (used for caller-supplied `now` options). */
export function assertDate(value: unknown, name: string): asserts value is Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new TypeError(`"${name}" must be a valid Date`);
  }
}

// ——— Calendar dates (issuing): real days, and not in the future unless planned ———

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Days in a month of the proleptic Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

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
