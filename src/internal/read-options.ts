// Internal: the one way a public verifier reads its options object.

/**
 * Reads a caller's options once into a plain object of the same own properties, with every list
 * that is not frozen copied (a frozen list cannot change, and keeps its identity: verifyPassport
 * shares one prepared trust context across entries by it). So a getter, a proxy or a list that
 * changes between reads cannot make two checks disagree, and an options object whose getter or
 * proxy throws gives one TypeError in every verifier (a caller mistake), never the caller's own
 * error from somewhere deep inside a check. Objects such as a trust policy or context keep their
 * identity: they are brands this library checks itself.
 *
 * @param options - what the caller passed (undefined means no options)
 * @param name - the parameter's name, for the message
 * @throws {TypeError} when `options` is not an object, or reading it threw
 * @example
 * ```ts
 * const read = readOptions(options); // { policy, statusLists: [...copied] }
 * ```
 */
export function readOptions<T extends object>(options: T | undefined, name = 'options'): T {
  if (options === undefined) return {} as T;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) throw new TypeError(`"${name}" must be an object`);
  const copy: Record<string, unknown> = {};
  try {
    for (const key of Object.keys(options)) {
      const value: unknown = (options as Record<string, unknown>)[key];
      // defineProperty: an own "__proto__" option must stay an (ignored) option, not a prototype.
      Object.defineProperty(copy, key, {
        value: Array.isArray(value) && !Object.isFrozen(value) ? Array.from(value as unknown[]) : value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  } catch {
    throw new TypeError(`"${name}" could not be read: a getter or proxy in it threw`);
  }
  return copy as T;
}
