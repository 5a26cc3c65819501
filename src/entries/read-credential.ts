// The one way to read a credential: its subject, kind, issuer and learning-passport fields.
// Credentials are untrusted JSON, so every read is defensive and none throws. Before this module
// the passport, sharing and trust areas each read these by hand and disagreed on array subjects
// and unknown kinds; every area now asks here.
import { isPlainObject } from '../internal/json.js';
import { isEntryKind, type EntryKind } from './kinds/names.js';

/** The longest issuer name passed on (a name is shown to people, never parsed). */
const MAX_NAME_LENGTH = 300;

/**
 * The subject a credential is about: `credentialSubject`, or its first element when it is a
 * list. Undefined when that is not an object.
 *
 * @example
 * ```ts
 * subjectOf(entry)?.id; // 'did:key:z6Mk…' (the holder)
 * ```
 */
export function subjectOf(credential: unknown): Record<string, unknown> | undefined {
  if (!isPlainObject(credential)) return undefined;
  const value = credential.credentialSubject;
  const subject = Array.isArray(value) ? value[0] : value;
  return isPlainObject(subject) ? subject : undefined;
}

/**
 * The learning-passport fields of an entry (`credentialSubject.learningPassport`, read from the
 * subject {@link subjectOf} returns), or undefined for a credential from another system.
 *
 * @example
 * ```ts
 * learningPassportOf(entry)?.kind; // 'qualification'
 * ```
 */
export function learningPassportOf(credential: unknown): Record<string, unknown> | undefined {
  const lp = subjectOf(credential)?.learningPassport;
  return isPlainObject(lp) ? lp : undefined;
}

/**
 * The kind of a credential, the one definition every area uses:
 * - a known kind when its subject's `learningPassport.kind` names one;
 * - `'unknown'` when it carries `learningPassport` but the kind is missing or not recognised,
 *   or when a subject other than the first carries it (an entry has exactly one subject);
 * - `'external'` for a credential without `learningPassport` (one from another system).
 *
 * Never throws.
 *
 * @example
 * ```ts
 * entryKindOf(entry); // 'qualification'
 * entryKindOf(someOpenBadge); // 'external'
 * ```
 */
export function entryKindOf(credential: unknown): EntryKind | 'external' | 'unknown' {
  try {
    return kindOf(credential);
  } catch {
    return 'unknown'; // a getter or proxy that throws: not a plain JSON credential
  }
}

function kindOf(credential: unknown): EntryKind | 'external' | 'unknown' {
  if (!isPlainObject(credential)) return 'external';
  const value = credential.credentialSubject;
  const subjects: unknown[] = Array.isArray(value) ? value : [value];
  const first = subjects[0];
  if (isPlainObject(first) && first.learningPassport !== undefined) {
    const lp = first.learningPassport;
    return isPlainObject(lp) && isEntryKind(lp.kind) ? lp.kind : 'unknown';
  }
  // learningPassport on a later subject: the credential claims to be an entry, in a shape no
  // entry has; calling it 'external' would let it pass as a neutral credential from elsewhere.
  for (let i = 1; i < subjects.length; i++) {
    const s = subjects[i];
    if (isPlainObject(s) && s.learningPassport !== undefined) return 'unknown';
  }
  return 'external';
}

/**
 * The issuer's id: `issuer` when it is a string, else `issuer.id`.
 *
 * @example
 * ```ts
 * issuerIdOf(entry); // 'did:key:z6Mk…'
 * ```
 */
export function issuerIdOf(credential: unknown): string | undefined {
  if (!isPlainObject(credential)) return undefined;
  const issuer = credential.issuer;
  if (typeof issuer === 'string') return issuer;
  return isPlainObject(issuer) && typeof issuer.id === 'string' ? issuer.id : undefined;
}

/**
 * The issuer's name as the credential states it: its neutral `displayName` when it has one,
 * else its `name`; trimmed, at most 300 characters, undefined when neither is a non-empty string.
 *
 * @example
 * ```ts
 * issuerNameOf(entry); // 'Northfield Learning Centre'
 * ```
 */
export function issuerNameOf(credential: unknown): string | undefined {
  if (!isPlainObject(credential) || !isPlainObject(credential.issuer)) return undefined;
  return text(credential.issuer.displayName) ?? text(credential.issuer.name);
}

/**
 * The credential's `id`, when it is a string.
 *
 * @example
 * ```ts
 * credentialIdOf(entry); // 'urn:uuid:…'
 * ```
 */
export function credentialIdOf(credential: unknown): string | undefined {
  return isPlainObject(credential) && typeof credential.id === 'string' ? credential.id : undefined;
}

function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed.slice(0, MAX_NAME_LENGTH);
}
