// A minimal PNG writer (1-bit greyscale) for QR codes, on CompressionStream('deflate'), which
// produces exactly the zlib stream PNG's IDAT needs. It runs in Node, browsers and workers, so
// toQrPng needs neither pngjs nor a canvas.
import { concatBytes, utf8 } from '../internal/bytes.js';

const CRC_TABLE = /* @__PURE__ */ (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function u32(n: number): Uint8Array {
  return new Uint8Array([(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]);
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const typed = concatBytes(utf8(type), data);
  return concatBytes(u32(data.length), typed, u32(crc32(typed)));
}

async function zlib(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * Encodes a black-and-white image as PNG. `dark(x, y)` says whether a pixel is black; the
 * image is 1 bit per pixel, greyscale.
 */
export async function writeMonochromePng(width: number, height: number, dark: (x: number, y: number) => boolean): Promise<Uint8Array> {
  const stride = Math.ceil(width / 8);
  const raw = new Uint8Array((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (stride + 1); // filter byte 0 (None) then the row
    for (let x = 0; x < width; x++) {
      // Greyscale 1-bit: 1 is white, 0 is black.
      if (!dark(x, y)) raw[row + 1 + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  const header = concatBytes(u32(width), u32(height), new Uint8Array([1, 0, 0, 0, 0]));
  return concatBytes(
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', await zlib(raw)),
    chunk('IEND', new Uint8Array(0)),
  );
}
