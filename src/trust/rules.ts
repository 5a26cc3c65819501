// The verifier's defaults: which kind of organisation may say what, and how old a status list
// may be. They are policy, not protocol: a verifier may replace any role's list with
// createTrustPolicy({ rules }), and the age with its `maxStatusAge`.
import { ENTRY_KINDS } from '../entries/kinds/names.js';
import { isCustodyRole, type IssuerRole } from '../keys/types.js';

/**
 * Every entry kind the trust rules can name: the learning-passport kinds plus `external`
 * (credentials from other systems, which carry no learning-passport kind).
 *
 * @example
 * ```ts
 * TRUST_KINDS.includes('qualification'); // true
 * ```
 */
export const TRUST_KINDS = [...ENTRY_KINDS, 'external'] as const;

/**
 * One of {@link TRUST_KINDS}.
 *
 * @example
 * ```ts
 * const kind: TrustKind = 'mentoring';
 * ```
 */
export type TrustKind = (typeof TRUST_KINDS)[number];

/**
 * Powers an accreditation can grant besides issuing entries:
 * - `accredit`: sign accreditations for other issuers, within its own scope;
 * - `revoke-others`: issue revocation entries for other issuers' entries;
 * - `supersede-others`: issue corrections that supersede other issuers' entries.
 *
 * @example
 * ```ts
 * await accreditIssuer(rootKey, { did: board.did, organisation: 'org:board', role: 'authority', kinds: ['qualification'], capabilities: ['accredit'] });
 * ```
 */
export const TRUST_CAPABILITIES = ['accredit', 'revoke-others', 'supersede-others'] as const;

/**
 * One of {@link TRUST_CAPABILITIES}.
 *
 * @example
 * ```ts
 * const power: TrustCapability = 'revoke-others';
 * ```
 */
export type TrustCapability = (typeof TRUST_CAPABILITIES)[number];

// Kinds every accredited issuer may issue: its own awards, references, endorsements, and
// revocations (of its own entries; revoking someone else's needs 'revoke-others').
const ANY_ACCREDITED: readonly TrustKind[] = ['award', 'reference', 'endorsement', 'revocation'];
const kinds = (...list: TrustKind[]): readonly TrustKind[] => Object.freeze([...list, ...ANY_ACCREDITED]);

/**
 * The default rules: for each issuer role, the entry kinds it may issue. An entry is trusted
 * only when its kind is both in the issuer's accreditation and in these rules for its role.
 *
 * | role | may issue (besides award, reference, endorsement, revocation) |
 * |---|---|
 * | awarding-body | qualification, unit-credit, assessment-result, course-completion, licence-card |
 * | education-provider | qualification, unit-credit, learning-in-progress, assessment-result, course-completion, work-experience, employability-skill |
 * | prison | custody-transfer, checkpoint, learning-in-progress, course-completion, work-experience, employability-skill, peer-role |
 * | probation | custody-transfer, checkpoint, employability-skill |
 * | charity | mentoring, peer-role, learning-in-progress, course-completion, work-experience, employability-skill |
 * | trainer | learning-in-progress, assessment-result, course-completion, employability-skill |
 * | mentor | mentoring, peer-role |
 * | employer | work-experience, employability-skill |
 * | scheme-operator | licence-card, assessment-result |
 * | authority | checkpoint |
 *
 * `self-asserted` entries are never issued by an accredited role: they are accepted only when
 * signed by the holder about themselves. `external` is in no default list; add it for roles
 * whose credentials from other systems you accept.
 *
 * @example
 * ```ts
 * DEFAULT_RULES.charity.includes('qualification'); // false
 * const policy = createTrustPolicy({ roots: [authority.did], rules: { employer: [...DEFAULT_RULES.employer, 'course-completion'] } });
 * ```
 */
export const DEFAULT_RULES: Readonly<Record<IssuerRole, readonly TrustKind[]>> = Object.freeze({
  'awarding-body': kinds('qualification', 'unit-credit', 'assessment-result', 'course-completion', 'licence-card'),
  'education-provider': kinds(
    'qualification',
    'unit-credit',
    'learning-in-progress',
    'assessment-result',
    'course-completion',
    'work-experience',
    'employability-skill',
  ),
  prison: kinds('custody-transfer', 'checkpoint', 'learning-in-progress', 'course-completion', 'work-experience', 'employability-skill', 'peer-role'),
  probation: kinds('custody-transfer', 'checkpoint', 'employability-skill'),
  charity: kinds('mentoring', 'peer-role', 'learning-in-progress', 'course-completion', 'work-experience', 'employability-skill'),
  trainer: kinds('learning-in-progress', 'assessment-result', 'course-completion', 'employability-skill'),
  mentor: kinds('mentoring', 'peer-role'),
  employer: kinds('work-experience', 'employability-skill'),
  'scheme-operator': kinds('licence-card', 'assessment-result'),
  authority: kinds('checkpoint'),
});

/**
 * Plain-English article + role ("an awarding body", "a charity"); "an organisation" for a
 * custody role (CUSTODY_ROLES), which no verdict names.
 * @internal
 */
export function roleLabel(role: string): string {
  // Verdicts are read by whoever verifies, often an employer: a custody role is never named.
  if (isCustodyRole(role)) return 'an organisation';
  const words = role.replace(/-/g, ' ');
  return `${/^[aeiou]/.test(words) ? 'an' : 'a'} ${words}`;
}

/**
 * Plural plain-English role ("awarding bodies", "charities"); neutral for a custody role.
 * @internal
 */
export function rolePlural(role: string): string {
  if (isCustodyRole(role)) return 'organisations in its role';
  const words = role.replace(/-/g, ' ');
  return words.endsWith('y') && !words.endsWith('ey') ? `${words.slice(0, -1)}ies` : `${words}s`;
}

/**
 * Plural plain-English kind ("qualifications").
 * @internal
 */
export function kindLabel(kind: string): string {
  const words = kind.replace(/-/g, ' ');
  if (kind === 'self-asserted') return 'self-asserted entries';
  if (kind === 'external') return 'credentials from other systems';
  if (kind === 'work-experience' || kind === 'mentoring' || kind === 'custody-transfer') return `${words} entries`;
  return words.endsWith('s') ? words : `${words}s`;
}

/**
 * The default maximum age of a status snapshot, in seconds (30 days): older snapshots give
 * "can't check", so a holder cannot keep showing a list from before a revocation.
 *
 * @example
 * ```ts
 * createTrustPolicy({ roots: [authority.did], maxStatusAge: DEFAULT_MAX_STATUS_AGE / 2 });
 * ```
 */
export const DEFAULT_MAX_STATUS_AGE = 30 * 24 * 60 * 60;
