// The plain data shapes the trust area's modules share. Kept in a file of their own so that
// the modules which build policies, read trust lists and collect checkpoints can all name
// them without importing each other (no cycles inside the area).
import type { IssuerRole } from '../keys/types.js';
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
