import { beforeAll, describe, expect, it } from 'vitest';
import type { SigningKeyPair } from '../../src/keys/types.js';
import { entryId } from '../../src/entries/entry-id.js';
import {
  accreditIssuer,
  createTrustContext,
  createTrustPolicy,
  evaluateTrust,
  mayActOnEntry,
  revokeAccreditation,
  type AccreditIssuerInput,
  type TrustPolicy,
} from '../../src/trust/index.js';
import { keys, makeEntry, NOW } from './helpers.js';

type Names = 'root' | 'prisonOld' | 'prisonNew' | 'otherPrison' | 'probation' | 'charity' | 'authority' | 'stranger';
let k: Record<Names, SigningKeyPair>;
let policy: TrustPolicy;
const FROM = '2025-01-01T00:00:00Z';
const ROTATED = '2026-01-01T00:00:00Z';
const COMPROMISED = '2026-04-01T00:00:00Z';

const accredit = (by: SigningKeyPair, input: Omit<AccreditIssuerInput, 'validFrom'> & { validFrom?: string }) =>
  accreditIssuer(by, { validFrom: FROM, created: input.validFrom ?? FROM, ...input });

beforeAll(async () => {
  k = await keys('root', 'prisonOld', 'prisonNew', 'otherPrison', 'probation', 'charity', 'authority', 'stranger');
  policy = createTrustPolicy({ roots: [{ did: k.root.did, name: 'National Learning Authority' }], now: NOW });
});

async function rotation() {
  const old = await accredit(k.root, {
    did: k.prisonOld.did,
    organisation: 'org:hmp-northfield',
    role: 'prison',
    kinds: ['work-experience', 'checkpoint'],
    validUntil: ROTATED,
    displayName: 'Northfield Learning Centre',
  });
  const fresh = await accredit(k.root, {
    did: k.prisonNew.did,
    organisation: 'org:hmp-northfield',
    role: 'prison',
    kinds: ['work-experience', 'checkpoint'],
    validFrom: ROTATED,
    displayName: 'Northfield Learning Centre',
  });
  return [old, fresh];
}

