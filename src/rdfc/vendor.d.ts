// Minimal declarations for the two JSON-LD libraries (neither ships types); only what is used.
declare module 'jsonld' {
  interface JsonLd {
    toRDF(input: object, options: Record<string, unknown>): Promise<object>;
  }
  const jsonld: JsonLd;
  export default jsonld;
}
declare module 'rdf-canonize' {
  export function canonize(dataset: object, options: Record<string, unknown>): Promise<string>;
}
declare module 'jsonld/lib/ContextResolver.js' {
  export default class ContextResolver {
    constructor(options: { sharedCache: { get(key: string): unknown; set(key: string, value: unknown): void } });
  }
}
