// Ed25519Signature2020 badges from the DCC / Learner Credential Wallet ecosystem (review r13 F6):
// VC 1.1 ones are "can't check" (a data model this verifier does not check), never a forgery
// verdict, and stay in a passport; VC 2.0 ones verify with learning-passport/rdfc alone, its
// bundled suite context counting as known. Proof chains are "can't check", not tampered (F8), and
// a proof of a set that cannot be checked says why (F7).
import * as ed from '@noble/ed25519';
import { base58btc } from 'multiformats/bases/base58';
import { beforeAll, describe, expect, it } from 'vitest';
import { addEntries, createPassport, entryId, generateKeyPair, issueEntry, verifyCredential, verifyPassport, type SigningKeyPair } from '../../src/index.js';
import { seedOf } from '../../src/keys/key-pair.js';
import { addRdfcProof, createCanonizer, createDocumentLoader, rdfcHashData, rdfcProofVerifiers } from '../../src/rdfc/index.js';
import { FIXTURE_ISSUER, fixtureFields, signer } from '../entries/fixtures.js';
import { vectorJson } from '../fixtures/vectors.js';

type Doc = Record<string, any>;
const ED2020_CONTEXT = 'https://w3id.org/security/suites/ed25519-2020/v1';
const EXAMPLES = 'https://www.w3.org/ns/credentials/examples/v2';
const verifiers = rdfcProofVerifiers();
let issuer: SigningKeyPair;
let learner: SigningKeyPair;

/** Signs `document` with an Ed25519Signature2020 proof (what DCC issuers produce). */
async function signEd2020(document: Doc, key: SigningKeyPair, contexts: Record<string, unknown> = {}): Promise<Doc> {
  const canonize = createCanonizer(createDocumentLoader({ contexts }));
  const config = { type: 'Ed25519Signature2020', created: '2026-01-10T09:00:00Z', verificationMethod: key.verificationMethod, proofPurpose: 'assertionMethod' };
  const { hashData } = await rdfcHashData(canonize, { ...config, '@context': document['@context'] }, document);
  return { ...document, proof: { ...config, proofValue: base58btc.encode(await ed.signAsync(hashData, seedOf(key))) } };
}

