// Public API of the QR area (curated named re-exports): one entry per code, base45 + deflate.
// Every export carries JSDoc with an @example at its definition.
export { decodeQrPayload, encodeQrPayload, QR_MAX_DECODED_BYTES, QR_MAX_PAYLOAD_LENGTH, QR_PREFIX } from './qr-payload.js';
export { qrVersion, toQrPng, toQrSvg, type QrImageOptions } from './qr-image.js';
