// Regression tests for the attacks of the adversarial review on lifecycle powers and on time
// nobody vouches for. Each test names the attack; each fails on v0.1.0.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addEntries,
  createIssuerProfile,
  createPassport,
  createTrustPolicy,
  currentView,
  entryId,
  issueEntry,
  signCredential,
  verifyCredential,
  type Passport,
  type SigningKeyPair,
  type TrustPolicy,
} from '../../src/index.js';
import {
  accreditIssuer,
  checkpointsFromEntries,
  createStatusList,
  createTrustContext,
  evaluateTrust,
  issueStatusListCredential,
  lifecycleAuthority,
  mayActOnEntry,
  revokeAccreditation,
  setStatus,
  statusEntry,
} from '../../src/trust.js';
import { isPassportError } from '../../src/errors.js';
import { keys, makeEntry, NOW } from './helpers.js';

type Names = 'root' | 'awarding' | 'mentorBoard' | 'rogue' | 'eastwood' | 'learner' | 'college' | 'attacker' | 'authority';
let k: Record<Names, SigningKeyPair>;
let policy: TrustPolicy;
const FROM = '2025-01-01T00:00:00Z';
const at = (day: string) => `${day}T09:00:00Z`;

const profile = (key: SigningKeyPair, name: string) => createIssuerProfile({ key, name, role: 'awarding-body' });
async function qualificationBy(key: SigningKeyPair, day: string) {
  return issueEntry(
    'qualification',
    { title: 'Functional Skills Maths', awardingBody: { name: 'Northern Awards' }, level: 'L1', awardedOn: day.slice(0, 7) },
    { issuer: profile(key, 'Northern Awards'), key, holder: k.learner.did, validFrom: at(day), created: at(day) },
  );
}
async function revocationBy(key: SigningKeyPair, target: string, day: string) {
  return issueEntry(
    'revocation',
    { target, reason: 'issued-in-error' },
    { issuer: profile(key, 'Someone'), key, holder: k.learner.did, validFrom: at(day), created: at(day) },
  );
}
async function supersessionBy(key: SigningKeyPair, supersedes: string, day: string) {
  return issueEntry(
    'qualification',
    { title: 'Functional Skills Maths', awardingBody: { name: 'Northern Awards' }, level: 'L2', awardedOn: day.slice(0, 7) },
    { issuer: profile(key, 'Northern Awards'), key, holder: k.learner.did, validFrom: at(day), created: at(day), supersedes },
  );
}
async function passportOf(entries: object[], acceptUnresolvedIssuers = false): Promise<Passport> {
  const result = await addEntries(createPassport({ holder: k.learner.did }), entries as never[], { acceptUnresolvedIssuers });
  expect(result.rejected).toEqual([]);
  return result.passport;
}

let awardingAcc: Awaited<ReturnType<typeof accreditIssuer>>;
let mentorBoardAcc: Awaited<ReturnType<typeof accreditIssuer>>;

beforeAll(async () => {
  k = await keys('root', 'awarding', 'mentorBoard', 'rogue', 'eastwood', 'learner', 'college', 'attacker', 'authority');
  policy = createTrustPolicy({ roots: [{ did: k.root.did, name: 'National Learning Authority' }], now: NOW });
  awardingAcc = await accreditIssuer(k.root, {
    did: k.awarding.did,
    organisation: 'org:northern-awards',
    role: 'awarding-body',
    kinds: ['qualification', 'revocation'],
    displayName: 'Northern Awards',
    validFrom: FROM,
    created: FROM,
  });
  // A sub-authority trusted to accredit mentors only.
  mentorBoardAcc = await accreditIssuer(k.root, {
    did: k.mentorBoard.did,
    organisation: 'org:mentor-board',
    role: 'authority',
    kinds: ['mentoring', 'revocation'],
    capabilities: ['accredit'],
    accreditRoles: ['mentor'],
    validFrom: FROM,
    created: FROM,
  });
});

