// Which proofs of a secured document decide it: the proofs its identity (CID) is computed over,
// and the only proofs whose failure makes the document fail. Both rules must be the same
// function, or a proof could change the identity without deciding the verdict (a third party
// appends a junk proof: same verdict, new CID) or decide the verdict without being part of the
// identity (two copies with one CID, one valid, one not).
//
// The deciding proofs are the ones this library checks itself, made by the issuer:
// - proofs in a format this library or `learning-passport/rdfc` verifies (eddsa-jcs-2022,
//   eddsa-rdfc-2022, Ed25519Signature2020) and that are not links of a proof chain
//   (`previousProof`: they sign the other proofs too, which the per-proof check cannot express);
// - of those, the ones whose verification method is named under the issuer's id
//   (`did:key:z…#z…` for `did:key:z…`), when any is: anyone can append a valid proof made with
//   their own key, and it must neither change the identity nor count as the issuer's;
// - of those, the eddsa-jcs-2022 ones when there are any: an issuer's eddsa-rdfc-2022 proof added
//   later (`addRdfcProof`) upgrades the same entry, it does not make a new one.
// Everything else in the proof set is carried along, reported, and never decides anything.
import { DATA_INTEGRITY_PROOF, EDDSA_JCS_2022 } from '../constants.js';
import { isPlainObject } from '../internal/json.js';
import { needsRdfcSubpath } from './proof-verifier.js';

/** True for a Data Integrity eddsa-jcs-2022 proof object. */
export function isJcsProof(proof: unknown): boolean {
  return isPlainObject(proof) && proof.type === DATA_INTEGRITY_PROOF && proof.cryptosuite === EDDSA_JCS_2022;
}

/** True for a proof this library can check on its own terms (a known format, not a chain link). */
function isCheckableProof(proof: unknown): proof is Record<string, unknown> {
  return isPlainObject(proof) && proof.previousProof === undefined && (isJcsProof(proof) || needsRdfcSubpath(proof));
}

/** The issuer id a document names (`issuer` or `issuer.id`), when it names one. */
function documentIssuer(document: Readonly<Record<string, unknown>>): string | undefined {
  const issuer = document.issuer;
  if (typeof issuer === 'string') return issuer;
  if (isPlainObject(issuer) && typeof issuer.id === 'string') return issuer.id;
  return undefined;
}

/** True when the proof's verification method is named under `signer` (the signer's own id or a fragment of it). */
function namedUnder(proof: Readonly<Record<string, unknown>>, signer: string | undefined): boolean {
  const vm = proof.verificationMethod;
  return signer !== undefined && typeof vm === 'string' && (vm === signer || (vm.length > signer.length && vm.startsWith(signer) && vm[signer.length] === '#'));
}

/**
 * Splits a document's proofs (an object or a list) into the deciding ones and the rest, by the
 * rules above. `signer` is the id the proofs must be named under (default: the document's
 * issuer; a presentation passes its holder). The order within each part is as found.
 *
 * @example
 * ```ts
 * const { deciding, extra } = splitProofs(entryWithProofSet);
 * // deciding: [the issuer's eddsa-jcs-2022 proof]; extra: [its eddsa-rdfc-2022 proof]
 * ```
 */
export function splitProofs(
  document: Readonly<Record<string, unknown>>,
  signer: string | undefined = documentIssuer(document),
): { deciding: unknown[]; extra: unknown[] } {
  const raw = document.proof;
  const list: unknown[] = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const checkable = list.filter(isCheckableProof);
  const named = checkable.filter((p) => namedUnder(p, signer));
  const pool = named.length > 0 ? named : checkable;
  const jcs = pool.filter(isJcsProof);
  // Nothing checkable: the document will not verify; every proof stays part of what it is.
  const deciding = pool.length === 0 ? list : jcs.length > 0 ? jcs : pool;
  const chosen = new Set<unknown>(deciding);
  return { deciding, extra: list.filter((p) => !chosen.has(p)) };
}

/**
 * The proof that speaks for a document's issuer (its first deciding proof), for reading its
 * signing key and `created` time: with a proof set, never whichever proof happens to be first.
 *
 * @example
 * ```ts
 * decidingProof(addRdfcProofResult)?.cryptosuite; // 'eddsa-jcs-2022'
 * ```
 */
export function decidingProof(document: Readonly<Record<string, unknown>>): Record<string, unknown> | undefined {
  const first = splitProofs(document).deciding[0];
  return isPlainObject(first) ? first : undefined;
}
