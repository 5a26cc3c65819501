// VC-JOSE-COSE §3.1: an entry secured as application/vc+jwt. The JWS payload is the credential
// itself (no `vc` claim); any Data Integrity proof is dropped, since the JWS is the proof.
import { issuerIdOf } from '../entries/read-credential.js';
import { PassportError } from '../errors.js';
import { describeViolations, vcdmViolations } from '../proof/vcdm-conformance.js';
import { utf8 } from '../internal/bytes.js';
import { isPlainObject, snapshotJson } from '../internal/json.js';
import { loadJose } from '../internal/lazy-jose.js';
import { assertSigningKeyPair } from '../keys/key-pair.js';
import type { SigningKeyPair } from '../keys/types.js';
import { joseSigningKey } from './jose-keys.js';

/** Options of {@link signVcJwt}. */
export interface SignVcJwtOptions {
  /** Add `iss` (the issuer id) to the claims. Off by default: the payload is exactly the credential. */
  iss?: boolean;
  /** Add `iat` (seconds): `true` for now, or a Date. */
  iat?: boolean | Date;
  /** Add `exp` (the signature's expiry, not the credential's validUntil). */
  exp?: Date;
}

/** Seconds since the epoch of a Date option. */
function numericDate(value: Date, name: string): number {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new TypeError(`"${name}" must be a valid Date`);
  return Math.floor(value.getTime() / 1000);
}

/**
 * Secures an entry (or any VC 2.0 credential) as a compact JWS of type `vc+jwt`: header
 * `{ alg: 'EdDSA', typ: 'vc+jwt', cty: 'vc', kid: <issuer verification method> }`, payload the
 * credential without its Data Integrity proof. Ed25519 is deterministic, so the same entry and
 * key always give the same JWT.
 *
 * @param credential an entry, with or without its `proof` (the proof is dropped)
 * @param key the issuer's signing key; it must be the key of `credential.issuer`
 * @returns the compact JWS
 * @throws {TypeError} when the credential is not a JSON object, or the key is not the issuer's
 * @throws {PassportError} ERR_SCHEMA_INVALID when the credential breaks W3C VC Data Model 2.0 (`details.issues`)
 * @example
 * ```ts
 * const jwt = await signVcJwt(entry, issuerKey);
 * const result = await verifyVcJwt(jwt);
 * result.verified; // true
 * ```
 */
export async function signVcJwt(credential: object, key: SigningKeyPair, options: SignVcJwtOptions = {}): Promise<string> {
  assertSigningKeyPair(key);
  if (!isPlainObject(options as unknown)) throw new TypeError('"options" must be an object');
  const snap = snapshotJson(credential);
  if (!snap.ok || !isPlainObject(snap.value)) throw new TypeError('"credential" must be a plain JSON object');
  const { proof: _proof, vc: _vc, vp: _vp, ...payload } = snap.value as Record<string, unknown>;
  const issuer = issuerIdOf(payload);
  if (issuer !== key.did) throw new TypeError('"key" must be the issuer\'s key (credential.issuer must be key.did)');
  // Never sign what a conforming verifier must reject (W3C VC Data Model 2.0 MUSTs).
  const violations = vcdmViolations(payload, 'credential');
  if (violations.length > 0) {
    throw new PassportError('ERR_SCHEMA_INVALID', `refusing to sign: the credential breaks W3C VC Data Model 2.0: ${describeViolations(violations)}`, {
      details: { issues: violations.map(({ path, message, rule }) => ({ path, message, rule })) },
    });
  }
  if (options.iss) payload.iss = issuer;
  if (options.iat !== undefined && options.iat !== false) {
    payload.iat = numericDate(options.iat === true ? new Date() : options.iat, 'options.iat');
  }
  if (options.exp !== undefined) payload.exp = numericDate(options.exp, 'options.exp');
  const { CompactSign } = await loadJose();
  return new CompactSign(utf8(JSON.stringify(payload)))
    .setProtectedHeader({ alg: 'EdDSA', typ: 'vc+jwt', cty: 'vc', kid: key.verificationMethod })
    .sign(await joseSigningKey(key));
}
