// Verify Proof for eddsa-rdfc-2022 (VC-DI-EdDSA §3.2.2) and Ed25519Signature2020 (§4): the same
// transformation (RDFC-1.0 in JSON-LD safe mode) and hashing; they differ only in how the proof
// names itself. Purpose, dates, challenge and domain are checked by the caller around this
// (see the main entry's proof-set verification), as for every format.
import { backend, type PublicKeyHandle } from '../backend/index.js';
import { isPassportError } from '../errors.js';
import { isPlainObject } from '../internal/json.js';
import { decodeBase58Multibase, decodePublicKeyMultibase } from '../keys/multikey.js';
import { controllerOfVerificationMethod, publicKeyForVerificationMethod } from '../proof/key-cache.js';
import type { ProofVerdict, ProofVerifier } from '../proof/proof-verifier.js';
import type { Canonize } from './canonize.js';
import { rdfcHashData } from './hash-data.js';
import { canonizerFor, type KnownVerificationMethod, type RdfcOptions } from './options.js';
import { BUNDLED_CONTEXTS } from './contexts/index.js';

/** The cryptosuite name of eddsa-rdfc-2022. */
export const EDDSA_RDFC_2022 = 'eddsa-rdfc-2022' as const;
/** The legacy proof type verified (not produced) by `learning-passport/rdfc`. */
export const ED25519_SIGNATURE_2020 = 'Ed25519Signature2020' as const;

function startsWithContexts(documentContext: unknown, proofContext: unknown): boolean {
  const doc = Array.isArray(documentContext) ? documentContext : [documentContext];
  const proof = Array.isArray(proofContext) ? proofContext : [proofContext];
  return proof.length <= doc.length && proof.every((value, i) => JSON.stringify(value) === JSON.stringify(doc[i]));
}

type KeyLookup = (id: string) => Promise<{ key: PublicKeyHandle; controller: string } | undefined>;

function keyLookup(known: readonly KnownVerificationMethod[] = []): KeyLookup {
  if (!Array.isArray(known)) throw new TypeError('"options.verificationMethods" must be a list of { id, controller, publicKeyMultibase }');
  const byId = new Map<string, { controller: string; publicKey: Uint8Array }>();
  for (const vm of known) {
    if (!isPlainObject(vm) || typeof vm.id !== 'string' || typeof vm.controller !== 'string') {
      throw new TypeError('"options.verificationMethods" must be a list of { id, controller, publicKeyMultibase }');
    }
    byId.set(vm.id, { controller: vm.controller, publicKey: decodePublicKeyMultibase(vm.publicKeyMultibase) });
  }
  return async (id) => {
    const vm = byId.get(id);
    if (vm) return { key: await backend.importPublicKey(vm.publicKey), controller: vm.controller };
    if (!id.startsWith('did:key:')) return undefined;
    return { key: await publicKeyForVerificationMethod(id), controller: controllerOfVerificationMethod(id) };
  };
}

