// W3C VC Data Model 2.0 conformance, checked on the JSON alone: every MUST of §4 (contexts,
// identifiers, types, names and descriptions, issuer, credential subject, validity period, status,
// schemas, presentations) and of the §5 properties §4 lists (related resources, refresh, terms of
// use, evidence), with the language value objects of §11.1. Plus the known-context rule of §6.3
// for a verifier that does no JSON-LD processing.
//
// Every check is linear in the size of the document: each property defined by the data model is
// visited once, lists are walked once (duplicate ids through a Set), no regular expression can
// backtrack, and at most MAX_VIOLATIONS problems are collected. It runs before any hashing or
// signature work.
import { OB_V3_CONTEXT, VC_V2_CONTEXT, LEARNING_PASSPORT_CONTEXT } from '../constants.js';
import { describeValue, isPlainObject } from '../internal/json.js';
import { isDateTimeStamp, parseDateTimeStamp } from '../internal/time.js';

/**
 * The stable identifiers of the VC Data Model 2.0 requirements this library checks. Each names
 * one MUST of the specification; `README.md` (Error codes) lists them with the sentence they come from.
 *
 * @example
 * ```ts
 * VCDM_RULES.includes('context-first'); // true
 * ```
 */
export const VCDM_RULES = [
  'context-required',
  'context-first',
  'context-item',
  'id-url',
  'type-required',
  'type-value',
  'type-credential',
  'type-presentation',
  'name-value',
  'description-value',
  'language-value-object',
  'issuer-required',
  'issuer-url',
  'subject-required',
  'subject-claims',
  'valid-from-datetime',
  'valid-until-datetime',
  'validity-order',
  'status-value',
  'schema-value',
  'schema-id',
  'terms-of-use-value',
  'evidence-value',
  'refresh-service-value',
  'related-resource-value',
  'related-resource-id',
  'related-resource-unique',
  'related-resource-digest',
  'verifiable-credential-value',
  'holder-url',
  'enveloped-credential',
] as const;

/** One of the {@link VCDM_RULES}. */
export type VcdmRule = (typeof VCDM_RULES)[number];

/**
 * One VC Data Model 2.0 requirement a document breaks.
 *
 * @example
 * ```ts
 * const v: VcdmViolation = { rule: 'id-url', path: ['id'], message: '"id" must be a single URL (found null)' };
 * ```
 */
export interface VcdmViolation {
  /** Which requirement (stable; match on this, not on the message). */
  rule: VcdmRule;
  /** Where in the document, as keys and indexes. */
  path: (string | number)[];
  /** Plain English, naming the property. */
  message: string;
}

/** At most this many violations are collected from one document (the first ones found). */
export const MAX_VIOLATIONS = 20;

/**
 * The contexts a verifier understands without JSON-LD processing (VC 2.0 §6.3): the VC 2.0 base
 * context and the Open Badges 3.0 contexts (3.0 to 3.0.3, and its extensions context). Callers
 * add their own with the `knownContexts` option of the verifiers.
 *
 * @example
 * ```ts
 * KNOWN_CONTEXTS.includes('https://www.w3.org/ns/credentials/v2'); // true
 * ```
 */
export const KNOWN_CONTEXTS: readonly string[] = /* @__PURE__ */ Object.freeze([
  VC_V2_CONTEXT,
  'https://purl.imsglobal.org/spec/ob/v3p0/context.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json',
  OB_V3_CONTEXT,
  'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
  // The project's own context (learningPassport as a JSON literal), which entries carry so that
  // an eddsa-rdfc-2022 proof can cover every property.
  LEARNING_PASSPORT_CONTEXT,
]);

const DEFAULT_KNOWN: ReadonlySet<string> = /* @__PURE__ */ new Set(KNOWN_CONTEXTS);

/** What kind of document to check: a credential, a presentation, or whichever its `type` says. */
export type VcdmDocumentKind = 'credential' | 'presentation';

type Path = (string | number)[];

