// Building blocks shared by the kind schemas, and the types of a kind's definition. Everything
// here is plain JSON in, plain JSON out: no transforms or defaults, so what zod accepts is exactly
// what gets signed, and the JSON Schema files describe the same documents. The plain-English
// helpers the kinds' words use live in plain-words.ts, without zod (the verify path needs them).
import * as z from 'zod';
import { DATE_TIME_STAMP, isRealPartialDate } from '../../internal/time.js';

/**
 * Default-class sensitivity of an entry kind: Neutral, Education, Custody, Special.
 *
 * @example
 * ```ts
 * const cls: Sensitivity = KIND_SENSITIVITY['custody-transfer']; // 'C'
 * ```
 */
export type Sensitivity = 'N' | 'E' | 'C' | 'S';

/** A short piece of text: a title, a name, a code. */
export const ShortText = /* @__PURE__ */ z.string().min(1).max(200);
/** A sentence or a paragraph: descriptions, statements, next steps. */
export const LongText = /* @__PURE__ */ z.string().min(1).max(2000);
/** A list of short items (duties, skills, units). */
export const TextList = /* @__PURE__ */ z.array(ShortText).max(50);

/**
 * A calendar date with the precision the issuer knows: a day (`2026-03-03`), a month
 * (`2026-03`) or a year (`2026`). Privacy P5 (date coarsening) works on this shape.
 */
export const PartialDate = /* @__PURE__ */ z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be a date: YYYY-MM-DD, YYYY-MM or YYYY')
  // The pattern allows 2026-02-30; the calendar does not.
  .refine(isRealPartialDate, 'must be a day that exists in the calendar')
  .meta({ description: 'A date with day, month or year precision: YYYY-MM-DD, YYYY-MM or YYYY.' });

/** An XML Schema dateTimeStamp (date, time and time zone), as VC 2.0 uses for validFrom. */
export const DateTimeStamp = /* @__PURE__ */ z
  .string()
  .regex(DATE_TIME_STAMP, 'must be a date and time with a time zone, e.g. 2026-03-03T10:00:00Z')
  .meta({ description: 'XML Schema dateTimeStamp, e.g. 2026-03-03T10:00:00Z.' });

/**
 * The loose shape of an entry id: a CIDv1 string in base32 (`bagaaiera…`). Loose on purpose:
 * the passport area computes and checks CIDs exactly; schemas only catch obvious mistakes.
 *
 * @example
 * ```ts
 * CID_PATTERN.test(entryId(entry)); // true
 * ```
 */
export const CID_PATTERN = /^b[a-z2-7]{20,}$/;
/** An entry id (CIDv1 string, base32). */
export const Cid = /* @__PURE__ */ z
  .string()
  .max(200)
  .regex(CID_PATTERN, 'must be an entry id (a CID string such as bagaaiera…)')
  .meta({ description: 'An entry id: CIDv1, base32, json codec, sha2-256.' });

/** An organisation named in an entry, with an optional identifier (Ofqual RN, UKPRN, DID, URL). */
export const Organisation = /* @__PURE__ */ z.strictObject({
  name: ShortText,
  id: ShortText.optional(),
});

/**
 * A qualification level: Entry 1–3 (`E1`…`E3`), Levels 1–8 (`L1`…`L8`, RQF/CQFW) or SCQF
 * levels (`SCQF1`…`SCQF12`). The framework itself is a separate field.
 */
export const Level = /* @__PURE__ */ z
  .string()
  .regex(/^(E[1-3]|L[1-8]|SCQF([1-9]|1[0-2]))$/, 'must be a level: E1–E3, L1–L8 or SCQF1–SCQF12')
  .meta({ description: 'E1–E3 (Entry), L1–L8 (RQF/CQFW) or SCQF1–SCQF12.' });

/** Qualification frameworks. */
export const Framework = /* @__PURE__ */ z.enum(['RQF', 'CQFW', 'SCQF', 'FHEQ', 'other']);

/** A number of hours or credits. */
export const Amount = /* @__PURE__ */ z.number().min(0).max(100_000);

/**
 * What a kind builds into the Open Badges `Achievement`.
 *
 * @example
 * ```ts
 * const { name, description, criteria } = kindDefinition('award').achievement(fields);
 * ```
 */
export interface AchievementText {
  name: string;
  description: string;
  /** Becomes `criteria.narrative`. */
  criteria: string;
}

/**
 * What describeEntry() knows besides the fields.
 *
 * @example
 * ```ts
 * kindDefinition('award').describe(fields, { issuerName: 'Koestler Arts' });
 * ```
 */
export interface DescribeContext {
  /** The issuer's display name, when the credential states one. */
  issuerName?: string | undefined;
}

/**
 * A strict object of a kind's fields: unknown properties are rejected.
 *
 * @example
 * ```ts
 * const fields: StrictFields = StrictFieldsSchema.parse(formData);
 * ```
 */
export type StrictFields<S extends z.ZodRawShape> = z.ZodObject<S, z.core.$strict>;

