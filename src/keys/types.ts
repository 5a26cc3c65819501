/**
 * An Ed25519 key pair in Multikey form. The secret is present only when the pair can sign.
 * Treat `secretKeyMultibase` like a password: store it with {@link encryptKeyFile}.
 */
export interface KeyPair {
  readonly type: 'Multikey';
  /** The did:key of the public key. */
  readonly did: string;
  /** The verification method id used in proofs: `did:key:X#X`. */
  readonly verificationMethod: string;
  /** `z6Mk…`: multibase of 0xed01 + the 32-byte public key. */
  readonly publicKeyMultibase: string;
  /** `z3u2…`: multibase of 0x8026 + the 32-byte seed. Absent on public-only pairs. */
  readonly secretKeyMultibase?: string;
}

/** A key pair that can sign. */
export type SigningKeyPair = KeyPair & { readonly secretKeyMultibase: string };

/** Multikey input accepted by {@link importKeyPair}. */
export interface MultikeyInput {
  type?: 'Multikey';
  id?: string;
  controller?: string;
  publicKeyMultibase?: string;
  secretKeyMultibase?: string;
  /** Alias used by the W3C vc-di-eddsa test vector files. */
  privateKeyMultibase?: string;
}

/** An Ed25519 JSON Web Key (RFC 8037, kty OKP). */
export interface Ed25519Jwk {
  kty: 'OKP';
  crv: 'Ed25519';
  /** base64url public key. */
  x: string;
  /** base64url 32-byte seed; present only on private JWKs. */
  d?: string;
  kid?: string;
  alg?: 'EdDSA' | 'Ed25519';
  use?: 'sig';
}

/** The roles an issuer can hold (see the README's "Issuer roles"). */
export const ISSUER_ROLES = [
  'awarding-body',
  'education-provider',
  'prison',
  'probation',
  'charity',
  'trainer',
  'mentor',
  'employer',
  'scheme-operator',
  'authority',
] as const;

/** One of {@link ISSUER_ROLES}. */
export type IssuerRole = (typeof ISSUER_ROLES)[number];

// Every role is classified here, once: a role added to ISSUER_ROLES does not compile until
// someone decides whether naming it would tell a reader that the holder was in custody.
const ROLE_REVEALS_CUSTODY: Readonly<Record<IssuerRole, boolean>> = {
  'awarding-body': false,
  'education-provider': false,
  prison: true,
  probation: true,
  charity: false,
  trainer: false,
  mentor: false,
  employer: false,
  'scheme-operator': false,
  authority: false,
};

/**
 * The issuer roles that reveal custody: an entry signed under one of them, its accreditation,
 * or a verdict naming the role would tell a reader that the holder was in prison or on
 * probation. The one list every privacy rule uses (sharing, linting, issuer names, verdict text).
 *
 * @example
 * ```ts
 * CUSTODY_ROLES; // ['prison', 'probation']
 * ```
 */
export const CUSTODY_ROLES: readonly IssuerRole[] = Object.freeze(ISSUER_ROLES.filter((role) => ROLE_REVEALS_CUSTODY[role]));

/**
 * True when `role` is one of {@link CUSTODY_ROLES}. Accepts anything (roles read from untrusted
 * accreditations are plain strings).
 *
 * @example
 * ```ts
 * isCustodyRole('prison'); // true
 * isCustodyRole('charity'); // false
 * ```
 */
export function isCustodyRole(role: unknown): boolean {
  return typeof role === 'string' && (CUSTODY_ROLES as readonly string[]).includes(role);
}

/** An issuer's public profile: who signs, in an Open Badges 3.0 `Profile` shape. */
export interface IssuerProfile {
  /** The issuer's DID. */
  id: string;
  type: ['Profile'];
  /** The organisation's name. */
  name: string;
  /** A neutral name shown to verifiers in place of `name` when set (privacy: P4). */
  displayName?: string;
  role: IssuerRole;
}
