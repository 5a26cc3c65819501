// The offline JSON-LD document loader: the bundled contexts, then the caller's own, then the
// caller's fallback loader if one was given. There is no network access unless the caller's
// fallback makes it.
import { PassportError } from '../errors.js';
import { BUNDLED_CONTEXTS } from './contexts/index.js';

/** What a JSON-LD document loader returns (the shape `jsonld` expects). */
export interface RemoteDocument {
  contextUrl: string | null;
  documentUrl: string;
  document: unknown;
  /** `static` marks documents that never change, which lets the context cache keep them. */
  tag?: 'static';
}

/** A JSON-LD document loader: the document for a URL, or a rejection. */
export type DocumentLoader = (url: string) => Promise<RemoteDocument>;

/** Options of {@link createDocumentLoader}. */
export interface DocumentLoaderOptions {
  /** More contexts by URL (they cannot replace a bundled one). */
  contexts?: Readonly<Record<string, unknown>>;
  /** Called for any other URL (for example a loader that fetches); without it such URLs fail offline. */
  fallback?: DocumentLoader;
}

/** The marker error for a context nobody supplied, mapped to ERR_JSONLD_CONTEXT_UNAVAILABLE. */
export class ContextUnavailableError extends Error {
  constructor(readonly url: string) {
    super(`The JSON-LD context ${url} is not bundled and was not supplied`);
    this.name = 'ContextUnavailableError';
  }
}

/**
 * Creates the offline document loader `learning-passport/rdfc` uses: the bundled contexts
 * (VC 2.0, Open Badges 3.0.1–3.0.3, Data Integrity v2, Multikey v1, Ed25519Signature2020 v1 and
 * learning-passport v1), plus the caller's `contexts`, plus the caller's `fallback` loader.
 *
 * @throws {PassportError} ERR_SCHEMA_INVALID when `contexts` tries to replace a bundled context
 * @example
 * ```ts
 * const documentLoader = createDocumentLoader({ contexts: { 'https://example.org/ctx/v1': myContext } });
 * ```
 */
export function createDocumentLoader(options: DocumentLoaderOptions = {}): DocumentLoader {
  if (typeof options !== 'object' || options === null) throw new TypeError('"options" must be an object');
  const extra = options.contexts ?? {};
  if (typeof extra !== 'object' || extra === null) throw new TypeError('"options.contexts" must be an object of contexts by URL');
  const { fallback } = options;
  if (fallback !== undefined && typeof fallback !== 'function') throw new TypeError('"options.fallback" must be a document loader function');
  for (const url of Object.keys(extra)) {
    // A bundled context is the published one; letting a caller replace it would let the same URL
    // mean two things in one process.
    if (Object.hasOwn(BUNDLED_CONTEXTS, url)) {
      throw new PassportError('ERR_SCHEMA_INVALID', `The context ${url} is bundled and cannot be replaced`);
    }
  }
  const own = new Map(Object.entries(extra));
  return async (url: string): Promise<RemoteDocument> => {
    if (Object.hasOwn(BUNDLED_CONTEXTS, url)) return { contextUrl: null, documentUrl: url, document: BUNDLED_CONTEXTS[url], tag: 'static' };
    if (own.has(url)) return { contextUrl: null, documentUrl: url, document: own.get(url) };
    if (fallback) return fallback(url);
    throw new ContextUnavailableError(url);
  };
}
