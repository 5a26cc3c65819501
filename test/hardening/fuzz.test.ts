// Property-based fuzzing of every public parse and verify entry point with malformed input.
// Verify functions must return a result; parse functions may throw only a PassportError with a
// documented code (or TypeError for a caller's type mistake). Per-test timeouts bound the time.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
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
  verifyPassport,
  verifyPresentation,
} from '../../src/index.js';
import { createTrustContext, decodeStatusList, evaluateTrust } from '../../src/trust.js';
import { lintDisclosure, verifyVpJwt } from '../../src/present.js';
import { verifySdJwt, verifyVcJwt } from '../../src/jwt.js';
import { decodeQrPayload } from '../../src/qr.js';
import { CHALLENGE, DOMAIN, getWorld, NOW, type World } from './fixtures.js';
import { expectAllowedError, expectFailedResult, hostileJson, hostileText, hostileValue, throwsOnlyAllowed } from './hostile.js';

const RUNS = 150;
let w: World;
beforeAll(async () => {
  w = await getWorld();
}, 30_000);

/** Puts `value` at `path` inside a deep copy of `doc`. */
function splice(doc: unknown, path: readonly (string | number)[], value: unknown): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(doc));
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] ?? (at[key] = {});
  Object.defineProperty(at, path[path.length - 1]!, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}
const ENTRY_PATHS: (string | number)[][] = [
  ['proof'],
  ['proof', 'proofValue'],
  ['proof', 'verificationMethod'],
  ['issuer'],
  ['issuer', 'id'],
  ['credentialSubject'],
  ['credentialSubject', 'learningPassport'],
  ['credentialSubject', 'learningPassport', 'kind'],
  ['credentialSubject', 'learningPassport', 'level'],
  ['credentialSubject', 'achievement', 'name'],
  ['@context'],
  ['type'],
  ['validFrom'],
  ['validUntil'],
  ['credentialStatus'],
  ['name'],
  ['__proto__'],
];
const entryVariant = fc.tuple(fc.constantFrom(...ENTRY_PATHS), hostileJson);

describe('passport parsing: parsePassport / readPassport', () => {
  const PARSE_CODES = ['ERR_JSON_INVALID', 'ERR_PASSPORT_INVALID', 'ERR_PASSPORT_VERSION'];
  it('random text and random values throw only documented errors', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileText, hostileValue), async (input) => {
        await throwsOnlyAllowed(() => parsePassport(input as string), PARSE_CODES);
        await throwsOnlyAllowed(() => readPassport(input as string), PARSE_CODES);
      }),
      { numRuns: RUNS },
    );
  });

  it('a real passport with a hostile value spliced anywhere: readPassport keeps going, verifyPassport reports', async () => {
    const doc = JSON.parse(w.passportText);
    const paths: (string | number)[][] = [
      ['holder'],
      ['entries', 0],
      ['entries', 1],
      ['accreditations', 0],
      ['statusLists', 0],
      ['exclusions', 0],
      ['version'],
      ['__proto__'],
      ...ENTRY_PATHS.map((p) => ['entries', 0, ...p]),
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), hostileJson, fc.boolean(), async (path, value, asBytes) => {
        const text = JSON.stringify(splice(doc, path, value));
        const input = asBytes ? new TextEncoder().encode(text) : text;
        const read = (await throwsOnlyAllowed(() => readPassport(input), PARSE_CODES, false)) as ReturnType<typeof readPassport> | undefined;
        await throwsOnlyAllowed(() => parsePassport(input), PARSE_CODES, false);
        if (read) {
          for (const p of read.problems) expect(typeof p.code).toBe('string');
          const report = await verifyPassport(read.passport, { now: NOW });
          expect(typeof report.summary === 'string' || typeof report === 'object').toBe(true);
          expect(() => JSON.stringify(report)).not.toThrow();
        }
      }),
      { numRuns: RUNS },
    );
  }, 30_000);
});

