// Helpers for handling untrusted JSON values safely.

/** A JSON value as produced by JSON.parse. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
/** A JSON object. */
export type JsonObject = { [key: string]: JsonValue };

/** True for a plain object (not null, not an array, not a class instance). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  // A revoked proxy, or one whose traps throw, is not plain data: false, never a raw error.
  try {
    if (Array.isArray(value)) return false;
    const proto = Object.getPrototypeOf(value);
    return proto === Object.prototype || proto === null;
  } catch {
    return false;
  }
}

/** Limits applied to every untrusted JSON value before it is processed. */
export const JSON_LIMITS = {
  /** Deepest nesting of arrays and objects. */
  maxDepth: 64,
  /** Most values (every object, array and scalar) counted across the document. */
  maxNodes: 200_000,
} as const;

// Deep-frozen plain-JSON copies made by this library (snapshots that were then frozen, such as
// the entries held inside a passport). Copying them again would change nothing: they cannot be
// mutated, so snapshotJson returns them as they are.
const frozenSnapshots = new WeakSet<object>();

/** Marks a deep-frozen value that came out of {@link snapshotJson}, so later snapshots are free. */
export function markFrozenSnapshot(value: object): void {
  frozenSnapshots.add(value);
}

/**
 * Deep-freezes a plain JSON value that this thread alone holds and marks it as a snapshot: a
 * structured clone of items the library sealed, just received from another thread (verifyPassport's
 * workers), which would otherwise be copied again by every snapshot taken while verifying it.
 * Never for values a caller handed in: only a sealed item's clone is known to be plain JSON.
 */
export function adoptSealedClone(value: object): void {
  const freeze = (v: unknown): void => {
    if (typeof v !== 'object' || v === null || Object.isFrozen(v)) return;
    Object.freeze(v);
    if (Array.isArray(v)) for (const item of v) freeze(item);
    else for (const key of Object.keys(v)) freeze((v as Record<string, unknown>)[key]);
  };
  freeze(value);
  frozenSnapshots.add(value);
}

/**
 * Deep-copies a JSON-compatible value into fresh plain objects with null-free prototypes,
 * refusing anything that is not JSON (functions, class instances, cycles, non-finite numbers)
 * and anything deeper or larger than {@link JSON_LIMITS}. Returns `undefined` with a reason when
 * the value is not acceptable, so callers can turn that into a coded result.
 *
 * Copying before any `await` means later mutation by the caller cannot change what was checked.
 * Keys such as `__proto__` are copied as own data properties, never as prototypes.
 */
export function snapshotJson(
  value: unknown,
  limits: { maxDepth: number; maxNodes: number } = JSON_LIMITS,
  options: SnapshotOptions = {},
): { ok: true; value: JsonValue } | { ok: false; reason: string; limit: boolean } {
  if (typeof value === 'object' && value !== null && frozenSnapshots.has(value)) return { ok: true, value: value as JsonValue };
  const { sortKeys = false, owned = false } = options;
  let nodes = 0;
  const seen = new Set<object>();
  const fail = (reason: string, limit = false): never => {
    throw new SnapshotFailure(reason, limit);
  };
  const copy = (v: unknown, depth: number): JsonValue => {
    if (++nodes > limits.maxNodes) fail(`more than ${limits.maxNodes} values`, true);
    if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
    if (typeof v === 'number') return Number.isFinite(v) ? v : fail('a number that is not finite');
    if (typeof v !== 'object') return fail(`a value of type ${typeof v}`);
    if (depth >= limits.maxDepth) fail(`nesting deeper than ${limits.maxDepth}`, true);
    if (seen.has(v)) fail('a circular reference');
    seen.add(v);
    let out: JsonValue;
    if (Array.isArray(v)) {
      // Check the length before touching the items: a sparse array can claim 2^32 - 1 of them.
      if (nodes + v.length > limits.maxNodes) fail(`more than ${limits.maxNodes} values`, true);
      if (owned) {
        // A fresh array from JSON.parse: items are checked (and replaced where reordered) in place.
        for (let i = 0; i < v.length; i++) {
          if (!(i in v)) fail('an array with holes');
          const item = copy(v[i], depth + 1);
          if (item !== v[i]) v[i] = item;
        }
        out = v as JsonValue[];
      } else {
        const items: JsonValue[] = [];
        for (let i = 0; i < v.length; i++) {
          if (!(i in v)) fail('an array with holes');
          items.push(copy(v[i], depth + 1));
        }
        out = items;
      }
    } else if (isPlainObject(v)) {
      const keys = Object.keys(v);
      if (sortKeys && !isSorted(keys)) keys.sort();
      else if (owned) {
        // Already in order (a file this library wrote): the object itself is the snapshot.
        for (const key of keys) {
          const item = copy(v[key], depth + 1);
          if (item !== v[key]) Object.defineProperty(v, key, { value: item, enumerable: true, writable: true, configurable: true });
        }
        seen.delete(v);
        return v as JsonObject;
      }
      const obj: JsonObject = {};
      for (const key of keys) {
        const item = copy(v[key], depth + 1);
        // A plain store keeps the copy a fast-properties object; only "__proto__" needs
        // defineProperty (a store would set the copy's prototype instead of a member).
        if (key === '__proto__') Object.defineProperty(obj, key, { value: item, enumerable: true, writable: true, configurable: true });
        else obj[key] = item;
      }
      out = obj;
    } else {
      out = fail('an object that is not plain JSON');
    }
    seen.delete(v);
    return out;
  };
  try {
    return { ok: true, value: copy(value, 0) };
  } catch (err) {
    if (err instanceof SnapshotFailure) return { ok: false, reason: err.message, limit: err.limit };
    if (err instanceof RangeError) return { ok: false, reason: 'nesting too deep', limit: true };
    // Getters, proxies and other exotic objects can throw anything while being read: whatever
    // they throw, the value is not plain JSON.
    return { ok: false, reason: 'a value that could not be read as JSON', limit: false };
  }
}

/** How {@link snapshotJson} copies. */
export interface SnapshotOptions {
  /**
   * Insert every object's keys in UTF-16 code unit order (the order JCS and passport files use),
   * so the copy can be written with plain JSON.stringify and gives the same text.
   */
  sortKeys?: boolean;
  /**
   * The value is a fresh tree from JSON.parse that nobody else holds: objects already in the
   * wanted order are checked and kept instead of copied (reading a 100,000-entry file would
   * otherwise build every object twice). Never for values a caller handed in.
   */
  owned?: boolean;
}

/** True when the keys are in UTF-16 code unit order (the order Array.prototype.sort gives). */
function isSorted(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++) if (keys[i - 1]! > keys[i]!) return false;
  return true;
}

class SnapshotFailure extends Error {
  constructor(
    message: string,
    readonly limit: boolean,
  ) {
    super(message);
  }
}

/**
 * Parses JSON text into a value whose objects are safe from prototype pollution: `__proto__`
 * keys become ordinary own properties (JSON.parse already does this; the reviver keeps it so).
 * Throws SyntaxError on bad JSON.
 */
export function parseJson(text: string): unknown {
  return JSON.parse(text);
}

/**
 * A short, safe rendering of an untrusted value for messages. `String(value)` can throw (an
 * object whose `toString` is not a function) or run code (a getter); this never does.
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return value.length > 80 ? `${value.slice(0, 80)}…` : value;
  if (value === null || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'undefined') return `${value}`;
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}
