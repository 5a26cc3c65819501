// The issuer's own signed status list counts with or without a trust policy (review r10, F2):
// an entry its issuer revoked in a list signed by the issuer's key is never "valid", whether the
// list comes with verifyCredential, is carried in the passport, or is handed to
// verifyPresentation; the CLI's verify exits 1. A list signed by anyone else decides nothing.
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addEntries,
  addTrustMaterial,
  createIssuerProfile,
  createPassport,
  createPresentation,
  generateKeyPair,
  issueEntry,
  serializePassport,
  verifyCredential,
  verifyPassport,
  verifyPresentation,
} from '../../src/index.js';
import { signVcJwt, verifyVcJwt } from '../../src/jwt.js';
import { signVpJwt, verifyVpJwt } from '../../src/present.js';
import { createStatusList, issueStatusListCredential, setStatus, statusEntry } from '../../src/trust.js';
import { workspace } from '../cli/run.js';

const abKey = await generateKeyPair();
const other = await generateKeyPair();
const learner = await generateKeyPair();
const ab = createIssuerProfile({ key: abKey, name: 'Northern Awards', role: 'awarding-body' });
const url = 'https://northern.example/sl';
const fields = { title: 'Maths', awardingBody: { name: 'Northern Awards' }, level: 'L1', awardedOn: '2026-03' } as const;

const entryAt = (index: number) =>
  issueEntry('qualification', fields, {
    issuer: ab,
    key: abKey,
    holder: learner.did,
    credentialStatus: statusEntry({ listUrl: url, index, purpose: 'revocation' }),
  });
const listWith = (signer: typeof abKey, set: readonly number[]) => {
  let list = createStatusList();
  for (const i of set) list = setStatus(list, i, true);
  return issueStatusListCredential(signer, { id: url, purpose: 'revocation', list });
};
const status = (r: { checks: { check: string; status: string }[] }) => r.checks.find((c) => c.check === 'status')?.status;

describe('status lists without a trust policy', () => {
  it('the reviewer’s case: verifyCredential, verifyPassport and verifyPresentation all say revoked', async () => {
    const e = await entryAt(3);
    const revoked = await listWith(abKey, [3]);
    const r1 = await verifyCredential(e, { statusLists: [revoked] });
    expect(r1.verified).toBe(false);
    expect(r1.errors.map((x) => x.code)).toEqual(['ERR_STATUS_REVOKED']);

    let { passport } = await addEntries(createPassport({ holder: learner.did }), [e]);
    ({ passport } = await addTrustMaterial(passport, { statusLists: [revoked] }));
    const report = await verifyPassport(passport);
    expect(report.verified).toBe(false);
    expect(report.entries[0]!.errors.map((x) => x.code)).toEqual(['ERR_STATUS_REVOKED']);
    // Withdrawn, as by a revocation entry: counted apart, and the passport holds nothing current.
    expect(report.entries[0]!.state).toBe('revoked');
    expect(report.counts).toMatchObject({ current: 0, revoked: 1, notValid: 0 });
    expect(report.verdict).toBe('not-valid');

    const { presentation } = await createPresentation({ holderKey: learner, entries: [e], audience: 'employer', challenge: 'c', domain: 'd' });
    const r3 = await verifyPresentation(presentation, { challenge: 'c', domain: 'd', statusLists: [revoked] });
    expect(r3.verified).toBe(false);
    expect(r3.entries[0]!.checks.find((c) => c.check === 'status')).toMatchObject({ status: 'fail', code: 'ERR_STATUS_REVOKED' });
  });

  it('no list at all: the status is "unknown", never valid; an entry without credentialStatus gets no status check', async () => {
    const r = await verifyCredential(await entryAt(1));
    expect(r.verified).toBe(false);
    expect(r.checks.find((c) => c.check === 'status')).toMatchObject({ status: 'unknown', code: 'ERR_STATUS_UNKNOWN' });
    const plain = await issueEntry('qualification', fields, { issuer: ab, key: abKey, holder: learner.did });
    const p = await verifyCredential(plain);
    expect(p.verified).toBe(true);
    expect(status(p)).toBeUndefined();
  });

  it('any bits, any signer (property): the entry’s bit in its own issuer’s list decides; another key’s list decides nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 63 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 63 }), { maxLength: 6 }),
        fc.boolean(),
        async (index, set, byIssuer) => {
          const e = await entryAt(index);
          const list = await listWith(byIssuer ? abKey : other, set);
          const r = await verifyCredential(e, { statusLists: [list] });
          const expected = !byIssuer ? 'unknown' : set.includes(index) ? 'fail' : 'pass';
          expect(status(r)).toBe(expected);
          expect(r.verified).toBe(expected === 'pass');
        },
      ),
      { numRuns: 12 },
    );
  });

  it('CLI verify exits 1 for the revoked entry, carried in the passport or given with --status-list', async () => {
    const e = await entryAt(3);
    const revoked = await listWith(abKey, [3]);
    let { passport } = await addEntries(createPassport({ holder: learner.did }), [e]);
    ({ passport } = await addTrustMaterial(passport, { statusLists: [revoked] }));
    const { lp, file } = workspace('lp-status-');
    writeFileSync(file('p.json'), serializePassport(passport));
    writeFileSync(file('entry.json'), JSON.stringify(e));
    writeFileSync(file('list.json'), JSON.stringify(revoked));
    const a = await lp(['verify', 'p.json']);
    expect(a.code).toBe(1);
    expect(a.stdout).toMatch(/revoked/);
    const b = await lp(['verify', 'entry.json', '--status-list', 'list.json']);
    expect(b.code).toBe(1);
    expect(b.stdout).toMatch(/revoked/);
  });
});

