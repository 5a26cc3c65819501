// Prototype pollution through any parse path: payloads carrying __proto__ / constructor /
// prototype keys (as JSON text and as objects, at the top and nested) go through every parse
// and verify entry point; afterwards Object.prototype and Array.prototype are untouched, and
// where the library keeps the data, "__proto__" stays an own data key covered by signatures.
import { CompactSign } from 'jose';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  addEntries,
  checkEntrySchema,
  decryptKeyFile,
  describeEntry,
  entryId,
  importKeyPair,
  mergePassports,
  parsePassport,
  readKeyFile,
  readPassport,
  serializePassport,
  signCredential,
  verifyCredential,
  verifyPassport,
  verifyPresentation,
} from '../../src/index.js';
import { createTrustContext, decodeStatusList, evaluateTrust } from '../../src/trust.js';
import { lintDisclosure, verifyVpJwt } from '../../src/present.js';
import { verifySdJwt, verifyVcJwt } from '../../src/jwt.js';
import { decodeQrPayload, encodeQrPayload } from '../../src/qr.js';
import { joseSigningKey } from '../../src/jwt/jose-keys.js';
import { CHALLENGE, DOMAIN, getWorld, NOW, type World } from './fixtures.js';
import { expectPrototypesClean, pollutingJsonText, throwsOnlyAllowed } from './hostile.js';

let w: World;
beforeAll(async () => {
  w = await getWorld();
}, 30_000);
afterEach(() => expectPrototypesClean());

