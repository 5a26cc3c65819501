// The bundled contexts are exact copies of the published ones, and the loader never goes online.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { BUNDLED_CONTEXTS, createDocumentLoader, LEARNING_PASSPORT_CONTEXT } from '../../src/rdfc/index.js';
import { vectorJson, vectorText } from '../fixtures/vectors.js';

const require = createRequire(import.meta.url);
const npmText = (path: string) => readFileSync(require.resolve(path), 'utf8');
const npmJson = (path: string) => JSON.parse(npmText(path));

const CONTEXTS_DIR = new URL('../../src/rdfc/contexts/', import.meta.url);
const bundledText = (file: string) => readFileSync(new URL(file, CONTEXTS_DIR), 'utf8');

describe('bundled JSON-LD contexts', () => {
  it.each([
    ['https://www.w3.org/ns/credentials/v2', () => vectorJson('vc-data-model/contexts/credentials-v2.jsonld')],
    ['https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json', () => vectorJson('openbadges-3.0/context/context-3.0.1.json')],
    ['https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json', () => vectorJson('openbadges-3.0/context/context-3.0.2.json')],
    ['https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', () => vectorJson('openbadges-3.0/context/context-3.0.3.json')],
    ['https://w3id.org/security/data-integrity/v2', () => npmJson('@digitalbazaar/data-integrity-context/contexts/data-integrity-v2.jsonld')],
    ['https://w3id.org/security/multikey/v1', () => npmJson('@digitalbazaar/multikey-context/contexts/multikey-v1.jsonld')],
    ['https://w3id.org/security/suites/ed25519-2020/v1', () => npmJson('ed25519-signature-2020-context/contexts/ed25519-signature-2020-v1.jsonld')],
  ])('%s equals the published file', (url, published) => {
    expect(BUNDLED_CONTEXTS[url]).toEqual(published());
  });

  it.each([
    ['credentials-v2.json', () => vectorText('vc-data-model/contexts/credentials-v2.jsonld')],
    ['ob-3.0.1.json', () => vectorText('openbadges-3.0/context/context-3.0.1.json')],
    ['ob-3.0.2.json', () => vectorText('openbadges-3.0/context/context-3.0.2.json')],
    ['ob-3.0.3.json', () => vectorText('openbadges-3.0/context/context-3.0.3.json')],
    ['data-integrity-v2.json', () => npmText('@digitalbazaar/data-integrity-context/contexts/data-integrity-v2.jsonld')],
    ['multikey-v1.json', () => npmText('@digitalbazaar/multikey-context/contexts/multikey-v1.jsonld')],
    ['ed25519-2020-v1.json', () => npmText('ed25519-signature-2020-context/contexts/ed25519-signature-2020-v1.jsonld')],
  ])('src/rdfc/contexts/%s is a byte-for-byte copy of the published file', (file, published) => {
    expect(bundledText(file)).toBe(published());
  });

  it('every context file in src/rdfc/contexts is bundled, as parsed from the file', () => {
    const files = readdirSync(CONTEXTS_DIR).filter((f) => f.endsWith('.json'));
    expect(files).toHaveLength(Object.keys(BUNDLED_CONTEXTS).length);
    const bundled = Object.values(BUNDLED_CONTEXTS);
    for (const file of files) expect(bundled, file).toContainEqual(JSON.parse(bundledText(file)));
  });

  it('bundles exactly those and learning-passport v1 (learningPassport as a JSON literal)', () => {
    expect(Object.keys(BUNDLED_CONTEXTS)).toHaveLength(8);
    expect(BUNDLED_CONTEXTS[LEARNING_PASSPORT_CONTEXT]).toEqual({
      '@context': { '@protected': true, learningPassport: { '@id': 'https://learning-passport.org/ns#learningPassport', '@type': '@json' } },
    });
  });

  it("the loader refuses unknown URLs offline, uses the caller's fallback, and will not let a bundled context be replaced", async () => {
    await expect(createDocumentLoader()('https://example.org/ctx')).rejects.toThrow(/not bundled/);
    const fallback = async (url: string) => ({ contextUrl: null, documentUrl: url, document: { '@context': {} } });
    await expect(createDocumentLoader({ fallback })('https://example.org/ctx')).resolves.toMatchObject({ document: { '@context': {} } });
    expect(() => createDocumentLoader({ contexts: { [LEARNING_PASSPORT_CONTEXT]: { '@context': {} } } })).toThrow(/bundled/);
  });
});
