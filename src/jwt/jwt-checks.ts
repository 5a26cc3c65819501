// What the JWT verifiers share besides the JWS check itself: the longest tokens they read and
// the JWT time claims. verifyVcJwt, verifySdJwt and (in the sharing area) verifyVpJwt use them.

/**
 * Longest compact JWS accepted by the vc+jwt and vp+jwt verifiers (characters); an entry is a
 * few kilobytes. Longer input fails with ERR_JOSE_INVALID before anything is decoded.
 *
 * @example
 * ```ts
 * if (jwt.length > MAX_JWS_LENGTH) console.warn('too long to be a vc+jwt entry');
 * ```
 */
export const MAX_JWS_LENGTH = 1_000_000;

/**
 * Longest SD-JWT presentation accepted by `verifySdJwt` (characters); one entry with its
 * disclosures and key binding is a few kilobytes. Longer input fails with ERR_JOSE_INVALID.
 *
 * @example
 * ```ts
 * if (scanned.length > MAX_SD_JWT_LENGTH) console.warn('too long to be an SD-JWT entry');
 * ```
 */
export const MAX_SD_JWT_LENGTH = 200_000;

/** The JWT NumericDate claims (exp, nbf, iat) as a validity check on top of validFrom/validUntil. */
export function jwtTimeProblem(payload: Record<string, unknown>, now: Date, toleranceSeconds: number): string | undefined {
  const t = now.getTime() / 1000;
  for (const claim of ['exp', 'nbf', 'iat'] as const) {
    const v = payload[claim];
    if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v))) return `The "${claim}" claim is not a number of seconds.`;
  }
  const { exp, nbf } = payload as { exp?: number; nbf?: number };
  if (exp !== undefined && exp + toleranceSeconds < t) return 'The signed token has expired ("exp").';
  if (nbf !== undefined && nbf - toleranceSeconds > t) return 'The signed token is not valid yet ("nbf").';
  return undefined;
}
