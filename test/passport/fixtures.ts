// Shared fixtures for the passport tests: a few issuers and a pool of signed entries made once
// (signing is the slow part), from which tests and properties pick subsets.
import {
  createIssuerProfile,
  generateKeyPair,
  isCustodyRole,
  issueEntry,
  signCredential,
  type IssuerProfile,
  type IssuerRole,
  type SigningKeyPair,
} from '../../src/index.js';
import { entryId } from '../../src/passport/index.js';

export interface Signer {
  key: SigningKeyPair;
  issuer: IssuerProfile;
}

/** The neutral name entries of custody-role test issuers carry (createIssuerProfile requires one). */
export const CUSTODY_DISPLAY_NAME = 'Northgate Learning Centre';

export async function signer(name: string, role: IssuerRole): Promise<Signer> {
  const key = await generateKeyPair();
  return { key, issuer: createIssuerProfile({ key, name, role, ...(isCustodyRole(role) ? { displayName: CUSTODY_DISPLAY_NAME } : {}) }) };
}

/** Entries as plain JSON records (how passports hold them). */
type Plain = Promise<Record<string, unknown>>;
const plain = (p: Promise<unknown>): Plain => p as Plain;

/** The learner's own key: removals and restorations are signed with it. */
export const holderKey: SigningKeyPair = await generateKeyPair();
export const HOLDER = holderKey.did;

/** A qualification entry. */
export function qualification(s: Signer, title: string, options: { id?: string; supersedes?: string; validUntil?: string; validFrom?: string } = {}): Plain {
  return plain(
    issueEntry(
      'qualification',
      { title, awardingBody: { name: 'City & Guilds' }, level: 'L1', awardedOn: '2026-03' },
      { issuer: s.issuer, key: s.key, holder: HOLDER, validFrom: options.validFrom ?? '2026-03-03T10:00:00Z', created: '2026-03-03T10:00:00Z', ...options },
    ),
  );
}

export function unitCredit(s: Signer, unitTitle: string, achievedOn = '2026-02-14'): Plain {
  return plain(
    issueEntry(
      'unit-credit',
      { unitTitle, awardingBody: { name: 'Highfield Qualifications' }, level: 'L2', achievedOn },
      { issuer: s.issuer, key: s.key, holder: HOLDER, validFrom: '2026-02-14T10:00:00Z', created: '2026-02-14T10:00:00Z' },
    ),
  );
}

export function revocation(s: Signer, target: string): Plain {
  return plain(
    issueEntry(
      'revocation',
      { target, reason: 'issued-in-error' },
      { issuer: s.issuer, key: s.key, holder: HOLDER, validFrom: '2026-04-01T10:00:00Z', created: '2026-04-01T10:00:00Z' },
    ),
  );
}

/** A credential from another system: plain Open Badges 3.0, no learningPassport. */
export async function externalBadge(s: Signer, name: string) {
  return signCredential(
    {
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      id: `urn:uuid:${crypto.randomUUID()}`,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: s.key.did, type: ['Profile'], name: 'Badge Platform' },
      validFrom: '2025-11-01T00:00:00Z',
      name,
      credentialSubject: {
        type: ['AchievementSubject'],
        achievement: { id: 'https://badges.example/a/1', type: ['Achievement'], name, criteria: { narrative: 'Completed.' } },
      },
    },
    s.key,
    { created: '2025-11-01T00:00:00Z' },
  );
}

/** A copy of an entry with one visible field changed after signing (the signature no longer matches). */
export function tampered(entry: object): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(entry)) as Record<string, unknown>;
  copy.name = `${String(copy.name)} (with Distinction)`;
  return copy;
}

/** The same entry re-signed by another key while still naming the original issuer. */
export async function resigned(entry: object, other: Signer): Promise<Record<string, unknown>> {
  const { proof: _proof, ...unsigned } = JSON.parse(JSON.stringify(entry)) as Record<string, unknown>;
  return signCredential(unsigned, other.key, { created: '2026-03-04T10:00:00Z' });
}

/** The same entry with its keys in reverse order at every level (same CID). */
export function reordered<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reordered) as T;
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).reverse()) out[key] = reordered((value as Record<string, unknown>)[key]);
  return out as T;
}

/** A passport-shaped object as another party might hand it over (not built by the library). */
export function rawPassport(entries: unknown[], exclusions: unknown[] = [], holder: unknown = HOLDER) {
  return { type: 'LearningPassport', version: 1, holder, entries, accreditations: [], statusLists: [], exclusions } as never;
}

export const cids = (entries: readonly object[]) => entries.map((e) => entryId(e)).sort();
