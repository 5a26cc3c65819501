// A holder's Verifiable Presentation (VC 2.0 §4.13) secured with a Data Integrity proof,
// eddsa-jcs-2022, proof purpose `authentication`, bound to the verifier's challenge and domain.
import { VC_V2_CONTEXT } from '../constants.js';
import { isPlainObject } from '../internal/json.js';
import { signCredential } from '../proof/sign-credential.js';
import { isCustodyRole } from '../keys/types.js';
import { credentialIdOf } from '../entries/read-credential.js';
import { contentIdOf } from './entry-facts.js';
import type { DisclosureWarning } from './lint-disclosure.js';
import { assertPresentationRequest, selectPresentedEntries } from './presentation-request.js';
import type { EntrySelection, ExcludedEntry } from './select-entries.js';
import type { CreatePresentationInput, PresentationDocument, VerifiablePresentation } from './types.js';

/** What {@link createPresentation} returns. */
export interface CreatePresentationResult {
  presentation: VerifiablePresentation;
  /** Entries left out, with reasons the holder can read. */
  excluded: ExcludedEntry[];
  /** Linter findings on what is shared (after any explicit `include`). */
  warnings: DisclosureWarning[];
  /** Entries shared only because the holder included them: keep this as the local share log (P2, P12). */
  overrides: EntrySelection['overrides'];
}

/** True when an accreditation vouches for a custody role (prison, probation) or a custody-associated issuer. */
function isCustodyAccreditation(accreditation: Record<string, unknown>): boolean {
  const subjects = Array.isArray(accreditation.credentialSubject) ? accreditation.credentialSubject : [accreditation.credentialSubject];
  return subjects.some((s) => isPlainObject(s) && (isCustodyRole(s.role) || s.custodyAssociated === true));
}

function didOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return isPlainObject(value) && typeof value.id === 'string' ? value.id : undefined;
}

/**
 * The accreditations on the chains of the shared entries' issuers: those whose subject is an
 * issuer of a shared entry, then those of their accreditors, and so on up to the roots.
 * An accreditation naming a custody role, or signed by an organisation with one, goes only when
 * that organisation is in `custodyAllowed` (for an employer: issuers of entries the holder
 * explicitly included); the rest never travel, even as a link in another issuer's chain.
 */
function accreditationsFor(
  entries: readonly Record<string, unknown>[],
  accreditations: readonly unknown[],
  custodyAllowed: (subject: string) => boolean,
): Record<string, unknown>[] {
  const wanted = new Set(entries.map((e) => didOf(e.issuer)).filter((d): d is string => d !== undefined));
  // Organisations with a custody role: an accreditation they signed names them as its issuer,
  // so it is custody context too (and useless without theirs, which stays home).
  const custodyDids = new Set(
    accreditations.filter((a): a is Record<string, unknown> => isPlainObject(a) && isCustodyAccreditation(a)).map((a) => didOf(a.credentialSubject)),
  );
  const chosen = new Set<Record<string, unknown>>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const a of accreditations) {
      if (!isPlainObject(a) || chosen.has(a)) continue;
      const subject = didOf(a.credentialSubject);
      if (subject === undefined || !wanted.has(subject)) continue;
      if (isCustodyAccreditation(a) && !custodyAllowed(subject)) continue;
      const by = didOf(a.issuer);
      if (by !== undefined && custodyDids.has(by) && !custodyAllowed(by)) continue;
      chosen.add(a);
      const accreditor = didOf(a.issuer);
      if (accreditor !== undefined) wanted.add(accreditor);
      grew = true;
    }
  }
  return accreditations.filter((a): a is Record<string, unknown> => chosen.has(a as Record<string, unknown>));
}

/**
 * The accreditations a presentation carries: those on the chains of the shared entries'
 * issuers. For an employer, one naming a custody role travels only with an entry of that issuer
 * the holder explicitly included (recorded in `overrides`).
 */
function carriedAccreditations(input: CreatePresentationInput, selection: EntrySelection): Record<string, unknown>[] {
  const explicit = new Set(selection.overrides.flatMap((o) => [o.entryId, o.id]).filter((v): v is string => v !== undefined));
  const explicitIssuers = new Set(
    selection.selected
      .filter((e) => {
        const cid = contentIdOf(e);
        const id = credentialIdOf(e);
        return (cid !== undefined && explicit.has(cid)) || (id !== undefined && explicit.has(id));
      })
      .map((e) => didOf(e.issuer))
      .filter((d): d is string => d !== undefined),
  );
  const custodyAllowed = input.audience === 'employer' ? (subject: string) => explicitIssuers.has(subject) : () => true;
  return accreditationsFor(selection.selected, input.accreditations ?? [], custodyAllowed);
}

/**
 * Builds and signs a Verifiable Presentation of the holder's entries for one verifier request:
 * `{ '@context': [VC 2.0], type: ['VerifiablePresentation'], holder, verifiableCredential,
 * proof }` with a DataIntegrityProof (eddsa-jcs-2022, proofPurpose `authentication`, the
 * verifier's `challenge` and `domain`). For the `employer` audience, custody-context entries,
 * entries signed under a custody role (known from `accreditations`, which the linter always
 * reads) and entries the linter finds custody-revealing are left out unless named in
 * `include`; an accreditation naming a custody role travels only with such an included entry.
 * Special category entries are never added automatically.
 *
 * @throws {TypeError} when `challenge` or `domain` is missing or empty, the audience is unknown, or the key cannot sign
 * @example
 * ```ts
 * const { presentation, excluded, warnings } = await createPresentation({
 *   holderKey, entries: passport.entries, audience: 'employer',
 *   challenge: 'b4f1…', domain: 'jobs.example.co.uk',
 *   accreditations: passport.accreditations, // carried, and read by the linter
 * });
 * ```
 */
export async function createPresentation(input: CreatePresentationInput): Promise<CreatePresentationResult> {
  assertPresentationRequest(input);
  const selection = selectPresentedEntries(input);
  const carried = carriedAccreditations(input, selection);
  const document: PresentationDocument = {
    '@context': [VC_V2_CONTEXT],
    type: ['VerifiablePresentation'],
    holder: input.holderKey.did,
    // VC 2.0: verifiableCredential, when present, holds one or more credentials.
    ...(selection.selected.length > 0 ? { verifiableCredential: selection.selected } : {}),
    ...(carried.length > 0 ? { accreditations: carried } : {}),
  };
  const presentation = await signCredential(document, input.holderKey, {
    proofPurpose: 'authentication',
    challenge: input.challenge,
    domain: input.domain,
    ...(input.created !== undefined ? { created: input.created } : {}),
  });
  return { presentation, excluded: selection.excluded, warnings: selection.warnings, overrides: selection.overrides };
}
