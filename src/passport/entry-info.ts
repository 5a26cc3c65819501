// Internal: what the passport area reads from an entry (issuer, credential id, kind, lifecycle
// links). Entries are untrusted JSON, so every read is defensive. Results are cached per sealed
// (frozen) entry object.
import { credentialIdOf, entryKindOf, issuerIdOf, issuerNameOf, learningPassportOf } from '../entries/read-credential.js';

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

/** Reads an entry's issuer, kind and lifecycle links. */
export function entryInfo(entry: Record<string, unknown>): EntryInfo {
  const cached = infos.get(entry);
  if (cached) return cached;
  const fields = learningPassportOf(entry);
  const kind = entryKindOf(entry);
  const info: EntryInfo = {
    kind,
    issuer: issuerIdOf(entry),
    issuerName: issuerNameOf(entry),
    credentialId: credentialIdOf(entry),
    supersedes: fields && typeof fields.supersedes === 'string' ? fields.supersedes : undefined,
    target: kind === 'revocation' && fields && typeof fields.target === 'string' ? fields.target : undefined,
    fields,
  };
  if (Object.isFrozen(entry)) infos.set(entry, info);
  return info;
}
