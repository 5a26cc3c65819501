// Internal: what the passport area reads from an entry (issuer, credential id, kind, lifecycle
// links). Entries are untrusted JSON, so every read is defensive. Results are cached per sealed
// (frozen) entry object.
import { isPlainObject } from '../internal/json.js';

/** What the passport area needs to know about one entry. */
export interface EntryInfo {
  kind: string;
  issuer: string | undefined;
  issuerName: string | undefined;
  credentialId: string | undefined;
  /** The CID this entry supersedes. */
  supersedes: string | undefined;
  /** For revocations: the CID withdrawn. */
  target: string | undefined;
  /** `credentialSubject.learningPassport`, when present. */
  fields: Record<string, unknown> | undefined;
}

const infos = new WeakMap<object, EntryInfo>();

/** The learning-passport fields of an entry (`credentialSubject.learningPassport`). */
export function learningPassportOf(entry: Record<string, unknown>): Record<string, unknown> | undefined {
  const subject = Array.isArray(entry.credentialSubject) ? entry.credentialSubject[0] : entry.credentialSubject;
  if (!isPlainObject(subject)) return undefined;
  const lp = subject.learningPassport;
  return isPlainObject(lp) ? lp : undefined;
}

/** Reads an entry's issuer, kind and lifecycle links. */
export function entryInfo(entry: Record<string, unknown>): EntryInfo {
  const cached = infos.get(entry);
  if (cached) return cached;
  const fields = learningPassportOf(entry);
  const issuerValue = entry.issuer;
  let issuer: string | undefined;
  let issuerName: string | undefined;
  if (typeof issuerValue === 'string') issuer = issuerValue;
  else if (isPlainObject(issuerValue)) {
    if (typeof issuerValue.id === 'string') issuer = issuerValue.id;
    const name = typeof issuerValue.displayName === 'string' ? issuerValue.displayName : issuerValue.name;
    if (typeof name === 'string') issuerName = name;
  }
  const kind = fields && typeof fields.kind === 'string' ? fields.kind : 'external';
  const info: EntryInfo = {
    kind,
    issuer,
    issuerName,
    credentialId: typeof entry.id === 'string' ? entry.id : undefined,
    supersedes: fields && typeof fields.supersedes === 'string' ? fields.supersedes : undefined,
    target: kind === 'revocation' && fields && typeof fields.target === 'string' ? fields.target : undefined,
    fields,
  };
  if (Object.isFrozen(entry)) infos.set(entry, info);
  return info;
}
