// VC-JOSE-COSE §3.2: a presentation secured as application/vp+jwt by the holder's key. The
// verifier's challenge becomes `nonce` and its domain `aud` (RFC 7519), so a vp+jwt is bound to
// one request exactly like a Data Integrity presentation.
import { VC_V2_CONTEXT } from '../constants.js';
import { utf8 } from '../internal/bytes.js';
import { loadJose } from '../internal/lazy-jose.js';
import { checkPresentedEntries, presentationResult } from './check-entries.js';
import type { CreatePresentationResult } from './create-presentation.js';
import { assertPresentationRequest, selectPresentedEntries } from './presentation-request.js';
import { holderOf, presentationOptions, presentationShapeProblem } from './presentation-rules.js';
import type { CreatePresentationInput } from './types.js';
import type { PresentationVerificationResult } from './verify-presentation.js';
import { CheckList } from '../result.js';
import { allowedAlgorithms, joseSigningKey, type JwsAlgorithm } from '../jwt/jose-keys.js';
import { timeOptions } from '../verify/checks.js';
import { prepareTrust, trustOptionsOf, type TrustOptions } from '../verify/trust-options.js';
import { jwtTimeProblem } from '../jwt/jwt-checks.js';
import { verifyCompactJws } from '../jwt/verify-jws.js';
import type { ProofVerifier } from '../proof/proof-verifier.js';
import { readOptions } from '../internal/read-options.js';

/** Input of {@link signVpJwt}: the same as createPresentation, plus the token lifetime. */
export interface SignVpJwtInput extends Omit<CreatePresentationInput, 'created'> {
  /** When the token was made (default now); becomes `iat`. */
  issuedAt?: Date;
  /** Seconds until the token expires (default 600: presentations are for one request). */
  expiresIn?: number;
}

/** What {@link signVpJwt} returns. */
export interface SignVpJwtResult extends Omit<CreatePresentationResult, 'presentation'> {
  /** The compact JWS (`typ: vp+jwt`). */
  jwt: string;
}

/**
 * Signs a presentation as `vp+jwt` with the holder's key: header `{ alg: 'EdDSA', typ:
 * 'vp+jwt', cty: 'vp', kid }`, payload the presentation with `nonce` = challenge, `aud` =
 * domain, `iat` and `exp`. Entries go through the same audience selection as
 * createPresentation; entries given as `vc+jwt` strings travel as EnvelopedVerifiableCredential.
 *
 * @throws {TypeError} when `challenge` or `domain` is missing or empty, or the audience is unknown
 * @example
 * ```ts
 * const { jwt } = await signVpJwt({ holderKey, entries, audience: 'employer', challenge, domain });
 * const result = await verifyVpJwt(jwt, { challenge, domain });
 * ```
 */
export async function signVpJwt(input: SignVpJwtInput): Promise<SignVpJwtResult> {
  assertPresentationRequest(input);
  const expiresIn = input.expiresIn ?? 600;
  if (typeof expiresIn !== 'number' || !Number.isFinite(expiresIn) || expiresIn <= 0) throw new TypeError('"expiresIn" must be a positive number of seconds');
  const issuedAt = input.issuedAt ?? new Date();
  if (!(issuedAt instanceof Date) || Number.isNaN(issuedAt.getTime())) throw new TypeError('"issuedAt" must be a valid Date');

  const jwts = input.entries.filter((e): e is string => typeof e === 'string');
  const objects = input.entries.filter((e) => typeof e !== 'string');
  // The linter reads any accreditations given, as createPresentation's does.
  const selection = selectPresentedEntries({ ...input, entries: objects });
  // VC 2.0 §4.13: JOSE-secured credentials are carried as EnvelopedVerifiableCredential.
  const enveloped = jwts.map((jwt) => ({ '@context': VC_V2_CONTEXT, id: `data:application/vc+jwt,${jwt}`, type: 'EnvelopedVerifiableCredential' }));
  const credentials = [...selection.selected, ...enveloped];
  const iat = Math.floor(issuedAt.getTime() / 1000);
  const payload = {
    '@context': [VC_V2_CONTEXT],
    type: ['VerifiablePresentation'],
    holder: input.holderKey.did,
    ...(credentials.length > 0 ? { verifiableCredential: credentials } : {}),
    nonce: input.challenge,
    aud: input.domain,
    iat,
    exp: iat + Math.ceil(expiresIn),
  };
  const { CompactSign } = await loadJose();
  const jwt = await new CompactSign(utf8(JSON.stringify(payload)))
    .setProtectedHeader({ alg: 'EdDSA', typ: 'vp+jwt', cty: 'vp', kid: input.holderKey.verificationMethod })
    .sign(await joseSigningKey(input.holderKey));
  return { jwt, excluded: selection.excluded, warnings: selection.warnings, overrides: selection.overrides };
}

