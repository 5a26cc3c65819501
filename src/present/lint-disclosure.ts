// The custody-inference linter (privacy feature P3): before anything is shared, find what
// would tell a reader that the holder was in custody, and say so in plain words.
import { isPlainObject, snapshotJson } from '../internal/json.js';
import { isCustodyRole } from '../keys/types.js';
import { credentialIdOf, entryKindOf, issuerIdOf } from '../entries/read-credential.js';
import { contentIdOf, sensitivityOfKind } from './entry-facts.js';
import {
  CUSTODY_KINDS,
  custodyHits,
  foldForMatching,
  MAX_HITS_PER_RULE,
  PRISON_CODE_IN_TEXT,
  PRISON_CONTEXT,
  PRISON_FIELD,
  type DisclosureCode,
  type DisclosureSeverity,
} from '../internal/custody-text.js';

export type { DisclosureCode, DisclosureSeverity } from '../internal/custody-text.js';

/** One thing in an entry that could reveal custody. */
export interface DisclosureWarning {
  /** The entry's content id (CID) when known, else its credential id, else `#<index>`. */
  entryId: string;
  code: DisclosureCode;
  /** Plain English, short enough for an Entry-3 reader. */
  message: string;
  severity: DisclosureSeverity;
  /** Where in the entry the text was found, e.g. `credentialSubject.achievement.name`. */
  path?: string;
}

/** A period the holder wants to keep private (kept only on the holder's device). */
export interface SensitivePeriod {
  /** First day, `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`). */
  from: string;
  /** Last day, inclusive. */
  to: string;
}

/** Options of {@link lintDisclosure}. */
export interface LintDisclosureOptions {
  /** Issuer roles by issuer DID (e.g. from the trust list): the custody roles (`CUSTODY_ROLES`: prison, probation) reveal custody. */
  issuerRoles?: Record<string, string>;
  /** Issuer DIDs the trust list marks as custody-associated (prison-only charities, providers). */
  custodyAssociatedIssuers?: string[];
  /** Accreditation credentials; their subjects' roles count like `issuerRoles`. */
  accreditations?: unknown[];
  /** Periods the holder wants to keep private; dates inside them are flagged. */
  sensitivePeriods?: SensitivePeriod[];
}

// Properties whose values are identifiers or machinery, not text a reader sees.
const SKIPPED_KEYS = new Set(['@context', 'proof', 'type', 'credentialStatus', 'supersedes', 'cids', 'digest', 'kind']);

function rolesFromAccreditations(accreditations: unknown[] | undefined): Map<string, string> {
  const roles = new Map<string, string>();
  for (const acc of accreditations ?? []) {
    if (!isPlainObject(acc)) continue;
    const subjects = Array.isArray(acc.credentialSubject) ? acc.credentialSubject : [acc.credentialSubject];
    for (const s of subjects) {
      if (!isPlainObject(s)) continue;
      const did = typeof s.id === 'string' ? s.id : typeof s.did === 'string' ? s.did : undefined;
      if (!did) continue;
      if (s.custodyAssociated === true) setRole(roles, did, 'custody-associated');
      else if (typeof s.role === 'string') setRole(roles, did, s.role);
    }
  }
  return roles;
}

// An issuer with several roles (two accreditations, a trust list and an accreditation) counts
// as custody if any source says so: the order the sources arrive in must not hide a prison.
function setRole(roles: Map<string, string>, did: string, role: string): void {
  const known = roles.get(did);
  const revealing = (r: string | undefined): boolean => r === 'custody-associated' || isCustodyRole(r);
  if (known === undefined || (revealing(role) && !revealing(known))) roles.set(did, role);
}

/** Every string in the entry a reader would see, with its path. */
function* textsOf(value: unknown, path: string[]): Generator<{ path: string[]; text: string }> {
  if (typeof value === 'string') {
    // DIDs, URNs and URLs identify things; they are not prose (and did:key text is random).
    if (!/^(?:did|urn|https?):\S*$/i.test(value)) yield { path, text: value };
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* textsOf(value[i], [...path, String(i)]);
  } else if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) if (!SKIPPED_KEYS.has(key)) yield* textsOf(item, [...path, key]);
  }
}

function dayRange(date: string): [number, number] | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) - 1 : undefined;
  const d = m[3] ? Number(m[3]) : undefined;
  const start = Date.UTC(y, mo ?? 0, d ?? 1);
  const end = d !== undefined ? start : mo !== undefined ? Date.UTC(y, mo + 1, 0) : Date.UTC(y, 11, 31);
  return [start, end];
}

