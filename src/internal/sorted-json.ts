// JCS (RFC 8785) for the common case, natively. JCS serializes like ECMAScript JSON.stringify
// except that object keys are sorted by UTF-16 code units and strings must be well-formed Unicode.
// The items a passport holds are sealed with their keys already in that order (and proofs and
// documents taken from them keep it), so for them one native JSON.stringify writes exactly the
// JCS text, several times faster than a general canonicalizer that sorts and writes every key in
// JavaScript. This checks that the value is such plain, sorted, well-formed JSON first; for
// anything else it answers undefined and the caller uses the general canonicalizer.

/** Deeper values are left to the general canonicalizer (it needs no call stack for depth). */
const MAX_DEPTH = 100;

function sortedPlain(value: unknown, depth: number): boolean {
  if (value === null) return true;
  switch (typeof value) {
    case 'string':
      return value.isWellFormed();
    case 'number':
      return Number.isFinite(value);
    case 'boolean':
      return true;
    case 'object':
      break;
    default:
      return false;
  }
  if (depth > MAX_DEPTH) return false;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return false;
    for (let i = 0; i < value.length; i++) if (!(i in value) || !sortedPlain(value[i], depth + 1)) return false;
    return true;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  // Object.keys lists integer-like keys first in numeric order: such an object is "unsorted" here
  // unless that order is also the code-unit order, and goes to the general canonicalizer.
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if ((i > 0 && !(keys[i - 1]! < key)) || !key.isWellFormed()) return false;
    if (!sortedPlain((value as Record<string, unknown>)[key], depth + 1)) return false;
  }
  return true;
}

/**
 * The JCS text of `value` when it is plain JSON (plain objects and arrays, finite numbers,
 * well-formed strings) whose object keys are all in code-unit order already; undefined otherwise.
 * Plain JSON.stringify then gives exactly the JCS text: it writes keys in Object.keys order, and
 * numbers and strings as JCS does.
 */
export function sortedJsonText(value: unknown): string | undefined {
  // A toJSON method on the shared prototypes would be called by JSON.stringify alone.
  if ('toJSON' in Object.prototype || 'toJSON' in Array.prototype) return undefined;
  try {
    return typeof value === 'object' && value !== null && sortedPlain(value, 0) ? JSON.stringify(value) : undefined;
  } catch {
    // A getter or a proxy that throws: the general canonicalizer reports it.
    return undefined;
  }
}
