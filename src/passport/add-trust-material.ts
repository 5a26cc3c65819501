// Stapling trust material into a passport: accreditations and status-list snapshots travel with
// the entries, so a verifier needs nothing but its roots' public keys.
import { isPlainObject } from '../internal/json.js';
import { sealJson } from './entry-id.js';
import { sealedItems } from './merge-passports.js';
import { loadPassport, makePassport, uniqueSorted, type Sealed } from './state.js';
import type { Passport } from './types.js';
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
 * the result is the same whatever order they arrive in). Items that are not signed JSON
 * credentials are left out and listed in `rejected`; signatures and issuers are checked when a
 * verifier evaluates trust, where a forged accreditation never makes an entry trusted.
 *
 * @param passport - the passport (not changed)
 * @param material - `{ accreditations?, statusLists? }`
 * @returns `{ passport, rejected }`
 * @throws {TypeError} when `passport` is not a passport or `material` is not an object of lists
 * @example
 * ```ts
 * const { passport: stapled } = addTrustMaterial(passport, { accreditations: [accreditation] });
 * await verifyPassport(stapled, { policy }); // uses the stapled accreditation offline
 * ```
 */
export function addTrustMaterial(passport: Passport, material: TrustMaterial): { passport: Passport; rejected: RejectedTrustItem[] } {
  if (!isPlainObject(material as unknown)) throw new TypeError('"material" must be an object');
  const { passport: p, state } = loadPassport(passport);
  const rejected: RejectedTrustItem[] = [];
  const take = (section: RejectedTrustItem['section'], items: readonly unknown[] | undefined): Sealed[] => {
    if (items === undefined) return [];
    if (!Array.isArray(items)) throw new TypeError(`"material.${section}" must be an array`);
    const out: Sealed[] = [];
    items.forEach((item, index) => {
      const sealed = sealJson(item);
      if (!sealed.ok) rejected.push({ section, index, code: sealed.code, message: sealed.message });
      else if (!isPlainObject(sealed.entry.proof) && !Array.isArray(sealed.entry.proof)) {
        rejected.push({ section, index, code: 'ERR_PROOF_MISSING', message: 'It is not signed.' });
      } else out.push({ cid: sealed.cid, value: sealed.entry });
    });
    return out;
  };
  const accreditations = take('accreditations', material.accreditations);
  const statusLists = take('statusLists', material.statusLists);
  return {
    passport: makePassport({
      holder: p.holder,
      entries: p.entries.map((value, i) => ({ cid: state.cids[i]!, value })),
      accreditations: uniqueSorted([...sealedItems(p.accreditations), ...accreditations]),
      statusLists: uniqueSorted([...sealedItems(p.statusLists), ...statusLists]),
      exclusions: [...p.exclusions],
    }),
    rejected,
  };
}
