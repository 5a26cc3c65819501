// QR images of a payload, through the qrcode package: SVG text (for web pages and the printable
// pack) and PNG bytes (for files and messaging). Error correction level M: a
// printed or photographed code still reads with up to 15% of it damaged.
import { createQr, renderQrSvg } from './qrcode-core.js';
import { writeMonochromePng } from './png.js';

/** Options of {@link toQrSvg} and {@link toQrPng}. */
export interface QrImageOptions {
  /** Error correction: L, M (default), Q or H. */
  errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H';
  /** Quiet zone around the code, in modules (default 4, the QR standard's minimum). */
  margin?: number;
  /** PNG only: pixels per module (default 4). */
  scale?: number;
}

function checked(payload: unknown, options: QrImageOptions): { level: 'L' | 'M' | 'Q' | 'H'; margin: number; scale: number } {
  if (typeof payload !== 'string' || payload === '') throw new TypeError('"payload" must be a non-empty string');
  const level = options.errorCorrectionLevel ?? 'M';
  if (!['L', 'M', 'Q', 'H'].includes(level)) throw new TypeError('"errorCorrectionLevel" must be L, M, Q or H');
  const margin = options.margin ?? 4;
  const scale = options.scale ?? 4;
  if (!Number.isInteger(margin) || margin < 0 || margin > 32) throw new TypeError('"margin" must be a whole number from 0 to 32');
  if (!Number.isInteger(scale) || scale < 1 || scale > 64) throw new TypeError('"scale" must be a whole number from 1 to 64');
  return { level, margin, scale };
}

/**
 * The QR version (1–40) a payload needs at an error correction level: a quick way to see how
 * dense the printed code will be. The qrcode package picks alphanumeric mode for "LP1:"
 * payloads, since every character is in that set.
 *
 * @throws {TypeError} when the payload is empty; Error from qrcode when it is too long for any QR code
 * @example
 * ```ts
 * qrVersion(await encodeQrPayload(entry)); // e.g. 17
 * ```
 */
export function qrVersion(payload: string, errorCorrectionLevel: 'L' | 'M' | 'Q' | 'H' = 'M'): number {
  const { level } = checked(payload, { errorCorrectionLevel });
  return createQr(payload, { errorCorrectionLevel: level }).version;
}

/**
 * An SVG image (text) of the QR code for `payload`, at error correction level M by default.
 *
 * @throws {TypeError} on an empty payload or bad options; Error from qrcode when the payload is too long
 * @example
 * ```ts
 * const svg = await toQrSvg(await encodeQrPayload(entry));
 * element.innerHTML = svg;
 * ```
 */
export async function toQrSvg(payload: string, options: QrImageOptions = {}): Promise<string> {
  const { level, margin } = checked(payload, options);
  const svgOptions = { type: 'svg', errorCorrectionLevel: level, margin } as const;
  return renderQrSvg(createQr(payload, svgOptions), svgOptions);
}

/**
 * A PNG image (bytes) of the QR code for `payload`. Written by the library itself on
 * CompressionStream, so it works the same in Node, browsers and workers.
 *
 * @throws {TypeError} on an empty payload or bad options; Error from qrcode when the payload is too long
 * @example
 * ```ts
 * const png = await toQrPng(payload, { scale: 6 });
 * await writeFile('entry.png', png); // Node
 * ```
 */
export async function toQrPng(payload: string, options: QrImageOptions = {}): Promise<Uint8Array> {
  const { level, margin, scale } = checked(payload, options);
  const { modules } = createQr(payload, { errorCorrectionLevel: level });
  const size = modules.size;
  const pixels = (size + 2 * margin) * scale;
  return writeMonochromePng(pixels, pixels, (x, y) => {
    const col = Math.floor(x / scale) - margin;
    const row = Math.floor(y / scale) - margin;
    return row >= 0 && col >= 0 && row < size && col < size && Boolean(modules.get(row, col));
  });
}
