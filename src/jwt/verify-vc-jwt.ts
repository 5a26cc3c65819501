// Verifying application/vc+jwt (VC-JOSE-COSE §3.1.1 with RFC 7519 §7.2): the JWS under the
// algorithm allow-list, the key named by `kid` belonging to the issuer, then the same schema,
// validity and trust checks a Data Integrity entry gets.
import { describeViolations, vcdmViolations } from '../proof/vcdm-conformance.js';
import { VC_V2_CONTEXT } from '../constants.js';
import { isPlainObject } from '../internal/json.js';
import { checkKnownContexts, checkSchema, checkValidityPeriod, timeOptions } from '../verify/checks.js';
import { knownContextSet } from '../proof/vcdm-conformance.js';
import { buildResult, CheckList, type VerificationResult } from '../result.js';
import { describeEntry } from '../entries/describe.js';
import { allowedAlgorithms, type JwsAlgorithm } from './jose-keys.js';
import { issuerIdOf, subjectOf } from '../entries/read-credential.js';
import { addTrustChecks, trustOptionsOf, type TrustOptions } from '../verify/trust-options.js';
import { jwtTimeProblem } from './jwt-checks.js';
import { verifyCompactJws } from './verify-jws.js';
import { readOptions } from '../internal/read-options.js';

/** Options of {@link verifyVcJwt}. */
export interface VerifyVcJwtOptions extends TrustOptions {
  /** Allowed JWS algorithms (default `['EdDSA', 'Ed25519']`; nothing else may be listed). */
  algorithms?: JwsAlgorithm[];
  /** Seconds of clock difference tolerated (default 60). */
  clockTolerance?: number;
}

/** What {@link verifyVcJwt} returns. */
export interface VcJwtVerificationResult extends VerificationResult {
  /** The credential (the JWS payload) once the signature verified. */
  credential?: Record<string, unknown>;
  /** The entry kind ('external' for other credentials). */
  kind?: string;
  issuer?: string;
  issuerName?: string;
  /** The `kid` that signed. */
  verificationMethod?: string;
}

/** VC 2.0 rules on the payload that the entry schemas do not cover for external credentials. */
function credentialShapeProblem(doc: Record<string, unknown>): string | undefined {
  // Every VC Data Model 2.0 MUST, as for Data Integrity credentials.
  const violations = vcdmViolations(doc, 'credential');
  if (violations.length > 0) return describeViolations(violations);
  const context = doc['@context'];
  if (!Array.isArray(context) || context[0] !== VC_V2_CONTEXT) return `"@context" must be a list starting with ${VC_V2_CONTEXT}`;
  const types = Array.isArray(doc.type) ? doc.type : [doc.type];
  if (!types.includes('VerifiableCredential')) return '"type" must include VerifiableCredential';
  if (typeof issuerIdOf(doc) !== 'string') return '"issuer" must be a URL or an object with an "id"';
  if (!isPlainObject(doc.credentialSubject) && !Array.isArray(doc.credentialSubject)) return '"credentialSubject" is missing';
  // VC-JOSE-COSE §3.1: "The JWT Claim Names vc and vp MUST NOT be present".
  if ('vc' in doc || 'vp' in doc) return 'the payload has a "vc" or "vp" claim (VC-JOSE-COSE forbids them)';
  return undefined;
}

/**
 * Verifies an entry secured as `vc+jwt`. Never throws on bad input: the result lists each check
 * (`shape`, `signature`, `issuer-key`, `schema`, `validity-period`, and `issuer-trust` with a
 * policy). Algorithms outside the allow-list (`none`, `HS256`, …) fail with
 * ERR_ALGORITHM_NOT_ALLOWED before any key is used.
 *
 * @throws {TypeError} for caller mistakes in `options` (an algorithm other than EdDSA/Ed25519, a bad `now`)
 * @example
 * ```ts
 * const result = await verifyVcJwt(jwt, { policy });
 * if (result.verified) console.log(result.summary, result.credential);
 * ```
 */
export async function verifyVcJwt(jwt: unknown, options: VerifyVcJwtOptions = {}): Promise<VcJwtVerificationResult> {
  // Read once: a throwing getter or proxy is one TypeError, and no list can change between checks.
  options = readOptions(options);
  const algorithms = allowedAlgorithms(options.algorithms);
  const { now, tolerance } = timeOptions(options);
  const knownContexts = knownContextSet(options.knownContexts);
  const checks = new CheckList();
  const extra: Omit<VcJwtVerificationResult, keyof VerificationResult> = {};
  const finish = (): VcJwtVerificationResult =>
    buildResult(
      checks.checks,
      { description: () => describeEntry(extra.credential ?? jwt), ...(extra.issuerName !== undefined ? { issuerName: extra.issuerName } : {}) },
      extra,
    );

  const jws = await verifyCompactJws(jwt, checks, { typ: 'vc+jwt', cty: 'vc', algorithms });
  if (!jws) return finish();
  const doc = jws.payload;
  extra.verificationMethod = jws.kid;
  const problem = credentialShapeProblem(doc);
  if (problem) {
    checks.fail('schema', 'ERR_SCHEMA_INVALID', `This is not a valid credential: ${problem}.`);
    return finish();
  }
  const { iss, jti, sub, iat: _iat, exp: _exp, nbf: _nbf, ...credential } = doc;
  // VC 2.0 §4.3, as for Data Integrity credentials: a vocabulary this verifier does not know
  // makes the credential "can't check", whatever secures it.
  checkKnownContexts(credential, knownContexts, checks);
  const issuer = issuerIdOf(doc)!;
  extra.issuer = issuer;
  const issuerObj = doc.issuer as { name?: unknown; displayName?: unknown };
  const issuerName = isPlainObject(issuerObj) ? (typeof issuerObj.displayName === 'string' ? issuerObj.displayName : issuerObj.name) : undefined;
  if (typeof issuerName === 'string') extra.issuerName = issuerName;

  // VC-JOSE-COSE: iss, when present, MUST equal the issuer; the key must be the issuer's.
  if (iss !== undefined && iss !== issuer) {
    checks.fail('issuer-key', 'ERR_ISSUER_KEY_MISMATCH', 'The token\'s "iss" is not the credential\'s issuer.');
  } else if (jws.controller !== issuer) {
    checks.fail('issuer-key', 'ERR_ISSUER_KEY_MISMATCH', 'The credential was signed with a key that is not the issuer’s.');
  } else {
    checks.pass('issuer-key', 'The signing key belongs to the issuer.');
  }
  if (jti !== undefined && doc.id !== undefined && jti !== doc.id) {
    checks.fail('shape', 'ERR_JOSE_INVALID', 'The token\'s "jti" conflicts with the credential id.');
  }
  const subject = subjectOf(doc);
  if (sub !== undefined && subject !== undefined && subject.id !== undefined && sub !== subject.id) {
    checks.fail('shape', 'ERR_JOSE_INVALID', 'The token\'s "sub" conflicts with the credential subject.');
  }

  const kind = checkSchema(credential, checks);
  extra.kind = kind;
  const timeProblem = jwtTimeProblem(doc, now, tolerance);
  if (timeProblem) checks.fail('validity-period', 'ERR_CREDENTIAL_EXPIRED', timeProblem);
  else checkValidityPeriod(credential, now, tolerance, checks);
  extra.credential = credential;
  if (jws.controller === issuer) await addTrustChecks(credential, { kind }, { ...trustOptionsOf(options), now, clockTolerance: tolerance }, checks);
  return finish();
}
