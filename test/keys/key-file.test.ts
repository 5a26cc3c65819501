// Encrypted key files: round trip, wrong passphrase, damage. Low PBKDF2 iterations keep it fast.
import { describe, expect, it } from 'vitest';
import { backend } from '../../src/backend/index.js';
import { toHex, utf8 } from '../../src/internal/bytes.js';
import {
  createIssuerProfile,
  decryptKeyFile,
  encryptKeyFile,
  generateKeyPair,
  importKeyPair,
  MAX_KEY_FILE_ITERATIONS,
  MIN_KEY_FILE_ITERATIONS,
  readKeyFile,
  type SigningKeyPair,
} from '../../src/index.js';
import { toBase64url } from '../../src/internal/bytes.js';

const FAST = { unsafeIterationsForTesting: 1000 };
const PASS = 'correct horse battery staple';
const code = (c: string) => expect.objectContaining({ name: 'PassportError', code: c });

async function withChecksum(file: Record<string, unknown>): Promise<string> {
  file.checksum = toHex(await backend.sha256(utf8(String(file.jwe))));
  return JSON.stringify(file);
}

describe('encrypted key files', () => {
  it('round-trips a key and its profile', async () => {
    const key = await generateKeyPair();
    const profile = createIssuerProfile({ key, name: 'HMP Example Education', displayName: 'Northern Education Services', role: 'prison' });
    const text = await encryptKeyFile(key, PASS, { ...FAST, profile });
    const out = await decryptKeyFile(text, PASS);
    expect(out.key).toEqual(key);
    expect(out.iterations).toBe(1000);
    expect(out.profile).toEqual(profile);
    const pub = readKeyFile(text);
    expect(pub).toMatchObject({ type: 'learning-passport-key', version: 1, did: key.did, publicKeyMultibase: key.publicKeyMultibase, profile });
  });

  it('never writes the secret key or the passphrase in clear', async () => {
    const key = await generateKeyPair();
    const text = await encryptKeyFile(key, PASS, FAST);
    expect(text).not.toContain(key.secretKeyMultibase);
    expect(text).not.toContain(PASS);
    expect((await decryptKeyFile(text, PASS)).profile).toBeUndefined();
  });

  it('round-trips a key imported from the legacy 66-byte form (stored in the 34-byte form)', async () => {
    const key = (await importKeyPair({
      secretKeyMultibase: 'zrv2bqTbNwCTsRrHFcJCPjVAduh4Ezcnoq1A3ZxH1GWTNkxipLVuaAoMFmze2gFN9oNXfJjufxSHWVZzsJiUsMHFMcx',
    })) as SigningKeyPair;
    expect((await decryptKeyFile(await encryptKeyFile(key, PASS, FAST), PASS)).key).toEqual(key);
  });

  it('uses unique salts and IVs: the same key and passphrase encrypt differently', async () => {
    const key = await generateKeyPair();
    const a = readKeyFile(await encryptKeyFile(key, PASS, FAST)).jwe;
    const b = readKeyFile(await encryptKeyFile(key, PASS, FAST)).jwe;
    expect(a).not.toBe(b);
  });

  it('wrong passphrase → ERR_KEY_FILE_PASSPHRASE', async () => {
    const text = await encryptKeyFile(await generateKeyPair(), PASS, FAST);
    for (const wrong of ['correct horse battery stapl', 'Correct horse battery staple', '', 'correct horse battery staple ']) {
      await expect(decryptKeyFile(text, wrong)).rejects.toThrow(code('ERR_KEY_FILE_PASSPHRASE'));
    }
  });

  it('a damaged JWE (checksum no longer matches) → ERR_KEY_FILE_INVALID', async () => {
    const text = await encryptKeyFile(await generateKeyPair(), PASS, FAST);
    const file = JSON.parse(text);
    const jwe: string = file.jwe;
    for (const at of [5, jwe.indexOf('.') + 3, jwe.length - 3]) {
      const flipped = jwe.slice(0, at) + (jwe[at] === 'A' ? 'B' : 'A') + jwe.slice(at + 1);
      await expect(decryptKeyFile(JSON.stringify({ ...file, jwe: flipped }), PASS)).rejects.toThrow(code('ERR_KEY_FILE_INVALID'));
    }
  });

  it('a JWE that is not a JWE at all, with a recomputed checksum → ERR_KEY_FILE_INVALID', async () => {
    const file = JSON.parse(await encryptKeyFile(await generateKeyPair(), PASS, FAST));
    for (const jwe of ['', 'a.b.c.d.e', 'not a jwe', file.jwe.split('.').slice(0, 4).join('.')]) {
      await expect(decryptKeyFile(await withChecksum({ ...file, jwe }), PASS)).rejects.toThrow(code('ERR_KEY_FILE_INVALID'));
    }
  });

  it('a file whose public key was swapped → ERR_KEY_FILE_INVALID', async () => {
    const file = JSON.parse(await encryptKeyFile(await generateKeyPair(), PASS, FAST));
    const other = await generateKeyPair();
    const swapped = { ...file, publicKeyMultibase: other.publicKeyMultibase };
    await expect(decryptKeyFile(JSON.stringify(swapped), PASS)).rejects.toThrow(code('ERR_KEY_FILE_INVALID'));
  });

  it('a file whose DID was swapped → ERR_KEY_FILE_INVALID (readKeyFile must not advertise a DID the key does not have)', async () => {
    const file = JSON.parse(await encryptKeyFile(await generateKeyPair(), PASS, FAST));
    const other = await generateKeyPair();
    await expect(decryptKeyFile(JSON.stringify({ ...file, did: other.did }), PASS)).rejects.toThrow(code('ERR_KEY_FILE_INVALID'));
  });

  it.each([
    ['not JSON', 'not json'],
    ['truncated', '{"type":"learning-passport-key","version":1'],
    ['JSON null', 'null'],
    ['an array', '[]'],
    ['another version', JSON.stringify({ type: 'learning-passport-key', version: 2, did: 'x', publicKeyMultibase: 'z', jwe: 'a', checksum: 'b' })],
    ['another type', JSON.stringify({ type: 'other', version: 1, did: 'x', publicKeyMultibase: 'z', jwe: 'a', checksum: 'b' })],
    ['missing jwe', JSON.stringify({ type: 'learning-passport-key', version: 1, did: 'x', publicKeyMultibase: 'z', checksum: 'b' })],
  ])('%s → ERR_KEY_FILE_INVALID', async (_name, text) => {
    await expect(decryptKeyFile(text, PASS)).rejects.toThrow(code('ERR_KEY_FILE_INVALID'));
    expect(() => readKeyFile(text)).toThrow(code('ERR_KEY_FILE_INVALID'));
  });

  it('a truncated real file → ERR_KEY_FILE_INVALID', async () => {
    const text = await encryptKeyFile(await generateKeyPair(), PASS, FAST);
    for (const cut of [1, 10, Math.floor(text.length / 2), text.length - 3]) {
      await expect(decryptKeyFile(text.slice(0, cut), PASS)).rejects.toThrow(code('ERR_KEY_FILE_INVALID'));
    }
  });

  it('caller mistakes throw TypeError', async () => {
    const key = await generateKeyPair();
    await expect(encryptKeyFile(key, 'short', FAST)).rejects.toThrow(TypeError);
    await expect(encryptKeyFile(key, 42 as never, FAST)).rejects.toThrow(TypeError);
    await expect(encryptKeyFile(key, PASS, { iterations: 10 })).rejects.toThrow(TypeError);
    await expect(encryptKeyFile(key, PASS, { iterations: 1000.5 })).rejects.toThrow(TypeError);
    const publicOnly = await importKeyPair({ publicKeyMultibase: key.publicKeyMultibase });
    await expect(encryptKeyFile(publicOnly as never, PASS, FAST)).rejects.toThrow(TypeError);
    const text = await encryptKeyFile(key, PASS, FAST);
    await expect(decryptKeyFile(text, undefined as never)).rejects.toThrow(TypeError);
    expect(() => readKeyFile(undefined as never)).toThrow(TypeError);
  });
});

