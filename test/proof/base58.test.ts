// The fast base58btc encoder used for proofValue gives exactly what multiformats gives.
import fc from 'fast-check';
import { base58btc } from 'multiformats/bases/base58';
import { describe, expect, it } from 'vitest';
import { base58btcMultibase } from '../../src/internal/base58.js';

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
