import { HolderSchema } from './schema.js';
import { makePassport } from './state.js';
import type { Passport, PassportHolder } from './types.js';

/** Input of {@link createPassport}. */
export interface CreatePassportInput {
  /** The holder's DID, a `urn:uuid:` for a learner without a key, or `{ id, … }`. */
  holder: PassportHolder;
}

/**
 * Creates an empty passport for a holder.
 *
 * @param input - `{ holder }`
 * @returns a frozen, empty passport
 * @throws {TypeError} when `holder` is not a non-empty string or an object with a string `id`
 * @example
 * ```ts
 * const passport = createPassport({ holder: learnerKey.did });
 * serializePassport(passport); // '{\n  "type": "LearningPassport", …'
 * ```
 */
export function createPassport(input: CreatePassportInput): Passport {
  if (typeof input !== 'object' || input === null) throw new TypeError('"input" must be an object with a "holder"');
  const parsed = HolderSchema.safeParse(input.holder);
  if (!parsed.success) throw new TypeError('"holder" must be a DID (or other URI) or an object with a string "id"');
  const holder = typeof input.holder === 'string' ? input.holder : (JSON.parse(JSON.stringify(input.holder)) as PassportHolder);
  return makePassport({ holder, entries: [], accreditations: [], statusLists: [], exclusions: [] });
}
