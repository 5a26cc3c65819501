// Deep nesting (1e5 levels, as JSON text and in memory), huge strings and arrays, and Unicode and
// number edge cases through every entry point. Nothing may throw except documented errors, and
// nothing may overflow the stack.
import { CompactSign } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addEntries,
  canonicalJson,
  checkEntrySchema,
  describeEntry,
  entryId,
  importKeyPair,
  parsePassport,
  readKeyFile,
  readPassport,
  signCredential,
  verifyCredential,
  verifyPassport,
  verifyPresentation,
} from '../../src/index.js';
import { createTrustContext, evaluateTrust } from '../../src/trust.js';
import { lintDisclosure, verifyVpJwt } from '../../src/present.js';
import { verifySdJwt, verifyVcJwt } from '../../src/jwt.js';
import { decodeQrPayload, encodeQrPayload } from '../../src/qr.js';
import { joseSigningKey } from '../../src/jwt/jose-keys.js';
import { deflateRaw } from '../../src/qr/deflate.js';
import { toBase45 } from '../../src/qr/base45.js';
import { CHALLENGE, DOMAIN, getWorld, NOW, type World } from './fixtures.js';
import { deepJsonText, deepValue, expectAllowedError, expectFailedResult, JCS_NUMBERS, throwsOnlyAllowed, UNICODE_EDGES } from './hostile.js';

let w: World;
beforeAll(async () => {
  w = await getWorld();
}, 30_000);

// Signed before the fixed NOW: a proof dated after the verifier's time fails like validFrom.
const SIGNED_AT = '2026-03-03T10:00:00Z';
const DEEP = 100_000;
const b64 = (v: string) => Buffer.from(v).toString('base64url');
/** A vc+jwt signed by the issuer whose payload is `payloadText` verbatim. */
async function signedJwt(payloadText: string, header: Record<string, unknown> = {}): Promise<string> {
  return new CompactSign(new TextEncoder().encode(payloadText))
    .setProtectedHeader({ alg: 'EdDSA', typ: 'vc+jwt', cty: 'vc', kid: w.issuerKey.verificationMethod, ...header })
    .sign(await joseSigningKey(w.issuerKey));
}

