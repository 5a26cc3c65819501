// The kinds' cross-field rules: what a property-by-property schema cannot say. They live apart
// from the zod schemas so that the compiled validators of the verify path (entries/compiled/)
// can run them without loading zod; the kind definitions attach the same functions.
import type { FieldProblem } from './common.js';

/**
 * A checkpoint's CIDs are sorted, unique and counted.
 *
 * @example
 * ```ts
 * checkpointRule({ cids: ['bafyb', 'bafya'], entryCount: 2 }); // { path: ['cids', 1], message: … }
 * ```
 */
export function checkpointRule(f: { readonly cids: readonly string[]; readonly entryCount: number }): FieldProblem | undefined {
  for (let i = 1; i < f.cids.length; i++) {
    if (!(f.cids[i - 1]! < f.cids[i]!)) return { path: ['cids', i], message: 'cids must be sorted and must not repeat' };
  }
  if (f.entryCount !== f.cids.length) return { path: ['entryCount'], message: 'must equal the number of cids' };
  return undefined;
}

/**
 * A skill rating is no higher than its scale.
 *
 * @example
 * ```ts
 * ratingRule({ rating: { value: 6, max: 5 } }); // { path: ['rating', 'value'], message: … }
 * ```
 */
export function ratingRule(f: { readonly rating: { readonly value: number; readonly max: number } }): FieldProblem | undefined {
  return f.rating.value > f.rating.max ? { path: ['rating', 'value'], message: 'must not be more than rating.max' } : undefined;
}

/**
 * The cross-field rule of each kind that has one, by kind name.
 *
 * @example
 * ```ts
 * KIND_RULES.checkpoint === checkpointRule; // true
 * ```
 */
export const KIND_RULES: Readonly<Record<string, (fields: never) => FieldProblem | undefined>> = {
  checkpoint: checkpointRule,
  'employability-skill': ratingRule,
};
