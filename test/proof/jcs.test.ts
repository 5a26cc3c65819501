// RFC 8785 (JCS) examples. Both we and Digital Bazaar use the `canonicalize` package, so the
// interop test cannot catch a JCS bug both share: these vectors from the RFC itself can.
import { describe, expect, it } from 'vitest';
import { canonicalBytes, canonicalJson } from '../../src/proof/jcs.js';

describe('RFC 8785', () => {
  it('§3.2.2 example: numbers, string escaping, literals', () => {
    const input = JSON.parse(
      '{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],' +
        '"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}',
    );
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('§3.2.3 example: keys sorted by UTF-16 code units', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    // Read the order from the text: JSON.parse would move the integer-like key "1" first.
    const text = canonicalJson(input);
    expect(text.startsWith('{"\\r":"Carriage Return","1":"One","\u0080":"Control"')).toBe(true);
    const values = [...text.matchAll(/":"([^"]*)"/g)].map((m) => m[1]);
    expect(values).toEqual([
      'Carriage Return',
      'One',
      'Control',
      'Latin Small Letter O With Diaeresis',
      'Euro Sign',
      'Emoji: Grinning Face',
      'Hebrew Letter Dalet With Dagesh',
    ]);
    // Output is UTF-8, with U+0080 written raw (not escaped) and the emoji as 4 bytes.
    const bytes = canonicalBytes({ '\u0080': 1, '\ud83d\ude00': 2 });
    expect(Array.from(bytes)).toEqual([0x7b, 0x22, 0xc2, 0x80, 0x22, 0x3a, 0x31, 0x2c, 0x22, 0xf0, 0x9f, 0x98, 0x80, 0x22, 0x3a, 0x32, 0x7d]);
  });

  // Appendix B: IEEE 754 bit patterns and their JCS text.
  const numbers: [string, string][] = [
    ['0000000000000000', '0'],
    ['8000000000000000', '0'],
    ['0000000000000001', '5e-324'],
    ['8000000000000001', '-5e-324'],
    ['7fefffffffffffff', '1.7976931348623157e+308'],
    ['ffefffffffffffff', '-1.7976931348623157e+308'],
    ['4340000000000000', '9007199254740992'],
    ['c340000000000000', '-9007199254740992'],
    ['4430000000000000', '295147905179352830000'],
    ['44b52d02c7e14af5', '9.999999999999997e+22'],
    ['44b52d02c7e14af6', '1e+23'],
    ['44b52d02c7e14af7', '1.0000000000000001e+23'],
    ['444b1ae4d6e2ef4e', '999999999999999700000'],
    ['444b1ae4d6e2ef4f', '999999999999999900000'],
    ['444b1ae4d6e2ef50', '1e+21'],
    ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
    ['3eb0c6f7a0b5ed8d', '0.000001'],
    ['41b3de4355555553', '333333333.3333332'],
    ['41b3de4355555554', '333333333.33333325'],
    ['41b3de4355555555', '333333333.3333333'],
    ['41b3de4355555556', '333333333.3333334'],
    ['41b3de4355555557', '333333333.33333343'],
    ['becbf647612f3696', '-0.0000033333333333333333'],
    ['43143ff3c1cb0959', '1424953923781206.2'],
  ];
  it.each(numbers)('Appendix B: %s → %s', (hex, expected) => {
    const n = new DataView(Uint8Array.from(hex.match(/../g)!, (b) => parseInt(b, 16)).buffer).getFloat64(0);
    expect(canonicalJson(n)).toBe(expected);
    expect(canonicalJson([n])).toBe(`[${expected}]`);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])('%s cannot be canonicalised', (n) => {
    expect(() => canonicalJson({ n })).toThrow(expect.objectContaining({ code: 'ERR_CANONICALIZATION_FAILED' }));
  });

  it.each(['\ud800', 'a\udc00b', '\ud83d'])('a lone surrogate %j cannot be canonicalised (value or key)', (s) => {
    expect(() => canonicalJson({ s })).toThrow(expect.objectContaining({ code: 'ERR_CANONICALIZATION_FAILED' }));
    expect(() => canonicalJson({ [s]: 1 })).toThrow(expect.objectContaining({ code: 'ERR_CANONICALIZATION_FAILED' }));
  });

  it('undefined, functions and cycles are refused', () => {
    expect(() => canonicalJson(undefined)).toThrow(expect.objectContaining({ code: 'ERR_CANONICALIZATION_FAILED' }));
    const loop: Record<string, unknown> = {};
    loop.loop = loop;
    expect(() => canonicalJson(loop)).toThrow(expect.objectContaining({ code: 'ERR_CANONICALIZATION_FAILED' }));
  });
});
