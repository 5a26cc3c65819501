// Verifying an SD-JWT VC presentation: the issuer's signature, every disclosure, the holder
// binding and its freshness, the kind's schema, and the issuer's trust (the shared TrustOptions).
import type { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { entryFieldsSchema, isEntryKind } from '../entries/kinds/index.js';
import { fromBase64url } from '../internal/bytes.js';
import { describeValue, isPlainObject } from '../internal/json.js';
import { formatDateTimeStamp } from '../internal/time.js';
import { parseDidKey } from '../keys/did-key.js';
import { encodePublicKeyMultibase } from '../keys/multikey.js';
import { buildResult, CheckList, type VerificationResult } from '../result.js';
import { checkDisclosures, sdDigest } from './sd-jwt-disclosures.js';
import { timeOptions } from '../verify/checks.js';
import { addTrustChecks, trustOptionsOf, type TrustOptions } from '../verify/trust-options.js';
import { MAX_SD_JWT_LENGTH } from './jwt-checks.js';
import { describeEntry } from '../entries/describe.js';
import { VCT_PREFIX } from './sd-jwt-types.js';
import { instance, verifyWith } from './sd-jwt-instance.js';
import { readOptions } from '../internal/read-options.js';

/**
 * Options of {@link verifySdJwt}: the {@link TrustOptions} every verifier takes, and the request
 * this verifier made. An SD-JWT VC entry carries no status (`issueSdJwtEntry` writes no `status`
 * claim, and one found is not read), so `statusLists`, `fetchStatusList` and `maxStatusAge` have
 * no effect here: they are accepted so that one trust options object serves every verifier, and
 * nothing is fetched. Withdraw an SD-JWT entry with a signed `revocation` entry instead.
 *
 * @example
 * ```ts
 * const options: VerifySdJwtOptions = { nonce, aud: 'jobs.example.co.uk', policy, accreditations };
 * await verifySdJwt(shown, options);
 * ```
 */
export interface VerifySdJwtOptions extends TrustOptions {
  /** The nonce this verifier issued. Required. */
  nonce: string;
  /** This verifier's audience value. Required. */
  aud: string;
  /** Seconds of clock difference tolerated (default 60). */
  clockTolerance?: number;
  /** Oldest acceptable key-binding JWT, in seconds (default 300). */
  maxKeyBindingAge?: number;
}

/** What {@link verifySdJwt} returns. */
export interface SdJwtVerificationResult extends VerificationResult {
  kind?: string;
  issuer?: string;
  issuerName?: string;
  /** The claims the holder disclosed (plus the always-visible ones), without JWT machinery. */
  claims?: Record<string, unknown>;
}

function decodePart(part: string | undefined): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fromBase64url(part ?? '')));
    return isPlainObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

const MACHINERY = new Set(['iss', 'iat', 'exp', 'nbf', 'vct', 'cnf', 'status', 'sub', '_sd_alg', 'kind', 'issuer_name']);

/** The plain-English line for what an SD-JWT disclosed (describeEntry on the disclosed fields). */
function describeDisclosed(extra: { kind?: string; issuerName?: string; claims?: Record<string, unknown> }): string {
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(extra.claims ?? {})) if (!MACHINERY.has(k) && !/_(month|year)$/.test(k)) fields[k] = v;
  // Partly disclosed fields rarely pass the kind's describe(); its fallback reads the name.
  const name = ['title', 'name', 'unitTitle', 'role'].map((k) => fields[k]).find((v) => typeof v === 'string');
  return describeEntry({
    ...(name !== undefined ? { name } : {}),
    ...(extra.issuerName !== undefined ? { issuer: { id: 'urn:sd-jwt:issuer', name: extra.issuerName } } : {}),
    credentialSubject: { learningPassport: { ...fields, kind: extra.kind ?? 'unknown' } },
  });
}

/**
 * Verifies an SD-JWT VC presentation: the issuer's EdDSA signature (key from the did:key
 * `kid`, which must be `iss`), every disclosure (each must be one the issuer signed, exactly
 * once: unknown, edited and repeated disclosures are refused, RFC 9901 §7.1), the key-binding JWT (signed by the
 * `cnf` key, with this `nonce` and `aud`, fresh), `exp`, the disclosed fields against the
 * kind's schema, and with a `policy` the issuer's accreditation for the kind. Never throws on
 * bad input. An SD-JWT VC entry carries no status: status lists and `fetchStatusList` are not
 * used (see {@link VerifySdJwtOptions}).
 *
 * @throws {TypeError} when nonce or aud is missing (they are never defaulted)
 * @example
 * ```ts
 * const result = await verifySdJwt(shown, { nonce, aud: 'jobs.example.co.uk', policy, accreditations });
 * result.claims; // { title: 'Functional Skills Maths', level: 'L1', awardedOn_year: '2026', … }
 * ```
 */
