// The plain data shapes and names the trust area's modules share: the credential types and
// envelope of what the area signs, and the material trust is judged by. Kept in a file of their
// own so that the modules which build policies, sign, read trust lists and collect checkpoints
// can all name them without importing each other (no cycles inside the area).
import type { IssuerRole } from '../keys/types.js';
import type { Signed } from '../proof/types.js';
import type { TrustKind } from './rules.js';

/**
 * A trust root given with details: its role and scope, and a name for messages.
 *
 * @example
 * ```ts
 * const root: TrustRootInput = { did: authority.did, name: 'National Learning Authority' };
 * createTrustPolicy({ roots: [root] });
 * ```
 */
export interface TrustRootInput {
  /** The root's did:key. */
  did: string;
  /** A name shown in results ("National Learning Authority"). */
  name?: string;
  /** What the root is, for entries it signs directly (default `authority`). */
  role?: IssuerRole;
  /** Limits what the root may issue and accredit (default: every kind). */
  kinds?: readonly TrustKind[];
  /** A stable organisation id (default: the DID). */
  organisation?: string;
  /** The organisations the root may vouch for in accreditations (exact ids or `prefix*`; default: any). */
  organisations?: readonly string[];
}

/**
 * A checkpoint the caller has already verified: "at `at`, `issuer` saw exactly these CIDs".
 *
 * @example
 * ```ts
 * const checkpoint: TrustCheckpoint = { issuer: prison.did, at: '2026-05-05T09:00:00Z', cids: [entryId(entry)] };
 * await evaluateTrust(entry, { policy, accreditations, checkpoints: [checkpoint], entryCid: entryId(entry) });
 * ```
 */
export interface TrustCheckpoint {
  /** The checkpoint's issuer DID. */
  issuer: string;
  /** The checkpoint's `at` time (dateTimeStamp). */
  at: string;
  /** The entry CIDs it covers. */
  cids: readonly string[];
}

/**
 * The credential type of an accreditation.
 *
 * @example
 * ```ts
 * accreditation.type.includes(ACCREDITATION_TYPE); // true
 * ```
 */
export const ACCREDITATION_TYPE = 'LearningPassportAccreditation' as const;

/**
 * The credential type of an accreditation revocation.
 *
 * @example
 * ```ts
 * revocation.type.includes(ACCREDITATION_REVOCATION_TYPE); // true
 * ```
 */
export const ACCREDITATION_REVOCATION_TYPE = 'LearningPassportAccreditationRevocation' as const;

/**
 * The credential type of a trust list.
 *
 * @example
 * ```ts
 * list.type.includes(TRUST_LIST_TYPE); // true
 * ```
 */
export const TRUST_LIST_TYPE = 'LearningPassportTrustList' as const;

/**
 * The signed credentials of the trust area (accreditations, their revocations, trust lists)
 * share one envelope: a VC 2.0 credential of one learning-passport `Type`, with an id, a
 * did:key issuer, `validFrom` and a `Subject`; `Extra` adds what one of them has beyond it.
 *
 * @example
 * ```ts
 * const accreditation: SignedTrustCredential<typeof ACCREDITATION_TYPE, AccreditationSubject> = await accreditIssuer(authorityKey, input);
 * accreditation.type[1]; // 'LearningPassportAccreditation'
 * ```
 */
export type SignedTrustCredential<Type extends string, Subject, Extra extends object = object> = Signed<
  {
    '@context': string[];
    id: string;
    type: ['VerifiableCredential', Type];
    issuer: string;
    validFrom: string;
    credentialSubject: Subject;
  } & Extra
>;

/**
 * Fetches a status list credential by URL (online use only; verification never fetches unless given one).
 *
 * @example
 * ```ts
 * const fetchStatusList: FetchStatusList = async (url) => (await fetch(url)).json();
 * ```
 */
export type FetchStatusList = (url: string) => Promise<unknown>;

/**
 * The material trust is judged by, beside a policy: what a verifier passes with every call
 * (`TrustOptions`) and what `createTrustContext` prepares once. Not exported: both of those
 * list its members as their own.
 *
 * @example
 * ```ts
 * const material: TrustSources = { accreditations: passport.accreditations, statusLists: passport.statusLists };
 * await verifyCredential(entry, { policy, ...material });
 * ```
 */
export interface TrustSources {
  /** Accreditation and accreditation-revocation credentials, e.g. a passport's `accreditations` (the verifier may add its own). */
  accreditations?: readonly unknown[];
  /** Status list credential snapshots, e.g. a passport's `statusLists` (the verifier may add its own). With or without a policy, a list signed by an entry's own issuer key decides its revocation or suspension status. */
  statusLists?: readonly unknown[];
  /** Checkpoints already verified (used to accept entries signed before a compromise); or give `entries` to read them from. */
  checkpoints?: readonly TrustCheckpoint[];
  /** A passport's entries: the checkpoints among them are verified and used too. */
  entries?: readonly unknown[];
  /** Online status list fetch (off by default: verification needs no network). */
  fetchStatusList?: FetchStatusList;
}
