// The official W3C eddsa-jcs-2022 test vector (w3c/vc-di-eddsa TestVectors/eddsa-jcs-2022),
// reproduced step by step: every intermediate value the spec publishes must come out of our code.
import { base58btc } from 'multiformats/bases/base58';
import { describe, expect, it } from 'vitest';
import { backend } from '../../src/backend/index.js';
import { concatBytes, toHex } from '../../src/internal/bytes.js';
import { seedOf } from '../../src/keys/key-pair.js';
import { eddsaJcsHashData } from '../../src/proof/hash-data.js';
import { canonicalBytes, canonicalJson } from '../../src/proof/jcs.js';
import { importKeyPair, signCredential, verifyCredential, type SigningKeyPair } from '../../src/index.js';
import { vectorJson, vectorText } from '../fixtures/vectors.js';

const text = (name: string) => vectorText(`vc-di-eddsa/${name}`);
const json = (name: string) => vectorJson(`vc-di-eddsa/${name}`);
// The .txt files have no trailing newline; trim anyway so a re-download with one still works.
const txt = (name: string) => text(`eddsa-jcs-2022/${name}`).trim();

const CREATED = '2023-02-24T23:36:38Z';
const fromHex = (hex: string) => Uint8Array.from(hex.match(/../g)!, (b) => parseInt(b, 16));

async function vectorKey(): Promise<SigningKeyPair> {
  return (await importKeyPair(json('keyPair.json'))) as SigningKeyPair;
}

describe('W3C eddsa-jcs-2022 vector: intermediate values', () => {
  it('derives the vector key and did:key from the secret key', async () => {
    const key = await vectorKey();
    expect(key.did).toBe('did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2');
    expect(key.publicKeyMultibase).toBe(json('keyPair.json').publicKeyMultibase);
    expect(key.verificationMethod).toBe(json('eddsa-jcs-2022/proofConfigJCS.json').verificationMethod);
    expect(toHex(seedOf(key))).toBe('c96ef9ea10c5e414c471723aff9de72c35fa5b70fae97e8832ecac7d2e2b8ed6');
  });

  it('canonDocJCS: JCS of the unsigned document', () => {
    expect(canonicalJson(json('unsigned.json'))).toBe(txt('canonDocJCS.txt'));
  });

  it('docHashJCS: SHA-256 of the canonical document', async () => {
    expect(toHex(await backend.sha256(canonicalBytes(json('unsigned.json'))))).toBe(txt('docHashJCS.txt'));
  });

  it('proofCanonJCS: JCS of the proof configuration (with the document @context)', () => {
    const config = json('eddsa-jcs-2022/proofConfigJCS.json');
    expect(config['@context']).toEqual(json('unsigned.json')['@context']);
    expect(canonicalJson(config)).toBe(txt('proofCanonJCS.txt'));
  });

  it('proofHashJCS: SHA-256 of the canonical proof configuration', async () => {
    const config = json('eddsa-jcs-2022/proofConfigJCS.json');
    expect(toHex(await backend.sha256(canonicalBytes(config)))).toBe(txt('proofHashJCS.txt'));
  });

  it('combinedHashJCS: eddsaJcsHashData is proofHash ‖ docHash', async () => {
    const hashData = await eddsaJcsHashData(json('eddsa-jcs-2022/proofConfigJCS.json'), json('unsigned.json'));
    expect(hashData).toHaveLength(64);
    expect(toHex(hashData)).toBe(txt('combinedHashJCS.txt'));
    expect(txt('combinedHashJCS.txt')).toBe(txt('proofHashJCS.txt') + txt('docHashJCS.txt'));
  });

  it('sigHexJCS and sigBTC58JCS: pure Ed25519 over the 64 hash bytes', async () => {
    const key = await vectorKey();
    const signature = await backend.sign(seedOf(key), fromHex(txt('combinedHashJCS.txt')));
    expect(toHex(signature)).toBe(txt('sigHexJCS.txt'));
    expect(base58btc.encode(signature)).toBe(txt('sigBTC58JCS.txt'));
  });

  it('the published signature verifies over proofHash ‖ docHash and not over docHash ‖ proofHash', async () => {
    const key = await backend.importPublicKey(fromHex('b00d8d938e7f773d51565aad36a623f5344f7f5d1960f9cf3e8e12620ea2810f'));
    const sig = fromHex(txt('sigHexJCS.txt'));
    const proofHash = fromHex(txt('proofHashJCS.txt'));
    const docHash = fromHex(txt('docHashJCS.txt'));
    expect(await backend.verify(key, sig, concatBytes(proofHash, docHash))).toBe(true);
    expect(await backend.verify(key, sig, concatBytes(docHash, proofHash))).toBe(false);
  });
});