describe('key rotation', () => {
  it('needs evidence for entries the old key claims inside its window, refuses later ones, and trusts the new key', async () => {
    const accreditations = await rotation();
    const oldInside = await makeEntry(k.prisonOld, 'work-experience', '2025-07-01T00:00:00Z');
    const oldAfter = await makeEntry(k.prisonOld, 'work-experience', '2026-02-01T00:00:00Z');
    const fresh = await makeEntry(k.prisonNew, 'work-experience', '2026-02-01T00:00:00Z');
    const context = await createTrustContext({ policy, accreditations });
    // A rotated-out key could still sign today and backdate: only the key vouches for its date.
    const r1 = await evaluateTrust(oldInside, { context });
    expect(r1.trusted).toBe(false);
    expect(r1.checks[0]).toMatchObject({ status: 'unknown', code: 'ERR_SIGNING_TIME_UNVOUCHED' });
    expect(r1.checks[0]!.message).toContain('ended on 1 January 2026');
    // Another organisation's checkpoint from inside the window vouches for it…
    const eastwood = await accredit(k.root, {
      did: k.otherPrison.did,
      organisation: 'org:hmp-eastwood',
      role: 'prison',
      kinds: ['checkpoint'],
      displayName: 'Eastwood Learning Centre',
    });
    const covered = await evaluateTrust(oldInside, {
      policy,
      accreditations: [...accreditations, eastwood],
      checkpoints: [{ issuer: k.otherPrison.did, at: '2025-08-01T00:00:00Z', cids: [entryId(oldInside)] }],
    });
    expect(covered).toMatchObject({ trusted: true, organisation: 'org:hmp-northfield' });
    expect(covered.checks[0]!.message).toContain('Eastwood Learning Centre recorded this entry in a checkpoint on 1 August 2025');
    // …and so does a policy that chooses to believe claimed times.
    const believing = createTrustPolicy({ roots: [k.root.did], now: NOW, trustClaimedTimes: true });
    expect((await evaluateTrust(oldInside, { policy: believing, accreditations })).trusted).toBe(true);
    const r2 = await evaluateTrust(oldAfter, { context });
    expect(r2.checks[0]).toMatchObject({ status: 'fail', code: 'ERR_ACCREDITATION_INVALID' });
    const r3 = await evaluateTrust(fresh, { context });
    expect(r3).toMatchObject({ trusted: true, organisation: 'org:hmp-northfield' });
  });

  it('a planned rotation (a closing notice naming the new key) keeps claims inside the old window; a withdrawal or a compromise does not', async () => {
    const old = await accredit(k.root, {
      did: k.prisonOld.did,
      organisation: 'org:hmp-northfield',
      role: 'prison',
      kinds: ['work-experience'],
      displayName: 'Northfield Learning Centre',
    });
    const fresh = await accredit(k.root, {
      did: k.prisonNew.did,
      organisation: 'org:hmp-northfield',
      role: 'prison',
      kinds: ['work-experience'],
      validFrom: ROTATED,
      displayName: 'Northfield Learning Centre',
    });
    const rotated = await revokeAccreditation(k.root, {
      accreditation: old.id,
      replacedBy: k.prisonNew.did,
      effective: ROTATED,
      created: ROTATED,
      reason: 'Key rotated',
    });
    expect(rotated.credentialSubject.replacedBy).toBe(k.prisonNew.did);
    const withdrawn = await revokeAccreditation(k.root, { accreditation: old.id, effective: ROTATED, created: ROTATED, reason: 'Contract ended' });
    const compromised = await revokeAccreditation(k.root, {
      did: k.prisonOld.did,
      compromisedSince: '2026-03-01T00:00:00Z',
      created: '2026-03-02T00:00:00Z',
      reason: 'Laptop stolen',
    });
    const inside = await makeEntry(k.prisonOld, 'work-experience', '2025-07-01T00:00:00Z');
    const after = await makeEntry(k.prisonOld, 'work-experience', '2026-02-01T00:00:00Z');
    const judge = async (entry: unknown, accreditations: unknown[]) => (await evaluateTrust(entry, { policy, accreditations })).checks[0]!;
    // Rotation: inside the window stays valid with no checkpoint; after it, refused.
    expect(await judge(inside, [old, fresh, rotated])).toMatchObject({ status: 'pass' });
    expect(await judge(after, [old, fresh, rotated])).toMatchObject({ status: 'fail', code: 'ERR_ACCREDITATION_INVALID' });
    // A plain withdrawal at the same moment keeps the strict rule (its own word is not enough).
    expect(await judge(inside, [old, fresh, withdrawn])).toMatchObject({ status: 'unknown', code: 'ERR_SIGNING_TIME_UNVOUCHED' });
    // A rotation plus a withdrawal: the withdrawal wins.
    expect(await judge(inside, [old, fresh, rotated, withdrawn])).toMatchObject({ status: 'unknown', code: 'ERR_SIGNING_TIME_UNVOUCHED' });
    // A leak reported after the rotation brings the strict rule back for the old key.
    expect(await judge(inside, [old, fresh, rotated, compromised])).toMatchObject({ status: 'unknown' });
    // A rotation notice from a key that is not the accreditor is not honoured: the window stays open.
    const forged = await revokeAccreditation(k.stranger, { accreditation: old.id, replacedBy: k.stranger.did, effective: ROTATED, reason: 'x' });
    expect(await judge(after, [old, forged])).toMatchObject({ status: 'pass' });
    // A compromise is not a rotation: the two cannot be said at once.
    await expect(revokeAccreditation(k.root, { did: k.prisonOld.did, replacedBy: k.prisonNew.did, compromisedSince: ROTATED, reason: 'x' })).rejects.toThrow(
      TypeError,
    );
  });

  it('doubts issuers accredited by a rotated-out authority key unless evidence or the policy vouches for the link (links judged when signed)', async () => {
    const authOld = await accredit(k.root, {
      did: k.authority.did,
      organisation: 'org:board',
      role: 'authority',
      kinds: ['mentoring'],
      capabilities: ['accredit'],
      organisations: ['*'],
      validUntil: ROTATED,
    });
    const charityAcc = await accredit(k.authority, {
      did: k.charity.did,
      organisation: 'org:charity',
      role: 'charity',
      kinds: ['mentoring'],
      validFrom: '2025-06-01T00:00:00Z',
    });
    const entry = await makeEntry(k.charity, 'mentoring', '2026-03-01T00:00:00Z');
    // The old authority key's window has closed: it alone vouches that it signed in time.
    const doubted = await evaluateTrust(entry, { policy, accreditations: [authOld, charityAcc] });
    expect(doubted.checks[0]).toMatchObject({ status: 'unknown', code: 'ERR_SIGNING_TIME_UNVOUCHED' });
    expect(doubted.checks[0]!.message).toContain('whose own accreditation ended on 1 January 2026');
    // A timestamp authority's checkpoint covering the accreditation settles it.
    const tsa = createTrustPolicy({ roots: [k.root.did], now: NOW, timestampAuthorities: [k.otherPrison.did] });
    const stamped = [{ issuer: k.otherPrison.did, at: '2025-06-02T00:00:00Z', cids: [entryId(charityAcc)] }];
    expect((await evaluateTrust(entry, { policy: tsa, accreditations: [authOld, charityAcc], checkpoints: stamped })).trusted).toBe(true);
    const believing = createTrustPolicy({ roots: [k.root.did], now: NOW, trustClaimedTimes: true });
    expect((await evaluateTrust(entry, { policy: believing, accreditations: [authOld, charityAcc] })).trusted).toBe(true);
    // …but an accreditation the old authority key signs after its window closed is refused.
    const late = await accreditIssuer(k.authority, {
      did: k.stranger.did,
      organisation: 'org:late',
      role: 'charity',
      kinds: ['mentoring'],
      validFrom: '2026-02-01T00:00:00Z',
      created: '2026-02-01T00:00:00Z',
    });
    const lateEntry = await makeEntry(k.stranger, 'mentoring', '2026-03-01T00:00:00Z');
    const r = await evaluateTrust(lateEntry, { policy, accreditations: [authOld, late] });
    expect(r.trusted).toBe(false);
    expect(r.checks[0]!.code).toBe('ERR_ISSUER_UNTRUSTED');
  });

  it('ends an accreditation at a plain revocation; earlier entries need evidence unless the policy trusts claimed times', async () => {
    const acc = await accredit(k.root, { did: k.charity.did, organisation: 'org:charity', role: 'charity', kinds: ['mentoring'] });
    const revoked = await revokeAccreditation(k.root, { accreditation: acc.id, reason: 'Contract ended', effective: '2026-02-01T00:00:00Z' });
    const before = await makeEntry(k.charity, 'mentoring', '2026-01-15T00:00:00Z');
    const after = await makeEntry(k.charity, 'mentoring', '2026-03-01T00:00:00Z');
    const context = await createTrustContext({ policy, accreditations: [acc, revoked] });
    // Withdrawn: its earlier entries are the charity's word alone about their dates.
    expect((await evaluateTrust(before, { context })).checks[0]).toMatchObject({ status: 'unknown', code: 'ERR_SIGNING_TIME_UNVOUCHED' });
    const believing = createTrustPolicy({ roots: [k.root.did], now: NOW, trustClaimedTimes: true });
    expect((await evaluateTrust(before, { policy: believing, accreditations: [acc, revoked] })).trusted).toBe(true);
    const r = await evaluateTrust(after, { context });
    expect(r.checks[0]).toMatchObject({ code: 'ERR_ACCREDITATION_INVALID' });
    expect(r.checks[0]!.message).toContain('withdrawn on 1 February 2026 (Contract ended)');
  });

  it('ignores revocations signed by anyone but a root or the accreditor', async () => {
    const acc = await accredit(k.root, { did: k.charity.did, organisation: 'org:charity', role: 'charity', kinds: ['mentoring'] });
    const bogus = await revokeAccreditation(k.stranger, { did: k.charity.did, compromisedSince: FROM, reason: 'Spite', effective: FROM });
    const entry = await makeEntry(k.charity, 'mentoring', '2026-01-15T00:00:00Z');
    expect((await evaluateTrust(entry, { policy, accreditations: [acc, bogus] })).trusted).toBe(true);
  });
});

