// Trust lists: the authority's one signed file. Rollback, a foreign signer, a stale list, a
// compromise notice arriving through a newer list, root key windows, and the employer who
// pinned only the authority's key verifying a presentation offline.
import { describe, expect, it } from 'vitest';
import {
  createIssuerProfile,
  createPresentation,
  createTrustPolicy,
  generateKeyPair,
  issueEntry,
  verifyCredential,
  verifyPresentation,
  type SigningKeyPair,
} from '../../src/index.js';
import { accreditIssuer, createTrustList, isTrustList, revokeAccreditation, verifyTrustList } from '../../src/trust.js';

const DAY = 86_400_000;
const inDays = (n: number) => new Date(Date.now() + n * DAY);

async function world() {
  const authority = await generateKeyPair();
  const prisonKey = await generateKeyPair();
  const learner = await generateKeyPair();
  const prison = createIssuerProfile({ key: prisonKey, name: 'HMP Leeds Education', role: 'prison', displayName: 'Leeds Learning Centre' });
  const accreditation = await accreditIssuer(authority, {
    did: prisonKey.did,
    organisation: 'org:hmp-leeds',
    role: 'prison',
    kinds: ['course-completion', 'checkpoint'],
    validFrom: inDays(-30),
  });
  const entry = await issueEntry(
    'course-completion',
    { title: 'Barista skills', provider: 'Leeds Learning Centre', completedOn: '2026-03', outcome: 'completed' },
    { issuer: prison, key: prisonKey, holder: learner.did },
  );
  const list = (sequenceNumber: number, extra: { accreditations?: unknown[]; issued?: Date; nextUpdate?: Date; key?: SigningKeyPair } = {}) =>
    createTrustList(extra.key ?? authority, {
      operatorName: 'National Learning Authority',
      sequenceNumber,
      ...(extra.issued ? { issued: extra.issued } : {}),
      nextUpdate: extra.nextUpdate ?? inDays(30),
      accreditations: extra.accreditations ?? [accreditation],
    });
  return { authority, prisonKey, learner, prison, accreditation, entry, list };
}

