import { base58btc } from 'multiformats/bases/base58';
import { backend } from '../backend/index.js';
import { isPlainObject, snapshotJson } from '../internal/json.js';
import { assertSigningKeyPair, seedOf } from '../keys/key-pair.js';
import type { SigningKeyPair } from '../keys/types.js';
import { proofConfiguration } from '../proof/proof-config.js';
import type { DataIntegrityProof, SignOptions } from '../proof/types.js';
import { rdfcHashData } from './hash-data.js';
import { canonizerFor, type RdfcOptions } from './options.js';
import { EDDSA_RDFC_2022 } from './verify-rdfc-proof.js';

/** A Data Integrity proof made with eddsa-rdfc-2022. */
export type RdfcProof = DataIntegrityProof<typeof EDDSA_RDFC_2022>;

/** Options of {@link addRdfcProof}. */
export type AddRdfcProofOptions = SignOptions & RdfcOptions;

/**
 * Adds an eddsa-rdfc-2022 Data Integrity proof (W3C VC-DI-EdDSA §3.2) to a credential or
 * presentation. Proofs it already has stay: the result's `proof` is the list of them all (a
 * proof set), and each one signs the document without any proof, so each verifies on its own
 * — the eddsa-jcs-2022 proof with the main entry, the new one with `rdfcProofVerifiers()` and
 * with any eddsa-rdfc-2022 verifier. A document without a proof gets a single proof object.
 *
 * The document is processed in JSON-LD safe mode: every property must be defined by its
 * contexts, so the proof covers every property. Entries issued by learning-passport carry the
 * learning-passport context for their `learningPassport` fields.
 *
 * @throws {PassportError} ERR_JSONLD_INVALID (a property no context defines, naming it),
 *   ERR_JSONLD_CONTEXT_UNAVAILABLE, ERR_LIMIT_EXCEEDED
 * @throws {TypeError} when the document is not a JSON object with `@context`, or the key cannot sign
 * @example
 * ```ts
 * import { addRdfcProof } from 'learning-passport/rdfc';
 * const entry = await issueEntry('qualification', fields, { issuer, key });
 * const both = await addRdfcProof(entry, key); // proof: [eddsa-jcs-2022, eddsa-rdfc-2022]
 * ```
 */
export async function addRdfcProof<T extends object>(
  document: T,
  key: SigningKeyPair,
  options: AddRdfcProofOptions = {},
): Promise<Omit<T, 'proof'> & { proof: RdfcProof | readonly Record<string, unknown>[] }> {
  assertSigningKeyPair(key);
  const canonize = canonizerFor(options);
  const snap = snapshotJson(document);
  if (!snap.ok || !isPlainObject(snap.value)) throw new TypeError(`"document" must be a plain JSON object${snap.ok ? '' : ` (found ${snap.reason})`}`);
  const { proof: existing, ...unsecured } = snap.value;
  if (unsecured['@context'] === undefined) throw new TypeError('"document" has no "@context": eddsa-rdfc-2022 signs JSON-LD');
  const config = proofConfiguration(EDDSA_RDFC_2022, key, options);
  // VC-DI-EdDSA §3.2.5 (Proof Configuration): the configuration carries the document's @context.
  const { hashData } = await rdfcHashData(canonize, { ...config, '@context': unsecured['@context'] }, unsecured);
  const proof = { ...config, proofValue: base58btc.encode(await backend.sign(seedOf(key), hashData)) } as RdfcProof;
  const proofs = existing === undefined ? proof : [...(Array.isArray(existing) ? existing : [existing]), proof];
  return { ...(unsecured as Omit<T, 'proof'>), proof: proofs as RdfcProof | Record<string, unknown>[] };
}