describe('key file public fields must agree with the key', () => {
  it('a profile of another key is refused when writing (TypeError) and when reading (ERR_KEY_FILE_INVALID)', async () => {
    const key = await generateKeyPair();
    const other = await generateKeyPair();
    const otherProfile = createIssuerProfile({ key: other, name: 'Someone Else', role: 'charity' });
    await expect(encryptKeyFile(key, PASS, { ...FAST, profile: otherProfile })).rejects.toThrow(TypeError);
    const file = JSON.parse(await encryptKeyFile(key, PASS, FAST));
    const tampered = JSON.stringify({ ...file, profile: otherProfile });
    expect(() => readKeyFile(tampered)).toThrow(code('ERR_KEY_FILE_INVALID'));
    await expect(decryptKeyFile(tampered, PASS)).rejects.toThrow(code('ERR_KEY_FILE_INVALID'));
    expect(() => readKeyFile(JSON.stringify({ ...file, profile: 'x' }))).toThrow(code('ERR_KEY_FILE_INVALID'));
  });

  it('readKeyFile refuses a DID that is not the did:key of the stored public key', async () => {
    const file = JSON.parse(await encryptKeyFile(await generateKeyPair(), PASS, FAST));
    const other = await generateKeyPair();
    expect(() => readKeyFile(JSON.stringify({ ...file, did: other.did }))).toThrow(code('ERR_KEY_FILE_INVALID'));
  });
});

