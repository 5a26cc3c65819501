// An accreditation is a credential by which a root (or an authority it accredited) vouches for
// an issuer's key: which organisation holds it, in what role, for which entry kinds, and when.
import { VC_V2_CONTEXT } from '../constants.js';
import { isPlainObject } from '../internal/json.js';
import { parseDateTimeStamp } from '../internal/time.js';
import { PassportError } from '../errors.js';
import { findCustodyText, SIGNED_NAME_CODES } from '../internal/custody-text.js';
import { assertSigningKeyPair } from '../keys/key-pair.js';
import { ISSUER_ROLES, isCustodyRole, type IssuerRole, type SigningKeyPair } from '../keys/types.js';
import { signCredential } from '../proof/sign-credential.js';
import { TRUST_CAPABILITIES, TRUST_KINDS, type TrustCapability, type TrustKind } from './rules.js';
import { ACCREDITATION_TYPE, type SignedTrustCredential } from './types.js';
import { didOf, toTimestamp, uuidUrn } from './util.js';

/**
 * Input of {@link accreditIssuer}.
 *
 * @example
 * ```ts
 * const input: AccreditIssuerInput = { did: prison.did, organisation: 'org:hmp-northfield', role: 'prison', kinds: ['custody-transfer', 'checkpoint'] };
 * await accreditIssuer(authorityKey, input);
 * ```
 */
export interface AccreditIssuerInput {
  /** The issuer's did:key (or its KeyPair). */
  did: string | { did: string };
  /** A stable organisation id, the same for every key the organisation ever holds (e.g. "org:hmp-northfield"). */
  organisation: string;
  role: IssuerRole;
  /** The entry kinds the issuer may issue (for an authority: the scope it may pass on). */
  kinds: readonly TrustKind[];
  /** Extra powers: `accredit`, `revoke-others`, `supersede-others`. */
  capabilities?: readonly TrustCapability[];
  /** With `accredit`: the roles it may accredit (default: any role its own accreditor allows). */
  accreditRoles?: readonly IssuerRole[];
  /**
   * With `accredit`: the organisations it may vouch for, as exact ids or `prefix*` patterns
   * (default: only its own `organisation`). Must lie within the accreditor's own scope.
   */
  organisations?: readonly string[];
  /** Start of the window (default: now). */
  validFrom?: Date | string;
  /** End of the window; closing it is how a rotated-out key stops being trusted. */
  validUntil?: Date | string;
  /**
   * The neutral name verifiers see. Without it the accreditation carries `organisation` as its name,
   * which verifiers never show: they name the issuer by the entry's own (neutral) issuer name.
   */
  displayName?: string;
  /** The accreditation's id (default: a fresh urn:uuid). */
  id?: string;
  /** When the proof is made (default: now). */
  created?: Date | string;
}

/**
 * The subject of an accreditation credential.
 *
 * @example
 * ```ts
 * const subject: AccreditationSubject = accreditation.credentialSubject;
 * subject.kinds; // ['qualification', 'unit-credit']
 * ```
 */
export interface AccreditationSubject {
  id: string;
  type: 'LearningPassportIssuer';
  organisation: string;
  role: IssuerRole;
  kinds: TrustKind[];
  capabilities?: TrustCapability[];
  accreditRoles?: IssuerRole[];
  organisations?: string[];
  displayProfile: { type: 'Profile'; name: string };
}

/**
 * A signed accreditation credential.
 *
 * @example
 * ```ts
 * const accreditation: AccreditationCredential = await accreditIssuer(authorityKey, input);
 * ```
 */
export type AccreditationCredential = SignedTrustCredential<typeof ACCREDITATION_TYPE, AccreditationSubject, { name: string; validUntil?: string }>;

function listOf<T extends string>(value: unknown, allowed: readonly T[], name: string, allowEmpty = false): T[] {
  if (!Array.isArray(value) || (!allowEmpty && value.length === 0) || !value.every((v) => (allowed as readonly unknown[]).includes(v))) {
    throw new TypeError(`"${name}" must be a ${allowEmpty ? '' : 'non-empty '}list drawn from: ${allowed.join(', ')}`);
  }
  return [...new Set(value as T[])].sort();
}

