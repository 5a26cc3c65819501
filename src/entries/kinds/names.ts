// The entry kind names on their own, without the schemas, so other areas (trust rules) can
// name kinds without loading every kind's definition.

import { KIND_TABLE } from '../compiled/entry-validators.js';

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

/**
 * The name of an entry kind.
 *
 * @example
 * ```ts
 * const kind: EntryKind = 'qualification';
 * ```
 */
export type EntryKind = (typeof ENTRY_KINDS)[number];

const KIND_SET: ReadonlySet<string> = /* @__PURE__ */ new Set(ENTRY_KINDS);

/**
 * True when `value` is one of {@link ENTRY_KINDS}.
 *
 * @example
 * ```ts
 * isEntryKind('qualification'); // true
 * isEntryKind('diploma'); // false
 * ```
 */
export function isEntryKind(value: unknown): value is EntryKind {
  return typeof value === 'string' && KIND_SET.has(value);
}

/**
 * One fact every kind declares, by kind: read from the compiled kind table, which a test keeps
 * equal to the kind definitions, so code that needs it does not load the zod schemas.
 *
 * @example
 * ```ts
 * kindFacts('sensitivity')['peer-role']; // 'C'
 * ```
 */
export function kindFacts<F extends keyof (typeof KIND_TABLE)[EntryKind]>(fact: F): { readonly [K in EntryKind]: (typeof KIND_TABLE)[K][F] } {
  return Object.freeze(Object.fromEntries(ENTRY_KINDS.map((kind) => [kind, KIND_TABLE[kind][fact]]))) as never;
}
