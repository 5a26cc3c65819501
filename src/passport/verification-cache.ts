// Intake verification for add and merge: signature, VC shape, kind schema and issuer key. These
// checks depend only on the entry's bytes, so their verdict is cached by CID; the validity period
// (which depends on the clock) and trust (which depends on the verifier) are left to
// verifyPassport. An expired licence card is still a true record and merges like any other.
import type { PassportErrorCode } from '../errors.js';
import type { ProofVerifier } from '../proof/proof-verifier.js';
import { copyKey } from '../entries/entry-id.js';
import { verifyCredential } from '../verify/verify-credential.js';
import type { IntakeVerdict, VerificationCache } from './types.js';

/** The checks that decide whether an entry may enter a passport. */
const INTRINSIC = new Set(['shape', 'schema', 'signature', 'issuer-key']);

/**
 * "Can't check" verdicts that say what this verifier lacks (a proof format, a JSON-LD context, the
 * VC 1.1 data model),
 * not what is wrong with the entry: such an entry is kept, and it is never remembered in the
 * cache, so a later call with what was missing checks it.
 */
const CANNOT_CHECK_HERE = new Set(['ERR_CRYPTOSUITE_UNSUPPORTED', 'ERR_JSONLD_CONTEXT_UNAVAILABLE', 'ERR_CONTEXT_UNKNOWN']);

/**
 * Creates a bounded least-recently-used cache of intake verdicts by CID, for callers who want
 * their own (a server handling many learners, a benchmark) instead of the module-wide one.
 *
 * @param options - `max`: how many CIDs to remember (default 100,000)
 * @example
 * ```ts
 * const cache = createVerificationCache({ max: 500_000 });
 * await mergePassports(a, b, { cache });
 * ```
 */
export function createVerificationCache(options: { max?: number } = {}): VerificationCache {
  const max = options.max ?? 100_000;
  if (!Number.isInteger(max) || max < 1) throw new TypeError('"max" must be a positive integer');
  const map = new Map<string, IntakeVerdict>();
  return {
    get(cid) {
      const hit = map.get(cid);
      if (hit !== undefined) {
        // Refresh recency: Map iteration order is insertion order.
        map.delete(cid);
        map.set(cid, hit);
      }
      return hit;
    },
    set(cid, verdict) {
      map.delete(cid);
      map.set(cid, verdict);
      if (map.size > max) map.delete(map.keys().next().value!);
    },
    get size() {
      return map.size;
    },
    clear() {
      map.clear();
    },
  };
}

/** The module-wide cache used when no `cache` option is given. */
export const defaultVerificationCache: VerificationCache = /* @__PURE__ */ createVerificationCache();

const ACCEPTED: IntakeVerdict = Object.freeze({ ok: true, unresolved: false, errors: Object.freeze([]) });

/** Verifies one sealed entry for intake (no cache). */
export async function intakeVerdict(entry: Record<string, unknown>, proofVerifiers?: readonly ProofVerifier[]): Promise<IntakeVerdict> {
  const result = await verifyCredential(entry, proofVerifiers ? { proofVerifiers } : {});
  const problems = result.checks.filter((c) => INTRINSIC.has(c.check) && c.status !== 'pass');
  if (problems.length === 0) {
    // A credential with no signature check at all must never count as accepted.
    return result.checks.some((c) => c.check === 'signature' && c.status === 'pass') ? ACCEPTED : notChecked;
  }
  const noFailure = !result.checks.some((c) => c.status === 'fail' && INTRINSIC.has(c.check));
  const unresolved = problems.every((c) => c.status === 'unknown' && c.code === 'ERR_ISSUER_KEY_UNRESOLVED') && noFailure;
  const unchecked = problems.every((c) => c.status === 'unknown' && CANNOT_CHECK_HERE.has(c.code ?? '')) && noFailure;
  return Object.freeze({
    ok: false,
    unresolved,
    unchecked,
    errors: Object.freeze(problems.map((c) => ({ code: c.code as PassportErrorCode, message: c.message }))),
  });
}

const notChecked: IntakeVerdict = Object.freeze({
  ok: false,
  unresolved: false,
  errors: Object.freeze([{ code: 'ERR_PROOF_MISSING' as PassportErrorCode, message: 'The signature could not be checked.' }]),
});

/** Runs `fn` over `items` with at most `limit` calls in flight, keeping results in order. */
export async function mapConcurrent<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}

/** Verdicts for many sealed entries, using and filling the cache. */
export async function intakeVerdicts(
  items: readonly { cid: string; value: Record<string, unknown> }[],
  cache: VerificationCache,
  concurrency: number,
  proofVerifiers?: readonly ProofVerifier[],
): Promise<IntakeVerdict[]> {
  const verdicts = new Array<IntakeVerdict>(items.length);
  const misses: number[] = [];
  // Verdicts reached with extra proof verifiers are remembered apart: a caller without them must
  // still get "can't check" for an entry only they could verify.
  // Keyed by the exact copy: copies of one CID that differ in proofs or contexts that decide
  // nothing may still differ in verdict (an unsigned context tail), and one must never answer for
  // the other.
  const keyOf = (item: { cid: string; value: Record<string, unknown> }): string => {
    const key = copyKey(item.value) ?? item.cid;
    return proofVerifiers?.length ? `${key} ${proofVerifiers.map((v) => v.name).join(' ')}` : key;
  };
  for (let i = 0; i < items.length; i++) {
    const hit = cache.get(keyOf(items[i]!));
    if (hit) verdicts[i] = hit;
    else misses.push(i);
  }
  // Two copies of one unverified entry in the same batch are verified once.
  const pending = new Map<string, Promise<IntakeVerdict>>();
  await mapConcurrent(misses, concurrency, async (i) => {
    const { value } = items[i]!;
    const key = keyOf(items[i]!);
    let p = pending.get(key);
    if (!p) {
      p = intakeVerdict(value, proofVerifiers);
      pending.set(key, p);
    }
    const verdict = await p;
    // "Can't check this proof format here" depends on the caller's proofVerifiers, not on the
    // entry's bytes: not remembered, so a later call with learning-passport/rdfc checks it.
    if (!verdict.errors.some((e) => CANNOT_CHECK_HERE.has(e.code))) cache.set(key, verdict);
    verdicts[i] = verdict;
  });
  return verdicts;
}