class Collector {
  readonly list: VcdmViolation[] = [];
  add(rule: VcdmRule, path: Path, message: string): void {
    if (this.list.length < MAX_VIOLATIONS) this.list.push({ rule, path, message });
  }
  get full(): boolean {
    return this.list.length >= MAX_VIOLATIONS;
  }
}

function isWhitespace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x2028 || code === 0x2029 || code === 0xfeff;
}

/**
 * True for an absolute URL (RFC 3986 scheme, a colon, then at least one character) with no
 * white space: http(s) URLs, URNs, DIDs and `data:` URLs. One pass over the string.
 *
 * @example
 * ```ts
 * isAbsoluteUrl('urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33'); // true
 * isAbsoluteUrl('credential-1'); // false
 * ```
 */
export function isAbsoluteUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length < 3) return false;
  const first = value.charCodeAt(0);
  if (!((first >= 0x41 && first <= 0x5a) || (first >= 0x61 && first <= 0x7a))) return false;
  let colon = -1;
  for (let i = 1; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (colon < 0) {
      if (c === 0x3a) colon = i;
      else if (!((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e)) return false;
    } else if (isWhitespace(c)) {
      return false;
    }
  }
  return colon > 0 && colon < value.length - 1;
}

/**
 * A JSON-LD term or an absolute URL: a non-empty string without white space; a term is not a
 * keyword and has no IRI delimiters (`./Foo` is a relative IRI, neither a term nor absolute).
 */
function isTypeValue(value: unknown): boolean {
  if (typeof value !== 'string' || value === '') return false;
  for (let i = 0; i < value.length; i++) if (isWhitespace(value.charCodeAt(i))) return false;
  if (value.includes(':')) return isAbsoluteUrl(value);
  return !value.startsWith('@') && !value.startsWith('.') && !value.includes('/') && !value.includes('#') && !value.includes('?');
}

/** §11.1: `@language` is a well-formed BCP 47 language tag (checked by the platform's Intl). */
function isLanguageTag(value: string): boolean {
  if (value.length === 0 || value.length > 64) return false;
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);
const quoted = (path: Path): string => `"${path.join('.')}"`;

/** §4.5: a `type` with one or more terms or absolute URLs; `required` when the object must have one. */
function checkType(out: Collector, object: Record<string, unknown>, path: Path, required: boolean): string[] {
  const type = object.type;
  if (type === undefined) {
    if (required) out.add('type-required', [...path, 'type'], `${quoted(path)} must have a "type"`);
    return [];
  }
  const values = asList(type);
  if (values.length === 0) {
    out.add('type-value', [...path, 'type'], `${quoted([...path, 'type'])} must hold one or more types (found an empty list)`);
    return [];
  }
  for (let i = 0; i < values.length; i++) {
    if (!isTypeValue(values[i])) {
      out.add('type-value', [...path, 'type'], `${quoted([...path, 'type'])} must hold terms or absolute URLs (found ${describeValue(values[i])})`);
      return [];
    }
  }
  return values as string[];
}

/** §4.4: when present, `id` is a single URL. */
function checkId(out: Collector, object: Record<string, unknown>, path: Path, rule: VcdmRule = 'id-url'): void {
  if (object.id !== undefined && !isAbsoluteUrl(object.id)) {
    out.add(rule, [...path, 'id'], `${quoted([...path, 'id'])} must be a single URL (found ${describeValue(object.id)})`);
  }
}

/** §4.3: `@context` is an ordered set starting with the VC 2.0 base context; then URLs and objects. */
function checkContext(out: Collector, doc: Record<string, unknown>): void {
  const context = doc['@context'];
  if (context === undefined) {
    out.add('context-required', ['@context'], '"@context" is missing');
    return;
  }
  if (!Array.isArray(context) || context[0] !== VC_V2_CONTEXT) {
    out.add('context-first', ['@context'], `"@context" must be a list whose first item is ${VC_V2_CONTEXT}`);
    if (!Array.isArray(context)) return;
  }
  // An ordered *set*: no URL twice.
  const seen = new Set<string>();
  for (let i = 0; i < context.length; i++) {
    const item = context[i];
    if (typeof item === 'string') {
      if (seen.has(item)) out.add('context-item', ['@context', i], `"@context" item ${i + 1} repeats ${describeValue(item)}: the contexts are a set`);
      seen.add(item);
    }
    if (i === 0 || isAbsoluteUrl(item) || (isPlainObject(item) && Object.keys(item).length > 0)) continue;
    out.add('context-item', ['@context', i], `"@context" item ${i + 1} must be a URL or a context object (found ${describeValue(item)})`);
  }
}

