import { backend } from '../backend/index.js';
import { EDDSA_JCS_2022 } from '../constants.js';
import { PassportError } from '../errors.js';
import { base58btcMultibase } from '../internal/base58.js';
import { snapshotJson } from '../internal/json.js';
import { assertSigningKeyPair, seedOf } from '../keys/key-pair.js';
import type { SigningKeyPair } from '../keys/types.js';
import { eddsaJcsHashData } from './hash-data.js';
import { proofConfiguration } from './proof-config.js';
import type { DataIntegrityProof, Signed, SignedWithProofArray, SignOptions } from './types.js';
import { describeViolations, vcdmViolations } from './vcdm-conformance.js';

/**
 * Secures a credential (or presentation) with a Data Integrity proof, cryptosuite
 * eddsa-jcs-2022, exactly as W3C VC-DI-EdDSA §3.3 specifies: the proof configuration carries
 * the document's `@context`, the signed bytes are SHA-256(JCS(proof configuration)) followed by
 * SHA-256(JCS(document)), and `proofValue` is base58btc with the `z` prefix.
 *
 * The input is not modified; a signed copy is returned. It refuses a document that breaks a MUST
 * of W3C VC Data Model 2.0 (a credential, or a presentation when its `type` says so), so it never
 * signs what a conforming verifier must reject; `unsafeSkipConformance: true` is the low-level
 * escape hatch for deliberately invalid test documents. With `proofAsArray: true` the proof is
 * emitted as `[proof]`, the shape the Open Badges 3.0 JSON Schema requires.
 *
 * @throws {TypeError} when the document is not a JSON object, already has a proof, or the key cannot sign
 * @throws {PassportError} ERR_SCHEMA_INVALID when the document breaks VC Data Model 2.0 (`details.issues`, each with its `rule`)
 * @throws {PassportError} ERR_CANONICALIZATION_FAILED
 * @example
 * ```ts
 * const signed = await signCredential(credential, key, { created: '2026-03-03T10:00:00Z' });
 * signed.proof.proofValue; // 'z…'
 * const forOpenBadges = await signCredential(credential, key, { proofAsArray: true });
 * forOpenBadges.proof[0].proofValue; // 'z…'
 * ```
 */
export async function signCredential<T extends object>(
  credential: T,
  key: SigningKeyPair,
  options: SignOptions & { proofAsArray: true },
): Promise<SignedWithProofArray<T>>;
export async function signCredential<T extends object>(credential: T, key: SigningKeyPair, options?: SignOptions): Promise<Signed<T>>;
export async function signCredential<T extends object>(
  credential: T,
  key: SigningKeyPair,
  options: SignOptions = {},
): Promise<Signed<T> | SignedWithProofArray<T>> {
  assertSigningKeyPair(key);
  const snap = snapshotJson(credential);
  if (!snap.ok || typeof snap.value !== 'object' || snap.value === null || Array.isArray(snap.value)) {
    throw new TypeError(`"credential" must be a plain JSON object${snap.ok ? '' : ` (found ${snap.reason})`}`);
  }
  const document = snap.value as Record<string, unknown>;
  if ('proof' in document) throw new TypeError('"credential" already has a proof; sign the unsecured document');
  if (options.unsafeSkipConformance !== true) {
    const violations = vcdmViolations(document);
    if (violations.length > 0) {
      throw new PassportError('ERR_SCHEMA_INVALID', `refusing to sign: the document breaks W3C VC Data Model 2.0: ${describeViolations(violations)}`, {
        details: { issues: violations.map(({ path, message, rule }) => ({ path, message, rule })) },
      });
    }
  }
  const proofConfig: Omit<DataIntegrityProof, 'proofValue'> = proofConfiguration(EDDSA_JCS_2022, key, options);
  // VC-DI-EdDSA §3.3.1 step 2: the proof configuration carries the document's @context.
  if (document['@context'] !== undefined) proofConfig['@context'] = document['@context'];

  const hashData = await eddsaJcsHashData(proofConfig, document);
  const signature = await backend.sign(seedOf(key), hashData);
  const proof = { ...proofConfig, proofValue: base58btcMultibase(signature) } as DataIntegrityProof;
  if (!proof.proofValue.startsWith('z')) throw new PassportError('ERR_PROOF_MALFORMED', 'unexpected proof encoding');
  return { ...(document as T), proof: options.proofAsArray === true ? [proof] : proof } as Signed<T> | SignedWithProofArray<T>;
}
