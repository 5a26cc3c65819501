// The entry kind names on their own, without the schemas, so other areas (trust rules) can
// name kinds without loading every kind's definition.

/**
 * Every entry kind, achievements first, then the lifecycle kinds (revocation, custody-transfer,
 * checkpoint). The order is stable; new kinds are appended.
 *
 * @example
 * ```ts
 * ENTRY_KINDS.includes('qualification'); // true
 * ```
 */
export const ENTRY_KINDS = [
  'qualification',
  'unit-credit',
  'learning-in-progress',
  'assessment-result',
  'course-completion',
  'licence-card',
  'work-experience',
  'employability-skill',
  'reference',
  'award',
  'mentoring',
  'peer-role',
  'endorsement',
  'self-asserted',
  'revocation',
  'custody-transfer',
  'checkpoint',
] as const;