describe('verifyPassport / addEntries / mergePassports with hostile entries', () => {
  it('addEntries never throws on hostile entries and rejects every unusable one', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            hostileValue,
            entryVariant.map(([p, v]) => splice(w.entry, p, v)),
          ),
          { maxLength: 4 },
        ),
        async (entries) => {
          const result = await addEntries(w.passport, entries, { now: NOW } as never);
          // The genuine entry stays; nothing hostile is added unverified.
          expect(result.passport.entries.length).toBeGreaterThanOrEqual(1);
          for (const e of result.passport.entries) expect(entryId(e)).toBe(entryId(e));
          const report = await verifyPassport(result.passport, { now: NOW });
          expect(() => JSON.stringify(report)).not.toThrow();
        },
      ),
      { numRuns: 60 },
    );
  }, 30_000);

  it('mergePassports with a passport read from a hostile file', async () => {
    const doc = JSON.parse(w.passportText);
    await fc.assert(
      fc.asyncProperty(entryVariant, async ([path, value]) => {
        const text = JSON.stringify(splice(doc, ['entries', 0, ...path], value));
        let other;
        try {
          other = readPassport(text).passport;
        } catch (err) {
          expectAllowedError(err);
          return;
        }
        const merged = await mergePassports(w.passport, other);
        expect(merged.passport.entries.length).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 60 },
    );
  }, 30_000);

  it('verifyPassport and mergePassports refuse non-passports with TypeError or a coded PassportError only', async () => {
    await fc.assert(
      fc.asyncProperty(hostileValue, async (v) => {
        await throwsOnlyAllowed(() => verifyPassport(v as never), ['ERR_PASSPORT_INVALID', 'ERR_PASSPORT_VERSION', 'ERR_LIMIT_EXCEEDED'], true);
        await throwsOnlyAllowed(
          () => mergePassports(w.passport, v as never),
          ['ERR_PASSPORT_INVALID', 'ERR_PASSPORT_VERSION', 'ERR_LIMIT_EXCEEDED', 'ERR_PASSPORT_HOLDER_MISMATCH'],
        );
        await throwsOnlyAllowed(() => addEntries(w.passport, v as never), ['ERR_JSON_INVALID', 'ERR_LIMIT_EXCEEDED']);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('entry helpers: checkEntrySchema, describe, lintDisclosure, entryId', () => {
  it('never throw on hostile values (entryId: TypeError / ERR_CANONICALIZATION_FAILED / not plain JSON only)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          hostileValue,
          entryVariant.map(([p, v]) => splice(w.entry, p, v)),
        ),
        async (v) => {
          const outcome = checkEntrySchema(v as never);
          expect(Array.isArray(outcome.issues)).toBe(true);
          expect(typeof describeEntry(v)).toBe('string');
          const warnings = lintDisclosure([v, w.entry]);
          expect(Array.isArray(warnings)).toBe(true);
          await throwsOnlyAllowed(() => entryId(v as object), ['ERR_CANONICALIZATION_FAILED', 'ERR_JSON_INVALID', 'ERR_LIMIT_EXCEEDED']);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('presentations and JOSE: verifyPresentation, verifyVcJwt, verifyVpJwt, verifySdJwt', () => {
  const opts = { challenge: CHALLENGE, domain: DOMAIN, now: NOW };
  it('verifyPresentation never throws on a hostile presentation', async () => {
    const paths: (string | number)[][] = [
      ['proof'],
      ['proof', 'challenge'],
      ['holder'],
      ['verifiableCredential'],
      ['verifiableCredential', 0],
      ...ENTRY_PATHS.map((p) => ['verifiableCredential', 0, ...p]),
      ['type'],
      ['@context'],
      ['__proto__'],
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          hostileValue,
          fc.tuple(fc.constantFrom(...paths), hostileJson).map(([p, v]) => splice(w.presentation, p, v)),
        ),
        async (vp) => {
          expectFailedResult(await verifyPresentation(vp, opts));
        },
      ),
      { numRuns: RUNS },
    );
  }, 30_000);

  /** Hostile tokens: random text, and real tokens with one part replaced or mangled. */
  const token = (real: () => string) =>
    fc.oneof(
      hostileText,
      hostileValue,
      fc.tuple(fc.integer({ min: 0, max: 2 }), hostileJson).map(([i, v]) => {
        const parts = real().split('.');
        parts[i] = Buffer.from(JSON.stringify(v) ?? '').toString('base64url');
        return parts.join('.');
      }),
      fc.tuple(fc.nat(), fc.string({ unit: 'binary', maxLength: 3 })).map(([at, s]) => {
        const t = real();
        const i = at % t.length;
        return t.slice(0, i) + s + t.slice(i + 1);
      }),
    );

  it('verifyVcJwt never throws', async () => {
    await fc.assert(
      fc.asyncProperty(
        token(() => w.vcJwt),
        async (t) => expectFailedResult(await verifyVcJwt(t, { now: NOW })),
      ),
      { numRuns: RUNS },
    );
  });
  it('verifyVpJwt never throws', async () => {
    await fc.assert(
      fc.asyncProperty(
        token(() => w.vpJwt),
        async (t) => expectFailedResult(await verifyVpJwt(t, opts)),
      ),
      { numRuns: RUNS },
    );
  });
  it('verifySdJwt never throws (tilde-separated parts mangled too)', async () => {
    const sd = fc.oneof(
      token(() => w.sdJwt),
      fc.tuple(fc.nat(), hostileJson).map(([i, v]) => {
        const parts = w.sdJwt.split('~');
        parts[i % parts.length] = Buffer.from(JSON.stringify(v) ?? '').toString('base64url');
        return parts.join('~');
      }),
      fc.array(fc.string({ maxLength: 8 }), { maxLength: 6 }).map((xs) => `${w.sdJwt.split('~')[0]}~${xs.join('~')}`),
    );
    await fc.assert(
      fc.asyncProperty(sd, async (t) => {
        const r = await verifySdJwt(t, { nonce: CHALLENGE, aud: DOMAIN } as never);
        expectFailedResult(r);
      }),
      { numRuns: RUNS },
    );
  });
  it('the genuine artefacts still verify (the fuzz baseline is meaningful)', async () => {
    expect((await verifyPresentation(w.presentation, opts)).verified).toBe(true);
    expect((await verifyVcJwt(w.vcJwt, { now: NOW })).verified).toBe(true);
    expect((await verifyVpJwt(w.vpJwt, opts)).verified).toBe(true);
    expect((await verifySdJwt(w.sdJwt, { nonce: CHALLENGE, aud: DOMAIN } as never)).verified).toBe(true);
  });
});

describe('QR, keys and status lists', () => {
  it('decodeQrPayload throws only ERR_QR_PAYLOAD_INVALID', async () => {
    const qr = fc.oneof(
      hostileText,
      hostileValue,
      fc.string({ unit: fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:'), maxLength: 400 }).map((s) => `LP1:${s}`),
    );
    await fc.assert(
      fc.asyncProperty(qr, async (t) => {
        try {
          await decodeQrPayload(t as string);
        } catch (err) {
          expectAllowedError(err, ['ERR_QR_PAYLOAD_INVALID'], false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('importKeyPair throws only key errors or TypeError', async () => {
    const jwk = fc.record(
      {
        kty: fc.oneof(fc.constant('OKP'), hostileJson),
        crv: fc.oneof(fc.constant('Ed25519'), hostileJson),
        x: fc.oneof(fc.base64String(), hostileJson),
        d: fc.oneof(fc.base64String(), hostileJson),
      },
      { requiredKeys: [] },
    );
    const multikey = fc.record(
      {
        type: fc.oneof(fc.constant('Multikey'), hostileJson),
        publicKeyMultibase: fc.oneof(fc.constant(w?.issuerKey.publicKeyMultibase ?? 'z6Mk'), hostileJson),
        secretKeyMultibase: hostileJson,
        id: hostileJson,
        controller: hostileJson,
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileValue, jwk, multikey), async (input) => {
        await throwsOnlyAllowed(() => importKeyPair(input as never), ['ERR_KEY_INVALID', 'ERR_KEY_MISMATCH', 'ERR_MULTIBASE_INVALID', 'ERR_DID_INVALID']);
      }),
      { numRuns: 300 },
    );
  });

  it('readKeyFile / decryptKeyFile throw only key-file errors or TypeError', async () => {
    const doc = JSON.parse(w.keyFileText);
    const variant = fc
      .tuple(fc.constantFrom('type', 'version', 'did', 'publicKeyMultibase', 'profile', 'jwe', 'checksum', '__proto__'), hostileJson)
      .map(([k, v]) => JSON.stringify(splice(doc, [k], v)));
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileText, hostileValue, variant), async (text) => {
        const codes = ['ERR_KEY_FILE_INVALID', 'ERR_KEY_FILE_PASSPHRASE', 'ERR_KEY_INVALID', 'ERR_KEY_MISMATCH', 'ERR_MULTIBASE_INVALID'];
        await throwsOnlyAllowed(() => readKeyFile(text as string), codes);
        await throwsOnlyAllowed(() => decryptKeyFile(text as string, 'correct horse battery staple'), codes);
      }),
      { numRuns: 100 },
    );
  }, 30_000);

  it('decodeStatusList throws only status-list errors', async () => {
    const encoded = fc.oneof(
      hostileText,
      hostileValue,
      fc.uint8Array({ maxLength: 64 }).map((b) => `u${Buffer.from(b).toString('base64url')}`),
      fc.uint8Array({ maxLength: 64 }).map((b) => `u${Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, ...b]).toString('base64url')}`),
    );
    await fc.assert(
      fc.asyncProperty(encoded, async (e) => {
        await throwsOnlyAllowed(() => decodeStatusList(e as string), ['ERR_STATUS_LIST_INVALID', 'ERR_LIMIT_EXCEEDED']);
      }),
      { numRuns: 300 },
    );
  });
});

describe('trust with hostile accreditations and credentials', () => {
  it('createTrustContext and evaluateTrust never throw on hostile accreditations', async () => {
    const ACC_PATHS: (string | number)[][] = [
      ['credentialSubject'],
      ['credentialSubject', 'kinds'],
      ['credentialSubject', 'role'],
      ['credentialSubject', 'id'],
      ['credentialSubject', 'capabilities'],
      ['issuer'],
      ['validFrom'],
      ['validUntil'],
      ['proof'],
      ['type'],
      ['__proto__'],
      ['credentialSubject', '__proto__'],
    ];
    const acc = fc.oneof(
      hostileValue,
      fc.tuple(fc.constantFrom(...ACC_PATHS), hostileJson).map(([p, v]) => splice(w.accreditation, p, v)),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(acc, { maxLength: 3 }),
        fc.oneof(
          hostileValue,
          fc.constant(w.entry),
          entryVariant.map(([p, v]) => splice(w.entry, p, v)),
        ),
        async (accs, credential) => {
          const accreditations = [w.accreditation, ...accs];
          const context = await createTrustContext({ policy: w.policy, accreditations, now: NOW });
          for (const r of context.rejected) expect(typeof r.code).toBe('string');
          const t1 = await evaluateTrust(credential, { context, now: NOW });
          const t2 = await evaluateTrust(credential, { policy: w.policy, accreditations, now: NOW });
          expect(typeof t1.trusted).toBe('boolean');
          expect(t1.trusted).toBe(t2.trusted);
          expect(() => JSON.stringify([t1, t2])).not.toThrow();
        },
      ),
      { numRuns: 100 },
    );
  }, 30_000);

  it('hostile statusLists and checkpoints never throw', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(hostileValue, { maxLength: 3 }),
        fc.array(fc.record({ issuer: hostileJson, at: hostileJson, cids: hostileJson }), { maxLength: 2 }),
        async (statusLists, checkpoints) => {
          await throwsOnlyAllowed(async () => {
            const context = await createTrustContext({
              policy: w.policy,
              accreditations: [w.accreditation],
              statusLists,
              checkpoints: checkpoints as never,
              now: NOW,
            });
            const t = await evaluateTrust(w.entry, { context, now: NOW });
            expect(typeof t.trusted).toBe('boolean');
          }, []);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('the genuine entry is trusted (baseline)', async () => {
    expect((await evaluateTrust(w.entry, { policy: w.policy, accreditations: [w.accreditation], now: NOW })).trusted).toBe(true);
  });
});
