// Choosing what goes into a presentation for an audience (privacy feature P2). The rules are
// deliberately simple so a holder can predict them:
//   employer:  N and E entries; C and S left out; entries the linter finds custody-revealing
//              (severity high, including an issuer with a custody role) left out.
//   education: N and E entries; C and S left out.
//   justice:   N, E and C entries; S left out.
// Anything left out can be put back by the holder, by naming it in `include` (CID or id).
import { isPlainObject, snapshotJson } from '../internal/json.js';
import { credentialIdOf, entryKindOf, subjectOf } from '../entries/read-credential.js';
import { contentIdOf, sensitivityOfKind, type SensitivityClass } from './entry-facts.js';
import { lintDisclosure, type DisclosureWarning, type LintDisclosureOptions } from './lint-disclosure.js';
import { assertSelectionOptions, type Audience } from './presentation-rules.js';

/** Why an entry was left out. */
export type ExclusionReason = 'custody-context' | 'custody-revealing' | 'special-category' | 'other-holder' | 'not-an-entry';

/** An entry left out of a presentation. */
export interface ExcludedEntry {
  /** Content id (CID) when known. */
  entryId?: string;
  /** The credential id (`urn:uuid:…`) when present. */
  id?: string;
  kind: string;
  reason: ExclusionReason;
  /** Plain English, for the holder. */
  message: string;
}

/** Options of {@link selectEntries}. */
export interface SelectEntriesOptions {
  audience: Audience;
  /** CIDs or credential ids the holder chooses to include although they would be left out. */
  include?: readonly string[];
  /** The holder's DID; entries bound to another DID are left out. */
  holder?: string;
  /** Passed to the linter (issuer roles, custody-associated issuers, private periods). */
  lint?: LintDisclosureOptions;
  /**
   * Accreditations (for example the passport's): the linter reads their roles beside any in
   * `lint`, so for an employer an entry signed under a custody role is left out.
   */
  accreditations?: readonly unknown[];
}

/** What {@link selectEntries} returns. */
export interface EntrySelection {
  /** Snapshots of the entries that will be shared, in input order. */
  selected: Record<string, unknown>[];
  excluded: ExcludedEntry[];
  /** Linter findings for the entries that will be shared. */
  warnings: DisclosureWarning[];
  /** Entries shared only because the holder named them in `include` (record this locally: P2). */
  overrides: { entryId?: string; id?: string; kind: string; reason: ExclusionReason }[];
}

const ALLOWED: Record<Audience, ReadonlySet<SensitivityClass>> = {
  employer: new Set(['N', 'E']),
  education: new Set(['N', 'E']),
  justice: new Set(['N', 'E', 'C']),
};

const MESSAGES: Record<ExclusionReason, string> = {
  'custody-context': 'Left out: this kind of record shows time in custody.',
  'custody-revealing': 'Left out: something in this record would show time in custody.',
  'special-category': 'Left out: this record holds health or support needs, which are only shared if you choose.',
  'other-holder': 'Left out: this record belongs to someone else (another holder key).',
  'not-an-entry': 'Left out: this is not a readable record.',
};

/**
 * Splits `entries` into what may be shared with `audience` and what is left out, with the
 * reason for each and the linter's findings on what is shared. Used by createPresentation and
 * signVpJwt; useful on its own to show the holder a preview.
 *
 * @throws {TypeError} on an unknown audience or a malformed `include`
 * @example
 * ```ts
 * const { selected, excluded } = selectEntries(passport.entries, { audience: 'employer', accreditations: passport.accreditations });
 * excluded; // [{ kind: 'custody-transfer', reason: 'custody-context', … }]
 * ```
 */
export function selectEntries(entries: readonly unknown[], options: SelectEntriesOptions): EntrySelection {
  if (!Array.isArray(entries)) throw new TypeError('"entries" must be an array');
  if (!isPlainObject(options as unknown)) throw new TypeError('"options" must be an object');
  assertSelectionOptions(options);
  if (options.accreditations !== undefined && !Array.isArray(options.accreditations)) throw new TypeError('"accreditations" must be an array');
  if (options.lint !== undefined && !isPlainObject(options.lint as unknown)) throw new TypeError('"lint" must be an object');
  if (options.lint?.accreditations !== undefined && !Array.isArray(options.lint.accreditations)) throw new TypeError('"lint.accreditations" must be an array');
  const lintAccreditations = [...(options.lint?.accreditations ?? []), ...(options.accreditations ?? [])];
  const lint: LintDisclosureOptions = { ...options.lint, ...(lintAccreditations.length > 0 ? { accreditations: lintAccreditations } : {}) };
  const include = new Set(options.include ?? []);
  const result: EntrySelection = { selected: [], excluded: [], warnings: [], overrides: [] };
  const allowed = ALLOWED[options.audience];

  for (const entry of entries) {
    const snap = snapshotJson(entry);
    if (!snap.ok || !isPlainObject(snap.value)) {
      result.excluded.push({ kind: 'unknown', reason: 'not-an-entry', message: MESSAGES['not-an-entry'] });
      continue;
    }
    const doc = snap.value as Record<string, unknown>;
    const kind = entryKindOf(doc);
    const entryId = contentIdOf(doc);
    const id = credentialIdOf(doc);
    const ids = { ...(entryId ? { entryId } : {}), ...(id ? { id } : {}) };
    const named = (entryId !== undefined && include.has(entryId)) || (id !== undefined && include.has(id));
    const warnings = lintDisclosure([doc], lint).map((w) => ({ ...w, entryId: entryId ?? id ?? w.entryId }));

    const subject = subjectOf(doc);
    const boundTo = typeof subject?.id === 'string' ? subject.id : undefined;
    let reason: ExclusionReason | undefined;
    const sensitivity = sensitivityOfKind(kind);
    if (options.holder !== undefined && boundTo !== undefined && boundTo !== options.holder) reason = 'other-holder';
    else if (sensitivity === 'S') reason = 'special-category';
    else if (!allowed.has(sensitivity)) reason = 'custody-context';
    else if (options.audience === 'employer' && warnings.some((w) => w.severity === 'high')) reason = 'custody-revealing';

    // Another holder's entry can never be presented: the holder binding check would fail anyway.
    if (reason !== undefined && (reason === 'other-holder' || !named)) {
      result.excluded.push({ ...ids, kind, reason, message: MESSAGES[reason] });
      continue;
    }
    if (reason !== undefined) result.overrides.push({ ...ids, kind, reason });
    result.selected.push(doc);
    result.warnings.push(...warnings);
  }
  return result;
}
