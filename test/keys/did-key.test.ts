// did:key (w3c-ccg did-method-key test vectors) and Multikey encodings.
import { base58btc } from 'multiformats/bases/base58';
import { describe, expect, it } from 'vitest';
import { backend } from '../../src/backend/index.js';
import { fromHex, toHex } from '../../src/internal/bytes.js';
import {
  decodePublicKeyMultibase,
  decodeSecretKeyMultibase,
  didKeyFromPublicKey,
  encodePublicKeyMultibase,
  encodeSecretKeyMultibase,
  importKeyPair,
  parseDidKey,
  verificationMethodId,
} from '../../src/index.js';
import { vectorJson } from '../fixtures/vectors.js';

const vectors = vectorJson('did-key/ed25519-x25519.json') as Record<string, { seed: string; verificationKeyPair: { publicKeyBase58?: string } }>;

// The 34-byte secretKeyMultibase of each seed (computed independently).
const SECRET_MULTIBASE: Record<string, string> = {
  '00': 'z3u2RDonZ81AFKiw8QCPKcsyg8Yy2MmYQNxfBn51SS2QmMiw',
  '01': 'z3u2RDonZ81AFKiw8QCPKcsyg8Yy2MmYQNxfBn51SS2QmMix',
  '02': 'z3u2RDonZ81AFKiw8QCPKcsyg8Yy2MmYQNxfBn51SS2QmMiy',
  '03': 'z3u2RDonZ81AFKiw8QCPKcsyg8Yy2MmYQNxfBn51SS2QmMiz',
  '05': 'z3u2RDonZ81AFKiw8QCPKcsyg8Yy2MmYQNxfBn51SS2QmMj2',
};

const cases = Object.entries(vectors);

describe('did:key vectors (w3c-ccg/did-method-key ed25519-x25519.json)', () => {
  it('has the five vectors', () => {
    expect(cases).toHaveLength(5);
  });

  it.each(cases)('%s: seed → public key → did:key', async (did, vector) => {
    const seed = fromHex(vector.seed);
    const publicKey = await backend.getPublicKey(seed);
    expect(didKeyFromPublicKey(publicKey)).toBe(did);
    expect(verificationMethodId(did)).toBe(`${did}#${did.slice('did:key:'.length)}`);
    if (vector.verificationKeyPair.publicKeyBase58) {
      // The 2018-style entries also give the raw key in plain base58.
      expect(base58btc.baseDecode(vector.verificationKeyPair.publicKeyBase58)).toEqual(publicKey);
    }
    const parsed = parseDidKey(did);
    expect(parsed.did).toBe(did);
    expect(parsed.publicKey).toEqual(publicKey);
  });

  it.each(cases)('%s: secretKeyMultibase of the seed matches the known value and imports back', async (did, vector) => {
    const seed = fromHex(vector.seed);
    const expected = SECRET_MULTIBASE[vector.seed.slice(-2)]!;
    expect(encodeSecretKeyMultibase(seed)).toBe(expected);
    expect(decodeSecretKeyMultibase(expected)).toEqual({ seed });
    const key = await importKeyPair({ secretKeyMultibase: expected });
    expect(key.did).toBe(did);
    expect(key.secretKeyMultibase).toBe(expected);
  });

  it('the W3C vc-di-eddsa key is a did:key vector too', async () => {
    const seed = fromHex('c96ef9ea10c5e414c471723aff9de72c35fa5b70fae97e8832ecac7d2e2b8ed6');
    expect(didKeyFromPublicKey(await backend.getPublicKey(seed))).toBe('did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2');
    expect(encodeSecretKeyMultibase(seed)).toBe('z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq');
  });

  it('the CID spec example publicKeyMultibase decodes to the documented bytes', () => {
    const mb = 'z6Mkf5rGMoatrSj1f4CyvuHBeXJELe9RPdzo2PKGNCKVtZxP';
    const raw = decodePublicKeyMultibase(mb);
    expect(`ed01${toHex(raw)}`).toBe('ed01095f9a1a595dde755d82786864ad03dfa5a4fbd68832566364e2b65e13cc9e44');
    expect(encodePublicKeyMultibase(raw)).toBe(mb);
  });
});

describe('parseDidKey rejects what is not an Ed25519 did:key', () => {
  const vm = 'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2';
  it.each([
    [null, 'ERR_DID_INVALID'],
    [42, 'ERR_DID_INVALID'],
    ['', 'ERR_DID_INVALID'],
    ['did:web:example.com', 'ERR_DID_INVALID'],
    ['did:key:', 'ERR_DID_INVALID'],
    ['did:key:u7QGwDY2Tjn93PVFWWq02piP1NE9_XRlg-c8-jhJiDqKBDw', 'ERR_DID_INVALID'],
    [`${vm}#z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK`, 'ERR_DID_INVALID'],
    [`${vm}#`, 'ERR_DID_INVALID'],
    ['did:key:z0OIl', 'ERR_MULTIBASE_INVALID'],
    ['did:key:z', 'ERR_KEY_INVALID'],
    // An X25519 key (header 0xec01) is a valid did:key but not an Ed25519 signing key.
    ['did:key:z6LSj72tK8brWgZja8NLRwPigth2T9QRiG1uH9oKZuKjdh9p', 'ERR_KEY_INVALID'],
    // The right header with 31 bytes of key.
    [`did:key:${base58btc.encode(Uint8Array.from([0xed, 0x01, ...new Uint8Array(31)]))}`, 'ERR_KEY_INVALID'],
  ])('%s → %s', (value, code) => {
    expect(() => parseDidKey(value)).toThrow(expect.objectContaining({ code }));
  });

  it('accepts the VM form did:key:X#X', () => {
    expect(parseDidKey(`${vm}#${vm.slice(8)}`).did).toBe(vm);
  });
});
