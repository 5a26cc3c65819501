import { beforeAll, describe, expect, it } from 'vitest';
import type { SigningKeyPair } from '../../src/keys/types.js';
import {
  accreditIssuer,
  createStatusList,
  createTrustContext,
  createTrustPolicy,
  evaluateTrust,
  issueStatusListCredential,
  setStatus,
  statusEntry,
  type AccreditationCredential,
  type TrustPolicy,
} from '../../src/trust/index.js';
import { keys, makeEntry, NOW } from './helpers.js';

let k: Record<'root' | 'awarding' | 'stranger', SigningKeyPair>;
let policy: TrustPolicy;
let acc: AccreditationCredential;
const LIST = 'https://status.example.org/lists/7';
const SIGNED = '2026-03-03T10:00:00Z';
const SIXTY_DAYS_AGO = '2026-04-02T12:00:00Z'; // NOW is 2026-06-01T12:00:00Z

beforeAll(async () => {
  k = await keys('root', 'awarding', 'stranger');
  // These snapshots are 60 days old: past the default maximum age (30 days), so this policy allows 90.
  policy = createTrustPolicy({ roots: [k.root.did], now: NOW, maxStatusAge: 90 * 86_400 });
  acc = await accreditIssuer(k.root, {
    did: k.awarding.did,
    organisation: 'org:cg',
    role: 'awarding-body',
    kinds: ['qualification'],
    validFrom: '2026-01-01T00:00:00Z',
  });
});

async function listWith(
  purpose: 'revocation' | 'suspension',
  set: number[],
  opts: { key?: SigningKeyPair; created?: string; validUntil?: string; url?: string } = {},
) {
  const list = createStatusList();
  for (const i of set) setStatus(list, i, true);
  return issueStatusListCredential(opts.key ?? k.awarding, {
    id: opts.url ?? LIST,
    purpose,
    list,
    validFrom: opts.created ?? SIXTY_DAYS_AGO,
    created: opts.created ?? SIXTY_DAYS_AGO,
    ...(opts.validUntil ? { validUntil: opts.validUntil } : {}),
  });
}

const entryAt = (index: number, purpose: 'revocation' | 'suspension' = 'revocation') =>
  makeEntry(k.awarding, 'qualification', SIGNED, { credentialStatus: statusEntry({ listUrl: LIST, index, purpose }) });

