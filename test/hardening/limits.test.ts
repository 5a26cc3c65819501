// Documented limits (test/hardening/LIMITS.md): each one is tested at the limit (accepted, or
// failing only for some other reason) and just past it (refused with its stable code).
import { CompactSign } from 'jose';
import { base58btc } from 'multiformats/bases/base58';
import { beforeAll, describe, expect, it } from 'vitest';
import { addEntries, MAX_PASSPORT_ITEMS, parsePassport, readPassport, signCredential, verifyCredential, verifyPresentation } from '../../src/index.js';
import { createTrustContext, decodeStatusList, MAX_STATUS_LIST_BYTES } from '../../src/trust.js';
import { verifySdJwt, verifyVcJwt } from '../../src/jwt.js';
import { decodeQrPayload, encodeQrPayload, QR_MAX_DECODED_BYTES, QR_MAX_PAYLOAD_LENGTH } from '../../src/qr.js';
import { JSON_LIMITS } from '../../src/internal/json.js';
import { joseSigningKey } from '../../src/jwt/jose-keys.js';
import { MAX_JWS_LENGTH, MAX_SD_JWT_LENGTH } from '../../src/jwt/jwt-checks.js';
import { MAX_MULTIBASE_LENGTH } from '../../src/keys/multikey.js';
import { toBase45 } from '../../src/qr/base45.js';
import { deflateRaw } from '../../src/qr/deflate.js';
import { CHALLENGE, DOMAIN, getWorld, NOW, type World } from './fixtures.js';

let w: World;
beforeAll(async () => {
  w = await getWorld();
}, 30_000);

const codes = (r: { errors: { code: string }[] }) => r.errors.map((e) => e.code);
/** Every value in a JSON document, as snapshotJson counts them (objects, arrays and scalars). */
function countNodes(v: unknown): number {
  if (v === null || typeof v !== 'object') return 1;
  const items = Array.isArray(v) ? v : Object.values(v);
  return 1 + items.reduce((n: number, x) => n + countNodes(x), 0);
}
/** `levels` nested arrays around a scalar. */
const nestedArrays = (levels: number): unknown => JSON.parse(`${'['.repeat(levels)}0${']'.repeat(levels)}`);

describe('JSON_LIMITS.maxDepth: deepest nesting of a credential', () => {
  // The credential object is level 1; credentialSubject level 2; `deep` adds the rest.
  const withDepth = (total: number) => ({ ...w.entry, credentialSubject: { ...(w.entry.credentialSubject as object), deep: nestedArrays(total - 2) } });
  it(`${JSON_LIMITS.maxDepth} levels: processed (the signature fails, not the shape)`, async () => {
    const r = await verifyCredential(withDepth(JSON_LIMITS.maxDepth), { now: NOW });
    expect(codes(r)).toEqual(['ERR_PROOF_SIGNATURE_INVALID']);
  });
  it(`${JSON_LIMITS.maxDepth + 1} levels: ERR_LIMIT_EXCEEDED (verify, presentation, passport, addEntries)`, async () => {
    const doc = withDepth(JSON_LIMITS.maxDepth + 1);
    expect(codes(await verifyCredential(doc, { now: NOW }))).toEqual(['ERR_LIMIT_EXCEEDED']);
    // A presentation is one document: it wraps each entry two levels deeper (object, then list).
    expect(codes(await verifyPresentation({ ...w.presentation, verifiableCredential: [doc] }, { challenge: CHALLENGE, domain: DOMAIN, now: NOW }))).toEqual([
      'ERR_LIMIT_EXCEEDED',
    ]);
    expect(
      codes(
        await verifyPresentation(
          { ...w.presentation, verifiableCredential: [withDepth(JSON_LIMITS.maxDepth - 2)] },
          { challenge: CHALLENGE, domain: DOMAIN, now: NOW },
        ),
      ),
    ).not.toContain('ERR_LIMIT_EXCEEDED');
    const { problems } = readPassport(JSON.stringify({ ...JSON.parse(w.passportText), entries: [doc] }));
    expect(problems.map((p) => p.code)).toEqual(['ERR_LIMIT_EXCEEDED']);
    const added = await addEntries(w.passport, [doc]);
    expect(added.rejected.map((r) => r.code)).toEqual(['ERR_LIMIT_EXCEEDED']);
  });
  it('a signed credential at the limit verifies', async () => {
    const { proof: _p, ...unsigned } = withDepth(JSON_LIMITS.maxDepth) as Record<string, unknown>;
    const signed = await signCredential(unsigned, w.issuerKey, { created: '2026-03-03T10:00:00Z' });
    expect((await verifyCredential(JSON.parse(JSON.stringify(signed)), { now: NOW })).verified).toBe(true);
  });
});

