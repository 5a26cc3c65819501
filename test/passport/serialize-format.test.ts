// serializePassport writes sealed items with plain JSON.stringify (their keys were put in order
// when they were sealed) and lists item by item; parsePassport seals the parsed tree in place.
// These tests pin that the text is exactly what a key-sorting writer over the whole document
// produces, and that reading in place gives the same items and identities as copying.
import { describe, expect, it } from 'vitest';
import { isPlainObject } from '../../src/internal/json.js';
import { addEntries, createPassport, entryId, parsePassport, readPassport, serializePassport } from '../../src/passport/index.js';
import { externalBadge, HOLDER, qualification, rawPassport, reordered, signer, unitCredit } from './fixtures.js';

const college = await signer('Northgate College', 'education-provider');
const entries = [
  reordered(await qualification(college, 'Functional Skills English')),
  await unitCredit(college, 'Food safety'),
  reordered(await externalBadge(college, 'Forklift awareness')),
];

/** The reference writer: every nested object's keys sorted, the whole document at once. */
function reference(doc: Record<string, unknown>): string {
  const sortKeys = (_key: string, value: unknown): unknown => {
    if (!isPlainObject(value)) return value;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) Object.defineProperty(out, key, { value: value[key], enumerable: true, writable: true, configurable: true });
    return out;
  };
  const order = ['type', 'version', 'holder', 'exclusions', 'accreditations', 'statusLists', 'entries'];
  const body = order.map((key) => `  ${JSON.stringify(key)}: ${JSON.stringify(doc[key], sortKeys, 2).replace(/\n/g, '\n  ')}`).join(',\n');
  return `{\n${body}\n}\n`;
}

describe('serializePassport text', () => {
  it('is what a key-sorting writer of the whole document gives, for built and handed-over passports', async () => {
    const { passport } = await addEntries(createPassport({ holder: HOLDER }), entries);
    expect(passport.entries).toHaveLength(3);
    const text = serializePassport(passport);
    expect(text).toBe(reference(passport as unknown as Record<string, unknown>));
    // A passport-shaped object (not built here) with keys in reverse order at every level.
    const raw = rawPassport(entries.map(reordered));
    expect(serializePassport(raw)).toBe(text);
    expect(serializePassport(createPassport({ holder: HOLDER }))).toBe(reference(createPassport({ holder: HOLDER }) as unknown as Record<string, unknown>));
  });

  it('keeps odd member names in order and as members (integer-like keys, __proto__)', async () => {
    const odd = JSON.parse('{"b":1,"10":2,"2":3,"__proto__":{"z":1,"a":2},"a":[{"y":1,"x":2}]}');
    const entry = { ...(await unitCredit(college, 'Odd names')), evidence: odd };
    // Not signed over `evidence`, so the file is what matters here, not verification.
    const raw = rawPassport([entry]);
    const text = serializePassport(raw);
    expect(text).toBe(reference({ ...(raw as Record<string, unknown>), entries: [JSON.parse(JSON.stringify(entry))] }));
    // Integer-like names come first (as JavaScript enumerates them), then the rest sorted.
    expect(Object.keys(JSON.parse(text).entries[0].evidence)).toEqual(['2', '10', '__proto__', 'a', 'b']);
    expect(JSON.parse(text).entries[0].evidence.__proto__).toEqual({ a: 2, z: 1 });
  });
});

describe('parsePassport reads in place', () => {
  it('gives the same entries, identities and text as reading a copy', async () => {
    const { passport } = await addEntries(createPassport({ holder: HOLDER }), entries);
    const text = serializePassport(passport);
    const parsed = parsePassport(text);
    expect(parsed.entries).toEqual(passport.entries);
    expect(parsed.entries.map((e) => entryId(e))).toEqual(passport.entries.map((e) => entryId(e)));
    expect(parsed.entries.map((e) => entryId(JSON.parse(JSON.stringify(e))))).toEqual(passport.entries.map((e) => entryId(e)));
    expect(serializePassport(parsed)).toBe(text);
    expect(Object.isFrozen(parsed.entries[0])).toBe(true);
    expect(Object.isFrozen((parsed.entries[0] as { proof: object }).proof)).toBe(true);
  });

  it('reads a file with keys in any order to the same passport', async () => {
    const { passport } = await addEntries(createPassport({ holder: HOLDER }), entries);
    const text = serializePassport(passport);
    const shuffled = JSON.stringify(reordered(JSON.parse(text)), null, 1);
    const { passport: again, problems } = readPassport(shuffled);
    expect(problems).toEqual([]);
    expect(serializePassport(again)).toBe(text);
  });
});