describe(`nesting ${DEEP} levels deep`, () => {
  const deepText = () => deepJsonText(DEEP);
  it('as a whole passport file: a documented error', () => {
    for (const text of [deepText(), `${'['.repeat(DEEP)}${']'.repeat(DEEP)}`]) {
      expect(() => parsePassport(text)).toThrow(expect.objectContaining({ code: 'ERR_PASSPORT_INVALID' }));
    }
  });

  it('inside an entry, the holder, an accreditation, a status list and an exclusion of a passport file', async () => {
    const doc = JSON.parse(w.passportText);
    const deep = deepText();
    const variants = [
      JSON.stringify({ ...doc, entries: [doc.entries[0], 'DEEP'] }),
      JSON.stringify({ ...doc, entries: [{ ...doc.entries[0], credentialSubject: { id: 'x', deep: 'DEEP' } }] }),
      JSON.stringify({ ...doc, accreditations: ['DEEP'] }),
      JSON.stringify({ ...doc, accreditations: [{ type: ['VerifiableCredential'], deep: 'DEEP' }] }),
      JSON.stringify({ ...doc, statusLists: [{ deep: 'DEEP' }] }),
      JSON.stringify({ ...doc, exclusions: ['DEEP'] }),
      JSON.stringify({ ...doc, holder: { id: 'did:example:1', deep: 'DEEP' } }),
    ].map((t) => t.replace('"DEEP"', deep));
    for (const text of variants) {
      const read = (await throwsOnlyAllowed(() => readPassport(text), ['ERR_PASSPORT_INVALID'], false)) as ReturnType<typeof readPassport> | undefined;
      if (read) {
        expect(read.problems.length).toBeGreaterThan(0);
        // A holder with fields besides its id is reported (ERR_PASSPORT_INVALID) and kept as the bare id.
        expect(['ERR_LIMIT_EXCEEDED', 'ERR_SCHEMA_INVALID', 'ERR_PASSPORT_INVALID']).toContain(read.problems[0]!.code);
        await verifyPassport(read.passport, { now: NOW });
      }
      expect(() => parsePassport(text)).toThrow(expect.objectContaining({ code: 'ERR_PASSPORT_INVALID' }));
    }
  });

  it('in memory: every verify function returns ERR_LIMIT_EXCEEDED (or another failure), never a stack overflow', async () => {
    const deep = deepValue(DEEP);
    const entry = { ...w.entry, credentialSubject: { ...(w.entry.credentialSubject as object), deep } };
    const fromText = JSON.parse(deepText());
    for (const value of [deep, fromText, entry]) {
      const r = await verifyCredential(value, { now: NOW });
      expectFailedResult(r);
      if (value === entry) expect(r.errors[0]!.code).toBe('ERR_LIMIT_EXCEEDED');
      expectFailedResult(await verifyPresentation(value, { challenge: CHALLENGE, domain: DOMAIN, now: NOW }));
      expectFailedResult(await verifyPresentation({ ...w.presentation, verifiableCredential: [value] }, { challenge: CHALLENGE, domain: DOMAIN, now: NOW }));
      const trust = await evaluateTrust(value, { policy: w.policy, accreditations: [w.accreditation, value], now: NOW });
      expect(trust.trusted).toBe(false);
      const ctx = await createTrustContext({ policy: w.policy, accreditations: [value, w.accreditation], statusLists: [value], now: NOW });
      expect(ctx.rejected.length).toBeGreaterThan(0);
      expect(typeof describeEntry(value)).toBe('string');
      expect(Array.isArray(checkEntrySchema(value as never).issues)).toBe(true);
      expect(Array.isArray(lintDisclosure([value]))).toBe(true);
      await throwsOnlyAllowed(() => entryId(value as object), ['ERR_LIMIT_EXCEEDED', 'ERR_CANONICALIZATION_FAILED']);
      await throwsOnlyAllowed(() => importKeyPair(value as never), ['ERR_KEY_INVALID']);
      await throwsOnlyAllowed(() => importKeyPair({ kty: 'OKP', crv: 'Ed25519', x: value } as never), ['ERR_KEY_INVALID']);
      const added = await addEntries(w.passport, [value]);
      expect(added.passport.entries).toHaveLength(1);
      expect(added.rejected.length).toBe(1);
    }
  }, 30_000);

  it('as a JWT payload signed by a real key, and as an SD-JWT disclosure', async () => {
    const r = await verifyVcJwt(await signedJwt(deepText()), { now: NOW });
    expectFailedResult(r);
    expect(r.errors[0]!.code).toBe('ERR_JOSE_INVALID');
    const vp = await verifyVpJwt(await signedJwt(deepText(), { typ: 'vp+jwt' }), { challenge: CHALLENGE, domain: DOMAIN, now: NOW });
    expectFailedResult(vp);
    const [jwt, ...rest] = w.sdJwt.split('~');
    expectFailedResult(await verifySdJwt([jwt, b64(deepText()), ...rest].join('~'), { nonce: CHALLENGE, aud: DOMAIN } as never));
    // The JWS header itself nested deep.
    expectFailedResult(await verifyVcJwt(`${b64(`{"alg":"EdDSA","x":${deepText()}}`)}.e30.AAAA`, { now: NOW }));
  }, 30_000);

  it('in a key file and a QR code', async () => {
    await throwsOnlyAllowed(() => readKeyFile(deepText()), ['ERR_KEY_FILE_INVALID'], false);
    await throwsOnlyAllowed(
      () => readKeyFile(JSON.stringify({ ...JSON.parse(w.keyFileText), profile: 'DEEP' }).replace('"DEEP"', deepText())),
      ['ERR_KEY_FILE_INVALID'],
      false,
    );
    // 30,000 levels fit in the 64 KiB a QR payload may expand to, and compress to a few hundred bytes.
    const text = `${'['.repeat(30_000)}${']'.repeat(30_000)}`;
    const payload = `LP1:${toBase45(await deflateRaw(new TextEncoder().encode(text)))}`;
    expect(payload.length).toBeLessThan(4296);
    await expect(decodeQrPayload(payload)).rejects.toMatchObject({ code: 'ERR_QR_PAYLOAD_INVALID' });
    const obj = `{"a":${'['.repeat(30_000)}${']'.repeat(30_000)}}`;
    await expect(decodeQrPayload(`LP1:${toBase45(await deflateRaw(new TextEncoder().encode(obj)))}`)).rejects.toMatchObject({ code: 'ERR_QR_PAYLOAD_INVALID' });
  }, 30_000);
});

