// Recognises a learning-passport entry and checks it against its kind's schema and the
// prohibited-data firewall. verifyCredential calls this for every entry (10k-entry passports),
// so it runs the validators compiled from the zod schemas (no zod at verification time: see
// scripts/compile-validators.ts) and one string scan, and it never throws on any JSON input.
import { isPlainObject } from '../internal/json.js';
import { ENTRY_VALIDATORS, type Issue } from './compiled/entry-validators.js';
import { MAX_ISSUES, type EntryIssue } from './issues.js';
import { ENTRY_KINDS } from './kinds/names.js';
import { entryKindOf, subjectOf } from './read-credential.js';
import { scanProhibited } from './prohibited.js';

/**
 * The outcome of validating a credential against the entry schemas.
 *
 * @example
 * ```ts
 * const outcome: EntrySchemaOutcome = checkEntrySchema(entry);
 * outcome.issues.length === 0;
 * ```
 */
export interface EntrySchemaOutcome {
  /**
   * The entry kind; 'external' for a credential that is not a learning-passport entry;
   * 'unknown' when it claims to be one but its kind is not recognised.
   */
  kind: string;
  /** Empty when the credential is valid for its kind. */
  issues: { path: (string | number)[]; message: string }[];
}

/** An issue with where it came from: the schema or the prohibited-data firewall. */
export interface TaggedIssue extends EntryIssue {
  source: 'schema' | 'prohibited';
}

const LP_PATH = ['credentialSubject', 'learningPassport'];
// Establishment names are allowed only in custody-transfer entries (and the text built from them).
const ESTABLISHMENT_KEYS = ['fromEstablishment', 'toEstablishment'] as const;

/** Schema + firewall issues of a credential (internal: issueEntry tells the two apart). */
export function inspectEntry(credential: Record<string, unknown>, options: { signed?: boolean } = {}): { kind: string; issues: TaggedIssue[] } {
  const kind = entryKindOf(credential);
  if (kind === 'external') return { kind, issues: [] };
  if (kind === 'unknown') {
    return {
      kind,
      issues: [{ source: 'schema', path: [...LP_PATH, 'kind'], message: `is not a known entry kind (expected one of: ${ENTRY_KINDS.join(', ')})` }],
    };
  }
  const found: Issue[] = [];
  ENTRY_VALIDATORS[kind]!(credential, [], undefined, found);
  if (options.signed && credential.proof === undefined) found.push({ path: ['proof'], message: 'is required' });
  const issues: TaggedIssue[] = found.slice(0, MAX_ISSUES).map((i) => ({ ...i, source: 'schema' as const }));
  const subject = subjectOf(credential)!;
  const lp = subject.learningPassport as Record<string, unknown>;
  const custody = kind === 'custody-transfer';
  const allowTexts = custody ? ESTABLISHMENT_KEYS.map((k) => lp[k]).filter((v): v is string => typeof v === 'string') : [];
  const findings = [
    ...scanProhibited(lp, { path: LP_PATH, ...(custody ? { skipKeys: ESTABLISHMENT_KEYS } : {}) }),
    ...scanProhibited({ name: credential.name, description: credential.description }, { allowTexts }),
    ...scanProhibited(
      isPlainObject(subject.achievement)
        ? { name: subject.achievement.name, description: subject.achievement.description, criteria: subject.achievement.criteria }
        : {},
      { path: ['credentialSubject', 'achievement'], allowTexts },
    ),
  ];
  for (const f of findings) issues.push({ source: 'prohibited', path: f.path, message: `${f.message}, which entries must never hold` });
  return { kind, issues };
}

/**
 * Validates a credential against the entry schemas: a learning-passport entry (recognised by
 * `credentialSubject.learningPassport.kind`) against its kind's schema and the prohibited-data
 * firewall; a credential without `learningPassport` is kind 'external' with no issues (its
 * general VC shape is checked by verifyCredential). An unrecognised kind is an issue.
 *
 * Fast enough to run on every entry of a large passport, and never throws on any JSON input.
 *
 * @param credential a plain JSON object (verifyCredential passes a snapshot)
 * @returns the kind and the issues (empty when valid)
 * @example
 * ```ts
 * const { kind, issues } = checkEntrySchema(entry);
 * if (issues.length) console.log(`${kind}: ${issues[0].path.join('.')} ${issues[0].message}`);
 * ```
 */
export function checkEntrySchema(credential: Record<string, unknown>): EntrySchemaOutcome {
  try {
    if (!isPlainObject(credential)) return { kind: 'external', issues: [] };
    const { kind, issues } = inspectEntry(credential);
    return { kind, issues: issues.map(({ path, message }) => ({ path, message })) };
  } catch {
    // Defence in depth: a schema bug must not turn bad data into a thrown error.
    return { kind: entryKindOf(credential), issues: [{ path: [], message: 'could not be checked against the entry schemas' }] };
  }
}
