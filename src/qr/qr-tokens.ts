// A fixed table of the property names and values every entry repeats (contexts, VC and Open
// Badges types, proof fields), each replaced by a two-character token before compression. This
// is what brings a typical entry under ~900 QR characters: deflate cannot use a preset
// dictionary through CompressionStream, so the dictionary is applied to the JSON instead.
//
// The table is part of the "LP1:" format: it may only ever be appended to (a new prefix would
// be needed to change or remove a token), or old paper packs would stop decoding.
import { ENTRY_KINDS } from '../entries/kinds/names.js';
import { isPlainObject } from '../internal/json.js';

// Tokens are "~" plus one or two characters of TOKEN_CHARS; identifier prefixes use "~:" and
// "~*" (outside TOKEN_CHARS, so they never clash). A real key or string starting with "~" gets
// one more "~".
const TOKEN_CHARS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const N = TOKEN_CHARS.length;

const KEYS = [
  '@context',
  'id',
  'type',
  'issuer',
  'name',
  'validFrom',
  'validUntil',
  'credentialSubject',
  'achievement',
  'achievementType',
  'description',
  'criteria',
  'narrative',
  'learningPassport',
  'kind',
  'proof',
  'cryptosuite',
  'created',
  'verificationMethod',
  'proofPurpose',
  'proofValue',
  'identifier',
  'identityHash',
  'identityType',
  'hashed',
  'salt',
  'holder',
  'verifiableCredential',
  'challenge',
  'domain',
  'credentialStatus',
  'supersedes',
  'statusPurpose',
  'statusListIndex',
  'statusListCredential',
  'awardingBody',
  'title',
  'level',
  'framework',
  'awardedOn',
  'qualificationNumber',
  'certificateNumber',
  'organisation',
  'from',
  'to',
  'skills',
  'duties',
  // Field names of the entry kinds (as of LP1).
  'subject',
  'sectorSubjectArea',
  'grade',
  'credits',
  'glh',
  'unitTitle',
  'unitRef',
  'parentQualificationNumber',
  'parentQualificationTitle',
  'achievedOn',
  'assessorAttestation',
  'courseTitle',
  'aoRegistrationRef',
  'unitsCompleted',
  'unitsRemaining',
  'glhCompleted',
  'startedOn',
  'expectedEnd',
  'nextSteps',
  'portfolioEvidenceRefs',
  'result',
  'levelBanding',
  'instrument',
  'assessedOn',
  'nextStep',
  'validityHint',
  'provider',
  'hours',
  'deliveryMode',
  'completedOn',
  'outcome',
  'learningOutcomes',
  'scheme',
  'cardType',
  'category',
  'cardNumber',
  'issuedOn',
  'expiresOn',
  'schemeCheckUrl',
  'attestationMode',
  'roleTitle',
  'organisationDisplay',
  'sector',
  'hoursPerWeek',
  'supervisorReferenceAvailable',
  'skill',
  'rating',
  'evidence',
  'context',
  'authorRole',
  'relationship',
  'period',
  'statement',
  'contactable',
  'awardingOrg',
  'programme',
  'sessions',
  'goalsAchieved',
  'responsibilities',
  'trainingCompleted',
  'target',
  'claimType',
  'claim',
  'claimedKind',
  'date',
  'endDate',
  'details',
  'reason',
  'note',
  'fromEstablishment',
  'toEstablishment',
  'transferDate',
  'entryIds',
  'inProgressAims',
  'at',
  'entryCount',
  'cids',
  'digest',
  'scale',
  'value',
  'max',
  'expires',
  'nonce',
  'aud',
] as const;

const TABLE_KINDS = /* @__PURE__ */ ENTRY_KINDS.slice(0, 17).filter((kind) => kind !== 'revocation');

