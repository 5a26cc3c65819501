// Review r14 F4: with a prepared trust context, the lists given beside it in the same call
// (status lists, fetchStatusList, accreditations) used to be dropped silently by every verifier,
// so an entry its issuer had revoked read "can't check". They are now added to the context's own
// for that call, without changing the shared context, in all five verifiers.
import { beforeAll, describe, expect, it } from 'vitest';
import { issueEntry, type SignedEntry } from '../../src/entries/index.js';
import { signVcJwt } from '../../src/jwt/sign-vc-jwt.js';
import { verifyVcJwt } from '../../src/jwt/verify-vc-jwt.js';
import { createIssuerProfile } from '../../src/keys/profile.js';
import type { SigningKeyPair } from '../../src/keys/types.js';
import { addEntries, addTrustMaterial, createPassport, verifyPassport, type Passport } from '../../src/passport/index.js';
import { createPresentation, signVpJwt, verifyPresentation, verifyVpJwt } from '../../src/present/index.js';
import type { Check } from '../../src/result.js';
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
  type TrustContext,
  type TrustOptions,
  type TrustPolicy,
} from '../../src/trust/index.js';
import { verifyCredential } from '../../src/verify/verify-credential.js';
import { keys, NOW } from '../trust/helpers.js';

const LIST = 'https://status.example.org/lists/7';
const SIGNED = '2026-03-03T10:00:00Z';
const FIELDS = { title: 'Functional Skills Mathematics', awardingBody: { name: 'City & Guilds' }, level: 'L1', awardedOn: '2026-03' } as const;
const request = { challenge: 'c-14', domain: 'jobs.example' } as const;

let k: Record<'root' | 'body' | 'learner', SigningKeyPair>;
let policy: TrustPolicy;
let accreditations: AccreditationCredential[];
let entry: SignedEntry<'qualification'>;
let revoked: unknown;
let jwt: string;
let presentation: unknown;
let vpJwt: string;
let passport: Passport;

const statusOf = (checks: readonly Check[]) => checks.find((c) => c.check === 'status');
const trustOf = (checks: readonly Check[]) => checks.find((c) => c.check === 'issuer-trust');

/** The status and issuer-trust checks each of the five verifiers reports for the one entry. */
async function allFive(trust: TrustOptions): Promise<Record<string, (Check | undefined)[]>> {
  const at = { ...trust, now: NOW };
  const di = await verifyCredential(entry, at);
  const vc = await verifyVcJwt(jwt, at);
  const vp = await verifyPresentation(presentation, { ...request, ...at });
  const vpj = await verifyVpJwt(vpJwt, { ...request, ...at });
  const pp = await verifyPassport(passport, at);
  return Object.fromEntries(
    [
      ['verifyCredential', di.checks],
      ['verifyVcJwt', vc.checks],
      ['verifyPresentation', vp.entries[0]!.checks],
      ['verifyVpJwt', vpj.entries[0]!.checks],
      ['verifyPassport', pp.entries[0]!.result.checks],
    ].map(([name, checks]) => [name, [statusOf(checks as Check[]), trustOf(checks as Check[])]]),
  );
}

beforeAll(async () => {
  k = await keys('root', 'body', 'learner');
  policy = createTrustPolicy({ roots: [{ did: k.root.did, name: 'National Learning Authority' }], now: NOW });
  accreditations = [
    await accreditIssuer(k.root, {
      did: k.body.did,
      organisation: 'org:cg',
      role: 'awarding-body',
      kinds: ['qualification'],
      displayName: 'City & Guilds',
      validFrom: '2026-01-01T00:00:00Z',
    }),
  ];
  const issuer = createIssuerProfile({ key: k.body, name: 'City & Guilds', role: 'awarding-body' });
  entry = await issueEntry('qualification', FIELDS, {
    issuer,
    key: k.body,
    holder: k.learner.did,
    validFrom: SIGNED,
    created: SIGNED,
    credentialStatus: statusEntry({ listUrl: LIST, index: 3, purpose: 'revocation' }),
  });
  const list = setStatus(createStatusList(), 3, true);
  revoked = await issueStatusListCredential(k.body, {
    id: LIST,
    purpose: 'revocation',
    list,
    validFrom: '2026-05-30T00:00:00Z',
    created: '2026-05-30T00:00:00Z',
  });
  jwt = await signVcJwt(entry, k.body);
  ({ presentation } = await createPresentation({ holderKey: k.learner, entries: [entry], audience: 'employer', created: NOW, ...request }));
  ({ jwt: vpJwt } = await signVpJwt({ holderKey: k.learner, entries: [entry], audience: 'employer', issuedAt: NOW, ...request }));
  ({ passport } = await addEntries(createPassport({ holder: k.learner.did }), [entry]));
});

