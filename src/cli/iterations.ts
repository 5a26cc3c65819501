// --iterations: the PBKDF2 work factor of a new key file, shared by every command that writes one
// (keys generate, keys rotate, keys passphrase).
import { colour, UsageError, warn } from './io.js';

/** OWASP's figure for PBKDF2-HMAC-SHA512: the lowest --iterations the command accepts. */
export const MIN_ITERATIONS = 210_000;
/** The lowest count when LP_INSECURE_TEST_ITERATIONS=1 (test suites only: such a key file is weak). */
export const TEST_MIN_ITERATIONS = 1_000;

/**
 * --iterations as key-file options: a whole number at or above the floor. None given: the
 * library's default (600,000), except under LP_INSECURE_TEST_ITERATIONS=1, where it is the test
 * floor, so a test can follow the README's commands exactly as written without spending seconds
 * of PBKDF2 on every key file; the warning says the file is weak.
 */
export function iterationsFrom(value: unknown): { iterations?: number; unsafeIterationsForTesting?: number } {
  const testOnly = process.env.LP_INSECURE_TEST_ITERATIONS === '1';
  if (value === undefined && !testOnly) return {};
  const given = value ?? String(TEST_MIN_ITERATIONS);
  const n = Number(given);
  const floor = testOnly ? TEST_MIN_ITERATIONS : MIN_ITERATIONS;
  if (!/^\d+$/.test(String(given)) || !Number.isSafeInteger(n))
    throw new UsageError(`--iterations must be a whole number (got "${String(given)}")`, 'ERR_FLAG_VALUE');
  if (n < floor)
    throw new UsageError(
      `--iterations must be at least ${floor.toLocaleString('en-GB')} (OWASP guidance for PBKDF2-HMAC-SHA512); the default is 600,000`,
      'ERR_FLAG_VALUE',
    );
  if (n > 5_000_000) throw new UsageError('--iterations must be at most 5,000,000 (a key file must stay openable)', 'ERR_FLAG_VALUE');
  if (testOnly && n < MIN_ITERATIONS) {
    warn(`${colour.yellow('warning:')} ${n} iterations is for test suites only: this key file is weak`);
    return { unsafeIterationsForTesting: n };
  }
  return { iterations: n };
}