export async function verifySdJwt(presentation: unknown, options: VerifySdJwtOptions): Promise<SdJwtVerificationResult> {
  // Read once: a throwing getter or proxy is one TypeError, and no list can change between checks.
  options = readOptions(options);
  for (const name of ['nonce', 'aud'] as const) {
    if (typeof options[name] !== 'string' || options[name].trim() === '') throw new TypeError(`"options.${name}" is required and must be a non-empty string`);
  }
  const { now, tolerance } = timeOptions(options);
  const maxAge = options.maxKeyBindingAge ?? 300;
  const checks = new CheckList();
  const extra: Omit<SdJwtVerificationResult, keyof VerificationResult> = {};
  const finish = (): SdJwtVerificationResult =>
    buildResult(
      checks.checks,
      { description: () => describeDisclosed(extra), ...(extra.issuerName !== undefined ? { issuerName: extra.issuerName } : {}) },
      extra,
    );
  if (typeof presentation !== 'string' || presentation.length > MAX_SD_JWT_LENGTH || !presentation.includes('~')) {
    checks.fail('shape', 'ERR_JOSE_INVALID', 'This is not an SD-JWT presentation.');
    return finish();
  }
  const parts = presentation.split('~');
  const [h, p] = (parts[0] ?? '').split('.');
  const header = decodePart(h);
  const payload = decodePart(p);
  const kbHeader = decodePart(parts[parts.length - 1]?.split('.')[0]);
  if (!header || !payload) {
    checks.fail('shape', 'ERR_JOSE_INVALID', 'The SD-JWT cannot be read.');
    return finish();
  }
  if (header.alg !== 'EdDSA' && header.alg !== 'Ed25519') {
    checks.fail('signature', 'ERR_ALGORITHM_NOT_ALLOWED', `The signing algorithm "${describeValue(header.alg)}" is not allowed.`);
    return finish();
  }
  // No JWS extension is understood: a critical one must be refused (RFC 7515 §4.1.11).
  if (header.crit !== undefined || header.b64 !== undefined || kbHeader?.crit !== undefined || kbHeader?.b64 !== undefined) {
    checks.fail('shape', 'ERR_JOSE_INVALID', 'The SD-JWT uses critical header extensions ("crit" or "b64"), which this verifier does not support.');
    return finish();
  }
  if (!kbHeader || (kbHeader.alg !== 'EdDSA' && kbHeader.alg !== 'Ed25519')) {
    checks.fail('holder-binding', 'ERR_HOLDER_BINDING', 'The presentation has no key-binding proof from the holder (or uses a wrong algorithm).');
    return finish();
  }
  let controller: string;
  try {
    if (typeof header.kid !== 'string' || !header.kid.includes('#')) throw new TypeError('kid');
    controller = parseDidKey(header.kid).did;
  } catch {
    checks.unknown('signature', 'ERR_ISSUER_KEY_UNRESOLVED', 'The SD-JWT "kid" is not a did:key verification method, so the key cannot be found offline.');
    return finish();
  }
  const kid = header.kid as string;
  if (header.typ !== 'dc+sd-jwt' && header.typ !== 'vc+sd-jwt') {
    checks.fail('shape', 'ERR_JOSE_INVALID', `The SD-JWT type is "${describeValue(header.typ)}", expected "dc+sd-jwt".`);
    return finish();
  }
  checks.pass('shape', 'The presentation is an SD-JWT VC with a key-binding JWT.');

  // RFC 9901 §7.1: every disclosure must be one the issuer signed, exactly once. The SD-JWT
  // library drops unknown, edited and repeated disclosures silently, so they are refused here.
  const problem = checkDisclosures(payload, parts.slice(1, -1));
  if (problem) {
    checks.fail('signature', 'ERR_SD_DISCLOSURE_INVALID', `A disclosed field was not signed by the issuer: ${problem}.`);
    return finish();
  }

  const sd = await instance({
    verifier: (data, sig) => verifyWith(kid, data, sig),
    kbVerifier: async (data, sig, claims) => {
      const x = (claims as { cnf?: { jwk?: { kty?: string; crv?: string; x?: string } } }).cnf?.jwk;
      if (!x || x.kty !== 'OKP' || x.crv !== 'Ed25519' || typeof x.x !== 'string') return false;
      try {
        const did = `did:key:${encodePublicKeyMultibase(fromBase64url(x.x))}`;
        return await verifyWith(did, data, sig);
      } catch {
        return false;
      }
    },
  });
  let verified: Awaited<ReturnType<SDJwtVcInstance['verify']>>;
  try {
    verified = await sd.verify(presentation, { keyBindingNonce: options.nonce, currentDate: Math.floor(now.getTime() / 1000), skewSeconds: tolerance });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/Nonce/i.test(message))
      checks.fail('challenge', 'ERR_PRESENTATION_CHALLENGE_MISMATCH', 'The presentation answers a different request: it may be replayed.');
    else if (/expired|not yet valid/i.test(message)) checks.fail('validity-period', 'ERR_CREDENTIAL_EXPIRED', 'The credential is outside its validity period.');
    else if (/Key Binding|sd_hash/i.test(message))
      checks.fail('holder-binding', 'ERR_HOLDER_BINDING', 'The key-binding proof does not match: it was not made by the holder for this presentation.');
    else if (/Signature/i.test(message))
      checks.fail('signature', 'ERR_PROOF_SIGNATURE_INVALID', 'The signature does not match the content: it was changed or signed by another key.');
    else checks.fail('signature', 'ERR_JOSE_INVALID', 'The SD-JWT or one of its disclosures is damaged.');
    return finish();
  }
  // §7.3: the key-binding JWT covers exactly this SD-JWT and these disclosures (sd_hash). The
  // library checks it too; checked here after the issuer's signature so that error comes first.
  const kbPayload = decodePart(parts[parts.length - 1]?.split('.')[1]);
  if (kbPayload?.sd_hash !== sdDigest(presentation.slice(0, presentation.lastIndexOf('~') + 1))) {
    checks.fail('holder-binding', 'ERR_HOLDER_BINDING', 'The key-binding proof does not cover these disclosures: they were changed after the holder signed.');
    return finish();
  }
  checks.pass('signature', 'The issuer’s signature matches, and every disclosed field is one the issuer signed.');
  const claims = verified.payload as Record<string, unknown>;
  const kb = verified.kb!.payload;
  extra.issuer = typeof claims.iss === 'string' ? claims.iss : undefined;
  if (typeof claims.issuer_name === 'string') extra.issuerName = claims.issuer_name;
  checks.pass('challenge', 'The presentation answers this request (nonce matches).');
  if (kb.aud === options.aud) checks.pass('domain', `The presentation was made for ${options.aud}.`);
  else checks.fail('domain', 'ERR_PRESENTATION_DOMAIN_MISMATCH', 'The presentation was made for a different website or verifier.');
  const age = now.getTime() / 1000 - kb.iat;
  if (age > maxAge + tolerance || age < -tolerance)
    checks.fail('holder-binding', 'ERR_HOLDER_BINDING', 'The holder’s key-binding proof is too old (or from the future): ask the person to share again.');
  else checks.pass('holder-binding', 'The holder’s key signed this presentation.');
  if (claims.iss === controller) checks.pass('issuer-key', 'The signing key belongs to the issuer.');
  else checks.fail('issuer-key', 'ERR_ISSUER_KEY_MISMATCH', 'The credential was signed with a key that is not the issuer’s.');

  const kind = typeof claims.kind === 'string' ? claims.kind : '';
  extra.kind = kind;
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(claims)) if (!MACHINERY.has(k) && !/_(month|year)$/.test(k)) fields[k] = v;
  if (!isEntryKind(kind) || claims.vct !== `${VCT_PREFIX}${kind}`) {
    checks.fail('schema', 'ERR_SCHEMA_INVALID', 'The credential type (vct) is not a learning-passport entry kind.');
  } else {
    const result = (
      entryFieldsSchema(kind) as unknown as {
        partial(): { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } } };
      }
    )
      .partial()
      .safeParse(fields);
    if (result.success) checks.pass('schema', `The disclosed fields match the ${kind} schema.`);
    else
      checks.fail(
        'schema',
        'ERR_SCHEMA_INVALID',
        `The ${kind} fields do not match their schema: ${result.error?.issues[0]?.path.join('.')}: ${result.error?.issues[0]?.message}.`,
      );
  }
  if (checks.checks.some((c) => c.check === 'issuer-key' && c.status === 'pass') && isEntryKind(kind)) {
    // evaluateTrust reads the issuer, the kind and the signing time from a credential shape.
    const asCredential = {
      issuer: { id: claims.iss },
      validFrom: typeof claims.iat === 'number' ? formatDateTimeStamp(new Date(claims.iat * 1000)) : undefined,
      credentialSubject: { learningPassport: { kind } },
    };
    // No status to check (see VerifySdJwtOptions): the status options are left out, so no list
    // is read and nothing is fetched for nothing.
    const { statusLists: _lists, fetchStatusList: _fetch, maxStatusAge: _age, ...trust } = trustOptionsOf(options);
    await addTrustChecks(asCredential, { kind }, { ...trust, now, clockTolerance: tolerance }, checks);
  }
  const visible: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(claims)) if (!['cnf', '_sd_alg', 'status'].includes(k)) visible[k] = v;
  extra.claims = visible;
  return finish();
}
