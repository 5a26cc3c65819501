// Entries by date for user interfaces. Dates come from the field that says when the thing
// happened (a transfer date, an award date, a checkpoint time), falling back to validFrom and
// then to the proof's creation time. Dates keep the precision the issuer gave (2026, 2026-03,
// 2026-03-03) and sort as text, so a month sorts before the days in it.
import { decidingProof } from '../proof/identity-proofs.js';
import { isPlainObject } from '../internal/json.js';
import { isDateTimeStamp } from '../internal/time.js';
import { viewOf } from './current-view.js';
import { subjectOf } from '../entries/read-credential.js';
import { entryInfo } from './entry-info.js';
import { loadPassport } from './state.js';
import type { Passport, PassportView, SignedEntry, Timeline, TimelineItem, ViewOptions } from './types.js';

// Kind fields that say when something happened, most specific first.
const DATE_FIELDS = [
  'transferDate',
  'at',
  'awardedOn',
  'achievedOn',
  'completedOn',
  'resultDate',
  'assessedOn',
  'date',
  'issuedOn',
  'startedOn',
  'from',
  'startDate',
  'since',
];
const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

function sortableDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (PARTIAL_DATE.test(value)) return value;
  if (isDateTimeStamp(value)) return new Date(Date.parse(value)).toISOString();
  return undefined;
}

/** When an entry's event happened, and which field said so. */
export function entryDate(entry: SignedEntry): { date: string | undefined; source: string | undefined } {
  const { fields } = entryInfo(entry);
  if (fields) {
    for (const key of DATE_FIELDS) {
      const date = sortableDate(fields[key]);
      if (date) return { date, source: `learningPassport.${key}` };
    }
    const period = fields.period;
    const from = isPlainObject(period) ? sortableDate(period.from) : undefined;
    if (from) return { date: from, source: 'learningPassport.period.from' };
  }
  const validFrom = sortableDate(entry.validFrom);
  if (validFrom) return { date: validFrom, source: 'validFrom' };
  const proof = decidingProof(entry);
  const created = isPlainObject(proof) ? sortableDate(proof.created) : undefined;
  if (created) return { date: created, source: 'proof.created' };
  return { date: undefined, source: undefined };
}

function titleOf(entry: SignedEntry): string | undefined {
  if (typeof entry.name === 'string') return entry.name;
  const subject = subjectOf(entry);
  if (subject && isPlainObject(subject.achievement) && typeof subject.achievement.name === 'string') return subject.achievement.name;
  return undefined;
}

/** Internal: the timeline of sealed entries with a view already computed. */
export function timelineOf(cids: readonly string[], entries: readonly SignedEntry[], view: PassportView): Timeline {
  const items: TimelineItem[] = entries.map((entry, i) => {
    const info = entryInfo(entry);
    const { date, source } = entryDate(entry);
    const cid = cids[i]!;
    return {
      cid,
      kind: info.kind,
      issuer: info.issuer,
      issuerName: info.issuerName,
      title: titleOf(entry),
      date,
      dateSource: source,
      state: view.byCid.get(cid)?.state ?? 'active',
    };
  });
  items.sort((x, y) => {
    if (x.date !== y.date) {
      if (x.date === undefined) return 1;
      if (y.date === undefined) return -1;
      return x.date < y.date ? -1 : 1;
    }
    return x.cid < y.cid ? -1 : x.cid > y.cid ? 1 : 0;
  });
  const kinds = new Map<string, TimelineItem[]>();
  const issuers = new Map<string, { issuer: string; issuerName: string | undefined; items: TimelineItem[] }>();
  for (const item of items) {
    const k = kinds.get(item.kind);
    if (k) k.push(item);
    else kinds.set(item.kind, [item]);
    const issuer = item.issuer ?? '(unknown issuer)';
    const group = issuers.get(issuer);
    if (group) group.items.push(item);
    else issuers.set(issuer, { issuer, issuerName: item.issuerName, items: [item] });
  }
  const byKey =
    <T>(key: (t: T) => string) =>
    (a: T, b: T) =>
      key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
  return {
    items,
    byKind: [...kinds].map(([kind, list]) => ({ kind, items: list })).sort(byKey((g) => g.kind)),
    byIssuer: [...issuers.values()].sort(byKey((g) => g.issuer)),
  };
}

/**
 * The passport's entries by date (oldest first, undated last), each with its kind, issuer,
 * title and current state, plus the same items grouped by kind and by issuer, for user
 * interfaces. The date is the kind's own date (transfer date, award date, checkpoint time),
 * else `validFrom`, else the proof's creation time, at the precision the issuer gave.
 *
 * @param passport - the passport
 * @param options - passed to {@link currentView} for the states
 * @returns `{ items, byKind, byIssuer }`
 * @throws {TypeError} when `passport` is not a passport
 * @example
 * ```ts
 * for (const item of timeline(passport).items) console.log(item.date, item.kind, item.title);
 * ```
 */
export function timeline(passport: Passport, options: ViewOptions = {}): Timeline {
  const { passport: p, state } = loadPassport(passport);
  return timelineOf(state.cids, p.entries, viewOf(state.cids, p.entries, options));
}
