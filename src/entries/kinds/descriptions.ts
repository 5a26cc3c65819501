// The describeEntry() line builder of every kind, by kind, without the schemas: describeEntry
// runs on the verify path, which must not load zod. kinds/index.ts attaches the same functions
// to the kind definitions (kindDefinition(kind).describe).
import type { DescribeContext } from './common.js';
import type { EntryKind } from './names.js';
import { describeAssessmentResult } from './words/assessment-result.js';
import { describeAward } from './words/award.js';
import { describeCheckpoint } from './words/checkpoint.js';
import { describeCourseCompletion } from './words/course-completion.js';
import { describeCustodyTransfer } from './words/custody-transfer.js';
import { describeEmployabilitySkill } from './words/employability-skill.js';
import { describeEndorsement } from './words/endorsement.js';
import { describeLearningInProgress } from './words/learning-in-progress.js';
import { describeLicenceCard } from './words/licence-card.js';
import { describeMentoring } from './words/mentoring.js';
import { describePeerRole } from './words/peer-role.js';
import { describeQualification } from './words/qualification.js';
import { describeReference } from './words/reference.js';
import { describeRevocation } from './words/revocation.js';
import { describeSelfAsserted } from './words/self-asserted.js';
import { describeUnitCredit } from './words/unit-credit.js';
import { describeWorkExperience } from './words/work-experience.js';

/**
 * The describeEntry() line builder of each kind. Each takes fields its kind's schema accepted
 * (describeEntry checks them first with the compiled validators).
 *
 * @example
 * ```ts
 * KIND_DESCRIPTIONS.award(fields, { issuerName: 'Koestler Arts' });
 * ```
 */
export const KIND_DESCRIPTIONS: { readonly [K in EntryKind]: (fields: never, context: DescribeContext) => string } = {
  qualification: describeQualification,
  'unit-credit': describeUnitCredit,
  'learning-in-progress': describeLearningInProgress,
  'assessment-result': describeAssessmentResult,
  'course-completion': describeCourseCompletion,
  'licence-card': describeLicenceCard,
  'work-experience': describeWorkExperience,
  'employability-skill': describeEmployabilitySkill,
  reference: describeReference,
  award: describeAward,
  mentoring: describeMentoring,
  'peer-role': describePeerRole,
  endorsement: describeEndorsement,
  'self-asserted': describeSelfAsserted,
  revocation: describeRevocation,
  'custody-transfer': describeCustodyTransfer,
  checkpoint: describeCheckpoint,
};