/** §4.6 and §11.1: a string, a language value object, or a list of language value objects. */
function checkText(out: Collector, doc: Record<string, unknown>, key: 'name' | 'description'): void {
  const value = doc[key];
  if (value === undefined || typeof value === 'string') return;
  const rule: VcdmRule = key === 'name' ? 'name-value' : 'description-value';
  if (Array.isArray(value) ? value.length === 0 : !isPlainObject(value)) {
    out.add(rule, [key], `"${key}" must be a string or a language value object (found ${describeValue(value)})`);
    return;
  }
  const items = asList(value);
  for (let i = 0; i < items.length; i++) {
    const path: Path = Array.isArray(value) ? [key, i] : [key];
    const item = items[i];
    if (!isPlainObject(item)) {
      out.add(rule, path, `${quoted(path)} must be a language value object (found ${describeValue(item)})`);
      continue;
    }
    if (typeof item['@value'] !== 'string') {
      out.add('language-value-object', path, `${quoted(path)} must have a string "@value"`);
    }
    if (item['@language'] !== undefined && (typeof item['@language'] !== 'string' || !isLanguageTag(item['@language']))) {
      out.add('language-value-object', [...path, '@language'], `${quoted([...path, '@language'])} must be a well-formed BCP 47 language tag`);
    }
    if (item['@direction'] !== undefined && item['@direction'] !== 'ltr' && item['@direction'] !== 'rtl') {
      out.add('language-value-object', [...path, '@direction'], `${quoted([...path, '@direction'])} must be "ltr" or "rtl"`);
    }
    for (const k of Object.keys(item)) {
      if (k !== '@value' && k !== '@language' && k !== '@direction') {
        out.add('language-value-object', path, `${quoted(path)} must not have keys other than @value, @language and @direction (found "${describeValue(k)}")`);
        break;
      }
    }
  }
}

/**
 * The objects of a "single object or set of one or more objects" property (status, schemas,
 * terms of use, evidence, refresh services, related resources): each with its path, or a
 * violation of `rule` when the value is not such a set.
 */
function objectsOf(out: Collector, doc: Record<string, unknown>, key: string, rule: VcdmRule): [Record<string, unknown>, Path][] {
  const value = doc[key];
  if (value === undefined) return [];
  if (Array.isArray(value) ? value.length === 0 : !isPlainObject(value)) {
    out.add(rule, [key], `"${key}" must be an object or a list of one or more objects (found ${describeValue(value)})`);
    return [];
  }
  const found: [Record<string, unknown>, Path][] = [];
  const items = asList(value);
  for (let i = 0; i < items.length; i++) {
    const path: Path = Array.isArray(value) ? [key, i] : [key];
    const item = items[i];
    if (isPlainObject(item)) found.push([item, path]);
    else out.add(rule, path, `${quoted(path)} must be an object (found ${describeValue(item)})`);
  }
  return found;
}

/** §4.10, §4.11, §5.4, §5.5, §5.6: typed extension objects with optional (or required) URL ids. */
function checkTypedObjects(out: Collector, doc: Record<string, unknown>): void {
  const typed: [string, VcdmRule][] = [
    ['credentialStatus', 'status-value'],
    ['credentialSchema', 'schema-value'],
    ['termsOfUse', 'terms-of-use-value'],
    ['evidence', 'evidence-value'],
    ['refreshService', 'refresh-service-value'],
  ];
  for (const [key, rule] of typed) {
    for (const [item, path] of objectsOf(out, doc, key, rule)) {
      checkType(out, item, path, true);
      if (key === 'credentialSchema') {
        if (item.id === undefined) out.add('schema-id', [...path, 'id'], `${quoted(path)} must have an "id": the URL of the schema`);
        else checkId(out, item, path, 'schema-id');
      } else {
        checkId(out, item, path);
      }
    }
  }
}

