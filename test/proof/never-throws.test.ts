// verifyCredential never throws on untrusted input: every bad value becomes verified:false with a
// stable code. Only caller mistakes in `options` throw TypeError.
import fc from 'fast-check';
import { base58btc } from 'multiformats/bases/base58';
import { beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, generateKeyPair, signCredential, VC_V2_CONTEXT, verifyCredential, type PassportErrorCode, type SigningKeyPair } from '../../src/index.js';

type Doc = Record<string, unknown>;
const NOW = new Date('2026-06-01T12:00:00Z');
let key: SigningKeyPair;
let signed: Doc & { proof: Doc };

beforeAll(async () => {
  key = await generateKeyPair();
  signed = await signCredential(
    {
      '@context': [VC_V2_CONTEXT],
      id: 'urn:uuid:0b0e4d4a-9d7e-4a55-8d0e-7a7f0d7e6c11',
      type: ['VerifiableCredential'],
      issuer: { id: key.did, name: 'Northern Education Services' },
      validFrom: '2026-01-01T00:00:00Z',
      validUntil: '2027-01-01T00:00:00Z',
      credentialSubject: { id: 'did:example:holder', note: 'Ünïcödé 🎓' },
    },
    key,
    { created: '2026-01-01T00:00:00Z' },
  );
});

/** Runs verifyCredential and checks the invariants every result must meet. */
async function verify(input: unknown, options?: Parameters<typeof verifyCredential>[1]) {
  const result = await verifyCredential(input, options);
  expect(typeof result.verified).toBe('boolean');
  expect(typeof result.summary).toBe('string');
  for (const e of result.errors) expect(ERROR_CODES).toContain(e.code);
  if (!result.verified) expect(result.errors.length).toBeGreaterThan(0);
  // The result must be plain data a caller can serialise.
  expect(() => JSON.stringify(result)).not.toThrow();
  return result;
}
async function expectCode(input: unknown, code: PassportErrorCode, options: Parameters<typeof verifyCredential>[1] = { now: NOW }) {
  const result = await verify(input, options);
  expect(result.verified).toBe(false);
  expect(result.errors.map((e) => e.code)).toContain(code);
  return result;
}
const withProof = (proof: unknown): Doc => ({ ...signed, proof });
const withProofField = (field: string, value: unknown): Doc => ({ ...signed, proof: { ...signed.proof, [field]: value } });

describe('the baseline is valid', () => {
  it('verifies', async () => {
    const result = await verify(signed, { now: NOW });
    expect(result.errors).toEqual([]);
    expect(result.verified).toBe(true);
  });
});

describe('values that are not credentials', () => {
  it.each([
    ['null', null],
    ['0', 0],
    ['a string', 'not a credential'],
    ['a JSON string of the credential', '{"@context":[]}'],
    ['true', true],
    ['an empty array', []],
    ['an array holding a credential', [{ a: 1 }]],
  ])('%s → ERR_SCHEMA_INVALID', async (_name, input) => {
    const actual = _name === 'an array holding a credential' ? [signed] : input;
    await expectCode(actual, 'ERR_SCHEMA_INVALID');
  });

  it.each([
    ['undefined', undefined],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a bigint', 10n],
    ['a symbol', Symbol('x')],
    ['a function', () => 1],
    ['a Date', new Date()],
    ['a Map', new Map()],
    ['a class instance', new (class Credential {})()],
    ['an object holding a function', { ...{ '@context': [VC_V2_CONTEXT] }, f: () => 1 }],
    ['an object holding NaN', { n: Number.NaN }],
    ['an object holding undefined', { u: undefined }],
    ['a Uint8Array', new Uint8Array(4)],
  ])('%s → not verified, ERR_JSON_INVALID (not JSON at all)', async (_name, input) => {
    const result = await verify(input);
    expect(result.verified).toBe(false);
    expect(result.errors[0]!.code).toBe('ERR_JSON_INVALID');
  });

  it('a circular object → ERR_JSON_INVALID', async () => {
    const loop: Doc = { ...signed };
    loop.self = loop;
    await expectCode(loop, 'ERR_JSON_INVALID');
  });

  it.each([
    ['{}', {}],
    ['an empty @context', { ...signed, '@context': [] }],
    ['@context as a string', { ...signed, '@context': VC_V2_CONTEXT }],
    ['no type', { ...signed, type: undefined }],
    ['type without VerifiableCredential', { ...signed, type: ['Thing'] }],
    ['no issuer', { ...signed, issuer: undefined }],
    ['issuer as a number', { ...signed, issuer: 7 }],
    ['issuer object without id', { ...signed, issuer: { name: 'x' } }],
    ['no credentialSubject', { ...signed, credentialSubject: undefined }],
    ['credentialSubject as a string', { ...signed, credentialSubject: 'did:example:1' }],
    ['credentialSubject as an empty array', { ...signed, credentialSubject: [] }],
    ['validFrom without a time zone', { ...signed, validFrom: '2026-01-01T00:00:00' }],
    ['validUntil that is not a date', { ...signed, validUntil: 'tomorrow' }],
    ['validFrom as a number', { ...signed, validFrom: 1767225600 }],
  ])('a credential with %s → ERR_SCHEMA_INVALID', async (_name, input) => {
    const clean = JSON.parse(JSON.stringify(input));
    await expectCode(clean, 'ERR_SCHEMA_INVALID');
  });
});

