import { describe, expect, it } from 'vitest';
import { addEntries, createCheckpoint, createIssuerProfile, createPassport, entryId, generateKeyPair, issueEntry, signCredential } from '../../src/index.js';
import { checkpointsFromEntries } from '../../src/trust.js';

describe('checkpointsFromEntries', () => {
  it('returns only signed, consistent checkpoints', async () => {
    const [prison, learner] = await Promise.all([generateKeyPair(), generateKeyPair()]);
    const issuer = createIssuerProfile({ key: prison, name: 'HMP Eastwood', displayName: 'Eastwood Learning Centre', role: 'prison' });
    const work = await issueEntry(
      'work-experience',
      { roleTitle: 'Cleaner', organisationDisplay: 'Eastwood', sector: 'cleaning-and-maintenance', from: '2026-02' },
      { issuer, key: prison, holder: learner.did },
    );
    const passport = (await addEntries(createPassport({ holder: learner.did }), [work])).passport;
    const checkpoint = await createCheckpoint(passport, { issuer, key: prison, at: '2026-05-05T09:00:00Z' });

    const found = await checkpointsFromEntries([work, checkpoint]);
    expect(found).toEqual([{ issuer: prison.did, at: '2026-05-05T09:00:00Z', cids: [entryId(work)] }]);

    // Changed after signing: the signature no longer holds.
    const tampered = structuredClone(checkpoint) as any;
    tampered.credentialSubject.learningPassport.at = '2026-01-01T00:00:00Z';
    // Re-signed but inconsistent: the digest does not match the CIDs.
    const { proof: _p, ...unsigned } = structuredClone(checkpoint) as any;
    unsigned.credentialSubject.learningPassport.cids = ['bagaaieraaaaa'];
    const inconsistent = await signCredential(unsigned, prison);
    expect(await checkpointsFromEntries([tampered, inconsistent, null, 'x', { credentialSubject: { learningPassport: { kind: 'checkpoint' } } }])).toEqual([]);
    await expect(checkpointsFromEntries('x' as never)).rejects.toThrow(TypeError);
  });
});
