// Admission: what may enter a passport besides entries (which verification-cache.ts handles).
// Nothing unsigned decides what a passport holds or carries:
// - an accreditation or status-list snapshot is kept only when its eddsa-jcs-2022 proof verifies
//   by a did:key that is its own issuer (whether that issuer is trusted is the verifier's policy,
//   judged later; junk and forgeries never travel on to a verifier or an employer);
// - an exclusion record (a removal or restoration) is honoured only when it is signed by the
//   holder's own did:key and dated no later than the moment it is judged (plus a small skew), so
//   a planted "remove at 9999-12-31" neither deletes an entry nor outranks the holder's real
//   decisions.
// Signature verdicts depend only on an item's bytes, so they are cached by content id.
import { issuerIdOf } from '../entries/read-credential.js';
import type { PassportErrorCode } from '../errors.js';
import { dateTimeStampInstant, notInFuture } from '../internal/time.js';
import { verifyEddsaJcsProof } from '../proof/verify-proof.js';
import { CheckList } from '../result.js';
import { joinExclusions, uniqueSorted, type Sealed } from './state.js';
import { sealJson } from '../entries/entry-id.js';
import { findProhibited, prohibitedIn } from '../entries/prohibited.js';
import { ACCREDITATION_REVOCATION_TYPE, ACCREDITATION_TYPE } from '../trust/types.js';
import { HOLDER_DECISION_SKEW_SECONDS, type ExclusionRecord, type PassportHolder, type SectionProblem } from './types.js';

type Verdict = { ok: true; controller: string } | { ok: false; code: PassportErrorCode; message: string };

const MAX_VERDICTS = 100_000;
const verdicts = new Map<string, Verdict>();

// Time is not part of a signature verdict: the proof's own `expires` is judged against the epoch
// (never in the past), exactly as entries are admitted without their validity dates.
const TIMELESS = new Date(0);

/** The signer of a sealed item when its proof verifies (purpose assertionMethod, did:key), or why not. */
async function signatureVerdict(cid: string, document: Record<string, unknown>): Promise<Verdict> {
  const hit = verdicts.get(cid);
  if (hit) return hit;
  let verdict: Verdict;
  try {
    const checks = new CheckList();
    const outcome = await verifyEddsaJcsProof(document, checks, { expectedProofPurpose: 'assertionMethod', now: TIMELESS });
    const problem = checks.checks.find((c) => c.status !== 'pass');
    verdict =
      outcome.valid && outcome.controller !== undefined && !problem
        ? { ok: true, controller: outcome.controller }
        : { ok: false, code: problem?.code ?? 'ERR_PROOF_SIGNATURE_INVALID', message: problem?.message ?? 'The signature could not be checked.' };
  } catch {
    verdict = { ok: false, code: 'ERR_PROOF_SIGNATURE_INVALID', message: 'The signature could not be checked.' };
  }
  if (verdicts.size >= MAX_VERDICTS) verdicts.delete(verdicts.keys().next().value!);
  verdicts.set(cid, verdict);
  return verdict;
}

function typesOf(document: Record<string, unknown>): unknown[] {
  return Array.isArray(document.type) ? document.type : [document.type];
}

/** What each section admits: only material of its own type, so no other credential rides along. */
const SECTION_TYPES = {
  accreditations: {
    test: (d: Record<string, unknown>) => typesOf(d).some((t) => t === ACCREDITATION_TYPE || t === ACCREDITATION_REVOCATION_TYPE),
    what: 'an accreditation or an accreditation revocation',
  },
  statusLists: { test: (d: Record<string, unknown>) => typesOf(d).includes('BitstringStatusListCredential'), what: 'a status list credential' },
} as const;

/** Why a signed credential carried beside the entries is refused, or undefined when it is admitted. */
async function credentialRefusal(item: Sealed, section?: 'accreditations' | 'statusLists'): Promise<{ code: PassportErrorCode; message: string } | undefined> {
  // Cheapest first: the type, then the signature, then the firewall on the verified content.
  if (section !== undefined && !SECTION_TYPES[section].test(item.value)) {
    return { code: 'ERR_SCHEMA_INVALID', message: `It is not ${SECTION_TYPES[section].what}, so it does not belong in "${section}".` };
  }
  const verdict = await signatureVerdict(item.cid, item.value);
  if (!verdict.ok) return { code: verdict.code, message: `Its signature does not verify: ${verdict.message}` };
  if (verdict.controller !== issuerIdOf(item.value)) {
    return { code: 'ERR_ISSUER_KEY_MISMATCH', message: 'It was signed with a key that is not its issuer’s.' };
  }
  const prohibited = prohibitedIn(item.value);
  if (prohibited !== undefined) {
    return { code: 'ERR_PROHIBITED_DATA', message: `It carries data a passport never holds (${prohibited}).` };
  }
  return undefined;
}