describe('proofs', () => {
  it('missing proof → ERR_PROOF_MISSING', async () => {
    const { proof: _p, ...unsigned } = signed;
    await expectCode(unsigned, 'ERR_PROOF_MISSING');
  });

  it.each([
    ['an empty array', []],
    ['two proofs', 'two'],
    ['a string', 'z3abc'],
    ['a number', 1],
    ['null', null],
    ['an array holding a string', ['x']],
    ['an array holding null', [null]],
  ])('proof as %s → ERR_PROOF_MALFORMED', async (_name, proof) => {
    await expectCode(withProof(proof === 'two' ? [signed.proof, signed.proof] : proof), 'ERR_PROOF_MALFORMED');
  });

  it('a one-element proof array verifies', async () => {
    expect((await verify(withProof([signed.proof]), { now: NOW })).verified).toBe(true);
  });

  it.each([
    ['u-prefixed (base64url)', `u${'A'.repeat(86)}`],
    ['no multibase prefix', '2HnFSSPPBzR36zdDgK8PbEHeXbR56YF24jwMpt3R1eHXQzJD'],
    ['characters outside base58', 'z0OIl'],
    ['empty', ''],
  ])('proofValue %s → ERR_MULTIBASE_INVALID', async (_name, value) => {
    await expectCode(withProofField('proofValue', value), 'ERR_MULTIBASE_INVALID');
  });

  it.each([
    ['63 bytes', base58btc.encode(new Uint8Array(63).fill(1))],
    ['65 bytes', base58btc.encode(new Uint8Array(65).fill(1))],
    ['0 bytes', 'z'],
  ])('proofValue of %s → ERR_PROOF_MALFORMED', async (_name, value) => {
    await expectCode(withProofField('proofValue', value), 'ERR_PROOF_MALFORMED');
  });

  it('64 zero bytes → ERR_PROOF_SIGNATURE_INVALID', async () => {
    await expectCode(withProofField('proofValue', base58btc.encode(new Uint8Array(64))), 'ERR_PROOF_SIGNATURE_INVALID');
  });

  it.each([
    ['proofValue', 42],
    ['proofValue', undefined],
    ['verificationMethod', undefined],
    ['verificationMethod', { id: 'did:key:z6Mk' }],
    ['proofPurpose', undefined],
    ['created', 'yesterday'],
    ['created', 20260101],
  ])('proof.%s = %j → ERR_PROOF_MALFORMED', async (field, value) => {
    await expectCode(JSON.parse(JSON.stringify(withProofField(field, value))), 'ERR_PROOF_MALFORMED');
  });

  it.each([
    ['cryptosuite', 'eddsa-rdfc-2022'],
    ['type', 'Ed25519Signature2020'],
  ])('proof.%s = %j → ERR_CRYPTOSUITE_UNSUPPORTED, "can\'t check" (learning-passport/rdfc verifies it)', async (field, value) => {
    const result = await expectCode(JSON.parse(JSON.stringify(withProofField(field, value))), 'ERR_CRYPTOSUITE_UNSUPPORTED');
    expect(result.checks.find((c) => c.check === 'signature')?.status).toBe('unknown');
  });

  it.each([
    ['cryptosuite', 'ecdsa-jcs-2019'],
    ['cryptosuite', undefined],
    ['type', ['DataIntegrityProof']],
  ])('proof.%s = %j → ERR_CRYPTOSUITE_NOT_ALLOWED', async (field, value) => {
    await expectCode(JSON.parse(JSON.stringify(withProofField(field, value))), 'ERR_CRYPTOSUITE_NOT_ALLOWED');
  });

  it('wrong proof purpose → ERR_PROOF_PURPOSE_MISMATCH (both ways)', async () => {
    await expectCode(withProofField('proofPurpose', 'authentication'), 'ERR_PROOF_PURPOSE_MISMATCH');
    await expectCode(signed, 'ERR_PROOF_PURPOSE_MISMATCH', { now: NOW, expectedProofPurpose: 'authentication' });
  });

  it('a proof signed by a key that is not the issuer’s → ERR_ISSUER_KEY_MISMATCH', async () => {
    const other = await generateKeyPair();
    const { proof: _p, ...unsigned } = signed;
    const forged = await signCredential(unsigned, other, { created: '2026-01-01T00:00:00Z' });
    const result = await expectCode(forged, 'ERR_ISSUER_KEY_MISMATCH');
    expect(result.checks.find((c) => c.check === 'signature')?.status).toBe('pass');
  });

  it('replacing the verificationMethod with another key → signature fails', async () => {
    const other = await generateKeyPair();
    await expectCode(withProofField('verificationMethod', other.verificationMethod), 'ERR_PROOF_SIGNATURE_INVALID');
  });

  it.each([
    ['did:web:example.com#key-1', ['ERR_ISSUER_KEY_UNRESOLVED']],
    ['https://example.com/keys/1', ['ERR_ISSUER_KEY_UNRESOLVED']],
    ['did:key:zzz', ['ERR_KEY_INVALID', 'ERR_MULTIBASE_INVALID', 'ERR_ISSUER_KEY_UNRESOLVED']],
    ['did:key:z6LSj72tK8brWgZja8NLRwPigth2T9QRiG1uH9oKZuKjdh9p#z6LSj72tK8brWgZja8NLRwPigth2T9QRiG1uH9oKZuKjdh9p', ['ERR_KEY_INVALID']],
    ['did:key:z0OIl', ['ERR_MULTIBASE_INVALID']],
    ['', ['ERR_ISSUER_KEY_UNRESOLVED']],
  ])('verificationMethod %j → not verified (%j)', async (vm, codes) => {
    const result = await verify(withProofField('verificationMethod', vm), { now: NOW });
    expect(result.verified).toBe(false);
    expect(codes).toContain(result.errors[0]!.code);
  });

  it('a proof @context that the document does not start with → ERR_PROOF_CONTEXT_MISMATCH', async () => {
    await expectCode(withProofField('@context', ['https://example.com/other']), 'ERR_PROOF_CONTEXT_MISMATCH');
  });
});