describe('PBKDF2 work factor (key files)', () => {
  const p2cOf = (text: string) => JSON.parse(new TextDecoder().decode(Buffer.from(JSON.parse(text).jwe.split('.')[0], 'base64url'))).p2c;

  it(`writes ${600_000} iterations by default and accepts ${MIN_KEY_FILE_ITERATIONS}, the floor`, async () => {
    const key = await generateKeyPair();
    expect(p2cOf(await encryptKeyFile(key, PASS))).toBe(600_000);
    const atFloor = await encryptKeyFile(key, PASS, { iterations: MIN_KEY_FILE_ITERATIONS });
    expect(p2cOf(atFloor)).toBe(MIN_KEY_FILE_ITERATIONS);
    expect((await decryptKeyFile(atFloor, PASS)).key).toEqual(key);
  }, 30_000);

  it('refuses counts below the floor or above the maximum unless the test-only option is named', async () => {
    const key = await generateKeyPair();
    for (const iterations of [MIN_KEY_FILE_ITERATIONS - 1, 1000, MAX_KEY_FILE_ITERATIONS + 1, Number.NaN, 2 ** 53]) {
      await expect(encryptKeyFile(key, PASS, { iterations })).rejects.toThrow(TypeError);
    }
    expect(p2cOf(await encryptKeyFile(key, PASS, { unsafeIterationsForTesting: 1000 }))).toBe(1000);
    await expect(encryptKeyFile(key, PASS, { unsafeIterationsForTesting: 999 })).rejects.toThrow(TypeError);
    await expect(encryptKeyFile(key, PASS, { iterations: 600_000, unsafeIterationsForTesting: 1000 })).rejects.toThrow(TypeError);
  });

  it(`decrypt refuses a file asking for more than ${MAX_KEY_FILE_ITERATIONS} iterations before doing the work`, async () => {
    const key = await generateKeyPair();
    const genuine = JSON.parse(await encryptKeyFile(key, PASS, FAST)) as Record<string, unknown>;
    // The header alone decides; p2s is left out so that a file within the bound fails fast inside
    // the JWE library (after our bound let it through) instead of running PBKDF2 for seconds.
    const withCount = async (p2c: unknown) => {
      const header = toBase64url(utf8(JSON.stringify({ alg: 'PBES2-HS512+A256KW', enc: 'A256GCM', p2c, cty: 'multikey' })));
      const rest = String(genuine.jwe).split('.').slice(1).join('.');
      return withChecksum({ ...genuine, jwe: `${header}.${rest}` });
    };
    const refusal = async (p2c: unknown) => {
      try {
        await decryptKeyFile(await withCount(p2c), PASS);
      } catch (err) {
        return err as { code: string; message: string };
      }
      throw new Error('decrypt did not refuse');
    };
    const atLimit = await refusal(MAX_KEY_FILE_ITERATIONS);
    expect(atLimit.code).toBe('ERR_KEY_FILE_INVALID');
    expect(atLimit.message).not.toMatch(/iterations/);
    for (const past of [MAX_KEY_FILE_ITERATIONS + 1, 1e12, 0, -5, 1.5, '600000']) {
      const r = await refusal(past);
      expect(r.code).toBe('ERR_KEY_FILE_INVALID');
      expect(r.message).toMatch(/iterations/);
    }
  });
});
