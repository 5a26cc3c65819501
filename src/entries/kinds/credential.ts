// The zod schemas of whole entries: the VC 2.0 + Open Badges 3.0 AchievementCredential envelope
// around a strict `learningPassport` object. The envelope is lenient where other tools may add
// properties (top level, subject, achievement); `learningPassport` and `issuer` are strict, so
// an entry cannot smuggle extra data into the parts this library defines (or the issuer's role).
import * as z from 'zod';
import { OB_V3_CONTEXT, VC_V2_CONTEXT } from '../../constants.js';
import { Cid, DateTimeStamp, ShortText, withRule } from './common.js';
import { anyKindDefinition, ENTRY_KINDS, type EntryKind, KIND_ACHIEVEMENT_TYPE } from './index.js';

const Uri = /* @__PURE__ */ z
  .string()
  .max(2000)
  .regex(/^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$/, 'must be a URL, URN or DID');

/**
 * The OB 3.0 identity types (IdentifierTypeEnum), or an `ext:` extension.
 *
 * @example
 * ```ts
 * IDENTITY_TYPES.includes('emailAddress'); // true
 * ```
 */
export const IDENTITY_TYPES = [
  'name',
  'sourcedId',
  'systemId',
  'productId',
  'userName',
  'accountId',
  'emailAddress',
  'nationalIdentityNumber',
  'isbn',
  'issn',
  'lisSourcedId',
  'oneRosterSourcedId',
  'sisSourcedId',
  'ltiContextId',
  'ltiDeploymentId',
  'ltiToolId',
  'ltiPlatformId',
  'ltiUserId',
  'identifier',
] as const;

/**
 * An OB 3.0 IdentityObject. Only hashed identities are accepted (privacy P7).
 *
 * @example
 * ```ts
 * IdentityObjectSchema.parse({ type: 'IdentityObject', hashed: true, identityHash: 'sha256$5e88…', identityType: 'name' });
 * ```
 */
export const IdentityObjectSchema = /* @__PURE__ */ z.strictObject({
  type: z.literal('IdentityObject'),
  hashed: z.literal(true),
  /** e.g. `sha256$<hex>` of the salted identity. */
  identityHash: z.string().min(1).max(500),
  identityType: z.union([z.enum(IDENTITY_TYPES), z.string().regex(/^ext:[A-Za-z0-9._-]+$/)]),
  salt: z.string().max(500).optional(),
});

const ProofSchema = /* @__PURE__ */ z.looseObject({
  type: ShortText,
  cryptosuite: z.string().optional(),
  created: z.string().optional(),
  verificationMethod: z.string().optional(),
  proofPurpose: z.string().optional(),
  proofValue: z.string().optional(),
});

function build(learningPassport: z.ZodType, achievementType: z.ZodType, signed: boolean) {
  // One proof, or a proof set (eddsa-jcs-2022 beside eddsa-rdfc-2022): at most 8, as verification reads.
  const proof = z.union([ProofSchema, z.array(ProofSchema).min(1).max(8)]);
  return z.looseObject({
    '@context': z.tuple([z.literal(VC_V2_CONTEXT), z.literal(OB_V3_CONTEXT)], z.union([z.string(), z.record(z.string(), z.unknown())])),
    id: Uri,
    type: z.tuple([z.literal('VerifiableCredential'), z.literal('AchievementCredential')], z.string()),
    // Strict: the issuer's role (and any internal name) must never travel in an entry.
    issuer: z.strictObject({ id: Uri, type: z.tuple([z.literal('Profile')]), name: ShortText }),
    validFrom: DateTimeStamp,
    validUntil: DateTimeStamp.optional(),
    name: z.string().min(1).max(500),
    description: z.string().max(4000).optional(),
    credentialSubject: z.looseObject({
      id: Uri.optional(),
      identifier: z.array(IdentityObjectSchema).min(1).max(10).optional(),
      type: z.tuple([z.literal('AchievementSubject')]),
      achievement: z.looseObject({
        id: Uri,
        type: z.tuple([z.literal('Achievement')]),
        achievementType,
        name: z.string().min(1).max(500),
        description: z.string().min(1).max(4000),
        criteria: z.looseObject({ id: Uri.optional(), narrative: z.string().min(1).max(4000) }),
      }),
      learningPassport,
    }),
    credentialStatus: z.looseObject({ id: Uri, type: ShortText }).optional(),
    proof: signed ? proof : proof.optional(),
  });
}

function learningPassportSchema(kind: EntryKind) {
  const def = anyKindDefinition(kind);
  const object = z.strictObject({ kind: z.literal(kind), ...def.shape, supersedes: Cid.optional() });
  return def.rule ? withRule(object, def.rule) : object;
}

const cache = new Map<string, z.ZodType>();

function cached<T extends z.ZodType>(key: string, make: () => T): T {
  let schema = cache.get(key) as T | undefined;
  if (!schema) {
    schema = make();
    cache.set(key, schema);
  }
  return schema;
}

/**
 * Options of {@link entryCredentialSchema}.
 *
 * @example
 * ```ts
 * entryCredentialSchema('award', { signed: true });
 * ```
 */
export interface EntryCredentialSchemaOptions {
  /** Require `proof` (default false: the signature check reports a missing proof). */
  signed?: boolean;
}

/**
 * The zod schema of a whole entry of one kind: the VC 2.0 / OB 3.0 envelope with that kind's
 * strict `learningPassport`. Built on first use and cached.
 *
 * @throws {TypeError} when `kind` is not an entry kind
 * @example
 * ```ts
 * const result = entryCredentialSchema('qualification').safeParse(entry);
 * if (!result.success) console.log(result.error.issues);
 * ```
 */
export function entryCredentialSchema(kind: EntryKind, options: EntryCredentialSchemaOptions = {}): z.ZodType {
  anyKindDefinition(kind);
  const signed = options.signed === true;
  return cached(`${kind}:${signed}`, () =>
    build(learningPassportSchema(kind), z.literal(KIND_ACHIEVEMENT_TYPE[kind]), signed).meta({
      title: `learning-passport ${kind} entry`,
      description: `A learning-passport "${kind}" entry: a W3C Verifiable Credential 2.0 shaped as an Open Badges 3.0 AchievementCredential.`,
    }),
  );
}

/**
 * The zod schema of an entry of any kind (`learningPassport` is a union keyed on `kind`).
 *
 * @example
 * ```ts
 * anyEntryCredentialSchema({ signed: true }).safeParse(entry).success;
 * ```
 */
export function anyEntryCredentialSchema(options: EntryCredentialSchemaOptions = {}): z.ZodType {
  const signed = options.signed === true;
  return cached(`any:${signed}`, () => {
    const options = ENTRY_KINDS.map((k) => learningPassportSchema(k));
    const types = [...new Set(ENTRY_KINDS.map((k) => KIND_ACHIEVEMENT_TYPE[k]))] as [string, ...string[]];
    return build(z.discriminatedUnion('kind', options as never), z.enum(types), signed).meta({
      title: 'learning-passport entry',
      description: 'A learning-passport entry of any kind: a W3C Verifiable Credential 2.0 shaped as an Open Badges 3.0 AchievementCredential.',
    });
  });
}