describe('JSON_LIMITS.maxNodes: largest credential (values counted)', () => {
  const withNodes = (total: number) => {
    // A top-level extension property: `evidence` would have to hold typed objects (VC 2.0 §5.6).
    const base = { ...w.entry, filler: [] as number[] };
    const filler = total - countNodes(base);
    return { ...base, filler: new Array(filler).fill(0) };
  };
  it(`${JSON_LIMITS.maxNodes} values: processed`, async () => {
    const doc = withNodes(JSON_LIMITS.maxNodes);
    expect(countNodes(doc)).toBe(JSON_LIMITS.maxNodes);
    expect(codes(await verifyCredential(doc, { now: NOW }))).toEqual(['ERR_PROOF_SIGNATURE_INVALID']);
  });
  it(`${JSON_LIMITS.maxNodes + 1} values: ERR_LIMIT_EXCEEDED`, async () => {
    const doc = withNodes(JSON_LIMITS.maxNodes + 1);
    expect(codes(await verifyCredential(doc, { now: NOW }))).toEqual(['ERR_LIMIT_EXCEEDED']);
    expect((await addEntries(w.passport, [doc])).rejected.map((r) => r.code)).toEqual(['ERR_LIMIT_EXCEEDED']);
  });
});

describe('MAX_PASSPORT_ITEMS: most items in one section of a passport file', () => {
  const file = (section: string, n: number) =>
    JSON.stringify({ ...JSON.parse(w.passportText), [section]: 'ITEMS' }).replace('"ITEMS"', `[${new Array(n).fill('1').join(',')}]`);
  it(`${MAX_PASSPORT_ITEMS} items: read (each junk item reported, none refused for the count)`, () => {
    const { problems } = readPassport(file('accreditations', MAX_PASSPORT_ITEMS));
    expect(problems).toHaveLength(MAX_PASSPORT_ITEMS);
  }, 30_000);
  it.each(['entries', 'accreditations', 'statusLists', 'exclusions'])(
    `${MAX_PASSPORT_ITEMS + 1} items in %s: ERR_LIMIT_EXCEEDED before any item is read`,
    (section) => {
      const text = file(section, MAX_PASSPORT_ITEMS + 1);
      for (const parse of [parsePassport, readPassport]) {
        expect(() => parse(text)).toThrow(expect.objectContaining({ code: 'ERR_LIMIT_EXCEEDED', details: { path: [section], limit: MAX_PASSPORT_ITEMS } }));
      }
    },
  );
});

