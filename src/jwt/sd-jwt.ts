// SD-JWT VC (IETF SD-JWT, RFC 9901, and SD-JWT VC) for field-level disclosure (privacy P5),
// through @sd-jwt/sd-jwt-vc with our own Ed25519 backend and SHA-256. An issuer makes chosen
// fields of an entry selectively disclosable, and issues dates at several precisions (day,
// month, year) as separate claims, so the holder can show "2026" without "3 March 2026". The
// holder discloses what they choose, with a key-binding JWT (nonce + audience) made with their
// holder key; the verifier checks the issuer's signature, the holder binding, freshness, the
// kind's schema, and the issuer's trust.
//
// vct: `https://learning-passport.org/vct/<kind>` (a stable identifier; nothing is fetched).
import { sha256 } from '@noble/hashes/sha2.js';
import type { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { backend } from '../backend/index.js';
import { PassportError } from '../errors.js';
import { entryFieldsSchema, isEntryKind, type EntryFields, type EntryKind } from '../entries/kinds/index.js';
import { scanProhibited } from '../entries/prohibited.js';
import { fromBase64url, toBase64url, utf8 } from '../internal/bytes.js';
import { describeValue, isPlainObject, snapshotJson } from '../internal/json.js';
import { formatDateTimeStamp } from '../internal/time.js';
import { parseDidKey } from '../keys/did-key.js';
import { encodePublicKeyMultibase } from '../keys/multikey.js';
import { assertKeyPair, assertSigningKeyPair, seedOf } from '../keys/key-pair.js';
import type { IssuerProfile, KeyPair, SigningKeyPair } from '../keys/types.js';
import { publicKeyForVerificationMethod } from '../proof/key-cache.js';
import { CheckList, type VerificationResult } from '../result.js';
import { publicJwkOf } from './jose-keys.js';
import { checkDisclosures, sdDigest } from './sd-jwt-disclosures.js';
import { addTrustChecks, trustOptionsOf, type TrustOptions } from '../verify/trust-options.js';
import { summariseChecks, timeOptions } from './verify-vc-jwt.js';

/** The prefix of every learning-passport SD-JWT VC type (`vct`); the kind follows it. */
export const VCT_PREFIX = 'https://learning-passport.org/vct/';
const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const PRECISIONS = ['day', 'month', 'year'] as const;
/** A date precision. */
export type DatePrecision = (typeof PRECISIONS)[number];

const hasher = (data: string | ArrayBuffer): Uint8Array => sha256(typeof data === 'string' ? utf8(data) : new Uint8Array(data));
const saltGenerator = (length: number): string => toBase64url(backend.randomBytes(Math.max(16, length)));

function signerFor(key: SigningKeyPair): (data: string) => Promise<string> {
  const seed = seedOf(key);
  return async (data) => toBase64url(await backend.sign(seed, utf8(data)));
}

async function verifyWith(didOrVm: string, data: string, signature: string): Promise<boolean> {
  try {
    const sig = fromBase64url(signature);
    if (sig.length !== 64) return false;
    return await backend.verify(await publicKeyForVerificationMethod(didOrVm), sig, utf8(data));
  } catch {
    return false;
  }
}

// @sd-jwt/sd-jwt-vc (and the zod it brings) costs ~90 ms to import; only SD-JWT users pay it.
let sdJwtModule: Promise<typeof import('./sd-jwt-lib.js')> | undefined;

async function instance(extra: ConstructorParameters<typeof SDJwtVcInstance>[0] = {}): Promise<SDJwtVcInstance> {
  const { SDJwtVcInstance } = await (sdJwtModule ??= import('./sd-jwt-lib.js'));
  return new SDJwtVcInstance({
    hasher,
    hashAlg: 'sha-256',
    saltGenerator,
    signAlg: 'EdDSA',
    kbSignAlg: 'EdDSA',
    // No phone-home (privacy P8): a status claim is never fetched.
    statusListFetcher: async () => {
      throw new Error('status lists are not fetched');
    },
    ...extra,
  });
}

/** The date claims a field gets at a finest precision: `f` (day), `f_month`, `f_year`. */
function dateClaims(name: string, value: string, finest: DatePrecision): Record<string, string> {
  const out: Record<string, string> = {};
  const parts = value.split('-');
  const start = PRECISIONS.indexOf(finest);
  if (start === 0) out[name] = value;
  if (start <= 1 && parts.length >= 2) out[`${name}_month`] = `${parts[0]}-${parts[1]}`;
  out[`${name}_year`] = parts[0]!;
  return out;
}

/** Options of {@link issueSdJwtEntry}. */
export interface IssueSdJwtEntryOptions {
  issuer: IssuerProfile;
  key: SigningKeyPair;
  /** The holder's key pair (public part is enough): it goes into `cnf` for key binding. */
  holderKey: KeyPair;
  /** Field names the holder may withhold. Date fields among them are issued at several precisions. */
  disclosable: readonly string[];
  /** The finest date precision issued (default `day`): `month` never reveals the day, `year` only the year. */
  coarsen?: DatePrecision;
  /** Issuance time (`iat`, default now). */
  issuedAt?: Date;
  /** Expiry of the credential (`exp`). */
  expiresAt?: Date;
}

/**
 * Issues an entry as an SD-JWT VC (`typ: dc+sd-jwt`, `vct: https://learning-passport.org/vct/<kind>`)
 * whose `disclosable` fields the holder can withhold. Each disclosable date (e.g. `awardedOn`)
 * is issued as `awardedOn`, `awardedOn_month` and `awardedOn_year`, each disclosable on its own,
 * down from the `coarsen` precision. The holder key goes into `cnf.jwk`; the issuer's display
 * name (never its role) into `issuer_name`.
 *
 * @throws {TypeError} on an unknown kind, fields that fail the kind's schema, unknown disclosable names, or keys that cannot sign
 * @throws {PassportError} ERR_PROHIBITED_DATA when a field carries criminal-record data
 * @example
 * ```ts
 * const sdjwt = await issueSdJwtEntry('qualification', fields, {
 *   issuer, key, holderKey, disclosable: ['awardedOn', 'grade', 'awardingBody'], coarsen: 'month',
 * });
 * ```
 */
export async function issueSdJwtEntry<K extends EntryKind>(kind: K, fields: EntryFields<K>, options: IssueSdJwtEntryOptions): Promise<string> {
  if (!isEntryKind(kind)) throw new TypeError(`"kind" must be an entry kind (found ${describeValue(kind)})`);
  if (!isPlainObject(options as unknown)) throw new TypeError('"options" must be an object');
  assertSigningKeyPair(options.key);
  assertKeyPair(options.holderKey, 'holderKey');
  if (!isPlainObject(options.issuer) || options.issuer.id !== options.key.did) throw new TypeError('"issuer.id" must be the DID of "key"');
  const coarsen = options.coarsen ?? 'day';
  if (!PRECISIONS.includes(coarsen)) throw new TypeError('"coarsen" must be day, month or year');
  const parsed = entryFieldsSchema(kind).safeParse(fields);
  if (!parsed.success) throw new TypeError(`"fields" do not match the ${kind} schema: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  const clean = snapshotJson(parsed.data);
  if (!clean.ok || !isPlainObject(clean.value)) throw new TypeError('"fields" must be plain JSON');
  const values = clean.value as Record<string, unknown>;
  const prohibited = scanProhibited(values);
  if (prohibited.length > 0) throw new PassportError('ERR_PROHIBITED_DATA', `The ${kind} fields contain prohibited data: ${prohibited[0]!.message}.`);
  if (!Array.isArray(options.disclosable)) throw new TypeError('"disclosable" must be an array of field names');
  for (const name of options.disclosable) {
    if (typeof name !== 'string' || !(name in values)) throw new TypeError(`"disclosable" names a field the entry does not have: ${describeValue(name)}`);
  }

  const claims: Record<string, unknown> = {};
  const sd: string[] = [];
  for (const [name, value] of Object.entries(values)) {
    const disclosable = options.disclosable.includes(name);
    if (disclosable && typeof value === 'string' && DATE.test(value)) {
      const variants = dateClaims(name, value, coarsen);
      Object.assign(claims, variants);
      sd.push(...Object.keys(variants));
    } else {
      claims[name] = value;
      if (disclosable) sd.push(name);
    }
  }
  const issuedAt = options.issuedAt ?? new Date();
  const payload = {
    iss: options.issuer.id,
    iat: Math.floor(issuedAt.getTime() / 1000),
    ...(options.expiresAt ? { exp: Math.floor(options.expiresAt.getTime() / 1000) } : {}),
    vct: `${VCT_PREFIX}${kind}`,
    cnf: { jwk: publicJwkOf(options.holderKey.did) },
    issuer_name: options.issuer.displayName ?? options.issuer.name,
    kind,
    ...claims,
  };
  return (await instance({ signer: signerFor(options.key) })).issue(payload, { _sd: sd } as never, { header: { kid: options.key.verificationMethod } });
}

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
  if (!Array.isArray(options.disclose) || !options.disclose.every((d) => typeof d === 'string')) throw new TypeError('"disclose" must be an array of claim names');
  const sd = await instance({ kbSigner: signerFor(options.holderKey) });
  const available = new Set(await sd.presentableKeys(sdjwt));
  for (const name of options.disclose) if (!available.has(name)) throw new TypeError(`"${name}" cannot be disclosed (disclosable: ${[...available].join(', ')})`);
  const claims = (await sd.getClaims(sdjwt)) as { cnf?: { jwk?: { x?: string } } };
  if (claims.cnf?.jwk?.x !== publicJwkOf(options.holderKey.did).x) throw new TypeError('"holderKey" is not the key this credential is bound to');
  const frame = Object.fromEntries(options.disclose.map((d) => [d, true]));
  const iat = Math.floor((options.issuedAt ?? new Date()).getTime() / 1000);
  return sd.present(sdjwt, frame, { kb: { payload: { iat, aud: options.aud, nonce: options.nonce } } });
}

/** Options of {@link verifySdJwt}. */
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

/**
 * Longest SD-JWT presentation accepted by {@link verifySdJwt} (characters); one entry with its
 * disclosures and key binding is a few kilobytes. Longer input fails with ERR_JOSE_INVALID.
 *
 * @example
 * ```ts
 * if (scanned.length > MAX_SD_JWT_LENGTH) console.warn('too long to be an SD-JWT entry');
 * ```
 */
export const MAX_SD_JWT_LENGTH = 200_000;

/**
 * Verifies an SD-JWT VC presentation: the issuer's EdDSA signature (key from the did:key
 * `kid`, which must be `iss`), every disclosure (each must be one the issuer signed, exactly
 * once: unknown, edited and repeated disclosures are refused, RFC 9901 §7.1), the key-binding JWT (signed by the
 * `cnf` key, with this `nonce` and `aud`, fresh), `exp`, the disclosed fields against the
 * kind's schema, and with a `policy` the issuer's accreditation for the kind. Never throws on
 * bad input.
 *
 * @throws {TypeError} when nonce or aud is missing (they are never defaulted)
 * @example
 * ```ts
 * const result = await verifySdJwt(shown, { nonce, aud: 'jobs.example.co.uk', policy, accreditations });
 * result.claims; // { title: 'Functional Skills Maths', level: 'L1', awardedOn_year: '2026', … }
 * ```
 */
export async function verifySdJwt(presentation: unknown, options: VerifySdJwtOptions): Promise<SdJwtVerificationResult> {
  if (!isPlainObject(options as unknown)) throw new TypeError('"options" with "nonce" and "aud" is required');
  for (const name of ['nonce', 'aud'] as const) {
    if (typeof options[name] !== 'string' || options[name].trim() === '') throw new TypeError(`"options.${name}" is required and must be a non-empty string`);
  }
  const { now, tolerance } = timeOptions(options);
  const maxAge = options.maxKeyBindingAge ?? 300;
  const checks = new CheckList();
  const extra: Omit<SdJwtVerificationResult, keyof VerificationResult> = {};
  const finish = (): SdJwtVerificationResult => ({
    verified: checks.verified,
    checks: checks.checks,
    errors: checks.errors,
    summary: summariseChecks(checks, extra.issuerName ?? extra.issuer),
    ...extra,
  });
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
    if (/Nonce/i.test(message)) checks.fail('challenge', 'ERR_PRESENTATION_CHALLENGE_MISMATCH', 'The presentation answers a different request: it may be replayed.');
    else if (/expired|not yet valid/i.test(message)) checks.fail('validity-period', 'ERR_CREDENTIAL_EXPIRED', 'The credential is outside its validity period.');
    else if (/Key Binding|sd_hash/i.test(message)) checks.fail('holder-binding', 'ERR_HOLDER_BINDING', 'The key-binding proof does not match: it was not made by the holder for this presentation.');
    else if (/Signature/i.test(message)) checks.fail('signature', 'ERR_PROOF_SIGNATURE_INVALID', 'The signature does not match the content: it was changed or signed by another key.');
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
  if (age > maxAge + tolerance || age < -tolerance) checks.fail('holder-binding', 'ERR_HOLDER_BINDING', 'The holder’s key-binding proof is too old (or from the future): ask the person to share again.');
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
    const result = (entryFieldsSchema(kind) as unknown as { partial(): { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } } } })
      .partial()
      .safeParse(fields);
    if (result.success) checks.pass('schema', `The disclosed fields match the ${kind} schema.`);
    else checks.fail('schema', 'ERR_SCHEMA_INVALID', `The ${kind} fields do not match their schema: ${result.error?.issues[0]?.path.join('.')}: ${result.error?.issues[0]?.message}.`);
  }
  if (checks.checks.some((c) => c.check === 'issuer-key' && c.status === 'pass') && isEntryKind(kind)) {
    // evaluateTrust reads the issuer, the kind and the signing time from a credential shape.
    const asCredential = {
      issuer: { id: claims.iss },
      validFrom: typeof claims.iat === 'number' ? formatDateTimeStamp(new Date(claims.iat * 1000)) : undefined,
      credentialSubject: { learningPassport: { kind } },
    };
    await addTrustChecks(asCredential, { kind }, { ...trustOptionsOf(options), now }, checks);
  }
  const visible: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(claims)) if (!['cnf', '_sd_alg', 'status'].includes(k)) visible[k] = v;
  extra.claims = visible;
  return finish();
}