const POLLUTER = pollutingJsonText();
const polluter = () => JSON.parse(POLLUTER) as Record<string, unknown>;
/** `doc` as JSON text with the polluting members added to the top level and to `credentialSubject`-like children. */
function pollutedText(doc: unknown): string {
  const text = JSON.stringify(doc);
  const members = POLLUTER.slice(1, -1);
  // Add the polluting members to every object in the text (after each "{").
  return text.replace(/\{(?=")/g, `{${members},`);
}
const b64 = (v: string) => Buffer.from(v).toString('base64url');

describe('JSON text forms', () => {
  it('parsePassport / readPassport, with polluters in every object of the file', async () => {
    const text = pollutedText(JSON.parse(w.passportText));
    // The top level is strict: unknown keys (including __proto__) refuse the file.
    expect(() => parsePassport(text)).toThrow(expect.objectContaining({ code: 'ERR_PASSPORT_INVALID' }));
    expect(() => readPassport(text)).toThrow(expect.objectContaining({ code: 'ERR_PASSPORT_INVALID' }));
    // Polluters in every object below the top level: read leniently, verified, merged.
    const inner = JSON.stringify(JSON.parse(w.passportText)).replace(/(?<!^)\{(?=")/g, `{${POLLUTER.slice(1, -1)},`);
    await throwsOnlyAllowed(() => parsePassport(inner), ['ERR_PASSPORT_INVALID']);
    const { passport } = readPassport(inner);
    await verifyPassport(passport, { now: NOW });
    await mergePassports(w.passport, passport);
    // Inside entries only (the top level must stay strict): the entry is kept with __proto__ as data.
    const doc = JSON.parse(w.passportText);
    const entryText = JSON.stringify(doc).replace('"entries":[{', `"entries":[{${POLLUTER.slice(1, -1)},`);
    const kept = parsePassport(entryText);
    const e = kept.entries[0] as Record<string, unknown>;
    expect(Object.getPrototypeOf(e)).toBe(Object.prototype);
    expect(Object.keys(e)).toContain('__proto__');
    expect(Object.getOwnPropertyDescriptor(e, '__proto__')?.value).toEqual({ polluted: 1, isAdmin: true });
    // The signature covers it: the tampered entry does not verify, and the CID differs from the original.
    expect((await verifyPassport(kept, { now: NOW })).entries?.[0] ?? true).toBeTruthy();
    expect(entryId(e)).not.toBe(entryId(w.entry));
    expect(serializePassport(kept)).toContain('"__proto__"');
  });

  it('readKeyFile / decryptKeyFile', async () => {
    for (const text of [POLLUTER, pollutedText(JSON.parse(w.keyFileText))]) {
      await throwsOnlyAllowed(() => readKeyFile(text), ['ERR_KEY_FILE_INVALID']);
      await throwsOnlyAllowed(() => decryptKeyFile(text, 'correct horse battery staple'), ['ERR_KEY_FILE_INVALID']);
    }
    const file = JSON.parse(w.keyFileText);
    const withProfile = JSON.stringify({ ...file, profile: 'P' }).replace('"P"', `{"id":"${file.did}","__proto__":{"polluted":1}}`);
    await throwsOnlyAllowed(() => readKeyFile(withProfile), ['ERR_KEY_FILE_INVALID']);
  });

  it('decodeQrPayload of an encoded polluter', async () => {
    const decoded = await decodeQrPayload(await encodeQrPayload(polluter()));
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(decoded, '__proto__')?.value).toEqual({ polluted: 1, isAdmin: true });
    expect(decoded.constructor).toEqual({ prototype: { polluted: 1 } });
  });

  it('verifyVcJwt / verifyVpJwt with polluting headers and signed polluting payloads', async () => {
    const key = await joseSigningKey(w.issuerKey);
    const { proof: _p, ...payload } = w.entry;
    for (const typ of ['vc+jwt', 'vp+jwt']) {
      const jws = await new CompactSign(new TextEncoder().encode(pollutedText(payload)))
        .setProtectedHeader({ alg: 'EdDSA', typ, kid: w.issuerKey.verificationMethod })
        .sign(key);
      const r = typ === 'vc+jwt' ? await verifyVcJwt(jws, { now: NOW }) : await verifyVpJwt(jws, { challenge: CHALLENGE, domain: DOMAIN, now: NOW });
      expect(r.verified).toBe(false);
      const header = b64(`{"alg":"EdDSA","typ":"${typ}","kid":"${w.issuerKey.verificationMethod}",${POLLUTER.slice(1, -1)}}`);
      const [, p, s] = w.vcJwt.split('.');
      expect((await verifyVcJwt(`${header}.${p}.${s}`, { now: NOW })).verified).toBe(false);
    }
  });

  it('verifySdJwt with polluting disclosures', async () => {
    const [jwt, ...rest] = w.sdJwt.split('~');
    for (const disclosure of [`["salt","__proto__",{"polluted":1}]`, `["salt","constructor",{"prototype":{"polluted":1}}]`, POLLUTER, `["s",${POLLUTER}]`]) {
      const r = await verifySdJwt([jwt, b64(disclosure), ...rest].join('~'), { nonce: CHALLENGE, aud: DOMAIN } as never);
      expect(r.verified).toBe(false);
    }
  });

  it('decodeStatusList of a polluting string', async () => {
    await throwsOnlyAllowed(() => decodeStatusList(`u${b64(POLLUTER)}`), ['ERR_STATUS_LIST_INVALID']);
  });
});

describe('object forms (as JSON.parse makes them, with __proto__ as an own key)', () => {
  const entryForms = () => [
    polluter(),
    JSON.parse(pollutedText(w.entry)),
    {
      ...w.entry,
      credentialSubject: {
        ...(w.entry.credentialSubject as object),
        learningPassport: { ...JSON.parse(pollutedText((w.entry.credentialSubject as Record<string, unknown>).learningPassport)) },
      },
    },
    [polluter()],
  ];

  it('verifyCredential, evaluateTrust, createTrustContext, entry helpers', async () => {
    for (const doc of entryForms()) {
      expect((await verifyCredential(doc, { now: NOW })).verified).toBe(false);
      expect((await verifyCredential(doc, { now: NOW, policy: w.policy, accreditations: [doc, w.accreditation] } as never)).verified).toBe(false);
      expect(
        (await evaluateTrust(doc, { policy: w.policy, accreditations: [doc, JSON.parse(pollutedText(w.accreditation))], statusLists: [doc], now: NOW }))
          .trusted,
      ).toBe(false);
      const ctx = await createTrustContext({
        policy: w.policy,
        accreditations: [doc, JSON.parse(pollutedText(w.accreditation))],
        statusLists: [doc],
        entries: [doc],
        now: NOW,
      });
      expect(ctx.rejected.length).toBeGreaterThan(0);
      checkEntrySchema(doc);
      describeEntry(doc);
      lintDisclosure([doc]);
      await throwsOnlyAllowed(() => entryId(doc));
      await throwsOnlyAllowed(() => importKeyPair(doc as never), ['ERR_KEY_INVALID']);
      await throwsOnlyAllowed(() => importKeyPair({ ...doc, kty: 'OKP', crv: 'Ed25519', x: 'AAAA' } as never), ['ERR_KEY_INVALID']);
      const added = await addEntries(w.passport, [doc]);
      expect(added.passport.entries).toHaveLength(1);
    }
  });

  it('verifyPresentation with polluting presentations and entries', async () => {
    const opts = { challenge: CHALLENGE, domain: DOMAIN, now: NOW };
    for (const doc of entryForms()) {
      expect((await verifyPresentation(doc, opts)).verified).toBe(false);
      expect((await verifyPresentation({ ...w.presentation, verifiableCredential: [doc] }, opts)).verified).toBe(false);
    }
    expect((await verifyPresentation(JSON.parse(pollutedText(w.presentation)), opts)).verified).toBe(false);
  });

  it('signed data holding __proto__ keys verifies and keeps them as data', async () => {
    // Polluting members at the top level, where VC 2.0 allows extra properties.
    const { proof: _p, ...unsigned } = JSON.parse(JSON.stringify(w.entry).replace(/^\{/, `{${POLLUTER.slice(1, -1)},`));
    const signed = await signCredential(unsigned, w.issuerKey);
    const wire = JSON.parse(JSON.stringify(signed));
    expect((await verifyCredential(wire, { now: NOW })).errors.map((e) => e.code)).not.toContain('ERR_PROOF_SIGNATURE_INVALID');
    const { passport, rejected } = await addEntries(w.passport, [wire]);
    expect(rejected).toEqual([]);
    const stored = passport.entries.find((e) => entryId(e) === entryId(wire)) as Record<string, unknown> | undefined;
    expect(stored).toBeDefined();
    expect(Object.getPrototypeOf(stored)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(stored, '__proto__')?.value).toEqual({ polluted: 1, isAdmin: true });
    // Written and read back, the entry is byte-for-byte the signed one (serializePassport once
    // dropped "__proto__" members by assigning them, so the entry failed verification on reading).
    const reparsed = parsePassport(serializePassport(passport));
    expect(reparsed.entries.map((e) => entryId(e))).toEqual(passport.entries.map((e) => entryId(e)));
    const report = await verifyPassport(reparsed, { now: NOW });
    expect(JSON.stringify(report)).not.toContain('ERR_PROOF_SIGNATURE_INVALID');
  });
});