/**
 * Signs an accreditation for an issuer's key (W3C VC 2.0, type
 * `LearningPassportAccreditation`). The accreditor is a trust root, or an authority whose own
 * accreditation carries the `accredit` capability; in that case this accreditation is honoured
 * only if it stays within the authority's scope (its kinds, capabilities and roles).
 *
 * Accreditations travel inside the passport, so verification needs no registry.
 *
 * @throws {TypeError} on unknown roles, kinds or capabilities, empty names, or a window that ends before it starts
 * @throws {PassportError} ERR_NEUTRAL_NAME_REQUIRED when the name it would carry (`displayName`, else `organisation`) reveals custody: for a custody role any custody finding, for any role a prison name, prison number or custody words
 * @example
 * ```ts
 * const accreditation = await accreditIssuer(authorityKey, {
 *   did: cityAndGuilds.did, organisation: 'org:city-and-guilds', role: 'awarding-body',
 *   kinds: ['qualification', 'unit-credit'], displayName: 'City & Guilds',
 *   validUntil: '2030-01-01T00:00:00Z',
 * });
 * ```
 */
export async function accreditIssuer(accreditor: SigningKeyPair, input: AccreditIssuerInput): Promise<AccreditationCredential> {
  assertSigningKeyPair(accreditor, 'accreditor');
  if (!isPlainObject(input)) throw new TypeError('"input" must be an object');
  const did = didOf(input.did, 'did');
  if (typeof input.organisation !== 'string' || input.organisation.trim() === '') throw new TypeError('"organisation" must be a non-empty string');
  if (!ISSUER_ROLES.includes(input.role)) throw new TypeError(`"role" must be one of: ${ISSUER_ROLES.join(', ')}`);
  const kinds = listOf(input.kinds, TRUST_KINDS, 'kinds', input.capabilities !== undefined && input.capabilities.length > 0);
  const capabilities = input.capabilities === undefined ? [] : listOf(input.capabilities, TRUST_CAPABILITIES, 'capabilities', true);
  const accreditRoles = input.accreditRoles === undefined ? undefined : listOf(input.accreditRoles, ISSUER_ROLES, 'accreditRoles');
  if (accreditRoles && !capabilities.includes('accredit')) throw new TypeError('"accreditRoles" needs the "accredit" capability');
  if (input.organisations !== undefined) {
    if (!capabilities.includes('accredit')) throw new TypeError('"organisations" needs the "accredit" capability');
    if (
      !Array.isArray(input.organisations) ||
      input.organisations.length === 0 ||
      !input.organisations.every((o) => typeof o === 'string' && o.trim() !== '')
    ) {
      throw new TypeError('"organisations" must be a non-empty list of organisation ids (or "prefix*" patterns)');
    }
  }
  const organisations = input.organisations === undefined ? undefined : [...new Set(input.organisations)].sort();
  if (input.displayName !== undefined && (typeof input.displayName !== 'string' || input.displayName.trim() === '')) {
    throw new TypeError('"displayName" must be a non-empty string when given');
  }
  if (input.id !== undefined && (typeof input.id !== 'string' || !/^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$/.test(input.id))) {
    throw new TypeError('"id" must be a URL such as urn:uuid:…');
  }
  const validFrom = toTimestamp(input.validFrom ?? new Date(), 'validFrom');
  const validUntil = input.validUntil === undefined ? undefined : toTimestamp(input.validUntil, 'validUntil');
  if (validUntil && parseDateTimeStamp(validUntil) < parseDateTimeStamp(validFrom)) throw new TypeError('"validUntil" must not be before "validFrom"');
  const name = input.displayName ?? input.organisation;
  // The accreditation's names travel with it (trust lists, passports, presentations): for a
  // custody role they must not reveal custody, and no accreditation's title names the role.
  const revealing = findCustodyText(name, isCustodyRole(input.role) ? undefined : SIGNED_NAME_CODES);
  if (revealing) {
    throw new PassportError(
      'ERR_NEUTRAL_NAME_REQUIRED',
      `The name an accreditation carries must not reveal custody: ${revealing} Give a neutral "displayName".`,
      {
        details: { path: [input.displayName === undefined ? 'organisation' : 'displayName'] },
      },
    );
  }

  const credential = {
    '@context': [VC_V2_CONTEXT],
    id: input.id ?? uuidUrn(),
    type: ['VerifiableCredential', ACCREDITATION_TYPE] as ['VerifiableCredential', typeof ACCREDITATION_TYPE],
    issuer: accreditor.did,
    name: `Accreditation of ${name}`,
    validFrom,
    ...(validUntil ? { validUntil } : {}),
    credentialSubject: {
      id: did,
      type: 'LearningPassportIssuer' as const,
      organisation: input.organisation,
      role: input.role,
      kinds,
      ...(capabilities.length > 0 ? { capabilities } : {}),
      ...(accreditRoles ? { accreditRoles } : {}),
      ...(organisations ? { organisations } : {}),
      displayProfile: { type: 'Profile' as const, name },
    },
  };
  return signCredential(credential, accreditor, { created: input.created ?? new Date() }) as Promise<AccreditationCredential>;
}