describe('W3C eddsa-jcs-2022 vector: signing and verifying', () => {
  it('signCredential reproduces signedJCS.json byte for byte', async () => {
    const signed = await signCredential(json('unsigned.json'), await vectorKey(), { created: CREATED });
    expect(signed).toEqual(json('eddsa-jcs-2022/signedJCS.json'));
    // Same property order and values: the file is JSON.stringify(signed, null, 2) (no final newline).
    expect(JSON.stringify(signed, null, 2)).toBe(text('eddsa-jcs-2022/signedJCS.json').replace(/\n$/, ''));
    expect(signed.proof.proofValue).toBe(txt('sigBTC58JCS.txt'));
  });

  it('does not modify its input', async () => {
    const unsigned = json('unsigned.json');
    await signCredential(unsigned, await vectorKey(), { created: CREATED });
    expect(unsigned).toEqual(json('unsigned.json'));
  });

  it('verifies the official signed credential', async () => {
    const result = await verifyCredential(json('eddsa-jcs-2022/signedJCS.json'));
    expect(result.checks.find((c) => c.check === 'signature')).toMatchObject({ status: 'pass' });
    expect(result.verificationMethod).toBe(json('eddsa-jcs-2022/proofConfigJCS.json').verificationMethod);
  });

  it('verifies the official signed credential with its proof as a one-element array', async () => {
    const signed = json('eddsa-jcs-2022/signedJCS.json');
    signed.proof = [signed.proof];
    const result = await verifyCredential(signed);
    expect(result.checks.find((c) => c.check === 'signature')).toMatchObject({ status: 'pass' });
  });

  it('the issuer of the W3C vector is an https URL, so the issuer-key link is unknown offline, not a pass', async () => {
    const result = await verifyCredential(json('eddsa-jcs-2022/signedJCS.json'));
    expect(result.checks.find((c) => c.check === 'issuer-key')).toMatchObject({ status: 'unknown', code: 'ERR_ISSUER_KEY_UNRESOLVED' });
    expect(result.verified).toBe(false);
  });

  it('a signature made over docHash ‖ proofHash (swapped order) does not verify', async () => {
    const key = await vectorKey();
    const signed = json('eddsa-jcs-2022/signedJCS.json');
    const swapped = concatBytes(fromHex(txt('docHashJCS.txt')), fromHex(txt('proofHashJCS.txt')));
    signed.proof.proofValue = base58btc.encode(await backend.sign(seedOf(key), swapped));
    const result = await verifyCredential(signed);
    expect(result.checks.find((c) => c.check === 'signature')).toMatchObject({ status: 'fail', code: 'ERR_PROOF_SIGNATURE_INVALID' });
  });

  it('a signature made without the @context in the proof configuration does not verify', async () => {
    const key = await vectorKey();
    const signed = json('eddsa-jcs-2022/signedJCS.json');
    const { '@context': _ctx, ...configWithoutContext } = json('eddsa-jcs-2022/proofConfigJCS.json');
    const hashData = await eddsaJcsHashData(configWithoutContext, json('unsigned.json'));
    signed.proof.proofValue = base58btc.encode(await backend.sign(seedOf(key), hashData));
    const result = await verifyCredential(signed);
    expect(result.checks.find((c) => c.check === 'signature')).toMatchObject({ status: 'fail', code: 'ERR_PROOF_SIGNATURE_INVALID' });
  });

  it('changing one character of the credential makes verification fail', async () => {
    const signed = json('eddsa-jcs-2022/signedJCS.json');
    signed.name = 'Alumni Credentia1';
    const result = await verifyCredential(signed);
    expect(result.checks.find((c) => c.check === 'signature')).toMatchObject({ status: 'fail', code: 'ERR_PROOF_SIGNATURE_INVALID' });
  });
});
