// The present state of a passport, derived from the set of entries alone, so every holder of the
// same set sees the same view whatever order the entries arrived in.
//
// Rules (documented in the README):
// - A `revocation` entry withdraws the entry whose CID it names as `target`.
// - An entry whose `learningPassport.supersedes` names a CID replaces that entry.
// - Only the target's own issuer may do either (compared by issuer DID), unless `canActFor`
//   says otherwise (the trust area lets authorities act). Anything else has no effect and is
//   listed in `unauthorised`.
// - Who may act is decided in the trust area (ownKeyOnly by default, lifecycleAuthority with a
//   policy), at the time the acting entry claims. A revocation cannot be revoked unless the
//   policy allows reinstatement; a supersession that is itself revoked has no effect. Content addressing makes cycles impossible (a statement names a CID
//   that existed before it), but the walk below guards against them anyway.
// - Entries from one issuer that share a credential `id` must form one supersession chain; when
//   more than one of them is neither superseded nor revoked, those are in conflict.
import { lifecycleRequest, ownKeyOnly } from '../trust/lifecycle-request.js';
import { entryInfo, type EntryInfo } from './entry-info.js';
import { loadPassport } from './state.js';
import type {
  CanActFor,
  EntryConflict,
  EntryState,
  LifecycleIssue,
  Passport,
  PassportView,
  SignedEntry,
  ViewEntry,
  ViewOptions,
} from './types.js';


/** Internal: the view of sealed entries given with their CIDs (sorted). */
export function viewOf(cids: readonly string[], entries: readonly SignedEntry[], options: ViewOptions = {}): PassportView {
  const canActFor: CanActFor = options.canActFor ?? ownKeyOnly;
  const actsOn = options.actsOn ?? (() => true);
  const infos = new Map<string, EntryInfo>();
  const signed = new Map<string, SignedEntry>();
  for (let i = 0; i < cids.length; i++) {
    infos.set(cids[i]!, entryInfo(entries[i]!));
    signed.set(cids[i]!, entries[i]!);
  }

  const revokers = new Map<string, string[]>();
  const superseders = new Map<string, string[]>();
  const unauthorised: LifecycleIssue[] = [];
  const unresolved: PassportView['unresolved'] = [];
  const link = (cid: string, info: EntryInfo, action: 'revocation' | 'supersedes', target: string, into: Map<string, string[]>): void => {
    const targetInfo = infos.get(target);
    if (!targetInfo) {
      unresolved.push({ cid, action, target });
      return;
    }
    const allowed = target !== cid && info.issuer !== undefined && canActFor(info.issuer, lifecycleRequest(signed.get(cid), cid, signed.get(target), { cid: target, issuer: targetInfo.issuer, kind: targetInfo.kind }, action === 'revocation' ? 'revoke' : 'supersede'));
    if (!allowed) {
      unauthorised.push({
        cid,
        action,
        target,
        actor: info.issuer,
        targetIssuer: targetInfo.issuer,
        code: 'ERR_LIFECYCLE_UNAUTHORISED',
        message:
          action === 'revocation'
            ? 'This revocation was signed by someone other than the issuer of the entry it names, so it has no effect.'
            : 'This entry claims to replace an entry from a different issuer, so the replacement has no effect.',
      });
      return;
    }
    const list = into.get(target);
    if (list) list.push(cid);
    else into.set(target, [cid]);
  };
  for (const [cid, info] of infos) {
    if (!actsOn(cid)) continue;
    if (info.target !== undefined) link(cid, info, 'revocation', info.target, revokers);
    if (info.supersedes !== undefined) link(cid, info, 'supersedes', info.supersedes, superseders);
  }

  // revoked(x) = some authorised revocation of x is not itself revoked. Memoised; an iterative
  // walk would only matter for chains thousands of revocations deep.
  const revokedMemo = new Map<string, string[]>();
  const effectiveRevokers = (cid: string, visiting: Set<string>): string[] => {
    const memo = revokedMemo.get(cid);
    if (memo) return memo;
    const candidates = revokers.get(cid);
    if (!candidates) return [];
    if (visiting.has(cid)) return [];
    visiting.add(cid);
    const out = candidates.filter((r) => effectiveRevokers(r, visiting).length === 0).sort();
    visiting.delete(cid);
    revokedMemo.set(cid, out);
    return out;
  };
  const supersededBy = (cid: string): string[] =>
    (superseders.get(cid) ?? []).filter((s) => effectiveRevokers(s, new Set()).length === 0).sort();

  const viewEntries: ViewEntry[] = [];
  const byCid = new Map<string, ViewEntry>();
  for (const cid of cids) {
    const info = infos.get(cid)!;
    const revokedBy = effectiveRevokers(cid, new Set());
    const superseded = supersededBy(cid);
    const state: EntryState = revokedBy.length > 0 ? 'revoked' : superseded.length > 0 ? 'superseded' : 'active';
    const entry: ViewEntry = { cid, kind: info.kind, issuer: info.issuer, credentialId: info.credentialId, state, supersededBy: superseded, revokedBy, conflictsWith: [] };
    viewEntries.push(entry);
    byCid.set(cid, entry);
  }

  // Conflicts: same issuer and credential id, more than one head (neither superseded nor revoked).
  const groups = new Map<string, ViewEntry[]>();
  for (const entry of viewEntries) {
    if (entry.issuer === undefined || entry.credentialId === undefined || entry.state !== 'active') continue;
    const key = JSON.stringify([entry.issuer, entry.credentialId]);
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  }
  const conflicts: EntryConflict[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const groupCids = group.map((e) => e.cid);
    for (const e of group) {
      e.state = 'conflict';
      e.conflictsWith = groupCids.filter((c) => c !== e.cid);
    }
    conflicts.push({ issuer: group[0]!.issuer!, credentialId: group[0]!.credentialId!, cids: groupCids });
  }
  conflicts.sort((x, y) => (x.cids[0]! < y.cids[0]! ? -1 : 1));

  return {
    entries: viewEntries,
    byCid,
    active: viewEntries.filter((e) => e.state === 'active').map((e) => e.cid),
    conflicts,
    unauthorised,
    unresolved,
  };
}

