// describeEntry(): one plain-English line per entry, short enough for an Entry-3 reader (P14).
// It runs on the verify path (every verification result carries the line), so it loads no zod:
// the fields are checked with the validators compiled from the kind schemas, and the lines come
// from the kinds' zod-free words (kinds/descriptions.ts).
import { isPlainObject } from '../internal/json.js';
import { ENTRY_VALIDATORS, KIND_TABLE, type Issue } from './compiled/entry-validators.js';
import { KIND_DESCRIPTIONS } from './kinds/descriptions.js';
import type { EntryKind } from './kinds/names.js';
import { entryKindOf, issuerNameOf, subjectOf } from './read-credential.js';

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 300) : undefined;
}

const LP_PATH = ['credentialSubject', 'learningPassport'];

/**
 * True when a kind's strict fields schema (with its cross-field rule) accepts `fields`. The
 * compiled validators check whole entries, so the fields go into an otherwise empty credential
 * and only the issues under learningPassport count: the empty envelope's own issues (a fixed
 * handful of missing properties, well under the validators' cap on issues, so the fields' first
 * issue is always recorded) say nothing about the fields.
 */
function fieldsAccepted(kind: EntryKind, fields: Record<string, unknown>): boolean {
  const issues: Issue[] = [];
  ENTRY_VALIDATORS[kind]!({ credentialSubject: { learningPassport: { ...fields, kind } } }, [], undefined, issues);
  return !issues.some((issue) => LP_PATH.every((key, i) => issue.path[i] === key));
}

function achievementName(credential: Record<string, unknown>): string | undefined {
  const subject = subjectOf(credential);
  const achievement = subject && isPlainObject(subject.achievement) ? subject.achievement : undefined;
  return text(credential.name) ?? text(achievement?.name);
}

/**
 * One line of plain English about an entry, for people with a low reading age, e.g.
 * "Functional Skills Maths, Level 1 — qualification from City & Guilds, awarded March 2026".
 * Credentials from other systems are described by their name and issuer. Never throws: anything
 * unreadable gets a neutral line.
 *
 * @param entry a signed entry or any credential
 * @example
 * ```ts
 * describeEntry(entry); // "Kitchen team member at Greene King — work experience, March 2026 to July 2026"
 * ```
 */
export function describeEntry(entry: unknown): string {
  try {
    if (!isPlainObject(entry)) return 'Not a credential';
    const kind = entryKindOf(entry);
    const issuerName = issuerNameOf(entry);
    const from = issuerName ? ` — from ${issuerName}` : '';
    if (kind === 'external' || kind === 'unknown') return `${achievementName(entry) ?? 'A credential'}${from}`;
    const lp = subjectOf(entry)?.learningPassport as Record<string, unknown>;
    const { kind: _kind, supersedes, ...fields } = lp;
    if (!fieldsAccepted(kind, fields)) return `${achievementName(entry) ?? 'An entry'} — ${KIND_TABLE[kind].label}${issuerName ? ` from ${issuerName}` : ''}`;
    const line = KIND_DESCRIPTIONS[kind](fields as never, { issuerName });
    return typeof supersedes === 'string' ? `${line} (replaces an earlier entry)` : line;
  } catch {
    return 'A credential that could not be read';
  }
}
