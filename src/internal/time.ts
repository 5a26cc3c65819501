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
