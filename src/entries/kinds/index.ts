// The registry of entry kinds: the one place that lists them all.
import type * as z from 'zod';
import { assessmentResult } from './assessment-result.js';
import { award } from './award.js';
import { checkpoint } from './checkpoint.js';
import type { AnyKindDefinition, Sensitivity } from './common.js';
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

const DEFINITIONS = {
  qualification,
  'unit-credit': unitCredit,
  'learning-in-progress': learningInProgress,
  'assessment-result': assessmentResult,
  'course-completion': courseCompletion,
  'licence-card': licenceCard,
  'work-experience': workExperience,
  'employability-skill': employabilitySkill,
  reference,
  award,
  mentoring,
  'peer-role': peerRole,
  endorsement,
  'self-asserted': selfAsserted,
  revocation,
  'custody-transfer': custodyTransfer,
  checkpoint,
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
