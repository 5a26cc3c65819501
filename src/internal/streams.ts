// Reading a (de)compression stream to the end, refusing output past a limit: a few hundred
// bytes of gzip or deflate can expand to gigabytes.
import { concatBytes } from './bytes.js';

/**
 * Bytes that several decompressions together may still produce (one verification's status
 * lists). Charged as output arrives, so concurrent decompressions share it; never refunded,
 * because it bounds the work done as well as the memory held.
 */
export interface ByteBudget {
  remaining: number;
}

/**
 * Feeds `input` through `transform` and collects the output, cancelling as soon as it passes
 * `maxBytes` (then throws what `onLimit` returns) or exhausts `budget` (then throws what
 * `onBudget` returns). Errors of the stream itself (bad data) reject.
 */
export async function transformBounded(
  input: Uint8Array,
  transform: CompressionStream | DecompressionStream,
  maxBytes: number,
  onLimit: () => Error,
  shared?: { budget: ByteBudget; onBudget: () => Error },
): Promise<Uint8Array> {
  const reader = new Blob([input as BlobPart]).stream().pipeThrough(transform).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (shared) shared.budget.remaining -= value.length;
    if (total > maxBytes || (shared && shared.budget.remaining < 0)) {
      await reader.cancel().catch(() => undefined);
      throw total > maxBytes ? onLimit() : shared!.onBudget();
    }
    chunks.push(value);
  }
  return concatBytes(...chunks);
}
