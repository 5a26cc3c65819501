// The zod-free item checks (src/passport/shape.ts) must accept and refuse exactly what the zod
// definitions of the passport format (src/passport/schema.ts) accept and refuse: the zod schemas
// are the published description, the plain checks are what runs.
import fc from 'fast-check';
import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { CidStringSchema, ExclusionRecordSchema, HolderSchema, StoredCredentialSchema } from '../../src/passport/schema.js';
import { exclusionRecordProblem, holderProblem, isCidString, storedCredentialProblem } from '../../src/passport/shape.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const CID = 'bagaaierajvl6rqvu3pihn7yfvy5gtcmqhk4bmljwbyhm4pq7qyqbhhmmu3ra';
const proof = { type: 'DataIntegrityProof', cryptosuite: 'eddsa-jcs-2022', verificationMethod: 'did:key:z6Mk#z6Mk', proofValue: 'z5' };
const credential: Record<string, Json> = {
  '@context': ['https://www.w3.org/ns/credentials/v2'],
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: { id: 'did:key:z6Mk', name: 'College' },
  credentialSubject: { id: 'did:key:z6Mh' },
  proof,
};
const record: Record<string, Json> = { cid: CID, action: 'remove', at: '2026-03-03T10:00:00Z', reason: 'mine', proof };

// Values that sit on the edges of each rule, mixed with arbitrary JSON.
const edgy: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(
    null,
    true,
    0,
    '',
    'x',
    'x'.repeat(201),
    'x'.repeat(501),
    'x'.repeat(1001),
    [],
    {},
    [{}],
    [{ type: 'x' }],
    [{ type: 1 }],
    ['a'],
    ['a', 1],
    [[]],
  ),
  fc.constantFrom<Json>(
    CID,
    `${CID}A`,
    'b234567',
    'remove',
    'restore',
    'delete',
    '2026-02-30T10:00:00Z',
    '2026-03-03T10:00:00',
    '2026-03-03T10:00:00+01:00',
    ` ${CID}`,
  ),
  fc.constantFrom<Json>(
    'did:key:z6Mk',
    'did:Key:z',
    'urn:uuid:123e4567-e89b-12d3-a456-426614174000',
    'urn:uuid:123',
    { id: 'x' },
    { id: '' },
    { id: 1 },
    proof,
    { ...proof, type: 2 },
  ),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
);

/** `base` with one member replaced, deleted or added. */
function mutate(base: Record<string, Json>, keys: string[]): fc.Arbitrary<Json> {
  return fc.tuple(fc.constantFrom(...keys, 'extra', '__proto__'), fc.constantFrom('replace', 'delete'), edgy).map(([key, op, value]) => {
    const out: Record<string, Json> = {};
    for (const k of Object.keys(base))
      if (!(op === 'delete' && k === key)) Object.defineProperty(out, k, { value: base[k], enumerable: true, writable: true, configurable: true });
    if (op === 'replace') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    return out;
  });
}

function agrees(schema: z.ZodType, check: (v: unknown) => boolean, arbitrary: fc.Arbitrary<unknown>): void {
  fc.assert(
    fc.property(arbitrary, (value) => {
      expect(check(value)).toBe(schema.safeParse(value).success);
    }),
    { numRuns: 3000 },
  );
}

describe('zod-free passport item checks agree with the zod definitions', () => {
  it('accepts the valid examples zod accepts', () => {
    expect(storedCredentialProblem(credential)).toBeUndefined();
    expect(StoredCredentialSchema.safeParse(credential).success).toBe(true);
    expect(exclusionRecordProblem(record)).toBeUndefined();
    expect(ExclusionRecordSchema.safeParse(record).success).toBe(true);
    expect(holderProblem('did:key:z6Mk')).toBeUndefined();
    expect(isCidString(CID)).toBe(true);
  });

  it('names the property that is wrong', () => {
    expect(storedCredentialProblem({ ...credential, proof: [{}] })?.path).toEqual(['proof']);
    expect(exclusionRecordProblem({ ...record, at: '2026-02-30T10:00:00Z' })?.path).toEqual(['at']);
    expect(exclusionRecordProblem({ ...record, proof: { ...proof, proofValue: 1 } })?.path).toEqual(['proof', 'proofValue']);
  });

  it('stored credentials: same verdict on mutated and arbitrary values', () => {
    const check = (v: unknown) => storedCredentialProblem(v) === undefined;
    agrees(StoredCredentialSchema, check, mutate(credential, Object.keys(credential)));
    agrees(StoredCredentialSchema, check, edgy);
  });

  it('exclusion records: same verdict on mutated and arbitrary values', () => {
    const check = (v: unknown) => exclusionRecordProblem(v) === undefined;
    agrees(ExclusionRecordSchema, check, mutate(record, Object.keys(record)));
    agrees(
      ExclusionRecordSchema,
      check,
      mutate({ ...record, proof: { ...proof } }, ['proof']).chain((r) =>
        mutate((r as Record<string, Record<string, Json>>).proof ?? {}, Object.keys(proof)).map((p) => ({ ...record, proof: p })),
      ),
    );
    agrees(ExclusionRecordSchema, check, edgy);
  });

  it('holders and entry ids: same verdict on edge and arbitrary values', () => {
    agrees(
      HolderSchema,
      (v) => holderProblem(v) === undefined,
      fc.oneof(
        edgy,
        fc.string(),
        fc.string().map((s) => `did:key:${s}`),
      ),
    );
    agrees(CidStringSchema, isCidString, fc.oneof(edgy, fc.string(), fc.stringMatching(/^b[a-z2-7]{18,24}$/)));
  });
});
