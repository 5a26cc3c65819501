// describeEntry runs on the verify path without zod: it checks a kind's fields with the compiled
// validators and builds the line from the kinds' zod-free words. These tests hold it to what the
// zod kind definitions say: the same line, or the same fallback, for valid and damaged fields.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEntry, ENTRY_KINDS, issueEntry, type SignedEntry } from '../../src/index.js';
import { kindDefinition, type EntryKind } from '../../src/kinds.js';
import { KIND_DESCRIPTIONS } from '../../src/entries/kinds/descriptions.js';
import { issuerNameOf } from '../../src/entries/read-credential.js';
import { CID_A, FIXTURE_ISSUER, fixtureFields, signer } from './fixtures.js';

/** describeEntry as the zod definitions define it: the kind's fields schema decides, its describe() writes. */
function zodReference(entry: Record<string, any>): string {
  const kind = entry.credentialSubject.learningPassport.kind as EntryKind;
  const definition = kindDefinition(kind);
  const issuerName = issuerNameOf(entry);
  const { kind: _kind, supersedes, ...fields } = entry.credentialSubject.learningPassport;
  const parsed = definition.fields.safeParse(fields);
  if (!parsed.success) return `${entry.name ?? entry.credentialSubject.achievement.name} — ${definition.label}${issuerName ? ` from ${issuerName}` : ''}`;
  const line = definition.describe(parsed.data as never, { issuerName });
  return typeof supersedes === 'string' ? `${line} (replaces an earlier entry)` : line;
}

let entries: SignedEntry[];
beforeAll(async () => {
  const fields = await fixtureFields();
  entries = [];
  for (const kind of ENTRY_KINDS) {
    const { name, role, displayName } = FIXTURE_ISSUER[kind];
    entries.push(await issueEntry(kind, fields[kind] as never, { ...(await signer(name, role, displayName)), created: '2026-03-03T10:00:00Z' }));
  }
});

describe('describeEntry without zod', () => {
  it('uses the describe() each kind definition carries', () => {
    for (const kind of ENTRY_KINDS) expect(KIND_DESCRIPTIONS[kind]).toBe(kindDefinition(kind).describe);
  });

  it('writes what the zod definitions write for every kind fixture', () => {
    for (const entry of entries) expect(describeEntry(entry)).toBe(zodReference(entry as never));
  });

  it('accepts and refuses fields exactly as the zod schemas do (damaged, missing, extra and out-of-range fields)', () => {
    const special = fc.constantFrom(
      '2026-02-30',
      '2026-13',
      '2026-03',
      'L9',
      'E3',
      'SCQF12',
      CID_A,
      'B' + CID_A.slice(1),
      '',
      'x'.repeat(201),
      3.5,
      -1,
      0,
      100_001,
      true,
      null,
      [],
      {},
    );
    const arb = fc.record({
      index: fc.nat({ max: ENTRY_KINDS.length - 1 }),
      how: fc.constantFrom('set', 'set', 'delete', 'nested'),
      pick: fc.nat(),
      key: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('supersedes', 'title', 'cids', 'entryCount', 'rating', 'level', 'from', 'to', 'value', 'max')),
      value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), special),
    });
    fc.assert(
      fc.property(arb, ({ index, how, pick, key, value }) => {
        const entry = structuredClone(entries[index]) as unknown as Record<string, any>;
        const lp = entry.credentialSubject.learningPassport;
        const keys = Object.keys(lp).filter((k) => k !== 'kind');
        const target = keys[pick % keys.length]!;
        if (how === 'set') lp[pick % 3 === 0 ? key : target] = value;
        else if (how === 'delete') delete lp[target];
        else if (typeof lp[target] === 'object' && lp[target] !== null) {
          if (Array.isArray(lp[target])) lp[target].push(value);
          else lp[target][key] = value;
        } else lp[target] = [value];
        expect(describeEntry(entry)).toBe(zodReference(entry));
      }),
      { numRuns: 2000 },
    );
  });
});
