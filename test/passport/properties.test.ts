// Merge laws over random copies, including adversarial ones. A pool of signed entries is made
// once; fast-check picks subsets, adds hostile items, and hands copies over as plain JSON (so
// nothing has been verified) or as passports built by the library.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair, signCredential } from '../../src/index.js';
import { accreditIssuer } from '../../src/trust.js';
import {
  addEntries,
  createPassport,
  entryId,
  mergePassports,
  removeEntries,
  restoreEntries,
  serializePassport,
  type Passport,
} from '../../src/passport/index.js';
import { HOLDER, holderKey, qualification, reordered, resigned, revocation, signer, tampered, unitCredit } from './fixtures.js';

let valid: Record<string, unknown>[] = [];
let hostile: unknown[] = [];
let validCids: Set<string>;
// Hostile items for the other sections, and one genuine accreditation.
let accreditation: Record<string, unknown>;
let hostileTrust: unknown[] = [];
let hostileRecords: (cid: string) => Promise<unknown[]>;

beforeAll(async () => {
  const [college, prison, charity, mallory] = await Promise.all([
    signer('City & Guilds', 'awarding-body'),
    signer('HMP A', 'prison'),
    signer('St Giles Trust', 'charity'),
    signer('Mallory', 'trainer'),
  ]);
  const units = await Promise.all(Array.from({ length: 8 }, (_, i) => unitCredit(i % 2 ? prison : charity, `Unit ${i + 1}`)));
  const id = 'urn:uuid:5d9e6a1c-51b2-4c1f-9b8e-0e6c8d3b2a10';
  const v1 = await qualification(college, 'Maths', { id });
  const v2 = await qualification(college, 'Maths L1', { id, supersedes: entryId(v1) });
  const v2b = await qualification(college, 'Maths Level 1', { id }); // conflicts with v1/v2
  const revoke = await revocation(prison, entryId(units[1]!));
  const badRevoke = await revocation(mallory, entryId(units[0]!));
  valid = [...units, v1, v2, v2b, revoke, badRevoke];
  validCids = new Set(valid.map((e) => entryId(e)));
  hostile = [
    tampered(units[0]!),
    tampered(v1),
    await resigned(units[2]!, mallory),
    await resigned(v2, mallory),
    { ...JSON.parse(JSON.stringify(units[3])), proof: undefined },
    'not an entry',
    { type: ['VerifiableCredential'] },
  ];
  const root = await generateKeyPair();
  accreditation = (await accreditIssuer(root, {
    did: college.key.did,
    organisation: 'org:cg',
    role: 'awarding-body',
    kinds: ['qualification'],
    validFrom: '2026-01-01T00:00:00Z',
  })) as never;
  hostileTrust = [
    { prisonNumber: 'A1234BC', note: 'offence data' },
    { ...JSON.parse(JSON.stringify(accreditation)), proof: undefined },
    tampered(accreditation),
    await resigned(accreditation, mallory),
    { ...JSON.parse(JSON.stringify(accreditation)), proof: { type: 'DataIntegrityProof' } },
  ];
  // Decisions nobody but the holder may make, or that no clock allows.
  hostileRecords = async (cid) => [
    { cid, action: 'remove', at: '9999-12-31T23:59:59.999-14:00' },
    {
      cid,
      action: 'restore',
      at: '9999-12-31T23:59:59.999-14:00',
      proof: { type: 'DataIntegrityProof', cryptosuite: 'eddsa-jcs-2022', verificationMethod: 'x', proofValue: 'z' },
    },
    await signCredential({ cid, action: 'remove', at: '2026-05-02T00:00:00Z' }, mallory.key, { unsafeSkipConformance: true }),
    await signCredential({ cid, action: 'remove', at: '2026-05-01T00:00:60Z' }, holderKey, { unsafeSkipConformance: true }),
    await signCredential({ cid, action: 'restore', at: '2026-02-30T00:00:00Z' }, holderKey, { unsafeSkipConformance: true }),
    await signCredential({ cid, action: 'restore', at: '9999-12-31T23:59:59.999-14:00' }, holderKey, { unsafeSkipConformance: true }),
  ];
});

/** Judged at a fixed time, so the future-dated decisions above stay in the future. */
const NOW = new Date('2026-06-01T00:00:00Z');

const T = ['2026-05-01T00:00:00Z', '2026-05-02T00:00:00Z', '2026-05-03T00:00:00Z'];

/** A copy: some valid entries (maybe with keys reordered or repeated), some hostile items, some removals. */
const copy = () =>
  fc.record({
    picks: fc.subarray([...Array(13).keys()]),
    reorder: fc.boolean(),
    repeat: fc.boolean(),
    bad: fc.subarray([...Array(7).keys()], { maxLength: 3 }),
    removals: fc.array(fc.record({ pick: fc.nat(12), at: fc.constantFrom(...T) }), { maxLength: 2 }),
    restores: fc.array(fc.record({ pick: fc.nat(12), at: fc.constantFrom(...T) }), { maxLength: 1 }),
    built: fc.boolean(),
    trust: fc.subarray([...Array(6).keys()], { maxLength: 3 }),
    badRecords: fc.array(fc.record({ pick: fc.nat(12), which: fc.nat(5) }), { maxLength: 2 }),
    holderExtra: fc.boolean(),
  });
type CopySpec = ReturnType<ReturnType<typeof copy>['generate']>['value'];

