// What the sharing area needs to know about an entry beyond the credential reader
// (entries/read-credential): its sensitivity class and its content id.
// The kind table compiled from the kind definitions, not the definitions themselves: this file
// is on the presentation verifier's path, which must not load zod.
import { KIND_TABLE } from '../entries/compiled/entry-validators.js';
import { isEntryKind } from '../entries/kinds/names.js';
import { isPlainObject } from '../internal/json.js';
import { entryId } from '../entries/entry-id.js';

/** Sensitivity classes: Neutral, Education-continuity, Custody-context, Special category. */
export type SensitivityClass = 'N' | 'E' | 'C' | 'S';

/** The default sensitivity class of a kind (unknown kinds count as custody-context, to be safe). */
export function sensitivityOfKind(kind: string): SensitivityClass {
  // External credentials (other systems) are neutral by default; the linter still reads them.
  if (kind === 'external') return 'N';
  return isEntryKind(kind) ? KIND_TABLE[kind].sensitivity : 'C';
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
