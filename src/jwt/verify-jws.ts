// Compact JWS verification shared by vc+jwt and vp+jwt: size and shape limits, the algorithm
// allow-list (checked before any key is touched, so "none" and HS256-with-a-public-key never
// reach a verifier), a did:key `kid`, then the signature through jose.
import type { ProtectedHeaderParameters } from 'jose';
import { isPassportError } from '../errors.js';
import { describeValue, isPlainObject, snapshotJson } from '../internal/json.js';
import { loadJose } from '../internal/lazy-jose.js';
import { parseDidKey } from '../keys/did-key.js';
import { unresolvedKeyCode } from '../proof/proof-checks.js';
import type { CheckList } from '../result.js';
import { joseVerificationKey, type JwsAlgorithm } from './jose-keys.js';
import { MAX_JWS_LENGTH } from './jwt-checks.js';

/** What the verifier expects of the JWS. */
export interface JwsExpectations {
  typ: string;
  cty: string;
  algorithms: JwsAlgorithm[];
}

/** A verified JWS: its header, its JSON payload and the DID whose key signed. */
export interface VerifiedJws {
  header: ProtectedHeaderParameters;
  payload: Record<string, unknown>;
  kid: string;
  controller: string;
}

const COMPACT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/**
 * Verifies a compact JWS, adding `shape` and `signature` checks. Returns the verified parts, or
 * undefined when a check failed. Never throws on bad input.
 */
export async function verifyCompactJws(jwt: unknown, checks: CheckList, expect: JwsExpectations): Promise<VerifiedJws | undefined> {
  if (typeof jwt !== 'string' || jwt.length > MAX_JWS_LENGTH || !COMPACT.test(jwt)) {
    checks.fail('shape', 'ERR_JOSE_INVALID', 'This is not a compact JWS (three base64url parts separated by dots).');
    return undefined;
  }
  const { compactVerify, decodeProtectedHeader } = await loadJose();
  let header: ProtectedHeaderParameters;
  try {
    header = decodeProtectedHeader(jwt);
  } catch {
    checks.fail('shape', 'ERR_JOSE_INVALID', 'The JWS header is not readable JSON.');
    return undefined;
  }
  if (typeof header.alg !== 'string' || !(expect.algorithms as string[]).includes(header.alg)) {
    checks.fail(
      'signature',
      'ERR_ALGORITHM_NOT_ALLOWED',
      `The signing algorithm "${describeValue(header.alg)}" is not allowed (allowed: ${expect.algorithms.join(', ')}).`,
    );
    return undefined;
  }
  if (header.typ !== expect.typ) {
    checks.fail('shape', 'ERR_JOSE_INVALID', `The JWS type is "${describeValue(header.typ)}", expected "${expect.typ}".`);
    return undefined;
  }
  if (header.cty !== undefined && header.cty !== expect.cty) {
    checks.fail('shape', 'ERR_JOSE_INVALID', `The JWS content type is "${describeValue(header.cty)}", expected "${expect.cty}".`);
    return undefined;
  }
  // No extension is understood, so a "crit" header must be refused (RFC 7515 §4.1.11); and
  // "b64": false (RFC 7797) would make jose verify the payload as raw text.
  if ((header as Record<string, unknown>).crit !== undefined || (header as Record<string, unknown>).b64 !== undefined) {
    checks.fail('shape', 'ERR_JOSE_INVALID', 'The JWS uses critical header extensions ("crit" or "b64"), which this verifier does not support.');
    return undefined;
  }
  // Keys embedded in the header would let anyone sign; only a kid naming a did:key is resolvable offline.
  if (header.jwk !== undefined || header.jku !== undefined || header.x5c !== undefined || header.x5u !== undefined) {
    checks.fail('signature', 'ERR_JOSE_INVALID', 'The JWS carries its own key (jwk/jku/x5c/x5u); only a did:key "kid" is accepted.');
    return undefined;
  }
  const kid = header.kid;
  let controller: string;
  try {
    if (typeof kid !== 'string' || !kid.includes('#')) throw new TypeError('kid');
    controller = parseDidKey(kid).did;
  } catch (err) {
    checks.unknown('signature', unresolvedKeyCode(err), 'The JWS "kid" is not a did:key verification method, so the key cannot be found offline.');
    return undefined;
  }
  checks.pass('shape', `The JWS is a compact ${expect.typ}.`);
  let payloadBytes: Uint8Array;
  try {
    const key = await joseVerificationKey(kid, header.alg as JwsAlgorithm);
    ({ payload: payloadBytes } = await compactVerify(jwt, key, { algorithms: expect.algorithms }));
  } catch (err) {
    const name = (err as { code?: string } | null)?.code;
    if (name === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') {
      checks.fail('signature', 'ERR_PROOF_SIGNATURE_INVALID', 'The signature does not match the content: it was changed or signed by another key.');
    } else if (name === 'ERR_JOSE_ALG_NOT_ALLOWED') {
      checks.fail('signature', 'ERR_ALGORITHM_NOT_ALLOWED', 'The signing algorithm is not allowed.');
    } else if (isPassportError(err)) {
      checks.fail('signature', err.code, `${err.message}.`);
    } else {
      checks.fail('signature', 'ERR_JOSE_INVALID', 'The JWS could not be verified (malformed header, key or signature).');
    }
    return undefined;
  }
  let payload: unknown;
  try {
    payload = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payloadBytes));
  } catch {
    checks.fail('shape', 'ERR_JOSE_INVALID', 'The JWS payload is not JSON.');
    return undefined;
  }
  const snap = snapshotJson(payload);
  if (!snap.ok || !isPlainObject(snap.value)) {
    checks.fail('shape', 'ERR_JOSE_INVALID', 'The JWS payload is not a JSON object.');
    return undefined;
  }
  checks.pass('signature', 'The signature matches the content.');
  return { header, payload: snap.value as Record<string, unknown>, kid, controller };
}
