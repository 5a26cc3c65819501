// issueEntry: build an entry of a kind from its fields, validate it, and sign it.
import { backend } from '../backend/index.js';
import { LEARNING_PASSPORT_CONTEXT, OB_V3_CONTEXT, VC_V2_CONTEXT } from '../constants.js';
import { PassportError } from '../errors.js';
import { toHex } from '../internal/bytes.js';
import { describeValue, isPlainObject } from '../internal/json.js';
import { formatDateTimeStamp, isDateTimeStamp, isPartialDateInFuture } from '../internal/time.js';
import { assertSigningKeyPair } from '../keys/key-pair.js';
import { assertNeutralIssuerName } from '../keys/profile.js';
import type { IssuerProfile, SigningKeyPair } from '../keys/types.js';
import { signCredential } from '../proof/sign-credential.js';
import type { SignedWithProofArray } from '../proof/types.js';
import { checkpointProblem } from './checkpoint-digest.js';
import { CID_PATTERN } from './kinds/common.js';
import { IDENTITY_TYPES } from './kinds/credential.js';
import { anyKindDefinition, ENTRY_KINDS, type EntryFields, type EntryKind, isEntryKind, KIND_ACHIEVEMENT_TYPE } from './kinds/index.js';
import { formatIssue, fromZodIssues, type EntryIssue } from './issues.js';
import { scanProhibited } from './prohibited.js';
import type { EntryCredential, EntryCredentialStatus, IdentityObject, SignedEntry } from './types.js';
import { inspectEntry } from './validate.js';

/**
 * A holder named by a hashed identity (OB 3.0 IdentityObject) rather than a DID.
 *
 * @example
 * ```ts
 * const holder: HolderIdentity = { identityHash: 'sha256$5e88…', salt: 'n4cl', identityType: 'name', hashed: true };
 * ```
 */
export interface HolderIdentity {
  /** The salted hash, e.g. `sha256$<hex>`. */
  identityHash: string;
  /** What was hashed (default 'name'). */
  identityType?: (typeof IDENTITY_TYPES)[number] | `ext:${string}`;
  salt?: string;
  hashed: true;
}

/** The last second of a partial date (`2026`, `2026-05`, `2026-05-31`), in UTC, as a dateTimeStamp. */
function endOfPartialDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = m[2] === undefined ? 12 : Number(m[2]);
  const day = m[3] === undefined ? new Date(Date.UTC(year, month, 0)).getUTCDate() : Number(m[3]);
  return `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T23:59:59Z`;
}

/**
 * Options of {@link issueEntry}.
 *
 * @example
 * ```ts
 * const options: IssueEntryOptions = { issuer, key, holder: 'did:key:z6Mk…', validFrom: '2026-03-03T10:00:00Z' };
 * ```
 */
export interface IssueEntryOptions {
  /** Who issues: its profile's `id` must be the key's DID. Only `id` and `displayName ?? name` go into the entry. */
  issuer: IssuerProfile;
  /** The issuer's signing key. */
  key: SigningKeyPair;
  /** When the entry becomes valid (default: now). */
  validFrom?: Date | string;
  /** When it stops being valid (default: the end of the fields' `expiresOn` date, when the kind has one). */
  validUntil?: Date | string;
  /** The credential id (default: a random `urn:uuid:`). */
  id?: string;
  /** The holder: a DID (key binding) or a hashed identity (paper use). */
  holder?: string | HolderIdentity;
  /** The CID of an earlier entry by the same issuer that this one replaces. */
  supersedes?: string;
  /** A status entry (for example a BitstringStatusListEntry); needs `id` and `type`. */
  credentialStatus?: EntryCredentialStatus;
  /** The proof's creation time (default: now). */
  created?: Date | string;
  /**
   * Emit `proof` as a one-element array, the shape the official Open Badges 3.0
   * AchievementCredential JSON Schema requires (default false: an object, as W3C Data Integrity
   * shows it). Both verify the same, and both have the same entry id.
   */
  proofAsArray?: boolean;
}

const URI = /^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$/;

