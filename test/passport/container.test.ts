import { readFileSync, writeFileSync } from 'node:fs';
import { sha256 } from '@noble/hashes/sha2.js';
import canonicalize from 'canonicalize';
import { CID } from 'multiformats/cid';
import { create as createDigest } from 'multiformats/hashes/digest';
import { beforeAll, describe, expect, it } from 'vitest';
import { isPassportError } from '../../src/index.js';
import {
  addEntries,
  createPassport,
  entryId,
  parsePassport,
  passportJsonSchema,
  readPassport,
  serializePassport,
  type Passport,
} from '../../src/passport/index.js';
import { HOLDER, qualification, reordered, signer, unitCredit, type Signer } from './fixtures.js';

let college: Signer;
let entries: Record<string, unknown>[];
let passport: Passport;

beforeAll(async () => {
  college = await signer('City & Guilds', 'awarding-body');
  entries = [await qualification(college, 'Functional Skills Maths'), await unitCredit(college, 'Food safety'), await unitCredit(college, 'Knife skills')];
  passport = (await addEntries(createPassport({ holder: HOLDER }), entries)).passport;
});

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return isPassportError(err) ? err.code : `not a PassportError: ${String(err)}`;
  }
  return undefined;
}

describe('entryId', () => {
  it('is the CIDv1 (json codec, sha2-256) of the JCS bytes of the whole signed entry', () => {
    const bytes = new TextEncoder().encode(canonicalize(entries[0])!);
    const expected = CID.create(1, 0x0200, createDigest(0x12, sha256(bytes))).toString();
    expect(entryId(entries[0]!)).toBe(expected);
    expect(expected.startsWith('bagaaiera')).toBe(true);
    const cid = CID.parse(expected);
    expect(cid.version).toBe(1);
    expect(cid.code).toBe(0x0200);
    expect(cid.multihash.code).toBe(0x12);
  });

  it('does not depend on key order or whitespace, and changes with any content change', () => {
    const cid = entryId(entries[0]!);
    expect(entryId(reordered(entries[0]!))).toBe(cid);
    expect(entryId(JSON.parse(JSON.stringify(entries[0], null, 7)))).toBe(cid);
    const changed = JSON.parse(JSON.stringify(entries[0]));
    changed.validFrom = '2026-03-03T10:00:01Z';
    expect(entryId(changed)).not.toBe(cid);
  });

  it('is the same for the frozen copy held by a passport, and is not fooled by a later change to a caller object', () => {
    const held = passport.entries.find((e) => entryId(e) === entryId(entries[0]!));
    expect(held).toBeDefined();
    expect(Object.isFrozen(held)).toBe(true);
    const mine = JSON.parse(JSON.stringify(entries[0]));
    const before = entryId(mine);
    mine.name = 'changed';
    expect(entryId(mine)).not.toBe(before);
  });

  it('throws TypeError for non-objects', () => {
    for (const bad of [null, 'x', 1, [1]]) expect(() => entryId(bad as never)).toThrow(TypeError);
  });
});

