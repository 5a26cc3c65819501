// The runtime the compiled entry validators are composed of (src/entries/compiled/runtime.ts):
// what its speed-ups must not change. The path is one array the containers extend and restore,
// strict objects remember the last clean list of property names, and object() calls an optional
// property's validator directly; compiled-validators.test.ts checks the composed validators
// against zod.
import { describe, expect, it } from 'vitest';
import { list, literal, maxItems, minLength, object, optional, text, tuple, union, validator, type Issue } from '../../src/entries/compiled/runtime.js';

const check = validator(
  object({ a: list(object({ b: text(minLength(1)), c: optional(literal('x')) }, { strict: true }), maxItems(5)), t: tuple([literal(1)], text()) }),
);

function issues(value: unknown, p: (string | number)[] = [], k?: string | number): Issue[] {
  const out: Issue[] = [];
  check(value, p, k, out);
  return out;
}

describe('compiled validator runtime', () => {
  it('reports full paths, leaves the caller’s path as it was, and gives every issue a path of its own', () => {
    const p = ['root'];
    const found = issues({ a: [{ b: '' }, { b: 'ok' }, { b: 7 }], t: [1, 'x', 2] }, p, 'doc');
    expect(found).toEqual([
      { path: ['root', 'doc', 'a', 0, 'b'], message: 'must not be empty' },
      { path: ['root', 'doc', 'a', 2, 'b'], message: 'must be text' },
      { path: ['root', 'doc', 't', 2], message: 'must be text' },
    ]);
    expect(p).toEqual(['root']);
    found[0]!.path.push('changed');
    expect(found[1]!.path).toEqual(['root', 'doc', 'a', 2, 'b']);
  });

  it('reports an unknown property after a clean object with as many properties (the remembered names are compared, not counted)', () => {
    expect(issues({ a: [{ b: 'ok', c: 'x' }], t: [1] })).toEqual([]);
    expect(issues({ a: [{ b: 'ok', d: 'x' }], t: [1] })).toEqual([{ path: ['a', 0, 'd'], message: 'is not allowed here (unknown property)' }]);
    expect(issues({ a: [{ c: 'x', b: 'ok' }], t: [1] })).toEqual([]);
    expect(issues({ a: [{ b: 'ok', c: 'x' }], t: [1] })).toEqual([]);
  });

  it('skips an absent optional property and checks a present one', () => {
    expect(issues({ a: [{ b: 'ok' }], t: [1] })).toEqual([]);
    expect(issues({ a: [{ b: 'ok', c: 'y' }], t: [1] })).toEqual([{ path: ['a', 0, 'c'], message: 'must be "x"' }]);
    expect(issues({ a: [{ b: 'ok', c: undefined }], t: [1] })).toEqual([]);
  });

  it('keeps the path right after a list too long, a union and a missing value', () => {
    const pick = validator(object({ u: union(text(minLength(2)), list(text(), maxItems(1))), v: text() }));
    const out: Issue[] = [];
    pick({ u: 'a' }, [], undefined, out);
    expect(out).toEqual([
      { path: ['u'], message: 'must be at least 2 characters' },
      { path: ['v'], message: 'is required' },
    ]);
    const long: Issue[] = [];
    check({ a: Array.from({ length: 6 }, () => ({ b: '' })), t: [2] }, [], undefined, long);
    expect(long).toEqual([
      { path: ['a'], message: 'must have at most 5 items' },
      { path: ['t', 0], message: 'must be 1' },
    ]);
  });
});