/** SRI `hash-expression`: sha256 / sha384 / sha512, "-", base64, optional "?options". */
function isSriExpression(token: string): boolean {
  const dash = token.indexOf('-');
  const algorithm = token.slice(0, dash);
  if (dash < 0 || (algorithm !== 'sha256' && algorithm !== 'sha384' && algorithm !== 'sha512')) return false;
  const end = token.indexOf('?', dash);
  const value = token.slice(dash + 1, end < 0 ? token.length : end);
  if (value.length === 0) return false;
  let padding = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x3d) padding++;
    else if (padding > 0) return false;
    else if (!((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2f)) return false;
  }
  return padding <= 2;
}

function isDigestSri(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const tokens = value.split(/[ \t\n]+/).filter((t) => t !== '');
  return tokens.length > 0 && tokens.every(isSriExpression);
}

const MULTIBASE_ALPHABETS: Readonly<Record<string, string>> = {
  z: '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz',
  u: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
  m: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
  f: '0123456789abcdef',
  b: 'abcdefghijklmnopqrstuvwxyz234567',
};

/** §5.3: a multibase string: a known base prefix, then only that base's characters. */
function isDigestMultibase(value: unknown): boolean {
  if (typeof value !== 'string' || value.length < 2) return false;
  const alphabet = MULTIBASE_ALPHABETS[value[0]!];
  if (alphabet === undefined) return false;
  for (let i = 1; i < value.length; i++) if (!alphabet.includes(value[i]!)) return false;
  return true;
}

/** §5.3: related resources with unique URL ids and at least one well-formed digest each. */
function checkRelatedResources(out: Collector, doc: Record<string, unknown>): void {
  const seen = new Set<string>();
  for (const [item, path] of objectsOf(out, doc, 'relatedResource', 'related-resource-value')) {
    if (item.id === undefined) out.add('related-resource-id', [...path, 'id'], `${quoted(path)} must have an "id"`);
    else checkId(out, item, path, 'related-resource-id');
    if (typeof item.id === 'string') {
      if (seen.has(item.id))
        out.add(
          'related-resource-unique',
          [...path, 'id'],
          `${quoted([...path, 'id'])} repeats ${describeValue(item.id)}: each related resource id must be unique`,
        );
      seen.add(item.id);
    }
    const { digestSRI: sri, digestMultibase: multibase } = item;
    if (sri === undefined && multibase === undefined) {
      out.add('related-resource-digest', path, `${quoted(path)} must have a "digestSRI" or a "digestMultibase"`);
      continue;
    }
    if (sri !== undefined && !(Array.isArray(sri) ? sri.length > 0 && sri.every(isDigestSri) : isDigestSri(sri))) {
      out.add('related-resource-digest', [...path, 'digestSRI'], `${quoted([...path, 'digestSRI'])} must be an SRI hash expression such as "sha384-…"`);
    }
    if (multibase !== undefined && !(Array.isArray(multibase) ? multibase.length > 0 && multibase.every(isDigestMultibase) : isDigestMultibase(multibase))) {
      out.add('related-resource-digest', [...path, 'digestMultibase'], `${quoted([...path, 'digestMultibase'])} must be a multibase digest string`);
    }
  }
}

