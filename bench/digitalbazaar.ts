// The Digital Bazaar stack (@digitalbazaar/vc + data-integrity + eddsa-jcs-2022-cryptosuite),
// fully offline, for side-by-side benchmarks. The document loader and key conversion are the
// ones the interop tests use (test/fixtures/digitalbazaar.ts).
// @ts-expect-error — no type declarations
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
// @ts-expect-error — no type declarations
import { createSignCryptosuite, createVerifyCryptosuite } from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
// @ts-expect-error — no type declarations
import * as vc from '@digitalbazaar/vc';
import type { SigningKeyPair } from 'learning-passport';
import { digitalBazaarKey, offlineDocumentLoader } from '../test/fixtures/digitalbazaar.js';

/** Sign and verify functions of the Digital Bazaar stack for one of our key pairs. */
export async function digitalBazaarStack(key: SigningKeyPair) {
  const documentLoader = offlineDocumentLoader();
  const keyPair = await digitalBazaarKey(key);
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
