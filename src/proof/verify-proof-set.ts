// Proof sets (Data Integrity 1.0 §2.1.1) and proof formats other than eddsa-jcs-2022. Each proof
// of a set signs the document without any proof, so each is verified on its own. Only the
// *deciding* proofs (proof/identity-proofs.ts: the issuer's proofs in a format checked here, the
// eddsa-jcs-2022 ones when there are any) decide the verdict, the same proofs the entry's identity
// is computed over:
// - a deciding proof that is checked and fails makes the whole document fail (a tampered set);
// - otherwise one valid deciding proof is enough;
// - when no deciding proof can be checked, the result is "can't check" for the formats
//   `learning-passport/rdfc` verifies (and for proof chains), and ERR_CRYPTOSUITE_NOT_ALLOWED for
//   any other format.
// The other proofs (the issuer's eddsa-rdfc-2022 proof beside its eddsa-jcs-2022 one, proofs by
// other keys or in other formats, chain links) are checked when a verifier for them was given, and
// what was found is named in the message, but they change nothing: anyone can append a proof, so
// an appended proof can neither make a genuine document fail nor give it a second identity.
import { EDDSA_JCS_2022 } from '../constants.js';
import { describeValue, isPlainObject } from '../internal/json.js';
import { CheckList } from '../result.js';
import { isJcsProof, splitProofs } from './identity-proofs.js';
import { checkDomainAndChallenge, checkProofExpiry, checkProofHeader, MAX_PROOFS } from './proof-checks.js';
import { needsRdfcSubpath, type ProofVerdict, type ProofVerifier } from './proof-verifier.js';
import type { ProofExpectations, ProofOutcome } from './types.js';
import { verifySingleJcsProof } from './verify-single-proof.js';

function label(proof: Record<string, unknown>): string {
  return typeof proof.cryptosuite === 'string' ? proof.cryptosuite : describeValue(proof.type);
}

interface Tried {
  checks: CheckList;
  outcome: ProofOutcome;
  label: string;
}

/** Purpose, dates, the verifier itself, then expiry, domain and challenge: as the eddsa-jcs-2022 path does. */
async function verifyWith(
  verifier: ProofVerifier,
  unsecured: Record<string, unknown>,
  proof: Record<string, unknown>,
  checks: CheckList,
  expect: ProofExpectations,
): Promise<ProofOutcome> {
  const { outcome, ok } = checkProofHeader(proof, expect, checks, `${verifier.name} proof`);
  if (!ok) return outcome;
  let verdict: ProofVerdict;
  try {
    verdict = await verifier.verify(unsecured, proof);
  } catch {
    verdict = { valid: false, status: 'fail', code: 'ERR_PROOF_SIGNATURE_INVALID', message: `The ${verifier.name} proof could not be verified.` };
  }
  if (verdict.controller !== undefined) outcome.controller = verdict.controller;
  if (!verdict.valid) {
    if (verdict.status === 'unknown') checks.unknown('signature', verdict.code, verdict.message);
    else checks.fail('signature', verdict.code, verdict.message);
    return outcome;
  }
  if (!checkProofExpiry(proof.expires, expect, checks)) return outcome;
  checks.pass('signature', `The signature matches the content (${verifier.name}).`);
  outcome.valid = true;
  checkDomainAndChallenge(proof, expect, checks);
  return outcome;
}

/** Checks one proof with the built-in eddsa-jcs-2022 check or a supplied verifier; undefined when nothing here can. */
async function tryProof(
  proof: Record<string, unknown>,
  unsecured: Record<string, unknown>,
  verifiers: readonly ProofVerifier[],
  single: ProofExpectations,
): Promise<Tried | undefined> {
  if (proof.previousProof !== undefined) return undefined;
  const local = new CheckList();
  if (isJcsProof(proof)) return { checks: local, outcome: await verifySingleJcsProof({ ...unsecured, proof }, local, single), label: EDDSA_JCS_2022 };
  const verifier = verifiers.find((v) => v.supports(proof));
  if (!verifier) return undefined;
  return { checks: local, outcome: await verifyWith(verifier, unsecured, proof, local, single), label: verifier.name };
}

function why(t: Tried): string {
  const problem = t.checks.firstProblem;
  return problem ? problem.message.replace(/\.$/, '') : 'not checked';
}

/** What a proof that decided nothing was found to be, for the message. */
function extraNote(proof: Record<string, unknown>, tried: Tried | undefined): string {
  if (proof.previousProof !== undefined) return `${label(proof)}: a link of a proof chain, which is not verified here`;
  if (!tried) return needsRdfcSubpath(proof) ? `${label(proof)}: needs learning-passport/rdfc` : `${label(proof)}: a format not checked here`;
  if (tried.outcome.valid && tried.checks.verified) return `${tried.label}: also valid`;
  return `${tried.label}: ${tried.checks.failed ? 'does not verify' : 'could not be checked'} (${why(tried)})`;
}

