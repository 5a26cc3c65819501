// The JSON-LD contexts bundled with learning-passport/rdfc, so that canonicalization needs no
// network. Each .json file is a byte-for-byte copy of the published document (test/rdfc/
// contexts.test.ts compares them); the build inlines them into dist, so nothing reads a file at
// run time (the rdfc subpath runs in browsers too). Sources:
// - credentials-v2.json: W3C VC Data Model 2.0 (REC copy), https://www.w3.org/ns/credentials/v2
//   (w3c/vc-data-model contexts/credentials/v2, as in test/fixtures/vectors/vc-data-model/)
// - ob-3.0.1.json, ob-3.0.2.json, ob-3.0.3.json: 1EdTech Open Badges 3.0.x,
//   https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.x.json (as in test/fixtures/vectors/openbadges-3.0/)
// - data-integrity-v2.json: W3C Data Integrity v2 (npm @digitalbazaar/data-integrity-context 2.0.1),
//   https://w3id.org/security/data-integrity/v2
// - multikey-v1.json: W3C Multikey v1 (npm @digitalbazaar/multikey-context 2.0.1), https://w3id.org/security/multikey/v1
// - ed25519-2020-v1.json: W3C CCG Ed25519Signature2020 v1 (npm ed25519-signature-2020-context 1.1.0),
//   https://w3id.org/security/suites/ed25519-2020/v1
// - learning-passport-v1.json: learning-passport's own terms, to be served at
//   https://learning-passport.org/contexts/v1. `learningPassport` holds each entry kind's fields as
//   a JSON literal (`@type: @json`): the RDF canonical form carries its JCS serialization, so an
//   eddsa-rdfc-2022 proof covers every field of every kind, now and in future versions, without
//   one RDF term per field, and the kind schemas stay the single definition of the fields.
import credentialsV2 from './credentials-v2.json' with { type: 'json' };
import dataIntegrityV2 from './data-integrity-v2.json' with { type: 'json' };
import ed25519Signature2020V1 from './ed25519-2020-v1.json' with { type: 'json' };
import learningPassportV1 from './learning-passport-v1.json' with { type: 'json' };
import multikeyV1 from './multikey-v1.json' with { type: 'json' };
import openBadges301 from './ob-3.0.1.json' with { type: 'json' };
import openBadges302 from './ob-3.0.2.json' with { type: 'json' };
import openBadges303 from './ob-3.0.3.json' with { type: 'json' };

import { LEARNING_PASSPORT_CONTEXT } from '../../constants.js';

export { LEARNING_PASSPORT_CONTEXT };

/**
 * The JSON-LD contexts bundled with `learning-passport/rdfc`, by URL.
 *
 * @example
 * ```ts
 * Object.keys(BUNDLED_CONTEXTS); // ['https://www.w3.org/ns/credentials/v2', …]
 * ```
 */
export const BUNDLED_CONTEXTS: Readonly<Record<string, unknown>> = /* @__PURE__ */ Object.freeze({
  'https://www.w3.org/ns/credentials/v2': credentialsV2,
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json': openBadges301,
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json': openBadges302,
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json': openBadges303,
  'https://w3id.org/security/data-integrity/v2': dataIntegrityV2,
  'https://w3id.org/security/multikey/v1': multikeyV1,
  'https://w3id.org/security/suites/ed25519-2020/v1': ed25519Signature2020V1,
  [LEARNING_PASSPORT_CONTEXT]: learningPassportV1,
});
