// Small files full of junk items (review r10, F5): each junk item must cost about what parsing
// it did. Items that plainly are not signed credentials or exclusion records are rejected by a
// few property reads (missingField) before any copy, hash or schema run; the schema still
// decides everything else. No timings here: the structure is checked (which path rejected the
// item), and that the cheap gate never refuses what the schema admits.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPassport, parsePassport, PassportError } from '../../src/index.js';
import { ExclusionRecordSchema, StoredCredentialSchema } from '../../src/passport/schema.js';
import { missingField } from '../../src/passport/state.js';
import { HOLDER } from './fixtures.js';

const SECTIONS = ['entries', 'accreditations', 'statusLists', 'exclusions'] as const;

function file(sections: Partial<Record<(typeof SECTIONS)[number], unknown[]>>): string {
  return JSON.stringify({
    type: 'LearningPassport',
    version: 1,
    holder: HOLDER,
    exclusions: [],
    accreditations: [],
    statusLists: [],
    entries: [],
    ...sections,
  });
}

describe('junk items in a passport file', () => {
  it('lists every junk item of every section, each rejected by the cheap gate (named field), nothing kept', () => {
    const n = 5_000;
    const junk = Array(n).fill({ a: 1 });
    const { passport, problems } = readPassport(file({ entries: junk, accreditations: junk, statusLists: junk, exclusions: junk }));
    expect(problems).toHaveLength(4 * n);
    for (const section of SECTIONS) {
      const mine = problems.filter((p) => p.section === section);
      expect(mine.map((p) => p.index)).toEqual([...Array(n).keys()]);
      // The message names the first missing field: only the cheap gate words it so.
      expect(mine.every((p) => p.code === 'ERR_SCHEMA_INVALID' && /has no "(@context|cid)"/.test(p.message))).toBe(true);
      expect(mine[0]!.value).toEqual({ a: 1 });
    }
    expect(passport.entries).toHaveLength(0);
    expect(passport.accreditations).toHaveLength(0);
  });

  it('parsePassport refuses such a file with every item in details.problems and a short message', () => {
    const junk = [1, 'x', null, [], { a: 1 }, { '@context': 'x' }];
    let caught: unknown;
    try {
      parsePassport(file({ entries: junk }));
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(PassportError);
    const err = caught as PassportError;
    expect(err.code).toBe('ERR_PASSPORT_INVALID');
    expect((err.details as { problems: unknown[] }).problems).toHaveLength(junk.length);
    expect(err.message).toMatch(/and 1 more/);
  });

  it('the cheap gate is weaker than the schema: whatever the schema admits, the gate lets through', () => {
    const value = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.constant(null),
      fc.array(fc.jsonValue(), { maxLength: 2 }),
      fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 2 }),
    );
    const credential = fc.record(
      {
        '@context': fc.oneof(value, fc.array(value, { minLength: 1, maxLength: 2 })),
        type: fc.oneof(value, fc.array(fc.string(), { minLength: 1, maxLength: 2 })),
        issuer: fc.oneof(value, fc.record({ id: fc.string({ minLength: 1 }) })),
        credentialSubject: value,
        proof: fc.oneof(value, fc.record({ type: fc.string() }), fc.array(fc.record({ type: fc.string() }), { minLength: 1, maxLength: 2 })),
      },
      { requiredKeys: [] },
    );
    const record = fc.record(
      {
        cid: fc.oneof(value, fc.constant('bagaaieraxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx')),
        action: fc.oneof(value, fc.constantFrom('remove', 'restore')),
        at: fc.oneof(value, fc.constant('2026-01-01T00:00:00Z')),
        proof: fc.oneof(value, fc.record({ type: fc.string(), cryptosuite: fc.string(), verificationMethod: fc.string(), proofValue: fc.string() })),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(credential, fc.jsonValue()), (item) => {
        for (const section of ['entries', 'accreditations', 'statusLists'] as const) {
          if (StoredCredentialSchema.safeParse(item).success) expect(missingField(item, section)).toBeUndefined();
        }
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.oneof(record, fc.jsonValue()), (item) => {
        if (ExclusionRecordSchema.safeParse(item).success) expect(missingField(item, 'exclusions')).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  it('an item whose fields throw when read is rejected, not thrown', () => {
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('boom');
        },
        has: () => true,
        ownKeys: () => ['@context'],
        getOwnPropertyDescriptor: () => ({ configurable: true, enumerable: true, value: 1 }),
      },
    );
    expect(missingField(hostile, 'entries')).toMatch(/not a signed credential/);
  });
});