const VALUES = [
  'https://www.w3.org/ns/credentials/v2',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  'VerifiableCredential',
  'AchievementCredential',
  'Profile',
  'AchievementSubject',
  'Achievement',
  'DataIntegrityProof',
  'eddsa-jcs-2022',
  'assertionMethod',
  'authentication',
  'VerifiablePresentation',
  'IdentityObject',
  'BitstringStatusListEntry',
  'revocation',
  'suspension',
  'Certificate',
  'License',
  'Competency',
  'Assessment',
  'Course',
  'LearningProgram',
  'Fieldwork',
  'Award',
  'CoCurricular',
  'Achievement',
  // The 17 kinds of the first table, in ENTRY_KINDS order; 'revocation' already has its token
  // above (the status purpose). Kinds added to ENTRY_KINDS later must not shift the tokens that
  // follow, hence the fixed slice: a new kind gets a token only by being appended at the end.
  ...TABLE_KINDS,
  'name',
  'RQF',
  'CQFW',
  'SCQF',
  'FHEQ',
  'scheme-signed',
  'sighted',
  'completed',
  'achieved',
  'classroom',
  'online',
  'blended',
  'distance-learning',
  'workplace',
  'EnvelopedVerifiableCredential',
  'LearningPassportAccreditation',
  'LearningPassportIssuer',
  // Appended (tokens are positional): the project context every entry carries since 0.2.
  'https://learning-passport.org/contexts/v1',
] as const;

function table(items: readonly string[]): { encode: Map<string, string>; decode: Map<string, string> } {
  const encode = new Map<string, string>();
  const decode = new Map<string, string>();
  items.forEach((item, i) => {
    const token = i < N ? `~${TOKEN_CHARS[i]!}` : `~${TOKEN_CHARS[Math.floor(i / N) - 1]!}${TOKEN_CHARS[i % N]!}`;
    if (!encode.has(item)) encode.set(item, token);
    decode.set(token, item);
  });
  return { encode, decode };
}

const KEY_TABLE = /* @__PURE__ */ table(KEYS);
const VALUE_TABLE = /* @__PURE__ */ table(VALUES);
// Common prefixes of identifiers: the did:key Ed25519 prefix and UUID URNs.
const PREFIXES: readonly [string, string][] = [
  ['did:key:z6Mk', '~:'],
  ['urn:uuid:', '~*'],
];

function encodeString(s: string, t: Map<string, string>, prefixes: boolean): string {
  const token = t.get(s);
  if (token !== undefined) return token;
  if (prefixes) for (const [p, tok] of PREFIXES) if (s.startsWith(p)) return tok + s.slice(p.length);
  return s.startsWith('~') ? `~${s}` : s;
}

function decodeString(s: string, t: Map<string, string>, prefixes: boolean): string {
  if (!s.startsWith('~')) return s;
  if (s.startsWith('~~')) return s.slice(1);
  if (prefixes) for (const [p, tok] of PREFIXES) if (s.startsWith(tok)) return p + s.slice(tok.length);
  const value = t.get(s);
  if (value === undefined) throw new RangeError(`unknown token ${s.slice(0, 3)}`);
  return value;
}

function map(value: unknown, key: (k: string) => string, str: (s: string) => string): unknown {
  if (typeof value === 'string') return str(value);
  if (Array.isArray(value)) return value.map((v) => map(v, key, str));
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value)) {
      Object.defineProperty(out, key(k), { value: map(value[k], key, str), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}

/** Replaces known keys and values with tokens (reversible with {@link expandTokens}). */
export function compactTokens(value: unknown): unknown {
  return map(
    value,
    (k) => encodeString(k, KEY_TABLE.encode, false),
    (s) => encodeString(s, VALUE_TABLE.encode, true),
  );
}

/** Reverses {@link compactTokens}; throws RangeError on an unknown token. */
export function expandTokens(value: unknown): unknown {
  return map(
    value,
    (k) => decodeString(k, KEY_TABLE.decode, false),
    (s) => decodeString(s, VALUE_TABLE.decode, true),
  );
}