function checkCredentialBody(out: Collector, doc: Record<string, unknown>): void {
  // §4.7 Issuer.
  const issuer = doc.issuer;
  if (issuer === undefined) out.add('issuer-required', ['issuer'], '"issuer" is missing');
  else if (isPlainObject(issuer)) {
    if (!isAbsoluteUrl(issuer.id)) out.add('issuer-url', ['issuer', 'id'], `"issuer.id" must be a URL (found ${describeValue(issuer.id)})`);
  } else if (!isAbsoluteUrl(issuer)) {
    out.add('issuer-url', ['issuer'], `"issuer" must be a URL or an object with a URL "id" (found ${describeValue(issuer)})`);
  }
  // §4.8 Credential Subject: each subject object holds at least one claim.
  const subject = doc.credentialSubject;
  if (subject === undefined) out.add('subject-required', ['credentialSubject'], '"credentialSubject" is missing');
  else if (Array.isArray(subject) && subject.length === 0) {
    out.add('subject-claims', ['credentialSubject'], '"credentialSubject" must hold one or more subjects (found an empty list)');
  } else {
    const subjects = asList(subject);
    for (let i = 0; i < subjects.length && !out.full; i++) {
      const path: Path = Array.isArray(subject) ? ['credentialSubject', i] : ['credentialSubject'];
      const s = subjects[i];
      if (!isPlainObject(s)) out.add('subject-claims', path, `${quoted(path)} must be an object holding claims (found ${describeValue(s)})`);
      else if (Object.keys(s).length === 0) out.add('subject-claims', path, `${quoted(path)} must hold at least one claim (found an empty object)`);
      else checkId(out, s, path);
    }
  }
  // §4.9 Validity Period.
  const { validFrom, validUntil } = doc;
  const from = validFrom === undefined || isDateTimeStamp(validFrom);
  const until = validUntil === undefined || isDateTimeStamp(validUntil);
  if (!from) out.add('valid-from-datetime', ['validFrom'], `"validFrom" must be a date and time with a time zone (found ${describeValue(validFrom)})`);
  if (!until) out.add('valid-until-datetime', ['validUntil'], `"validUntil" must be a date and time with a time zone (found ${describeValue(validUntil)})`);
  if (from && until && typeof validFrom === 'string' && typeof validUntil === 'string' && parseDateTimeStamp(validFrom) > parseDateTimeStamp(validUntil)) {
    out.add('validity-order', ['validUntil'], '"validUntil" must not be earlier than "validFrom"');
  }
  checkText(out, doc, 'name');
  checkText(out, doc, 'description');
}

const ENVELOPED_TYPES = ['EnvelopedVerifiableCredential'];

/** §4.13: embedded credentials are objects; enveloped ones carry a context, a data: URL and their type. */
function checkPresentationBody(out: Collector, doc: Record<string, unknown>): void {
  const holder = doc.holder;
  if (holder !== undefined) {
    const id = isPlainObject(holder) ? holder.id : holder;
    if (!isAbsoluteUrl(id))
      out.add(
        'holder-url',
        isPlainObject(holder) ? ['holder', 'id'] : ['holder'],
        `"holder" must be a URL or an object with a URL "id" (found ${describeValue(id)})`,
      );
  }
  for (const [item, path] of objectsOf(out, doc, 'verifiableCredential', 'verifiable-credential-value')) {
    const types = asList(item.type);
    if (!types.some((t) => typeof t === 'string' && ENVELOPED_TYPES.includes(t))) continue;
    const context = item['@context'];
    if (!(context === VC_V2_CONTEXT || (Array.isArray(context) && context.includes(VC_V2_CONTEXT)))) {
      out.add('enveloped-credential', [...path, '@context'], `${quoted([...path, '@context'])} must include ${VC_V2_CONTEXT}`);
    }
    if (typeof item.id !== 'string' || !item.id.startsWith('data:')) {
      out.add('enveloped-credential', [...path, 'id'], `${quoted([...path, 'id'])} must be a data: URL holding the secured credential`);
    }
    if (item.type !== 'EnvelopedVerifiableCredential') {
      out.add('enveloped-credential', [...path, 'type'], `${quoted([...path, 'type'])} must be "EnvelopedVerifiableCredential"`);
    }
  }
}

