// Withdrawing an accreditation, optionally declaring its key compromised from a date.
import { VC_V2_CONTEXT } from '../constants.js';
import { isPlainObject } from '../internal/json.js';
import { assertSigningKeyPair } from '../keys/key-pair.js';
import type { SigningKeyPair } from '../keys/types.js';
import { signCredential } from '../proof/sign-credential.js';
import { ACCREDITATION_REVOCATION_TYPE, type SignedTrustCredential } from './types.js';
import { didOf, toTimestamp, uuidUrn } from './util.js';

/**
 * Input of {@link revokeAccreditation}: name the accreditation by id, or the key by DID.
 *
 * @example
 * ```ts
 * const input: RevokeAccreditationInput = { accreditation: accreditation.id, reason: 'Contract ended' };
 * await revokeAccreditation(authorityKey, input);
 * ```
 */
export interface RevokeAccreditationInput {
  /** The id of the accreditation withdrawn. */
  accreditation?: string;
  /** The key whose accreditations (by this accreditor; by anyone, when a root revokes) are withdrawn. */
  did?: string | { did: string };
  /** Restricts a `did` revocation to accreditations for this organisation. */
  organisation?: string;
  /** Declares the key compromised from this date: nothing it signed from then on is trusted. */
  compromisedSince?: Date | string;
  /**
   * The key that replaces this one: a planned key rotation. Verifiers then keep trusting what
   * the old key claims to have signed inside its window (as they did while it was open), instead
   * of asking for a checkpoint; a compromise notice for the key restores the strict rule.
   * Not allowed together with `compromisedSince`.
   */
  replacedBy?: string | { did: string };
  /** Plain-English reason, shown to verifiers. */
  reason: string;
  /** When the withdrawal takes effect (default: now). Entries signed before it stay valid. */
  effective?: Date | string;
  /** The revocation's id (default: a fresh urn:uuid). */
  id?: string;
  /** When the proof is made (default: now). */
  created?: Date | string;
}

/**
 * A signed accreditation revocation.
 *
 * @example
 * ```ts
 * const revocation: AccreditationRevocationCredential = await revokeAccreditation(authorityKey, input);
 * ```
 */
export type AccreditationRevocationCredential = SignedTrustCredential<
  typeof ACCREDITATION_REVOCATION_TYPE,
  {
    id?: string;
    type: 'LearningPassportAccreditationRevocation';
    accreditation?: string;
    organisation?: string;
    compromisedSince?: string;
    replacedBy?: string;
    reason: string;
  }
>;

/**
 * Signs the withdrawal of an accreditation. It is honoured when signed by a trust root or by
 * the accreditor of the accreditation it names. Without `compromisedSince` the accreditation
 * ends at `effective`: what its key signed later is refused, and what it claims to have signed
 * before is trusted only with evidence (another organisation's checkpoint from before the end),
 * since the signing time is the key's own word. With `replacedBy` (a planned rotation to a new
 * key) claims dated inside the old window keep their verdict without evidence. With
 * `compromisedSince`, entries claiming a later date are rejected, and earlier ones are accepted
 * only when another organisation's checkpoint from before that date covers them.
 *
 * @throws {TypeError} when neither `accreditation` nor `did` is given, or on an empty reason
 * @example
 * ```ts
 * const revocation = await revokeAccreditation(authorityKey, {
 *   did: stolenKey.did, compromisedSince: '2026-05-01T00:00:00Z', reason: 'Laptop stolen',
 * });
 * // A planned rotation: the old key's entries keep their verdict.
 * const rotation = await revokeAccreditation(authorityKey, {
 *   accreditation: oldAccreditation.id, replacedBy: newKey.did, reason: 'Key rotated',
 * });
 * ```
 */
export async function revokeAccreditation(accreditor: SigningKeyPair, input: RevokeAccreditationInput): Promise<AccreditationRevocationCredential> {
  assertSigningKeyPair(accreditor, 'accreditor');
  if (!isPlainObject(input)) throw new TypeError('"input" must be an object');
  if (input.accreditation === undefined && input.did === undefined) throw new TypeError('give "accreditation" (an id) or "did"');
  if (input.accreditation !== undefined && (typeof input.accreditation !== 'string' || !/^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$/.test(input.accreditation))) {
    throw new TypeError('"accreditation" must be the id (a URL) of an accreditation');
  }
  const did = input.did === undefined ? undefined : didOf(input.did, 'did');
  if (input.organisation !== undefined && (typeof input.organisation !== 'string' || input.organisation.trim() === '')) {
    throw new TypeError('"organisation" must be a non-empty string');
  }
  if (typeof input.reason !== 'string' || input.reason.trim() === '') throw new TypeError('"reason" must be a non-empty string');
  const compromisedSince = input.compromisedSince === undefined ? undefined : toTimestamp(input.compromisedSince, 'compromisedSince');
  const replacedBy = input.replacedBy === undefined ? undefined : didOf(input.replacedBy, 'replacedBy');
  if (replacedBy && compromisedSince) throw new TypeError('a compromise is not a planned rotation: give "compromisedSince" or "replacedBy", not both');
  const credential = {
    '@context': [VC_V2_CONTEXT],
    id: input.id ?? uuidUrn(),
    type: ['VerifiableCredential', ACCREDITATION_REVOCATION_TYPE] as ['VerifiableCredential', typeof ACCREDITATION_REVOCATION_TYPE],
    issuer: accreditor.did,
    validFrom: toTimestamp(input.effective ?? new Date(), 'effective'),
    credentialSubject: {
      ...(did ? { id: did } : {}),
      type: ACCREDITATION_REVOCATION_TYPE,
      ...(input.accreditation ? { accreditation: input.accreditation } : {}),
      ...(input.organisation ? { organisation: input.organisation } : {}),
      ...(compromisedSince ? { compromisedSince } : {}),
      ...(replacedBy ? { replacedBy } : {}),
      reason: input.reason,
    },
  };
  return signCredential(credential, accreditor, { created: input.created ?? new Date() }) as Promise<AccreditationRevocationCredential>;
}
