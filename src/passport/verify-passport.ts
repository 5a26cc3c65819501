// Verifying a whole passport: every entry through verifyCredential (options passed through
// untouched, so a trust policy added by the trust area applies to each entry), with bounded
// concurrency so the Node backend's asynchronous Ed25519 verification keeps every core busy.
import { verifyCredential, type CredentialVerificationResult } from '../verify/verify-credential.js';
import { lifecycleAuthority } from '../trust/lifecycle-authority.js';
import { contextWith, createStatusContext, createTrustContext, type FetchStatusList, type TrustCheckpoint, type TrustContext } from '../trust/trust-context.js';
import { trustOptionsOf } from '../trust/trust-options.js';
import { viewOf } from './current-view.js';
import { entryInfo } from './entry-info.js';
import { admitSections } from './admit.js';
import { sectionsOf } from './merge-core.js';
import { loadPassport, makePassport, stateOf } from './state.js';
import { timelineOf } from './timeline.js';
import { describeEntry } from '../entries/describe.js';
import { describePassport, describeVerdict, issuerTrustSkipped, lazy, type PassportCounts } from '../result.js';
import { resultSubject } from '../verify/result-subject.js';
import { verifyEntries } from './verify-in-workers.js';
import type { Passport, PassportReport, PassportReportEntry, VerifyPassportOptions } from './types.js';
import { readOptions } from '../internal/read-options.js';

// A failure in any of these means the entry's own statements (revocations, supersessions) are
// not believed. Dates and trust do not matter: an expired revocation still revokes.
const INTRINSIC = new Set(['shape', 'schema', 'signature', 'issuer-key']);

function intact(result: CredentialVerificationResult): boolean {
  return (
    result.checks.some((c) => c.check === 'signature' && c.status === 'pass') && result.checks.every((c) => !INTRINSIC.has(c.check) || c.status === 'pass')
  );
}

/**
 * Verifies every entry of a passport and derives its current state. Each entry goes through
 * verifyCredential with `options` (now, clockTolerance and, with the trust area, a policy and
 * accreditations), several at a time. Revocations and supersessions from entries that fail their
 * signature, shape, schema or issuer-key checks are ignored. Never throws on bad entries.
 *
 * A passport that was read from a file or handed over as an object is admitted first: items of
 * any section that cannot be read or verified (unreadable entries, holder fields a passport does
 * not have, forged accreditations or status lists, exclusion records the holder did not sign or
 * dated in the future) are listed in `problems`, never used, and make `verified` false.
 *
 * @param passport - the passport
 * In Node, the signature checks run on other threads (in batches) while the calling thread
 * prepares the next entries. With worker threads (ESM build) the JavaScript half of the work
 * (shape, schema, JCS, trust) uses every core too: `workers: n` starts `n`; without it, a
 * passport of 2,000 entries or more gets one per core (at most 8) on a machine with five cores or
 * more. (With fewer, the calling thread and the signature checks already keep the cores busy, and
 * workers cost more than they save: each loads the library, and entries and results are copied
 * between threads.) The
 * policy, accreditations and status lists go to the workers as data; results are identical. A
 * prepared `context`, `fetchStatusList`, `proofVerifiers` or more than four status lists keep the
 * work on the calling thread, as do browsers, the CommonJS build and `workers: 0`.
 *
 * @param options - verifyCredential options, plus `concurrency` (default 512), `canActFor` and
 *   `workers` (default: one per core for 2,000 entries or more on five cores or more, else none)
 * @returns `{ verified, verdict, headline, summary, counts, problems, entries: [{ cid, kind, state, verified, verdict, headline, checks, errors, summary, result }], view, timeline }`
 * @throws {TypeError} when `passport` is not a passport or an option has the wrong type
 * @example
 * ```ts
 * const report = await verifyPassport(passport, { now: new Date() });
 * report.verdict;              // 'valid': every current entry is valid
 * console.log(report.summary); // "12 entries: 11 current, all valid; 1 replaced by a newer entry."
 * report.counts.current;       // 11
 * // A large passport on a machine with two cores or more, in Node:
 * const same = await verifyPassport(passport, { now: new Date(), workers: 2 });
 * ```
 */