describe('lifecycle powers are scoped by the accreditor', () => {
  it('a mentor sub-authority cannot make a key part of the awarding body, so that key cannot revoke, supersede or reinstate its entries', async () => {
    const claimed = await accreditIssuer(k.mentorBoard, {
      did: k.rogue.did,
      organisation: 'org:northern-awards',
      role: 'mentor',
      kinds: ['mentoring', 'revocation'],
      validFrom: FROM,
      created: FROM,
    });
    const context = await createTrustContext({ policy, accreditations: [awardingAcc, mentorBoardAcc, claimed] });
    const canActFor = lifecycleAuthority(context);
    const qualification = await qualificationBy(k.awarding, '2026-03-03');
    const cid = entryId(qualification);

    // The rogue key's "same organisation" claim is refused at its root: the accreditation is invalid.
    const asRogue = await evaluateTrust(await makeEntry(k.rogue, 'mentoring', at('2026-03-05')), { context });
    expect(asRogue.checks[0]).toMatchObject({ status: 'fail', code: 'ERR_ACCREDITATION_INVALID' });
    expect(asRogue.checks[0]!.message).toContain('as part of an organisation outside those');
    expect(mayActOnEntry(context, { actor: k.rogue.did, targetIssuer: k.awarding.did, action: 'revoke', at: at('2026-03-05') }).allowed).toBe(false);

    const revoke = await revocationBy(k.rogue, cid, '2026-03-05');
    const supersede = await supersessionBy(k.rogue, cid, '2026-03-05');
    const view = currentView(await passportOf([qualification, revoke, supersede]), { canActFor });
    expect(view.byCid.get(cid)!.state).toBe('active');
    expect(view.unauthorised.map((u) => u.cid).sort()).toEqual([entryId(revoke), entryId(supersede)].sort());

    // Nor can it revoke the awarding body's own revocation to reinstate the entry.
    const genuine = await revocationBy(k.awarding, cid, '2026-04-01');
    const undo = await revocationBy(k.rogue, entryId(genuine), '2026-04-02');
    const after = currentView(await passportOf([qualification, genuine, undo]), { canActFor });
    expect(after.byCid.get(cid)!.state).toBe('revoked');
  });

  it('honours an organisation the accreditor was explicitly given (control)', async () => {
    const scoped = await accreditIssuer(k.root, {
      did: k.mentorBoard.did,
      organisation: 'org:mentor-board',
      role: 'authority',
      kinds: ['qualification', 'revocation'],
      capabilities: ['accredit'],
      organisations: ['org:northern-*'],
      validFrom: FROM,
      created: FROM,
      id: 'urn:uuid:5b0c7e53-8c2e-4c1e-9d8e-0b7a9c0f1a01',
    });
    const newKey = await accreditIssuer(k.mentorBoard, {
      did: k.rogue.did,
      organisation: 'org:northern-awards',
      role: 'awarding-body',
      kinds: ['qualification'],
      validFrom: FROM,
      created: FROM,
    });
    const context = await createTrustContext({ policy, accreditations: [awardingAcc, scoped, newKey] });
    expect(mayActOnEntry(context, { actor: k.rogue.did, targetIssuer: k.awarding.did, action: 'supersede', at: at('2026-03-05') })).toMatchObject({
      allowed: true,
      basis: 'same-organisation',
    });
    // An accreditor cannot pass on a wider organisation scope than it holds.
    const widened = await accreditIssuer(k.mentorBoard, {
      did: k.attacker.did,
      organisation: 'org:northern-x',
      role: 'authority',
      kinds: ['qualification'],
      capabilities: ['accredit'],
      organisations: ['*'],
      validFrom: FROM,
      created: FROM,
    });
    const r = await evaluateTrust(await makeEntry(k.attacker, 'qualification', at('2026-03-05')), { policy, accreditations: [scoped, widened] });
    expect(r.checks[0]!.message).toContain('a chain may only narrow');
  });

  it('a revocation of a revocation reinstates nothing unless the policy allows it', async () => {
    const qualification = await qualificationBy(k.awarding, '2026-03-03');
    const r1 = await revocationBy(k.awarding, entryId(qualification), '2026-04-01');
    const r2 = await revocationBy(k.awarding, entryId(r1), '2026-04-02');
    const passport = await passportOf([qualification, r1, r2]);
    expect(currentView(passport).byCid.get(entryId(qualification))!.state).toBe('revoked');
    const strict = await createTrustContext({ policy, accreditations: [awardingAcc] });
    expect(currentView(passport, { canActFor: lifecycleAuthority(strict) }).byCid.get(entryId(qualification))!.state).toBe('revoked');
    const lenient = createTrustPolicy({ roots: [k.root.did], now: NOW, allowReinstatement: true });
    const context = await createTrustContext({ policy: lenient, accreditations: [awardingAcc] });
    expect(currentView(passport, { canActFor: lifecycleAuthority(context) }).byCid.get(entryId(qualification))!.state).toBe('active');
  });

  it('judges lifecycle authority at the time of the action, not now', async () => {
    // The authority holds revoke-others only from May; its April revocation has no effect.
    const power = await accreditIssuer(k.root, {
      did: k.authority.did,
      organisation: 'org:board',
      role: 'authority',
      kinds: ['qualification'],
      capabilities: ['revoke-others'],
      validFrom: '2026-05-01T00:00:00Z',
      created: '2026-05-01T00:00:00Z',
    });
    const context = await createTrustContext({ policy, accreditations: [awardingAcc, power] });
    const qualification = await qualificationBy(k.awarding, '2026-03-03');
    const early = await revocationBy(k.authority, entryId(qualification), '2026-04-01');
    const inTime = await revocationBy(k.authority, entryId(qualification), '2026-05-10');
    const canActFor = lifecycleAuthority(context);
    expect(currentView(await passportOf([qualification, early]), { canActFor }).byCid.get(entryId(qualification))!.state).toBe('active');
    expect(currentView(await passportOf([qualification, inTime]), { canActFor }).byCid.get(entryId(qualification))!.state).toBe('revoked');
  });

  it('a key reported compromised cannot revoke a checkpoint-rescued genuine entry, whatever date it claims', async () => {
    const eastwoodAcc = await accreditIssuer(k.root, {
      did: k.eastwood.did,
      organisation: 'org:hmp-eastwood',
      role: 'prison',
      kinds: ['checkpoint'],
      displayName: 'Eastwood Learning Centre',
      validFrom: FROM,
      created: FROM,
    });
    const stolen = await revokeAccreditation(k.root, {
      did: k.awarding.did,
      compromisedSince: '2026-04-01T00:00:00Z',
      effective: '2026-04-02T00:00:00Z',
      reason: 'Key stolen',
      created: '2026-04-02T00:00:00Z',
    });
    const qualification = await qualificationBy(k.awarding, '2026-03-03');
    const checkpoints = [{ issuer: k.eastwood.did, at: '2026-03-10T00:00:00Z', cids: [entryId(qualification)] }];
    const context = await createTrustContext({ policy, accreditations: [awardingAcc, eastwoodAcc, stolen], checkpoints });
    expect((await evaluateTrust(qualification, { context })).trusted).toBe(true);
    const canActFor = lifecycleAuthority(context);
    for (const day of ['2026-05-01', '2026-03-20']) {
      const thief = await revocationBy(k.awarding, entryId(qualification), day);
      const view = currentView(await passportOf([qualification, thief]), { canActFor });
      expect(view.byCid.get(entryId(qualification))!.state, day).toBe('active');
    }
    // A revocation the genuine key made before the theft, recorded by Eastwood, still counts.
    const real = await revocationBy(k.awarding, entryId(qualification), '2026-03-15');
    const recorded = await createTrustContext({
      policy,
      accreditations: [awardingAcc, eastwoodAcc, stolen],
      checkpoints: [...checkpoints, { issuer: k.eastwood.did, at: '2026-03-16T00:00:00Z', cids: [entryId(real)] }],
    });
    expect(currentView(await passportOf([qualification, real]), { canActFor: lifecycleAuthority(recorded) }).byCid.get(entryId(qualification))!.state).toBe(
      'revoked',
    );
  });

  it('with acceptUnresolvedIssuers, a revocation by an unknown key claiming the college as issuer revokes nothing', async () => {
    const badgeOf = async (key: SigningKeyPair) =>
      signCredential(
        {
          '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
          id: 'urn:uuid:7d1e8c52-1a3b-4c5d-8e9f-0a1b2c3d4e5f',
          type: ['VerifiableCredential', 'OpenBadgeCredential'],
          issuer: { id: 'https://college.example', type: ['Profile'], name: 'College' },
          validFrom: at('2026-02-01'),
          name: 'Digital skills',
          credentialSubject: {
            type: ['AchievementSubject'],
            achievement: { id: 'https://college.example/a/1', type: ['Achievement'], name: 'Digital skills', criteria: { narrative: 'Done.' } },
          },
        },
        key,
        { created: at('2026-02-01') },
      );
    const revocationOf = async (key: SigningKeyPair, target: string) => {
      const genuine = (await revocationBy(key, target, '2026-03-01')) as unknown as Record<string, unknown>;
      const { proof: _proof, ...unsigned } = genuine;
      return signCredential({ ...unsigned, issuer: { id: 'https://college.example', type: ['Profile'], name: 'College' } }, key, { created: at('2026-03-01') });
    };
    const badge = await badgeOf(k.college);
    const forged = await revocationOf(k.attacker, entryId(badge));
    const passport = await passportOf([badge, forged], true);
    expect(currentView(passport).byCid.get(entryId(badge))!.state).toBe('active');
    const context = await createTrustContext({ policy, accreditations: [] });
    expect(currentView(passport, { canActFor: lifecycleAuthority(context) }).byCid.get(entryId(badge))!.state).toBe('active');
    // The key that signed the badge may withdraw it (control).
    const own = await revocationOf(k.college, entryId(badge));
    expect(currentView(await passportOf([badge, own], true)).byCid.get(entryId(badge))!.state).toBe('revoked');
  });
});

