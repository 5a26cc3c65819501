import credentialsV2 from './credentials-v2.js';
import dataIntegrityV2 from './data-integrity-v2.js';
import ed25519Signature2020V1 from './ed25519-2020-v1.js';
import learningPassportV1 from './learning-passport-v1.js';
import multikeyV1 from './multikey-v1.js';
import openBadges301 from './ob-3.0.1.js';
import openBadges302 from './ob-3.0.2.js';
import openBadges303 from './ob-3.0.3.js';

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
