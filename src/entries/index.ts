// Public API of the entries area (curated named re-exports).
export { describeEntry } from './describe.js';
export { credentialIdOf, entryKindOf, issuerIdOf, issuerNameOf, learningPassportOf, subjectOf } from './read-credential.js';
export { issueEntry, type HolderIdentity, type IssueEntryOptions } from './issue-entry.js';
export { checkEntrySchema, type EntrySchemaOutcome } from './validate.js';
export { findProhibited, PROHIBITED_PATTERNS, scanProhibited, type ProhibitedFinding, type ProhibitedPattern, type ScanOptions } from './prohibited.js';
export type { EntryCredential, EntryCredentialStatus, IdentityObject, LearningPassportData, SignedEntry } from './types.js';
export {
  anyKindDefinition,
  ENTRY_KINDS,
  entryFieldsSchema,
  isEntryKind,
  KIND_ACHIEVEMENT_TYPE,
  KIND_SENSITIVITY,
  kindDefinition,
  LIFECYCLE_KINDS,
  type EntryFields,
  type EntryKind,
  type KindDefinitions,
} from './kinds/index.js';
export {
  anyEntryCredentialSchema,
  entryCredentialSchema,
  IdentityObjectSchema,
  IDENTITY_TYPES,
  type EntryCredentialSchemaOptions,
} from './kinds/credential.js';
export type { AchievementText, AnyKindDefinition, DescribeContext, KindDefinition, Sensitivity } from './kinds/common.js';
export { CID_PATTERN } from './kinds/common.js';
export { AssessmentResultFieldsSchema, ASSESSMENT_DOMAINS, type AssessmentResultFields } from './kinds/assessment-result.js';
export { AwardFieldsSchema, type AwardFields } from './kinds/award.js';
export { checkpointDigest, checkpointFields, CheckpointFieldsSchema, type CheckpointFields } from './kinds/checkpoint.js';
export { CourseCompletionFieldsSchema, type CourseCompletionFields } from './kinds/course-completion.js';
export { CustodyTransferFieldsSchema, type CustodyTransferFields } from './kinds/custody-transfer.js';
export { EMPLOYABILITY_SKILLS, EmployabilitySkillFieldsSchema, type EmployabilitySkillFields } from './kinds/employability-skill.js';
export { ENDORSEMENT_CLAIMS, EndorsementFieldsSchema, type EndorsementFields } from './kinds/endorsement.js';
export { LearningInProgressFieldsSchema, type LearningInProgressFields } from './kinds/learning-in-progress.js';
export { LicenceCardFieldsSchema, type LicenceCardFields } from './kinds/licence-card.js';
export { MentoringFieldsSchema, type MentoringFields } from './kinds/mentoring.js';
export { PeerRoleFieldsSchema, type PeerRoleFields } from './kinds/peer-role.js';
export { QualificationFieldsSchema, type QualificationFields } from './kinds/qualification.js';
export { ReferenceFieldsSchema, type ReferenceFields } from './kinds/reference.js';
export { REVOCATION_REASONS, RevocationFieldsSchema, type RevocationFields } from './kinds/revocation.js';
export { SELF_ASSERTABLE_KINDS, SelfAssertedFieldsSchema, type SelfAssertedFields } from './kinds/self-asserted.js';
export { UnitCreditFieldsSchema, type UnitCreditFields } from './kinds/unit-credit.js';
export { WORK_SECTORS, WorkExperienceFieldsSchema, type WorkExperienceFields } from './kinds/work-experience.js';