function badge(context: unknown[], dates: Doc): Doc {
  return {
    '@context': context,
    id: `urn:uuid:${crypto.randomUUID()}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuer.did, type: ['Profile'], name: 'Digital Credentials College' },
    ...dates,
    name: 'Forklift safety',
    credentialSubject: {
      id: learner.did,
      type: ['AchievementSubject'],
      achievement: { id: 'https://dcc.example/a/1', type: ['Achievement'], name: 'Forklift safety', criteria: { narrative: 'Completed.' } },
    },
  };
}

beforeAll(async () => {
  issuer = await generateKeyPair();
  learner = await generateKeyPair();
});

describe('Ed25519Signature2020', () => {
  it('VC 2.0: verifies with the subpath alone (its bundled suite context is known), and joins a passport', async () => {
    const signed = await signEd2020(
      badge(['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', ED2020_CONTEXT], {
        validFrom: '2026-01-10T09:00:00Z',
      }),
      issuer,
    );
    const result = await verifyCredential(signed, { proofVerifiers: verifiers });
    expect(result.errors).toEqual([]);
    // Without the subpath the suite context is not one the main entry processes: "can't check".
    const plain = await verifyCredential(signed);
    expect(plain.checks.some((c) => c.status === 'fail')).toBe(false);
    expect(plain.verified).toBe(false);
    const { passport } = await addEntries(createPassport({ holder: learner.did }), [signed], { proofVerifiers: verifiers });
    const report = await verifyPassport(passport, { proofVerifiers: verifiers });
    // Intact and kept; with no trust policy who issued it is not checked, so it counts as "can't check".
    expect(report.entries[0]!.result.verified).toBe(true);
    expect(report.counts).toMatchObject({ valid: 0, cantCheck: 1, notValid: 0 });
  });

  it('the W3C vector verifies with the examples context supplied; no knownContexts needed', async () => {
    const credential = vectorJson('vc-di-eddsa/Ed25519Signature2020/signedEdSig.json');
    const withExamples = rdfcProofVerifiers({ contexts: { [EXAMPLES]: vectorJson('vc-data-model/contexts/credentials-examples-v2.jsonld') } });
    const result = await verifyCredential(credential, { proofVerifiers: withExamples });
    expect(result.checks.find((c) => c.check === 'context')).toMatchObject({ status: 'pass' });
    expect(result.checks.find((c) => c.check === 'signature')).toMatchObject({ status: 'pass' });
  });

  it('VC 1.1 (the Learner Credential Wallet shape): "can\'t check", never "not valid", and kept by a passport', async () => {
    const vc11 = badge(['https://www.w3.org/2018/credentials/v1', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', ED2020_CONTEXT], {
      issuanceDate: '2026-01-10T09:00:00Z',
    });
    const signed = {
      ...vc11,
      proof: {
        type: 'Ed25519Signature2020',
        created: '2026-01-10T09:00:00Z',
        verificationMethod: issuer.verificationMethod,
        proofPurpose: 'assertionMethod',
        proofValue: `z${'5'.repeat(86)}`,
      },
    };
    for (const options of [{}, { proofVerifiers: verifiers }]) {
      const result = await verifyCredential(signed, options);
      expect(result.verified).toBe(false);
      expect(result.checks.some((c) => c.status === 'fail')).toBe(false);
      expect(result.checks.find((c) => c.check === 'shape')).toMatchObject({ status: 'unknown', code: 'ERR_CONTEXT_UNKNOWN' });
      expect(result.summary).toMatch(/^Can’t check/);
      const { passport, rejected, unchecked } = await addEntries(createPassport({ holder: learner.did }), [signed], options);
      expect(rejected).toEqual([]);
      expect(unchecked).toEqual([entryId(signed)]);
      expect((await verifyPassport(passport, options)).counts).toMatchObject({ valid: 0, notValid: 0, cantCheck: 1 });
    }
  });
});

describe('proof chains and proofs that cannot be checked (F7, F8)', () => {
  it('the W3C proof-chain vectors are "can\'t check" or valid, never tampered', async () => {
    const withExamples = rdfcProofVerifiers({ contexts: { [EXAMPLES]: vectorJson('vc-data-model/contexts/credentials-examples-v2.jsonld') } });
    for (const name of ['signedProofChain1', 'signedProofChain2', 'signedProofSet1', 'signedProofSet2']) {
      const doc = vectorJson(`vc-di-eddsa/proof-set-chain/${name}.json`);
      const result = await verifyCredential(doc, { proofVerifiers: withExamples, knownContexts: [EXAMPLES] });
      const signature = result.checks.find((c) => c.check === 'signature')!;
      expect(signature.status, name).not.toBe('fail');
      if (name.includes('Chain')) expect(signature.message, name).toMatch(/proof chain/);
    }
  });

  it('a proof chain alone is "can\'t check" (ERR_CRYPTOSUITE_UNSUPPORTED)', async () => {
    const doc = vectorJson('vc-di-eddsa/proof-set-chain/signedProofChain2.json');
    const chainOnly = { ...doc, proof: doc.proof.filter((p: Doc) => p.previousProof !== undefined) };
    const result = await verifyCredential(chainOnly, { proofVerifiers: verifiers, knownContexts: [EXAMPLES] });
    expect(result.checks.find((c) => c.check === 'signature')).toMatchObject({ status: 'unknown', code: 'ERR_CRYPTOSUITE_UNSUPPORTED' });
  });

  it('an rdfc proof left unchecked by an appended, unbundled context says so, with the reason', async () => {
    const fields = await fixtureFields();
    const s = await signer(FIXTURE_ISSUER.award.name, FIXTURE_ISSUER.award.role);
    const entry = await issueEntry('award', fields.award as never, { issuer: s.issuer, key: s.key, holder: learner.did });
    const both = (await addRdfcProof(entry, s.key)) as Doc;
    const extended = { ...both, '@context': [...both['@context'], 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json'] };
    const result = await verifyCredential(extended, { proofVerifiers: verifiers });
    expect(result.errors).toEqual([]);
    expect(result.checks.find((c) => c.check === 'signature')?.message).toMatch(
      /eddsa-rdfc-2022: could not be checked \(The JSON-LD context https:\/\/purl\.imsglobal\.org\/spec\/ob\/v3p0\/extensions\.json is not bundled/,
    );
    expect(entryId(extended)).toBe(entryId(entry));
  });
});
