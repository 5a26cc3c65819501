// Reading a (de)compression stream to the end, refusing output past a limit: a few hundred
// bytes of gzip or deflate can expand to gigabytes.
import { concatBytes } from './bytes.js';

/**
 * Feeds `input` through `transform` and collects the output, cancelling as soon as it passes
 * `maxBytes`; then throws what `onLimit` returns. Errors of the stream itself (bad data) reject.
 */
export async function transformBounded(
  input: Uint8Array,
  transform: CompressionStream | DecompressionStream,
  maxBytes: number,
  onLimit: () => Error,
): Promise<Uint8Array> {
  const reader = new Blob([input as BlobPart]).stream().pipeThrough(transform).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw onLimit();
    }
    chunks.push(value);
  }
  return concatBytes(...chunks);
}