describe('validity period with now and clockTolerance', () => {
  let future: Doc;
  let past: Doc;
  beforeAll(async () => {
    const base = { '@context': [VC_V2_CONTEXT], type: ['VerifiableCredential'], issuer: key.did, credentialSubject: { id: 'did:example:1' } };
    future = await signCredential({ ...base, validFrom: '2026-06-01T12:00:30Z' }, key, { created: '2026-06-01T11:00:00Z' });
    past = await signCredential({ ...base, validFrom: '2020-01-01T00:00:00Z', validUntil: '2026-06-01T11:59:30Z' }, key, { created: '2020-01-01T00:00:00Z' });
  });

  it('validFrom 30 s in the future: valid with the default 60 s tolerance, not with 0 or 10', async () => {
    expect((await verify(future, { now: NOW })).verified).toBe(true);
    await expectCode(future, 'ERR_CREDENTIAL_NOT_YET_VALID', { now: NOW, clockTolerance: 0 });
    await expectCode(future, 'ERR_CREDENTIAL_NOT_YET_VALID', { now: NOW, clockTolerance: 10 });
    await expectCode(future, 'ERR_CREDENTIAL_NOT_YET_VALID', { now: new Date('2020-01-01T00:00:00Z') });
  });

  it('validUntil 30 s in the past: valid with the default tolerance, expired with 0', async () => {
    expect((await verify(past, { now: NOW })).verified).toBe(true);
    await expectCode(past, 'ERR_CREDENTIAL_EXPIRED', { now: NOW, clockTolerance: 0 });
    await expectCode(past, 'ERR_CREDENTIAL_EXPIRED', { now: new Date('2030-01-01T00:00:00Z') });
  });

  it('the signature still passes on an expired or not-yet-valid credential (the failure is the period only)', async () => {
    const result = await verify(past, { now: new Date('2030-01-01T00:00:00Z') });
    expect(result.checks.find((c) => c.check === 'signature')?.status).toBe('pass');
    expect(result.errors.map((e) => e.code)).toEqual(['ERR_CREDENTIAL_EXPIRED']);
  });
});