describe('QR_MAX_PAYLOAD_LENGTH and QR_MAX_DECODED_BYTES: longest QR payload', () => {
  /** A payload of (about) `length` characters: "LP1:" and Base45 of deflated JSON holding incompressible text. */
  async function payloadOfLength(length: number): Promise<string> {
    // Random-looking text compresses poorly, so the payload grows with it; search the size.
    let lo = 0;
    let hi = 6000;
    const make = async (n: number) => encodeQrPayloadUnchecked({ t: pseudoRandom(n) });
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((await make(mid)).length < length) lo = mid + 1;
      else hi = mid;
    }
    for (let n = Math.max(0, lo - 8); n < lo + 8; n++) {
      const p = await make(n);
      if (p.length === length) return p;
    }
    throw new Error(`no payload of exactly ${length} characters`);
  }
  /** Incompressible-ish text from a fixed-seed generator (mulberry32), so payload size grows with n. */
  const pseudoRandom = (n: number) => {
    let a = 0x9e3779b9;
    let out = '';
    for (let i = 0; i < n; i++) {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      out += 'abcdefghijklmnopqrstuvwxyz0123456789'[((t ^ (t >>> 14)) >>> 0) % 36];
    }
    return out;
  };
  const encodeQrPayloadUnchecked = async (doc: object) => `LP1:${toBase45(await deflateRaw(new TextEncoder().encode(JSON.stringify(doc))))}`;

  it(`a ${QR_MAX_PAYLOAD_LENGTH}-character payload decodes; ${QR_MAX_PAYLOAD_LENGTH + 1} → ERR_QR_PAYLOAD_INVALID; encoding past it → ERR_LIMIT_EXCEEDED`, async () => {
    const atLimit = await payloadOfLength(QR_MAX_PAYLOAD_LENGTH).catch(() => payloadOfLength(QR_MAX_PAYLOAD_LENGTH - 1));
    expect(atLimit.length).toBeGreaterThanOrEqual(QR_MAX_PAYLOAD_LENGTH - 1);
    expect(await decodeQrPayload(atLimit)).toHaveProperty('t');
    const past = await payloadOfLength(QR_MAX_PAYLOAD_LENGTH + 1).catch(() => payloadOfLength(QR_MAX_PAYLOAD_LENGTH + 2));
    await expect(decodeQrPayload(past)).rejects.toMatchObject({ code: 'ERR_QR_PAYLOAD_INVALID' });
  }, 30_000);

  it('encodeQrPayload refuses a document too big for one code with ERR_LIMIT_EXCEEDED', async () => {
    await expect(encodeQrPayload({ t: pseudoRandom(8000) })).rejects.toMatchObject({ code: 'ERR_LIMIT_EXCEEDED' });
  });

  it(`content expanding to ${QR_MAX_DECODED_BYTES} bytes decodes; one byte more → ERR_QR_PAYLOAD_INVALID`, async () => {
    const text = (n: number) => `{"t":"${'a'.repeat(n - 8)}"}`;
    const at = `LP1:${toBase45(await deflateRaw(new TextEncoder().encode(text(QR_MAX_DECODED_BYTES))))}`;
    expect(new TextEncoder().encode(text(QR_MAX_DECODED_BYTES)).length).toBe(QR_MAX_DECODED_BYTES);
    expect(((await decodeQrPayload(at)).t as string).length).toBe(QR_MAX_DECODED_BYTES - 8);
    const past = `LP1:${toBase45(await deflateRaw(new TextEncoder().encode(text(QR_MAX_DECODED_BYTES + 1))))}`;
    await expect(decodeQrPayload(past)).rejects.toMatchObject({ code: 'ERR_QR_PAYLOAD_INVALID' });
  });
});

describe('MAX_JWS_LENGTH and MAX_SD_JWT_LENGTH: longest signed token', () => {
  async function vcJwtOfLength(length: number): Promise<string | undefined> {
    const { proof: _p, ...payload } = w.entry;
    const key = await joseSigningKey(w.issuerKey);
    const header = { alg: 'EdDSA', typ: 'vc+jwt', cty: 'vc', kid: w.issuerKey.verificationMethod };
    const sign = async (pad: number) =>
      new CompactSign(new TextEncoder().encode(JSON.stringify({ ...payload, padding: 'x'.repeat(pad) }))).setProtectedHeader(header).sign(key);
    const base = (await sign(0)).length;
    const estimate = Math.floor(((length - base) * 3) / 4);
    for (let pad = estimate - 4; pad < estimate + 4; pad++) {
      const t = await sign(pad);
      if (t.length === length) return t;
    }
    return undefined;
  }
  it(`a vc+jwt at ${MAX_JWS_LENGTH} characters (or one less) verifies; past it → ERR_JOSE_INVALID`, async () => {
    const at = (await vcJwtOfLength(MAX_JWS_LENGTH)) ?? (await vcJwtOfLength(MAX_JWS_LENGTH - 1))!;
    expect(at.length).toBeGreaterThanOrEqual(MAX_JWS_LENGTH - 1);
    expect((await verifyVcJwt(at, { now: NOW })).verified).toBe(true);
    const past = (await vcJwtOfLength(MAX_JWS_LENGTH + 1)) ?? (await vcJwtOfLength(MAX_JWS_LENGTH + 2))!;
    expect(codes(await verifyVcJwt(past, { now: NOW }))).toEqual(['ERR_JOSE_INVALID']);
  }, 30_000);
  it(`an SD-JWT of ${MAX_SD_JWT_LENGTH} characters is read; ${MAX_SD_JWT_LENGTH + 1} → ERR_JOSE_INVALID before parsing`, async () => {
    const filler = (n: number) => `${w.sdJwt.split('~')[0]}~${'A'.repeat(n - w.sdJwt.split('~')[0]!.length - 2)}~`;
    const at = await verifySdJwt(filler(MAX_SD_JWT_LENGTH), { nonce: CHALLENGE, aud: DOMAIN } as never);
    expect(at.verified).toBe(false);
    expect(at.checks.some((c) => c.check === 'shape' && c.message.includes('not an SD-JWT presentation'))).toBe(false);
    const past = await verifySdJwt(filler(MAX_SD_JWT_LENGTH + 1), { nonce: CHALLENGE, aud: DOMAIN } as never);
    expect(codes(past)).toEqual(['ERR_JOSE_INVALID']);
    expect(past.checks[0]!.message).toContain('not an SD-JWT presentation');
  });
});