describe('huge strings and arrays (bounded)', () => {
  const big = 'x'.repeat(4_000_000);
  it('a 4 MB string in every field position of an entry fails cleanly', async () => {
    for (const patch of [
      { name: big },
      { issuer: big },
      { id: big },
      { validFrom: big },
      { proof: { ...(w.entry.proof as object), proofValue: big } },
      { proof: { ...(w.entry.proof as object), verificationMethod: big } },
    ]) {
      const doc = { ...w.entry, ...patch };
      expectFailedResult(await verifyCredential(doc, { now: NOW }));
      expect(typeof describeEntry(doc)).toBe('string');
      expect(checkEntrySchema(doc).issues.length).toBeGreaterThanOrEqual(0);
    }
    expectFailedResult(await verifyVcJwt(big));
    expectFailedResult(await verifyVcJwt(`${big}.${big}.${big}`));
    expectFailedResult(await verifySdJwt(`${w.sdJwt}${big}~`, { nonce: CHALLENGE, aud: DOMAIN } as never));
    expectFailedResult(await verifySdJwt('~'.repeat(1_000_000), { nonce: CHALLENGE, aud: DOMAIN } as never));
    await expect(decodeQrPayload(`LP1:${big}`)).rejects.toMatchObject({ code: 'ERR_QR_PAYLOAD_INVALID' });
    await throwsOnlyAllowed(() => importKeyPair({ type: 'Multikey', publicKeyMultibase: `z${big}` } as never), ['ERR_MULTIBASE_INVALID', 'ERR_KEY_INVALID']);
    await throwsOnlyAllowed(() => importKeyPair({ kty: 'OKP', crv: 'Ed25519', x: big } as never), ['ERR_KEY_INVALID']);
    await throwsOnlyAllowed(() => readKeyFile(big), ['ERR_KEY_FILE_INVALID'], false);
  }, 30_000);

  it('a passport with 20,000 junk items in each section is read, every item reported', () => {
    const junk = `[${'1,'.repeat(19_999)}1]`;
    const text = `{"type":"LearningPassport","version":1,"holder":"did:example:h","entries":${junk},"accreditations":${junk},"statusLists":[],"exclusions":[]}`;
    const { passport, problems } = readPassport(text);
    expect(passport.entries).toHaveLength(0);
    expect(problems).toHaveLength(40_000);
    expect(() => parsePassport(text)).toThrow(expect.objectContaining({ code: 'ERR_PASSPORT_INVALID' }));
  }, 30_000);

  it('1e6-item arrays inside entries and presentations → ERR_LIMIT_EXCEEDED', async () => {
    const huge = new Array(1_000_000).fill('x');
    const r = await verifyCredential({ ...w.entry, evidence: huge }, { now: NOW });
    expect(r.errors[0]!.code).toBe('ERR_LIMIT_EXCEEDED');
    expectFailedResult(await verifyPresentation({ ...w.presentation, verifiableCredential: huge }, { challenge: CHALLENGE, domain: DOMAIN, now: NOW }));
    expect((await evaluateTrust({ ...w.entry, evidence: huge }, { policy: w.policy, now: NOW })).trusted).toBe(false);
    expect(Array.isArray(lintDisclosure(huge.slice(0, 100_000)))).toBe(true);
  }, 30_000);
});