function stamp(value: Date | string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (value instanceof Date && !Number.isNaN(value.getTime())) return formatDateTimeStamp(value);
  if (isDateTimeStamp(value)) return value;
  throw new TypeError(`"${name}" must be a valid Date or a dateTimeStamp string such as 2026-03-03T10:00:00Z`);
}

// Fields that date something that has happened (an award, a completion, a start). Fields that
// mean a plan — an expected end, an expiry, the end of a period still running — may be later.
const EVENT_DATE_FIELDS = new Set(['awardedOn', 'completedOn', 'achievedOn', 'assessedOn', 'issuedOn', 'startedOn', 'transferDate', 'from', 'date']);

/** Event dates more than a day after `now` (top-level fields and one level of nesting, e.g. `period.from`). */
function futureEventDates(data: Record<string, unknown>, now: number): EntryIssue[] {
  const found: EntryIssue[] = [];
  const visit = (object: Record<string, unknown>, path: string[]) => {
    for (const [name, value] of Object.entries(object)) {
      if (typeof value === 'string' && EVENT_DATE_FIELDS.has(name) && isPartialDateInFuture(value, now)) {
        found.push({ path: [...path, name], message: 'is more than a day in the future' });
      } else if (isPlainObject(value) && path.length === 0) visit(value, [name]);
    }
  };
  visit(data, []);
  return found;
}

