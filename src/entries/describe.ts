// describeEntry(): one plain-English line per entry, short enough for an Entry-3 reader (P14).
import { isPlainObject } from '../internal/json.js';
import { anyKindDefinition } from './kinds/index.js';
import { entryKindOf, issuerNameOf, subjectOf } from './read-credential.js';

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 300) : undefined;
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
    const definition = anyKindDefinition(kind);
    const lp = subjectOf(entry)?.learningPassport as Record<string, unknown>;
    const { kind: _kind, supersedes, ...fields } = lp;
    const parsed = definition.fields.safeParse(fields);
    if (!parsed.success) return `${achievementName(entry) ?? 'An entry'} — ${definition.label}${issuerName ? ` from ${issuerName}` : ''}`;
    const line = definition.describe(parsed.data as never, { issuerName });
    return typeof supersedes === 'string' ? `${line} (replaces an earlier entry)` : line;
  } catch {
    return 'A credential that could not be read';
  }
}
