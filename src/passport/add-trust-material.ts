// Stapling trust material into a passport: accreditations and status-list snapshots travel with
// the entries, so a verifier needs nothing but its roots' public keys.
import { isPlainObject } from '../internal/json.js';
import { admitSections } from './admit.js';
import { sealJson } from '../entries/entry-id.js';
import { copyList, sealedItems, sectionsOf } from './merge-core.js';
import { storedCredentialProblem } from './shape.js';
import { isPlainSafe, loadPassport, makePassport, readProperty, type Sealed } from './state.js';
import type { Passport, SectionProblem } from './types.js';
import type { PassportErrorCode } from '../errors.js';

/** Trust material offered to {@link addTrustMaterial}. */
export interface TrustMaterial {
  /** Accreditation (and accreditation-revocation) credentials. */
  accreditations?: readonly unknown[];
  /** Bitstring status list credentials (snapshots). */
  statusLists?: readonly unknown[];
}

/** An item {@link addTrustMaterial} left out, and why. */
export interface RejectedTrustItem {
  section: 'accreditations' | 'statusLists';
  index: number;
  code: PassportErrorCode;
  message: string;
}

/**
 * Adds accreditations and status-list snapshots to a passport (union by content id, sorted, so
 * the result is the same whatever order they arrive in). Only signed credentials whose
 * eddsa-jcs-2022 proof verifies by their own issuer's did:key are kept; everything else is left
 * out and listed in `rejected`, so junk never travels on to a verifier. Whether an issuer is
 * trusted is still the verifier's policy: a valid accreditation from an unknown root makes no
 * entry trusted. The passport's own sections are admitted too (its problems are in `problems`).
 *
 * @param passport - the passport (not changed)
 * @param material - `{ accreditations?, statusLists? }`
 * @returns `{ passport, rejected, problems }`
 * @throws {TypeError} when `passport` is not a passport or `material` is not an object of lists
 * @example
 * ```ts
 * const { passport: stapled } = await addTrustMaterial(passport, { accreditations: [accreditation] });
 * await verifyPassport(stapled, { policy }); // uses the stapled accreditation offline
 * ```
 */
export async function addTrustMaterial(
  passport: Passport,
  material: TrustMaterial,
  options: { now?: Date } = {},
): Promise<{ passport: Passport; rejected: RejectedTrustItem[]; problems: SectionProblem[] }> {
  if (!isPlainSafe(material as unknown)) throw new TypeError('"material" must be an object');
  const { passport: p, state, problems: read } = loadPassport(passport);
  const rejected: RejectedTrustItem[] = [];
  const take = (section: RejectedTrustItem['section']): Sealed[] => {
    const items = readProperty(material, section);
    if (items === undefined) return [];
    if (!Array.isArray(items)) throw new TypeError(`"material.${section}" must be an array`);
    const out: Sealed[] = [];
    copyList(items, `material.${section}`).forEach((item, index) => {
      const sealed = sealJson(item);
      if (!sealed.ok) rejected.push({ section, index, code: sealed.code, message: sealed.message });
      else if (storedCredentialProblem(sealed.entry)) {
        rejected.push({ section, index, code: 'ERR_PROOF_MISSING', message: 'It is not a signed credential.' });
      } else out.push({ cid: sealed.cid, value: sealed.entry });
    });
    return out;
  };
  const accreditations = take('accreditations');
  const statusLists = take('statusLists');
  const own = sectionsOf('passport', p);
  const admitted = await admitSections({
    holder: p.holder,
    exclusions: [own.exclusions],
    accreditations: [own.accreditations, { source: 'incoming', items: accreditations }],
    statusLists: [own.statusLists, { source: 'incoming', items: statusLists }],
    now: (options.now ?? new Date()).getTime(),
  });
  const problems: SectionProblem[] = [];
  for (const x of admitted.problems) {
    if (x.source === 'incoming' && x.section !== 'exclusions' && x.section !== 'holder') {
      const list = x.section === 'accreditations' ? accreditations : statusLists;
      const item = list[x.index]!;
      // Report the caller's index, not the position among the items that were signed credentials.
      rejected.push({ section: x.section, index: indexOf(material, x.section, item), code: x.code, message: x.message });
    } else problems.push(x);
  }
  for (const x of read)
    if (x.section !== 'entries') problems.push({ source: 'passport', section: x.section, index: x.index, code: x.code, message: x.message });
  return {
    passport: makePassport(
      {
        holder: p.holder,
        entries: p.entries.map((value, i) => ({ cid: state.cids[i]!, value })),
        accreditations: admitted.accreditations,
        statusLists: admitted.statusLists,
        exclusions: admitted.exclusions,
      },
      state.admitted,
    ),
    rejected: rejected.sort((x, y) => (x.section < y.section ? -1 : x.section > y.section ? 1 : x.index - y.index)),
    problems,
  };
}

function indexOf(material: TrustMaterial, section: 'accreditations' | 'statusLists', item: Sealed): number {
  const list = readProperty(material, section) as readonly unknown[];
  for (let i = 0; i < list.length; i++) {
    const sealed = sealJson(readProperty(list, i));
    if (sealed.ok && sealed.cid === item.cid) return i;
  }
  return -1;
}
