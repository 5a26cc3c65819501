// Hostile inputs shared by the hardening tests: fast-check arbitraries for malformed values,
// Unicode edge cases, numbers JCS treats specially, prototype-pollution keys and deep nesting.
import fc from 'fast-check';
import { expect } from 'vitest';
import { ERROR_CODES, PassportError } from '../../src/index.js';

/** Strings that break naive Unicode handling. */
export const UNICODE_EDGES = [
  '\uD800', // lone high surrogate
  '\uDFFF', // lone low surrogate
  'a\uDC00b',
  '\uFEFF', // BOM
  '\uFEFFdid:key:z6Mk',
  '\u0000', // NUL
  'x\u0000y',
  '\u202Eevil\u202C', // RTL override
  '\u200F\u200E', // RTL / LTR marks
  'e\u0301', // combining acute (non-NFC)
  '\u00E9', // precomposed (NFC)
  'A\u030A\u0301\u0302\u0303\u0304\u0305', // stacked combining marks
  '\uFFFF\uFFFE',
  '\u{1F393}', // astral
  '\u2028\u2029', // line / paragraph separators
  '',
  ' ',
];

/** Numbers JCS (ES6 number serialisation) treats specially. */
export const JCS_NUMBERS = [-0, 1e21, 1e-7, 5e-324, 2 ** 53 + 1, 2 ** 53, 0.1 + 0.2, -1e21, 1.7976931348623157e308, 4.35, 0.000001, 123456789012345680000];

/** Keys that would pollute prototypes if assigned naively. */
export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

/** A JSON text whose objects carry __proto__ / constructor / prototype keys at several levels. */
export function pollutingJsonText(extra = ''): string {
  return `{"__proto__":{"polluted":1,"isAdmin":true},"constructor":{"prototype":{"polluted":1}},"prototype":{"polluted":1},"nested":[{"__proto__":{"polluted":1}}]${extra}}`;
}

/** JSON text nested `levels` deep (arrays and objects alternating), never recursed to build. */
export function deepJsonText(levels: number): string {
  const half = Math.floor(levels / 2);
  return `${'{"a":['.repeat(half)}1${']}'.repeat(half)}`;
}

/** A value nested `levels` deep, built iteratively. */
export function deepValue(levels: number): unknown {
  let inner: unknown = 'bottom';
  for (let i = 0; i < levels; i++) inner = i % 2 ? { a: inner } : [inner];
  return inner;
}

const edgeString = fc.oneof(
  fc.constantFrom(...UNICODE_EDGES),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)) }),
  fc.constantFrom(...PROTO_KEYS),
  fc.constantFrom('did:key:z6Mk', 'did:key:', 'urn:uuid:x', 'LP1:', 'bagaaiera', 'z', 'u', 'eyJhbGciOiJub25lIn0'),
);
const edgeNumber = fc.oneof(fc.constantFrom(...JCS_NUMBERS), fc.double(), fc.integer(), fc.constantFrom(Number.NaN, Infinity, -Infinity));

/** A JSON-ish value seeded with every kind of edge case (including non-JSON numbers). */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    edgeString,
    edgeNumber,
    fc.constantFrom(null, true, false, undefined),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.oneof(edgeString, fc.constantFrom(...PROTO_KEYS)), tie('value'), { maxKeys: 5 }),
    fc.anything({
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withTypedArray: true,
      withSparseArray: true,
      withNullPrototype: true,
      withBoxedValues: true,
    }),
  ),
})).value;

/** Plain JSON values only (what JSON.parse could produce), with Unicode edges and proto keys. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    edgeString,
    fc.constantFrom(...JCS_NUMBERS),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(null, true, false),
    fc.array(tie('value'), { maxLength: 5 }),
    // Built through JSON.parse so __proto__ becomes an own data key, as from the wire.
    fc.dictionary(fc.oneof(edgeString, fc.constantFrom(...PROTO_KEYS)), tie('value'), { maxKeys: 5 }).map((o) => {
      const text = `{${Object.keys(o)
        .map((k) => `${JSON.stringify(k)}:${JSON.stringify((o as Record<string, unknown>)[k]) ?? 'null'}`)
        .join(',')}}`;
      return JSON.parse(text);
    }),
  ),
})).value;

/** Text inputs: random strings, JSON of hostile values, and truncations of valid JSON. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.constantFrom(...UNICODE_EDGES),
  hostileJson.map((v) => JSON.stringify(v) ?? 'null'),
  fc.constantFrom('{', '[', '"', '{"a":', 'null', '[]', '{}', '1e999', '-0', '\uFEFF{}', pollutingJsonText()),
);

/** Asserts an error is an allowed one: a PassportError with a known code (from `codes` when given) or a TypeError. */
export function expectAllowedError(err: unknown, codes?: readonly string[], allowTypeError = true): void {
  if (err instanceof PassportError) {
    expect(ERROR_CODES).toContain(err.code);
    if (codes) expect(codes).toContain(err.code);
    expect(typeof err.message).toBe('string');
    return;
  }
  if (allowTypeError && err instanceof TypeError) return;
  throw new Error(`unexpected error: ${String((err as Error)?.stack ?? err)}`);
}

/** Runs `fn`; a thrown error must be allowed by {@link expectAllowedError}. */
export async function throwsOnlyAllowed(fn: () => unknown, codes?: readonly string[], allowTypeError = true): Promise<unknown> {
  try {
    return await fn();
  } catch (err) {
    expectAllowedError(err, codes, allowTypeError);
    return undefined;
  }
}

/** Checks a VerificationResult-shaped value: plain, serialisable, coded errors, verified:false. */
export function expectFailedResult(result: { verified: boolean; errors: { code: string }[]; summary?: unknown }): void {
  expect(result.verified).toBe(false);
  expect(result.errors.length).toBeGreaterThan(0);
  for (const e of result.errors) expect(ERROR_CODES).toContain(e.code);
  expect(() => JSON.stringify(result)).not.toThrow();
}

/** Object.prototype has none of the keys our payloads try to plant. */
export function expectPrototypesClean(): void {
  const probe = {} as Record<string, unknown>;
  expect(probe.polluted).toBeUndefined();
  expect(probe.isAdmin).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(OBJECT_PROTO_NAMES);
  expect(Object.getOwnPropertyNames(Array.prototype).sort()).toEqual(ARRAY_PROTO_NAMES);
  expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
  expect((Object.create(null) as Record<string, unknown>).polluted).toBeUndefined();
}
const OBJECT_PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();
const ARRAY_PROTO_NAMES = Object.getOwnPropertyNames(Array.prototype).sort();