/** Options of {@link verifyVpJwt}. */
export interface VerifyVpJwtOptions extends TrustOptions {
  challenge: string;
  domain: string;
  holderName?: string;
  /**
   * Require every shared entry to be about the person presenting it (default true), as
   * verifyPresentation; false for generic verifiers (entries then carry no `holder-binding` check).
   */
  requireHolderBinding?: boolean;
  /** Verifiers for other proof formats of the Data Integrity entries it carries (`rdfcProofVerifiers()`). */
  proofVerifiers?: readonly ProofVerifier[];
  algorithms?: JwsAlgorithm[];
  /** Seconds of clock difference tolerated (default 60). */
  clockTolerance?: number;
}

/**
 * Verifies a `vp+jwt`: the holder's JWS under the algorithm allow-list, `nonce` = challenge
 * (ERR_PRESENTATION_CHALLENGE_MISMATCH), `aud` = domain (ERR_PRESENTATION_DOMAIN_MISMATCH),
 * `exp`, the signer being the `holder` when it names one (`holder` is optional in VC 2.0: without
 * it, the presenter is whoever controls the signing key), and every entry (Data Integrity or
 * enveloped vc+jwt) with its known contexts and, unless `requireHolderBinding: false`, its holder
 * binding. Same result shape and options as verifyPresentation; never throws on bad data.
 *
 * @throws {TypeError} when `challenge` or `domain` is missing or empty
 * @example
 * ```ts
 * const result = await verifyVpJwt(jwt, { challenge, domain: 'jobs.example.co.uk', policy });
 * result.summary; // "2 of 2 achievements checked: both valid.\n✓ Valid: …\n✓ Valid: …"
 * ```
 */
export async function verifyVpJwt(jwt: unknown, options: VerifyVpJwtOptions): Promise<PresentationVerificationResult> {
  // Read once: a throwing getter or proxy is one TypeError, and no list can change between checks.
  options = readOptions(options);
  const { challenge, domain, now, holderName, requireHolderBinding } = presentationOptions(options);
  const algorithms = allowedAlgorithms(options.algorithms);
  const { tolerance } = timeOptions(options);
  const checks = new CheckList();
  const finish = (entries: Awaited<ReturnType<typeof checkPresentedEntries>>, holder?: string): PresentationVerificationResult =>
    presentationResult(checks, entries, holder);
  const jws = await verifyCompactJws(jwt, checks, { typ: 'vp+jwt', cty: 'vp', algorithms });
  if (!jws) return finish([]);
  const doc = jws.payload;
  // VC 2.0 §4.13: `holder` is optional; without it, the presenter is whoever controls the key
  // that signed the token.
  const problem = presentationShapeProblem(doc, { requireHolder: false });
  if (problem) {
    checks.fail('shape', 'ERR_SCHEMA_INVALID', `This is not a valid presentation: ${problem}.`);
    return finish([]);
  }
  const named = holderOf(doc);
  const holder = named ?? jws.controller;
  const auds = Array.isArray(doc.aud) ? doc.aud : [doc.aud];
  if (auds.includes(domain)) checks.pass('domain', `The presentation was made for ${domain}.`);
  else checks.fail('domain', 'ERR_PRESENTATION_DOMAIN_MISMATCH', 'The presentation was made for a different website or verifier.');
  if (doc.nonce === challenge) checks.pass('challenge', 'The presentation answers this request (challenge matches).');
  else checks.fail('challenge', 'ERR_PRESENTATION_CHALLENGE_MISMATCH', 'The presentation answers a different request: it may be replayed.');
  const timeProblem = jwtTimeProblem(doc, now, tolerance);
  if (timeProblem) checks.fail('validity-period', 'ERR_CREDENTIAL_EXPIRED', timeProblem);
  if (named !== undefined) {
    if (jws.controller === named) checks.pass('holder-binding', 'The presentation was signed by its holder.');
    else checks.fail('holder-binding', 'ERR_HOLDER_BINDING', 'The presentation was signed by a key that is not its holder’s.');
  }
  const vcs = doc.verifiableCredential === undefined ? [] : Array.isArray(doc.verifiableCredential) ? doc.verifiableCredential : [doc.verifiableCredential];
  const entries = await checkPresentedEntries(vcs, holder, {
    now,
    requireHolderBinding,
    ...(holderName !== undefined ? { holderName } : {}),
    ...(options.clockTolerance !== undefined ? { clockTolerance: options.clockTolerance } : {}),
    // With a prepared context, the lists given beside it are added once for every entry.
    ...(await prepareTrust(trustOptionsOf(options))),
    ...(options.proofVerifiers !== undefined ? { proofVerifiers: options.proofVerifiers } : {}),
  });
  return finish(entries, holder);
}
