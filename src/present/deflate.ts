// deflate-raw through the Compression Streams API (Node 18+, browsers, Deno, Bun, workers), so
// the library needs no zlib binding. Decompression is bounded: a small QR payload must not be
// able to expand into megabytes (a "zip bomb").
import { concatBytes } from '../internal/bytes.js';

/** Compresses bytes with raw DEFLATE (RFC 1951). */
export async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Thrown (internally) when output passes the limit. */
export class InflateLimitError extends Error {}

/** Decompresses raw DEFLATE, stopping as soon as the output passes `maxBytes`. */
export async function inflateRaw(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new InflateLimitError(`more than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return concatBytes(...chunks);
}
