// The holder's side of SD-JWT VC: disclose the claims they choose, with a key-binding JWT
// (nonce + audience) made with their holder key.
import { isPlainObject } from '../internal/json.js';
import { assertSigningKeyPair } from '../keys/key-pair.js';
import type { SigningKeyPair } from '../keys/types.js';
import { publicJwkOf } from './jose-keys.js';
import { instance, signerFor } from './sd-jwt-instance.js';

/** Options of {@link presentSdJwt}. */
export interface PresentSdJwtOptions {
  /** The claims to disclose, e.g. `['awardedOn_year', 'grade']`. Everything else disclosable stays hidden. */
  disclose: readonly string[];
  /** The holder key named in the credential's `cnf`; it signs the key-binding JWT. */
  holderKey: SigningKeyPair;
  /** The verifier's one-time value. Required. */
  nonce: string;
  /** The verifier (its domain or client id). Required. */
  aud: string;
  /** Time of the key-binding JWT (default now). */
  issuedAt?: Date;
}

/**
 * Makes a presentation of an SD-JWT VC: only the `disclose` claims are revealed, and a
 * key-binding JWT signed by the holder binds it to the verifier's `nonce` and `aud`.
 *
 * @throws {TypeError} when nonce or aud is missing, a claim cannot be disclosed, or the holder key is not the one in `cnf`
 * @example
 * ```ts
 * const shown = await presentSdJwt(sdjwt, { disclose: ['awardedOn_year'], holderKey, nonce, aud: 'jobs.example.co.uk' });
 * ```
 */
export async function presentSdJwt(sdjwt: string, options: PresentSdJwtOptions): Promise<string> {
  if (typeof sdjwt !== 'string') throw new TypeError('"sdjwt" must be a string');
  if (!isPlainObject(options as unknown)) throw new TypeError('"options" must be an object');
  assertSigningKeyPair(options.holderKey, 'holderKey');
  for (const name of ['nonce', 'aud'] as const) {
    if (typeof options[name] !== 'string' || options[name].trim() === '') throw new TypeError(`"${name}" is required and must be a non-empty string`);
  }
  if (!Array.isArray(options.disclose) || !options.disclose.every((d) => typeof d === 'string'))
    throw new TypeError('"disclose" must be an array of claim names');
  const sd = await instance({ kbSigner: signerFor(options.holderKey) });
  const available = new Set(await sd.presentableKeys(sdjwt));
  for (const name of options.disclose)
    if (!available.has(name)) throw new TypeError(`"${name}" cannot be disclosed (disclosable: ${[...available].join(', ')})`);
  const claims = (await sd.getClaims(sdjwt)) as { cnf?: { jwk?: { x?: string } } };
  if (claims.cnf?.jwk?.x !== publicJwkOf(options.holderKey.did).x) throw new TypeError('"holderKey" is not the key this credential is bound to');
  const frame = Object.fromEntries(options.disclose.map((d) => [d, true]));
  const iat = Math.floor((options.issuedAt ?? new Date()).getTime() / 1000);
  return sd.present(sdjwt, frame, { kb: { payload: { iat, aud: options.aud, nonce: options.nonce } } });
}