/** Why an exclusion record is not honoured for `holder` at `now`, or undefined when it is. */
async function recordRefusal(record: ExclusionRecord, holder: PassportHolder, now: number): Promise<{ code: PassportErrorCode; message: string } | undefined> {
  if (!holder.startsWith('did:key:')) {
    return {
      code: 'ERR_HOLDER_BINDING',
      message: 'This passport’s holder has no key (not a did:key), so no removal or restoration can be signed for it; the record is not honoured.',
    };
  }
  // A record's reason travels with every copy: a passport never holds offence data, signed or not.
  const prohibited = typeof record.reason === 'string' ? findProhibited(record.reason) : undefined;
  if (prohibited) return { code: 'ERR_PROHIBITED_DATA', message: `Its reason contains ${prohibited.label}, which a passport never holds.` };
  const at = dateTimeStampInstant(record.at);
  if (at === undefined) return { code: 'ERR_SCHEMA_INVALID', message: 'Its date is not a real date and time.' };
  if (!notInFuture(at, now, HOLDER_DECISION_SKEW_SECONDS)) {
    return { code: 'ERR_CREDENTIAL_NOT_YET_VALID', message: 'It is dated in the future, so it is not honoured.' };
  }
  const sealed = sealJson(record);
  if (!sealed.ok) return { code: sealed.code, message: sealed.message };
  const verdict = await signatureVerdict(sealed.cid, sealed.entry);
  if (!verdict.ok) return { code: verdict.code, message: `Its signature does not verify: ${verdict.message}` };
  if (verdict.controller !== holder) {
    return { code: 'ERR_HOLDER_BINDING', message: 'It was signed by someone other than the passport’s holder, so it is not honoured.' };
  }
  return undefined;
}

/** Sections of one or more copies, each item tagged with where it came from. */
export interface SectionsToAdmit {
  holder: PassportHolder;
  exclusions: readonly { source: SectionProblem['source']; records: readonly ExclusionRecord[] }[];
  accreditations: readonly { source: SectionProblem['source']; items: readonly Sealed[] }[];
  statusLists: readonly { source: SectionProblem['source']; items: readonly Sealed[] }[];
  /** Milliseconds since the epoch: the moment holder decisions are judged against. */
  now: number;
}

/**
 * Admits the non-entry sections of the given copies: the accreditations and status lists whose
 * signature verifies by their issuer's key, and the holder's signed, current decisions (joined:
 * one winning record per CID). Everything else is listed in `problems`. Never throws on bad items.
 */
export async function admitSections(input: SectionsToAdmit): Promise<{
  exclusions: ReturnType<typeof joinExclusions>;
  accreditations: Sealed[];
  statusLists: Sealed[];
  problems: SectionProblem[];
}> {
  const problems: SectionProblem[] = [];
  const credentials = async (section: 'accreditations' | 'statusLists', lists: SectionsToAdmit['accreditations']): Promise<Sealed[]> => {
    const kept: Sealed[] = [];
    for (const { source, items } of lists) {
      const refusals = await Promise.all(items.map((item) => credentialRefusal(item, section)));
      refusals.forEach((refusal, index) => {
        if (refusal) problems.push({ source, section, index, cid: items[index]!.cid, ...refusal });
        else kept.push(items[index]!);
      });
    }
    return uniqueSorted(kept);
  };
  const accreditations = await credentials('accreditations', input.accreditations);
  const statusLists = await credentials('statusLists', input.statusLists);
  const honoured: ExclusionRecord[] = [];
  for (const { source, records } of input.exclusions) {
    const refusals = await Promise.all(records.map((r) => recordRefusal(r, input.holder, input.now)));
    refusals.forEach((refusal, index) => {
      if (refusal) problems.push({ source, section: 'exclusions', index, cid: records[index]!.cid, ...refusal });
      else honoured.push(records[index]!);
    });
  }
  return { exclusions: joinExclusions(honoured), accreditations, statusLists, problems };
}
