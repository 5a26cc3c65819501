// Importing and exporting key pairs: Multikey (34-byte W3C and 66-byte legacy secret forms) and JWK.
import { base58btc } from 'multiformats/bases/base58';
import { describe, expect, it } from 'vitest';
import { backend } from '../../src/backend/index.js';
import { concatBytes, fromHex, toHex } from '../../src/internal/bytes.js';
import { seedOf } from '../../src/keys/key-pair.js';
import { exportKeyPair, generateKeyPair, importKeyPair, signCredential, verifyCredential, type SigningKeyPair } from '../../src/index.js';

// 1EdTech OB 3.0 implementation guide key : legacy 66-byte secretKeyMultibase.
const LEGACY = {
  seed: '6241a409e6707bb640a0140a8a32bc3d193c33a661747284d6adfa4ed4180be4',
  publicKey: '4bdeafde2ea8beefadd8c699b5c7e0704cf51154d52e17b20b71337ca04cc5a5',
  publicKeyMultibase: 'z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi',
  secretKeyMultibase: 'zrv2bqTbNwCTsRrHFcJCPjVAduh4Ezcnoq1A3ZxH1GWTNkxipLVuaAoMFmze2gFN9oNXfJjufxSHWVZzsJiUsMHFMcx',
};
const W3C = {
  publicKeyMultibase: 'z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2',
  secretKeyMultibase: 'z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq',
};
// did-method-key vector 5 (seed 00…05) as JWKs.
const JWK5 = { kty: 'OKP', crv: 'Ed25519', x: '_eT7oDCtAC98L31MMx9J0T-w7HR-zuvsY08f9MvKne8' } as const;
const JWK5_PRIVATE = { ...JWK5, d: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAU' } as const;
const DID5 = 'did:key:z6MkwYMhwTvsq376YBAcJHy3vyRWzBgn5vKfVqqDCgm7XVKU';

const code = (c: string) => expect.objectContaining({ name: 'PassportError', code: c });

describe('Multikey import', () => {
  it('imports the 34-byte W3C secret form (with and without the public key)', async () => {
    const a = await importKeyPair({ secretKeyMultibase: W3C.secretKeyMultibase });
    const b = await importKeyPair({ ...W3C, type: 'Multikey' });
    const c = await importKeyPair({ privateKeyMultibase: W3C.secretKeyMultibase, publicKeyMultibase: W3C.publicKeyMultibase });
    for (const k of [a, b, c]) {
      expect(k).toEqual({
        type: 'Multikey',
        did: `did:key:${W3C.publicKeyMultibase}`,
        verificationMethod: `did:key:${W3C.publicKeyMultibase}#${W3C.publicKeyMultibase}`,
        ...W3C,
      });
      expect(Object.isFrozen(k)).toBe(true);
    }
  });

  it('imports the legacy 66-byte 1EdTech secret form and re-exports it in the 34-byte form', async () => {
    expect(base58btc.decode(LEGACY.secretKeyMultibase)).toHaveLength(66);
    const key = await importKeyPair({ secretKeyMultibase: LEGACY.secretKeyMultibase, publicKeyMultibase: LEGACY.publicKeyMultibase });
    expect(key.publicKeyMultibase).toBe(LEGACY.publicKeyMultibase);
    expect(key.did).toBe(`did:key:${LEGACY.publicKeyMultibase}`);
    const bytes = base58btc.decode(key.secretKeyMultibase!);
    expect(bytes).toEqual(concatBytes(Uint8Array.from([0x80, 0x26]), fromHex(LEGACY.seed)));
    expect(key.secretKeyMultibase!.startsWith('z3u2')).toBe(true);
  });

  it('the imported legacy key reproduces the 1EdTech impl-guide signature (raw Ed25519 over proofHash ‖ docHash)', async () => {
    const key = await importKeyPair({ secretKeyMultibase: LEGACY.secretKeyMultibase });
    const hashData = fromHex(
      'd34009cea0dbc1ca941e09dc01c8c9d3e3ce3c5b853f67ee44698dcea10f5d1987f65a76d40146205e3b3e06cb0fbd153f97f9ce70372390f52566bb7f9e0773',
    );
    const signature = await backend.sign(seedOf(key as SigningKeyPair), hashData);
    expect(base58btc.encode(signature)).toBe('z5x9aCBYovW3CQCbKdNyhEm7ffYSw1YpEdPywQJoNbzDD2gkzQDKJ1sYKJaWvqZtkMtSbz35HcbgXVEDYHxCzgkCr');
    expect(toHex(seedOf(key as SigningKeyPair))).toBe(LEGACY.seed);
    expect(toHex(base58btc.decode(key.publicKeyMultibase).slice(2))).toBe(LEGACY.publicKey);
  });

  it('rejects a legacy secret whose embedded public key is not the seed’s (ERR_KEY_MISMATCH)', async () => {
    const otherPublic = base58btc.decode(W3C.publicKeyMultibase).slice(2);
    const forged = base58btc.encode(concatBytes(Uint8Array.from([0x80, 0x26]), fromHex(LEGACY.seed), otherPublic));
    await expect(importKeyPair({ secretKeyMultibase: forged })).rejects.toThrow(code('ERR_KEY_MISMATCH'));
  });

  it('rejects a secret paired with another key’s publicKeyMultibase (ERR_KEY_MISMATCH)', async () => {
    await expect(importKeyPair({ secretKeyMultibase: W3C.secretKeyMultibase, publicKeyMultibase: LEGACY.publicKeyMultibase })).rejects.toThrow(
      code('ERR_KEY_MISMATCH'),
    );
    await expect(importKeyPair({ secretKeyMultibase: LEGACY.secretKeyMultibase, publicKeyMultibase: W3C.publicKeyMultibase })).rejects.toThrow(
      code('ERR_KEY_MISMATCH'),
    );
  });

  it('imports a public-only Multikey that cannot sign', async () => {
    const key = await importKeyPair({ publicKeyMultibase: W3C.publicKeyMultibase });
    expect(key.secretKeyMultibase).toBeUndefined();
    await expect(signCredential({ a: 1 }, key as never)).rejects.toThrow(TypeError);
  });

  const pub = (header: number[], length: number) => base58btc.encode(Uint8Array.from([...header, ...new Uint8Array(length).fill(7)]));
  it.each([
    ['publicKeyMultibase', 'not multibase', 'ERR_MULTIBASE_INVALID'],
    ['publicKeyMultibase', '', 'ERR_MULTIBASE_INVALID'],
    ['publicKeyMultibase', 42, 'ERR_MULTIBASE_INVALID'],
    ['publicKeyMultibase', null, 'ERR_MULTIBASE_INVALID'],
    ['publicKeyMultibase', 'u7QGwDY2Tjn93PVFWWq02piP1NE9_XRlg-c8-jhJiDqKBDw', 'ERR_MULTIBASE_INVALID'],
    ['publicKeyMultibase', 'z0OIl', 'ERR_MULTIBASE_INVALID'],
    ['publicKeyMultibase', pub([0xec, 0x01], 32), 'ERR_KEY_INVALID'],
    ['publicKeyMultibase', pub([0xed, 0x01], 31), 'ERR_KEY_INVALID'],
    ['publicKeyMultibase', pub([0xed, 0x01], 33), 'ERR_KEY_INVALID'],
    ['publicKeyMultibase', W3C.secretKeyMultibase, 'ERR_KEY_INVALID'],
    ['secretKeyMultibase', 'zzzz', 'ERR_KEY_INVALID'],
    ['secretKeyMultibase', 'Z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq', 'ERR_MULTIBASE_INVALID'],
    ['secretKeyMultibase', W3C.publicKeyMultibase, 'ERR_KEY_INVALID'],
    ['secretKeyMultibase', pub([0x80, 0x26], 33), 'ERR_KEY_INVALID'],
    ['secretKeyMultibase', pub([0x80, 0x26], 65), 'ERR_KEY_INVALID'],
    ['secretKeyMultibase', pub([0x81, 0x26], 32), 'ERR_KEY_INVALID'],
    ['secretKeyMultibase', 7, 'ERR_MULTIBASE_INVALID'],
  ])('%s %j → %s', async (field, value, expected) => {
    await expect(importKeyPair({ [field]: value } as never)).rejects.toThrow(code(expected));
  });

  it('rejects an empty Multikey (ERR_KEY_INVALID) and non-objects (TypeError)', async () => {
    await expect(importKeyPair({})).rejects.toThrow(code('ERR_KEY_INVALID'));
    for (const bad of [null, undefined, 'z3u2…', 42, [W3C]]) {
      await expect(importKeyPair(bad as never)).rejects.toThrow(TypeError);
    }
  });
});

describe('JWK import and export', () => {
  it('imports the did-method-key vector 5 JWKs (public and private)', async () => {
    const publicOnly = await importKeyPair(JWK5);
    expect(publicOnly.did).toBe(DID5);
    expect(publicOnly.secretKeyMultibase).toBeUndefined();
    const full = await importKeyPair(JWK5_PRIVATE);
    expect(full.did).toBe(DID5);
    expect(full.secretKeyMultibase).toBe('z3u2RDonZ81AFKiw8QCPKcsyg8Yy2MmYQNxfBn51SS2QmMj2');
  });

  it('round-trips: JWK → key pair → JWK, and Multikey → JWK → Multikey', async () => {
    const full = await importKeyPair(JWK5_PRIVATE);
    expect(exportKeyPair(full, { format: 'jwk', includeSecret: true })).toEqual({ ...JWK5_PRIVATE, kid: full.verificationMethod });
    expect(exportKeyPair(full, { format: 'jwk' })).toEqual({ ...JWK5, kid: full.verificationMethod });
    const w3c = await importKeyPair(W3C);
    const again = await importKeyPair(exportKeyPair(w3c, { format: 'jwk', includeSecret: true }));
    expect(again).toEqual(w3c);
    const fromMultikey = await importKeyPair(exportKeyPair(again, { format: 'multikey', includeSecret: true }));
    expect(fromMultikey).toEqual(w3c);
  });

  it('round-trips generated keys in both formats, and the re-imported key signs identically', async () => {
    for (let i = 0; i < 5; i++) {
      const key = await generateKeyPair();
      for (const format of ['jwk', 'multikey'] as const) {
        const back = await importKeyPair(exportKeyPair(key, { format, includeSecret: true }));
        expect(back).toEqual(key);
        const doc = { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential'], issuer: key.did, credentialSubject: { n: i } };
        const created = '2026-01-01T00:00:00Z';
        expect(await signCredential(doc, back as never, { created })).toEqual(await signCredential(doc, key, { created }));
      }
    }
  });

  it('rejects a private JWK whose x is not the key of d (ERR_KEY_MISMATCH)', async () => {
    const otherX = exportKeyPair(await importKeyPair(W3C), { format: 'jwk' }).x;
    await expect(importKeyPair({ ...JWK5_PRIVATE, x: otherX })).rejects.toThrow(code('ERR_KEY_MISMATCH'));
  });

  it.each([
    [{ ...JWK5, kty: 'EC' }],
    [{ ...JWK5, crv: 'X25519' }],
    [{ ...JWK5, crv: 'Ed448' }],
    [{ kty: 'OKP', crv: 'Ed25519' }],
    [{ ...JWK5, x: 42 }],
    [{ ...JWK5, x: '_eT7oDCtAC98L31MMx9J0T+w7HR/zuvsY08f9MvKne8' }],
    [{ ...JWK5, x: '_eT7oDCtAC98L31MMx9J0T-w7HR-zuvsY08f9MvKne8=' }],
    [{ ...JWK5, x: '_eT7oDCtAC98L31MMx9J0T-w7HR-zuvsY08f9MvKn' }],
    [{ ...JWK5, x: '' }],
    [{ ...JWK5_PRIVATE, d: 'AAAA' }],
    [{ ...JWK5_PRIVATE, d: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA!' }],
    [{ ...JWK5_PRIVATE, d: 5 }],
    // Non-canonical base64url: the unused low bits of the last character are not zero.
    [{ ...JWK5, x: '_eT7oDCtAC98L31MMx9J0T-w7HR-zuvsY08f9MvKne9' }],
    [{ ...JWK5_PRIVATE, d: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAV' }],
  ])('rejects %j with ERR_KEY_INVALID', async (jwk) => {
    await expect(importKeyPair(jwk as never)).rejects.toThrow(code('ERR_KEY_INVALID'));
  });
});

describe('exportKeyPair never leaks the secret unless asked', () => {
  it('omits the secret by default and with includeSecret: false', async () => {
    const key = await generateKeyPair();
    for (const options of [
      { format: 'jwk' },
      { format: 'multikey' },
      { format: 'jwk', includeSecret: false },
      { format: 'multikey', includeSecret: false },
    ] as const) {
      const out = exportKeyPair(key, options);
      const text = JSON.stringify(out);
      expect(text).not.toContain(key.secretKeyMultibase);
      expect(out).not.toHaveProperty('d');
      expect(out).not.toHaveProperty('secretKeyMultibase');
      expect(out).not.toHaveProperty('privateKeyMultibase');
    }
    const seedB64 = exportKeyPair(key, { format: 'jwk', includeSecret: true }).d!;
    expect(JSON.stringify(exportKeyPair(key, { format: 'jwk' }))).not.toContain(seedB64);
    expect(JSON.stringify(exportKeyPair(key, { format: 'multikey' }))).not.toContain(seedB64);
  });

  it('exports the Multikey verification method document', async () => {
    const key = await importKeyPair(W3C);
    expect(exportKeyPair(key, { format: 'multikey' })).toEqual({
      type: 'Multikey',
      id: key.verificationMethod,
      controller: key.did,
      publicKeyMultibase: W3C.publicKeyMultibase,
    });
    expect(exportKeyPair(key, { format: 'multikey', includeSecret: true }).secretKeyMultibase).toBe(W3C.secretKeyMultibase);
  });

  it('throws TypeError for caller mistakes', async () => {
    const publicOnly = await importKeyPair({ publicKeyMultibase: W3C.publicKeyMultibase });
    expect(() => exportKeyPair(publicOnly, { format: 'jwk', includeSecret: true })).toThrow(TypeError);
    expect(() => exportKeyPair(publicOnly, { format: 'pem' } as never)).toThrow(TypeError);
    expect(() => exportKeyPair(publicOnly, undefined as never)).toThrow(TypeError);
    expect(() => exportKeyPair({} as never, { format: 'jwk' })).toThrow(TypeError);
  });

  it('generated keys are distinct and in the 34-byte form', async () => {
    const keys = await Promise.all(Array.from({ length: 8 }, () => generateKeyPair()));
    expect(new Set(keys.map((k) => k.did)).size).toBe(8);
    for (const k of keys) expect(base58btc.decode(k.secretKeyMultibase)).toHaveLength(34);
  });

  it('a key imported from JWK signs credentials that verify', async () => {
    const key = await importKeyPair(JWK5_PRIVATE);
    const signed = await signCredential(
      {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        type: ['VerifiableCredential'],
        issuer: key.did,
        credentialSubject: { id: 'did:example:1' },
      },
      key as never,
    );
    const result = await verifyCredential(signed);
    expect(result.errors).toEqual([]);
    expect(result.verified).toBe(true);
  });
});

describe('multibase length bound', () => {
  it('refuses over-long multibase keys with ERR_MULTIBASE_INVALID before decoding', async () => {
    const long = `z${'2'.repeat(100_000)}`;
    await expect(importKeyPair({ publicKeyMultibase: long })).rejects.toThrow(code('ERR_MULTIBASE_INVALID'));
    await expect(importKeyPair({ secretKeyMultibase: long })).rejects.toThrow(code('ERR_MULTIBASE_INVALID'));
  });

  it('still accepts the longest legitimate value (the 91-character legacy secret key)', async () => {
    expect(LEGACY.secretKeyMultibase).toHaveLength(91);
    await expect(importKeyPair({ secretKeyMultibase: LEGACY.secretKeyMultibase })).resolves.toMatchObject({ publicKeyMultibase: LEGACY.publicKeyMultibase });
  });
});
