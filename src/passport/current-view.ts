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
import { cidOfBytes, entryId, identityForm } from '../entries/entry-id.js';
import { canonicalBytes } from '../proof/jcs.js';
import { splitProofs } from '../proof/identity-proofs.js';
import { lifecycleRequest, ownKeyOnly } from '../trust/lifecycle-request.js';
import { entryInfo, type EntryInfo } from './entry-info.js';
import { loadPassport } from './state.js';
import type { CanActFor, EntryConflict, EntryState, LifecycleIssue, Passport, PassportView, SignedEntry, ViewEntry, ViewOptions } from './types.js';

/**
 * Who signed an entry, as far as the entry says: the verification method of its deciding proofs
 * when one is named under the issuer (did:key issuers: always, for entries that verify), else the
 * verification methods the deciding proofs name. Two entries conflict only when the same signer
 * made both.
 */
function signerOf(entry: SignedEntry, issuer: string): string {
  const { deciding } = splitProofs(entry, issuer);
  const methods = deciding.map((p) =>
    p !== null && typeof p === 'object' && typeof (p as { verificationMethod?: unknown }).verificationMethod === 'string'
      ? (p as { verificationMethod: string }).verificationMethod
      : '',
  );
  return methods.some((m) => m === issuer || m.startsWith(`${issuer}#`)) ? issuer : [...new Set(methods)].sort().join(' ');
}

const contentKeys = new WeakMap<object, string>();

/** What an entry says, without its proofs, and who signed it: equal for every copy of one signed statement. */
function contentKey(entry: SignedEntry, issuer: string): string {
  const hit = contentKeys.get(entry);
  if (hit !== undefined) return hit;
  const { proof: _proof, ...content } = identityForm(entry);
  let key: string;
  try {
    key = `${cidOfBytes(canonicalBytes(content))} ${signerOf(entry, issuer)}`;
  } catch {
    key = `unreadable ${entryId(entry)}`;
  }
  if (Object.isFrozen(entry)) contentKeys.set(entry, key);
  return key;
}

/**
 * Classes of entries that are the same signed statement although their CIDs differ: the same
 * content signed by the same signer (the issuer's eddsa-jcs-2022 entry and a copy holding only
 * its eddsa-rdfc-2022 proof), or, among entries that verify, the same signature (RDF-equivalent
 * JSON re-encodings of an eddsa-rdfc-2022 credential: one signature cannot sign two statements).
 * A revocation or supersession of one copy applies to every copy, and copies never conflict.
 * Only entries sharing an issuer and credential id can be in one class, so the content of an
 * entry is hashed only when its credential id is not unique. Returns the members of each class
 * with more than one member, by CID (first member first).
 */
function sameStatementClasses(
  cids: readonly string[],
  infos: ReadonlyMap<string, EntryInfo>,
  signed: ReadonlyMap<string, SignedEntry>,
  actsOn: (cid: string) => boolean,
): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const cid of cids) {
    const info = infos.get(cid)!;
    if (info.issuer === undefined || info.credentialId === undefined) continue;
    const key = JSON.stringify([info.issuer, info.credentialId]);
    const group = groups.get(key);
    if (group) group.push(cid);
    else groups.set(key, [cid]);
  }
  const out = new Map<string, string[]>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const parent = new Map(group.map((c) => [c, c]));
    const find = (c: string): string => {
      let root = c;
      while (parent.get(root) !== root) root = parent.get(root)!;
      parent.set(c, root);
      return root;
    };
    const unite = (a: string, b: string): void => {
      const [x, y] = [find(a), find(b)].sort() as [string, string];
      parent.set(y, x);
    };
    const byKey = new Map<string, string>();
    for (const cid of group) {
      const entry = signed.get(cid)!;
      const issuer = infos.get(cid)!.issuer!;
      const keys = [`c ${contentKey(entry, issuer)}`];
      // A signature joins copies only when it verified: an unverified copy carrying a genuine
      // signature over other content must not tie two statements together.
      if (actsOn(cid)) {
        const values = splitProofs(entry, issuer).deciding.map((p) =>
          p !== null && typeof p === 'object' ? (p as { proofValue?: unknown }).proofValue : undefined,
        );
        if (values.length > 0 && values.every((v) => typeof v === 'string')) keys.push(`s ${[...(values as string[])].sort().join(' ')}`);
      }
      for (const key of keys) {
        const seen = byKey.get(key);
        if (seen === undefined) byKey.set(key, cid);
        else unite(seen, cid);
      }
    }
    const members = new Map<string, string[]>();
    for (const cid of group) {
      const root = find(cid);
      const list = members.get(root);
      if (list) list.push(cid);
      else members.set(root, [cid]);
    }
    for (const list of members.values()) {
      if (list.length < 2) continue;
      list.sort();
      for (const cid of list) out.set(cid, list);
    }
  }
  return out;
}

