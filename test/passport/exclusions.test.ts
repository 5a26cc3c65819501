import { beforeAll, describe, expect, it } from 'vitest';
import {
  addEntries,
  createPassport,
  entryId,
  mergePassports,
  parsePassport,
  removeEntries,
  restoreEntries,
  serializePassport,
  type Passport,
} from '../../src/passport/index.js';
import { HOLDER, qualification, signer, unitCredit, type Signer } from './fixtures.js';

let prison: Signer;
let college: Signer;
let entries: Record<string, unknown>[];
let full: Passport;

beforeAll(async () => {
  [prison, college] = await Promise.all([signer('HMP A', 'prison'), signer('City & Guilds', 'awarding-body')]);
  entries = [await unitCredit(prison, 'Wing cleaning'), await qualification(college, 'Maths'), await unitCredit(prison, 'Food safety')];
  full = (await addEntries(createPassport({ holder: HOLDER }), entries)).passport;
});

describe('holder control', () => {
  it('a removal survives merging with a copy that still holds the entry, in either order', async () => {
    const cleaning = entryId(entries[0]!);
    const mine = removeEntries(full, [cleaning], { reason: 'not for employers', at: '2026-05-01T12:00:00Z' });
    expect(mine.entries.map((e) => entryId(e))).not.toContain(cleaning);
    expect(mine.exclusions).toEqual([{ cid: cleaning, action: 'remove', at: '2026-05-01T12:00:00Z', reason: 'not for employers' }]);
    const ab = await mergePassports(mine, full);
    const ba = await mergePassports(full, mine);
    expect(ab.passport.entries.map((e) => entryId(e))).not.toContain(cleaning);
    expect(ab.excluded).toEqual([cleaning]);
    expect(serializePassport(ab.passport)).toBe(serializePassport(ba.passport));
    // Adding it again directly is refused too (reported as excluded, not as an error).
    const again = await addEntries(mine, [entries[0]]);
    expect(again.added).toEqual([]);
    expect(again.excluded).toEqual([cleaning]);
    // The exclusion list is written to the file and read back.
    expect(parsePassport(serializePassport(mine)).exclusions).toEqual(mine.exclusions);
  });

  it('a later restoration wins over an older removal held by another copy', async () => {
    const cleaning = entryId(entries[0]!);
    const removed = removeEntries(full, [cleaning], { at: '2026-05-01T12:00:00Z' });
    const { passport: restored } = await restoreEntries(removed, [entries[0]], { at: '2026-06-01T12:00:00Z' });
    expect(restored.entries.map((e) => entryId(e))).toContain(cleaning);
    expect(restored.exclusions).toEqual([{ cid: cleaning, action: 'restore', at: '2026-06-01T12:00:00Z' }]);
    for (const [a, b] of [[restored, removed], [removed, restored]] as const) {
      const merged = (await mergePassports(a, b)).passport;
      expect(merged.entries.map((e) => entryId(e))).toContain(cleaning);
      expect(serializePassport(merged)).toBe(serializePassport(restored));
    }
    // And a removal made after the restoration wins again.
    const removedAgain = removeEntries(restored, [cleaning], { at: '2026-07-01T12:00:00Z' });
    expect((await mergePassports(full, removedAgain)).passport.entries).toHaveLength(2);
  });

  it('removal wins a tie; a restoration older than the removal has no effect', async () => {
    const maths = entryId(entries[1]!);
    const removed = removeEntries(full, [maths], { at: '2026-05-01T12:00:00Z' });
    const tie = await restoreEntries(removed, [entries[1]], { at: '2026-05-01T12:00:00Z' });
    expect(tie.excluded).toEqual([maths]);
    expect(tie.passport.entries.map((e) => entryId(e))).not.toContain(maths);
  });

  it('can keep an entry out before it arrives, and validates its arguments', async () => {
    const food = entryId(entries[2]!);
    const empty = removeEntries(createPassport({ holder: HOLDER }), [food], { at: '2026-05-01T12:00:00Z' });
    const merged = await mergePassports(empty, full);
    expect(merged.passport.entries).toHaveLength(2);
    expect(() => removeEntries(full, ['not-a-cid'])).toThrow(TypeError);
    expect(() => removeEntries(full, [food], { at: 'yesterday' })).toThrow(TypeError);
    expect(() => removeEntries(full, 'x' as never)).toThrow(TypeError);
  });
});