describe('Unicode edge cases', () => {
  it.each(UNICODE_EDGES.map((s) => [JSON.stringify(s), s]))('%s in keys and values: results, not throws; signatures cover it', async (_n, s) => {
    const lone = /[\uD800-\uDFFF]/u.test(s.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ''));
    const doc = { ...w.entry, name: s === '' ? 'x' : s, credentialSubject: { ...(w.entry.credentialSubject as object), [s]: s } };
    const r = await verifyCredential(doc, { now: NOW });
    expectFailedResult(r);
    expect(r.errors[0]!.code).toBe(lone ? 'ERR_CANONICALIZATION_FAILED' : 'ERR_PROOF_SIGNATURE_INVALID');
    expect(typeof describeEntry(doc)).toBe('string');
    if (lone) {
      expect(() => entryId(doc)).toThrow(expect.objectContaining({ code: 'ERR_CANONICALIZATION_FAILED' }));
      const { proof: _proof, ...unsigned } = doc as Record<string, unknown>;
      await expect(signCredential(unsigned, w.issuerKey)).rejects.toMatchObject({ code: 'ERR_CANONICALIZATION_FAILED' });
      await expect(encodeQrPayload({ name: s })).rejects.toMatchObject({ code: 'ERR_CANONICALIZATION_FAILED' });
    } else {
      // Signed with the edge string in place, it verifies; NFC/NFD are different texts (no normalisation).
      const { proof: _p, ...unsigned } = doc as Record<string, unknown>;
      const signed = await signCredential(unsigned, w.issuerKey, { created: SIGNED_AT });
      expect((await verifyCredential(JSON.parse(JSON.stringify(signed)), { now: NOW })).verified).toBe(true);
      expect(await decodeQrPayload(await encodeQrPayload({ name: s }))).toEqual({ name: s });
      // A passport holding it round-trips with the same CID.
      const text = JSON.stringify({ ...JSON.parse(w.passportText), entries: [signed] });
      expect(entryId(parsePassport(text).entries[0]!)).toBe(entryId(signed));
    }
    // In a passport file's holder and text with a BOM.
    await throwsOnlyAllowed(() => parsePassport(`\uFEFF${JSON.stringify({ ...JSON.parse(w.passportText), holder: s })}`), ['ERR_PASSPORT_INVALID']);
  });

  it('NFC and NFD spellings of the same name are different signed content', async () => {
    const { proof: _p, ...unsigned } = w.entry;
    const signed = await signCredential({ ...unsigned, name: 'Caf\u00e9' }, w.issuerKey, { created: SIGNED_AT });
    expect(entryId(signed)).not.toBe(entryId({ ...signed, name: 'Cafe\u0301' }));
    expect((await verifyCredential({ ...signed, name: 'Cafe\u0301' }, { now: NOW })).verified).toBe(false);
  });
});

describe('numbers JCS treats specially', () => {
  it.each(JCS_NUMBERS.map((n) => [String(Object.is(n, -0) ? '-0' : n), n]))(
    '%s: signs, verifies after a JSON round trip, and has a stable CID',
    async (_n, n) => {
      const { proof: _p, ...unsigned } = w.entry;
      const signed = await signCredential(
        { ...unsigned, credentialSubject: { ...(unsigned.credentialSubject as object), score: n, scores: [n, { n }] } },
        w.issuerKey,
        { created: SIGNED_AT },
      );
      const wire = JSON.parse(JSON.stringify(signed));
      expect((await verifyCredential(wire, { now: NOW })).verified).toBe(true);
      expect(entryId(wire)).toBe(entryId(signed));
      expect(canonicalJson(n)).toBe(JSON.stringify(n));
      // A different spelling of the same number on the wire is the same value and the same content.
      const respelt = JSON.stringify(wire).replace(JSON.stringify(n), n === 1e21 ? '1000000000000000000000' : JSON.stringify(n));
      expect((await verifyCredential(JSON.parse(respelt), { now: NOW })).verified).toBe(true);
    },
  );

  it('numbers outside JSON are refused everywhere (NaN, ±Infinity, bigint, 1e999 parses to Infinity)', async () => {
    for (const n of [Number.NaN, Infinity, -Infinity, 10n]) {
      const doc = { ...w.entry, score: n };
      expectFailedResult(await verifyCredential(doc, { now: NOW }));
      await throwsOnlyAllowed(() => entryId(doc), ['ERR_CANONICALIZATION_FAILED', 'ERR_JSON_INVALID']);
      await throwsOnlyAllowed(() => encodeQrPayload(doc), ['ERR_CANONICALIZATION_FAILED', 'ERR_JSON_INVALID']);
      const added = await addEntries(w.passport, [doc]);
      expect(added.rejected).toHaveLength(1);
    }
    const text = w.passportText.replace('"version": 1', '"version": 1e999');
    expect(() => parsePassport(text)).toThrow(expect.objectContaining({ code: 'ERR_PASSPORT_VERSION' }));
  });
});

describe('errors are the documented kind', () => {
  it('a sanity check of the helper', () => {
    expect(() => expectAllowedError(new RangeError('x'))).toThrow();
  });
});