describe('time that nobody vouches for', () => {
  it('a withdrawn issuer cannot backdate new entries into trust', async () => {
    const withdrawal = await revokeAccreditation(k.root, {
      accreditation: awardingAcc.id,
      reason: 'Licence withdrawn',
      effective: '2026-04-01T00:00:00Z',
      created: '2026-04-01T00:00:00Z',
    });
    const backdated = await qualificationBy(k.awarding, '2026-03-01'); // signed today, dated March
    const r = await evaluateTrust(backdated, { policy, accreditations: [awardingAcc, withdrawal] });
    expect(r.trusted).toBe(false);
    expect(r.checks[0]).toMatchObject({ status: 'unknown', code: 'ERR_SIGNING_TIME_UNVOUCHED' });
  });

  it('a rotated-out key cannot backdate new entries into trust', async () => {
    const old = await accreditIssuer(k.root, {
      did: k.college.did,
      organisation: 'org:college',
      role: 'awarding-body',
      kinds: ['qualification'],
      validFrom: FROM,
      validUntil: '2026-01-01T00:00:00Z',
      created: FROM,
    });
    const backdated = await qualificationBy(k.college, '2025-12-01');
    const r = await evaluateTrust(backdated, { policy, accreditations: [old] });
    expect(r.checks[0]).toMatchObject({ status: 'unknown', code: 'ERR_SIGNING_TIME_UNVOUCHED' });
    // Before the window closed (now = December 2025), the same entry is simply trusted.
    const then = createTrustPolicy({ roots: [k.root.did], now: new Date('2025-12-15T00:00:00Z') });
    expect((await evaluateTrust(backdated, { policy: then, accreditations: [old] })).trusted).toBe(true);
  });

  it('an authority whose accreditation expired cannot backdate accreditations into trust', async () => {
    const expired = await accreditIssuer(k.root, {
      did: k.authority.did,
      organisation: 'org:board',
      role: 'authority',
      kinds: ['qualification'],
      capabilities: ['accredit'],
      organisations: ['*'],
      validFrom: FROM,
      validUntil: '2026-01-01T00:00:00Z',
      created: FROM,
    });
    const backdated = await accreditIssuer(k.authority, {
      did: k.attacker.did,
      organisation: 'org:diploma-mill',
      role: 'awarding-body',
      kinds: ['qualification'],
      validFrom: '2025-06-01T00:00:00Z',
      created: '2025-06-01T00:00:00Z',
    });
    const entry = await qualificationBy(k.attacker, '2026-05-01');
    const r = await evaluateTrust(entry, { policy, accreditations: [expired, backdated] });
    expect(r.trusted).toBe(false);
    expect(r.checks[0]).toMatchObject({ status: 'unknown', code: 'ERR_SIGNING_TIME_UNVOUCHED' });
  });

  it('a proof created in the future fails without a policy, as validFrom does', async () => {
    const { proof: _proof, ...unsigned } = (await qualificationBy(k.awarding, '2026-03-03')) as unknown as Record<string, unknown>;
    const future = await signCredential(unsigned, k.awarding, { created: '9999-12-31T23:59:59Z' });
    const r = await verifyCredential(future, { now: NOW });
    expect(r.verified).toBe(false);
    expect(r.errors[0]).toMatchObject({ code: 'ERR_CREDENTIAL_NOT_YET_VALID' });
    // Within the clock tolerance it passes.
    const nearly = await signCredential(unsigned, k.awarding, { created: new Date(NOW.getTime() + 30_000) });
    expect((await verifyCredential(nearly, { now: NOW })).verified).toBe(true);
  });
});

