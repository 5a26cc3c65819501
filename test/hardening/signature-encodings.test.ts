// Non-canonical and small-order signatures and keys through the FULL verifyCredential path, on
// the node:crypto, WebCrypto and @noble/ed25519 backends. The proof code takes its backend from
// '#ed25519-backend' (no injection point), so the module graph is loaded once per backend with
// that module mocked, and every case must give the same outcome and code on all three.
import { base58btc } from 'multiformats/bases/base58';
import { describe, expect, it, vi } from 'vitest';
import type { CryptoBackend } from '../../src/backend/types.js';
import { fromHex } from '../../src/internal/bytes.js';
import { vectorJson } from '../fixtures/vectors.js';

type Lib = typeof import('../../src/index.js');
const BACKENDS = ['node', 'webcrypto', 'noble'] as const;
type BackendName = (typeof BACKENDS)[number];
const g = globalThis as { __LP_HARDENING_BACKEND__?: BackendName };

vi.mock('../../src/backend/ed25519-node.ts', async (importOriginal) => {
  // The mock is made once; it delegates to the backend named at call time.
  const { backend: node } = (await importOriginal()) as { backend: CryptoBackend };
  const { webcryptoBackend } = await import('../../src/backend/webcrypto.js');
  const { nobleBackend } = await import('../../src/backend/noble.js');
  const pick = (): CryptoBackend => ({ node, webcrypto: webcryptoBackend, noble: nobleBackend })[g.__LP_HARDENING_BACKEND__ ?? 'node'];
  const backend: CryptoBackend = {
    get name() {
      return pick().name;
    },
    sha256: (d) => pick().sha256(d),
    randomBytes: (n) => pick().randomBytes(n),
    getPublicKey: (s) => pick().getPublicKey(s),
    sign: (s, m) => pick().sign(s, m),
    importPublicKey: (k) => pick().importPublicKey(k),
    verify: (k, sig, m) => pick().verify(k, sig, m),
  };
  return { backend };
});

/** A fresh copy of the library (own key cache) whose active backend is `name`. */
async function libraryOn(name: BackendName): Promise<Lib> {
  g.__LP_HARDENING_BACKEND__ = name;
  vi.resetModules();
  const lib = (await import('../../src/index.js')) as Lib;
  const { backend } = await import('../../src/backend/index.js');
  expect(backend.name).toBe(name);
  return lib;
}

const NOW = new Date('2026-06-01T12:00:00Z');
const L = 2n ** 252n + 27742317777372353535851937790883648493n;
const leToBig = (b: Uint8Array) => b.reduceRight((acc, x) => (acc << 8n) | BigInt(x), 0n);
function bigToLe(n: bigint): Uint8Array {
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++, n >>= 8n) out[i] = Number(n & 0xffn);
  return out;
}
const didKeyOf = (pk: Uint8Array) => `did:key:${base58btc.encode(new Uint8Array([0xed, 0x01, ...pk]))}`;

/** The eight canonical small-order points and non-canonical encodings of small-order points. */
const SMALL_ORDER = [
  '0100000000000000000000000000000000000000000000000000000000000000', // identity
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f', // order 2
  '0000000000000000000000000000000000000000000000000000000000000000', // order 4
  '0000000000000000000000000000000000000000000000000000000000000080', // order 4
  '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05', // order 8
  '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85', // order 8
  'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a', // order 8
  'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa', // order 8
  '0100000000000000000000000000000000000000000000000000000000000080', // identity, sign bit set (non-canonical)
  'eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f', // y = p + 1 (non-canonical identity)
  'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f', // y = p (non-canonical order 4)
  'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff', // y = p, sign bit set
];

interface WycheproofTest {
  tcId: number;
  flags: string[];
  msg: string;
  sig: string;
  result: string;
}
const wycheproof = vectorJson('wycheproof/ed25519_test.json') as { testGroups: { publicKey: { pk: string }; tests: WycheproofTest[] }[] };
const FLAGGED = wycheproof.testGroups.flatMap((gr) =>
  gr.tests
    .filter((t) => t.flags.some((f) => ['SignatureMalleability', 'InvalidEncoding', 'InvalidKtv', 'CompressedSignature', 'SignatureWithGarbage'].includes(f)))
    .map((t) => ({ pk: gr.publicKey.pk, ...t })),
);

type Case = { name: string; doc: Record<string, unknown> };
type Outcome = { verified: boolean; codes: string[] };

