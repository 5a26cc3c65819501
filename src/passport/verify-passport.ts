// Verifying a whole passport: every entry through verifyCredential (options passed through
// untouched, so a trust policy added by the trust area applies to each entry), with bounded
// concurrency so the Node backend's asynchronous Ed25519 verification keeps every core busy.
import { verifyCredential, type CredentialVerificationResult } from '../verify/verify-credential.js';
import { lifecycleAuthority } from '../trust/may-act-on-entry.js';
import { createTrustContext, type TrustContext } from '../trust/trust-context.js';
import { trustOptionsOf } from '../trust/trust-options.js';
import { viewOf } from './current-view.js';
import { entryInfo } from './entry-info.js';
import { admitSections } from './admit.js';
import { sectionsOf } from './merge-core.js';
import { loadPassport, makePassport, stateOf } from './state.js';
import { timelineOf } from './timeline.js';
import { mapConcurrent } from './verification-cache.js';
import type { Passport, PassportReport, PassportReportEntry, PassportSummary, VerifyPassportOptions } from './types.js';

// A failure in any of these means the entry's own statements (revocations, supersessions) are
// not believed. Dates and trust do not matter: an expired revocation still revokes.
const INTRINSIC = new Set(['shape', 'schema', 'signature', 'issuer-key']);

function intact(result: CredentialVerificationResult): boolean {
  return result.checks.some((c) => c.check === 'signature' && c.status === 'pass')
    && result.checks.every((c) => !INTRINSIC.has(c.check) || c.status === 'pass');
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
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
 * @param options - verifyCredential options, plus `concurrency` (default 512) and `canActFor`
 * @returns `{ verified, problems, entries: [{ cid, kind, state, result }], summary, view, timeline }`
 * @throws {TypeError} when `passport` is not a passport or an option has the wrong type
 * @example
 * ```ts
 * const report = await verifyPassport(passport, { now: new Date() });
 * console.log(report.summary.message); // "12 entries: 12 valid; 1 superseded."
 * ```
 */
export async function verifyPassport(passport: Passport, options: VerifyPassportOptions = {}): Promise<PassportReport> {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) throw new TypeError('"options" must be an object');
  const { concurrency = 512, canActFor, onProgress, ...credentialOptions } = options;
  if (!Number.isInteger(concurrency) || (concurrency as number) < 1) throw new TypeError('"options.concurrency" must be a positive integer');
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
    for (const x of admitted.problems) problems.push({ section: x.section, index: x.index, ...(x.cid ? { cid: x.cid } : {}), code: x.code, message: x.message });
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
    trust = { context: credentialOptions.context };
  }
  let done = 0;
  const results = await mapConcurrent(p.entries, concurrency as number, async (entry, i) => {
    const result = await verifyCredential(entry, { ...credentialOptions, ...(trust ?? {}), entryCid: state.cids[i]! });
    onProgress?.(++done, p.entries.length);
    return result;
  });
  const good = new Set<string>();
  results.forEach((r, i) => {
    if (intact(r)) good.add(state.cids[i]!);
  });
  const lifecycle = canActFor ?? (trust ? lifecycleAuthority(trust.context) : undefined);
  const view = viewOf(state.cids, p.entries, { ...(lifecycle ? { canActFor: lifecycle } : {}), actsOn: (cid) => good.has(cid) });

  const entries: PassportReportEntry[] = results.map((result, i) => {
    const cid = state.cids[i]!;
    return { cid, kind: result.kind ?? entryInfo(p.entries[i]!).kind, state: view.byCid.get(cid)!.state, result };
  });
  const summary: PassportSummary = { total: entries.length, valid: 0, invalid: 0, unknown: 0, revoked: 0, superseded: 0, conflicts: 0, message: '' };
  for (const e of entries) {
    if (e.result.verified) summary.valid++;
    else if (e.result.checks.some((c) => c.status === 'fail')) summary.invalid++;
    else summary.unknown++;
    if (e.state === 'revoked') summary.revoked++;
    else if (e.state === 'superseded') summary.superseded++;
    else if (e.state === 'conflict') summary.conflicts++;
  }
  const parts = [`${plural(summary.total, 'entry', 'entries')}: ${summary.valid} valid`];
  if (summary.invalid) parts.push(`${summary.invalid} not valid`);
  if (summary.unknown) parts.push(`${summary.unknown} could not be checked`);
  const states: string[] = [];
  if (summary.superseded) states.push(`${summary.superseded} replaced by a newer entry`);
  if (summary.revoked) states.push(`${summary.revoked} withdrawn by the issuer`);
  if (summary.conflicts) states.push(`${summary.conflicts} in conflict`);
  summary.message = summary.total === 0 ? 'This passport has no entries.' : `${parts.join(', ')}${states.length ? `; ${states.join(', ')}` : ''}.`;

  if (problems.length > 0) {
    summary.message += ` ${plural(problems.length, 'item was', 'items were')} left out because ${problems.length === 1 ? 'it' : 'they'} could not be read or verified.`;
  }
  return {
    verified: summary.invalid === 0 && summary.unknown === 0 && problems.length === 0,
    problems,
    entries,
    summary,
    view,
    timeline: timelineOf(state.cids, p.entries, view),
  };
}
