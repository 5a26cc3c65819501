// The two parts of the qrcode package the library uses: the encoder and the SVG renderer.
// Importing the package's entry point also loads its PNG, terminal and canvas renderers (and
// pngjs under Node), ~25 ms at import; these two modules are the same code qrcode.toString
// ({ type: 'svg' }) runs, in Node and in browsers alike, at ~7 ms.
import type { QRCode, QRCodeOptions, QRCodeToStringOptions } from 'qrcode';
// @ts-expect-error -- qrcode ships no types for its internal modules; their shapes are typed below.
import core from 'qrcode/lib/core/qrcode.js';
// @ts-expect-error -- as above.
import svgTag from 'qrcode/lib/renderer/svg-tag.js';

/** QRCode.create: the symbol (version, modules) for `text`. */
export const createQr = (text: string, options: QRCodeOptions): QRCode => (core as { create: typeof createQr }).create(text, options);

/** The SVG text of a symbol, as QRCode.toString(text, { type: 'svg', ...options }) renders it. */
export const renderQrSvg = (qr: QRCode, options: QRCodeToStringOptions): string => (svgTag as { render: typeof renderQrSvg }).render(qr, options);
