/**
 * `learning-passport/qr`: one entry per QR code (base45 + deflate), as SVG or PNG.
 * @packageDocumentation
 */
export * from './qr/index.js';
