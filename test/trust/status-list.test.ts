import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPassportError } from '../../src/errors.js';
import { toBase64url } from '../../src/internal/bytes.js';
import { createStatusList, decodeStatusList, encodeStatusList, getStatus, MIN_STATUS_LIST_LENGTH, setStatus, statusEntry } from '../../src/trust/index.js';

// W3C Bitstring Status List v1.0, Example 2 / 3 encodedList (131,072 bits, all zero).
const SPEC_EXAMPLE = 'uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA';

async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([new Uint8Array(bytes)]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe('Bitstring Status List encoding', () => {
  it('decodes the specification example to 16,384 zero bytes', async () => {
    const list = await decodeStatusList(SPEC_EXAMPLE);
    expect(list.length).toBe(131_072);
    expect(list.bits.length).toBe(16_384);
    expect(list.bits.every((b) => b === 0)).toBe(true);
    expect(getStatus(list, 0)).toBe(false);
    expect(getStatus(list, 131_071)).toBe(false);
  });

  it('puts index 0 at the most significant bit of the first byte', () => {
    const list = createStatusList();
    setStatus(list, 0, true);
    setStatus(list, 9, true);
    setStatus(list, 131_071, true);
    expect(list.bits[0]).toBe(0x80);
    expect(list.bits[1]).toBe(0x40);
    expect(list.bits[16_383]).toBe(0x01);
    setStatus(list, 0, false);
    expect(list.bits[0]).toBe(0);
  });

  it('round-trips any set of indexes through encode and decode', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 0, max: MIN_STATUS_LIST_LENGTH - 1 }), { maxLength: 40 }), async (indexes) => {
        const list = createStatusList();
        for (const i of indexes) setStatus(list, i, true);
        const encoded = await encodeStatusList(list);
        expect(encoded.startsWith('u')).toBe(true);
        const back = await decodeStatusList(encoded);
        expect(back.bits).toEqual(list.bits);
        for (const i of indexes) expect(getStatus(back, i)).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it('refuses lists shorter than 131,072 entries, and bad encodings', async () => {
    const short = `u${toBase64url(await gzip(new Uint8Array(1024)))}`;
    await expect(decodeStatusList(short)).rejects.toSatisfy((e) => isPassportError(e, 'ERR_STATUS_LIST_INVALID'));
    expect((await decodeStatusList(short, { minLength: 8192 })).length).toBe(8192);
    await expect(decodeStatusList('zabc')).rejects.toSatisfy((e) => isPassportError(e, 'ERR_STATUS_LIST_INVALID'));
    await expect(decodeStatusList('u!!!')).rejects.toSatisfy((e) => isPassportError(e, 'ERR_STATUS_LIST_INVALID'));
    await expect(decodeStatusList(`u${toBase64url(new Uint8Array([1, 2, 3, 4, 5]))}`)).rejects.toSatisfy((e) => isPassportError(e, 'ERR_STATUS_LIST_INVALID'));
    // A truncated GZIP stream.
    await expect(decodeStatusList(SPEC_EXAMPLE.slice(0, 30))).rejects.toSatisfy((e) => isPassportError(e, 'ERR_STATUS_LIST_INVALID'));
  });

  it('stops decompressing a GZIP bomb at the size limit', async () => {
    const bomb = `u${toBase64url(await gzip(new Uint8Array(20 * 1024 * 1024)))}`;
    expect(bomb.length).toBeLessThan(40_000);
    await expect(decodeStatusList(bomb)).rejects.toSatisfy((e) => isPassportError(e, 'ERR_LIMIT_EXCEEDED'));
    await expect(decodeStatusList(SPEC_EXAMPLE, { maxBytes: 1000 })).rejects.toSatisfy((e) => isPassportError(e, 'ERR_LIMIT_EXCEEDED'));
  });

  it('rejects caller mistakes with TypeError / RangeError', () => {
    expect(() => createStatusList({ length: 1000 })).toThrow(TypeError);
    expect(() => createStatusList({ length: 131_073 })).toThrow(TypeError);
    const list = createStatusList();
    expect(() => setStatus(list, -1, true)).toThrow(RangeError);
    expect(() => setStatus(list, 131_072, true)).toThrow(RangeError);
    expect(() => getStatus(list, 1.5)).toThrow(RangeError);
    expect(() => setStatus({ length: 8, bits: new Uint8Array(2) }, 0, true)).toThrow(TypeError);
  });
});

describe('statusEntry', () => {
  it('builds the BitstringStatusListEntry with an id that is not the list URL', () => {
    const entry = statusEntry({ listUrl: 'https://status.example.org/lists/7', index: 94567, purpose: 'revocation' });
    expect(entry).toEqual({
      id: 'https://status.example.org/lists/7#94567',
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '94567',
      statusListCredential: 'https://status.example.org/lists/7',
    });
    expect(entry.id).not.toBe(entry.statusListCredential);
  });

  it('refuses nonsense', () => {
    expect(() => statusEntry({ listUrl: 'not a url', index: 1, purpose: 'revocation' })).toThrow(TypeError);
    expect(() => statusEntry({ listUrl: 'https://x.example/l#frag', index: 1, purpose: 'revocation' })).toThrow(TypeError);
    expect(() => statusEntry({ listUrl: 'https://x.example/l', index: -1, purpose: 'revocation' })).toThrow(TypeError);
    expect(() => statusEntry({ listUrl: 'https://x.example/l', index: 1, purpose: 'refresh' as never })).toThrow(TypeError);
  });
});
