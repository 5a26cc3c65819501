import { holderProblem } from './shape.js';
import { makePassport } from './state.js';
import type { HolderDescriptor, Passport, PassportHolder } from './types.js';

/** Input of {@link createPassport}. */
export interface CreatePassportInput {
  /** The holder's DID (a did:key, to be able to sign removals), a `urn:uuid:` for a learner without a key, or `{ id }`. */
  holder: PassportHolder | HolderDescriptor;
}

/**
 * Creates an empty passport for a holder.
 *
 * @param input - `{ holder }`
 * @returns a frozen, empty passport
 * @throws {TypeError} when `holder` is not a DID or `urn:uuid:` (or exactly `{ id }` with one):
 *   a passport keeps nothing else about its holder
 * @example
 * ```ts
 * const passport = createPassport({ holder: learnerKey.did });
 * serializePassport(passport); // '{\n  "type": "LearningPassport", …'
 * ```
 */
export function createPassport(input: CreatePassportInput): Passport {
  if (typeof input !== 'object' || input === null) throw new TypeError('"input" must be an object with a "holder"');
  const given: unknown = input.holder;
  const id = typeof given === 'object' && given !== null && !Array.isArray(given) && Object.keys(given).length === 1 ? (given as { id?: unknown }).id : given;
  if (holderProblem(id)) {
    throw new TypeError('"holder" must be a DID or a urn:uuid (or exactly { id }); a passport keeps nothing else about its holder');
  }
  const holder = id as PassportHolder;
  return makePassport({ holder, entries: [], accreditations: [], statusLists: [], exclusions: [] });
}