describe('status checks', () => {
  it('signs a BitstringStatusListCredential with the issuer key', async () => {
    const cred = await listWith('revocation', [5]);
    expect(cred.type).toEqual(['VerifiableCredential', 'BitstringStatusListCredential']);
    expect(cred.credentialSubject).toMatchObject({ type: 'BitstringStatusList', statusPurpose: 'revocation' });
    expect(cred.credentialSubject.encodedList.startsWith('u')).toBe(true);
    expect(cred.issuer).toBe(k.awarding.did);
  });

  it('passes a clear bit and reports the snapshot age', async () => {
    const r = await evaluateTrust(await entryAt(41), { policy, accreditations: [acc], statusLists: [await listWith('revocation', [42])] });
    expect(r.verified).toBe(true);
    const status = r.checks.find((c) => c.check === 'status')!;
    expect(status).toMatchObject({ status: 'pass', message: 'Not revoked (status last updated 60 days ago).' });
    expect(r.status[0]).toMatchObject({ purpose: 'revocation', state: 'clear', index: 41, listUrl: LIST, updated: SIXTY_DAYS_AGO, ageMs: 60 * 86_400_000 });
  });

  it('fails a revoked bit with ERR_STATUS_REVOKED', async () => {
    const r = await evaluateTrust(await entryAt(42), { policy, accreditations: [acc], statusLists: [await listWith('revocation', [42])] });
    expect(r.trusted).toBe(true);
    expect(r.verified).toBe(false);
    expect(r.checks[1]).toMatchObject({ check: 'status', status: 'fail', code: 'ERR_STATUS_REVOKED' });
    expect(r.verdict).toBe('not-valid');
    expect(r.headline).toMatch(/^✗ Not valid \(withdrawn\): issued by /);
    expect(r.summary).toBe('Not valid — The issuer has revoked it (status last updated 60 days ago). Do not rely on it.');
  });

  it('fails a suspended bit with ERR_STATUS_SUSPENDED', async () => {
    const r = await evaluateTrust(await entryAt(7, 'suspension'), { policy, accreditations: [acc], statusLists: [await listWith('suspension', [7])] });
    expect(r.checks[1]).toMatchObject({ status: 'fail', code: 'ERR_STATUS_SUSPENDED' });
  });

  it('uses the newest snapshot the issuer signed', async () => {
    const old = await listWith('revocation', [], { created: '2026-01-01T00:00:00Z' });
    const newer = await listWith('revocation', [42], { created: '2026-05-01T00:00:00Z' });
    const r = await evaluateTrust(await entryAt(42), { policy, accreditations: [acc], statusLists: [newer, old] });
    expect(r.checks[1]).toMatchObject({ code: 'ERR_STATUS_REVOKED' });
  });

  it('reports unknown — never pass — when the status cannot be checked', async () => {
    const entry = await entryAt(42);
    const cases: Array<[string, unknown[], string]> = [
      ['no snapshot', [], 'ERR_STATUS_UNKNOWN'],
      ['list signed by someone else', [await listWith('revocation', [], { key: k.stranger })], 'ERR_STATUS_LIST_INVALID'],
      ['forged list', [{ ...(await listWith('revocation', [])), validFrom: '2026-05-31T00:00:00Z' }], 'ERR_STATUS_LIST_INVALID'],
      ['wrong purpose', [await listWith('suspension', [])], 'ERR_STATUS_LIST_INVALID'],
      ['expired list', [await listWith('revocation', [], { validUntil: '2026-05-01T00:00:00Z' })], 'ERR_STATUS_UNKNOWN'],
      ['junk', [null, 'x', { id: LIST }], 'ERR_STATUS_LIST_INVALID'],
    ];
    for (const [name, statusLists, code] of cases) {
      const r = await evaluateTrust(entry, { policy, accreditations: [acc], statusLists });
      const status = r.checks.find((c) => c.check === 'status')!;
      expect(status, name).toMatchObject({ status: 'unknown', code });
      expect(r.verified, name).toBe(false);
      expect(r.trusted, name).toBe(true);
    }
  });

  it('treats an old snapshot as unknown when the verifier sets a maximum age', async () => {
    const r = await evaluateTrust(await entryAt(41), {
      policy,
      accreditations: [acc],
      statusLists: [await listWith('revocation', [])],
      maxStatusAge: 30 * 86_400,
    });
    expect(r.checks[1]).toMatchObject({ status: 'unknown', code: 'ERR_STATUS_UNKNOWN' });
    expect(r.checks[1]!.message).toContain('status last updated 60 days ago; this verifier accepts up to 30 days');
  });

  it('reports unsupported status types and bad entries as unknown', async () => {
    const odd = await makeEntry(k.awarding, 'qualification', SIGNED, { credentialStatus: { type: '1EdTechRevocationList', id: 'https://x.example/r' } });
    expect((await evaluateTrust(odd, { policy, accreditations: [acc] })).checks[1]).toMatchObject({ status: 'unknown' });
    const bad = await makeEntry(k.awarding, 'qualification', SIGNED, {
      credentialStatus: { type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '-1', statusListCredential: LIST },
    });
    expect((await evaluateTrust(bad, { policy, accreditations: [acc] })).checks[1]).toMatchObject({ status: 'unknown', code: 'ERR_STATUS_LIST_INVALID' });
    const refresh = await makeEntry(k.awarding, 'qualification', SIGNED, {
      credentialStatus: { ...statusEntry({ listUrl: LIST, index: 1, purpose: 'revocation' }), statusPurpose: 'refresh' },
    });
    expect((await evaluateTrust(refresh, { policy, accreditations: [acc] })).checks[1]).toMatchObject({ status: 'pass' });
  });

  it('calls fetchStatusList only when given one, once per list per context', async () => {
    const published = await listWith('revocation', [42]);
    const urls: string[] = [];
    const context = await createTrustContext({
      policy,
      accreditations: [acc],
      fetchStatusList: async (url) => {
        urls.push(url);
        return published;
      },
    });
    expect((await evaluateTrust(await entryAt(42), { context })).checks[1]).toMatchObject({ code: 'ERR_STATUS_REVOKED' });
    expect((await evaluateTrust(await entryAt(43), { context })).checks[1]).toMatchObject({ status: 'pass' });
    expect(urls).toEqual([LIST]);
    const failing = await createTrustContext({
      policy,
      accreditations: [acc],
      fetchStatusList: async () => {
        throw new Error('offline');
      },
    });
    expect((await evaluateTrust(await entryAt(42), { context: failing })).checks[1]).toMatchObject({ status: 'unknown' });
  });

  it('shares one prepared context across calls when the lists are frozen (as a passport’s are)', async () => {
    const published = await listWith('revocation', []);
    let calls = 0;
    const fetchStatusList = async () => {
      calls += 1;
      return published;
    };
    const frozen = Object.freeze([acc]);
    const entry = await entryAt(3);
    for (let i = 0; i < 3; i++) await evaluateTrust(entry, { policy, accreditations: frozen, fetchStatusList });
    expect(calls).toBe(1);
    const open = [acc];
    for (let i = 0; i < 2; i++) await evaluateTrust(entry, { policy, accreditations: open, fetchStatusList });
    expect(calls).toBe(3);
  });

  it('passes the status check when the entry names no status list', async () => {
    const r = await evaluateTrust(await makeEntry(k.awarding, 'qualification', SIGNED), { policy, accreditations: [acc] });
    expect(r.checks[1]).toMatchObject({ check: 'status', status: 'pass' });
  });

  it('refuses bad status-list issuing input with TypeError', async () => {
    await expect(issueStatusListCredential(k.awarding, { id: 'nope', purpose: 'revocation', list: createStatusList() })).rejects.toThrow(TypeError);
    await expect(issueStatusListCredential(k.awarding, { id: LIST, purpose: 'message' as never, list: createStatusList() })).rejects.toThrow(TypeError);
    await expect(issueStatusListCredential(k.awarding, { id: LIST, purpose: 'revocation', list: { length: 1 } as never })).rejects.toThrow(TypeError);
    await expect(issueStatusListCredential(k.awarding, { id: LIST, purpose: 'revocation', list: createStatusList(), ttl: -5 })).rejects.toThrow(TypeError);
  });
});
