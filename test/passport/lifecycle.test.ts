import { beforeAll, describe, expect, it } from 'vitest';
import { issueEntry } from '../../src/index.js';
import {
  addEntries,
  checkpointCovers,
  createCheckpoint,
  createPassport,
  currentView,
  entryId,
  serializePassport,
  type Passport,
} from '../../src/passport/index.js';
import { HOLDER, qualification, revocation, signer, unitCredit, type Signer } from './fixtures.js';

let college: Signer;
let prison: Signer;
let mallory: Signer;
let authority: Signer;

beforeAll(async () => {
  [college, prison, mallory, authority] = await Promise.all([
    signer('City & Guilds', 'awarding-body'),
    signer('HMP A', 'prison'),
    signer('Mallory', 'trainer'),
    signer('Authority', 'authority'),
  ]);
});

async function passportOf(entries: object[]): Promise<Passport> {
  const { passport, rejected } = await addEntries(createPassport({ holder: HOLDER }), entries);
  expect(rejected).toEqual([]);
  return passport;
}

describe('currentView', () => {
  it('marks superseded and revoked entries, whatever the order they arrived in', async () => {
    const old = await qualification(college, 'FS English', { id: 'urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427' });
    const fixed = await qualification(college, 'FS English (corrected level)', {
      id: 'urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427',
      supersedes: entryId(old),
    });
    const unit = await unitCredit(prison, 'Food safety');
    const revoke = await revocation(prison, entryId(unit));
    const orders = [
      [old, fixed, unit, revoke],
      [revoke, unit, fixed, old],
      [fixed, revoke, old, unit],
    ];
    const texts: string[] = [];
    for (const order of orders) {
      let p = createPassport({ holder: HOLDER });
      for (const e of order) p = (await addEntries(p, [e])).passport;
      const view = currentView(p);
      expect(view.byCid.get(entryId(old))!.state).toBe('superseded');
      expect(view.byCid.get(entryId(old))!.supersededBy).toEqual([entryId(fixed)]);
      expect(view.byCid.get(entryId(fixed))!.state).toBe('active');
      expect(view.byCid.get(entryId(unit))!.state).toBe('revoked');
      expect(view.byCid.get(entryId(unit))!.revokedBy).toEqual([entryId(revoke)]);
      expect(view.conflicts).toEqual([]);
      texts.push(JSON.stringify(view.entries));
    }
    expect(new Set(texts).size).toBe(1);
  });

  it('ignores revocations and supersessions by anyone but the original issuer, and reports them', async () => {
    const unit = await unitCredit(prison, 'Food safety');
    const badRevoke = await revocation(mallory, entryId(unit));
    const hijack = await issueEntry(
      'unit-credit',
      { unitTitle: 'Food safety', awardingBody: { name: 'Highfield Qualifications' }, level: 'L2', achievedOn: '2026-02-14', credits: 0 },
      { issuer: mallory.issuer, key: mallory.key, supersedes: entryId(unit) },
    );
    const view = currentView(await passportOf([unit, badRevoke, hijack]));
    expect(view.byCid.get(entryId(unit))!.state).toBe('active');
    expect(view.unauthorised.map((u) => [u.action, u.cid, u.code]).sort()).toEqual(
      [
        ['revocation', entryId(badRevoke), 'ERR_LIFECYCLE_UNAUTHORISED'],
        ['supersedes', entryId(hijack), 'ERR_LIFECYCLE_UNAUTHORISED'],
      ].sort(),
    );
    expect(view.unauthorised.every((u) => u.actor === mallory.key.did && u.targetIssuer === prison.key.did)).toBe(true);
    // canActFor widens who may act (the trust area lets authorities act).
    const byAuthority = await revocation(authority, entryId(unit));
    const p = await passportOf([unit, byAuthority]);
    expect(currentView(p).byCid.get(entryId(unit))!.state).toBe('active');
    const canActFor = (actor: string) => actor === authority.key.did;
    expect(currentView(p, { canActFor }).byCid.get(entryId(unit))!.state).toBe('revoked');
  });

  it('keeps a revocation standing when it is itself revoked (no reinstatement by default), and lists statements about entries not held', async () => {
    const unit = await unitCredit(prison, 'Food safety');
    const r1 = await revocation(prison, entryId(unit));
    const r2 = await revocation(prison, entryId(r1));
    const view = currentView(await passportOf([unit, r1, r2]));
    expect(view.byCid.get(entryId(unit))!.state).toBe('revoked');
    expect(view.byCid.get(entryId(r1))!.state).toBe('active');
    expect(view.unauthorised.map((u) => u.cid)).toEqual([entryId(r2)]);
    const orphan = currentView(await passportOf([r1]));
    expect(orphan.unresolved).toEqual([{ cid: entryId(r1), action: 'revocation', target: entryId(unit) }]);
  });

  it('puts a fork (two corrections of one entry) in conflict', async () => {
    const id = 'urn:uuid:6fa459ea-ee8a-3ca4-894e-db77e160355e';
    const v1 = await qualification(college, 'Maths', { id });
    const v2 = await qualification(college, 'Maths L1', { id, supersedes: entryId(v1) });
    const v3 = await qualification(college, 'Maths Level 1', { id, supersedes: entryId(v1) });
    const view = currentView(await passportOf([v1, v2, v3]));
    expect(view.byCid.get(entryId(v1))!.state).toBe('superseded');
    expect(view.byCid.get(entryId(v2))!.state).toBe('conflict');
    expect(view.byCid.get(entryId(v2))!.conflictsWith).toEqual([entryId(v3)]);
    expect(view.conflicts).toHaveLength(1);
    // The issuer settles it by revoking one branch.
    const settle = await revocation(college, entryId(v3));
    const settled = currentView(await passportOf([v1, v2, v3, settle]));
    expect(settled.conflicts).toEqual([]);
    expect(settled.byCid.get(entryId(v2))!.state).toBe('active');
  });
});

describe('checkpoints', () => {
  it('covers exactly the entries held when it was made', async () => {
    const unit = await unitCredit(prison, 'Food safety');
    const maths = await qualification(college, 'Maths');
    const later = await unitCredit(prison, 'Knife skills');
    const p = await passportOf([unit, maths]);
    const checkpoint = await createCheckpoint(p, { issuer: college.issuer, key: college.key, at: '2026-03-10T09:00:00Z' });
    const withCheckpoint = (await addEntries(p, [checkpoint, later])).passport;
    expect(withCheckpoint.entries).toHaveLength(4);
    expect(checkpointCovers(checkpoint, entryId(unit))).toBe(true);
    expect(checkpointCovers(checkpoint, entryId(maths))).toBe(true);
    expect(checkpointCovers(checkpoint, entryId(later))).toBe(false);
    const lp = (checkpoint.credentialSubject as { learningPassport: Record<string, unknown> }).learningPassport;
    expect(lp.entryCount).toBe(2);
    expect(lp.at).toBe('2026-03-10T09:00:00Z');
    // A checkpoint whose list was edited no longer matches its digest.
    const edited = JSON.parse(JSON.stringify(checkpoint));
    edited.credentialSubject.learningPassport.cids = [...edited.credentialSubject.learningPassport.cids, entryId(later)].sort();
    edited.credentialSubject.learningPassport.entryCount = 3;
    expect(checkpointCovers(edited, entryId(later))).toBe(false);
    expect(checkpointCovers(unit, entryId(unit))).toBe(false);
    expect(serializePassport(withCheckpoint)).toContain('"kind": "checkpoint"');
  });
});
