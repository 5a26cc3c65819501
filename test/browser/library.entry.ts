// Runs inside Chromium: the library's main flows through the browser build (WebCrypto backend).
import { generateKeyPair, signCredential, verifyCredential } from '../../src/index.js';
import { backend } from '../../src/backend/index.js';

async function run(): Promise<Record<string, unknown>> {
  const key = await generateKeyPair();
  const credential = {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    type: ['VerifiableCredential'],
    issuer: key.did,
    validFrom: '2026-01-01T00:00:00Z',
    credentialSubject: { id: 'did:example:learner', name: 'Amira' },
  };
  const signed = await signCredential(credential, key, { created: '2026-01-01T00:00:00Z' });
  const verified = await verifyCredential(signed);
  const tampered = await verifyCredential({ ...signed, credentialSubject: { id: 'did:example:learner', name: 'Someone else' } });
  return {
    backend: backend.name,
    signVerify: verified.verified,
    tamperDetected: !tampered.verified && tampered.errors[0]?.code,
  };
}

(globalThis as { __results?: Promise<unknown> }).__results = run().catch((err: Error) => ({ error: `${err.name}: ${err.message}` }));