async function make(spec: CopySpec): Promise<Passport> {
  let items: unknown[] = spec.picks.map((i) => (spec.reorder ? reordered(valid[i]!) : valid[i]!));
  if (spec.repeat) items = [...items, ...items.slice(0, 2)];
  items = [...items, ...spec.bad.map((i) => hostile[i])];
  // Item 0 is the genuine accreditation; the others are junk and forgeries.
  const trust = spec.trust.map((i) => (i === 0 ? accreditation : hostileTrust[i - 1]));
  const bad = await Promise.all(spec.badRecords.map(async (r) => (await hostileRecords(entryId(valid[r.pick]!)))[r.which]));
  if (!spec.built) {
    const exclusions = await Promise.all(
      spec.removals.map((r) => signCredential({ cid: entryId(valid[r.pick]!), action: 'remove', at: r.at }, holderKey, { unsafeSkipConformance: true })),
    );
    const holder = spec.holderExtra ? { id: HOLDER, prisonNumber: 'A1234BC' } : HOLDER;
    return {
      type: 'LearningPassport',
      version: 1,
      holder,
      entries: items,
      accreditations: trust,
      statusLists: trust.slice(0, 1),
      exclusions: [...exclusions, ...bad],
    } as never;
  }
  let p = (await addEntries(createPassport({ holder: HOLDER }), items, { now: NOW })).passport;
  for (const r of spec.removals) p = (await removeEntries(p, [entryId(valid[r.pick]!)], { holderKey, at: r.at, now: NOW })).passport;
  // A restoration brings the entry back with it (restoreEntries needs the entry itself).
  for (const r of spec.restores) p = (await restoreEntries(p, [valid[r.pick]], { holderKey, at: r.at, now: NOW })).passport;
  // A built copy that then travelled as plain JSON and picked up hostile items on the way.
  if (trust.length > 0 || bad.length > 0) {
    const json = JSON.parse(serializePassport(p));
    return { ...json, accreditations: [...json.accreditations, ...trust], exclusions: [...json.exclusions, ...bad] } as never;
  }
  return p;
}

const merge = (a: Passport, b: Passport) => mergePassports(a, b, { now: NOW });

const text = serializePassport;
const held = (p: Passport) => new Set(p.entries.map((e) => entryId(e)));

describe('merge laws (fast-check)', () => {
  it('is commutative, associative and idempotent, byte for byte', async () => {
    await fc.assert(
      fc.asyncProperty(copy(), copy(), copy(), async (sa, sb, sc) => {
        const [a, b, c] = await Promise.all([make(sa), make(sb), make(sc)]);
        const ab = (await merge(a, b)).passport;
        const ba = (await merge(b, a)).passport;
        expect(text(ab)).toBe(text(ba));
        const left = (await merge(ab, c)).passport;
        const right = (await merge(a, (await merge(b, c)).passport)).passport;
        expect(text(left)).toBe(text(right));
        expect(text((await merge(ab, ab)).passport)).toBe(text(ab));
        expect(text((await merge(ab, a)).passport)).toBe(text(ab));
      }),
      { numRuns: 60 },
    );
  });

  it('never loses a valid entry the holder kept, and never admits an invalid one', async () => {
    await fc.assert(
      fc.asyncProperty(copy(), copy(), async (sa, sb) => {
        const [a, b] = await Promise.all([make(sa), make(sb)]);
        const result = await merge(a, b);
        const out = held(result.passport);
        const removed = new Set(result.passport.exclusions.filter((r) => r.action === 'remove').map((r) => r.cid));
        const offered = new Set([...sa.picks, ...sb.picks].map((i) => entryId(valid[i]!)));
        for (const cid of offered) expect(out.has(cid) || removed.has(cid)).toBe(true);
        for (const cid of out) expect(validCids.has(cid)).toBe(true);
        for (const cid of removed) expect(out.has(cid)).toBe(false);
        // Every hostile item handed over is reported, none is admitted.
        const hostileOffered = (sa.built ? 0 : sa.bad.length) + (sb.built ? 0 : sb.bad.length);
        expect(result.rejected.length).toBeGreaterThanOrEqual(hostileOffered > 0 ? 1 : 0);
        expect(result.rejected.every((r) => r.cid === undefined || !validCids.has(r.cid))).toBe(true);
        // Nothing unsigned, forged or future-dated survives in any section, and it is reported.
        const file = text(result.passport);
        expect(file).not.toContain('prisonNumber');
        expect(result.passport.holder).toBe(HOLDER);
        expect(result.passport.accreditations.every((x) => entryId(x) === entryId(accreditation))).toBe(true);
        expect(result.passport.statusLists.every((x) => entryId(x) === entryId(accreditation))).toBe(true);
        for (const r of result.passport.exclusions) {
          expect(Date.parse(r.at)).toBeLessThanOrEqual(NOW.getTime());
          expect(r.proof.verificationMethod).toBe(`${HOLDER}#${HOLDER.slice('did:key:'.length)}`);
        }
        const hostileSections = [sa, sb].reduce(
          (n, s) => n + s.trust.filter((i) => i > 0).length + s.badRecords.length + (s.built ? 0 : Number(s.holderExtra)),
          0,
        );
        if (hostileSections > 0) expect(result.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 80 },
    );
  });

  it('reports a conflict exactly when both unlinked versions of one credential are held', async () => {
    await fc.assert(
      fc.asyncProperty(copy(), copy(), async (sa, sb) => {
        const [a, b] = await Promise.all([make(sa), make(sb)]);
        const result = await merge(a, b);
        const out = held(result.passport);
        const [v1, v2, v2b] = [valid[8]!, valid[9]!, valid[10]!].map((e) => entryId(e)) as [string, string, string];
        const heads = [out.has(v2) ? v2 : out.has(v1) ? v1 : undefined, out.has(v2b) ? v2b : undefined].filter(Boolean);
        expect(result.conflicts.length).toBe(heads.length === 2 ? 1 : 0);
      }),
      { numRuns: 60 },
    );
  });
});
