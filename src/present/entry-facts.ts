// What the sharing area needs to know about an entry: its kind, its sensitivity class, its
// content id, and its plain-English description. Kept in one file so the rest of the area does
// not depend on how the entries and passport areas spell these.
import { describe } from '../entries/describe.js';
import { isEntryKind, KIND_SENSITIVITY } from '../entries/kinds/index.js';
import { isPlainObject } from '../internal/json.js';
import { entryId } from '../entries/entry-id.js';

/** Sensitivity classes : Neutral, Education-continuity, Custody-context, Special category. */
export type SensitivityClass = 'N' | 'E' | 'C' | 'S';


/** The kind of an entry: `credentialSubject.learningPassport.kind`, else 'external'. */
export function kindOfEntry(entry: unknown): string {
  if (!isPlainObject(entry)) return 'external';
  const subject = entry.credentialSubject;
  const lp = isPlainObject(subject) ? subject.learningPassport : undefined;
  return isPlainObject(lp) && typeof lp.kind === 'string' ? lp.kind : 'external';
}

/** The default sensitivity class of a kind (unknown kinds count as custody-context, to be safe). */
export function sensitivityOfKind(kind: string): SensitivityClass {
  // External credentials (other systems) are neutral by default; the linter still reads them.
  if (kind === 'external') return 'N';
  return isEntryKind(kind) ? KIND_SENSITIVITY[kind] : 'C';
}

/** The credential `id` of an entry, when it has one. */
export function credentialIdOf(entry: unknown): string | undefined {
  return isPlainObject(entry) && typeof entry.id === 'string' ? entry.id : undefined;
}

/** The content id (CID) of an entry, or undefined when it cannot be computed. */
export function contentIdOf(entry: unknown): string | undefined {
  if (!isPlainObject(entry)) return undefined;
  try {
    return entryId(entry);
  } catch {
    return undefined; // not canonicalizable (lone surrogates): it has no content id
  }
}

/** A short plain-English description of an entry (the entries area's describe()). */
export function describeEntry(entry: unknown): string {
  return describe(entry);
}
