// Internal: the passport format's item checks without zod. Reading a passport runs these on every
// item (100,000 entries in a large file), and the verify path must not load zod at all: zod
// costs tens of milliseconds of cold import and most of a browser bundle. The zod definitions in
// schema.ts stay the published description of the format (schemas/passport.schema.json);
// test/passport/shape.test.ts proves these checks accept and refuse exactly what they accept and
// refuse, on examples and on fuzzed values.
import { isDateTimeStamp } from '../internal/time.js';

/** The same patterns as schema.ts (CidStringSchema, HolderSchema). */
const CID = /^b[a-z2-7]{20,}$/;
const HOLDER = /^(did:[a-z0-9]+:[A-Za-z0-9._%-]+(:[A-Za-z0-9._%-]+)*|urn:uuid:[0-9A-Fa-f]{8}(-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12})$/;

/** What is wrong with an item: the property path and a plain message, as zod's first issue. */
export interface ShapeProblem {
  path: (string | number)[];
  message: string;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const problem = (path: (string | number)[], message: string): ShapeProblem => ({ path, message });

/** True for an entry id (CIDv1 string, base32). */
export function isCidString(value: unknown): value is string {
  return isString(value) && value.length <= 200 && CID.test(value);
}

/** The problem with a holder identifier, or undefined when it is one (a DID or a urn:uuid). */
export function holderProblem(value: unknown): ShapeProblem | undefined {
  if (!isString(value)) return problem([], 'expected a string');
  if (value.length > 500) return problem([], 'must be at most 500 characters');
  if (!HOLDER.test(value)) return problem([], 'must be a DID or a urn:uuid');
  return undefined;
}

/** A string or a non-empty list of strings. */
function typeProblem(value: unknown, path: (string | number)[]): ShapeProblem | undefined {
  if (isString(value)) return undefined;
  if (!Array.isArray(value) || value.length < 1 || !value.every(isString)) return problem(path, 'expected a string or a non-empty list of strings');
  return undefined;
}

/** An object, or a non-empty list of objects, each passing `item`. */
function objectOrList(value: unknown, path: (string | number)[], item: (v: Record<string, unknown>) => boolean, what: string): ShapeProblem | undefined {
  if (isObject(value)) return item(value) ? undefined : problem(path, `expected ${what}`);
  if (Array.isArray(value) && value.length >= 1 && value.every((v) => isObject(v) && item(v))) return undefined;
  return problem(path, `expected ${what} or a non-empty list of them`);
}

/**
 * The problem with an item that should be a signed credential as stored in a passport (the shape
 * of StoredCredentialSchema: `@context`, `type`, `issuer`, `credentialSubject`, `proof`), or
 * undefined. Not a validity check: signatures and kind schemas are checked by verification.
 */
export function storedCredentialProblem(value: unknown): ShapeProblem | undefined {
  if (!isObject(value)) return problem([], 'expected an object');
  const context = value['@context'];
  if (!Array.isArray(context) || context.length < 1) return problem(['@context'], 'expected a non-empty list');
  const type = typeProblem(value.type, ['type']);
  if (type) return type;
  const issuer = value.issuer;
  if (!(isString(issuer) && issuer.length >= 1) && !(isObject(issuer) && isString(issuer.id) && issuer.id.length >= 1)) {
    return problem(['issuer'], 'expected an identifier or an object with an "id"');
  }
  return (
    objectOrList(value.credentialSubject, ['credentialSubject'], () => true, 'an object') ??
    objectOrList(value.proof, ['proof'], (p) => isString(p.type), 'a proof object with a "type"')
  );
}

const EXCLUSION_KEYS = new Set(['cid', 'action', 'at', 'reason', 'proof']);

/** The problem with an item that should be a holder's exclusion record (ExclusionRecordSchema), or undefined. */
export function exclusionRecordProblem(value: unknown): ShapeProblem | undefined {
  if (!isObject(value)) return problem([], 'expected an object');
  for (const key of Object.keys(value)) if (!EXCLUSION_KEYS.has(key)) return problem([], `unrecognised key: "${key}"`);
  if (!isCidString(value.cid)) return problem(['cid'], 'must be an entry id (a CID string such as bagaaiera…)');
  if (value.action !== 'remove' && value.action !== 'restore') return problem(['action'], 'expected "remove" or "restore"');
  const at = value.at;
  if (!isString(at) || at.length > 40 || !isDateTimeStamp(at)) return problem(['at'], 'must be a real date and time with a time zone (YYYY-MM-DDThh:mm:ssZ)');
  if (value.reason !== undefined && !(isString(value.reason) && value.reason.length <= 1000))
    return problem(['reason'], 'must be text of at most 1000 characters');
  const proof = value.proof;
  if (!isObject(proof)) return problem(['proof'], 'expected an object');
  for (const key of ['type', 'cryptosuite', 'verificationMethod', 'proofValue']) {
    if (!isString(proof[key])) return problem(['proof', key], 'expected a string');
  }
  return undefined;
}
