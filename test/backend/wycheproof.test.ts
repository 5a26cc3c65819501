// Project Wycheproof Ed25519 (C2SP/wycheproof testvectors_v1/ed25519_test.json): all 151 cases,
// through every backend's importPublicKey + verify. All backends must give the expected result.
import { describe, expect, it } from 'vitest';
import { backend as nodeBackend } from '../../src/backend/ed25519-node.js';
import { backend as webDefaultBackend } from '../../src/backend/ed25519-web.js';
import { nobleBackend } from '../../src/backend/noble.js';
import type { CryptoBackend } from '../../src/backend/types.js';
import { webcryptoBackend, webcryptoHasEd25519 } from '../../src/backend/webcrypto.js';
import { fromHex, toHex, utf8 } from '../../src/internal/bytes.js';
import { vectorJson } from '../fixtures/vectors.js';

interface WycheproofTest {
  tcId: number;
  comment: string;
  flags: string[];
  msg: string;
  sig: string;
  result: 'valid' | 'invalid' | 'acceptable';
}
interface WycheproofGroup {
  publicKey: { pk: string };
  tests: WycheproofTest[];
}
const suite = vectorJson('wycheproof/ed25519_test.json') as { numberOfTests: number; testGroups: WycheproofGroup[] };

const cases = suite.testGroups.flatMap((group) => group.tests.map((test) => ({ pk: group.publicKey.pk, ...test })));
const backends: [string, CryptoBackend][] = [
  ['node', nodeBackend],
  ['webcrypto', webcryptoBackend],
  ['noble', nobleBackend],
  ['ed25519-web (auto)', webDefaultBackend],
];

/** A backend's verdict; a key the backend refuses to import counts as "invalid". */
async function verdict(b: CryptoBackend, pk: string, sig: string, msg: string): Promise<boolean> {
  let key;
  try {
    key = await b.importPublicKey(fromHex(pk));
  } catch {
    return false;
  }
  return b.verify(key, fromHex(sig), fromHex(msg));
}

describe('Wycheproof Ed25519', () => {
  it('has all 151 cases, none "acceptable"', () => {
    expect(cases).toHaveLength(151);
    expect(suite.numberOfTests).toBe(151);
    expect(cases.filter((c) => c.result === 'acceptable')).toEqual([]);
    expect(cases.filter((c) => c.result === 'valid')).toHaveLength(88);
  });

  it('WebCrypto in this Node has Ed25519', async () => {
    expect(await webcryptoHasEd25519()).toBe(true);
  });

  describe.each(backends)('%s backend', (_name, b) => {
    it.each(cases.map((c) => [c.tcId, c.result, c.flags.join(','), c] as const))('tcId %i → %s (%s)', async (_id, result, _flags, c) => {
      expect(await verdict(b, c.pk, c.sig, c.msg)).toBe(result === 'valid');
    });
  });

  it('tcId 151 (non-canonical R, x=0 with the sign bit) is rejected everywhere: noble runs with zip215: false', async () => {
    const c = cases.find((t) => t.tcId === 151)!;
    expect(c.result).toBe('invalid');
    for (const [, b] of backends) expect(await verdict(b, c.pk, c.sig, c.msg)).toBe(false);
  });

  it('verify never throws: wrong lengths and handles of another backend give false', async () => {
    const c = cases.find((t) => t.result === 'valid')!;
    for (const [, b] of backends) {
      const key = await b.importPublicKey(fromHex(c.pk));
      for (const sig of [new Uint8Array(0), new Uint8Array(63), new Uint8Array(65), fromHex(c.sig).subarray(0, 63)]) {
        expect(await b.verify(key, sig, fromHex(c.msg))).toBe(false);
      }
    }
    const nodeKey = await nodeBackend.importPublicKey(fromHex(c.pk));
    expect(await nobleBackend.verify(nodeKey, fromHex(c.sig), fromHex(c.msg))).toBe(false);
    expect(await webcryptoBackend.verify(nodeKey, fromHex(c.sig), fromHex(c.msg))).toBe(false);
  });

  it('importPublicKey rejects keys that are not 32 bytes on every backend', async () => {
    for (const [, b] of backends) {
      for (const len of [0, 31, 33, 64]) await expect(b.importPublicKey(new Uint8Array(len))).rejects.toThrow();
    }
  });
});

