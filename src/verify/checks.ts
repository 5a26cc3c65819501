// The checks every credential verifier shares, whatever secures the credential: its contexts,
// its kind's schema, its validity period, and the time options they are judged with.
// verifyCredential (Data Integrity), verifyVcJwt and the presentation verifiers call them, so
// one credential is judged the same way in every form.
import { checkEntrySchema } from '../entries/validate.js';
import { assertDate, dayInWords, isDateTimeStamp, parseDateTimeStamp } from '../internal/time.js';
import { decidingProof } from '../proof/identity-proofs.js';
import type { ProofVerifier } from '../proof/proof-verifier.js';
import { knownContextSet, unknownContexts } from '../proof/vcdm-conformance.js';
import type { CheckList } from '../result.js';

/**
 * Reads and checks the `now` and `clockTolerance` options every verifier takes (default: now,
 * 60 seconds).
 *
 * @throws {TypeError} when `now` is not a valid Date or `clockTolerance` not a non-negative number
 */
export function timeOptions(options: { now?: Date; clockTolerance?: number }): { now: Date; tolerance: number } {
  const now = options.now ?? new Date();
  assertDate(now, 'options.now');
  const tolerance = options.clockTolerance ?? 60;
  if (typeof tolerance !== 'number' || !Number.isFinite(tolerance) || tolerance < 0) {
    throw new TypeError('"options.clockTolerance" must be a non-negative number of seconds');
  }
  return { now, tolerance };
}

/** "3 March 2026" for a dateTimeStamp. */
function plainDate(value: string): string {
  return dayInWords(parseDateTimeStamp(value)) ?? value;
}

/** The caller's known contexts plus those the given proof verifiers process themselves. */
export function knownContextsWith(extra: unknown, verifiers: readonly ProofVerifier[] | undefined): ReadonlySet<string> {
  const base = knownContextSet(extra);
  const fromVerifiers = (Array.isArray(verifiers) ? verifiers : []).flatMap((v) =>
    Array.isArray(v?.knownContexts) ? v.knownContexts.filter((c: unknown): c is string => typeof c === 'string') : [],
  );
  return fromVerifiers.length === 0 ? base : new Set([...base, ...fromVerifiers]);
}

/**
 * Adds the `schema` check: the entry kind's schema and the prohibited-data firewall (credentials
 * from other systems pass as kind 'external'). Returns the kind.
 */
export function checkSchema(document: Record<string, unknown>, checks: CheckList): string {
  const { kind, issues } = checkEntrySchema(document);
  if (issues.length > 0) {
    const first = issues[0]!;
    checks.fail('schema', 'ERR_SCHEMA_INVALID', `The ${kind} entry does not match its schema: ${first.path.join('.') || '(root)'}: ${first.message}.`);
  } else {
    checks.pass('schema', kind === 'external' ? 'Credential from another system; its general shape is valid.' : `The ${kind} entry matches its schema.`);
  }
  return kind;
}

/**
 * Adds the `context` check (VC 2.0 §6.3): every `@context` is one this verifier understands.
 * Unknown contexts make the check `unknown` (ERR_CONTEXT_UNKNOWN), never `pass`.
 */
export function checkKnownContexts(document: Record<string, unknown>, known: ReadonlySet<string>, checks: CheckList): void {
  const unknown = unknownContexts(document, known);
  if (unknown.length === 0) checks.pass('context', 'Every vocabulary (@context) it uses is one this verifier understands.');
  else
    checks.unknown(
      'context',
      'ERR_CONTEXT_UNKNOWN',
      `It uses a vocabulary this verifier does not know (${unknown.slice(0, 3).join(', ')}${unknown.length > 3 ? ', …' : ''}), so its meaning cannot be checked.`,
    );
}

/** Adds the validity-period check: validFrom not in the future, validUntil not in the past. */
export function checkValidityPeriod(document: Record<string, unknown>, now: Date, toleranceSeconds: number, checks: CheckList): void {
  const t = now.getTime();
  const slack = toleranceSeconds * 1000;
  const { validFrom, validUntil } = document as { validFrom?: string; validUntil?: string };
  // proof.created is as self-asserted as validFrom: a signature from the future fails the same way.
  const proof = decidingProof(document);
  const created = proof && isDateTimeStamp(proof.created) ? proof.created : undefined;
  if (created !== undefined && parseDateTimeStamp(created) - slack > t) {
    checks.fail('validity-period', 'ERR_CREDENTIAL_NOT_YET_VALID', `It claims to have been signed on ${plainDate(created)}, which is in the future.`);
  } else if (validFrom !== undefined && parseDateTimeStamp(validFrom) - slack > t) {
    checks.fail('validity-period', 'ERR_CREDENTIAL_NOT_YET_VALID', `It is not valid until ${plainDate(validFrom)}.`);
  } else if (validUntil !== undefined && parseDateTimeStamp(validUntil) + slack < t) {
    checks.fail('validity-period', 'ERR_CREDENTIAL_EXPIRED', `It expired on ${plainDate(validUntil)}.`);
  } else {
    checks.pass('validity-period', validUntil ? `It is valid until ${plainDate(validUntil)}.` : 'It is within its validity period.');
  }
}