/** A problem a kind's cross-field rule found (for example "cids must be sorted"). */
export interface FieldProblem {
  path: (string | number)[];
  message: string;
}

/** What a kind file declares: the schema side of the kind (its words come from words/). */
export interface KindSpec<K extends string, S extends z.ZodRawShape> {
  readonly kind: K;
  /** The kind-specific properties. */
  readonly shape: S;
  /** Cross-field rules a property-by-property schema cannot say (JSON Schema files omit them). */
  readonly rule?: (fields: z.output<StrictFields<S>>) => FieldProblem | undefined;
  /** Open Badges 3.0 `achievementType` (`ext:…` for the lifecycle kinds OB has no term for). */
  readonly achievementType: string;
  /** Default sensitivity class: who may see an entry of this kind unless the holder chooses. */
  readonly sensitivity: Sensitivity;
  /** Lifecycle kinds (revocation, custody-transfer, checkpoint) are statements about other entries. */
  readonly lifecycle: boolean;
  /** The kind in plain words ("qualification", "work experience"). */
  readonly label: string;
}

/**
 * A kind's spec with its strict fields schema, before its words are attached (kinds/index.ts).
 *
 * @example
 * ```ts
 * qualification.fields.safeParse(fields).success; // the schema side of the qualification kind
 * ```
 */
export interface KindBase<K extends string, S extends z.ZodRawShape> extends KindSpec<K, S> {
  readonly fields: StrictFields<S>;
}

/**
 * A kind's words: the builders of its achievement text and describeEntry() line
 * (entries/kinds/words/, zod-free, typed by the kind's zod-inferred fields).
 *
 * @example
 * ```ts
 * const awardWords: KindWords<AwardFields> = { achievement: awardAchievement, describe: describeAward };
 * ```
 */
export interface KindWords<F> {
  achievement(fields: F): AchievementText;
  describe(fields: F, context: DescribeContext): string;
}

/**
 * Everything the library knows about one entry kind: its spec, the strict fields schema and the
 * builders of its achievement text and describeEntry() line.
 *
 * @example
 * ```ts
 * const def: KindDefinition = kindDefinition('qualification');
 * def.sensitivity; // 'N'
 * ```
 */
export interface KindDefinition<K extends string = string, S extends z.ZodRawShape = z.ZodRawShape> extends KindSpec<K, S> {
  /** The kind-specific fields schema (z.strictObject plus the kind's rule). */
  readonly fields: StrictFields<S>;
  /** Builds the achievement's name, description and criteria from the fields. */
  achievement(fields: z.output<StrictFields<S>>): AchievementText;
  /** One plain-English line about the entry, at a low reading age. */
  describe(fields: z.output<StrictFields<S>>, context: DescribeContext): string;
}

/**
 * A kind definition seen without its field types (for code that handles every kind alike).
 *
 * @example
 * ```ts
 * const def: AnyKindDefinition = anyKindDefinition(kind);
 * def.fields.safeParse(untrusted).success;
 * ```
 */
export interface AnyKindDefinition {
  readonly kind: string;
  readonly shape: z.ZodRawShape;
  readonly fields: z.ZodType;
  /** A cross-field rule (for example a rating no higher than its scale), when the kind has one. */
  readonly rule?: ((fields: never) => FieldProblem | undefined) | undefined;
  readonly achievementType: string;
  readonly sensitivity: Sensitivity;
  readonly lifecycle: boolean;
  readonly label: string;
  /** The Open Badges achievement name, description and criteria built from the fields. */
  achievement(fields: never): AchievementText;
  /** The one-line plain-English description of an entry of this kind. */
  describe(fields: never, context: DescribeContext): string;
}

/** Builds a kind's strict fields schema from its spec, keeping its literal kind and shape types. */
export function defineKind<K extends string, S extends z.ZodRawShape>(spec: KindSpec<K, S>): KindBase<K, S> {
  let fields = z.strictObject(spec.shape);
  if (spec.rule) fields = withRule(fields, spec.rule);
  return { ...spec, fields };
}

/**
 * Attaches a kind's words to its schema side. The words are typed by the kind's zod-inferred
 * fields, so a schema change that a builder does not handle fails to typecheck here.
 *
 * @example
 * ```ts
 * withWords(award, awardWords).describe(fields, { issuerName: 'Koestler Arts' });
 * ```
 */
export function withWords<K extends string, S extends z.ZodRawShape>(base: KindBase<K, S>, words: KindWords<z.output<StrictFields<S>>>): KindDefinition<K, S> {
  return { ...base, achievement: words.achievement, describe: words.describe };
}

/** Adds a kind's cross-field rule to an object schema (also used for the credential's learningPassport). */
export function withRule<T extends z.ZodObject>(schema: T, rule: (fields: never) => FieldProblem | undefined): T {
  return schema.superRefine((value, ctx) => {
    const problem = rule(value as never);
    if (problem) ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
  }) as T;
}