/**
 * Derives the present state of every entry from the set of entries: `active`, `superseded`
 * (a newer entry from the same issuer names it in `supersedes`), `revoked` (its issuer signed a
 * `revocation` naming it) or `conflict` (the issuer signed another entry with the same credential
 * id and neither replaces the other). The result does not depend on the order entries arrived in.
 *
 * Revocations and supersessions signed by anyone other than the original issuer have no effect
 * and are listed in `unauthorised`; `canActFor` widens who may act (authorities, in the trust
 * area). This function does not check signatures: passports from {@link addEntries} and
 * {@link mergePassports} hold verified entries, and {@link verifyPassport} ignores statements
 * from entries that fail verification.
 *
 * @param passport - the passport
 * @param options - `canActFor(actorDid, target)`, `actsOn(cid)`
 * @returns the view: entries with their state, conflicts, and statements that had no effect
 * @throws {TypeError} when `passport` is not a passport
 * @example
 * ```ts
 * const view = currentView(passport);
 * for (const e of view.entries) if (e.state === 'superseded') console.log(`${e.cid} was corrected by ${e.supersededBy[0]}`);
 * ```
 */
export function currentView(passport: Passport, options: ViewOptions = {}): PassportView {
  if (typeof options !== 'object' || options === null) throw new TypeError('"options" must be an object');
  if (options.canActFor !== undefined && typeof options.canActFor !== 'function') throw new TypeError('"options.canActFor" must be a function');
  const { passport: p, state } = loadPassport(passport);
  return viewOf(state.cids, p.entries, options);
}