/**
 * Verifies every proof of `document.proof` (an object or a list) with the built-in
 * eddsa-jcs-2022 verifier or one of `expect.proofVerifiers`, and adds the combined checks.
 */
export async function verifyProofSet(document: Record<string, unknown>, checks: CheckList, expect: ProofExpectations): Promise<ProofOutcome> {
  const list = Array.isArray(document.proof) ? document.proof : [document.proof];
  if (list.length > MAX_PROOFS) {
    checks.fail('signature', 'ERR_LIMIT_EXCEEDED', `The document has ${list.length} proofs; at most ${MAX_PROOFS} are read.`);
    return { valid: false };
  }
  // The same proof twice adds nothing and would give one credential two content addresses.
  const values = list.map((p) => (isPlainObject(p) ? p.proofValue : undefined)).filter((v) => v !== undefined);
  if (new Set(values.map((v) => JSON.stringify(v))).size !== values.length) {
    checks.fail('signature', 'ERR_PROOF_MALFORMED', 'The proof set holds the same proof more than once.');
    return { valid: false };
  }
  for (const [i, proof] of list.entries()) {
    if (!isPlainObject(proof)) {
      checks.fail('signature', 'ERR_PROOF_MALFORMED', `Proof ${i + 1} of ${list.length} is not an object.`);
      return { valid: false };
    }
  }
  const { proof: _all, ...unsecured } = document;
  const { proofVerifiers = [], ...single } = expect;
  const { deciding, extra } = splitProofs(document, expect.signer) as { deciding: Record<string, unknown>[]; extra: Record<string, unknown>[] };
  const tried: Tried[] = [];
  const skipped: Record<string, unknown>[] = [];
  for (const proof of deciding) {
    const t = await tryProof(proof, unsecured, proofVerifiers, single);
    if (t) tried.push(t);
    else skipped.push(proof);
  }

  const copy = (t: Tried, note = ''): ProofOutcome => {
    for (const c of t.checks.checks) checks.checks.push(c.check === 'signature' && note ? { ...c, message: `${c.message.replace(/\.$/, '')}; ${note}` } : c);
    return t.outcome;
  };
  const failed = tried.find((t) => t.checks.failed);
  if (failed) return copy(failed, list.length > 1 ? `(proof ${list.indexOf(deciding[tried.indexOf(failed)]!) + 1} of a set of ${list.length}).` : '');
  const passed = tried.filter((t) => t.outcome.valid && t.checks.verified);
  const best = passed.find((t) => t.outcome.controller === expect.signer) ?? passed[0];
  if (best) {
    // The other proofs are looked at only once the document is known to be intact, and only
    // those a verifier was given for: each may cost an RDF canonicalization.
    const notes = [
      ...tried.filter((t) => t !== best).map((t) => (passed.includes(t) ? `${t.label}: also valid` : `${t.label}: could not be checked (${why(t)})`)),
      ...skipped.map((p) => extraNote(p, undefined)),
    ];
    for (const proof of extra) notes.push(extraNote(proof, await tryProof(proof, unsecured, proofVerifiers, single)));
    return copy(best, notes.length ? `other proofs of the set, which decide nothing here: ${notes.join('; ')}.` : '');
  }
  const unknown = tried.find((t) => !t.outcome.valid);
  if (unknown) return copy(unknown);
  if (skipped.some((p) => p.previousProof !== undefined)) {
    checks.unknown('signature', 'ERR_CRYPTOSUITE_UNSUPPORTED', 'The document is secured with a proof chain (previousProof), which is not verified here.');
  } else if (skipped.every(needsRdfcSubpath)) {
    checks.unknown(
      'signature',
      'ERR_CRYPTOSUITE_UNSUPPORTED',
      `The proof uses ${skipped.map(label).join(', ')}; checking it needs learning-passport/rdfc (its proofVerifiers; on the command line, --rdfc).`,
    );
  } else {
    const other = skipped.find((p) => !needsRdfcSubpath(p))!;
    checks.fail(
      'signature',
      'ERR_CRYPTOSUITE_NOT_ALLOWED',
      `The proof uses ${describeValue(other.type)} / ${describeValue(other.cryptosuite)}; only DataIntegrityProof with eddsa-jcs-2022 is accepted (and eddsa-rdfc-2022 or Ed25519Signature2020 with learning-passport/rdfc).`,
    );
  }
  return { valid: false };
}