describe('status snapshots', () => {
  const LIST = 'https://status.example.org/lists/9';
  const list = (key: SigningKeyPair, set: boolean, created: string) =>
    issueStatusListCredential(key, {
      id: LIST,
      purpose: 'revocation',
      list: set ? setStatus(createStatusList(), 7, true) : createStatusList(),
      validFrom: created,
      created,
    });
  const entryWithStatus = () =>
    makeEntry(k.awarding, 'qualification', '2026-03-03T10:00:00Z', { credentialStatus: statusEntry({ listUrl: LIST, index: 7, purpose: 'revocation' }) });

  it('a snapshot from before the default maximum age (30 days) is "can’t check", never "not revoked"', async () => {
    const entry = await entryWithStatus();
    const old = await list(k.awarding, false, '2026-04-15T00:00:00Z'); // 47 days before NOW
    const r = await evaluateTrust(entry, { policy, accreditations: [awardingAcc], statusLists: [old] });
    expect(r.verified).toBe(false);
    expect(r.checks.find((c) => c.check === 'status')).toMatchObject({ status: 'unknown', code: 'ERR_STATUS_UNKNOWN' });
    const fresh = await list(k.awarding, false, '2026-05-25T00:00:00Z');
    expect((await evaluateTrust(entry, { policy, accreditations: [awardingAcc], statusLists: [fresh] })).verified).toBe(true);
  });

  it('a holder cannot hide a revocation behind an older or a future-dated clear copy', async () => {
    const entry = await entryWithStatus();
    const revoked = await list(k.awarding, true, '2026-05-20T00:00:00Z');
    const older = await list(k.awarding, false, '2026-05-10T00:00:00Z');
    const future = await list(k.awarding, false, '9999-12-31T23:59:59Z');
    const r = await evaluateTrust(entry, { policy, accreditations: [awardingAcc], statusLists: [older, future, revoked] });
    expect(r.checks.find((c) => c.check === 'status')).toMatchObject({ status: 'fail', code: 'ERR_STATUS_REVOKED' });
    // A far-future copy setting the bit does not beat the genuine newer list either.
    const futureRevoked = await list(k.awarding, true, '9999-12-31T23:59:59Z');
    const clear = await list(k.awarding, false, '2026-05-25T00:00:00Z');
    const r2 = await evaluateTrust(entry, { policy, accreditations: [awardingAcc], statusLists: [futureRevoked, clear] });
    expect(r2.checks.find((c) => c.check === 'status')).toMatchObject({ status: 'pass' });
  });

  it('lists signed by a key reported compromised can neither clear nor set a status', async () => {
    const entry = await entryWithStatus();
    const stolen = await revokeAccreditation(k.root, {
      did: k.awarding.did,
      compromisedSince: '2026-05-01T00:00:00Z',
      reason: 'Key stolen',
      effective: '2026-05-01T00:00:00Z',
      created: '2026-05-01T00:00:00Z',
    });
    const forged = await list(k.awarding, true, '2026-04-30T00:00:00Z');
    const r = await evaluateTrust(entry, { policy, accreditations: [awardingAcc, stolen], statusLists: [forged] });
    expect(r.checks.find((c) => c.check === 'status')).toMatchObject({ status: 'unknown', code: 'ERR_STATUS_UNKNOWN' });
  });
});

