// Shared by the SD-JWT VC operations (issue-sd-jwt-entry, present-sd-jwt, verify-sd-jwt).

/** The prefix of every learning-passport SD-JWT VC type (`vct`); the kind follows it. */
export const VCT_PREFIX = 'https://learning-passport.org/vct/';
/** A calendar date at day, month or year precision. */
export const SD_JWT_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
/** The precisions a date field is issued at, finest first. */
export const PRECISIONS = ['day', 'month', 'year'] as const;
/**
 * A date precision: the finest at which an issuer makes a date disclosable.
 *
 * @example
 * ```ts
 * const coarsen: DatePrecision = 'month'; // the holder can show "March 2026" or "2026", never the day
 * ```
 */
export type DatePrecision = (typeof PRECISIONS)[number];
