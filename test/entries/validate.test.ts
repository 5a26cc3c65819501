import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkEntrySchema, describeEntry, ENTRY_KINDS, entryKindOf, issueEntry, type SignedEntry } from '../../src/index.js';
import { FIXTURE_ISSUER, fixtureFields, OB_BASIC_EXAMPLE, signer } from './fixtures.js';

const basicBadge = OB_BASIC_EXAMPLE;

const entries: SignedEntry[] = [];
beforeAll(async () => {
  const fields = await fixtureFields();
  for (const kind of ENTRY_KINDS) {
    const s = await signer(FIXTURE_ISSUER[kind].name, FIXTURE_ISSUER[kind].role);
    entries.push(await issueEntry(kind, fields[kind] as never, s));
  }
});

describe('checkEntrySchema and entryKindOf', () => {
  it('treats credentials without learningPassport as external, with no issues', () => {
    expect(entryKindOf(basicBadge)).toBe('external');
    expect(checkEntrySchema(basicBadge)).toEqual({ kind: 'external', issues: [] });
    expect(describeEntry(basicBadge)).toBe('Teamwork Badge — from Example Corp');
  });

  it('reports an unknown kind as an issue', () => {
    const copy = structuredClone(entries[0]) as unknown as Record<string, any>;
    copy.credentialSubject.learningPassport.kind = 'diploma';
    expect(entryKindOf(copy)).toBe('unknown');
    expect(checkEntrySchema(copy)).toEqual({
      kind: 'unknown',
      issues: [{ path: ['credentialSubject', 'learningPassport', 'kind'], message: expect.stringContaining('not a known entry kind') }],
    });
    copy.credentialSubject.learningPassport = 'qualification';
    expect(checkEntrySchema(copy).kind).toBe('unknown');
    expect(checkEntrySchema(copy).issues).toHaveLength(1);
  });

  it('rejects envelope changes the schema forbids', () => {
    const cases: [string, (c: Record<string, any>) => void, (string | number)[]][] = [
      ['issuer role added', (c) => (c.issuer.role = 'prison'), ['issuer', 'role']],
      ['wrong first context', (c) => (c['@context'][0] = 'https://www.w3.org/2018/credentials/v1'), ['@context', 0]],
      ['missing OB context', (c) => c['@context'].splice(1), ['@context', 1]],
      ['wrong achievementType', (c) => (c.credentialSubject.achievement.achievementType = 'Badge'), ['credentialSubject', 'achievement', 'achievementType']],
      ['bad validFrom', (c) => (c.validFrom = '2026-03-03'), ['validFrom']],
      [
        'supersedes not a CID',
        (c) => (c.credentialSubject.learningPassport.supersedes = 'urn:uuid:x'),
        ['credentialSubject', 'learningPassport', 'supersedes'],
      ],
      ['missing type', (c) => (c.type = ['VerifiableCredential']), ['type', 1]],
    ];
    for (const [name, mutate, path] of cases) {
      const copy = structuredClone(entries[0]) as unknown as Record<string, any>;
      mutate(copy);
      const { issues } = checkEntrySchema(copy);
      expect(
        issues.map((i) => i.path),
        name,
      ).toContainEqual(path);
    }
  });

  it('accepts proof as an object or a one-element array, and extra contexts', () => {
    const copy = structuredClone(entries[0]) as unknown as Record<string, any>;
    copy.proof = [copy.proof];
    copy['@context'].push('https://purl.imsglobal.org/spec/ob/v3p0/extensions.json');
    expect(checkEntrySchema(copy).issues).toEqual([]);
  });

  it('reads the kind from the first subject of a list, and calls learningPassport on a later one "unknown"', () => {
    const copy = structuredClone(entries[0]) as unknown as Record<string, any>;
    copy.credentialSubject = [copy.credentialSubject, { id: 'did:example:1' }];
    expect(entryKindOf(copy)).toBe('qualification');
    expect(checkEntrySchema(copy).issues.length).toBeGreaterThan(0); // an entry has one subject
    copy.credentialSubject.reverse();
    // Not 'external': a custody-transfer hidden in a second subject must not pass as neutral.
    expect(entryKindOf(copy)).toBe('unknown');
    expect(checkEntrySchema(copy).issues.length).toBeGreaterThan(0);
  });

  it('never throws on any JSON input', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const outcome = checkEntrySchema(value as never);
        expect(typeof outcome.kind).toBe('string');
        expect(Array.isArray(outcome.issues)).toBe(true);
        entryKindOf(value);
        expect(typeof describeEntry(value)).toBe('string');
      }),
      { numRuns: 300 },
    );
  });

  it('never throws when any learningPassport field or envelope property is replaced by any JSON value', () => {
    const arb = fc.record({
      index: fc.nat({ max: ENTRY_KINDS.length - 1 }),
      where: fc.constantFrom('lp', 'top', 'subject', 'achievement'),
      key: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('kind', 'title', 'cids', 'issuer', 'proof', 'achievement', 'name', '__proto__')),
      value: fc.jsonValue({ maxDepth: 3 }),
    });
    fc.assert(
      fc.property(arb, ({ index, where, key, value }) => {
        const copy = structuredClone(entries[index]) as unknown as Record<string, any>;
        const target =
          where === 'top'
            ? copy
            : where === 'subject'
              ? copy.credentialSubject
              : where === 'lp'
                ? copy.credentialSubject.learningPassport
                : copy.credentialSubject.achievement;
        Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
        const outcome = checkEntrySchema(copy);
        expect(Array.isArray(outcome.issues)).toBe(true);
        expect(typeof describeEntry(copy)).toBe('string');
      }),
      { numRuns: 500 },
    );
  });

  it('any change to a required kind field’s type is caught', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string())), (value) => {
        const copy = structuredClone(entries[0]) as unknown as Record<string, any>;
        copy.credentialSubject.learningPassport.title = value;
        expect(checkEntrySchema(copy).issues.map((i) => i.path)).toContainEqual(['credentialSubject', 'learningPassport', 'title']);
      }),
    );
  });
});

describe('describe()', () => {
  it('never throws and falls back to the name for entries that do not match their kind', () => {
    const copy = structuredClone(entries[0]) as unknown as Record<string, any>;
    copy.credentialSubject.learningPassport.level = 42;
    expect(describeEntry(copy)).toBe('Functional Skills Maths, Level 1 — qualification from City & Guilds');
    expect(describeEntry(null)).toBe('Not a credential');
    expect(describeEntry({})).toBe('A credential');
  });
});
