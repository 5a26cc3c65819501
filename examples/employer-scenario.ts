// Sharing with an employer. Amira has left custody. Her passport holds a maths qualification, a
// CSCS card, the handover record made when she changed prison, a record of her wing-cleaning job,
// and a barista course the prison's education department signed under its neutral name. A
// construction employer asks for proof of what she can do. She shares a presentation signed with
// her own key, bound to the employer's one-time challenge and website. Everything the prison
// signed stays out without her having to think about it (its accreditation says "prison", and
// the linter reads it). The employer checks everything offline, holding only the national
// authority's public key. A copy of the presentation replayed later is refused. Later, for a
// café job, she chooses to include the barista course: it is shared with the prison's
// accreditation, recorded in her share log, and the verdict still names no custody role.
// Run: npx tsx examples/employer-scenario.ts
import { createIssuerProfile, createPresentation, createTrustPolicy, generateKeyPair, issueEntry, verifyPresentation } from 'learning-passport';
import { accreditIssuer } from 'learning-passport/trust';

export async function runEmployerScenario() {
  const issued = '2026-03-03T10:00:00Z';
  const now = new Date('2026-06-01T09:00:00Z');

  // 1. The trust root accredits three issuers; accreditations travel with the learner.
  const authority = await generateKeyPair();
  const awardingKey = await generateKeyPair();
  const cscsKey = await generateKeyPair();
  const prisonKey = await generateKeyPair();
  const window = { validFrom: '2026-01-01T00:00:00Z', validUntil: '2031-01-01T00:00:00Z', created: '2026-01-01T00:00:00Z' };
  const accreditations = [
    await accreditIssuer(authority, {
      did: awardingKey.did,
      organisation: 'org:city-and-guilds',
      role: 'awarding-body',
      kinds: ['qualification'],
      displayName: 'City & Guilds',
      ...window,
    }),
    await accreditIssuer(authority, {
      did: cscsKey.did,
      organisation: 'org:cscs',
      role: 'scheme-operator',
      kinds: ['licence-card'],
      displayName: 'CSCS',
      ...window,
    }),
    await accreditIssuer(authority, {
      did: prisonKey.did,
      organisation: 'org:hmp-northfield',
      role: 'prison',
      kinds: ['custody-transfer', 'work-experience', 'course-completion'],
      displayName: 'Northfield Learning Centre',
      ...window,
    }),
  ];

  // 2. Amira's entries, each bound to her holder key.
  const amira = await generateKeyPair();
  const common = { holder: amira.did, validFrom: issued, created: issued };
  const maths = await issueEntry(
    'qualification',
    { title: 'Functional Skills Maths', awardingBody: { name: 'City & Guilds' }, level: 'L1', awardedOn: '2026-03' },
    { issuer: createIssuerProfile({ key: awardingKey, name: 'City & Guilds', role: 'awarding-body' }), key: awardingKey, ...common },
  );
  const card = await issueEntry(
    'licence-card',
    { scheme: 'CSCS', cardType: 'Green Labourer', issuedOn: '2026-03-03', expiresOn: '2031-03-03', attestationMode: 'scheme-signed' },
    { issuer: createIssuerProfile({ key: cscsKey, name: 'CSCS', role: 'scheme-operator' }), key: cscsKey, ...common, validUntil: '2031-03-03T00:00:00Z' },
  );
  const prison = createIssuerProfile({ key: prisonKey, name: 'HMP Northfield', displayName: 'Northfield Learning Centre', role: 'prison' });
  const handover = await issueEntry(
    'custody-transfer',
    { fromEstablishment: 'HMP Eastwood', toEstablishment: 'HMP Northfield', transferDate: '2026-01-10' },
    { issuer: prison, key: prisonKey, ...common },
  );
  const wingJob = await issueEntry(
    'work-experience',
    { roleTitle: 'Wing cleaner', organisationDisplay: 'Northfield Learning Centre', sector: 'cleaning-and-maintenance', from: '2025-06', to: '2025-12' },
    { issuer: prison, key: prisonKey, ...common },
  );
  // Nothing in this entry's text reveals custody; only its issuer's role does.
  const barista = await issueEntry(
    'course-completion',
    { title: 'Barista skills', provider: 'Northfield Learning Centre', hours: 12, completedOn: '2026-02', outcome: 'completed' },
    { issuer: prison, key: prisonKey, ...common },
  );

  // 3. The employer's request: a fresh one-time challenge and its own domain.
  const domain = 'jobs.buildright.example';
  const challenge = crypto.randomUUID();

  // 4. Amira shares for the employer audience. The accreditations of the shared entries' issuers
  //    travel inside the presentation; the linter reads them, so the prison's entries stay out.
  const entries = [maths, card, handover, wingJob, barista];
  const shared = await createPresentation({ holderKey: amira, entries, audience: 'employer', challenge, domain, accreditations });

  // 5. The employer verifies offline: only the authority's key is configured.
  const policy = createTrustPolicy({ roots: [{ did: authority.did, name: 'National Learning Authority' }] });
  const result = await verifyPresentation(shared.presentation, { challenge, domain, policy, now });

  // 6. Someone replays the same presentation against a later request.
  const replay = await verifyPresentation(shared.presentation, { challenge: crypto.randomUUID(), domain, policy, now });

  // 7. For a café job, Amira chooses to include the barista course (her own decision, logged).
  const cafe = { challenge: crypto.randomUUID(), domain: 'jobs.corner-cafe.example' };
  const chosen = await createPresentation({ holderKey: amira, entries, audience: 'employer', ...cafe, accreditations, include: [barista.id] });
  const cafeResult = await verifyPresentation(chosen.presentation, { ...cafe, policy, now });

  return {
    sharedKinds: result.entries.map((e) => e.kind),
    excluded: shared.excluded.map((e) => ({ kind: e.kind, reason: e.reason })),
    warnings: shared.warnings,
    verified: result.verified,
    summary: result.summary,
    entries: result.entries.map((e) => ({
      kind: e.kind,
      verified: e.verified,
      description: e.description,
      trust: e.checks.find((c) => c.check === 'issuer-trust')?.status,
    })),
    replay: { verified: replay.verified, summary: replay.summary, codes: replay.errors.map((e) => e.code) },
    included: {
      sharedKinds: cafeResult.entries.map((e) => e.kind),
      overrides: chosen.overrides.map((o) => ({ kind: o.kind, reason: o.reason })),
      verified: cafeResult.verified,
      summary: cafeResult.summary,
    },
    // Everything the two employers receive, for the tests that scan it for custody words.
    received: { presentations: [shared.presentation, chosen.presentation], results: [result, replay, cafeResult] },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const outcome = await runEmployerScenario();
  console.log(`Shared with the employer: ${outcome.sharedKinds.join(', ')}`);
  console.log(`Left out: ${outcome.excluded.map((e) => `${e.kind} (${e.reason})`).join(', ')}`);
  console.log(`Employer sees: ${outcome.summary}`);
  console.log(`Replayed copy: ${outcome.replay.summary}`);
  console.log(`Café, with the course she chose to include: ${outcome.included.summary}`);
}