describe('key compromise', () => {
  async function setup() {
    const prison = await accredit(k.root, {
      did: k.prisonOld.did,
      organisation: 'org:hmp-northfield',
      role: 'prison',
      kinds: ['work-experience', 'checkpoint'],
      displayName: 'Northfield Learning Centre',
    });
    const sameOrgNewKey = await accredit(k.root, {
      did: k.prisonNew.did,
      organisation: 'org:hmp-northfield',
      role: 'prison',
      kinds: ['checkpoint'],
      displayName: 'Northfield Learning Centre',
    });
    const other = await accredit(k.root, {
      did: k.otherPrison.did,
      organisation: 'org:hmp-eastwood',
      role: 'prison',
      kinds: ['checkpoint'],
      displayName: 'Eastwood Learning Centre',
    });
    const charity = await accredit(k.root, { did: k.charity.did, organisation: 'org:charity', role: 'charity', kinds: ['mentoring'] });
    const compromise = await revokeAccreditation(k.root, {
      did: k.prisonOld.did,
      compromisedSince: COMPROMISED,
      reason: 'Key stolen',
      effective: '2026-04-10T00:00:00Z',
    });
    return [prison, sameOrgNewKey, other, charity, compromise];
  }
  const CID = 'bagaaierasords4njcts6vs7qvdjfcvgnume4hqohf65zsfguprqphs3icwea';

  it('rejects entries claiming a date after compromisedSince', async () => {
    const entry = await makeEntry(k.prisonOld, 'work-experience', '2026-04-05T00:00:00Z');
    const r = await evaluateTrust(entry, { policy, accreditations: await setup(), entryCid: CID });
    expect(r.checks[0]).toMatchObject({ status: 'fail', code: 'ERR_KEY_COMPROMISED' });
    expect(r.checks[0]!.message).toContain('Key stolen');
  });

  it('reports earlier entries as unknown without a checkpoint, never as trusted', async () => {
    const entry = await makeEntry(k.prisonOld, 'work-experience', '2026-02-01T00:00:00Z');
    const accreditations = await setup();
    const r = await evaluateTrust(entry, { policy, accreditations, entryCid: CID });
    expect(r.trusted).toBe(false);
    expect(r.checks[0]).toMatchObject({ status: 'unknown', code: 'ERR_KEY_COMPROMISED' });
    expect(r.checks[0]!.message).toContain('no checkpoint by another organisation from before then covers it');
    expect(r.verdict).toBe('cant-check');
    expect(r.summary).toMatch(/^Can’t check — The key of .* Ask the issuer for a newly signed copy\.$/);
    // Without entryCid the CID is computed from the entry itself.
    const covering = [{ issuer: k.otherPrison.did, at: '2026-03-01T00:00:00Z', cids: [entryId(entry)] }];
    expect((await evaluateTrust(entry, { policy, accreditations, checkpoints: covering })).trusted).toBe(true);
  });

  it('accepts earlier entries covered by another organisation’s checkpoint from before the compromise', async () => {
    const entry = await makeEntry(k.prisonOld, 'work-experience', '2026-02-01T00:00:00Z');
    const accreditations = await setup();
    const checkpoints = [{ issuer: k.otherPrison.did, at: '2026-03-01T00:00:00Z', cids: ['bother', CID] }];
    const r = await evaluateTrust(entry, { policy, accreditations, checkpoints, entryCid: CID });
    expect(r.trusted).toBe(true);
    expect(r.checks[0]!.message).toContain('Eastwood Learning Centre recorded this entry in a checkpoint on 1 March 2026');
  });

  it('does not accept checkpoints that prove nothing', async () => {
    const entry = await makeEntry(k.prisonOld, 'work-experience', '2026-02-01T00:00:00Z');
    const accreditations = await setup();
    const cases = [
      { issuer: k.otherPrison.did, at: '2026-04-02T00:00:00Z', cids: [CID] }, // after the compromise
      { issuer: k.prisonOld.did, at: '2026-03-01T00:00:00Z', cids: [CID] }, // by the compromised key itself
      { issuer: k.prisonNew.did, at: '2026-03-01T00:00:00Z', cids: [CID] }, // same organisation, other key
      { issuer: k.stranger.did, at: '2026-03-01T00:00:00Z', cids: [CID] }, // unaccredited
      { issuer: k.charity.did, at: '2026-03-01T00:00:00Z', cids: [CID] }, // accredited, but not for checkpoints
      { issuer: k.otherPrison.did, at: '2026-03-01T00:00:00Z', cids: ['bsomethingelse'] }, // does not cover it
    ];
    for (const cp of cases) {
      const r = await evaluateTrust(entry, { policy, accreditations, checkpoints: [cp], entryCid: CID });
      expect(r.checks[0], JSON.stringify(cp)).toMatchObject({ status: 'unknown', code: 'ERR_KEY_COMPROMISED' });
    }
  });

  it('casts doubt on issuers accredited by a compromised authority', async () => {
    const auth = await accredit(k.root, {
      did: k.authority.did,
      organisation: 'org:board',
      role: 'authority',
      kinds: ['mentoring'],
      capabilities: ['accredit'],
      organisations: ['*'],
    });
    const charityAcc = await accredit(k.authority, {
      did: k.charity.did,
      organisation: 'org:charity',
      role: 'charity',
      kinds: ['mentoring'],
      validFrom: '2025-06-01T00:00:00Z',
    });
    const compromise = await revokeAccreditation(k.root, { did: k.authority.did, compromisedSince: COMPROMISED, reason: 'Key leaked' });
    const entry = await makeEntry(k.charity, 'mentoring', '2026-05-01T00:00:00Z');
    const r = await evaluateTrust(entry, { policy, accreditations: [auth, charityAcc, compromise] });
    expect(r.checks[0]).toMatchObject({ status: 'unknown', code: 'ERR_KEY_COMPROMISED' });
    // An accreditation the stolen key signs after the compromise date is refused outright.
    const forged = await accreditIssuer(k.authority, {
      did: k.stranger.did,
      organisation: 'org:x',
      role: 'charity',
      kinds: ['mentoring'],
      validFrom: '2026-04-15T00:00:00Z',
      created: '2026-04-15T00:00:00Z',
    });
    const r2 = await evaluateTrust(await makeEntry(k.stranger, 'mentoring', '2026-05-01T00:00:00Z'), { policy, accreditations: [auth, forged, compromise] });
    expect(r2.checks[0]).toMatchObject({ status: 'fail', code: 'ERR_KEY_COMPROMISED' });
  });
});

