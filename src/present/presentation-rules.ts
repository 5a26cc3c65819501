// The rules both presentation formats share (Data Integrity and vp+jwt): who a presentation
// may be for, the values a request must carry, and what a verifier reads of any presentation
// before its entries. createPresentation, signVpJwt, verifyPresentation and verifyVpJwt use them.
import { isPlainObject } from '../internal/json.js';
import { assertDate } from '../internal/time.js';
import { describeViolations, vcdmViolations } from '../proof/vcdm-conformance.js';

/**
 * Who a presentation is for.
 *
 * @example
 * ```ts
 * const audience: Audience = 'employer';
 * ```
 */
export type Audience = 'employer' | 'education' | 'justice';

/**
 * The audiences, in a fixed order.
 *
 * @example
 * ```ts
 * for (const audience of AUDIENCES) console.log(audience); // employer, education, justice
 * ```
 */
export const AUDIENCES: readonly Audience[] = ['employer', 'education', 'justice'];

/** Validates the audience, include and lint options shared by the presentation builders. */
export function assertSelectionOptions(options: { audience?: unknown; include?: unknown }): void {
  if (!AUDIENCES.includes(options.audience as Audience)) throw new TypeError(`"audience" must be one of: ${AUDIENCES.join(', ')}`);
  if (options.include !== undefined && (!Array.isArray(options.include) || !options.include.every((v) => typeof v === 'string'))) {
    throw new TypeError('"include" must be an array of entry ids (CIDs or credential ids)');
  }
}

/** Throws TypeError unless `value` is a non-empty string. */
export function assertNonEmpty(value: unknown, name: string): asserts value is string {
  if (typeof value !== 'string' || value.trim() === '') throw new TypeError(`"${name}" is required and must be a non-empty string`);
}

/** Reads the holder of a presentation (a URL, or an object with an id). */
export function holderOf(vp: Record<string, unknown>): string | undefined {
  const holder = vp.holder;
  if (typeof holder === 'string') return holder;
  if (isPlainObject(holder) && typeof holder.id === 'string') return holder.id;
  return undefined;
}

/**
 * The VC 2.0 presentation shape (every MUST of §4.13 and the §4 rules it refers to), or a problem.
 * `holder` is optional in VC 2.0; `requireHolder` (default true, as vp+jwt needs it) also demands one.
 */
export function presentationShapeProblem(vp: Record<string, unknown>, options: { requireHolder?: boolean } = {}): string | undefined {
  const violations = vcdmViolations(vp, 'presentation');
  if (violations.length > 0) return describeViolations(violations);
  if (options.requireHolder !== false && holderOf(vp) === undefined) return 'it does not name its holder';
  return undefined;
}

/** Checks the options shared by the presentation verifiers. */
export function presentationOptions(options: unknown): { challenge: string; domain: string; now: Date; holderName?: string; requireHolderBinding: boolean } {
  if (!isPlainObject(options)) throw new TypeError('"options" with "challenge" and "domain" is required');
  assertNonEmpty(options.challenge, 'options.challenge');
  assertNonEmpty(options.domain, 'options.domain');
  const now = (options.now as Date | undefined) ?? new Date();
  assertDate(now, 'options.now');
  if (options.holderName !== undefined && typeof options.holderName !== 'string') throw new TypeError('"options.holderName" must be a string');
  if (options.requireHolderBinding !== undefined && typeof options.requireHolderBinding !== 'boolean')
    throw new TypeError('"options.requireHolderBinding" must be a boolean');
  return {
    challenge: options.challenge,
    domain: options.domain,
    now,
    requireHolderBinding: options.requireHolderBinding !== false,
    ...(typeof options.holderName === 'string' ? { holderName: options.holderName } : {}),
  };
}
