// base58btc of short byte strings (signatures, keys), for signing and verifying at volume. The
// general base-x algorithm in multiformats works digit by digit on bytes and costs about as much
// as a tenth of an Ed25519 operation for 64 bytes. Encoding turns the bytes into one BigInt cut
// into chunks of nine base58 digits (58^9 < 2^53); decoding takes four digits at a time into
// 24-bit limbs (58^4 < 2^24, so every product stays an exact double). Tests hold both equal to
// multiformats on every input multiformats accepts.

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

/** The digit value of each ASCII character; -1 for a character outside the alphabet. */
const DIGITS = /* @__PURE__ */ (() => {
  const table = new Int8Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
  return table;
})();

const LIMB = 16_777_216; // 2^24

/**
 * The bytes of base58btc text (no multibase prefix); leading "1"s become leading zero bytes.
 * Throws SyntaxError on any character outside the alphabet. Callers bound the length first
 * (see MAX_MULTIBASE_LENGTH): the work grows with its square.
 */
export function base58Decode(text: string): Uint8Array {
  let zeros = 0;
  while (zeros < text.length && text.charCodeAt(zeros) === 49 /* "1" */) zeros++;
  // Little-endian base-2^24 limbs of the number the remaining digits spell.
  const limbs: number[] = [];
  let i = zeros;
  // The first group takes the odd digits, so every later group is four digits long.
  let group = (text.length - zeros) % 4 || 4;
  while (i < text.length) {
    let carry = 0;
    let scale = 1;
    for (const end = i + group; i < end; i++) {
      const code = text.charCodeAt(i);
      const digit = code < 128 ? DIGITS[code]! : -1;
      if (digit < 0) throw new SyntaxError('Non-base58btc character');
      carry = carry * 58 + digit;
      scale *= 58;
    }
    for (let j = 0; j < limbs.length; j++) {
      const x = limbs[j]! * scale + carry;
      carry = Math.floor(x / LIMB);
      limbs[j] = x - carry * LIMB;
    }
    while (carry > 0) {
      const high = Math.floor(carry / LIMB);
      limbs.push(carry - high * LIMB);
      carry = high;
    }
    group = 4;
  }
  let length = limbs.length * 3;
  const top = limbs[limbs.length - 1] ?? 0;
  // The number's own leading zero bytes are not part of it (only the leading "1"s are).
  if (limbs.length > 0 && top < 65_536) length -= top < 256 ? 2 : 1;
  const out = new Uint8Array(zeros + length);
  for (let j = 0, at = out.length - 1; at >= zeros; j++) {
    const limb = limbs[j]!;
    out[at--] = limb & 255;
    if (at >= zeros) out[at--] = (limb >>> 8) & 255;
    if (at >= zeros) out[at--] = limb >>> 16;
  }
  return out;
}
