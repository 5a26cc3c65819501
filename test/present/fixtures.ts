// Entries in the shape of TEAM.md, signed directly with signCredential, so the sharing tests
// do not depend on the entry builders.
import { OB_V3_CONTEXT, VC_V2_CONTEXT } from '../../src/constants.js';
import { KIND_ACHIEVEMENT_TYPE, type EntryKind } from '../../src/entries/kinds/index.js';
import { generateKeyPair } from '../../src/keys/key-pair.js';
import type { SigningKeyPair } from '../../src/keys/types.js';
import { signCredential } from '../../src/proof/sign-credential.js';

export interface TestIssuer {
  key: SigningKeyPair;
  name: string;
}

export async function makeIssuer(name: string): Promise<TestIssuer> {
  return { key: await generateKeyPair(), name };
}

let counter = 0;

export interface EntryInput {
  kind: string;
  fields?: Record<string, unknown>;
  name: string;
  description?: string;
  holder?: string;
  identifier?: unknown[];
  validFrom?: string;
  validUntil?: string;
  achievementType?: string;
}

export function entryDocument(issuer: TestIssuer, input: EntryInput): Record<string, unknown> {
  counter += 1;
  return {
    '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT],
    id: `urn:uuid:00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    type: ['VerifiableCredential', 'AchievementCredential'],
    issuer: { id: issuer.key.did, type: ['Profile'], name: issuer.name },
    validFrom: input.validFrom ?? '2026-03-03T10:00:00Z',
    ...(input.validUntil ? { validUntil: input.validUntil } : {}),
    name: input.name,
    credentialSubject: {
      ...(input.holder ? { id: input.holder } : {}),
      ...(input.identifier ? { identifier: input.identifier } : {}),
      type: ['AchievementSubject'],
      achievement: {
        id: `urn:uuid:10000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
        type: ['Achievement'],
        achievementType: input.achievementType ?? KIND_ACHIEVEMENT_TYPE[input.kind as EntryKind] ?? 'Certificate',
        name: input.name,
        description: input.description ?? input.name,
        criteria: { narrative: input.description ?? input.name },
      },
      learningPassport: { kind: input.kind, ...(input.fields ?? {}) },
    },
  };
}

export async function makeEntry(issuer: TestIssuer, input: EntryInput): Promise<Record<string, unknown>> {
  return signCredential(entryDocument(issuer, input), issuer.key, { created: '2026-03-03T10:00:00Z' });
}
