// Public types of entries: the credential shape issueEntry produces.
import type { OB_V3_CONTEXT, VC_V2_CONTEXT } from '../constants.js';
import type { Signed } from '../proof/types.js';
import type { EntryFields, EntryKind } from './kinds/index.js';

/**
 * An Open Badges 3.0 IdentityObject: how an entry names its holder without a DID. Always hashed.
 *
 * @example
 * ```ts
 * entry.credentialSubject.identifier?.[0]?.identityHash; // 'sha256$…'
 * ```
 */
export interface IdentityObject {
  type: 'IdentityObject';
  hashed: true;
  /** The salted hash of the identity, e.g. `sha256$<hex>`. */
  identityHash: string;
  /** What was hashed: 'name', 'emailAddress', … or an `ext:` type. */
  identityType: string;
  salt?: string;
}

/**
 * A credential status entry (for example a W3C BitstringStatusListEntry).
 *
 * @example
 * ```ts
 * const status: EntryCredentialStatus = { id: 'https://example.org/status/1#94567', type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '94567', statusListCredential: 'https://example.org/status/1' };
 * ```
 */
export interface EntryCredentialStatus {
  id: string;
  type: string;
  [key: string]: unknown;
}

/**
 * The `learningPassport` object of an entry: the kind, its fields, and an optional supersession link.
 *
 * @example
 * ```ts
 * const lp: LearningPassportData<'award'> = entry.credentialSubject.learningPassport;
 * lp.kind; // 'award'
 * ```
 */
export type LearningPassportData<K extends EntryKind = EntryKind> = K extends EntryKind ? { kind: K } & EntryFields<K> & { supersedes?: string } : never;

/**
 * An unsigned entry: VC 2.0 + Open Badges 3.0 AchievementCredential with a learning-passport kind.
 *
 * @example
 * ```ts
 * const unsigned: EntryCredential<'award'> = (({ proof, ...rest }) => rest)(entry);
 * ```
 */
export interface EntryCredential<K extends EntryKind = EntryKind> {
  '@context': [typeof VC_V2_CONTEXT, typeof OB_V3_CONTEXT, ...unknown[]];
  id: string;
  type: ['VerifiableCredential', 'AchievementCredential', ...string[]];
  /** The issuer as verifiers see it: DID and display name, never the role. */
  issuer: { id: string; type: ['Profile']; name: string };
  validFrom: string;
  validUntil?: string;
  /** The achievement's name, for wallets. */
  name: string;
  credentialSubject: {
    /** The holder's DID, when bound to a key. */
    id?: string;
    /** The holder's hashed identity, when bound by name or e-mail (paper use). */
    identifier?: IdentityObject[];
    type: ['AchievementSubject'];
    achievement: {
      id: string;
      type: ['Achievement'];
      achievementType: string;
      name: string;
      description: string;
      criteria: { narrative: string };
    };
    learningPassport: LearningPassportData<K>;
  };
  credentialStatus?: EntryCredentialStatus;
}

/**
 * A signed entry (eddsa-jcs-2022 Data Integrity proof, as an object).
 *
 * @example
 * ```ts
 * const entry: SignedEntry<'qualification'> = await issueEntry('qualification', fields, { issuer, key });
 * ```
 */
export type SignedEntry<K extends EntryKind = EntryKind> = Signed<EntryCredential<K>>;