/** Internal: the view of sealed entries given with their CIDs (sorted). */
export function viewOf(
  cids: readonly string[],
  entries: readonly SignedEntry[],
  options: ViewOptions = {},
  /** Which entries may be in conflict (default: those that act). */
  conflictsOn?: (cid: string) => boolean,
): PassportView {
  const canActFor: CanActFor = options.canActFor ?? ownKeyOnly;
  const actsOn = options.actsOn ?? (() => true);
  const mayConflict = conflictsOn ?? actsOn;
  const infos = new Map<string, EntryInfo>();
  const signed = new Map<string, SignedEntry>();
  for (let i = 0; i < cids.length; i++) {
    infos.set(cids[i]!, entryInfo(entries[i]!));
    signed.set(cids[i]!, entries[i]!);
  }

  const classes = sameStatementClasses(cids, infos, signed, actsOn);
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
    const allowed =
      target !== cid &&
      info.issuer !== undefined &&
      canActFor(
        info.issuer,
        lifecycleRequest(
          signed.get(cid),
          cid,
          signed.get(target),
          { cid: target, issuer: targetInfo.issuer, kind: targetInfo.kind },
          action === 'revocation' ? 'revoke' : 'supersede',
        ),
      );
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
    // Every copy of the same statement is acted on, whichever CID the actor named.
    for (const member of classes.get(target) ?? [target]) {
      const list = into.get(member);
      if (list) list.push(cid);
      else into.set(member, [cid]);
    }
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
  const supersededBy = (cid: string): string[] => (superseders.get(cid) ?? []).filter((s) => effectiveRevokers(s, new Set()).length === 0).sort();

  const viewEntries: ViewEntry[] = [];
  const byCid = new Map<string, ViewEntry>();
  for (const cid of cids) {
    const info = infos.get(cid)!;
    const revokedBy = effectiveRevokers(cid, new Set());
    const superseded = supersededBy(cid);
    const state: EntryState = revokedBy.length > 0 ? 'revoked' : superseded.length > 0 ? 'superseded' : 'active';
    const entry: ViewEntry = {
      cid,
      kind: info.kind,
      issuer: info.issuer,
      credentialId: info.credentialId,
      state,
      supersededBy: superseded,
      revokedBy,
      conflictsWith: [],
    };
    viewEntries.push(entry);
    byCid.set(cid, entry);
  }

  // Conflicts: same issuer and credential id, more than one head (neither superseded nor revoked).
  const groups = new Map<string, ViewEntry[]>();
  for (const entry of viewEntries) {
    // Only entries that verified (actsOn) and that the issuer's own key signed can be in conflict:
    // a copy that fails, cannot be checked, or was signed by another key claiming the issuer's
    // name must never put a genuine entry in conflict.
    if (entry.issuer === undefined || entry.credentialId === undefined || entry.state !== 'active' || !mayConflict(entry.cid)) continue;
    const key = JSON.stringify([entry.issuer, entry.credentialId, signerOf(signed.get(entry.cid)!, entry.issuer)]);
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  }
  const conflicts: EntryConflict[] = [];
  for (const group of groups.values()) {
    // Copies of one statement (re-encodings the issuer signed once) are never in conflict.
    if (group.length < 2 || new Set(group.map((e) => (classes.get(e.cid) ?? [e.cid])[0])).size < 2) continue;
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
  // Entries kept without being checked (a proof format this caller could not verify) decide nothing.
  const actsOn = options.actsOn ?? (state.unchecked.size > 0 ? (cid: string) => !state.unchecked.has(cid) : undefined);
  return viewOf(state.cids, p.entries, { ...options, ...(actsOn ? { actsOn } : {}) });
}