describe('mayActOnEntry', () => {
  it('allows the same key, the same organisation after rotation, and accredited authorities only', async () => {
    const [old, fresh] = await rotation();
    const other = await accredit(k.root, { did: k.otherPrison.did, organisation: 'org:hmp-eastwood', role: 'prison', kinds: ['work-experience'] });
    const board = await accredit(k.root, {
      did: k.authority.did,
      organisation: 'org:board',
      role: 'authority',
      kinds: ['work-experience'],
      capabilities: ['revoke-others'],
    });
    const context = await createTrustContext({ policy, accreditations: [old!, fresh!, other, board] });
    const at = '2026-03-01T00:00:00Z';
    expect(mayActOnEntry(context, { actor: k.prisonOld.did, targetIssuer: k.prisonOld.did, action: 'revoke' })).toMatchObject({
      allowed: true,
      basis: 'same-key',
    });
    expect(mayActOnEntry(context, { actor: k.prisonNew.did, targetIssuer: k.prisonOld.did, action: 'supersede', at })).toMatchObject({
      allowed: true,
      basis: 'same-organisation',
    });
    expect(mayActOnEntry(context, { actor: k.otherPrison.did, targetIssuer: k.prisonOld.did, action: 'revoke', at })).toMatchObject({ allowed: false });
    expect(
      mayActOnEntry(context, { actor: k.authority.did, targetIssuer: k.prisonOld.did, action: 'revoke', at, targetKind: 'work-experience' }),
    ).toMatchObject({ allowed: true, basis: 'authority' });
    expect(mayActOnEntry(context, { actor: k.authority.did, targetIssuer: k.prisonOld.did, action: 'revoke', at, targetKind: 'qualification' })).toMatchObject({
      allowed: false,
    });
    expect(mayActOnEntry(context, { actor: k.authority.did, targetIssuer: k.prisonOld.did, action: 'supersede', at })).toMatchObject({ allowed: false });
    expect(mayActOnEntry(context, { actor: k.root.did, targetIssuer: k.prisonOld.did, action: 'supersede', at })).toMatchObject({
      allowed: true,
      basis: 'authority',
    });
    expect(mayActOnEntry(context, { actor: k.stranger.did, targetIssuer: k.prisonOld.did, action: 'revoke', at })).toMatchObject({ allowed: false });
    expect(() => mayActOnEntry(context, { actor: k.root.did, targetIssuer: k.prisonOld.did, action: 'delete' as never })).toThrow(TypeError);
    expect(() => mayActOnEntry({} as never, { actor: k.root.did, targetIssuer: k.prisonOld.did, action: 'revoke' })).toThrow(TypeError);
  });
});