describe('MAX_MULTIBASE_LENGTH: longest proofValue / did:key read', () => {
  const withProofValue = (v: string) => ({ ...w.entry, proof: { ...(w.entry.proof as object), proofValue: v } });
  it(`${MAX_MULTIBASE_LENGTH} characters are decoded (then refused as not 64 bytes); ${MAX_MULTIBASE_LENGTH + 1} → ERR_MULTIBASE_INVALID unread`, async () => {
    const at = `z${'2'.repeat(MAX_MULTIBASE_LENGTH - 1)}`;
    expect(base58btc.decode(at).length).not.toBe(64);
    expect(codes(await verifyCredential(withProofValue(at), { now: NOW }))).toEqual(['ERR_PROOF_MALFORMED']);
    expect(codes(await verifyCredential(withProofValue(`${at}2`), { now: NOW }))).toEqual(['ERR_MULTIBASE_INVALID']);
  });
});

describe('MAX_STATUS_LIST_BYTES: largest status list', () => {
  it(`the default is ${MAX_STATUS_LIST_BYTES} bytes; a list decompressing to maxBytes is read, one byte more → ERR_LIMIT_EXCEEDED`, async () => {
    const { gzipSync } = await import('node:zlib');
    const encode = (n: number) => `u${Buffer.from(gzipSync(new Uint8Array(n))).toString('base64url')}`;
    const maxBytes = 64 * 1024;
    expect((await decodeStatusList(encode(maxBytes), { maxBytes })).length).toBe(maxBytes * 8);
    await expect(decodeStatusList(encode(maxBytes + 1), { maxBytes })).rejects.toMatchObject({ code: 'ERR_LIMIT_EXCEEDED' });
    await expect(decodeStatusList(encode(MAX_STATUS_LIST_BYTES + 1))).rejects.toMatchObject({ code: 'ERR_LIMIT_EXCEEDED' });
  }, 30_000);
});

describe('MAX_ACCREDITATIONS: most accreditations considered by one trust context', () => {
  it('10,000 are considered; the 10,001st is reported with ERR_LIMIT_EXCEEDED', async () => {
    const junk = (n: number) => [...new Array(n - 1).fill(1), w.accreditation];
    const at = await createTrustContext({ policy: w.policy, accreditations: junk(10_000), now: NOW });
    expect(at.rejected.map((r) => r.code)).not.toContain('ERR_LIMIT_EXCEEDED');
    const past = await createTrustContext({ policy: w.policy, accreditations: junk(10_001), now: NOW });
    expect(past.rejected.map((r) => r.code)).toContain('ERR_LIMIT_EXCEEDED');
  }, 30_000);
});

describe('MAX_STATUS_LISTS: most status lists considered by one trust context', () => {
  it('10,000 are considered; the 10,001st is reported with ERR_LIMIT_EXCEEDED', async () => {
    const lists = (n: number) => new Array(n).fill(0).map(() => ({ id: 'https://status.example.org/lists/1' }));
    const at = await createTrustContext({ policy: w.policy, statusLists: lists(10_000), now: NOW });
    expect(at.rejected.map((r) => r.code)).not.toContain('ERR_LIMIT_EXCEEDED');
    const past = await createTrustContext({ policy: w.policy, statusLists: lists(10_001), now: NOW });
    expect(past.rejected.map((r) => r.code)).toContain('ERR_LIMIT_EXCEEDED');
  }, 30_000);
});