/** Builds every hostile credential once (with the node library) so all backends see the same bytes. */
async function buildCases(lib: Lib): Promise<{ genuine: Record<string, unknown>; cases: Case[] }> {
  const key = await lib.generateKeyPair();
  const unsigned = {
    '@context': [lib.VC_V2_CONTEXT],
    type: ['VerifiableCredential'],
    issuer: key.did,
    validFrom: '2026-01-01T00:00:00Z',
    credentialSubject: { id: 'did:example:holder', name: 'Functional Skills Mathematics' },
  };
  const genuine = (await lib.signCredential(unsigned, key, { created: '2026-01-01T00:00:00Z' })) as Record<string, unknown> & {
    proof: Record<string, unknown>;
  };
  const sig = base58btc.decode(genuine.proof.proofValue as string);
  const R = sig.subarray(0, 32);
  const S = leToBig(sig.subarray(32));
  const withSig = (bytes: Uint8Array, extra: Record<string, unknown> = {}) => ({
    ...genuine,
    ...extra,
    proof: { ...genuine.proof, ...(extra.proof as object), proofValue: base58btc.encode(bytes) },
  });
  const cases: Case[] = [];
  // Malleability: S + kL is the same scalar mod L; strict verifiers must refuse S >= L.
  for (let k = 1n; S + k * L < 2n ** 256n; k++) cases.push({ name: `S + ${k}L`, doc: withSig(new Uint8Array([...R, ...bigToLe(S + k * L)])) });
  cases.push({ name: 'S = L', doc: withSig(new Uint8Array([...R, ...bigToLe(L)])) });
  cases.push({ name: 'S - L (negative, wrapped mod 2^256)', doc: withSig(new Uint8Array([...R, ...bigToLe((S - L + 2n ** 256n) % 2n ** 256n)])) });
  cases.push({ name: 'S with the top bit set', doc: withSig(new Uint8Array([...R, ...sig.subarray(32, 63), sig[63]! | 0x80])) });
  cases.push({ name: 'R with the sign bit flipped', doc: withSig(new Uint8Array([...R.subarray(0, 31), R[31]! ^ 0x80, ...sig.subarray(32)])) });
  // Small-order (and non-canonically encoded) public keys as the issuer, with the signatures that
  // lax verifiers accept for every message: R a small-order point and S = 0.
  for (const pkHex of SMALL_ORDER) {
    const did = didKeyOf(fromHex(pkHex));
    const vm = `${did}#${did.slice(8)}`;
    for (const rHex of new Set([SMALL_ORDER[0]!, pkHex])) {
      const doc = { ...unsigned, issuer: did, proof: { ...genuine.proof, verificationMethod: vm } };
      cases.push({
        name: `small-order key ${pkHex.slice(0, 8)}…${pkHex.slice(-2)}, R=${rHex.slice(0, 4)}…, S=0`,
        doc: withSig(new Uint8Array([...fromHex(rHex), ...new Uint8Array(32)]), doc),
      });
    }
  }
  // Wycheproof's flagged signatures, as proofValue under their own public keys.
  for (const t of FLAGGED) {
    const did = didKeyOf(fromHex(t.pk));
    const sigBytes = fromHex(t.sig);
    cases.push({
      name: `wycheproof tcId ${t.tcId} (${t.flags.join(',')})`,
      doc: { ...unsigned, issuer: did, proof: { ...genuine.proof, verificationMethod: `${did}#${did.slice(8)}`, proofValue: base58btc.encode(sigBytes) } },
    });
  }
  return { genuine, cases };
}

describe('non-canonical and small-order signatures and keys, full verifyCredential path', () => {
  it('every case is refused with the same code on node:crypto, WebCrypto and noble', async () => {
    const nodeLib = await libraryOn('node');
    const { genuine, cases } = await buildCases(nodeLib);
    expect(cases.length).toBeGreaterThan(40);
    const outcomes: Record<BackendName, Outcome[]> = { node: [], webcrypto: [], noble: [] };
    for (const name of BACKENDS) {
      const lib = name === 'node' ? nodeLib : await libraryOn(name);
      // The genuine credential verifies on every backend (the harness really swaps backends and works).
      expect((await lib.verifyCredential(JSON.parse(JSON.stringify(genuine)), { now: NOW })).verified).toBe(true);
      for (const c of cases) {
        const r = await lib.verifyCredential(JSON.parse(JSON.stringify(c.doc)), { now: NOW });
        outcomes[name].push({ verified: r.verified, codes: r.errors.map((e) => e.code) });
      }
    }
    cases.forEach((c, i) => {
      const node = outcomes.node[i]!;
      expect({ case: c.name, ...(node.verified ? { verified: true } : {}) }).toEqual({ case: c.name });
      expect(node.codes.length, c.name).toBeGreaterThan(0);
      expect({ case: c.name, code: node.codes[0] }).toEqual({
        case: c.name,
        code: expect.stringMatching(/^ERR_(PROOF_SIGNATURE_INVALID|KEY_INVALID|PROOF_MALFORMED|MULTIBASE_INVALID)$/),
      });
      expect({ case: c.name, webcrypto: outcomes.webcrypto[i] }).toEqual({ case: c.name, webcrypto: node });
      expect({ case: c.name, noble: outcomes.noble[i] }).toEqual({ case: c.name, noble: node });
    });
    if (process.env.LP_HARDENING_VERBOSE) console.log(cases.map((c, i) => `${c.name}: ${outcomes.node[i]!.codes.join(',')}`).join('\n'));
  }, 60_000);
});