/**
 * The VC Data Model 2.0 requirements (MUSTs) a credential or presentation breaks, checked on the
 * JSON alone; an empty list when it conforms. `kind` says which rules apply; by default a
 * document whose `type` includes `VerifiablePresentation` is checked as a presentation and
 * anything else as a credential. At most 20 are returned (the first found). Never throws, and
 * runs in time linear in the document's size.
 *
 * Not checked here (they need more than the JSON): that `@context` objects are processable JSON-LD
 * contexts, the `undefined-terms/v2` rule (§5.2), and the securing mechanism (§4.12, checked by
 * the proof verification).
 *
 * @example
 * ```ts
 * vcdmViolations({ ...credential, id: null });
 * // [{ rule: 'id-url', path: ['id'], message: '"id" must be a single URL (found null)' }]
 * ```
 */
export function vcdmViolations(document: unknown, kind?: VcdmDocumentKind): VcdmViolation[] {
  const out = new Collector();
  if (!isPlainObject(document)) {
    out.add('type-required', [], `a ${kind ?? 'credential'} must be a JSON object (found ${describeValue(document)})`);
    return out.list;
  }
  checkContext(out, document);
  checkId(out, document, []);
  const types = checkType(out, document, [], true);
  const presentation = kind === 'presentation' || (kind === undefined && types.includes('VerifiablePresentation'));
  if (presentation) {
    if (document.type !== undefined && !types.includes('VerifiablePresentation') && types.length > 0) {
      out.add('type-presentation', ['type'], '"type" must include VerifiablePresentation');
    }
    checkPresentationBody(out, document);
  } else {
    if (document.type !== undefined && !types.includes('VerifiableCredential') && types.length > 0) {
      out.add('type-credential', ['type'], '"type" must include VerifiableCredential');
    }
    checkCredentialBody(out, document);
  }
  checkTypedObjects(out, document);
  checkRelatedResources(out, document);
  return out.list;
}

/**
 * The `@context` values of a document that are not in `known` (VC 2.0 §6.3: a verifier that does
 * no JSON-LD processing only accepts contexts it was built to understand). Inline context objects
 * are never known: their terms could redefine anything. Non-string, non-object items are left to
 * `vcdmViolations`. Linear in the number of contexts.
 *
 * @param known the accepted context URLs (default `KNOWN_CONTEXTS`)
 * @example
 * ```ts
 * unknownContexts({ '@context': [VC_V2_CONTEXT, 'https://example.org/ctx'] }); // ['https://example.org/ctx']
 * ```
 */
export function unknownContexts(document: unknown, known: ReadonlySet<string> = DEFAULT_KNOWN): string[] {
  if (!isPlainObject(document)) return [];
  const unknown: string[] = [];
  for (const item of asList(document['@context'])) {
    if (typeof item === 'string') {
      if (!known.has(item)) unknown.push(item);
    } else if (isPlainObject(item)) {
      unknown.push('an inline context object');
    }
  }
  return unknown;
}

/**
 * The set of known contexts: `KNOWN_CONTEXTS` plus the caller's. Throws TypeError for a
 * caller mistake (not a list of strings).
 *
 * @example
 * ```ts
 * knownContextSet(['https://example.org/my-context/v1']).has(VC_V2_CONTEXT); // true
 * ```
 */
export function knownContextSet(extra: unknown, name = 'options.knownContexts'): ReadonlySet<string> {
  if (extra === undefined) return DEFAULT_KNOWN;
  if (!Array.isArray(extra) || !extra.every((c) => typeof c === 'string')) throw new TypeError(`"${name}" must be a list of context URLs`);
  return extra.length === 0 ? DEFAULT_KNOWN : new Set([...KNOWN_CONTEXTS, ...extra]);
}

/** One sentence for the result: the first violations, joined. */
export function describeViolations(violations: readonly VcdmViolation[], max = 3): string {
  const shown = violations.slice(0, max).map((v) => v.message);
  const more = violations.length - shown.length;
  return more > 0 ? `${shown.join('; ')}; and ${more} more` : shown.join('; ');
}
