// Bounded work in the eddsa-rdfc-2022 path (review r13 F3): JSON-LD expansion and RDFC-1.0 grow
// faster than the document, and they run before the signature can be checked, so a document over
// RDFC_LIMITS is refused in one linear pass, before jsonld is called. Each limit is tested at the
// limit and just past it.
import { readFileSync } from 'node:fs';
import { base58btc } from 'multiformats/bases/base58';
import { beforeAll, describe, expect, it } from 'vitest';
import { addEntries, createPassport, generateKeyPair, verifyCredential, type SigningKeyPair } from '../../src/index.js';
import { addRdfcProof, RDFC_LIMITS, rdfcProofVerifiers } from '../../src/rdfc/index.js';
import { overRdfcBudget } from '../../src/rdfc/canonize.js';

type Doc = Record<string, any>;
const verifiers = rdfcProofVerifiers();
let key: SigningKeyPair;
let base: Doc;

beforeAll(async () => {
  key = await generateKeyPair();
  const learner = await generateKeyPair();
  base = JSON.parse(readFileSync(new URL('../entries/vectors/openbadges-3.0/examples/basicOpenBadgeCredential.json', import.meta.url), 'utf8'));
  base.issuer = { id: key.did, type: ['Profile'], name: 'X' };
  base.credentialSubject.id = learner.did;
});

/** The badge with `n` Alignment objects (blank nodes) and a well-formed but wrong signature. */
function withAlignments(n: number): Doc {
  const doc = structuredClone(base);
  doc.credentialSubject.achievement.alignment = Array.from({ length: n }, (_, i) => ({
    type: ['Alignment'],
    targetName: `T${i}`,
    targetUrl: `https://e.example/t/${i}`,
  }));
  doc.proof = {
    type: 'DataIntegrityProof',
    cryptosuite: 'eddsa-rdfc-2022',
    created: '2026-01-01T00:00:00Z',
    verificationMethod: key.verificationMethod,
    proofPurpose: 'assertionMethod',
    proofValue: base58btc.encode(new Uint8Array(64).fill(7)),
  };
  return doc;
}

function objectsIn(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + objectsIn(v), 0);
  if (value !== null && typeof value === 'object') return 1 + Object.values(value).reduce((n: number, v) => n + objectsIn(v), 0);
  return 0;
}

function nested(depth: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = i % 2 ? { a: value } : [value];
  return value;
}

describe('RDFC_LIMITS', () => {
  it('objects: at the limit is processed, one more is refused (the budget pass alone)', () => {
    const { proof: _p, ...doc } = withAlignments(0);
    const fill = RDFC_LIMITS.maxObjects - objectsIn(doc);
    const at = structuredClone(doc);
    at.credentialSubject.achievement.alignment = Array.from({ length: fill }, () => ({ targetName: 'T' }));
    expect(objectsIn(at)).toBe(RDFC_LIMITS.maxObjects);
    expect(overRdfcBudget(at)).toBeUndefined();
    at.credentialSubject.achievement.alignment.push({ targetName: 'T' });
    expect(overRdfcBudget(at)).toMatch(/more than 500 objects/);
  });

  it('depth and text: at the limit and just past it', () => {
    expect(overRdfcBudget(nested(RDFC_LIMITS.maxDepth))).toBeUndefined();
    expect(overRdfcBudget(nested(RDFC_LIMITS.maxDepth + 1))).toMatch(/nested more than/);
    expect(overRdfcBudget({ image: 'x'.repeat(RDFC_LIMITS.maxTextLength - 'image'.length) })).toBeUndefined();
    expect(overRdfcBudget({ image: 'x'.repeat(RDFC_LIMITS.maxTextLength - 'image'.length + 1) })).toMatch(/characters of text/);
  });

  it('a credential over the budget is "can\'t check" (ERR_LIMIT_EXCEEDED), never processed, and refused at intake', async () => {
    const huge = withAlignments(15_000); // 1.25 MB: took ~92 s inside jsonld before the budget
    // An unbundled context would make jsonld fail: the budget answer shows jsonld was never reached.
    huge['@context'] = [...huge['@context'], 'https://example.org/not-bundled/v1'];
    const result = await verifyCredential(huge, { proofVerifiers: verifiers, knownContexts: ['https://example.org/not-bundled/v1'] });
    expect(result.checks.find((c) => c.check === 'signature')).toMatchObject({ status: 'unknown', code: 'ERR_LIMIT_EXCEEDED' });
    const { rejected } = await addEntries(createPassport({ holder: huge.credentialSubject.id }), [huge], { proofVerifiers: verifiers });
    expect(rejected.map((r) => r.code)).toEqual(['ERR_LIMIT_EXCEEDED']);
  });

  it('cheap checks come first: a malformed signature or an unusable key is answered without JSON-LD work', async () => {
    const huge = withAlignments(15_000);
    huge.proof.proofValue = 'zjunk';
    const result = await verifyCredential(huge, { proofVerifiers: verifiers });
    expect(result.checks.find((c) => c.check === 'signature')).toMatchObject({ status: 'fail' });
    expect(result.checks.find((c) => c.check === 'signature')?.code).not.toBe('ERR_LIMIT_EXCEEDED');
  });

  it('signing applies the same budget', async () => {
    const { proof: _p, ...unsigned } = withAlignments(RDFC_LIMITS.maxObjects);
    await expect(addRdfcProof(unsigned, key)).rejects.toMatchObject({ code: 'ERR_LIMIT_EXCEEDED' });
  });
});
