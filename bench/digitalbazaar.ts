// The Digital Bazaar stack (@digitalbazaar/vc + data-integrity + eddsa-jcs-2022-cryptosuite),
// set up fully offline, for side-by-side benchmarks. Contexts come from local copies; did:key
// resolves through the security document loader's did:key driver.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
// @ts-expect-error — no type declarations
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
// @ts-expect-error — no type declarations
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
// @ts-expect-error — no type declarations
import { createSignCryptosuite, createVerifyCryptosuite } from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
// @ts-expect-error — no type declarations
import { securityLoader } from '@digitalbazaar/security-document-loader';
// @ts-expect-error — no type declarations
import * as vc from '@digitalbazaar/vc';
import type { SigningKeyPair } from '../src/index.js';

const vectors = fileURLToPath(new URL('../../shared/vectors/', import.meta.url));
const json = (path: string) => JSON.parse(readFileSync(`${vectors}${path}`, 'utf8'));

/** An offline JSON-LD document loader with the VC v2 and Open Badges 3.0.3 contexts. */
export function offlineDocumentLoader(): unknown {
  const loader = securityLoader();
  loader.addStatic('https://www.w3.org/ns/credentials/v2', json('vc-data-model/contexts/credentials-v2.jsonld'));
  loader.addStatic('https://www.w3.org/ns/credentials/examples/v2', json('vc-data-model/contexts/credentials-examples-v2.jsonld'));
  loader.addStatic(
    'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    json('openbadges-3.0/context/context-3.0.3.json'),
  );
  return loader.build();
}

/** Sign and verify functions of the Digital Bazaar stack for one of our key pairs. */
export async function digitalBazaarStack(key: SigningKeyPair) {
  const documentLoader = offlineDocumentLoader();
  const keyPair = await Ed25519Multikey.from({
    '@context': 'https://w3id.org/security/multikey/v1',
    type: 'Multikey',
    id: key.verificationMethod,
    controller: key.did,
    publicKeyMultibase: key.publicKeyMultibase,
    secretKeyMultibase: key.secretKeyMultibase,
  });
  return {
    async sign(credential: object, created?: string): Promise<Record<string, unknown>> {
      const suite = new DataIntegrityProof({ signer: keyPair.signer(), cryptosuite: createSignCryptosuite(), ...(created ? { date: created } : {}) });
      return vc.issue({ credential: structuredClone(credential), suite, documentLoader });
    },
    async verify(credential: object): Promise<boolean> {
      const suite = new DataIntegrityProof({ cryptosuite: createVerifyCryptosuite() });
      const result = await vc.verifyCredential({ credential, suite, documentLoader });
      return result.verified === true;
    },
  };
}
