// base58btc encoding of short byte strings (signatures, keys), for signing at volume. The
// general base-x algorithm in multiformats is quadratic in digits and costs about as much as a
// tenth of an Ed25519 signature for 64 bytes; here the bytes become one BigInt, which is cut
// into chunks of nine base58 digits (58^9 < 2^53), each finished with plain number arithmetic.
// Decoding stays with multiformats (its checks are the reference); a test holds the two equal.

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const CHUNK = 58n ** 9n;

/** base58btc text of `bytes` (no multibase prefix); leading zero bytes become leading "1"s. */
export function base58Encode(bytes: Uint8Array): string {
  let zeros = 0;
  while (zeros < bytes.length && bytes[zeros] === 0) zeros++;
  let hex = '';
  for (let i = zeros; i < bytes.length; i++) hex += bytes[i]!.toString(16).padStart(2, '0');
  let value = hex === '' ? 0n : BigInt(`0x${hex}`);
  let digits = '';
  while (value > 0n) {
    let chunk = Number(value % CHUNK);
    value /= CHUNK;
    // Nine digits per chunk, zero-padded except in the most significant chunk.
    for (let d = 0; d < 9 && (value > 0n || chunk > 0); d++) {
      digits = ALPHABET[chunk % 58]! + digits;
      chunk = Math.floor(chunk / 58);
    }
  }
  return '1'.repeat(zeros) + digits;
}

/** Multibase base58btc: "z" followed by {@link base58Encode}. */
export function base58btcMultibase(bytes: Uint8Array): string {
  return `z${base58Encode(bytes)}`;
}
