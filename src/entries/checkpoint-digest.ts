// The digest a checkpoint entry carries, on its own: verifiers recompute it for every checkpoint
// they read, and importing it must not load the checkpoint kind's zod definition.
import { backend } from '../backend/index.js';
import { toHex, utf8 } from '../internal/bytes.js';

/**
 * The digest a checkpoint carries: lower-case hex SHA-256 of the (sorted) CIDs joined by "\n".
 *
 * @example
 * ```ts
 * const digest = await checkpointDigest(['bagaaiera…', 'bagaaierb…']);
 * ```
 */
export async function checkpointDigest(sortedCids: readonly string[]): Promise<string> {
  return toHex(await backend.sha256(utf8(sortedCids.join('\n'))));
}
