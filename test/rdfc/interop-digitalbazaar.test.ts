// Interop with Digital Bazaar's eddsa-rdfc-2022 implementation (@digitalbazaar/vc +
// data-integrity + eddsa-rdfc-2022-cryptosuite, whose canonicalization is jsonld + rdf-canonize
// like ours): their proofs verify in ours, ours in theirs, byte-identical proofValue for the same
// key, document and `created`. Fully offline: fetch is stubbed to fail.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
// @ts-expect-error -- no type declarations
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
// @ts-expect-error -- no type declarations
import { createVerifyCryptosuite as jcsVerifySuite } from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
// @ts-expect-error -- no type declarations
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
// @ts-expect-error -- no type declarations
import * as dbvc from '@digitalbazaar/vc';
// @ts-expect-error -- no type declarations
import { securityLoader } from '@digitalbazaar/security-document-loader';
import { generateKeyPair, importKeyPair, issueEntry, verifyCredential, type EntryKind, type SigningKeyPair } from '../../src/index.js';
import { addRdfcProof, BUNDLED_CONTEXTS, rdfcProofVerifiers } from '../../src/rdfc/index.js';
import { digitalBazaarKey } from '../fixtures/digitalbazaar.js';
import { vectorJson } from '../fixtures/vectors.js';
import { FIXTURE_ISSUER, fixtureFields, signer } from '../entries/fixtures.js';

const EXAMPLES_V2 = 'https://www.w3.org/ns/credentials/examples/v2';
const CREATED = '2026-03-03T10:00:00Z';
const examples = { [EXAMPLES_V2]: vectorJson('vc-data-model/contexts/credentials-examples-v2.jsonld') };
const verifiers = rdfcProofVerifiers({ contexts: examples });

// Their loader gets exactly our bundled contexts (and the W3C examples context).
const loader = securityLoader();
for (const [url, document] of Object.entries({ ...BUNDLED_CONTEXTS, ...examples })) loader.addStatic(url, structuredClone(document));
const documentLoader = loader.build();

type Doc = Record<string, any>;

async function dbIssue(credential: object, key: SigningKeyPair, created = CREATED): Promise<Doc> {
  const keyPair = await digitalBazaarKey(key);
  const suite = new DataIntegrityProof({ signer: keyPair.signer(), date: created, cryptosuite: eddsaRdfc2022 });
  return dbvc.issue({ credential: structuredClone(credential), suite, documentLoader, now: new Date(created) });
}

async function dbVerify(credential: object, suites = [new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 })]) {
  return dbvc.verifyCredential({ credential: structuredClone(credential), suite: suites, documentLoader });
}

const fetchSpy = vi.fn(() => Promise.reject(new Error('network access is not allowed in interop tests')));
let vectorKey: SigningKeyPair;
beforeAll(async () => {
  vi.stubGlobal('fetch', fetchSpy);
  vectorKey = (await importKeyPair(vectorJson('vc-di-eddsa/keyPair.json'))) as SigningKeyPair;
});
afterAll(() => {
  vi.unstubAllGlobals();
  expect(fetchSpy).not.toHaveBeenCalled();
});

describe('eddsa-rdfc-2022 interop with Digital Bazaar', () => {
  it('the W3C vector: theirs, ours and the official proofValue are the same', async () => {
    const { proof: official, ...unsigned } = vectorJson('vc-di-eddsa/eddsa-rdfc-2022/signedDataInt.json');
    const theirs = await dbIssue(unsigned, vectorKey, official.created);
    const ours = await addRdfcProof(unsigned, vectorKey, { created: official.created, contexts: examples });
    expect(theirs.proof.proofValue).toBe(official.proofValue);
    expect((ours.proof as Doc).proofValue).toBe(theirs.proof.proofValue);
  });

  it.each(['qualification', 'course-completion', 'learning-in-progress', 'custody-transfer'] as EntryKind[])(
    '%s entry: byte-identical proofValue; theirs verifies in ours; our proof set verifies in theirs',
    async (kind) => {
      const fields = await fixtureFields();
      const s = await signer(FIXTURE_ISSUER[kind].name, FIXTURE_ISSUER[kind].role);
      const holder = await generateKeyPair();
      const entry = await issueEntry(kind, fields[kind] as never, { issuer: s.issuer, key: s.key, holder: holder.did });
      const { proof: jcs, ...unsigned } = entry as Doc;

      const theirs = await dbIssue(unsigned, s.key);
      const ours = await addRdfcProof(unsigned, s.key, { created: CREATED });
      expect((ours.proof as Doc).proofValue).toBe(theirs.proof.proofValue);
      expect(ours).toEqual(theirs);

      // Their proof verifies in ours: on its own (the proof verifier), and beside the entry's
      // eddsa-jcs-2022 proof, which identifies a learning-passport entry (alone, a learning-passport
      // entry with only an rdfc proof is "can't check" here: see SECURITY.md, entry identity).
      const { proof: theirProof, ...theirUnsecured } = theirs;
      expect(await verifiers[0]!.verify(theirUnsecured, theirProof)).toMatchObject({ valid: true });
      const inOurs = await verifyCredential({ ...theirs, proof: [jcs, theirProof] }, { proofVerifiers: verifiers });
      expect(inOurs.errors).toEqual([]);
      expect(inOurs.checks.find((c) => c.check === 'signature')?.message).toMatch(/eddsa-rdfc-2022: also valid/);

      // The proof set [eddsa-jcs-2022, eddsa-rdfc-2022]: their rdfc verifier alone, and both their suites.
      const set = await addRdfcProof(entry, s.key, { created: CREATED });
      expect((set.proof as unknown as Doc[])[0]).toEqual(jcs);
      const rdfcOnly = await dbVerify(set);
      expect(rdfcOnly.error).toBeUndefined();
      expect(rdfcOnly.verified).toBe(true);
      const both = await dbVerify(set, [new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }), new DataIntegrityProof({ cryptosuite: jcsVerifySuite() })]);
      expect(both.error).toBeUndefined();
      expect(both.verified).toBe(true);
    },
  );

  it('a tampered entry fails in theirs as in ours', async () => {
    const key = await generateKeyPair();
    const s = await signer('City & Guilds', 'awarding-body');
    const entry = await issueEntry('award', (await fixtureFields()).award, { issuer: s.issuer, key: s.key, holder: key.did });
    const set = (await addRdfcProof(entry, s.key)) as Doc;
    const tampered = structuredClone(set);
    tampered.credentialSubject.learningPassport.name = 'Something else';
    expect((await dbVerify(tampered)).verified).toBe(false);
    expect((await verifyCredential(tampered, { proofVerifiers: verifiers })).verified).toBe(false);
  });
});
