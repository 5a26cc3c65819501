// Publishing status: a signed BitstringStatusListCredential, and the credentialStatus entry an
// issued entry carries to point into it (W3C Bitstring Status List v1.0 §2.1–2.2).
import { VC_V2_CONTEXT } from '../constants.js';
import { isPlainObject } from '../internal/json.js';
import { parseDateTimeStamp } from '../internal/time.js';
import { assertSigningKeyPair } from '../keys/key-pair.js';
import type { SigningKeyPair } from '../keys/types.js';
import { signCredential } from '../proof/sign-credential.js';
import type { Signed } from '../proof/types.js';
import { encodeStatusList, type StatusList } from './status-list.js';
import { toTimestamp } from './util.js';

/**
 * The status purposes this library checks.
 *
 * @example
 * ```ts
 * const purpose: StatusPurpose = 'suspension';
 * ```
 */
export type StatusPurpose = 'revocation' | 'suspension';

/**
 * A `credentialStatus` entry pointing into a status list. (A type alias, so it fits index-signature types.)
 *
 * @example
 * ```ts
 * const status: BitstringStatusListEntry = statusEntry({ listUrl, index: 7, purpose: 'revocation' });
 * ```
 */
export type BitstringStatusListEntry = {
  /** `<list URL>#<index>`: Open Badges 3.0 requires an id, and it must not be the list's URL. */
  id: string;
  type: 'BitstringStatusListEntry';
  statusPurpose: StatusPurpose;
  /** The index as a base-10 string, as the specification requires. */
  statusListIndex: string;
  statusListCredential: string;
};

/**
 * A signed status list credential.
 *
 * @example
 * ```ts
 * const listCredential: StatusListCredential = await issueStatusListCredential(issuerKey, { id: listUrl, purpose: 'revocation', list });
 * ```
 */
export type StatusListCredential = Signed<{
  '@context': string[];
  id: string;
  type: ['VerifiableCredential', 'BitstringStatusListCredential'];
  issuer: string;
  validFrom: string;
  validUntil?: string;
  credentialSubject: { id: string; type: 'BitstringStatusList'; statusPurpose: StatusPurpose; encodedList: string; ttl?: number };
}>;

const URL_LIKE = /^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s#]+$/;

function assertPurpose(purpose: unknown): asserts purpose is StatusPurpose {
  if (purpose !== 'revocation' && purpose !== 'suspension') throw new TypeError('"purpose" must be "revocation" or "suspension"');
}

/**
 * The `credentialStatus` value for entry `index` of the list at `listUrl`. Pass it to
 * issueEntry({ credentialStatus }). Choose indexes at random so neighbours reveal nothing.
 *
 * @throws {TypeError} when `listUrl` is not a URL without a fragment or `index` is not a non-negative integer
 * @example
 * ```ts
 * statusEntry({ listUrl: 'https://status.example.org/lists/7', index: 94567, purpose: 'revocation' });
 * // { id: 'https://status.example.org/lists/7#94567', type: 'BitstringStatusListEntry', statusPurpose: 'revocation',
 * //   statusListIndex: '94567', statusListCredential: 'https://status.example.org/lists/7' }
 * ```
 */
export function statusEntry(input: { listUrl: string; index: number; purpose: StatusPurpose }): BitstringStatusListEntry {
  if (!isPlainObject(input)) throw new TypeError('"input" must be an object');
  if (typeof input.listUrl !== 'string' || !URL_LIKE.test(input.listUrl)) throw new TypeError('"listUrl" must be a URL without a #fragment');
  if (typeof input.index !== 'number' || !Number.isSafeInteger(input.index) || input.index < 0) throw new TypeError('"index" must be a non-negative integer');
  assertPurpose(input.purpose);
  return {
    id: `${input.listUrl}#${input.index}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: input.purpose,
    statusListIndex: String(input.index),
    statusListCredential: input.listUrl,
  };
}

/**
 * Input of {@link issueStatusListCredential}.
 *
 * @example
 * ```ts
 * const input: IssueStatusListInput = { id: listUrl, purpose: 'revocation', list: createStatusList(), ttl: 86_400_000 };
 * ```
 */
export interface IssueStatusListInput {
  /** The list's URL: its credential id, and what entries name in `statusListCredential`. */
  id: string;
  purpose: StatusPurpose;
  list: StatusList;
  /** Default: now. The age verifiers report is measured from the proof's creation time. */
  validFrom?: Date | string;
  validUntil?: Date | string;
  /** Suggested refresh interval in milliseconds. */
  ttl?: number;
  /** When the proof is made (default: now). */
  created?: Date | string;
}

/**
 * Signs a BitstringStatusListCredential with the issuer's key (the same key that signs the
 * entries pointing into it: verifiers require that). Holders carry a copy in their passport so
 * status can be checked offline; its age is reported.
 *
 * @throws {TypeError} on a bad URL, purpose, list or dates
 * @example
 * ```ts
 * const list = createStatusList();
 * setStatus(list, 94567, true);
 * const listCredential = await issueStatusListCredential(issuerKey, {
 *   id: 'https://status.example.org/lists/7', purpose: 'revocation', list,
 * });
 * ```
 */
export async function issueStatusListCredential(issuerKey: SigningKeyPair, input: IssueStatusListInput): Promise<StatusListCredential> {
  assertSigningKeyPair(issuerKey, 'issuerKey');
  if (!isPlainObject(input)) throw new TypeError('"input" must be an object');
  if (typeof input.id !== 'string' || !URL_LIKE.test(input.id)) throw new TypeError('"id" must be a URL without a #fragment');
  assertPurpose(input.purpose);
  const validFrom = toTimestamp(input.validFrom ?? new Date(), 'validFrom');
  const validUntil = input.validUntil === undefined ? undefined : toTimestamp(input.validUntil, 'validUntil');
  if (validUntil && parseDateTimeStamp(validUntil) < parseDateTimeStamp(validFrom)) throw new TypeError('"validUntil" must not be before "validFrom"');
  if (input.ttl !== undefined && (typeof input.ttl !== 'number' || !Number.isSafeInteger(input.ttl) || input.ttl <= 0)) {
    throw new TypeError('"ttl" must be a positive number of milliseconds');
  }
  const encodedList = await encodeStatusList(input.list);
  const credential = {
    '@context': [VC_V2_CONTEXT],
    id: input.id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'] as ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: issuerKey.did,
    validFrom,
    ...(validUntil ? { validUntil } : {}),
    credentialSubject: {
      id: `${input.id}#list`,
      type: 'BitstringStatusList' as const,
      statusPurpose: input.purpose,
      encodedList,
      ...(input.ttl !== undefined ? { ttl: input.ttl } : {}),
    },
  };
  return signCredential(credential, issuerKey, { created: input.created ?? new Date() }) as Promise<StatusListCredential>;
}
