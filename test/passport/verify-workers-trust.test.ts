// verifyPassport in worker threads with a verifier's trust material: the policy, accreditations
// given and carried, status lists, checkpoints and trust lists go to the workers as data, and the
// report is exactly the one a single thread gives. Workers run the built file
// (dist/verify-worker.js), so the worker runs use the built package (npm test builds first).
import { describe, expect, it, vi } from 'vitest';
import * as built from '../../dist/index.js';
import * as builtTrust from '../../dist/trust.js';
import { addEntries, createCheckpoint, createIssuerProfile, createPassport, entryId, generateKeyPair, issueEntry } from '../../src/index.js';
import { verifyPassport as verifyFromSources } from '../../src/passport/index.js';
import { createTrustPolicy as sourcesPolicy } from '../../src/trust/index.js';
import {
  accreditIssuer,
  createStatusList,
  createTrustList,
  issueStatusListCredential,
  revokeAccreditation,
  setStatus,
  statusEntry,
} from '../../src/trust/index.js';
import { HOLDER, qualification, revocation, signer, tampered, unitCredit, type Signer } from './fixtures.js';

const started = vi.hoisted(() => ({ count: 0, checkers: 0 }));
// The cores the library sees (the default worker count depends on them).
const machine = vi.hoisted(() => ({ cores: 2 }));
vi.mock('node:os', async (importOriginal) => ({ ...(await importOriginal<typeof import('node:os')>()), availableParallelism: () => machine.cores }));
vi.mock('node:worker_threads', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:worker_threads')>();
  class CountingWorker extends original.Worker {
    constructor(...args: ConstructorParameters<typeof original.Worker>) {
      super(...args);
      // Verification workers run a file; the signature checkers are small inline programs.
      if (args[1]?.eval === true) started.checkers++;
      else started.count++;
    }
  }
  return { ...original, Worker: CountingWorker };
});

const DAY = 86_400_000;
// One instant for every run, so that the runs compare; the material is dated around it.
const NOW = new Date(Math.floor(Date.now() / 1000) * 1000);
const ago = (days: number): string => new Date(NOW.getTime() - days * DAY).toISOString().replace(/\.\d{3}Z$/, 'Z');

function plain(report: unknown): unknown {
  // The view's Map is compared through its entries; lazy headlines are read (JSON reads getters).
  return JSON.parse(JSON.stringify(report, (_k, v: unknown) => (v instanceof Map ? [...v.entries()] : v)));
}

const root = await generateKeyPair();
const college = await signer('Northgate College', 'education-provider');
const trainer = await signer('Riverside Training', 'education-provider');
const stranger = await signer('Unknown Academy', 'education-provider');
const prisonOld = await signer('HMP Northfield Education', 'prison');
const otherPrison = await signer('HMP Eastwood Education', 'prison');

async function accredit(s: Signer, organisation: string, role: 'education-provider' | 'prison', kinds: string[]) {
  return accreditIssuer(root, { did: s.key.did, organisation, role, kinds: kinds as never, validFrom: ago(365) });
}

// The college's status list: bit 3 set (revoked), signed a day ago.
const LIST = 'https://status.example.org/northgate/1';
const bits = createStatusList();
setStatus(bits, 3, true);
const statusList = await issueStatusListCredential(college.key, { id: LIST, purpose: 'revocation', list: bits, validFrom: ago(1), created: ago(1) });
const withStatus = (index: number) =>
  issueEntry(
    'unit-credit',
    { unitTitle: `Status unit ${index}`, awardingBody: { name: 'Highfield Qualifications' }, level: 'L2', achievedOn: '2026-02-14' },
    {
      issuer: college.issuer,
      key: college.key,
      holder: HOLDER,
      validFrom: ago(60),
      created: ago(60),
      credentialStatus: statusEntry({ listUrl: LIST, index, purpose: 'revocation' }),
    },
  );

// A key compromised 30 days ago: its entries from before then count only when another
// organisation's checkpoint from before the compromise covers them.
const prisonProfile = createIssuerProfile({ key: prisonOld.key, name: 'HMP Northfield Education', role: 'prison', displayName: 'Northfield Learning Centre' });
const otherProfile = createIssuerProfile({ key: otherPrison.key, name: 'HMP Eastwood Education', role: 'prison', displayName: 'Eastwood Learning Centre' });
const work = (title: string) =>
  issueEntry(
    'work-experience',
    { roleTitle: title, organisationDisplay: 'Northfield', sector: 'cleaning-and-maintenance', from: '2026-02' },
    { issuer: prisonProfile, key: prisonOld.key, holder: HOLDER, validFrom: ago(60), created: ago(60) },
  );
