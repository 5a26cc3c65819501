// The official W3C eddsa-rdfc-2022 and Ed25519Signature2020 test vectors (w3c/vc-di-eddsa
// TestVectors), reproduced step by step: every intermediate value the spec publishes must come
// out of our code, and the published proofValue out of our signer.
import { describe, expect, it } from 'vitest';
import { backend } from '../../src/backend/index.js';
import { toHex } from '../../src/internal/bytes.js';
import { seedOf } from '../../src/keys/key-pair.js';
import { importKeyPair, verifyCredential, type SigningKeyPair } from '../../src/index.js';
import { addRdfcProof, createCanonizer, createDocumentLoader, rdfcHashData, rdfcProofVerifiers } from '../../src/rdfc/index.js';
import { base58btc } from 'multiformats/bases/base58';
import { vectorJson, vectorText } from '../fixtures/vectors.js';

const EXAMPLES_V2 = 'https://www.w3.org/ns/credentials/examples/v2';
// The W3C vectors use the examples context, which is not bundled: the caller supplies it.
const contexts = { [EXAMPLES_V2]: vectorJson('vc-data-model/contexts/credentials-examples-v2.jsonld') };
const canonize = createCanonizer(createDocumentLoader({ contexts }));
const json = (name: string) => vectorJson(`vc-di-eddsa/${name}`);
const txt = (name: string) => vectorText(`vc-di-eddsa/${name}`).trim();

async function vectorKey(): Promise<SigningKeyPair> {
  return (await importKeyPair(json('keyPair.json'))) as SigningKeyPair;
}

const suites = [
  { name: 'eddsa-rdfc-2022', dir: 'eddsa-rdfc-2022', suffix: 'DataInt' },
  { name: 'Ed25519Signature2020', dir: 'Ed25519Signature2020', suffix: 'EdSig' },
] as const;

describe.each(suites)('W3C $name vector', ({ name, dir, suffix }) => {
  const signed = () => json(`${dir}/signed${suffix}.json`);
  const unsecured = () => {
    const { proof: _proof, ...rest } = signed();
    return rest;
  };
  const config = () => json(`${dir}/proofConfig${suffix}.json`);

  it('canonDoc: RDFC-1.0 N-Quads of the unsecured document', async () => {
    expect((await canonize(unsecured())).trim()).toBe(txt(`${dir}/canonDoc${suffix}.txt`));
  });

  it('proofCanon: RDFC-1.0 N-Quads of the proof configuration', async () => {
    expect((await canonize(config())).trim()).toBe(txt(`${dir}/proofCanon${suffix}.txt`));
  });

  it('docHash, proofHash, combinedHash', async () => {
    const hashing = await rdfcHashData(canonize, config(), unsecured());
    expect(toHex(hashing.documentHash)).toBe(txt(`${dir}/docHash${suffix}.txt`));
    expect(toHex(hashing.proofConfigHash)).toBe(txt(`${dir}/proofHash${suffix}.txt`));
    expect(toHex(hashing.hashData)).toBe(txt(`${dir}/combinedHash${suffix}.txt`));
  });

  it('sigHex and sigBTC58: the signature over the combined hash', async () => {
    const { hashData } = await rdfcHashData(canonize, config(), unsecured());
    const signature = await backend.sign(seedOf(await vectorKey()), hashData);
    expect(toHex(signature)).toBe(txt(`${dir}/sigHex${suffix}.txt`));
    expect(base58btc.encode(signature)).toBe(txt(`${dir}/sigBTC58${suffix}.txt`));
    expect(signed().proof.proofValue).toBe(txt(`${dir}/sigBTC58${suffix}.txt`));
  });

  it('the signed vector verifies through verifyCredential with the rdfc proof verifiers', async () => {
    const result = await verifyCredential(signed(), { proofVerifiers: rdfcProofVerifiers({ contexts }) });
    expect(result.checks.find((c) => c.check === 'signature')).toMatchObject({ status: 'pass' });
    // The vector's issuer is an https URL, not the did:key that signed: not linkable offline.
    expect(result.checks.find((c) => c.check === 'issuer-key')).toMatchObject({ status: 'unknown', code: 'ERR_ISSUER_KEY_UNRESOLVED' });
  });

  it('a changed document fails; without the verifiers it cannot be checked', async () => {
    const tampered = { ...signed(), name: 'Alumni Credential!' };
    const bad = await verifyCredential(tampered, { proofVerifiers: rdfcProofVerifiers({ contexts }) });
    expect(bad.checks.find((c) => c.check === 'signature')).toMatchObject({ status: 'fail', code: 'ERR_PROOF_SIGNATURE_INVALID' });
    const plain = await verifyCredential(signed());
    expect(plain.verified).toBe(false);
    expect(plain.checks.find((c) => c.check === 'signature')).toMatchObject({ status: 'unknown', code: 'ERR_CRYPTOSUITE_UNSUPPORTED' });
    expect(plain.checks.some((c) => c.status === 'fail')).toBe(false);
  });
});

describe('W3C eddsa-rdfc-2022 vector: signing', () => {
  it('addRdfcProof reproduces the signed vector byte for byte', async () => {
    const { proof, ...unsecured } = json('eddsa-rdfc-2022/signedDataInt.json');
    const out = await addRdfcProof(unsecured, await vectorKey(), { created: proof.created, contexts });
    expect(out).toEqual(json('eddsa-rdfc-2022/signedDataInt.json'));
  });
});