export async function verifyPassport(passport: Passport, options: VerifyPassportOptions = {}): Promise<PassportReport> {
  // Read once: a throwing getter or proxy is one TypeError, and no list can change between checks.
  options = readOptions(options);
  const { concurrency = 512, canActFor, onProgress, workers, ...credentialOptions } = options;
  if (!Number.isInteger(concurrency) || (concurrency as number) < 1) throw new TypeError('"options.concurrency" must be a positive integer');
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 0)) throw new TypeError('"options.workers" must be a non-negative integer');
  if (canActFor !== undefined && typeof canActFor !== 'function') throw new TypeError('"options.canActFor" must be a function');
  if (onProgress !== undefined && typeof onProgress !== 'function') throw new TypeError('"options.onProgress" must be a function');
  const loaded = loadPassport(passport);
  // A passport read from a file or handed over as an object has not been admitted: its sections
  // are verified here (junk and forgeries left out and reported, the holder's signed removals
  // applied) before any entry is. Anything left out means the passport is not "verified".
  const problems: PassportReport['problems'] = loaded.problems.map((x) => ({ section: x.section, index: x.index, code: x.code, message: x.message }));
  let { passport: p, state } = loaded;
  if (!state.admitted) {
    const own = sectionsOf('passport', p);
    const admitted = await admitSections({
      holder: p.holder,
      exclusions: [own.exclusions],
      accreditations: [own.accreditations],
      statusLists: [own.statusLists],
      now: (credentialOptions.now ?? new Date()).getTime(),
    });
    for (const x of admitted.problems)
      problems.push({ section: x.section, index: x.index, ...(x.cid ? { cid: x.cid } : {}), code: x.code, message: x.message });
    p = makePassport({
      holder: p.holder,
      entries: p.entries.map((value, i) => ({ cid: state.cids[i]!, value })),
      accreditations: admitted.accreditations,
      statusLists: admitted.statusLists,
      exclusions: admitted.exclusions,
    });
    state = stateOf(p)!;
  }

  // With a policy, the accreditations, status lists and checkpoints the passport carries are
  // verified once into a trust context that every entry's check then shares.
  let trust: { context: TrustContext } | undefined;
  if (credentialOptions.policy !== undefined && credentialOptions.context === undefined) {
    trust = {
      context: await createTrustContext({
        ...trustOptionsOf(credentialOptions),
        policy: credentialOptions.policy,
        accreditations: [...(credentialOptions.accreditations ?? []), ...p.accreditations],
        statusLists: [...(credentialOptions.statusLists ?? []), ...p.statusLists],
        entries: p.entries,
      }),
    };
  } else if (credentialOptions.context !== undefined) {
    // A prepared context: the lists given beside it and the passport's own are added to it for
    // this call (never dropped), as with a policy.
    trust = {
      context: await contextWith(credentialOptions.context, {
        ...trustOptionsOf(credentialOptions),
        accreditations: [...(credentialOptions.accreditations ?? []), ...p.accreditations],
        statusLists: [...(credentialOptions.statusLists ?? []), ...p.statusLists],
        entries: p.entries,
      }),
    };
  }
  // Without a policy, the status lists the passport carries (and any given) still count for the
  // entries whose own issuer signed them: shared by every entry, like a trust context.
  const status = trust
    ? undefined
    : createStatusContext({
        statusLists: [...((credentialOptions.statusLists as readonly unknown[] | undefined) ?? []), ...p.statusLists],
        ...(credentialOptions.fetchStatusList ? { fetchStatusList: credentialOptions.fetchStatusList as FetchStatusList } : {}),
        ...(typeof credentialOptions.maxStatusAge === 'number' ? { maxStatusAge: credentialOptions.maxStatusAge } : {}),
        now: (credentialOptions.now as Date | undefined) ?? new Date(),
        clockTolerance: typeof credentialOptions.clockTolerance === 'number' ? credentialOptions.clockTolerance : 60,
      });
  let done = 0;
  const progress = (): void => (onProgress as ((done: number, total: number) => void) | undefined)?.(++done, p.entries.length);
  const verifyOne = (i: number): Promise<CredentialVerificationResult> =>
    verifyCredential(p.entries[i]!, { ...credentialOptions, ...(trust ?? { context: status! }), entryCid: state.cids[i]! });
  // In worker threads where `workers` asks for them (or, without it, the passport is large and
  // the machine has the cores) and the options can be sent; otherwise here, `concurrency` at a
  // time (see verify-in-workers.ts).
  const results = await verifyEntries(p, state.cids, credentialOptions, { workers, concurrency: concurrency as number }, verifyOne, progress);
  const good = new Set<string>();
  const sound = new Set<string>();
  results.forEach((r, i) => {
    if (!intact(r)) return;
    good.add(state.cids[i]!);
    // Only copies that verify, trust included, can put another entry in conflict: an entry made
    // with a key reported compromised, or by an issuer the policy does not accept, cannot.
    if (!r.checks.some((c) => (c.check === 'issuer-trust' || c.check === 'context') && c.status !== 'pass' && c.status !== 'skipped'))
      sound.add(state.cids[i]!);
  });
  const lifecycle = canActFor ?? (trust ? lifecycleAuthority(trust.context) : undefined);
  const view = viewOf(state.cids, p.entries, { ...(lifecycle ? { canActFor: lifecycle } : {}), actsOn: (cid) => good.has(cid) }, (cid) => sound.has(cid));

  const entries: PassportReportEntry[] = results.map((result, i) => {
    const cid = state.cids[i]!;
    // The issuer's own signed status list withdraws an entry as a revocation entry does: it is
    // history, counted as withdrawn, not a current entry that is "not valid".
    const withdrawn = result.checks.some((c) => c.check === 'status' && c.status === 'fail' && c.code === 'ERR_STATUS_REVOKED');
    const viewState = view.byCid.get(cid)!.state;
    const entryState = withdrawn && viewState === 'active' ? 'revoked' : viewState;
    const { verdict, headline, summary } = describeVerdict(result.checks, {
      ...resultSubject(result),
      description: () => describeEntry(p.entries[i]),
      state: entryState,
    });
    const entry: PassportReportEntry = {
      verified: result.verified,
      verdict,
      headline: '',
      checks: result.checks,
      errors: result.errors,
      summary,
      cid,
      kind: result.kind ?? entryInfo(p.entries[i]!).kind,
      state: entryState,
      result,
    };
    // Described only when read: describing every entry of a large passport is not free.
    lazy(entry, 'headline', headline);
    return entry;
  });
  const counts: PassportCounts = {
    total: entries.length,
    current: 0,
    valid: 0,
    notValid: 0,
    cantCheck: 0,
    revoked: 0,
    superseded: 0,
    conflicts: 0,
    leftOut: problems.length,
  };
  for (const e of entries) {
    if (e.state === 'revoked') counts.revoked++;
    else if (e.state === 'superseded') counts.superseded++;
    else {
      counts.current++;
      if (e.state === 'conflict') counts.conflicts++;
      if (e.verdict === 'valid') counts.valid++;
      else if (e.verdict === 'not-valid') counts.notValid++;
      else counts.cantCheck++;
    }
  }
  // Without a trust policy the summary says who issued the entries was not checked.
  const issuerUnchecked = entries.some((e) => issuerTrustSkipped(e.checks));
  const { verdict, headline, summary } = describePassport(counts, { issuerUnchecked });
  return {
    verified: problems.length === 0 && entries.every((e) => e.verified),
    verdict,
    headline,
    summary,
    counts,
    problems,
    entries,
    view,
    timeline: timelineOf(state.cids, p.entries, view),
  };
}