describe('hostile shapes', () => {
  function nested(levels: number): Doc {
    let inner: unknown = 'bottom';
    for (let i = 0; i < levels; i++) inner = i % 2 ? { a: inner } : [inner];
    return { ...signed, credentialSubject: { id: 'did:example:1', deep: inner } };
  }

  it('1e5 levels of nesting (built in memory) → ERR_LIMIT_EXCEEDED', async () => {
    await expectCode(nested(100_000), 'ERR_LIMIT_EXCEEDED');
  });

  it('1e5 levels of nesting (from JSON text) → ERR_LIMIT_EXCEEDED', async () => {
    const text = `${'{"a":['.repeat(50_000)}1${']}'.repeat(50_000)}`;
    await expectCode({ ...signed, credentialSubject: { id: 'x', deep: JSON.parse(text) } }, 'ERR_LIMIT_EXCEEDED');
    await expectCode(JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`), 'ERR_LIMIT_EXCEEDED');
  });

  it('nesting just inside the limit is processed (and fails only on the signature)', async () => {
    const doc = nested(50);
    await expectCode(doc, 'ERR_PROOF_SIGNATURE_INVALID');
  });

  it('a huge array (1e6 items) → ERR_LIMIT_EXCEEDED', async () => {
    await expectCode({ ...signed, evidence: new Array(1_000_000).fill(0) }, 'ERR_LIMIT_EXCEEDED');
  });

  it('a huge string (8 MB) is handled (signature fails)', async () => {
    await expectCode({ ...signed, name: 'x'.repeat(8_000_000) }, 'ERR_PROOF_SIGNATURE_INVALID');
  });

  it('many keys (150k) → ERR_LIMIT_EXCEEDED or handled', async () => {
    const wide: Doc = {};
    for (let i = 0; i < 150_000; i++) wide[`k${i}`] = i;
    const result = await verify({ ...signed, credentialSubject: wide }, { now: NOW });
    expect(result.verified).toBe(false);
  });

  it('__proto__ and constructor keys are plain data, verify when signed, and pollute nothing', async () => {
    const text = `{"@context":["${VC_V2_CONTEXT}"],"type":["VerifiableCredential"],"issuer":"${key.did}",
      "credentialSubject":{"id":"did:example:1","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}},
      "__proto__":{"isAdmin":true},"constructor":"x","prototype":"y"}`;
    const doc = JSON.parse(text);
    const signedDoc = await signCredential(doc, key);
    const roundTrip = JSON.parse(JSON.stringify(signedDoc));
    expect(Object.keys(roundTrip)).toContain('__proto__');
    const result = await verify(roundTrip);
    expect(result.errors).toEqual([]);
    expect(result.verified).toBe(true);
    expect(({} as Doc).polluted).toBeUndefined();
    expect(({} as Doc).isAdmin).toBeUndefined();
    // Changing the data under __proto__ breaks the signature, so it really is signed.
    roundTrip.credentialSubject.__proto__.polluted = false;
    expect((await verify(roundTrip)).verified).toBe(false);
    // A __proto__ key inside the proof is signed too.
    const proofProto = JSON.parse(JSON.stringify(signedDoc));
    Object.defineProperty(proofProto.proof, '__proto__', { value: { x: 1 }, enumerable: true, configurable: true, writable: true });
    expect((await verify(proofProto)).verified).toBe(false);
  });

  it('an object with a null prototype is accepted as plain data', async () => {
    const bare = Object.assign(Object.create(null), JSON.parse(JSON.stringify(signed)));
    expect((await verify(bare, { now: NOW })).verified).toBe(true);
  });

  it.each([
    ['a lone high surrogate in a value', (d: Doc) => ({ ...d, name: 'a\uD800b' })],
    ['a lone low surrogate in a value', (d: Doc) => ({ ...d, name: '\uDC00' })],
    ['a lone surrogate in a key', (d: Doc) => ({ ...d, credentialSubject: { id: 'did:example:x', '\uD83D': 1 } })],
    ['a lone surrogate in the proof', (d: Doc & { proof: Doc }) => ({ ...d, proof: { ...d.proof, nonce: '\uDFFF' } })],
  ])('%s → ERR_CANONICALIZATION_FAILED', async (_name, change) => {
    await expectCode(change(signed), 'ERR_CANONICALIZATION_FAILED');
  });

  it('signing refuses lone surrogates (no signature over ill-formed Unicode)', async () => {
    const { proof: _p, ...unsigned } = signed;
    await expect(signCredential({ ...unsigned, name: '\uD800' }, key)).rejects.toMatchObject({ code: 'ERR_CANONICALIZATION_FAILED' });
  });

  it('a caller mutating the credential while verification awaits does not change the outcome', async () => {
    const copy = JSON.parse(JSON.stringify(signed));
    const pending = verifyCredential(copy, { now: NOW });
    copy.credentialSubject.note = 'changed';
    copy.proof.proofValue = 'z1';
    expect((await pending).verified).toBe(true);
  });
});

// Hostile JavaScript objects (not JSON): snapshotJson turns them into results, never throws.
describe('hostile objects', () => {
  it('a proof field whose value cannot be turned into text (found by the fuzz below) → ERR_CRYPTOSUITE_NOT_ALLOWED', async () => {
    const hostile = { ...signed, proof: { ...(signed.proof as object), type: { toString: 0 } } };
    await expectCode(hostile, 'ERR_CRYPTOSUITE_NOT_ALLOWED');
  });

  it('an object with a throwing getter → verified:false', async () => {
    const hostile = { ...signed };
    Object.defineProperty(hostile, 'name', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect((await verify(hostile)).verified).toBe(false);
  });

  it('a Proxy whose traps throw → verified:false', async () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('trap');
        },
      },
    );
    expect((await verify(hostile)).verified).toBe(false);
  });

  it('a sparse array of length 5e6 counts against maxNodes → ERR_LIMIT_EXCEEDED', async () => {
    // Before the length check, length 2^32-1 took ~90 s to snapshot. JSON.parse never makes holes.
    await expectCode({ ...signed, evidence: new Array(5_000_000) }, 'ERR_LIMIT_EXCEEDED');
  });
});

describe('options mistakes throw TypeError', () => {
  it.each([
    ['now: "yesterday"', { now: 'yesterday' }],
    ['now: a number', { now: Date.now() }],
    ['now: an invalid Date', { now: new Date('nope') }],
    ['clockTolerance: -1', { clockTolerance: -1 }],
    ['clockTolerance: NaN', { clockTolerance: Number.NaN }],
    ['clockTolerance: Infinity', { clockTolerance: Number.POSITIVE_INFINITY }],
    ['clockTolerance: "60"', { clockTolerance: '60' }],
    ['options: null', null],
    ['options: a string', 'strict'],
  ])('%s', async (_name, options) => {
    await expect(verifyCredential(signed, options as never)).rejects.toThrow(TypeError);
  });
});

describe('fuzz', () => {
  it('fc.anything() never throws', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.anything({
          withBigInt: true,
          withDate: true,
          withMap: true,
          withSet: true,
          withTypedArray: true,
          withSparseArray: true,
          withNullPrototype: true,
          withBoxedValues: true,
          withObjectString: true,
        }),
        async (input) => {
          const result = await verify(input);
          expect(result.verified).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('fc.jsonValue() never throws, alone or spliced into a signed credential', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.jsonValue({ stringUnit: 'binary' }),
        fc.constantFrom('proof', 'credentialSubject', 'issuer', '@context', 'type', 'validFrom', 'extra'),
        async (value, field) => {
          expect((await verify(value)).verified).toBe(false);
          const spliced = await verify({ ...signed, [field]: value }, { now: NOW });
          expect(spliced.verified).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('random strings (including lone surrogates) in any proof field never throw', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('type', 'cryptosuite', 'verificationMethod', 'proofPurpose', 'proofValue', 'created', '@context', 'challenge'),
        fc.oneof(fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }), fc.jsonValue()),
        async (field, value) => {
          const result = await verify(withProofField(field, value), { now: NOW });
          expect(result.verified).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('long multibase values are refused before decoding (base58 decoding is quadratic)', () => {
  // Without the bound, a 50 kB value took several seconds; with it, the refusal is immediate.
  // (No timing assertion: the codes show the length check ran before any decoding.)
  const long = `z${'2'.repeat(200_000)}`;
  it('a 200 kB proofValue → ERR_MULTIBASE_INVALID', async () => {
    await expectCode(withProofField('proofValue', long), 'ERR_MULTIBASE_INVALID');
  });

  it('a 200 kB did:key verificationMethod → ERR_MULTIBASE_INVALID', async () => {
    await expectCode(withProofField('verificationMethod', `did:key:${long}`), 'ERR_MULTIBASE_INVALID');
  });

  it('a 200 kB did:key issuer with a valid proof → not verified', async () => {
    const result = await verify({ ...signed, issuer: `did:key:${long}` }, { now: NOW });
    expect(result.verified).toBe(false);
  });
});
