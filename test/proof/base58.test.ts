// The fast base58btc encoder and decoder used for proofValue give exactly what multiformats gives.
import fc from 'fast-check';
import { base58btc } from 'multiformats/bases/base58';
import { describe, expect, it } from 'vitest';
import { base58btcMultibase } from '../../src/internal/base58.js';
import { decodeBase58Multibase } from '../../src/keys/multikey.js';

describe('base58btcMultibase', () => {
  it('equals multiformats base58btc.encode on edge cases', () => {
    const cases = [
      new Uint8Array(0),
      new Uint8Array([0]),
      new Uint8Array([0, 0, 1]),
      new Uint8Array(64).fill(255),
      new Uint8Array(64),
      Uint8Array.from({ length: 64 }, (_, i) => (i === 0 ? 0 : 57)),
    ];
    for (const bytes of cases) expect(base58btcMultibase(bytes)).toBe(base58btc.encode(bytes));
  });
  it('equals multiformats base58btc.encode on any bytes up to 80, leading zeros included', () => {
    fc.assert(
      fc.property(fc.nat(4), fc.uint8Array({ maxLength: 80 }), (zeros, rest) => {
        const bytes = new Uint8Array([...new Uint8Array(zeros), ...rest]);
        expect(base58btcMultibase(bytes)).toBe(base58btc.encode(bytes));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('decodeBase58Multibase', () => {
  const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
  it('equals multiformats base58btc.decode on any encoded bytes up to 80, leading zeros included', () => {
    fc.assert(
      fc.property(fc.nat(4), fc.uint8Array({ maxLength: 80 }), (zeros, rest) => {
        const text = base58btc.encode(new Uint8Array([...new Uint8Array(zeros), ...rest]));
        expect(decodeBase58Multibase(text, 'x')).toEqual(base58btc.decode(text));
      }),
      { numRuns: 2000 },
    );
  });
  it('equals multiformats on any text of alphabet characters (not only canonical encodings)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ALPHABET), { maxLength: 120 }), (chars) => {
        const text = `z${chars.join('')}`;
        expect(decodeBase58Multibase(text, 'x')).toEqual(base58btc.decode(text));
      }),
      { numRuns: 2000 },
    );
  });
  it('refuses what multiformats refuses: characters outside the alphabet, spaces, a missing prefix', () => {
    for (const text of ['z0abc', 'zabcO', 'zIl', 'z abc', 'zabc ', 'z3u2é', 'abc', '']) {
      expect(() => base58btc.decode(text), text).toThrow();
      expect(() => decodeBase58Multibase(text, 'x'), text).toThrow(expect.objectContaining({ code: 'ERR_MULTIBASE_INVALID' }));
    }
    // Stricter than multiformats, whose base-x reads a character beyond Latin-1 as garbage digits.
    expect(() => base58btc.decode('z3u2\u{1F600}')).not.toThrow();
    expect(() => decodeBase58Multibase('z3u2\u{1F600}', 'x')).toThrow(expect.objectContaining({ code: 'ERR_MULTIBASE_INVALID' }));
  });
});