/** @internal Lints one entry; `stats.steps` counts the text work (tests check it grows linearly). */
export function lintOne(
  entry: unknown,
  entryId: string,
  roles: Map<string, string>,
  custodyIssuers: Set<string>,
  periods: [number, number][],
  stats?: { steps: number },
): DisclosureWarning[] {
  const out: DisclosureWarning[] = [];
  const seen = new Set<string>();
  const add = (code: DisclosureCode, severity: DisclosureSeverity, message: string, path?: string): void => {
    const key = `${code}\u0000${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ entryId, code, message, severity, ...(path ? { path } : {}) });
  };
  if (!isPlainObject(entry)) return out;

  const kind = entryKindOf(entry);
  if (CUSTODY_KINDS.has(kind)) {
    add('custody-kind', 'high', `This is a ${kind.replace('-', ' ')} record. It only exists because of time in custody.`);
  } else if (sensitivityOfKind(kind) === 'C') {
    add('custody-kind', 'medium', `A ${kind.replace('-', ' ')} record often shows time in custody. Check the wording before you share it.`);
  }

  const issuerId = issuerIdOf(entry);
  if (issuerId) {
    const role = roles.get(issuerId);
    if (custodyIssuers.has(issuerId) || role === 'custody-associated') {
      add('custody-issuer', 'high', 'This shows an organisation that works in prisons. Its name on the record can reveal time in custody.', 'issuer');
    } else if (isCustodyRole(role)) {
      add(
        'custody-issuer',
        'high',
        `This was signed by a ${role === 'probation' ? 'probation service' : 'prison'}. An employer would learn you were in custody.`,
        'issuer',
      );
    }
  }

  for (const { path, text: raw } of textsOf(entry, [])) {
    const where = path.join('.');
    // Read the text as a reader would (initials joined, lookalike letters and full-width forms
    // folded), then run every rule once over it: linear in the text (see custodyHits).
    const text = foldForMatching(raw);
    for (const hit of custodyHits(text, stats ? { stats } : {})) {
      const code: DisclosureCode = where.startsWith('issuer') && hit.severity === 'high' ? 'custody-issuer' : hit.code;
      add(code, hit.severity, hit.message, where);
    }
    const last = path[path.length - 1] ?? '';
    if (PRISON_FIELD.test(last) && /^[A-Z]{3}$/.test(text.trim())) {
      add('prison-code', 'high', `This looks like a prison code (“${text.trim()}”). It shows which prison you were in.`, where);
    }
    // Whether the text has a prison context is asked once per text, not once per code found.
    let context: boolean | undefined;
    let codes = 0;
    for (const m of text.matchAll(PRISON_CODE_IN_TEXT)) {
      if (stats) stats.steps++;
      const code = m[1] ?? m[2];
      if (!code) continue;
      if (m[2] && context === undefined) {
        context = PRISON_CONTEXT.test(text);
        if (stats) stats.steps += text.length;
      }
      if (m[2] && !context) continue;
      add('prison-code', 'high', `This looks like a prison code (“${code}”). It shows which prison you were in.`, where);
      if (++codes >= MAX_HITS_PER_RULE) break;
    }
    if (periods.length > 0 && /^\d{4}(-\d{2}(-\d{2})?)?(T|$)/.test(raw)) {
      const range = dayRange(raw);
      if (range && periods.some(([s, e]) => range[0] <= e && range[1] >= s)) {
        add('sensitive-period', 'medium', `This date (${raw.slice(0, 10)}) falls in a period you chose to keep private.`, where);
      }
    }
  }
  return out;
}

/**
 * Lists, in plain language, anything in `entries` that would reveal time in custody: issuers
 * with custody roles (from `issuerRoles`, `custodyAssociatedIssuers` or accreditations), prison
 * names and codes ("HMP …", "YOI", "(MDI)"), prison numbers, roles that only exist in prison
 * (Listener, orderly, wing cleaner, Reading Plan mentor), prison-education funding words (PEF,
 * PES), temporary release (ROTL), custody-only kinds (custody transfer, checkpoint), postcodes,
 * and dates inside holder-declared private periods. Findings of severity `high` keep an entry
 * out of employer presentations unless the holder includes it explicitly.
 *
 * The linter reads text; it cannot know every prison or charity. An empty list means "nothing
 * found", not "safe to share": the holder still decides.
 *
 * @param entries signed entries (anything else is skipped)
 * @returns the findings, in entry order
 * @throws {TypeError} when `entries` is not an array or an option has the wrong type
 * @example
 * ```ts
 * const warnings = lintDisclosure([peerRole]);
 * // [{ entryId: 'bagaaiera…', code: 'custody-role', severity: 'high',
 * //    message: 'This role (“Reading Plan mentor”) only exists in prison. …' }]
 * ```
 */
export function lintDisclosure(entries: readonly unknown[], options: LintDisclosureOptions = {}): DisclosureWarning[] {
  if (!Array.isArray(entries)) throw new TypeError('"entries" must be an array');
  if (!isPlainObject(options as unknown)) throw new TypeError('"options" must be an object');
  if (options.issuerRoles !== undefined && !isPlainObject(options.issuerRoles)) throw new TypeError('"options.issuerRoles" must be an object of DID → role');
  for (const name of ['custodyAssociatedIssuers', 'accreditations', 'sensitivePeriods'] as const) {
    if (options[name] !== undefined && !Array.isArray(options[name])) throw new TypeError(`"options.${name}" must be an array`);
  }
  const roles = rolesFromAccreditations(options.accreditations);
  for (const [did, role] of Object.entries(options.issuerRoles ?? {})) setRole(roles, did, String(role));
  const custodyIssuers = new Set((options.custodyAssociatedIssuers ?? []).filter((d): d is string => typeof d === 'string'));
  const periods: [number, number][] = [];
  for (const p of options.sensitivePeriods ?? []) {
    const from = isPlainObject(p) && typeof p.from === 'string' ? dayRange(p.from) : undefined;
    const to = isPlainObject(p) && typeof p.to === 'string' ? dayRange(p.to) : undefined;
    if (!from || !to) throw new TypeError('"options.sensitivePeriods" items must be { from, to } dates (YYYY-MM-DD)');
    periods.push([from[0], to[1]]);
  }
  const out: DisclosureWarning[] = [];
  entries.forEach((entry, index) => {
    const snap = snapshotJson(entry);
    if (!snap.ok) return;
    const id = contentIdOf(snap.value) ?? credentialIdOf(snap.value) ?? `#${index}`;
    for (const w of lintOne(snap.value, id, roles, custodyIssuers, periods)) out.push(w);
  });
  return out;
}
