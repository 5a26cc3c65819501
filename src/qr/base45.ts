// Base45 (RFC 9285): two bytes become three characters of the QR alphanumeric alphabet, so a
// QR code can hold the payload in alphanumeric mode (5.5 bits a character) rather than byte
// mode (8 bits): the same data needs a smaller code.

/** The RFC 9285 alphabet: exactly the QR alphanumeric character set. */
export const BASE45_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

/** Encodes bytes as Base45 (RFC 9285 §4). */
export function toBase45(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    let n = bytes[i]! * 256 + bytes[i + 1]!;
    const c = n % 45;
    n = (n - c) / 45;
    const d = n % 45;
    const e = (n - d) / 45;
    out += BASE45_ALPHABET[c]! + BASE45_ALPHABET[d]! + BASE45_ALPHABET[e]!;
  }
  if (bytes.length % 2 === 1) {
    const n = bytes[bytes.length - 1]!;
    out += BASE45_ALPHABET[n % 45]! + BASE45_ALPHABET[Math.floor(n / 45)]!;
  }
  return out;
}

/** Decodes Base45; throws RangeError on characters outside the alphabet or values out of range (RFC 9285 §4.2). */
export function fromBase45(text: string): Uint8Array {
  if (text.length % 3 === 1) throw new RangeError('invalid base45 length');
  const out = new Uint8Array(Math.floor(text.length / 3) * 2 + (text.length % 3 === 2 ? 1 : 0));
  let o = 0;
  const value = (ch: string): number => {
    const v = BASE45_ALPHABET.indexOf(ch);
    if (v < 0) throw new RangeError('invalid base45 character');
    return v;
  };
  for (let i = 0; i < text.length; i += 3) {
    if (i + 2 < text.length) {
      const n = value(text[i]!) + value(text[i + 1]!) * 45 + value(text[i + 2]!) * 2025;
      if (n > 0xffff) throw new RangeError('invalid base45 triplet');
      out[o++] = n >> 8;
      out[o++] = n & 0xff;
    } else {
      const n = value(text[i]!) + value(text[i + 1]!) * 45;
      if (n > 0xff) throw new RangeError('invalid base45 pair');
      out[o++] = n;
    }
  }
  return out;
}
