import { isPlainObject } from '../internal/json.js';
import { ISSUER_ROLES, type IssuerProfile, type IssuerRole, type KeyPair } from './types.js';

/** Input of {@link createIssuerProfile}. */
export interface IssuerProfileInput {
  /** The issuer's key (only its DID is used). */
  key: KeyPair;
  /** The organisation's name, e.g. "City & Guilds". */
  name: string;
  /** A neutral name for verifiers, e.g. "Northern Education Services" (privacy feature P4). */
  displayName?: string;
  role: IssuerRole;
}

/**
 * Builds an issuer profile (Open Badges 3.0 `Profile`): the DID, the name, an optional neutral
 * display name and the issuer's role.
 *
 * @throws {TypeError} on an unknown role or an empty name
 * @example
 * ```ts
 * const issuer = createIssuerProfile({ key, name: 'City & Guilds', role: 'awarding-body' });
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