describe('trust lists', () => {
  it('a current list signed by the pinned key verifies, and a policy made from it trusts the accredited prison', async () => {
    const w = await world();
    const document = await w.list(1);
    const result = await verifyTrustList(document, { operator: w.authority.did });
    expect(result.verified, result.summary).toBe(true);
    expect(result.status).toBe('current');
    expect(result.sequenceNumber).toBe(1);
    expect(isTrustList(result.trustList)).toBe(true);
    const policy = createTrustPolicy({ trustList: result.trustList! });
    const verdict = await verifyCredential(w.entry, { policy });
    expect(verdict.verified, verdict.summary).toBe(true);
    // Without the list the same pinned key alone cannot vouch for the prison.
    const bare = await verifyCredential(w.entry, { policy: createTrustPolicy({ roots: [w.authority.did] }) });
    expect(bare.verified).toBe(false);
  });

  it('refuses a rollback to an older list, and a different list under the same number', async () => {
    const w = await world();
    const v6 = await w.list(6);
    const v7 = await w.list(7);
    const accepted = await verifyTrustList(v7, { operator: w.authority.did, previous: v6 });
    expect(accepted.verified).toBe(true);
    expect(accepted.replaces).toBe(6);
    const rollback = await verifyTrustList(v6, { operator: w.authority.did, previous: accepted.trustList });
    expect(rollback.verified).toBe(false);
    expect(rollback.status).toBe('rollback');
    expect(rollback.errors[0]?.code).toBe('ERR_TRUST_LIST_ROLLBACK');
    expect(rollback.trustList).toBeUndefined();
    expect(rollback.summary).toContain('older than list #7');
    const byNumber = await verifyTrustList(v6, { operator: w.authority.did, previous: 7 });
    expect(byNumber.errors[0]?.code).toBe('ERR_TRUST_LIST_ROLLBACK');
    const fork = await w.list(7, { accreditations: [] });
    const forked = await verifyTrustList(fork, { operator: w.authority.did, previous: v7 });
    expect(forked.errors[0]?.code).toBe('ERR_TRUST_LIST_ROLLBACK');
    // The same list again is fine.
    expect((await verifyTrustList(v7, { operator: w.authority.did, previous: v7 })).verified).toBe(true);
  });

  it('refuses a list signed by another key, and one whose signer is not its issuer', async () => {
    const w = await world();
    const stranger = await generateKeyPair();
    const foreign = await w.list(99, { key: stranger });
    const result = await verifyTrustList(foreign, { operator: w.authority.did });
    expect(result.verified).toBe(false);
    expect(result.errors[0]?.code).toBe('ERR_TRUST_LIST_SIGNER');
    // Claims the authority as issuer, but the proof is the stranger's.
    const genuine = await w.list(2);
    const relabelled = { ...foreign, issuer: w.authority.did };
    const claimed = await verifyTrustList(relabelled, { operator: w.authority.did });
    expect(claimed.verified).toBe(false);
    // Tampered content: a rogue accreditation slipped into a genuine list.
    const rogue = await accreditIssuer(stranger, { did: stranger.did, organisation: 'org:rogue', role: 'authority', kinds: ['qualification'] });
    const tampered = structuredClone(genuine) as typeof genuine;
    tampered.credentialSubject.accreditations.push(rogue as never);
    const t = await verifyTrustList(tampered, { operator: w.authority.did });
    expect(t.verified).toBe(false);
    expect(t.errors[0]?.code).toBe('ERR_PROOF_SIGNATURE_INVALID');
    expect(() => createTrustPolicy({ trustList: { ...genuine } as never })).toThrow(TypeError);
  });

  it('reports a list past its next update and never trusts it silently', async () => {
    const w = await world();
    const old = await w.list(3, { issued: inDays(-40), nextUpdate: inDays(-10) });
    const result = await verifyTrustList(old, { operator: w.authority.did });
    expect(result.verified).toBe(false);
    expect(result.status).toBe('stale');
    expect(result.errors[0]?.code).toBe('ERR_TRUST_LIST_STALE');
    expect(result.summary).toContain('out of date');
    expect(result.trustList).toBeUndefined();
    const accepted = await verifyTrustList(old, { operator: w.authority.did, acceptStale: true });
    expect(accepted.verified).toBe(true);
    expect(accepted.status).toBe('stale');
    expect(accepted.warnings[0]?.code).toBe('ERR_TRUST_LIST_STALE');
    expect(accepted.trustList?.stale).toBe(true);
  });

  it('refuses hostile dates and shapes without throwing', async () => {
    const w = await world();
    const future = await w.list(4, { issued: inDays(5), nextUpdate: inDays(30) });
    expect((await verifyTrustList(future, { operator: w.authority.did })).errors[0]?.code).toBe('ERR_TRUST_LIST_INVALID');
    for (const bad of [
      null,
      'text',
      [],
      { type: ['VerifiableCredential', 'LearningPassportTrustList'] },
      { credentialSubject: { sequenceNumber: 'x'.repeat(200_000) } },
    ]) {
      const r = await verifyTrustList(bad, { operator: w.authority.did });
      expect(r.verified).toBe(false);
      expect(r.errors[0]?.code).toBe('ERR_TRUST_LIST_INVALID');
    }
    const good = await w.list(5);
    const leap = structuredClone(good) as Record<string, any>;
    leap.credentialSubject.nextUpdate = '9999-12-31T23:59:60Z';
    expect((await verifyTrustList(leap, { operator: w.authority.did })).verified).toBe(false);
    await expect(createTrustList(w.authority, { operatorName: 'A', sequenceNumber: 1, nextUpdate: '2026-02-30T00:00:00Z' })).rejects.toThrow(TypeError);
    await expect(createTrustList(w.authority, { operatorName: 'A', sequenceNumber: 0, nextUpdate: inDays(1) })).rejects.toThrow(TypeError);
    await expect(
      createTrustList(w.authority, { operatorName: 'A', sequenceNumber: 1, nextUpdate: inDays(1), accreditations: [{ unsigned: true }] }),
    ).rejects.toThrow(TypeError);
    await expect(verifyTrustList(good, {} as never)).rejects.toThrow(TypeError);
  });

  it('a compromise notice arriving through a newer list stops the stolen key', async () => {
    const w = await world();
    const v1 = await verifyTrustList(await w.list(1), { operator: w.authority.did });
    expect((await verifyCredential(w.entry, { policy: createTrustPolicy({ trustList: v1.trustList! }) })).verified).toBe(true);
    const notice = await revokeAccreditation(w.authority, { did: w.prisonKey.did, compromisedSince: inDays(-1), reason: 'Laptop stolen' });
    const v2 = await verifyTrustList(await w.list(2, { accreditations: [w.accreditation, notice] }), { operator: w.authority.did, previous: v1.trustList });
    expect(v2.verified, v2.summary).toBe(true);
    const after = await verifyCredential(w.entry, { policy: createTrustPolicy({ trustList: v2.trustList! }), accreditations: [w.accreditation] });
    expect(after.verified).toBe(false);
    expect(after.errors.map((e) => e.code)).toContain('ERR_KEY_COMPROMISED');
  });

  it('a root key window from the list: the rotated-out key is no root after its window', async () => {
    const w = await world();
    const oldRoot = await generateKeyPair();
    const lateAcc = await accreditIssuer(oldRoot, {
      did: w.prisonKey.did,
      organisation: 'org:hmp-leeds',
      role: 'prison',
      kinds: ['course-completion'],
      validFrom: inDays(-2),
    });
    const document = await createTrustList(w.authority, {
      operatorName: 'National Learning Authority',
      sequenceNumber: 1,
      nextUpdate: inDays(30),
      roots: [
        { did: w.authority.did, name: 'National Learning Authority' },
        { did: oldRoot.did, name: 'Old key', validUntil: inDays(-5).toISOString() },
      ],
      accreditations: [lateAcc],
    });
    const { trustList } = await verifyTrustList(document, { operator: w.authority.did });
    const verdict = await verifyCredential(w.entry, { policy: createTrustPolicy({ trustList: trustList! }) });
    expect(verdict.verified).toBe(false);
    expect(verdict.errors.map((e) => e.code)).toContain('ERR_ISSUER_UNTRUSTED');
    // Control: the same key inside its window is a root, and the same entry is trusted.
    const open = await createTrustList(w.authority, {
      operatorName: 'National Learning Authority',
      sequenceNumber: 2,
      nextUpdate: inDays(30),
      roots: [{ did: w.authority.did }, { did: oldRoot.did, name: 'Old key', validFrom: inDays(-60).toISOString() }],
      accreditations: [lateAcc],
    });
    const reopened = await verifyTrustList(open, { operator: w.authority.did });
    expect((await verifyCredential(w.entry, { policy: createTrustPolicy({ trustList: reopened.trustList! }) })).verified).toBe(true);
  });

  it('an employer who pinned only the authority key verifies a presentation offline with the list', async () => {
    const w = await world();
    const listDocument = JSON.parse(JSON.stringify(await w.list(1)));
    const vp = await createPresentation({ holderKey: w.learner, entries: [w.entry], audience: 'employer', challenge: 'c-123', domain: 'jobs.example' });
    // The employer's side: a pinned DID string, a list file and the presentation. Nothing else.
    const pinned = w.authority.did;
    const checked = await verifyTrustList(listDocument, { operator: pinned });
    expect(checked.verified).toBe(true);
    const result = await verifyPresentation(vp.presentation, {
      policy: createTrustPolicy({ trustList: checked.trustList! }),
      challenge: 'c-123',
      domain: 'jobs.example',
    });
    expect(result.verified, result.summary).toBe(true);
    const without = await verifyPresentation(vp.presentation, { policy: createTrustPolicy({ roots: [pinned] }), challenge: 'c-123', domain: 'jobs.example' });
    expect(without.verified).toBe(false);
  });
});
