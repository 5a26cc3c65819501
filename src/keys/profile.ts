import { PassportError } from '../errors.js';
import { isPlainObject } from '../internal/json.js';
import { findCustodyText, SIGNED_NAME_CODES } from '../internal/custody-text.js';
import { ISSUER_ROLES, isCustodyRole, type IssuerProfile, type IssuerRole, type KeyPair } from './types.js';

/** Input of {@link createIssuerProfile}. */
export interface IssuerProfileInput {
  /** The issuer's key (only its DID is used). */
  key: KeyPair;
  /** The organisation's official name, e.g. "City & Guilds" or "HMP Northfield". Kept in the profile only: entries carry `displayName` when there is one. */
  name: string;
  /**
   * A neutral name for verifiers, e.g. "Northfield Learning Centre" (privacy feature P4).
   * Required for the custody roles ({@link CUSTODY_ROLES}: prison, probation), and then it must
   * not itself reveal custody (no "HMP", "prison", "YOI", "probation"…).
   */
  displayName?: string;
  role: IssuerRole;
}

/** Display names already found neutral (the check is a pure function of the text). */
const neutralNames = new Set<string>();

/**
 * Throws ERR_NEUTRAL_NAME_REQUIRED unless an issuer with a custody role has a display name that
 * reveals nothing: the display name is what every entry it signs carries, and what every verifier
 * reads. Uses the disclosure linter's word list (any `high` finding refuses the name).
 */
export function assertNeutralIssuerName(role: unknown, displayName: unknown, name?: unknown): void {
  if (!isCustodyRole(role)) {
    // The role of a profile is self-declared (a hand-made profile can say anything), so the
    // name that will be signed is checked whatever the role: it may not name a prison, carry a
    // prison number or use custody words. (Organisations that merely work in prisons may keep
    // their names; the linter keeps their entries back from employers.)
    const signed = typeof displayName === 'string' && displayName.trim() !== '' ? displayName : name;
    const found = typeof signed === 'string' ? findCustodyText(signed, SIGNED_NAME_CODES) : undefined;
    if (found) {
      throw new PassportError(
        'ERR_NEUTRAL_NAME_REQUIRED',
        `The issuer name signed into entries must not reveal custody: ${found} Give the profile a neutral "displayName".`,
        {
          details: { path: [signed === displayName ? 'displayName' : 'name'] },
        },
      );
    }
    return;
  }
  if (typeof displayName !== 'string' || displayName.trim() === '') {
    throw new PassportError(
      'ERR_NEUTRAL_NAME_REQUIRED',
      `An issuer with the role "${String(role)}" needs a neutral "displayName" (for example "Northfield Learning Centre"): it is signed into every entry instead of the official name, which would tell an employer the holder was in custody.`,
    );
  }
  // Checked once per name: bulk issuing signs thousands of entries under one profile, and the
  // custody-text scan cost as much as a tenth of each signature.
  if (neutralNames.has(displayName)) return;
  const found = findCustodyText(displayName);
  if (!found) {
    if (neutralNames.size >= 256) neutralNames.clear();
    neutralNames.add(displayName);
  }
  if (found) {
    throw new PassportError('ERR_NEUTRAL_NAME_REQUIRED', `The "displayName" of an issuer with the role "${String(role)}" must not reveal custody: ${found}`, {
      details: { path: ['displayName'] },
    });
  }
}

/**
 * Builds an issuer profile (Open Badges 3.0 `Profile`): the DID, the name, an optional neutral
 * display name and the issuer's role. Entries carry only the DID and `displayName ?? name`;
 * the official name and the role stay in the profile (the issuer's own records).
 *
 * Issuers with a custody role ({@link CUSTODY_ROLES}: prison, probation) must give a neutral
 * `displayName`, one that names no prison and uses no custody words: every entry they sign
 * carries it, and a holder shares those entries with employers.
 *
 * @throws {TypeError} on an unknown role or an empty name
 * @throws {PassportError} ERR_NEUTRAL_NAME_REQUIRED for a custody role without a neutral `displayName`
 * @example
 * ```ts
 * const issuer = createIssuerProfile({ key, name: 'City & Guilds', role: 'awarding-body' });
 * const prison = createIssuerProfile({ key: prisonKey, name: 'HMP Northfield', displayName: 'Northfield Learning Centre', role: 'prison' });
 * ```
 */
export function createIssuerProfile(input: IssuerProfileInput): IssuerProfile {
  if (!isPlainObject(input) || !isPlainObject(input.key) || typeof input.key.did !== 'string') {
    throw new TypeError('"key" must be a KeyPair');
  }
  if (typeof input.name !== 'string' || input.name.trim() === '') throw new TypeError('"name" must be a non-empty string');
  if (!ISSUER_ROLES.includes(input.role)) throw new TypeError(`"role" must be one of: ${ISSUER_ROLES.join(', ')}`);
  if (input.displayName !== undefined && (typeof input.displayName !== 'string' || input.displayName.trim() === '')) {
    throw new TypeError('"displayName" must be a non-empty string when given');
  }
  assertNeutralIssuerName(input.role, input.displayName, input.name);
  return {
    id: input.key.did,
    type: ['Profile'],
    name: input.name,
    ...(input.displayName ? { displayName: input.displayName } : {}),
    role: input.role,
  };
}

/**
 * The name a verifier should see: the neutral display name when there is one.
 *
 * @example
 * ```ts
 * issuerDisplayName({ name: 'HMP Northfield', displayName: 'Northfield Learning Centre' }); // 'Northfield Learning Centre'
 * ```
 */
export function issuerDisplayName(profile: Pick<IssuerProfile, 'name' | 'displayName'>): string {
  return profile.displayName ?? profile.name;
}
