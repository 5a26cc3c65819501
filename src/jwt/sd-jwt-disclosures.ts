// Strict SD-JWT disclosure processing (RFC 9901 §7.1, steps 3–6, and §7.3 sd_hash). The
// library we use for SD-JWT drops a disclosure whose digest is not in the signed payload instead
// of rejecting the presentation, which lets anyone append an unsigned "disclosure", edit a
// disclosed value, or repeat one. Every disclosure is therefore checked here before the library
// sees the presentation: each must be well formed, and its digest must appear exactly once in
// the issuer-signed payload (directly, or inside another disclosure's value); no digest may
// appear twice; no disclosure may be repeated; none may be left over.
import { sha256 } from '@noble/hashes/sha2.js';
import { fromBase64url, toBase64url, utf8 } from '../internal/bytes.js';
import { isPlainObject } from '../internal/json.js';

/** Deepest nesting of the payload and disclosed values walked (as the JSON limits elsewhere). */
const MAX_DEPTH = 64;

/** The RFC's digest of a disclosure, or of the SD-JWT for `sd_hash`: base64url(SHA-256(ASCII)). */
export function sdDigest(text: string): string {
  return toBase64url(sha256(utf8(text)));
}

type Disclosure = { digest: string; name?: string; value: unknown; used: boolean };

function parseDisclosure(text: string): Disclosure | string {
  if (text === '' || !/^[A-Za-z0-9_-]+$/.test(text)) return 'a disclosure is empty or not base64url';
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fromBase64url(text)));
  } catch {
    return 'a disclosure is not base64url-encoded JSON';
  }
  if (!Array.isArray(value) || typeof value[0] !== 'string') return 'a disclosure is not an array starting with a salt';
  if (value.length === 3) {
    const name = value[1];
    if (typeof name !== 'string') return 'a disclosure names its claim with something that is not a string';
    // §4.2.1: these names are reserved; a disclosure carrying one would rewrite the machinery.
    if (name === '_sd' || name === '...') return `a disclosure uses the reserved claim name "${name}"`;
    return { digest: sdDigest(text), name, value: value[2], used: false };
  }
  if (value.length === 2) return { digest: sdDigest(text), value: value[1], used: false };
  return 'a disclosure has neither 2 nor 3 elements';
}

/**
 * Checks the disclosures of an SD-JWT against its issuer-signed payload, as RFC 9901 §7.1
 * requires. Returns the first problem in plain words, or undefined when every disclosure is
 * referenced exactly once and nothing is repeated. Never throws.
 *
 * @example
 * ```ts
 * const problem = checkDisclosures(payload, presentation.split('~').slice(1, -1));
 * if (problem) console.log(`refused: ${problem}`);
 * ```
 */
export function checkDisclosures(payload: Record<string, unknown>, disclosureTexts: readonly string[]): string | undefined {
  if (payload._sd_alg !== undefined && payload._sd_alg !== 'sha-256') return `the digest algorithm "${String(payload._sd_alg)}" is not supported`;
  const byDigest = new Map<string, Disclosure>();
  for (const text of disclosureTexts) {
    const d = parseDisclosure(text);
    if (typeof d === 'string') return d;
    // Step 5/6: the same disclosure twice (same digest) is refused, not collapsed.
    if (byDigest.has(d.digest)) return 'a disclosure is repeated';
    byDigest.set(d.digest, d);
  }
  const seen = new Set<string>();
  /** Marks one digest found in the payload; returns a problem or the disclosure it names. */
  const reference = (digest: unknown): string | Disclosure | undefined => {
    if (typeof digest !== 'string') return 'a digest in the payload is not a string';
    if (seen.has(digest)) return 'a digest appears more than once in the payload';
    seen.add(digest);
    const d = byDigest.get(digest);
    if (d) d.used = true;
    return d;
  };
  const visit = (value: unknown, depth: number): string | undefined => {
    if (depth > MAX_DEPTH) return 'the payload is nested too deeply';
    if (Array.isArray(value)) {
      for (const item of value) {
        if (isPlainObject(item) && Object.hasOwn(item, '...')) {
          if (Object.keys(item).length !== 1) return 'an array element digest object carries other keys';
          const d = reference(item['...']);
          if (typeof d === 'string') return d;
          if (d) {
            if (d.name !== undefined) return 'an object-property disclosure is referenced as an array element';
            const problem = visit(d.value, depth + 1);
            if (problem) return problem;
          }
        } else {
          const problem = visit(item, depth + 1);
          if (problem) return problem;
        }
      }
      return undefined;
    }
    if (!isPlainObject(value)) return undefined;
    for (const [key, child] of Object.entries(value)) {
      if (key === '_sd') continue;
      const problem = visit(child, depth + 1);
      if (problem) return problem;
    }
    if (value._sd === undefined) return undefined;
    if (!Array.isArray(value._sd)) return 'an "_sd" value is not an array';
    const names = new Set(Object.keys(value));
    for (const digest of value._sd) {
      const d = reference(digest);
      if (typeof d === 'string') return d;
      if (!d) continue; // a decoy digest, or a claim the holder did not disclose
      if (d.name === undefined) return 'an array-element disclosure is referenced as an object property';
      // Step 4: a disclosed claim must not overwrite one already present at that level.
      if (names.has(d.name)) return `the disclosed claim "${d.name}" already exists in the payload`;
      names.add(d.name);
      const problem = visit(d.value, depth + 1);
      if (problem) return problem;
    }
    return undefined;
  };
  const problem = visit(payload, 1);
  if (problem) return problem;
  for (const d of byDigest.values()) if (!d.used) return 'a disclosure is not one the issuer signed (its digest is not in the payload)';
  return undefined;
}
