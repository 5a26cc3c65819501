import { beforeAll, describe, expect, it } from 'vitest';
import { isPassportError, signCredential } from '../../src/index.js';
import {
  addEntries,
  createPassport,
  createVerificationCache,
  entryId,
  mergePassports,
  serializePassport,
  type Passport,
  type VerificationCache,
} from '../../src/passport/index.js';
import { externalBadge, HOLDER, qualification, rawPassport, reordered, resigned, signer, tampered, unitCredit, type Signer } from './fixtures.js';

let college: Signer;
let prison: Signer;
let mallory: Signer;
let maths: Record<string, unknown>;
let food: Record<string, unknown>;
let knife: Record<string, unknown>;

beforeAll(async () => {
  [college, prison, mallory] = await Promise.all([signer('City & Guilds', 'awarding-body'), signer('HMP A', 'prison'), signer('Mallory', 'trainer')]);
  maths = await qualification(college, 'Functional Skills Maths');
  food = await unitCredit(prison, 'Food safety');
  knife = await unitCredit(prison, 'Knife skills');
});

function countingCache(): VerificationCache & { sets: number } {
  const inner = createVerificationCache({ max: 1000 });
  const wrapper = {
    sets: 0,
    get: (cid: string) => inner.get(cid),
    set(cid: string, v: Parameters<VerificationCache['set']>[1]) {
      wrapper.sets++;
      inner.set(cid, v);
    },
    get size() {
      return inner.size;
    },
    clear: () => inner.clear(),
  };
  return wrapper;
}

describe('addEntries', () => {
  it('adds valid entries, reports duplicates, and rejects bad ones with reasons', async () => {
    const start = createPassport({ holder: HOLDER });
    const first = await addEntries(start, [maths, food]);
    expect(first.added).toEqual([entryId(maths), entryId(food)].sort());
    expect(first.rejected).toEqual([]);
    expect(start.entries).toHaveLength(0); // inputs are not changed

    const forged = await resigned(knife, mallory);
    const second = await addEntries(first.passport, [reordered(maths), tampered(knife), forged, knife, 'junk', knife]);
    expect(second.added).toEqual([entryId(knife)]);
    expect(second.duplicates).toEqual([entryId(maths), entryId(knife)].sort());
    const byIndex = Object.fromEntries(second.rejected.map((r) => [r.index, r.code]));
    expect(byIndex).toEqual({ 1: 'ERR_PROOF_SIGNATURE_INVALID', 2: 'ERR_ISSUER_KEY_MISMATCH', 4: 'ERR_SCHEMA_INVALID' });
    expect(second.rejected.every((r) => r.source === 'incoming' && r.message.length > 0)).toBe(true);
    expect(second.passport.entries.map((e) => entryId(e))).toEqual([entryId(maths), entryId(food), entryId(knife)].sort());
  });

  it('accepts a credential from another system as kind external', async () => {
    const badge = await externalBadge(mallory, 'Digital skills badge');
    const { added, rejected } = await addEntries(createPassport({ holder: HOLDER }), [badge]);
    expect(rejected).toEqual([]);
    expect(added).toEqual([entryId(badge)]);
  });

  it('rejects entries whose signature cannot be checked offline, unless told to accept them', async () => {
    const unsigned = { ...(JSON.parse(JSON.stringify(await externalBadge(mallory, 'Badge'))) as Record<string, unknown>) };
    delete unsigned.proof;
    // The issuer is a did:web (cannot be resolved offline) but the key is a did:key.
    const webIssued = await signCredential({ ...unsigned, issuer: { id: 'did:web:badges.example', type: ['Profile'], name: 'Badges' } }, mallory.key);
    const strict = await addEntries(createPassport({ holder: HOLDER }), [webIssued]);
    expect(strict.rejected.map((r) => r.code)).toEqual(['ERR_ISSUER_KEY_UNRESOLVED']);
    const lenient = await addEntries(createPassport({ holder: HOLDER }), [webIssued], { acceptUnresolvedIssuers: true });
    expect(lenient.added).toEqual([entryId(webIssued)]);
  });

  it('does not admit an entry that fails its kind schema even with a good signature', async () => {
    const { proof: _p, ...unsigned } = JSON.parse(JSON.stringify(food)) as Record<string, unknown>;
    (unsigned.credentialSubject as { learningPassport: Record<string, unknown> }).learningPassport.level = 'L99';
    const bad = await signCredential(unsigned, prison.key);
    const { rejected } = await addEntries(createPassport({ holder: HOLDER }), [bad]);
    expect(rejected.map((r) => r.code)).toEqual(['ERR_SCHEMA_INVALID']);
  });

  it('verifies each entry once and then answers from the cache by CID', async () => {
    const cache = countingCache();
    const first = await addEntries(createPassport({ holder: HOLDER }), [maths, food, knife], { cache });
    expect(cache.sets).toBe(3);
    await addEntries(first.passport, [JSON.parse(JSON.stringify(maths))], { cache });
    await mergePassports(first.passport, first.passport, { cache });
    expect(cache.sets).toBe(3);
    // A different cache starts again.
    const other = countingCache();
    await addEntries(createPassport({ holder: HOLDER }), [maths], { cache: other });
    expect(other.sets).toBe(1);
  });

  it('throws TypeError for caller mistakes', async () => {
    await expect(addEntries(null as never, [])).rejects.toThrow(TypeError);
    // An object that is not a passport is untrusted data: a coded error, never a raw one.
    await expect(addEntries({} as Passport, [])).rejects.toSatisfy((e) => isPassportError(e, 'ERR_PASSPORT_INVALID'));
    await expect(addEntries(createPassport({ holder: HOLDER }), 'x' as never)).rejects.toThrow(TypeError);
    await expect(addEntries(createPassport({ holder: HOLDER }), [], { concurrency: 0 })).rejects.toThrow(TypeError);
  });
});