describe('a trust context with lists given beside it (r14 F4)', () => {
  it('the context alone has no status list: every verifier says the status cannot be checked', async () => {
    const context = await createTrustContext({ policy, accreditations });
    for (const [name, [status, trust]] of Object.entries(await allFive({ context }))) {
      expect({ name, status: status?.code, trust: trust?.status }).toEqual({ name, status: 'ERR_STATUS_UNKNOWN', trust: 'pass' });
    }
  });

  it('statusLists beside the context count: every verifier says revoked, and the shared context is unchanged', async () => {
    const context = await createTrustContext({ policy, accreditations });
    for (const [name, [status, trust]] of Object.entries(await allFive({ context, statusLists: [revoked] }))) {
      expect({ name, status: status?.code, trust: trust?.status }).toEqual({ name, status: 'ERR_STATUS_REVOKED', trust: 'pass' });
    }
    // Added for those calls only: the context itself still has no list.
    expect(statusOf((await evaluateTrust(entry, { context, now: NOW })).checks)?.code).toBe('ERR_STATUS_UNKNOWN');
  });

  it('fetchStatusList beside the context is asked, as well as the context’s own', async () => {
    const asked: string[] = [];
    const ownFetch = async (url: string) => {
      asked.push(`own ${url}`);
      throw new Error('offline');
    };
    const context = await createTrustContext({ policy, accreditations, fetchStatusList: ownFetch });
    const fetchStatusList = async (url: string) => {
      asked.push(`call ${url}`);
      return revoked;
    };
    for (const [name, [status]] of Object.entries(await allFive({ context, fetchStatusList }))) {
      expect({ name, status: status?.code }).toEqual({ name, status: 'ERR_STATUS_REVOKED' });
    }
    expect(asked).toContain(`call ${LIST}`);
    expect(asked).toContain(`own ${LIST}`);
  });

  it('accreditations beside a context made without them make the issuer trusted', async () => {
    const bare = await createTrustContext({ policy, statusLists: [revoked] });
    for (const [name, [, trust]] of Object.entries(await allFive({ context: bare }))) {
      expect({ name, trust: trust?.code }).toEqual({ name, trust: 'ERR_ISSUER_UNTRUSTED' });
    }
    for (const [name, [status, trust]] of Object.entries(await allFive({ context: bare, accreditations }))) {
      expect({ name, status: status?.code, trust: trust?.status }).toEqual({ name, status: 'ERR_STATUS_REVOKED', trust: 'pass' });
    }
    expect(bare.accepted).toBe(0);
  });

  it('verifyPassport with a context also reads the lists the passport carries', async () => {
    const context: TrustContext = await createTrustContext({ policy, accreditations });
    const { passport: carrying } = await addTrustMaterial(passport, { statusLists: [revoked] });
    const report = await verifyPassport(carrying, { context, now: NOW });
    expect(statusOf(report.entries[0]!.result.checks)?.code).toBe('ERR_STATUS_REVOKED');
  });

  it('the lists beside a context are added once per call, not once per entry (a fetch per list URL)', async () => {
    const issuer = createIssuerProfile({ key: k.body, name: 'City & Guilds', role: 'awarding-body' });
    const more = await Promise.all(
      [4, 5].map((index) =>
        issueEntry('qualification', FIELDS, {
          issuer,
          key: k.body,
          holder: k.learner.did,
          validFrom: SIGNED,
          created: SIGNED,
          credentialStatus: statusEntry({ listUrl: LIST, index, purpose: 'revocation' }),
        }),
      ),
    );
    const { passport: three } = await addEntries(passport, more);
    const context = await createTrustContext({ policy, accreditations });
    let fetches = 0;
    const fetchStatusList = async () => {
      fetches += 1;
      return revoked;
    };
    const report = await verifyPassport(three, { context, fetchStatusList, now: NOW });
    expect(report.entries.map((e) => statusOf(e.result.checks)?.status).sort()).toEqual(['fail', 'pass', 'pass']);
    expect(fetches).toBe(1);
    const { presentation: all } = await createPresentation({ holderKey: k.learner, entries: three.entries, audience: 'employer', created: NOW, ...request });
    fetches = 0;
    const shared = await verifyPresentation(all, { ...request, context, fetchStatusList, now: NOW });
    expect(shared.entries).toHaveLength(3);
    expect(fetches).toBe(1);
  });

  it('a list that is not an array is a caller mistake, as for createTrustContext', async () => {
    const context = await createTrustContext({ policy, accreditations });
    await expect(verifyCredential(entry, { context, now: NOW, statusLists: revoked as never })).rejects.toThrow(TypeError);
  });
});
