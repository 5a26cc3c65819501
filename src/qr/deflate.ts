// deflate-raw through the Compression Streams API (Node 18+, browsers, Deno, Bun, workers), so
// the library needs no zlib binding. Decompression is bounded: a small QR payload must not be
// able to expand into megabytes (a "zip bomb").
import { transformBounded } from '../internal/streams.js';

/** Compresses bytes with raw DEFLATE (RFC 1951). */
export async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Thrown (internally) when output passes the limit. */
export class InflateLimitError extends Error {}

/** Decompresses raw DEFLATE, stopping as soon as the output passes `maxBytes`. */
export function inflateRaw(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  return transformBounded(bytes, new DecompressionStream('deflate-raw'), maxBytes, () => new InflateLimitError(`more than ${maxBytes} bytes`));
}
