// What a passport's current view asks before it applies a revocation or a supersession: who
// acts, on which entry, when (the time the acting entry claims), and which keys signed both.
// The passport builds the question here and lets the trust area (or the default rule) answer,
// so every lifecycle decision lives in one place.
import { decidingProof } from '../proof/identity-proofs.js';
import { isPlainObject } from '../internal/json.js';
import { tryDid } from './util.js';

/**
 * One lifecycle question: may the signer of entry `actorCid` revoke or supersede entry `cid`?
 *
 * @example
 * ```ts
 * const canActFor = (actor: string, request: LifecycleRequest) => request.action === 'revoke' && actor === request.issuer;
 * ```
 */
export interface LifecycleRequest {
  /** The CID of the entry acted on. */
  cid: string;
  /** Who signed the entry acted on (its issuer id). */
  issuer: string | undefined;
  /** Its kind. */
  kind: string;
  /** What the acting entry does to it. */
  action?: 'revoke' | 'supersede';
  /** When the acting entry claims it was signed (its proof time, else validFrom). */
  at?: string;
  /** The CID of the acting entry (a revocation, or the entry that supersedes). */
  actorCid?: string;
  /** The did:key that signed the acting entry (undefined when its key is not a did:key). */
  actorKey?: string;
  /** The did:key that signed the entry acted on. */
  targetKey?: string;
}

function signingKey(entry: unknown): string | undefined {
  if (!isPlainObject(entry)) return undefined;
  const proof = decidingProof(entry);
  if (!isPlainObject(proof) || typeof proof.verificationMethod !== 'string') return undefined;
  return tryDid(proof.verificationMethod.split('#')[0]);
}

function claimedTime(entry: unknown): string | undefined {
  if (!isPlainObject(entry)) return undefined;
  const proof = decidingProof(entry);
  if (isPlainObject(proof) && typeof proof.created === 'string') return proof.created;
  return typeof entry.validFrom === 'string' ? entry.validFrom : undefined;
}

/**
 * @internal Builds the {@link LifecycleRequest} for `actorEntry` acting on `targetEntry`.
 */
export function lifecycleRequest(
  actorEntry: unknown,
  actorCid: string,
  targetEntry: unknown,
  target: { cid: string; issuer: string | undefined; kind: string },
  action: 'revoke' | 'supersede',
): LifecycleRequest {
  const at = claimedTime(actorEntry);
  const actorKey = signingKey(actorEntry);
  const targetKey = signingKey(targetEntry);
  return {
    cid: target.cid,
    issuer: target.issuer,
    kind: target.kind,
    action,
    actorCid,
    ...(at !== undefined ? { at } : {}),
    ...(actorKey !== undefined ? { actorKey } : {}),
    ...(targetKey !== undefined ? { targetKey } : {}),
  };
}

/**
 * The rule without a trust policy: only the key that signed an entry may revoke or supersede it,
 * and a revocation, once made, cannot be revoked. Issuer ids alone are not compared: an entry
 * whose issuer is not a did:key (admitted with `acceptUnresolvedIssuers`) can be claimed by
 * anyone, so it acts only on entries signed by the very same did:key.
 *
 * @example
 * ```ts
 * ownKeyOnly(prison.did, { cid, issuer: prison.did, kind: 'qualification', action: 'revoke', actorKey: prison.did, targetKey: prison.did }); // true
 * ```
 */
export function ownKeyOnly(actor: string, request: LifecycleRequest): boolean {
  if (!isPlainObject(request) || request.issuer === undefined || actor !== request.issuer) return false;
  if (request.action === 'revoke' && request.kind === 'revocation') return false;
  // Older callers that give no keys: the issuer must itself be a did:key (then intake tied it to the signature).
  if (request.actorKey === undefined && request.targetKey === undefined) return tryDid(actor) === actor;
  return request.actorKey !== undefined && request.actorKey === request.targetKey;
}
