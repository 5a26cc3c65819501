// The passport document format (*.passport.json), as a zod schema and the JSON Schema published
// in schemas/passport.schema.json. Entries are checked here only for the shape of a signed
// credential; signatures and kind schemas are checked by verification, not by parsing.
import * as z from 'zod';
import { isDateTimeStamp } from '../internal/time.js';
import { PASSPORT_TYPE, PASSPORT_VERSION } from './types.js';

/** A CIDv1 string in base32 (`bagaaiera…`). */
export const CidStringSchema = /* @__PURE__ */ z
  .string()
  .max(200)
  .regex(/^b[a-z2-7]{20,}$/, 'must be an entry id (a CID string such as bagaaiera…)')
  .meta({ description: 'An entry id: CIDv1, base32, json codec, sha2-256 over the JCS bytes of the signed entry.' });

/**
 * The holder: an identifier and nothing else, a DID (did:key for a learner with a key, who alone
 * can sign removals) or a `urn:uuid:` for a learner without one. A passport keeps no other facts
 * about its holder: a descriptor object could carry anything (a prison number, a note about an
 * offence) through every later merge.
 */
export const HolderSchema = /* @__PURE__ */ z
  .string()
  .max(500)
  .regex(/^(did:[a-z0-9]+:[A-Za-z0-9._%-]+(:[A-Za-z0-9._%-]+)*|urn:uuid:[0-9A-Fa-f]{8}(-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12})$/, 'must be a DID or a urn:uuid')
  .meta({
    description: 'The holder: a DID (did:key for a learner with a key) or a urn:uuid for a learner without one. Nothing else about the holder is kept.',
  });

/** The shape of a signed credential as stored in a passport (not a validity check). */
export const StoredCredentialSchema = /* @__PURE__ */ z
  .looseObject({
    '@context': z.array(z.unknown()).min(1),
    type: z.union([z.string(), z.array(z.string()).min(1)]),
    issuer: z.union([z.string().min(1), z.looseObject({ id: z.string().min(1) })]),
    credentialSubject: z.union([z.looseObject({}), z.array(z.looseObject({})).min(1)]),
    proof: z.union([z.looseObject({ type: z.string() }), z.array(z.looseObject({ type: z.string() })).min(1)]),
  })
  .meta({ description: 'A Verifiable Credential 2.0 secured with a Data Integrity proof (eddsa-jcs-2022).' });

/** A Data Integrity proof, as far as shape goes (the signature is checked when the item is admitted). */
const ProofShape = /* @__PURE__ */ z.looseObject({ type: z.string(), cryptosuite: z.string(), verificationMethod: z.string(), proofValue: z.string() });

/** One record of the holder-kept exclusion list, signed by the holder's key. */
export const ExclusionRecordSchema = /* @__PURE__ */ z
  .strictObject({
    cid: CidStringSchema,
    action: z.enum(['remove', 'restore']),
    at: z.string().max(40).refine(isDateTimeStamp, 'must be a real date and time with a time zone (YYYY-MM-DDThh:mm:ssZ)').meta({ format: 'date-time' }),
    reason: z.string().max(1000).optional(),
    proof: ProofShape.meta({ description: 'The holder’s eddsa-jcs-2022 proof (proof purpose assertionMethod, the holder’s did:key).' }),
  })
  .meta({
    description:
      'A holder decision about one entry, signed by the holder’s key; for each CID the latest record wins (remove wins ties). Records that are unsigned, signed by another key, or dated after the moment they are read (beyond a small clock skew) are not honoured.',
  });

/** The passport document. Sections are lists; the library writes them sorted by CID. */
export const PassportSchema = /* @__PURE__ */ z
  .strictObject({
    type: z.literal(PASSPORT_TYPE),
    version: z.literal(PASSPORT_VERSION),
    holder: HolderSchema,
    entries: z.array(StoredCredentialSchema).meta({ description: 'Signed entries, sorted by CID.' }),
    accreditations: z
      .array(StoredCredentialSchema)
      .meta({ description: 'Signed issuer accreditation credentials carried for offline trust checks, sorted by CID.' }),
    statusLists: z
      .array(StoredCredentialSchema)
      .meta({ description: 'Signed status list credential snapshots carried for offline status checks, sorted by CID.' }),
    exclusions: z.array(ExclusionRecordSchema).meta({ description: 'The holder’s removals and restorations, by CID.' }),
  })
  .meta({
    title: 'Learning passport',
    description: 'A learner’s portfolio of signed learning-passport entries (*.passport.json), version 1.',
  });

/**
 * The JSON Schema (draft 2020-12) of the passport document, generated from {@link PassportSchema}.
 * This is what schemas/passport.schema.json holds.
 *
 * @example
 * ```ts
 * const schema = passportJsonSchema();
 * schema.title; // 'Learning passport'
 * ```
 */
export function passportJsonSchema(): Record<string, unknown> {
  const { $schema, title, description, ...rest } = z.toJSONSchema(PassportSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    $schema,
    $comment: 'Generated from PassportSchema in src/passport/schema.ts (passportJsonSchema). Do not edit by hand.',
    title,
    description,
    ...rest,
  };
}