describe('backends agree on getPublicKey, sign and sha256', () => {
  // RFC 8032 §7.1 TEST 1 and TEST 3.
  const rfc = [
    {
      seed: '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
      pub: 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
      msg: '',
      sig: 'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
    },
    {
      seed: 'c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7',
      pub: 'fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025',
      msg: 'af82',
      sig: '6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a',
    },
  ];

  it.each(backends)('%s reproduces the RFC 8032 test vectors', async (_name, b) => {
    for (const v of rfc) {
      expect(toHex(await b.getPublicKey(fromHex(v.seed)))).toBe(v.pub);
      expect(toHex(await b.sign(fromHex(v.seed), fromHex(v.msg)))).toBe(v.sig);
      expect(await b.verify(await b.importPublicKey(fromHex(v.pub)), fromHex(v.sig), fromHex(v.msg))).toBe(true);
    }
  });

  it('all backends derive the same public key and signature for random seeds and messages, and cross-verify', async () => {
    for (let i = 0; i < 24; i++) {
      const seed = nodeBackend.randomBytes(32);
      const msg = nodeBackend.randomBytes(i * 7);
      const pubs = await Promise.all(backends.map(([, b]) => b.getPublicKey(seed)));
      const sigs = await Promise.all(backends.map(([, b]) => b.sign(seed, msg)));
      for (const p of pubs) expect(toHex(p)).toBe(toHex(pubs[0]!));
      for (const s of sigs) expect(toHex(s)).toBe(toHex(sigs[0]!));
      for (const [, b] of backends) {
        const key = await b.importPublicKey(pubs[0]!);
        expect(await b.verify(key, sigs[0]!, msg)).toBe(true);
        const tampered = Uint8Array.from(msg.length ? msg : [0]);
        tampered[0]! ^= 1;
        expect(await b.verify(key, sigs[0]!, msg.length ? tampered : Uint8Array.of(1))).toBe(false);
      }
    }
  });

  it('all backends compute the same SHA-256 (FIPS 180-2 "abc")', async () => {
    for (const [, b] of backends) {
      expect(toHex(await b.sha256(utf8('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
      expect(toHex(await b.sha256(new Uint8Array(0)))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    }
  });

  it('sign and getPublicKey reject seeds that are not 32 bytes on every backend', async () => {
    for (const [, b] of backends) {
      for (const len of [0, 31, 33, 64]) {
        await expect(b.getPublicKey(new Uint8Array(len))).rejects.toThrow();
        await expect(b.sign(new Uint8Array(len), new Uint8Array(1))).rejects.toThrow();
      }
    }
  });

  it('randomBytes gives the requested length and is not constant', () => {
    for (const [, b] of backends) {
      expect(b.randomBytes(32)).toHaveLength(32);
      expect(toHex(b.randomBytes(32))).not.toBe(toHex(b.randomBytes(32)));
    }
  });
});

describe('node backend private key cache', () => {
  it('stays correct when more keys are used than it holds (eviction) and when keys are reused', async () => {
    const seeds = Array.from({ length: 20 }, () => nodeBackend.randomBytes(32));
    const msg = utf8('cache');
    const expected = await Promise.all(seeds.map((s) => nobleBackend.sign(s, msg)));
    for (let round = 0; round < 3; round++) {
      for (const [i, s] of seeds.entries()) {
        expect(toHex(await nodeBackend.sign(s, msg))).toBe(toHex(expected[i]!));
        expect(toHex(await nodeBackend.getPublicKey(s))).toBe(toHex(await nobleBackend.getPublicKey(s)));
      }
      // Interleave one hot key, which must never be confused with the others.
      expect(toHex(await nodeBackend.sign(seeds[0]!, msg))).toBe(toHex(expected[0]!));
    }
  });

  it('a seed that differs in one bit gets its own key', async () => {
    const a = nodeBackend.randomBytes(32);
    const b = Uint8Array.from(a);
    b[31]! ^= 1;
    expect(toHex(await nodeBackend.getPublicKey(a))).not.toBe(toHex(await nodeBackend.getPublicKey(b)));
    expect(toHex(await nodeBackend.getPublicKey(b))).toBe(toHex(await nobleBackend.getPublicKey(b)));
  });
});
