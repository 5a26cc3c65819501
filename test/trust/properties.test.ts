// Model-based and tamper properties: the trust decision must follow the narrowing rule exactly,
// and no change to a signed accreditation can ever make an untrusted entry trusted.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SigningKeyPair } from '../../src/keys/types.js';
import { accreditIssuer, createTrustPolicy, DEFAULT_RULES, evaluateTrust, type TrustKind, type TrustPolicy } from '../../src/trust/index.js';
import { keys, makeEntry, NOW } from './helpers.js';

const KINDS: TrustKind[] = ['qualification', 'unit-credit', 'mentoring', 'work-experience', 'course-completion', 'custody-transfer'];
const ROLES = ['awarding-body', 'education-provider', 'prison', 'charity', 'employer'] as const;
const SIGNED = '2026-03-03T10:00:00Z';
let k: Record<'root' | 'authority' | 'issuer' | 'stranger', SigningKeyPair>;
let policy: TrustPolicy;

beforeAll(async () => {
  k = await keys('root', 'authority', 'issuer', 'stranger');
  policy = createTrustPolicy({ roots: [k.root.did], now: NOW });
});

describe('trust properties', () => {
  it('trusts exactly when the kind is in the child scope, the child scope ⊆ the parent scope, and the role may issue it', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.subarray(KINDS, { minLength: 1 }),
        fc.subarray(KINDS, { minLength: 1 }),
        fc.constantFrom(...ROLES),
        fc.constantFrom(...KINDS),
        async (parentKinds, childKinds, role, kind) => {
          const authority = await accreditIssuer(k.root, {
            did: k.authority.did,
            organisation: 'org:a',
            role: 'authority',
            kinds: parentKinds,
            capabilities: ['accredit'],
            organisations: ['*'],
            validFrom: '2026-01-01T00:00:00Z',
          });
          const child = await accreditIssuer(k.authority, {
            did: k.issuer.did,
            organisation: 'org:i',
            role,
            kinds: childKinds,
            validFrom: '2026-01-01T00:00:00Z',
            created: '2026-01-01T00:00:00Z',
          });
          const entry = await makeEntry(k.issuer, kind, SIGNED);
          const r = await evaluateTrust(entry, { policy, accreditations: [authority, child] });
          const expected =
            childKinds.every((c) => parentKinds.includes(c)) && childKinds.includes(kind) && (DEFAULT_RULES[role] as readonly string[]).includes(kind);
          expect(r.trusted).toBe(expected);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('no single change to a signed accreditation makes an entry trusted that was not', async () => {
    const genuine = await accreditIssuer(k.root, {
      did: k.stranger.did,
      organisation: 'org:s',
      role: 'charity',
      kinds: ['mentoring'],
      validFrom: '2026-01-01T00:00:00Z',
      validUntil: '2026-02-01T00:00:00Z',
    });
    const entry = await makeEntry(k.issuer, 'qualification', SIGNED);
    const mutations: Array<(a: Record<string, any>) => void> = [
      (a) => (a.credentialSubject.id = k.issuer.did),
      (a) => {
        a.credentialSubject.id = k.issuer.did;
        a.credentialSubject.role = 'awarding-body';
        a.credentialSubject.kinds = ['qualification'];
      },
      (a) => (a.validUntil = '2027-01-01T00:00:00Z'),
      (a) => (a.issuer = k.stranger.did),
      (a) => delete a.proof.created,
      (a) => (a.proof.verificationMethod = `${k.root.did}#${k.root.did.slice(8)}`),
    ];
    await fc.assert(
      fc.asyncProperty(fc.subarray(mutations, { minLength: 1 }), async (chosen) => {
        const forged = structuredClone(genuine) as Record<string, any>;
        for (const m of chosen) m(forged);
        const r = await evaluateTrust(entry, { policy, accreditations: [forged] });
        expect(r.trusted).toBe(false);
      }),
      { numRuns: 40 },
    );
    // Control: with a genuine accreditation for the issuer, it is trusted.
    const real = await accreditIssuer(k.root, {
      did: k.issuer.did,
      organisation: 'org:i',
      role: 'awarding-body',
      kinds: ['qualification'],
      validFrom: '2026-01-01T00:00:00Z',
    });
    expect((await evaluateTrust(entry, { policy, accreditations: [real] })).trusted).toBe(true);
  });
});
