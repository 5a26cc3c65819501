// The plain-English helpers the kinds' words (entries/kinds/words/) build their lines with.
// Zod-free on purpose: describeEntry runs on the verify path, which must not load the schemas.
import type { DescribeContext } from './common.js';

/**
 * The issuer's name for a describe line, or a neutral stand-in.
 *
 * @example
 * ```ts
 * issuerOr({ issuerName: 'Novus' }); // 'Novus'
 * issuerOr({}, 'a provider'); // 'a provider'
 * ```
 */
export function issuerOr(context: DescribeContext, fallback = 'an issuer'): string {
  return context.issuerName ?? fallback;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * "3 March 2026", "March 2026" or "2026" for a partial date; the input itself when unreadable.
 *
 * @example
 * ```ts
 * plainPartialDate('2026-03'); // 'March 2026'
 * ```
 */
export function plainPartialDate(value: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
  if (!m) return value;
  const month = m[2] ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!month) return m[1]!;
  return m[3] ? `${Number(m[3])} ${month} ${m[1]}` : `${month} ${m[1]}`;
}

/**
 * "March 2025 to June 2025", "since March 2025".
 *
 * @example
 * ```ts
 * plainPeriod('2025-03', undefined); // 'since March 2025'
 * ```
 */
export function plainPeriod(from: string, to: string | undefined): string {
  return to ? `${plainPartialDate(from)} to ${plainPartialDate(to)}` : `since ${plainPartialDate(from)}`;
}

/**
 * "Entry Level 3", "Level 2", "SCQF Level 5".
 *
 * @example
 * ```ts
 * plainLevel('E3'); // 'Entry Level 3'
 * ```
 */
export function plainLevel(level: string): string {
  if (/^E[1-3]$/.test(level)) return `Entry Level ${level.slice(1)}`;
  if (/^L[1-8]$/.test(level)) return `Level ${level.slice(1)}`;
  if (level.startsWith('SCQF')) return `SCQF Level ${level.slice(4)}`;
  return level;
}

/**
 * "a, b and c".
 *
 * @example
 * ```ts
 * plainList(['CV', 'bank account', 'interview']); // 'CV, bank account and interview'
 * ```
 */
export function plainList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * Joins non-empty sentence parts.
 *
 * @example
 * ```ts
 * sentences('A course.', undefined, 'Skills: baking.'); // 'A course. Skills: baking.'
 * ```
 */
export function sentences(...parts: (string | false | undefined | null)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p !== '').join(' ');
}