const covered = await work('Cleaner');
const uncovered = await work('Gardener');
const checkpoint = await createCheckpoint((await addEntries(createPassport({ holder: HOLDER }), [covered])).passport, {
  issuer: otherProfile,
  key: otherPrison.key,
  at: ago(45),
  holder: HOLDER,
});
const compromise = await revokeAccreditation(root, { did: prisonOld.key.did, compromisedSince: ago(30), reason: 'Key stolen', effective: ago(20) });

const given = [await accredit(college, 'org:northgate', 'education-provider', ['unit-credit', 'qualification']), compromise];
const carried = [
  await accredit(trainer, 'org:riverside', 'education-provider', ['unit-credit']),
  await accredit(prisonOld, 'org:hmp-northfield', 'prison', ['work-experience']),
  await accredit(otherPrison, 'org:hmp-eastwood', 'prison', ['checkpoint']),
];

// Enough entries for several batches (256 each) and the automatic worker count (2,000).
const good = await Promise.all(Array.from({ length: 2_000 }, (_, i) => unitCredit(i % 2 ? college : trainer, `Unit ${i}`)));
const revoked = await qualification(college, 'Functional Skills English');
const special = [
  revoked,
  await revocation(college, entryId(revoked)),
  await withStatus(3),
  await withStatus(4),
  await unitCredit(stranger, 'Unit from nowhere'),
  tampered(good[3]!),
  covered,
  uncovered,
  checkpoint,
];

function passportOf(entries: readonly unknown[], statusLists: readonly unknown[] = [statusList]) {
  const raw = { type: 'LearningPassport', version: 1, holder: HOLDER, entries, accreditations: carried, statusLists, exclusions: [] };
  return built.parsePassport(JSON.stringify(raw));
}

