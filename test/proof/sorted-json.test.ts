// canonicalJson writes plain JSON whose keys are already in order with native JSON.stringify
// (src/internal/sorted-json.ts). Its text must be the canonicalize package's on every value, in
// order or not, and everything JCS refuses must still be refused.
import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/proof/jcs.js';
import { sortedJsonText } from '../../src/internal/sorted-json.js';

/** The same value with every object's keys inserted in code-unit order (as sealed items are). */
function sortedCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedCopy);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    // A "__proto__" key must stay a member (a plain store would set the copy's prototype).
    Object.defineProperty(out, key, { value: sortedCopy((value as Record<string, unknown>)[key]), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

describe('canonicalJson of plain JSON with keys in order', () => {
  it('is the canonicalize text for any JSON value, keys in order or not', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(value)).toBe(canonicalize(value));
        expect(canonicalJson(sortedCopy(value))).toBe(canonicalize(value));
      }),
      { numRuns: 3000 },
    );
  });

  it('takes the native path for sorted plain JSON, and no other', () => {
    const sorted = sortedCopy({ b: [1, 2.5, -0, 1e21, 'x\u2028y'], a: { d: null, c: true }, '\u20ac': 'euro', '\ud83d\ude00': 1 });
    expect(sortedJsonText(sorted)).toBe(canonicalize(sorted));
    expect(sortedJsonText({ b: 1, a: 2 })).toBeUndefined();
    // Integer-like keys come first in Object.keys, whatever the insertion order: not code-unit order.
    expect(sortedJsonText({ '10': 1, '9': 2 })).toBeUndefined();
    expect(canonicalJson({ '10': 1, '9': 2 })).toBe('{"10":1,"9":2}');
    expect(sortedJsonText({ a: new Date(0) })).toBeUndefined();
    expect(sortedJsonText({ a: { toJSON: () => 1 } })).toBeUndefined();
    expect(sortedJsonText({ a: undefined })).toBeUndefined();
    expect(sortedJsonText([1, , 3])).toBeUndefined();
    expect(sortedJsonText('text')).toBeUndefined();
  });

  it('still refuses what JCS cannot represent', () => {
    for (const bad of [{ a: '\ud800' }, { '\udc00': 1 }, { a: [Number.NaN] }, { a: Infinity }]) {
      expect(sortedJsonText(bad)).toBeUndefined();
      expect(() => canonicalJson(bad)).toThrow(expect.objectContaining({ code: 'ERR_CANONICALIZATION_FAILED' }));
    }
    const cycle: Record<string, unknown> = { a: 1 };
    cycle.b = cycle;
    expect(() => canonicalJson(cycle)).toThrow(expect.objectContaining({ code: 'ERR_CANONICALIZATION_FAILED' }));
  });
});