describe('createPassport / serializePassport / parsePassport', () => {
  it('creates an empty passport and writes deterministic text', () => {
    const empty = createPassport({ holder: HOLDER });
    expect(serializePassport(empty)).toBe(
      `{\n  "type": "LearningPassport",\n  "version": 1,\n  "holder": "${HOLDER}",\n  "exclusions": [],\n  "accreditations": [],\n  "statusLists": [],\n  "entries": []\n}\n`,
    );
    expect(() => createPassport({ holder: '' })).toThrow(TypeError);
    expect(() => createPassport({} as never)).toThrow(TypeError);
    expect(createPassport({ holder: { id: 'urn:uuid:7d1a0000-0000-4000-8000-000000000001' } }).holder).toBe('urn:uuid:7d1a0000-0000-4000-8000-000000000001');
    expect(() => createPassport({ holder: 'Amira Khan, A1234BC' })).toThrow(TypeError);
  });

  it('round-trips byte for byte, with entries sorted by CID whatever the input order or key order', () => {
    const text = serializePassport(passport);
    expect(text.endsWith('}\n')).toBe(true);
    const again = parsePassport(text);
    expect(serializePassport(again)).toBe(text);
    const doc = JSON.parse(text);
    expect(doc.entries.map((e: object) => entryId(e))).toEqual([...doc.entries.map((e: object) => entryId(e))].sort());
    // Shuffle entries, reverse every key order, re-indent: same passport, same bytes.
    const shuffled = { ...reordered(doc), entries: [...doc.entries].reverse().map(reordered) };
    expect(serializePassport(parsePassport(JSON.stringify(shuffled, null, 4)))).toBe(text);
    // Duplicates collapse.
    expect(serializePassport(parsePassport(JSON.stringify({ ...doc, entries: [...doc.entries, ...doc.entries] })))).toBe(text);
    // Bytes are accepted too.
    expect(serializePassport(parsePassport(new TextEncoder().encode(text)))).toBe(text);
  });

  it('gives clear codes for a bad file', () => {
    const doc = JSON.parse(serializePassport(passport));
    expect(codeOf(() => parsePassport('{"type": "LearningPassport",'))).toBe('ERR_JSON_INVALID');
    expect(codeOf(() => parsePassport('[]'))).toBe('ERR_PASSPORT_INVALID');
    expect(codeOf(() => parsePassport(JSON.stringify({ ...doc, type: 'Other' })))).toBe('ERR_PASSPORT_INVALID');
    expect(codeOf(() => parsePassport(JSON.stringify({ ...doc, version: 2 })))).toBe('ERR_PASSPORT_VERSION');
    expect(codeOf(() => parsePassport(JSON.stringify({ ...doc, version: '1' })))).toBe('ERR_PASSPORT_VERSION');
    expect(codeOf(() => parsePassport(JSON.stringify({ ...doc, holder: 5 })))).toBe('ERR_PASSPORT_INVALID');
    expect(codeOf(() => parsePassport(JSON.stringify({ ...doc, entries: {} })))).toBe('ERR_PASSPORT_INVALID');
    expect(codeOf(() => parsePassport(JSON.stringify({ ...doc, extra: true })))).toBe('ERR_PASSPORT_INVALID');
    expect(() => parsePassport(42 as never)).toThrow(TypeError);
  });

  it('names every bad entry when strict, and keeps every valid one when lenient', () => {
    const doc = JSON.parse(serializePassport(passport));
    const bad = {
      ...doc,
      entries: [doc.entries[0], 'not an entry', doc.entries[1], { type: 'VerifiableCredential' }, doc.entries[2]],
      exclusions: [{ cid: 'nope' }],
    };
    const text = JSON.stringify(bad);
    let error: unknown;
    try {
      parsePassport(text);
    } catch (err) {
      error = err;
    }
    expect(isPassportError(error, 'ERR_PASSPORT_INVALID')).toBe(true);
    const problems = (error as { details: { problems: { section: string; index: number; value: unknown }[] } }).details.problems;
    expect(problems.map((p) => `${p.section}[${p.index}]`)).toEqual(['entries[1]', 'entries[3]', 'exclusions[0]']);
    expect(problems[0]!.value).toBe('not an entry');
    expect((error as Error).message).toContain('entries[1]');
    expect((error as Error).message).toContain('entries[3]');

    const { passport: kept, problems: listed } = readPassport(text);
    expect(kept.entries.length).toBe(3);
    expect(serializePassport(kept)).toBe(serializePassport(passport));
    expect(listed).toHaveLength(3);
    expect(listed[1]!.value).toEqual({ type: 'VerifiableCredential' });
  });

  it('returns frozen passports', () => {
    expect(Object.isFrozen(passport)).toBe(true);
    expect(Object.isFrozen(passport.entries)).toBe(true);
    expect(() => (passport.entries as unknown[]).push({})).toThrow(TypeError);
  });
});

describe('schemas/passport.schema.json', () => {
  const path = new URL('../../schemas/passport.schema.json', import.meta.url);
  it('is generated from PassportSchema (run with UPDATE_SCHEMAS=1 to refresh)', () => {
    const text = `${JSON.stringify(passportJsonSchema(), null, 2)}\n`;
    if (process.env.UPDATE_SCHEMAS === '1') writeFileSync(path, text);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('accepts what serializePassport writes (ajv, draft 2020-12)', async () => {
    const { default: Ajv2020 } = await import('ajv/dist/2020.js');
    const ajv = new Ajv2020({ strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(path, 'utf8')));
    expect(validate(JSON.parse(serializePassport(passport)))).toBe(true);
    expect(validate({ type: 'LearningPassport', version: 2, holder: HOLDER, entries: [], accreditations: [], statusLists: [], exclusions: [] })).toBe(false);
  });
});
