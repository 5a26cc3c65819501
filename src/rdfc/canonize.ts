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
  if (missing) return new PassportError('ERR_JSONLD_CONTEXT_UNAVAILABLE', `The JSON-LD context ${missing.url.slice(0, 200)} is not bundled and was not supplied`);
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