describe('verifyPassport in workers, with trust material', () => {
  it('judges trust, status, lifecycle and checkpoints in the workers exactly as on one thread', async () => {
    const passport = passportOf([...good.slice(0, 600), ...special]);
    const options = { now: NOW, policy: built.createTrustPolicy({ roots: [root.did] }), accreditations: given };
    const before = started.count;
    let progress = 0;
    const inWorkers = await built.verifyPassport(passport, { ...options, workers: 2, onProgress: () => progress++ });
    expect(started.count - before).toBe(2);
    expect(progress).toBe(passport.entries.length);
    const onThread = await built.verifyPassport(passport, { ...options, workers: 0 });
    expect(started.count - before).toBe(2);
    // On this thread the signatures were checked in batches by a checker thread.
    expect(started.checkers).toBeGreaterThan(0);
    expect(plain(inWorkers)).toEqual(plain(onThread));

    // The material was used, not lost on the way: each of these verdicts needs part of it.
    const byCid = new Map(inWorkers.entries.map((e) => [e.cid, e]));
    const at = (entry: object) => byCid.get(entryId(entry))!;
    expect(at(good[0]!).verdict).toBe('valid'); // accredited through the passport's own accreditations
    expect(at(good[1]!).verdict).toBe('valid'); // accredited through the accreditations given
    expect(at(revoked).state).toBe('revoked'); // a revocation entry
    expect(at(special[2]!).result.checks).toContainEqual(expect.objectContaining({ check: 'status', status: 'fail', code: 'ERR_STATUS_REVOKED' }));
    expect(at(special[3]!).verdict).toBe('valid'); // its bit is not set
    expect(at(special[4]!).verdict).toBe('cant-check'); // nobody accredits the issuer
    expect(at(special[5]!).verdict).toBe('not-valid'); // tampered
    expect(at(covered).verdict).toBe('valid'); // vouched for by the checkpoint
    expect(at(uncovered).result.errors.map((e) => e.code)).toContain('ERR_KEY_COMPROMISED');

    // The sources (no worker file: one thread) agree.
    const fromSources = await verifyFromSources(passport, { ...options, policy: sourcesPolicy({ roots: [root.did] }), workers: 2 });
    expect(plain(fromSources)).toEqual(plain(onThread));
  });

  it('uses one worker per core by default for a large passport on five cores or more, none for a small one or on fewer', async () => {
    const large = passportOf([...good, ...special]);
    const options = { now: NOW, policy: built.createTrustPolicy({ roots: [root.did] }), accreditations: given };
    const onThread = plain(await built.verifyPassport(large, { ...options, workers: 0 }));
    try {
      for (const [cores, expected] of [
        [6, 6],
        [16, 8],
        [4, 0],
        [2, 0],
      ] as const) {
        machine.cores = cores;
        const before = started.count;
        const auto = await built.verifyPassport(large, options);
        expect(started.count - before, `${cores} cores`).toBe(expected);
        expect(plain(auto)).toEqual(onThread);
      }
      machine.cores = 6;
      const before = started.count;
      await built.verifyPassport(passportOf(special), options);
      expect(started.count).toBe(before);
    } finally {
      machine.cores = 2;
    }
  });

  it('keeps a policy made from a trust list, root key windows included', async () => {
    const oldRoot = await generateKeyPair();
    const late = await accreditIssuer(oldRoot, {
      did: trainer.key.did,
      organisation: 'org:riverside',
      role: 'education-provider',
      kinds: ['unit-credit'],
      validFrom: ago(2),
    });
    const document = await createTrustList(root, {
      operatorName: 'National Learning Authority',
      sequenceNumber: 1,
      nextUpdate: new Date(NOW.getTime() + 30 * DAY),
      roots: [
        { did: root.did, name: 'National Learning Authority' },
        { did: oldRoot.did, name: 'Old key', validUntil: ago(5) },
      ],
      accreditations: [late, given[0]!],
      statusLists: [statusList],
    });
    const { trustList } = await builtTrust.verifyTrustList(document, { operator: root.did });
    const policy = built.createTrustPolicy({ trustList: trustList! });
    const raw = {
      type: 'LearningPassport',
      version: 1,
      holder: HOLDER,
      entries: [...good.slice(0, 300), ...special.slice(0, 4)],
      accreditations: [],
      statusLists: [],
      exclusions: [],
    };
    const passport = built.parsePassport(JSON.stringify(raw));
    const before = started.count;
    const inWorkers = await built.verifyPassport(passport, { now: NOW, policy, workers: 2 });
    expect(started.count - before).toBe(2);
    const onThread = await built.verifyPassport(passport, { now: NOW, policy, workers: 0 });
    expect(plain(inWorkers)).toEqual(plain(onThread));
    const byCid = new Map(inWorkers.entries.map((e) => [e.cid, e]));
    // The trainer's only accreditation is by a root key past its window (a policy that lost the
    // window would trust it).
    expect(byCid.get(entryId(good[0]!))!.verdict).not.toBe('valid');
    expect(byCid.get(entryId(good[1]!))!.verdict).toBe('valid');
    // The list's status list revokes bit 3.
    expect(byCid.get(entryId(special[2]!))!.result.checks).toContainEqual(expect.objectContaining({ check: 'status', code: 'ERR_STATUS_REVOKED' }));
  });

  it('sends numbers as they are (an unlimited status age included) and reports a caller mistake found in a worker as a throw', async () => {
    const passport = passportOf([...good.slice(0, 300), ...special.slice(2, 4)]);
    const options = { now: NOW, policy: built.createTrustPolicy({ roots: [root.did] }), accreditations: given, maxStatusAge: Infinity };
    const before = started.count;
    const inWorkers = await built.verifyPassport(passport, { ...options, workers: 2 });
    expect(started.count - before).toBe(2);
    expect(plain(inWorkers)).toEqual(plain(await built.verifyPassport(passport, { ...options, workers: 0 })));
    // A negative clock tolerance is refused by each entry's verification: in the workers, whose
    // batches then come back to this thread, which throws as it would without workers.
    await expect(built.verifyPassport(passport, { now: NOW, clockTolerance: -5, workers: 2 })).rejects.toThrow(TypeError);
    expect(started.count - before).toBe(4);
  });

  it('keeps on the calling thread what cannot be sent: a context, a fetcher, proof verifiers, many status lists', async () => {
    const passport = passportOf(good.slice(0, 300));
    const policy = built.createTrustPolicy({ roots: [root.did] });
    const context = await builtTrust.createTrustContext({ policy, accreditations: [...given, ...carried] });
    const lists = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        issueStatusListCredential(college.key, { id: `${LIST}/${i}`, purpose: 'revocation', list: createStatusList(), validFrom: ago(1), created: ago(1) }),
      ),
    );
    const before = started.count;
    const cases = [
      { context },
      { policy, fetchStatusList: async () => statusList },
      { policy, proofVerifiers: [] },
      { policy, statusLists: lists },
      { policy, accreditations: [new Date()] },
    ];
    for (const extra of cases) {
      const report = await built.verifyPassport(passport, { now: NOW, accreditations: given, ...extra, workers: 2 } as never);
      expect(report.entries).toHaveLength(300);
    }
    expect(started.count).toBe(before);
    // Without a policy the passport's status lists go to the workers (a status context each).
    const noPolicy = await built.verifyPassport(passportOf([...good.slice(0, 300), ...special.slice(2, 4)]), { now: NOW, workers: 2 });
    expect(started.count - before).toBe(2);
    expect(plain(noPolicy)).toEqual(plain(await built.verifyPassport(passportOf([...good.slice(0, 300), ...special.slice(2, 4)]), { now: NOW, workers: 0 })));
    expect(noPolicy.entries.find((e) => e.cid === entryId(special[2]!))!.result.checks).toContainEqual(
      expect.objectContaining({ check: 'status', code: 'ERR_STATUS_REVOKED' }),
    );
  });
});
