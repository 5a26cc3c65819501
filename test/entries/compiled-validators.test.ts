// The compiled validators (src/entries/compiled/, used on the verify path) against their source,
// the zod schemas: the file is fresh, and both accept and refuse the same entries — every kind's
// fixture, and thousands of mutations of them (wrong types, missing and unknown properties,
// lengths at and past their bounds, broken rules, hostile values).
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderValidators, VALIDATORS_FILE } from '../../scripts/compile-validators.js';
import { ENTRY_KINDS, entryCredentialSchema, issueEntry, kindDefinition, type EntryKind } from '../../src/entries/index.js';
import { ENTRY_VALIDATORS, KIND_TABLE, type Issue } from '../../src/entries/compiled/entry-validators.js';
import { fixtureFields, FIXTURE_ISSUER, signer } from './fixtures.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const entries = new Map<EntryKind, Record<string, Json>>();

beforeAll(async () => {
  const fields = await fixtureFields();
  const holder = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
  for (const kind of ENTRY_KINDS) {
    const { name, role, displayName } = FIXTURE_ISSUER[kind];
    const { key, issuer } = await signer(name, role, displayName);
    entries.set(kind, (await issueEntry(kind, fields[kind] as never, { issuer, key, holder })) as unknown as Record<string, Json>);
  }
});

function compiled(kind: EntryKind, value: unknown): Issue[] {
  const out: Issue[] = [];
  ENTRY_VALIDATORS[kind]!(value, [], undefined, out);
  return out;
}

function zodAccepts(kind: EntryKind, value: unknown): boolean {
  return entryCredentialSchema(kind).safeParse(value).success;
}

/** Every path to a value inside a JSON document. */
function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const here = [prefix];
  if (Array.isArray(value)) return here.concat(...value.map((v, i) => paths(v, [...prefix, i])));
  if (value && typeof value === 'object') return here.concat(...Object.entries(value).map(([k, v]) => paths(v, [...prefix, k])));
  return here;
}

function mutate(doc: Json, path: (string | number)[], change: (parent: Record<string, Json> | Json[], key: string | number) => void): Json {
  const copy = structuredClone(doc);
  if (path.length === 0) return copy;
  let parent = copy as Record<string, Json> | Json[];
  for (const step of path.slice(0, -1)) parent = (parent as Record<string | number, Json>)[step] as Record<string, Json>;
  change(parent, path[path.length - 1]!);
  return copy;
}

const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, false, 0, -1, 1.5, 1e21, '', ' ', 'x'.repeat(201), 'x'.repeat(2001), [], {}, [null], { kind: 'qualification' }),
  fc.constantFrom<Json>('2026-02-30', '2026-13', '9999-12-31T23:59:59.999-14:00', '2026-03-03T00:00:60Z', 'bagaaiera', 'L9', 'E1', 'RQF', 'ext:x'),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
);

describe('compiled entry validators', () => {
  it('are up to date with the zod schemas (run `npm run validators` if this fails)', () => {
    expect(readFileSync(VALIDATORS_FILE, 'utf8')).toBe(renderValidators());
  });

  it('carry the kind tables as the kind definitions declare them', () => {
    for (const kind of ENTRY_KINDS) {
      const def = kindDefinition(kind);
      expect(KIND_TABLE[kind]).toEqual({ achievementType: def.achievementType, sensitivity: def.sensitivity, lifecycle: def.lifecycle, label: def.label });
    }
  });

  it.each(ENTRY_KINDS)('accept the %s fixture, as zod does', (kind) => {
    const entry = entries.get(kind)!;
    expect(zodAccepts(kind, entry)).toBe(true);
    expect(compiled(kind, entry)).toEqual([]);
  });

  it('refuse what zod refuses, with the path of the problem', () => {
    const entry = entries.get('qualification')!;
    const noTitle = mutate(entry, ['credentialSubject', 'learningPassport', 'title'], (parent, key) => delete (parent as Record<string, Json>)[key]);
    expect(compiled('qualification', noTitle)).toEqual([{ path: ['credentialSubject', 'learningPassport', 'title'], message: 'is required' }]);
    const extra = mutate(entry, ['credentialSubject', 'learningPassport', 'title'], (parent) => ((parent as Record<string, Json>).prisonNumber = 'A1234BC'));
    expect(compiled('qualification', extra)).toEqual([
      { path: ['credentialSubject', 'learningPassport', 'prisonNumber'], message: 'is not allowed here (unknown property)' },
    ]);
    const level = mutate(entry, ['credentialSubject', 'learningPassport', 'level'], (parent, key) => ((parent as Record<string, Json>)[key] = 'L9'));
    expect(compiled('qualification', level)).toEqual([
      { path: ['credentialSubject', 'learningPassport', 'level'], message: 'must be a level: E1–E3, L1–L8 or SCQF1–SCQF12' },
    ]);
    expect(zodAccepts('qualification', noTitle) || zodAccepts('qualification', extra) || zodAccepts('qualification', level)).toBe(false);
  });

  it("run the kinds' cross-field rules", () => {
    const entry = entries.get('employability-skill')!;
    const over = mutate(entry, ['credentialSubject', 'learningPassport', 'rating', 'value'], (parent, key) => ((parent as Record<string, Json>)[key] = 99));
    expect(zodAccepts('employability-skill', over)).toBe(false);
    expect(compiled('employability-skill', over)).toEqual([
      { path: ['credentialSubject', 'learningPassport', 'rating', 'value'], message: 'must not be more than rating.max' },
    ]);
  });

  it('agree with zod on every mutation of every kind (replace, delete, add a property)', () => {
    const kinds = fc.constantFrom(...ENTRY_KINDS);
    fc.assert(
      fc.property(kinds, fc.nat(), fc.constantFrom('replace', 'delete', 'add'), hostileValue, fc.string({ maxLength: 12 }), (kind, pick, op, value, newKey) => {
        const entry = entries.get(kind)! as Json;
        const all = paths(entry);
        const path = all[pick % all.length]!;
        const mutated = mutate(entry, path, (parent, key) => {
          if (op === 'replace') (parent as Record<string | number, Json>)[key] = value;
          else if (op === 'delete') {
            if (Array.isArray(parent)) parent.splice(key as number, 1);
            else delete parent[key];
          } else {
            const target = (parent as Record<string | number, Json>)[key];
            if (target && typeof target === 'object' && !Array.isArray(target)) target[newKey] = value;
            else if (Array.isArray(target)) target.push(value);
          }
        });
        const issues = compiled(kind, mutated);
        expect(issues.length === 0).toBe(zodAccepts(kind, mutated));
      }),
      { numRuns: 3000 },
    );
  });

  it('agree with zod on arbitrary JSON in place of an entry', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ENTRY_KINDS), fc.jsonValue({ maxDepth: 4 }), (kind, value) => {
        expect(compiled(kind, value).length === 0).toBe(zodAccepts(kind, value));
      }),
      { numRuns: 500 },
    );
  });

  it('stop after 20 issues on a huge list of bad items', () => {
    const entry = entries.get('checkpoint')!;
    const bad = mutate(
      entry,
      ['credentialSubject', 'learningPassport', 'cids'],
      (parent, key) => ((parent as Record<string, Json>)[key] = Array.from({ length: 100_000 }, () => 'not a cid')),
    );
    const issues = compiled('checkpoint', bad);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.length).toBeLessThanOrEqual(21);
    expect(zodAccepts('checkpoint', bad)).toBe(false);
  });
});
