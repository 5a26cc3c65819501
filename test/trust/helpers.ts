// Shared fixtures for the trust tests: keys, fixed dates and a minimal entry builder in the
// shared entry shape (VC 2.0 + Open Badges 3.0 AchievementCredential with learningPassport).
import { OB_V3_CONTEXT, VC_V2_CONTEXT } from '../../src/constants.js';
import { generateKeyPair } from '../../src/keys/key-pair.js';
import type { SigningKeyPair } from '../../src/keys/types.js';
import { signCredential } from '../../src/proof/sign-credential.js';
import type { SignedCredential } from '../../src/proof/types.js';

export const D = (s: string): Date => new Date(s);
export const NOW = D('2026-06-01T12:00:00Z');

let counter = 0;

/** A signed entry of `kind` by `key`, dated `created` (proof time and validFrom). */
export async function makeEntry(
  key: SigningKeyPair,
  kind: string,
  created: string,
  extra: { holder?: string; credentialStatus?: unknown; issuerName?: string; fields?: Record<string, unknown> } = {},
): Promise<SignedCredential> {
  counter += 1;
  const credential = {
    '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT],
    id: `urn:uuid:00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    type: ['VerifiableCredential', 'AchievementCredential'],
    issuer: { id: key.did, type: ['Profile'], name: extra.issuerName ?? 'Issuer' },
    validFrom: created,
    name: `A ${kind}`,
    credentialSubject: {
      ...(extra.holder ? { id: extra.holder } : {}),
      type: ['AchievementSubject'],
      achievement: {
        id: `urn:uuid:10000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
        type: ['Achievement'],
        achievementType: 'Achievement',
        name: `A ${kind}`,
        description: 'Test entry',
        criteria: { narrative: 'Test' },
      },
      learningPassport: { kind, ...(extra.fields ?? {}) },
    },
    ...(extra.credentialStatus ? { credentialStatus: extra.credentialStatus } : {}),
  };
  return signCredential(credential, key, { created });
}

export async function keys<const N extends string>(...names: N[]): Promise<Record<N, SigningKeyPair>> {
  const out = {} as Record<N, SigningKeyPair>;
  for (const n of names) out[n] = await generateKeyPair();
  return out;
}