describe('hostile objects never raise raw errors', () => {
  const throwing = (): object =>
    new Proxy(
      {},
      {
        get: () => {
          throw new Error('boom');
        },
        ownKeys: () => {
          throw new Error('boom');
        },
        getPrototypeOf: () => {
          throw new Error('boom');
        },
      },
    );
  const getter = (): object =>
    Object.defineProperty({}, 'credentialSubject', {
      enumerable: true,
      get: () => {
        throw new Error('boom');
      },
    });

  it('createTrustContext rejects unreadable items with a code and throws only PassportError for an unreadable input', async () => {
    const context = await createTrustContext({
      policy,
      accreditations: [throwing(), getter(), awardingAcc],
      statusLists: [throwing(), getter()],
      entries: [throwing(), getter()],
    });
    expect(context.accepted).toBe(1);
    expect(context.rejected.length).toBe(4);
    for (const r of context.rejected) expect(typeof r.code).toBe('string');
    for (const input of [
      throwing(),
      {
        policy,
        get accreditations() {
          throw new Error('boom');
        },
      },
      {
        policy,
        accreditations: new Proxy([], {
          get: () => {
            throw new Error('boom');
          },
        }),
      },
    ]) {
      const err = await createTrustContext(input as never).catch((e: unknown) => e);
      expect(isPassportError(err, 'ERR_JSON_INVALID') || err instanceof TypeError, String(err)).toBe(true);
      expect(String(err)).not.toContain('boom');
    }
    const revoked = Proxy.revocable([], {});
    revoked.revoke();
    await expect(createTrustContext({ policy, accreditations: revoked.proxy })).rejects.toSatisfy((e: unknown) => isPassportError(e, 'ERR_JSON_INVALID'));
  });

  it('checkpointsFromEntries skips unreadable entries and throws only PassportError for an unreadable list', async () => {
    expect(await checkpointsFromEntries([throwing(), getter()])).toEqual([]);
    const revoked = Proxy.revocable([], {});
    revoked.revoke();
    await expect(checkpointsFromEntries(revoked.proxy)).rejects.toSatisfy((e: unknown) => isPassportError(e, 'ERR_JSON_INVALID'));
    await expect(
      checkpointsFromEntries(
        new Proxy([1], {
          get: () => {
            throw new Error('boom');
          },
        }),
      ),
    ).rejects.toSatisfy((e: unknown) => isPassportError(e, 'ERR_JSON_INVALID'));
  });
});