// The JWT forms and presentations used to build their own status context without a policy,
// dropping `fetchStatusList`, `maxStatusAge` and the caller's clock tolerance; one function now
// serves every verifier, so they count wherever an entry is verified.
describe('vc+jwt and presentations without a policy honour every status option', () => {
  const request = { challenge: 'c-jwt', domain: 'jobs.example' } as const;
  const dayMs = 24 * 3600 * 1000;
  const listDated = async (at: Date, set: readonly number[]) => {
    let list = createStatusList();
    for (const i of set) list = setStatus(list, i, true);
    return issueStatusListCredential(abKey, { id: url, purpose: 'revocation', list, validFrom: at, created: at });
  };
  const statusCheck = (checks: readonly { check: string }[]) => checks.find((c) => c.check === 'status');
  const asJwt = async (index: number) => signVcJwt(await entryAt(index), abKey);
  const vpWith = async (jwt: string) => (await signVpJwt({ holderKey: learner, entries: [jwt], audience: 'employer', ...request })).jwt;

  it('fetchStatusList is asked: vc+jwt and vp+jwt say revoked', async () => {
    const revoked = await listWith(abKey, [5]);
    const asked: string[] = [];
    const fetchStatusList = async (u: string) => {
      asked.push(u);
      return revoked;
    };
    const jwt = await asJwt(5);
    expect(statusCheck((await verifyVcJwt(jwt, { fetchStatusList })).checks)).toMatchObject({ status: 'fail', code: 'ERR_STATUS_REVOKED' });
    const vp = await verifyVpJwt(await vpWith(jwt), { ...request, fetchStatusList });
    expect(statusCheck(vp.entries[0]!.checks)).toMatchObject({ status: 'fail', code: 'ERR_STATUS_REVOKED' });
    expect(asked).toEqual([url, url]);
  });

  it('maxStatusAge is applied: a two-day-old list is too old for a one-hour limit', async () => {
    const old = await listDated(new Date(Date.now() - 2 * dayMs), []);
    const jwt = await asJwt(6);
    expect(statusCheck((await verifyVcJwt(jwt, { statusLists: [old] })).checks)).toMatchObject({ status: 'pass' });
    const strict = await verifyVcJwt(jwt, { statusLists: [old], maxStatusAge: 3600 });
    expect(statusCheck(strict.checks)).toMatchObject({ status: 'unknown', code: 'ERR_STATUS_UNKNOWN', message: expect.stringMatching(/too old/) });
    const vp = await verifyVpJwt(await vpWith(jwt), { ...request, statusLists: [old], maxStatusAge: 3600 });
    expect(statusCheck(vp.entries[0]!.checks)).toMatchObject({ status: 'unknown', message: expect.stringMatching(/too old/) });
  });

  it('the caller’s clockTolerance is used: a list dated five minutes ahead counts with 600 seconds, not with the default 60', async () => {
    const now = new Date();
    const ahead = await listDated(new Date(now.getTime() + 5 * 60_000), []);
    const jwt = await asJwt(7);
    const tolerant = await verifyVcJwt(jwt, { now, statusLists: [ahead], clockTolerance: 600 });
    expect(statusCheck(tolerant.checks)).toMatchObject({ status: 'pass' });
    const strict = await verifyVcJwt(jwt, { now, statusLists: [ahead] });
    expect(statusCheck(strict.checks)).toMatchObject({ status: 'unknown', code: 'ERR_STATUS_LIST_INVALID', message: expect.stringMatching(/future/) });
  });
});
