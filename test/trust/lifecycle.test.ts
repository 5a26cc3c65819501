// The passport's current view asks the trust area who may revoke whose entries.
import { describe, expect, it } from 'vitest';
import { addEntries, createIssuerProfile, createPassport, createTrustPolicy, currentView, entryId, generateKeyPair, issueEntry } from '../../src/index.js';
import { accreditIssuer, createTrustContext, lifecycleAuthority } from '../../src/trust.js';
import { NOW } from './helpers.js';

describe('lifecycleAuthority with currentView', () => {
  it('lets an accredited authority revoke another issuer’s entry, and nobody else', async () => {
    const [root, prison, board, stranger, learner] = await Promise.all([
      generateKeyPair(),
      generateKeyPair(),
      generateKeyPair(),
      generateKeyPair(),
      generateKeyPair(),
    ]);
    const prisonProfile = createIssuerProfile({ key: prison, name: 'HMP Northfield', displayName: 'Northfield Learning Centre', role: 'prison' });
    const boardProfile = createIssuerProfile({ key: board, name: 'Education Standards Board', role: 'authority' });
    const strangerProfile = createIssuerProfile({ key: stranger, name: 'Someone', role: 'charity' });
    const accreditations = [
      await accreditIssuer(root, {
        did: prison.did,
        organisation: 'org:northfield',
        role: 'prison',
        kinds: ['work-experience'],
        validFrom: '2026-01-01T00:00:00Z',
      }),
      await accreditIssuer(root, {
        did: board.did,
        organisation: 'org:board',
        role: 'authority',
        kinds: ['work-experience'],
        capabilities: ['revoke-others', 'supersede-others'],
        validFrom: '2026-01-01T00:00:00Z',
      }),
    ];
    const work = await issueEntry(
      'work-experience',
      { roleTitle: 'Kitchen team member', organisationDisplay: 'Northfield', sector: 'hospitality-and-catering', from: '2026-02' },
      { issuer: prisonProfile, key: prison, holder: learner.did, validFrom: '2026-03-01T00:00:00Z' },
    );
    const cid = entryId(work);
    const byBoard = await issueEntry(
      'revocation',
      { target: cid, reason: 'issued-in-error' },
      { issuer: boardProfile, key: board, validFrom: '2026-04-01T00:00:00Z', created: '2026-04-01T00:00:00Z' },
    );
    const byStranger = await issueEntry(
      'revocation',
      { target: cid, reason: 'other' },
      { issuer: strangerProfile, key: stranger, validFrom: '2026-04-01T00:00:00Z', created: '2026-04-01T00:00:00Z' },
    );

    const policy = createTrustPolicy({ roots: [root.did], now: NOW });
    const context = await createTrustContext({ policy, accreditations });
    const canActFor = lifecycleAuthority(context);

    const withStranger = (await addEntries(createPassport({ holder: learner.did }), [work, byStranger])).passport;
    expect(currentView(withStranger, { canActFor }).byCid.get(cid)!.state).toBe('active');
    const withBoard = (await addEntries(withStranger, [byBoard])).passport;
    expect(currentView(withBoard).byCid.get(cid)!.state).toBe('active'); // default: only the issuer may act
    expect(currentView(withBoard, { canActFor }).byCid.get(cid)!.state).toBe('revoked');
  });
});