async function verifyRdfcSignature(
  name: string,
  canonize: Canonize,
  lookup: KeyLookup,
  document: Readonly<Record<string, unknown>>,
  proof: Readonly<Record<string, unknown>>,
): Promise<ProofVerdict> {
  const { proofValue, ...options } = proof;
  const verificationMethod = proof.verificationMethod as string;
  let signer: Awaited<ReturnType<KeyLookup>>;
  try {
    signer = await lookup(verificationMethod);
  } catch (err) {
    return {
      valid: false,
      status: 'fail',
      code: isPassportError(err) ? err.code : 'ERR_KEY_INVALID',
      message: `The ${name} signing key cannot be used.`,
      verificationMethod,
    };
  }
  if (!signer) {
    return {
      valid: false,
      status: 'unknown',
      code: 'ERR_ISSUER_KEY_UNRESOLVED',
      message: `The ${name} signing key ${verificationMethod.slice(0, 200)} is not a did:key and was not supplied (verificationMethods), so it cannot be resolved offline.`,
      verificationMethod,
    };
  }
  const base = { verificationMethod, controller: signer.controller };
  let signature: Uint8Array;
  try {
    signature = decodeBase58Multibase(proofValue, 'proofValue');
  } catch {
    return {
      valid: false,
      status: 'fail',
      code: 'ERR_MULTIBASE_INVALID',
      message: 'The proofValue is not a base58btc multibase signature ("z…", at most 128 characters).',
      ...base,
    };
  }
  if (signature.length !== 64)
    return { valid: false, status: 'fail', code: 'ERR_PROOF_MALFORMED', message: 'The proofValue is not a 64-byte Ed25519 signature.', ...base };

  // Verify Proof steps 1–4: the unsecured document takes the proof's @context when it has one,
  // which the document's must start with; the proof configuration carries that @context.
  const unsecured: Record<string, unknown> = { ...document };
  if (options['@context'] !== undefined) {
    if (!startsWithContexts(document['@context'], options['@context'])) {
      return {
        valid: false,
        status: 'fail',
        code: 'ERR_PROOF_CONTEXT_MISMATCH',
        message: 'The document @context does not start with the proof @context.',
        ...base,
      };
    }
    unsecured['@context'] = options['@context'];
  }
  const proofConfig = { ...options, '@context': unsecured['@context'] };
  let valid: boolean;
  try {
    const { hashData } = await rdfcHashData(canonize, proofConfig, unsecured);
    valid = await backend.verify(signer.key, signature, hashData);
  } catch (err) {
    if (isPassportError(err)) {
      // A context not available offline, or a document over the processing budget: not checked, not forged.
      const unknown = err.code === 'ERR_JSONLD_CONTEXT_UNAVAILABLE' || err.code === 'ERR_LIMIT_EXCEEDED';
      return { valid: false, status: unknown ? 'unknown' : 'fail', code: err.code, message: `${err.message}.`, ...base };
    }
    return { valid: false, status: 'fail', code: 'ERR_PROOF_SIGNATURE_INVALID', message: `The ${name} proof could not be verified.`, ...base };
  }
  if (!valid) {
    return {
      valid: false,
      status: 'fail',
      code: 'ERR_PROOF_SIGNATURE_INVALID',
      message: 'The signature does not match the content: it was changed or signed by another key.',
      ...base,
    };
  }
  return { valid: true, ...base };
}

/**
 * The proof verifiers of `learning-passport/rdfc`: eddsa-rdfc-2022 and Ed25519Signature2020
 * (verify only). Pass them as `proofVerifiers` to verifyCredential, verifyPresentation,
 * addEntries, mergePassports or verifyPassport. JSON-LD is processed in safe mode with the
 * bundled contexts only (plus `contexts` and `fallbackLoader` when given): no network.
 *
 * @throws {TypeError} for malformed options; {PassportError} ERR_KEY_INVALID for a bad supplied key
 * @example
 * ```ts
 * import { verifyCredential } from 'learning-passport';
 * import { rdfcProofVerifiers } from 'learning-passport/rdfc';
 *
 * const result = await verifyCredential(openBadge, { proofVerifiers: rdfcProofVerifiers() });
 * ```
 */
export function rdfcProofVerifiers(options: RdfcOptions = {}): ProofVerifier[] {
  const canonize = canonizerFor(options);
  const lookup = keyLookup(options.verificationMethods);
  // The contexts these verifiers process themselves count as known to whoever is given them.
  const knownContexts = Object.freeze([...Object.keys(BUNDLED_CONTEXTS), ...Object.keys(options.contexts ?? {})]);
  return [
    {
      name: EDDSA_RDFC_2022,
      knownContexts,
      supports: (proof) => proof.type === 'DataIntegrityProof' && proof.cryptosuite === EDDSA_RDFC_2022,
      verify: (document, proof) => verifyRdfcSignature(EDDSA_RDFC_2022, canonize, lookup, document, proof),
    },
    {
      name: ED25519_SIGNATURE_2020,
      knownContexts,
      supports: (proof) => proof.type === ED25519_SIGNATURE_2020,
      verify: (document, proof) => verifyRdfcSignature(ED25519_SIGNATURE_2020, canonize, lookup, document, proof),
    },
  ];
}