describe('mergePassports', () => {
  it('is the union by CID, verifying both sides, deterministic in either order', async () => {
    const a = (await addEntries(createPassport({ holder: HOLDER }), [maths, food])).passport;
    const b = (await addEntries(createPassport({ holder: HOLDER }), [food, knife])).passport;
    const ab = await mergePassports(a, b);
    const ba = await mergePassports(b, a);
    expect(serializePassport(ab.passport)).toBe(serializePassport(ba.passport));
    expect(ab.passport.entries).toHaveLength(3);
    expect(ab.added).toEqual([entryId(knife)]);
    expect(ab.duplicates).toEqual([entryId(food)]);
    expect(ba.added).toEqual([entryId(maths)]);
  });

  it('refuses tampered entries from a copy handed over as plain JSON, whichever side they are on', async () => {
    const a = (await addEntries(createPassport({ holder: HOLDER }), [maths])).passport;
    const b = rawPassport([food, tampered(knife)]);
    const ab = await mergePassports(a, b);
    const ba = await mergePassports(b, a);
    expect(ab.rejected.map((r) => [r.source, r.code])).toEqual([['b', 'ERR_PROOF_SIGNATURE_INVALID']]);
    expect(ba.rejected.map((r) => [r.source, r.code])).toEqual([['a', 'ERR_PROOF_SIGNATURE_INVALID']]);
    expect(serializePassport(ab.passport)).toBe(serializePassport(ba.passport));
  });

  it('keeps both entries of a conflict and reports it', async () => {
    const id = 'urn:uuid:8c0b7f6e-4a7d-4d6e-9d2c-1f1e2d3c4b5a';
    const v1 = await qualification(college, 'Functional Skills Maths', { id });
    const v2 = await qualification(college, 'Functional Skills Maths (Level 1)', { id });
    const a = (await addEntries(createPassport({ holder: HOLDER }), [v1])).passport;
    const b = (await addEntries(createPassport({ holder: HOLDER }), [v2])).passport;
    const { passport, conflicts } = await mergePassports(a, b);
    expect(passport.entries).toHaveLength(2);
    expect(conflicts).toEqual([{ issuer: college.key.did, credentialId: id, cids: [entryId(v1), entryId(v2)].sort() }]);
    // A supersession link resolves it.
    const v3 = await qualification(college, 'Functional Skills Maths', { id, supersedes: entryId(v1) });
    const linked = await addEntries(a, [v3]);
    expect(linked.conflicts).toEqual([]);
  });

  it('refuses to merge passports of different holders', async () => {
    const a = createPassport({ holder: HOLDER });
    const b = createPassport({ holder: 'did:key:z6MkpTHR8VNsBxYAAWHut2Geadd9jSwuBV8xRoAnwWsdvktH' });
    const err = await mergePassports(a, b).catch((e: unknown) => e);
    expect(isPassportError(err, 'ERR_PASSPORT_HOLDER_MISMATCH')).toBe(true);
  });

  it('keeps only the holder identifier: extra holder fields in a copy are dropped and reported, in either order', async () => {
    const a = createPassport({ holder: HOLDER });
    const b = {
      type: 'LearningPassport',
      version: 1,
      holder: { id: HOLDER, prisonNumber: 'A1234BC', note: 'offence' },
      entries: [],
      accreditations: [],
      statusLists: [],
      exclusions: [],
    } as never;
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as [Passport, Passport][]) {
      const result = await mergePassports(x, y);
      expect(result.passport.holder).toBe(HOLDER);
      expect(serializePassport(result.passport)).not.toMatch(/prisonNumber|A1234BC|offence/);
      expect(result.problems.map((p) => [p.section, p.code])).toEqual([['holder', 'ERR_PASSPORT_INVALID']]);
    }
    expect(createPassport({ holder: { id: HOLDER } }).holder).toBe(HOLDER);
    expect(() => createPassport({ holder: { id: HOLDER, name: 'Amira' } as never })).toThrow(TypeError);
  });
});
