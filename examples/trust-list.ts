// The authority's trust list: one signed file an employer who works offline loads, holding the
// authority's accreditations and compromise notices. A newer list replaces an older one; an
// older one slipped back in is refused. Run (after `npm run build`): npx tsx examples/trust-list.ts
import { createIssuerProfile, createPresentation, createTrustPolicy, generateKeyPair, issueEntry, verifyPresentation } from 'learning-passport';
import { accreditIssuer, createTrustList, revokeAccreditation, verifyTrustList } from 'learning-passport/trust';

export async function trustListExample() {
  // The authority, a prison accredited by it, a charity whose key is later stolen, a learner.
  const authorityKey = await generateKeyPair();
  const authorityDid = authorityKey.did;
  const leedsKey = await generateKeyPair();
  const leeds = createIssuerProfile({ key: leedsKey, name: 'HMP Leeds', displayName: 'Leeds Learning Centre', role: 'prison' });
  const charityKey = await generateKeyPair();
  const learner = await generateKeyPair();
  const leedsAccreditation = await accreditIssuer(authorityKey, {
    did: leedsKey.did,
    organisation: 'org:hmp-leeds',
    role: 'prison',
    kinds: ['course-completion'],
    validFrom: '2026-01-01T00:00:00Z',
  });
  const charityAccreditation = await accreditIssuer(authorityKey, {
    did: charityKey.did,
    organisation: 'org:second-chance',
    role: 'charity',
    kinds: ['mentoring'],
    validFrom: '2026-01-01T00:00:00Z',
  });

  // List 7, as published last month, and the learner's presentation for an employer.
  const lastAccepted = await createTrustList(authorityKey, {
    operatorName: 'National Learning Authority',
    sequenceNumber: 7,
    nextUpdate: new Date(Date.now() + 30 * 86_400_000),
    accreditations: [leedsAccreditation, charityAccreditation],
  });
  const entry = await issueEntry(
    'course-completion',
    { title: 'Barista skills', provider: 'Leeds Learning Centre', completedOn: '2026-03', outcome: 'completed' },
    { issuer: leeds, key: leedsKey, holder: learner.did },
  );
  const challenge = 'job-4711';
  const domain = 'jobs.example';
  const { presentation: vp } = await createPresentation({ holderKey: learner, entries: [entry], audience: 'employer', challenge, domain });

  // The charity's laptop is stolen: the authority publishes a compromise notice in a new list.
  const stolenKeyNotice = await revokeAccreditation(authorityKey, {
    accreditation: charityAccreditation.id,
    compromisedSince: '2026-05-01T00:00:00Z',
    reason: 'Laptop stolen',
  });

  // The authority, each time something changes (and at least before nextUpdate):
  const list = await createTrustList(authorityKey, {
    operatorName: 'National Learning Authority',
    sequenceNumber: 8,
    nextUpdate: new Date(Date.now() + 30 * 86_400_000),
    accreditations: [leedsAccreditation, charityAccreditation, stolenKeyNotice], // revocations are sorted out by type
  });

  // A verifier who pinned only the authority's DID:
  const checked = await verifyTrustList(list, { operator: authorityDid, previous: lastAccepted });
  let verified = false;
  if (checked.trustList) {
    const policy = createTrustPolicy({ trustList: checked.trustList });
    verified = (await verifyPresentation(vp, { policy, challenge, domain })).verified;
  } else console.error(checked.summary); // ERR_TRUST_LIST_STALE, _ROLLBACK, _SIGNER, _INVALID

  // List 7 again, now that 8 was accepted: a rollback, refused.
  const rollback = await verifyTrustList(lastAccepted, { operator: authorityDid, previous: list });
  // A list signed by any key but the pinned one: refused, whatever it claims.
  const forged = await verifyTrustList(
    await createTrustList(charityKey, { operatorName: 'National Learning Authority', sequenceNumber: 9, nextUpdate: '2099-01-01T00:00:00Z' }),
    {
      operator: authorityDid,
    },
  );

  return {
    accepted: checked.verified,
    replaces: checked.replaces,
    compromiseNotices: checked.trustList?.revocations.length ?? 0,
    verified,
    rollback: rollback.errors[0]?.code,
    forged: forged.errors[0]?.code,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await trustListExample());
