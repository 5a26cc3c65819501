// JSON-LD to RDF (safe mode) and RDF Dataset Canonicalization (RDFC-1.0), with the options
// Digital Bazaar's Data Integrity suites use, so that the canonical N-Quads (and so the
// signatures) are byte-identical with theirs.
import jsonld from 'jsonld';
import ContextResolver from 'jsonld/lib/ContextResolver.js';
import { canonize as canonizeDataset } from 'rdf-canonize';
import { PassportError } from '../errors.js';
import { ContextUnavailableError, type DocumentLoader } from './document-loader.js';

const MAX_CACHED_CONTEXTS = 64;

/** A bounded cache of processed contexts, private to one canonicalizer (never jsonld's global one). */
function contextCache(): { get(key: string): unknown; set(key: string, value: unknown): void } {
  const map = new Map<string, unknown>();
  return {
    get: (key) => map.get(key),
    set(key, value) {
      if (map.size >= MAX_CACHED_CONTEXTS) map.delete(map.keys().next().value!);
      map.set(key, value);
    },
  };
}

function causes(err: unknown): unknown[] {
  const out: unknown[] = [];
  for (let e: unknown = err, i = 0; e && i < 8; i++) {
    out.push(e);
    const next = (e as { details?: { cause?: unknown }; cause?: unknown }).details?.cause ?? (e as { cause?: unknown }).cause;
    e = next;
  }
  return out;
}

/** A PassportError for a JSON-LD or canonicalization failure (never echoes document text beyond a term name). */
export function canonizeError(err: unknown): PassportError {
  const chain = causes(err);
  const missing = chain.find((e): e is ContextUnavailableError => e instanceof ContextUnavailableError);
  if (missing)
    return new PassportError('ERR_JSONLD_CONTEXT_UNAVAILABLE', `The JSON-LD context ${missing.url.slice(0, 200)} is not bundled and was not supplied`);
  const message = chain.map((e) => (e instanceof Error ? e.message : '')).join(' ');
  if (/deep iterations|maxDeepIterations|work factor/i.test(message)) {
    return new PassportError('ERR_LIMIT_EXCEEDED', 'RDF canonicalization of this document needs too much work (a poison dataset)');
  }
  const first = chain[0] as { name?: string; details?: { event?: { code?: string; details?: { property?: string; type?: string } } } } | undefined;
  const event = first?.details?.event;
  const term = event?.details?.property ?? event?.details?.type;
  const what = term ? ` (${String(term).slice(0, 100)})` : '';
  return new PassportError('ERR_JSONLD_INVALID', `JSON-LD safe mode refused the document${what}: ${event?.code ?? first?.name ?? 'invalid JSON-LD'}`);
}

/**
 * The most JSON-LD work one document may ask of `learning-passport/rdfc`. JSON-LD expansion and
 * RDFC-1.0 grow faster than the document (a 1.25 MB credential of 15,000 blank-node objects held
 * the event loop for over 90 s), and that work comes before the signature can be checked, so
 * anyone could send it. The budget is checked in one linear pass before jsonld is called; a
 * document over it is "can't check" (`ERR_LIMIT_EXCEEDED`), never processed. Open Badges
 * credentials in the wild use a few dozen objects.
 *
 * @example
 * ```ts
 * import { RDFC_LIMITS } from 'learning-passport/rdfc';
 * RDFC_LIMITS.maxObjects; // 500
 * ```
 */
export const RDFC_LIMITS = Object.freeze({
  /** JSON objects (potential graph nodes, value objects included) in the document. */
  maxObjects: 500,
  /** Nesting depth of objects and arrays. */
  maxDepth: 32,
  /** UTF-16 code units of strings and keys together (an embedded image counts here). */
  maxTextLength: 1_048_576,
});

/**
 * Why `document` is over the RDFC budget, or undefined (one pass, stops at the first excess).
 *
 * @example
 * ```ts
 * overRdfcBudget({ '@context': [], a: 1 }); // undefined
 * ```
 */
export function overRdfcBudget(document: unknown): string | undefined {
  let objects = 0;
  let text = 0;
  const stack: [unknown, number][] = [[document, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (typeof value === 'string') text += value.length;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > RDFC_LIMITS.maxDepth) return `it is nested more than ${RDFC_LIMITS.maxDepth} levels deep`;
    if (Array.isArray(value)) {
      for (const item of value) stack.push([item, depth + 1]);
      continue;
    }
    if (++objects > RDFC_LIMITS.maxObjects) return `it has more than ${RDFC_LIMITS.maxObjects} objects`;
    for (const [key, item] of Object.entries(value)) {
      text += key.length;
      stack.push([item, depth + 1]);
    }
    if (text > RDFC_LIMITS.maxTextLength) return `it holds more than ${RDFC_LIMITS.maxTextLength} characters of text`;
  }
  return text > RDFC_LIMITS.maxTextLength ? `it holds more than ${RDFC_LIMITS.maxTextLength} characters of text` : undefined;
}

/** Canonical N-Quads of a JSON-LD document under RDFC-1.0, in safe mode. */
export type Canonize = (document: object) => Promise<string>;

/**
 * Creates a canonicalizer bound to a document loader. Throws PassportError
 * (ERR_JSONLD_INVALID, ERR_JSONLD_CONTEXT_UNAVAILABLE, ERR_LIMIT_EXCEEDED) on failure.
 *
 * @example
 * ```ts
 * const canonize = createCanonizer(createDocumentLoader());
 * const nquads = await canonize(credentialWithoutProof);
 * ```
 */
export function createCanonizer(documentLoader: DocumentLoader): Canonize {
  const sharedCache = contextCache();
  return async (document) => {
    const over = overRdfcBudget(document);
    if (over !== undefined) {
      throw new PassportError('ERR_LIMIT_EXCEEDED', `The document is too large for JSON-LD processing here: ${over} (RDFC_LIMITS)`, {
        details: { limit: RDFC_LIMITS.maxObjects },
      });
    }
    try {
      const dataset = await jsonld.toRDF(document, {
        base: null,
        safe: true,
        rdfDirection: 'i18n-datatype',
        produceGeneralizedRdf: false,
        documentLoader,
        contextResolver: new ContextResolver({ sharedCache }),
      });
      // maxWorkFactor 1 (the default, stated): datasets that need more than quadratic work to
      // canonicalize (blank-node "poison graphs") are refused instead of hanging the verifier.
      return await canonizeDataset(dataset, { algorithm: 'RDFC-1.0', format: 'application/n-quads', maxWorkFactor: 1 });
    } catch (err) {
      throw canonizeError(err);
    }
  };
}
