import { beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair, isPassportError, signCredential } from '../../src/index.js';
import {
  addEntries,
  createPassport,
  entryId,
  mergePassports,
  parsePassport,
  readPassport,
  removeEntries,
  restoreEntries,
  serializePassport,
  verifyPassport,
  type Passport,
} from '../../src/passport/index.js';
import { HOLDER, holderKey, qualification, signer, unitCredit, type Signer } from './fixtures.js';

let prison: Signer;
let college: Signer;
let entries: Record<string, unknown>[];
let full: Passport;

beforeAll(async () => {
  [prison, college] = await Promise.all([signer('HMP A', 'prison'), signer('City & Guilds', 'awarding-body')]);
  entries = [await unitCredit(prison, 'Wing cleaning'), await qualification(college, 'Maths'), await unitCredit(prison, 'Food safety')];
  full = (await addEntries(createPassport({ holder: HOLDER }), entries)).passport;
});

const held = (p: Passport) => p.entries.map((e) => entryId(e));
const strip = (p: Passport) => p.exclusions.map(({ proof: _proof, ...r }) => r);
const withRecords = (p: Passport, exclusions: unknown[]) => JSON.parse(JSON.stringify({ ...p, exclusions: [...p.exclusions, ...exclusions] }));

describe('holder control', () => {
  it('a removal survives merging with a copy that still holds the entry, in either order', async () => {
    const cleaning = entryId(entries[0]!);
    const { passport: mine, excluded } = await removeEntries(full, [cleaning], { holderKey, reason: 'not for employers', at: '2026-05-01T12:00:00Z' });
    expect(excluded).toEqual([cleaning]);
    expect(held(mine)).not.toContain(cleaning);
    expect(strip(mine)).toEqual([{ cid: cleaning, action: 'remove', at: '2026-05-01T12:00:00Z', reason: 'not for employers' }]);
    expect(mine.exclusions[0]!.proof).toMatchObject({ cryptosuite: 'eddsa-jcs-2022', proofPurpose: 'assertionMethod' });
    const ab = await mergePassports(mine, full);
    const ba = await mergePassports(full, mine);
    expect(held(ab.passport)).not.toContain(cleaning);
    expect(ab.excluded).toEqual([cleaning]);
    expect(ab.problems).toEqual([]);
    expect(serializePassport(ab.passport)).toBe(serializePassport(ba.passport));
    // Adding it again directly is refused too (reported as excluded, not as an error).
    const again = await addEntries(mine, [entries[0]]);
    expect(again.added).toEqual([]);
    expect(again.excluded).toEqual([cleaning]);
    // The exclusion list is written to the file and read back, and honoured once verified.
    const reread = parsePassport(serializePassport(mine));
    expect(reread.exclusions).toEqual(mine.exclusions);
    const report = await verifyPassport(reread);
    expect(report.verified).toBe(true);
    expect(report.entries.map((e) => e.cid)).not.toContain(cleaning);
  });

  it('a later restoration wins over an older removal held by another copy', async () => {
    const cleaning = entryId(entries[0]!);
    const { passport: removed } = await removeEntries(full, [cleaning], { holderKey, at: '2026-05-01T12:00:00Z' });
    const { passport: restored } = await restoreEntries(removed, [entries[0]], { holderKey, at: '2026-06-01T12:00:00Z' });
    expect(held(restored)).toContain(cleaning);
    expect(strip(restored)).toEqual([{ cid: cleaning, action: 'restore', at: '2026-06-01T12:00:00Z' }]);
    for (const [a, b] of [
      [restored, removed],
      [removed, restored],
    ] as const) {
      const merged = (await mergePassports(a, b)).passport;
      expect(held(merged)).toContain(cleaning);
      expect(serializePassport(merged)).toBe(serializePassport(restored));
    }
    // And a removal made after the restoration wins again.
    const { passport: removedAgain } = await removeEntries(restored, [cleaning], { holderKey, at: '2026-07-01T12:00:00Z' });
    expect((await mergePassports(full, removedAgain)).passport.entries).toHaveLength(2);
  });

  it('removal wins a tie; a restoration older than the removal has no effect', async () => {
    const maths = entryId(entries[1]!);
    const { passport: removed } = await removeEntries(full, [maths], { holderKey, at: '2026-05-01T12:00:00Z' });
    const tie = await restoreEntries(removed, [entries[1]], { holderKey, at: '2026-05-01T12:00:00Z' });
    expect(tie.excluded).toEqual([maths]);
    expect(held(tie.passport)).not.toContain(maths);
  });

  it('can keep an entry out before it arrives, and validates its arguments', async () => {
    const food = entryId(entries[2]!);
    const { passport: empty } = await removeEntries(createPassport({ holder: HOLDER }), [food], { holderKey, at: '2026-05-01T12:00:00Z' });
    const merged = await mergePassports(empty, full);
    expect(merged.passport.entries).toHaveLength(2);
    await expect(removeEntries(full, ['not-a-cid'], { holderKey })).rejects.toThrow(TypeError);
    await expect(removeEntries(full, [food], { holderKey, at: 'yesterday' })).rejects.toThrow(TypeError);
    await expect(removeEntries(full, [food], { holderKey, at: '2026-02-30T00:00:00Z' })).rejects.toThrow(TypeError);
    await expect(removeEntries(full, [food], { holderKey, at: '9999-12-31T23:59:59.999-14:00' })).rejects.toThrow(TypeError);
    await expect(removeEntries(full, 'x' as never, { holderKey })).rejects.toThrow();
    await expect(removeEntries(full, [food], {} as never)).rejects.toThrow(TypeError);
  });

  it('only the holder can decide: another key, or a holder without a key, is refused with a code', async () => {
    const food = entryId(entries[2]!);
    const stranger = await generateKeyPair();
    await expect(removeEntries(full, [food], { holderKey: stranger })).rejects.toSatisfy((e) => isPassportError(e, 'ERR_HOLDER_BINDING'));
    const paper = createPassport({ holder: 'urn:uuid:7d1a0000-0000-4000-8000-000000000001' });
    await expect(removeEntries(paper, [food], { holderKey })).rejects.toSatisfy((e) => isPassportError(e, 'ERR_HOLDER_BINDING'));
  });
});