/** A random (version 4) UUID URN from the backend's randomness. */
function randomUrn(): string {
  const b = backend.randomBytes(16);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = toHex(b);
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A copy of plain JSON data without `undefined` properties (so `{ grade: undefined }` is fine). */
function withoutUndefined(value: unknown, depth = 0): unknown {
  if (depth > 64) return value;
  if (Array.isArray(value)) return value.map((v) => withoutUndefined(v, depth + 1));
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      if (value[key] !== undefined)
        Object.defineProperty(out, key, { value: withoutUndefined(value[key], depth + 1), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}

function holderSubject(holder: IssueEntryOptions['holder']): { id: string } | { identifier: IdentityObject[] } | Record<string, never> {
  if (holder === undefined) return {};
  if (typeof holder === 'string') {
    if (!URI.test(holder)) throw new TypeError('"holder" must be a DID (or other URI) or a hashed identity object');
    return { id: holder };
  }
  if (!isPlainObject(holder) || holder.hashed !== true || typeof holder.identityHash !== 'string' || holder.identityHash === '') {
    throw new TypeError('"holder" identity must be { identityHash, hashed: true, identityType?, salt? }; plain identities are not allowed');
  }
  const identityType = holder.identityType ?? 'name';
  if (typeof identityType !== 'string' || !((IDENTITY_TYPES as readonly string[]).includes(identityType) || /^ext:[A-Za-z0-9._-]+$/.test(identityType))) {
    throw new TypeError('"holder.identityType" must be an Open Badges identity type such as "name" or "emailAddress"');
  }
  if (holder.salt !== undefined && typeof holder.salt !== 'string') throw new TypeError('"holder.salt" must be a string');
  return {
    identifier: [
      {
        type: 'IdentityObject',
        hashed: true,
        identityHash: holder.identityHash,
        identityType,
        ...(holder.salt !== undefined ? { salt: holder.salt } : {}),
      },
    ],
  };
}

function schemaError(kind: string, issues: EntryIssue[], where: string): PassportError {
  return new PassportError('ERR_SCHEMA_INVALID', `The ${kind} ${where} are not valid: ${issues.map(formatIssue).slice(0, 3).join('; ')}`, {
    details: { issues },
  });
}

function prohibitedError(kind: string, issues: EntryIssue[]): PassportError {
  const first = issues[0]!;
  return new PassportError(
    'ERR_PROHIBITED_DATA',
    `The ${kind} entry cannot be issued: ${first.path.join('.') || '(root)'} ${first.message}. Remove it; entries must never hold criminal-record data.`,
    { details: { path: first.path, issues } },
  );
}

/**
 * Issues an entry: builds the VC 2.0 / Open Badges 3.0 AchievementCredential for a kind from its
 * fields (achievement name, description and criteria are written from the fields), validates it
 * against the kind's strict schema and the prohibited-data firewall, and signs it with
 * eddsa-jcs-2022. The issuer appears as `{ id, type: ['Profile'], name: displayName ?? name }`:
 * its role and, when it has a display name, its official name never enter the entry.
 *
 * @param kind one of {@link ENTRY_KINDS}
 * @param fields the kind's fields (unknown properties are rejected; `undefined` values are dropped)
 * @param options issuer, key, and optional dates, id, holder, supersedes, credentialStatus
 * @returns the signed entry. Its `proof` is a single object, as W3C VC 2.0 and Data Integrity
 *   allow; with `proofAsArray: true` it is a one-element array, as the official Open Badges 3.0
 *   JSON Schema requires. verifyCredential accepts both shapes.
 * @throws {PassportError} ERR_ENTRY_KIND_UNKNOWN for an unknown kind
 * @throws {PassportError} ERR_SCHEMA_INVALID when the fields do not match the kind (`details.issues`)
 * @throws {PassportError} ERR_PROHIBITED_DATA when a field holds criminal-record data (`details.path`)
 * @throws {PassportError} ERR_NEUTRAL_NAME_REQUIRED when the issuer has a custody role (prison, probation) and no neutral `displayName`
 * @throws {TypeError} for caller mistakes: missing issuer or key, issuer.id ≠ key.did, bad dates, bad holder
 * @example
 * ```ts
 * const entry = await issueEntry('qualification', {
 *   title: 'Functional Skills Maths', level: 'L1', framework: 'RQF',
 *   awardingBody: { name: 'City & Guilds' }, awardedOn: '2026-03',
 * }, { issuer, key, holder: 'did:key:z6Mk…' });
 * ```
 */
export async function issueEntry<K extends EntryKind>(
  kind: K,
  fields: EntryFields<K>,
  options: IssueEntryOptions & { proofAsArray: true },
): Promise<SignedWithProofArray<EntryCredential<K>>>;
export async function issueEntry<K extends EntryKind>(kind: K, fields: EntryFields<K>, options: IssueEntryOptions): Promise<SignedEntry<K>>;
export async function issueEntry<K extends EntryKind>(
  kind: K,
  fields: EntryFields<K>,
  options: IssueEntryOptions,
): Promise<SignedEntry<K> | SignedWithProofArray<EntryCredential<K>>> {
  if (typeof kind !== 'string') throw new TypeError('"kind" must be a string');
  if (!isEntryKind(kind)) {
    throw new PassportError('ERR_ENTRY_KIND_UNKNOWN', `"${describeValue(kind).slice(0, 40)}" is not an entry kind; use one of: ${ENTRY_KINDS.join(', ')}`);
  }
  if (!isPlainObject(options)) throw new TypeError('"options" must be an object with issuer and key');
  const { issuer, key } = options;
  assertSigningKeyPair(key, 'options.key');
  if (!isPlainObject(issuer) || typeof issuer.id !== 'string' || typeof issuer.name !== 'string' || issuer.name.trim() === '') {
    throw new TypeError('"options.issuer" must be an issuer profile (see createIssuerProfile)');
  }
  if (issuer.id !== key.did) throw new TypeError('"options.issuer.id" must be the DID of "options.key"');
  // A custody-role profile built by hand (not by createIssuerProfile) gets the same rule: the
  // official name ("HMP Northfield") is never signed into an entry.
  assertNeutralIssuerName(issuer.role, issuer.displayName, issuer.name);
  const issuerName = typeof issuer.displayName === 'string' && issuer.displayName.trim() !== '' ? issuer.displayName : issuer.name;

  const validFrom = stamp(options.validFrom, 'options.validFrom') ?? formatDateTimeStamp(new Date());
  // A field that says when the achievement stops counting (a card's `expiresOn`) is also signed
  // as `validUntil`, so every verifier treats the entry as expired after it, not only the words.
  const validUntil =
    stamp(options.validUntil, 'options.validUntil') ?? endOfPartialDate(isPlainObject(fields) ? (fields as Record<string, unknown>).expiresOn : undefined);
  if (validUntil !== undefined && Date.parse(validUntil) <= Date.parse(validFrom)) {
    throw new TypeError(
      options.validUntil === undefined
        ? '"expiresOn" is already past: an expired card cannot be issued as valid'
        : '"options.validUntil" must be after validFrom',
    );
  }
  const created = stamp(options.created, 'options.created');
  const id = options.id ?? randomUrn();
  if (typeof id !== 'string' || !URI.test(id)) throw new TypeError('"options.id" must be a URI such as urn:uuid:…');
  if (options.supersedes !== undefined && (typeof options.supersedes !== 'string' || !CID_PATTERN.test(options.supersedes))) {
    throw new TypeError('"options.supersedes" must be an entry id (a CID string such as bagaaiera…)');
  }
  const subjectBinding = holderSubject(options.holder);
  if (options.credentialStatus !== undefined && !isPlainObject(options.credentialStatus)) {
    throw new TypeError('"options.credentialStatus" must be an object with id and type');
  }

  // Fields: strict schema first (paths relative to the fields), then the firewall.
  const definition = anyKindDefinition(kind);
  const parsed = definition.fields.safeParse(withoutUndefined(fields));
  if (!parsed.success) throw schemaError(kind, fromZodIssues(parsed.error.issues), 'fields');
  const data = parsed.data as Record<string, unknown>;
  const future = futureEventDates(data, Date.now());
  if (future.length > 0) {
    throw new PassportError('ERR_DATE_IN_FUTURE', `The ${kind} fields date an event that has not happened yet: ${future.map(formatIssue).join('; ')}`, {
      details: { issues: future },
    });
  }
  const custody = kind === 'custody-transfer';
  const findings = scanProhibited(data, custody ? { skipKeys: ['fromEstablishment', 'toEstablishment'] } : {});
  if (findings.length > 0)
    throw prohibitedError(
      kind,
      findings.map((f) => ({ path: f.path, message: f.message })),
    );
  if (kind === 'checkpoint') {
    // The schema checked the shape; the one checkpoint rule checks the digest over the CIDs.
    const problem = checkpointProblem(data);
    if (problem) throw schemaError(kind, [problem], 'fields');
  }

  const achievement = definition.achievement(data as never);
  const credential = {
    // The third context defines `learningPassport`, so entries are JSON-LD that safe mode accepts.
    '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT, LEARNING_PASSPORT_CONTEXT],
    id,
    type: ['VerifiableCredential', 'AchievementCredential'],
    issuer: { id: issuer.id, type: ['Profile'], name: issuerName },
    validFrom,
    ...(validUntil !== undefined ? { validUntil } : {}),
    name: achievement.name,
    credentialSubject: {
      ...subjectBinding,
      type: ['AchievementSubject'],
      achievement: {
        id: `${id}#achievement`,
        type: ['Achievement'],
        achievementType: KIND_ACHIEVEMENT_TYPE[kind],
        name: achievement.name,
        description: achievement.description,
        criteria: { narrative: achievement.criteria },
      },
      learningPassport: { kind, ...data, ...(options.supersedes !== undefined ? { supersedes: options.supersedes } : {}) },
    },
    ...(options.credentialStatus !== undefined ? { credentialStatus: withoutUndefined(options.credentialStatus) } : {}),
  } as unknown as EntryCredential<K>;

  // The whole entry, as a verifier will check it (catches a bad credentialStatus, and
  // prohibited text that only appears once fields are combined into the achievement text).
  const { issues } = inspectEntry(credential as unknown as Record<string, unknown>);
  const prohibited = issues.filter((i) => i.source === 'prohibited');
  if (prohibited.length > 0) throw prohibitedError(kind, prohibited);
  if (issues.length > 0) throw schemaError(kind, issues, 'entry options');

  if (options.proofAsArray !== undefined && typeof options.proofAsArray !== 'boolean') throw new TypeError('"options.proofAsArray" must be a boolean');
  return signCredential(credential, key, { ...(created !== undefined ? { created } : {}), proofAsArray: options.proofAsArray === true }) as Promise<
    SignedEntry<K> | SignedWithProofArray<EntryCredential<K>>
  >;
}
