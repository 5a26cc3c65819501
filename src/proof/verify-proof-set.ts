// Proof sets (Data Integrity 1.0 §2.1.1) and proof formats other than eddsa-jcs-2022. Each proof
// of a set signs the document without any proof, so each is verified on its own:
// - any proof that is checked and fails makes the whole document fail (a tampered set);
// - otherwise one valid proof is enough, and proofs this verifier cannot check (a format it has
//   no verifier for, a key it cannot resolve) are named in the message but change nothing; this
//   is how Digital Bazaar's verifiers treat proofs of suites they were not given;
// - when no proof can be checked, the result is "can't check" for the formats
//   `learning-passport/rdfc` verifies, and ERR_CRYPTOSUITE_NOT_ALLOWED for any other format.
import { DATA_INTEGRITY_PROOF, EDDSA_JCS_2022 } from '../constants.js';
import { describeValue, isPlainObject } from '../internal/json.js';
import { isDateTimeStamp, parseDateTimeStamp } from '../internal/time.js';
import { CheckList } from '../result.js';
import { needsRdfcSubpath, type ProofVerdict, type ProofVerifier } from './proof-verifier.js';
import { verifySingleJcsProof, type ProofExpectations, type ProofOutcome } from './verify-single-proof.js';

/** Most proofs read from one document; more is refused (each may cost an RDF canonicalization). */
export const MAX_PROOFS = 8;

function isJcs(proof: unknown): boolean {
  return isPlainObject(proof) && proof.type === DATA_INTEGRITY_PROOF && proof.cryptosuite === EDDSA_JCS_2022;
}

/** True when `proof` is what the single-proof eddsa-jcs-2022 path handles (including missing and malformed). */
export function isSingleJcsProof(proof: unknown): boolean {
  const list = Array.isArray(proof) ? proof : [proof];
  if (list.length > 1) return false;
  return !isPlainObject(list[0]) || isJcs(list[0]);
}

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
  const { verificationMethod, proofPurpose, proofValue, created, expires } = proof;
  if (typeof verificationMethod !== 'string' || typeof proofPurpose !== 'string' || typeof proofValue !== 'string') {
    checks.fail('signature', 'ERR_PROOF_MALFORMED', `The ${verifier.name} proof lacks verificationMethod, proofPurpose or proofValue.`);
    return { valid: false };
  }
  for (const [name, value] of [['created', created], ['expires', expires]] as const) {
    if (value !== undefined && !isDateTimeStamp(value)) {
      checks.fail('signature', 'ERR_PROOF_MALFORMED', `The proof "${name}" time is not a valid date and time.`);
      return { valid: false };
    }
  }
  const outcome: ProofOutcome = { verificationMethod, valid: false, ...(typeof created === 'string' ? { created } : {}) };
  const expectedPurpose = expect.expectedProofPurpose ?? 'assertionMethod';
  if (proofPurpose !== expectedPurpose) {
    checks.fail('signature', 'ERR_PROOF_PURPOSE_MISMATCH', `The proof purpose is "${proofPurpose}" but "${expectedPurpose}" was expected.`);
    return outcome;
  }
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
  if (typeof expires === 'string') {
    const now = expect.now?.getTime() ?? Date.now();
    if (parseDateTimeStamp(expires) + (expect.clockTolerance ?? 60) * 1000 < now) {
      checks.fail('signature', 'ERR_CREDENTIAL_EXPIRED', `The signature matches, but the proof expired at ${expires}.`);
      return outcome;
    }
  }
  checks.pass('signature', `The signature matches the content (${verifier.name}).`);
  outcome.valid = true;
  if (expect.domain !== undefined) {
    const domains = Array.isArray(proof.domain) ? proof.domain : [proof.domain];
    if (domains.includes(expect.domain)) checks.pass('domain', `The presentation was made for ${expect.domain}.`);
    else checks.fail('domain', 'ERR_PRESENTATION_DOMAIN_MISMATCH', 'The presentation was made for a different website or verifier.');
  }
  if (expect.challenge !== undefined) {
    if (proof.challenge === expect.challenge) checks.pass('challenge', 'The presentation answers this request (challenge matches).');
    else checks.fail('challenge', 'ERR_PRESENTATION_CHALLENGE_MISMATCH', 'The presentation answers a different request: it may be replayed.');
  }
  return outcome;
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
  const { proof: _all, ...unsecured } = document;
  const { proofVerifiers = [], ...single } = expect;
  const tried: Tried[] = [];
  const skipped: Record<string, unknown>[] = [];
  for (const [i, proof] of list.entries()) {
    if (!isPlainObject(proof)) {
      checks.fail('signature', 'ERR_PROOF_MALFORMED', `Proof ${i + 1} of ${list.length} is not an object.`);
      return { valid: false };
    }
    const local = new CheckList();
    if (isJcs(proof)) {
      tried.push({ checks: local, outcome: await verifySingleJcsProof({ ...unsecured, proof }, local, single), label: EDDSA_JCS_2022 });
      continue;
    }
    const verifier = proofVerifiers.find((v) => v.supports(proof));
    if (verifier) tried.push({ checks: local, outcome: await verifyWith(verifier, unsecured, proof, local, single), label: verifier.name });
    else skipped.push(proof);
  }

  const copy = (t: Tried, note = ''): ProofOutcome => {
    for (const c of t.checks.checks) checks.checks.push(c.check === 'signature' && note ? { ...c, message: `${c.message.replace(/\.$/, '')}; ${note}` } : c);
    return t.outcome;
  };
  const failed = tried.find((t) => t.checks.failed);
  if (failed) return copy(failed, list.length > 1 ? `(proof ${tried.indexOf(failed) + 1} of a set of ${list.length}).` : '');
  const passed = tried.filter((t) => t.outcome.valid && t.checks.verified);
  const best = passed.find((t) => t.outcome.controller === expect.signer) ?? passed[0];
  const unchecked = [...tried.filter((t) => !passed.includes(t)).map((t) => t.label), ...skipped.map(label)];
  if (best) {
    return copy(best, unchecked.length ? `${unchecked.length === 1 ? 'another proof' : `${unchecked.length} other proofs`} (${unchecked.join(', ')}) not checked here.` : '');
  }
  const unknown = tried.find((t) => !t.outcome.valid);
  if (unknown) return copy(unknown);
  if (skipped.every(needsRdfcSubpath)) {
    checks.unknown(
      'signature',
      'ERR_CRYPTOSUITE_UNSUPPORTED',
      `The proof uses ${skipped.map(label).join(', ')}; checking it needs learning-passport/rdfc (its proofVerifiers).`,
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