describe('hostile holder decisions (issue 10)', () => {
  const FAR = '9999-12-31T23:59:59.999-14:00';

  it('an unsigned far-future removal in a merged copy deletes nothing, and is reported', async () => {
    const maths = entryId(entries[1]!);
    // The shape of 0.1 records: no proof at all.
    const hostile = withRecords(full, [{ cid: maths, action: 'remove', at: FAR }]);
    const { problems } = readPassport(JSON.stringify(hostile));
    expect(problems.map((p) => [p.section, p.code])).toEqual([['exclusions', 'ERR_SCHEMA_INVALID']]);
    for (const [a, b] of [
      [full, hostile],
      [hostile, full],
    ]) {
      const result = await mergePassports(a, b);
      expect(held(result.passport)).toContain(maths);
      expect(result.passport.exclusions).toEqual([]);
      expect(result.problems.map((p) => [p.section, p.code])).toEqual([['exclusions', 'ERR_SCHEMA_INVALID']]);
    }
    const report = await verifyPassport(hostile);
    expect(report.verified).toBe(false);
    expect(report.entries.map((e) => e.cid)).toContain(maths);
  });

  it('a removal signed by another key (or re-dated after signing) is not honoured', async () => {
    const maths = entryId(entries[1]!);
    const mallory = await generateKeyPair();
    const forged = await signCredential({ cid: maths, action: 'remove', at: '2026-05-01T12:00:00Z' }, mallory, { unsafeSkipConformance: true });
    const { passport: mine } = await removeEntries(full, [maths], { holderKey, at: '2026-05-01T12:00:00Z' });
    const redated = { ...JSON.parse(JSON.stringify(mine.exclusions[0])), at: '2026-11-01T12:00:00Z' };
    for (const [record, code] of [
      [forged, 'ERR_HOLDER_BINDING'],
      [redated, 'ERR_PROOF_SIGNATURE_INVALID'],
    ] as const) {
      const result = await mergePassports(full, withRecords(full, [record]));
      expect(held(result.passport)).toContain(maths);
      expect(result.problems.map((p) => p.code)).toEqual([code]);
    }
  });

  it('a signed decision dated in the future is not honoured until its time, so it cannot pin an entry', async () => {
    const maths = entryId(entries[1]!);
    const now = new Date('2026-06-01T00:00:00Z');
    const { passport: removed } = await removeEntries(full, [maths], { holderKey, at: '2026-05-01T12:00:00Z', now });
    // A restore dated a year ahead, signed with the holder's key (a stolen device, a coerced copy).
    const pin = await signCredential({ cid: maths, action: 'restore', at: '2027-06-01T00:00:00Z' }, holderKey, { unsafeSkipConformance: true });
    const hostile = withRecords(full, [pin]);
    const result = await mergePassports(removed, hostile, { now });
    expect(held(result.passport)).not.toContain(maths);
    expect(result.problems.map((p) => [p.section, p.code])).toEqual([['exclusions', 'ERR_CREDENTIAL_NOT_YET_VALID']]);
    // The holder's own restoration afterwards still works.
    const back = await restoreEntries(result.passport, [entries[1]], { holderKey, at: '2026-05-20T00:00:00Z', now });
    expect(held(back.passport)).toContain(maths);
  });

  it('a leap second or an impossible day is refused when read, so merge stays commutative', async () => {
    const maths = entryId(entries[1]!);
    for (const at of ['2026-05-01T00:00:60Z', '2026-02-30T00:00:00Z', '2026-05-01T24:00:00Z']) {
      const record = await signCredential({ cid: maths, action: 'remove', at }, holderKey, { unsafeSkipConformance: true });
      const hostile = withRecords(full, [record]);
      const ab = await mergePassports(full, hostile);
      const ba = await mergePassports(hostile, full);
      expect(serializePassport(ab.passport)).toBe(serializePassport(ba.passport));
      expect(held(ab.passport)).toContain(maths);
      expect(ab.problems.map((p) => p.code)).toEqual(['ERR_SCHEMA_INVALID']);
    }
  });

  it('records in a passport whose holder has no key are never honoured', async () => {
    const paperHolder = 'urn:uuid:7d1a0000-0000-4000-8000-000000000002';
    // The entries are about the did:key holder; admitting them here is the documented deliberate exception.
    const paper = (await addEntries(createPassport({ holder: paperHolder }), entries, { allowOtherHolder: true })).passport;
    expect(paper.entries).toHaveLength(3);
    const record = await signCredential({ cid: entryId(entries[0]!), action: 'remove', at: '2026-05-01T00:00:00Z' }, holderKey, {
      unsafeSkipConformance: true,
    });
    const result = await mergePassports(paper, withRecords(paper, [record]));
    expect(result.passport.entries).toHaveLength(3);
    expect(result.problems.map((p) => p.code)).toEqual(['ERR_HOLDER_BINDING']);
  });
});
