// Entry ids are CIDv1 strings written without multiformats' CID class (see entries/entry-id.ts):
// they must be exactly what multiformats makes of the same digest, for any bytes.
import fc from 'fast-check';
import { CID } from 'multiformats/cid';
import { create as createDigest } from 'multiformats/hashes/digest';
import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import { cidOfBytes, JSON_CODEC, SHA2_256 } from '../../src/entries/entry-id.js';

const reference = (bytes: Uint8Array): string => CID.create(1, JSON_CODEC, createDigest(SHA2_256, sha256(bytes))).toString();

describe('cidOfBytes', () => {
  it('is the CIDv1 multiformats builds (json codec, sha2-256, base32) for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(cidOfBytes(bytes)).toBe(reference(bytes));
      }),
      { numRuns: 500 },
    );
  });

  it('reads back as that CID', () => {
    const cid = CID.parse(cidOfBytes(new TextEncoder().encode('{"a":1}')));
    expect([cid.version, cid.code, cid.multihash.code, cid.multihash.size]).toEqual([1, JSON_CODEC, SHA2_256, 32]);
    expect(cidOfBytes(new Uint8Array())).toBe('bagaaiera4oymiquy7qobjgx36tejs35zeqt24qpemsnzgtfeswmrw6csxbkq');
  });
});
