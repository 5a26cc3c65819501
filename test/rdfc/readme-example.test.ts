// The README's "Open Badges and eddsa-rdfc-2022" section is examples/open-badges-rdfc.ts; run it.
import { describe, expect, it } from 'vitest';
import { openBadgesRdfc } from '../../examples/open-badges-rdfc.js';
import { addRdfcProof } from '../../src/rdfc/index.js';
import { generateKeyPair, OB_V3_CONTEXT, VC_V2_CONTEXT } from '../../src/index.js';

describe('examples/open-badges-rdfc.ts', () => {
  it('adds the rdfc proof beside the jcs proof; both verifiers accept; the entry joins the passport', async () => {
    const out = await openBadgesRdfc();
    expect(out).toMatchObject({ mainVerified: true, bothVerified: true, entries: 1 });
    expect((out.proofs as readonly Record<string, unknown>[]).map((p) => p.cryptosuite)).toEqual(['eddsa-jcs-2022', 'eddsa-rdfc-2022']);
  });

  it('an Open Badge from another system secured with eddsa-rdfc-2022 joins as well', async () => {
    const other = await generateKeyPair();
    const badge = await addRdfcProof(
      {
        '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT],
        id: 'urn:uuid:9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
        type: ['VerifiableCredential', 'OpenBadgeCredential'],
        issuer: { id: other.did, type: ['Profile'], name: 'Another Platform' },
        validFrom: '2026-01-01T00:00:00Z',
        name: 'Teamwork',
        credentialSubject: {
          type: ['AchievementSubject'],
          achievement: {
            id: 'https://example.org/a/1',
            type: ['Achievement'],
            name: 'Teamwork',
            description: 'Works well in a team.',
            criteria: { narrative: 'Peer nominated.' },
          },
        },
      },
      other,
    );
    expect((await openBadgesRdfc(badge)).entries).toBe(2);
  });
});
