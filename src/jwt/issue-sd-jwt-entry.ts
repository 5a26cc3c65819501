// Issuing an entry as an SD-JWT VC (IETF SD-JWT, RFC 9901, and SD-JWT VC) for field-level
// disclosure: chosen fields of an entry become selectively disclosable, and dates are issued at
// several precisions (day, month, year) as separate claims, so the holder can show "2026" without
// "3 March 2026". vct: `https://learning-passport.org/vct/<kind>` (a stable identifier; nothing
// is fetched).
import { PassportError } from '../errors.js';
import { entryFieldsSchema, isEntryKind, type EntryFields, type EntryKind } from '../entries/kinds/index.js';
import { scanProhibited } from '../entries/prohibited.js';
import { describeValue, isPlainObject, snapshotJson } from '../internal/json.js';
import { assertKeyPair, assertSigningKeyPair } from '../keys/key-pair.js';
import type { IssuerProfile, KeyPair, SigningKeyPair } from '../keys/types.js';
import { publicJwkOf } from './jose-keys.js';
import { PRECISIONS, SD_JWT_DATE, VCT_PREFIX, type DatePrecision } from './sd-jwt-types.js';
import { instance, signerFor } from './sd-jwt-instance.js';

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
    if (disclosable && typeof value === 'string' && SD_JWT_DATE.test(value)) {
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
