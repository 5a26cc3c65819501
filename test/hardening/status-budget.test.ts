// Status lists on hostile input (issue: bounded work). A passport can carry many small signed
// copies of a list that inflates to 16 MiB. Only lists signed by the entry's own issuer, and only
// the copy that is used, are decompressed; all lists of one verification share a budget of
// MAX_STATUS_LIST_BYTES_PER_VERIFICATION decompressed bytes (tested at the limit and just past).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIssuerProfile, createTrustPolicy, generateKeyPair, issueEntry, signCredential, type SigningKeyPair, type TrustPolicy } from '../../src/index.js';
import {
  createStatusList,
  createTrustContext,
  encodeStatusList,
  evaluateTrust,
  MAX_STATUS_LIST_BYTES,
  MAX_STATUS_LIST_BYTES_PER_VERIFICATION,
  MIN_STATUS_LIST_LENGTH,
  statusEntry,
} from '../../src/trust.js';

const NOW = new Date('2026-06-01T12:00:00Z');
const URL_BASE = 'https://status.example.org/lists/';

// Counts every decompression the library starts.
const Original = globalThis.DecompressionStream;
let inflations = 0;
class CountingDecompressionStream extends Original {
  constructor(format: CompressionFormat) {
    super(format);
    inflations++;
  }
}

let authority: SigningKeyPair;
let policy: TrustPolicy;
const encoded = new Map<number, string>();
/** An encoded all-clear list of `bytes` bytes (encoded once per size). */
async function encodedOf(bytes: number): Promise<string> {
  if (!encoded.has(bytes)) encoded.set(bytes, await encodeStatusList(createStatusList({ length: bytes * 8 })));
  return encoded.get(bytes)!;
}

async function listCredential(signer: SigningKeyPair, url: string, bytes: number, second: number) {
  // Within the default maximum status age (30 days) of NOW.
  const created = new Date(Date.UTC(2026, 4, 20, 0, 0, second));
  return signCredential(
    {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: url,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: signer.did,
      validFrom: '2026-05-01T00:00:00Z',
      credentialSubject: { id: `${url}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: await encodedOf(bytes) },
    },
    signer,
    { created },
  );
}

async function entryPointingAt(issuerKey: SigningKeyPair, url: string) {
  const issuer = createIssuerProfile({ key: issuerKey, name: 'Riverside College', role: 'education-provider' });
  const fields = { title: 'Functional Skills Mathematics', awardingBody: { name: 'City & Guilds' }, level: 'L1', awardedOn: '2026-03' };
  return issueEntry(
    'qualification',
    fields as never,
    {
      issuer,
      key: issuerKey,
      validFrom: '2026-03-03T10:00:00Z',
      created: '2026-03-03T10:00:00Z',
      credentialStatus: statusEntry({ listUrl: url, index: 7, purpose: 'revocation' }),
    } as never,
  ) as unknown as Promise<Record<string, unknown>>;
}

const statusOf = (t: { checks: { check: string; status: string; code?: string }[] }) => t.checks.find((c) => c.check === 'status')!;

beforeAll(async () => {
  authority = await generateKeyPair();
  policy = createTrustPolicy({ roots: [{ did: authority.did, name: 'National Learning Authority' }], now: NOW });
  globalThis.DecompressionStream = CountingDecompressionStream as typeof DecompressionStream;
}, 60_000);
afterAll(() => {
  globalThis.DecompressionStream = Original;
});

describe('status-list bombs', () => {
  it('decompresses only the copy it uses, and never a list signed by someone other than the entry issuer', async () => {
    const [issuerKey, attacker] = await Promise.all([generateKeyPair(), generateKeyPair()]);
    const url = `${URL_BASE}bomb`;
    const entry = await entryPointingAt(issuerKey, url);
    const lists = [];
    // Ten copies the issuer signed and ten an attacker signed: 320 MiB if every one were inflated.
    for (let i = 0; i < 10; i++)
      lists.push(await listCredential(issuerKey, url, MAX_STATUS_LIST_BYTES, i), await listCredential(attacker, url, MAX_STATUS_LIST_BYTES, 30 + i));
    const context = await createTrustContext({ policy, statusLists: lists, now: NOW });
    inflations = 0;
    const result = await evaluateTrust(entry, { context, now: NOW });
    expect(result.status.map((s) => s.state)).toEqual(['clear']);
    expect(inflations).toBe(1);
  }, 60_000);

  it('never decompresses a list when only other signers published one', async () => {
    const [issuerKey, attacker] = await Promise.all([generateKeyPair(), generateKeyPair()]);
    const url = `${URL_BASE}foreign`;
    const entry = await entryPointingAt(issuerKey, url);
    const lists = [];
    for (let i = 0; i < 5; i++) lists.push(await listCredential(attacker, url, MAX_STATUS_LIST_BYTES, i));
    const context = await createTrustContext({ policy, statusLists: lists, now: NOW });
    inflations = 0;
    const result = await evaluateTrust(entry, { context, now: NOW });
    expect(statusOf(result)).toMatchObject({ status: 'unknown', code: 'ERR_STATUS_LIST_INVALID' });
    expect(inflations).toBe(0);
  }, 60_000);
});

describe(`the per-verification budget (${MAX_STATUS_LIST_BYTES_PER_VERIFICATION} decompressed bytes)`, () => {
  // Five issuers, each with its own list, verified in one trust context. The sizes add up to the
  // budget exactly, or to one byte more.
  async function run(lastBytes: number) {
    const big = MAX_STATUS_LIST_BYTES;
    const sizes = [big, big, big, MAX_STATUS_LIST_BYTES_PER_VERIFICATION - 3 * big - MIN_STATUS_LIST_LENGTH / 8 - 1, lastBytes];
    const keys = await Promise.all(sizes.map(() => generateKeyPair()));
    const entries = await Promise.all(keys.map((k, i) => entryPointingAt(k, `${URL_BASE}budget-${i}`)));
    const lists = await Promise.all(keys.map((k, i) => listCredential(k, `${URL_BASE}budget-${i}`, sizes[i]!, i)));
    const context = await createTrustContext({ policy, statusLists: lists, now: NOW });
    const out = [];
    for (const entry of entries) out.push(statusOf(await evaluateTrust(entry, { context, now: NOW })));
    return out;
  }

  it('at the limit: every list is read', async () => {
    const statuses = await run(MIN_STATUS_LIST_LENGTH / 8 + 1);
    expect(statuses.map((s) => s.status)).toEqual(['pass', 'pass', 'pass', 'pass', 'pass']);
  }, 60_000);

  it('one byte past it: the last status is unknown with ERR_LIMIT_EXCEEDED (a result, not a throw)', async () => {
    const statuses = await run(MIN_STATUS_LIST_LENGTH / 8 + 2);
    expect(statuses.slice(0, 4).map((s) => s.status)).toEqual(['pass', 'pass', 'pass', 'pass']);
    expect(statuses[4]).toMatchObject({ status: 'unknown', code: 'ERR_LIMIT_EXCEEDED' });
  }, 60_000);
});
