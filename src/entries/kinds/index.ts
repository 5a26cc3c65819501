// The registry of entry kinds: the one place that lists them all.
import type * as z from 'zod';
import { assessmentResult } from './assessment-result.js';
import { award } from './award.js';
import { checkpoint } from './checkpoint.js';
import { type AnyKindDefinition, type Sensitivity, withWords } from './common.js';
import { courseCompletion } from './course-completion.js';
import { custodyTransfer } from './custody-transfer.js';
import { employabilitySkill } from './employability-skill.js';
import { endorsement } from './endorsement.js';
import { learningInProgress } from './learning-in-progress.js';
import { ENTRY_KINDS, isEntryKind, kindFacts, type EntryKind } from './names.js';
import { licenceCard } from './licence-card.js';
import { mentoring } from './mentoring.js';
import { peerRole } from './peer-role.js';
import { qualification } from './qualification.js';
import { reference } from './reference.js';
import { revocation } from './revocation.js';
import { selfAsserted } from './self-asserted.js';
import { unitCredit } from './unit-credit.js';
import { workExperience } from './work-experience.js';
import { assessmentResultWords } from './words/assessment-result.js';
import { awardWords } from './words/award.js';
import { checkpointWords } from './words/checkpoint.js';
import { courseCompletionWords } from './words/course-completion.js';
import { custodyTransferWords } from './words/custody-transfer.js';
import { employabilitySkillWords } from './words/employability-skill.js';
import { endorsementWords } from './words/endorsement.js';
import { learningInProgressWords } from './words/learning-in-progress.js';
import { licenceCardWords } from './words/licence-card.js';
import { mentoringWords } from './words/mentoring.js';
import { peerRoleWords } from './words/peer-role.js';
import { qualificationWords } from './words/qualification.js';
import { referenceWords } from './words/reference.js';
import { revocationWords } from './words/revocation.js';
import { selfAssertedWords } from './words/self-asserted.js';
import { unitCreditWords } from './words/unit-credit.js';
import { workExperienceWords } from './words/work-experience.js';

export { ENTRY_KINDS, isEntryKind, type EntryKind };

/**
 * The lifecycle kinds: statements about other entries rather than achievements.
 *
 * @example
 * ```ts
 * (LIFECYCLE_KINDS as readonly string[]).includes(entryKindOf(entry)); // a statement about other entries
 * ```
 */
export const LIFECYCLE_KINDS = ['revocation', 'custody-transfer', 'checkpoint'] as const satisfies readonly EntryKind[];

// Each kind's schema side (its file) with its words (words/, zod-free: describeEntry uses them alone).
const DEFINITIONS = {
  qualification: /* @__PURE__ */ withWords(qualification, qualificationWords),
  'unit-credit': /* @__PURE__ */ withWords(unitCredit, unitCreditWords),
  'learning-in-progress': /* @__PURE__ */ withWords(learningInProgress, learningInProgressWords),
  'assessment-result': /* @__PURE__ */ withWords(assessmentResult, assessmentResultWords),
  'course-completion': /* @__PURE__ */ withWords(courseCompletion, courseCompletionWords),
  'licence-card': /* @__PURE__ */ withWords(licenceCard, licenceCardWords),
  'work-experience': /* @__PURE__ */ withWords(workExperience, workExperienceWords),
  'employability-skill': /* @__PURE__ */ withWords(employabilitySkill, employabilitySkillWords),
  reference: /* @__PURE__ */ withWords(reference, referenceWords),
  award: /* @__PURE__ */ withWords(award, awardWords),
  mentoring: /* @__PURE__ */ withWords(mentoring, mentoringWords),
  'peer-role': /* @__PURE__ */ withWords(peerRole, peerRoleWords),
  endorsement: /* @__PURE__ */ withWords(endorsement, endorsementWords),
  'self-asserted': /* @__PURE__ */ withWords(selfAsserted, selfAssertedWords),
  revocation: /* @__PURE__ */ withWords(revocation, revocationWords),
  'custody-transfer': /* @__PURE__ */ withWords(custodyTransfer, custodyTransferWords),
  checkpoint: /* @__PURE__ */ withWords(checkpoint, checkpointWords),
} as const satisfies { [K in EntryKind]: AnyKindDefinition & { kind: K } };

/**
 * The definitions of all kinds, by kind.
 *
 * @example
 * ```ts
 * type QualificationDefinition = KindDefinitions['qualification'];
 * ```
 */
export type KindDefinitions = typeof DEFINITIONS;

/**
 * The kind-specific fields of each kind, as TypeScript types.
 *
 * @example
 * ```ts
 * const fields: EntryFields<'award'> = { name: 'Learner of the Year', awardingOrg: 'PET', awardedOn: '2026-06' };
 * ```
 */
export type EntryFields<K extends EntryKind = EntryKind> = K extends EntryKind ? z.output<KindDefinitions[K]['fields']> : never;

/**
 * The default sensitivity class of each kind: `N` neutral (fine for
 * employers), `E` education continuity, `C` custody context (never shown to employers by
 * default), `S` special category. Class X (prohibited) cannot be expressed at all.
 *
 * @example
 * ```ts
 * KIND_SENSITIVITY['peer-role']; // 'C'
 * ```
 */
export const KIND_SENSITIVITY: Readonly<Record<EntryKind, Sensitivity>> = /* @__PURE__ */ kindFacts('sensitivity');

/**
 * The Open Badges 3.0 `achievementType` of each kind.
 *
 * @example
 * ```ts
 * KIND_ACHIEVEMENT_TYPE['licence-card']; // 'License'
 * ```
 */
export const KIND_ACHIEVEMENT_TYPE: Readonly<Record<EntryKind, string>> = /* @__PURE__ */ kindFacts('achievementType');

/**
 * Everything known about one kind: its strict fields schema, achievementType, sensitivity,
 * plain-English label and the builders of its achievement text and describeEntry() line.
 *
 * @throws {TypeError} when `kind` is not an entry kind
 * @example
 * ```ts
 * kindDefinition('qualification').fields.safeParse(fields).success;
 * ```
 */
export function kindDefinition<K extends EntryKind>(kind: K): KindDefinitions[K] {
  if (!isEntryKind(kind)) throw new TypeError(`"kind" must be one of: ${ENTRY_KINDS.join(', ')}`);
  return DEFINITIONS[kind];
}

/**
 * A kind's definition without its field types, for code that handles every kind alike.
 *
 * @throws {TypeError} when `kind` is not an entry kind
 * @example
 * ```ts
 * anyKindDefinition(kind).fields.safeParse(untrusted);
 * ```
 */
export function anyKindDefinition(kind: EntryKind): AnyKindDefinition {
  return kindDefinition(kind);
}

/**
 * The strict zod schema of a kind's own fields (unknown properties rejected).
 *
 * @throws {TypeError} when `kind` is not an entry kind
 * @example
 * ```ts
 * entryFieldsSchema('award').safeParse({ name: 'Learner of the Year', awardingOrg: 'PET', awardedOn: '2026' });
 * ```
 */
export function entryFieldsSchema<K extends EntryKind>(kind: K): KindDefinitions[K]['fields'] {
  return kindDefinition(kind).fields;
}
