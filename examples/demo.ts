// The whole story, end to end (`npm run demo`):
//   a national authority accredits the issuers; prison A's education team and an awarding body
//   issue entries; the learner is moved to prison B at short notice; prison A's, prison B's and a
//   charity's copies diverge and are merged (any order, identical result); the charity mentors
//   her; she is released and shares a presentation; an employer verifies it offline, holding
//   only the authority's public key. Every step is printed; it finishes in seconds.
import {
  addEntries,
  addTrustMaterial,
  createIssuerProfile,
  createPassport,
  createPresentation,
  createTrustPolicy,
  describeEntry,
  entryId,
  generateKeyPair,
  issueEntry,
  mergePassports,
  serializePassport,
  verifyCredential,
  verifyPassport,
  verifyPresentation,
  type IssuerRole,
  type SigningKeyPair,
} from 'learning-passport';
import { accreditIssuer, type AccreditationCredential } from 'learning-passport/trust';
import { lintDisclosure } from 'learning-passport/present';

type Say = (line?: string) => void;

/** Runs the demo; `say` receives every line (console.log when run directly). */
export async function runDemo(say: Say = () => {}) {
  const step = (n: number, title: string) => say(`\n${n}. ${title}`);
  const ok = (good: boolean, text: string) => say(`   ${good ? '✓' : '✗'} ${text}`);
  const window = { validFrom: '2026-01-01T00:00:00Z', validUntil: '2031-01-01T00:00:00Z' };

  step(1, 'Keys and accreditation: a national authority vouches for six issuers');
  const authority = await generateKeyPair();
  const issuers: Record<string, { key: SigningKeyPair; profile: ReturnType<typeof createIssuerProfile> }> = {};
  const accreditations: AccreditationCredential[] = [];
  const make = async (id: string, name: string, role: IssuerRole, kinds: string[], displayName?: string) => {
    const key = await generateKeyPair();
    issuers[id] = { key, profile: createIssuerProfile({ key, name, role, ...(displayName ? { displayName } : {}) }) };
    accreditations.push(
      await accreditIssuer(authority, { did: key.did, organisation: `org:${id}`, role, kinds: kinds as never, displayName: displayName ?? name, ...window }),
    );
    say(`   ${name}${displayName ? ` (shown to verifiers as "${displayName}")` : ''} — ${role}`);
  };
  await make('city-and-guilds', 'City & Guilds', 'awarding-body', ['qualification', 'unit-credit']);
  await make('cscs', 'CSCS', 'scheme-operator', ['licence-card']);
  await make(
    'college',
    'Milton Keynes College (prison education)',
    'education-provider',
    ['assessment-result', 'learning-in-progress', 'unit-credit'],
    'Milton Keynes College',
  );
  await make('prison-a', 'HMP Northfield', 'prison', ['custody-transfer', 'checkpoint'], 'Northfield Learning Centre');
  await make('prison-b', 'HMP Southmoor', 'prison', ['custody-transfer', 'checkpoint'], 'Southmoor Learning Centre');
  await make('charity', 'Second Chance Mentoring', 'charity', ['mentoring']);
  const policy = createTrustPolicy({ roots: [{ did: authority.did, name: 'National Learning Authority' }] });

  step(2, 'At prison A: Amira is assessed by the college that teaches there, passes maths, and starts English');
  const amira = await generateKeyPair();
  const issue = (who: string, kind: string, fields: object, extra: object = {}) =>
    issueEntry(kind as never, fields as never, { issuer: issuers[who]!.profile, key: issuers[who]!.key, holder: amira.did, ...extra });
  const assessment = await issue('college', 'assessment-result', { domain: 'english', result: 'Working towards Entry 3', assessedOn: '2026-01-20' });
  const maths = await issue('city-and-guilds', 'qualification', {
    title: 'Functional Skills Mathematics',
    awardingBody: { name: 'City & Guilds' },
    level: 'L1',
    awardedOn: '2026-03',
  });
  const english = await issue('college', 'learning-in-progress', {
    courseTitle: 'Functional Skills English, Entry 3',
    unitsCompleted: ['Reading'],
    unitsRemaining: ['Writing', 'Speaking and listening'],
    startedOn: '2026-02',
    nextSteps: 'Carry on with writing; reading is complete.',
  });
  for (const e of [assessment, maths, english]) say(`   + ${describeEntry(e)}`);
  let learnerCopy = (await addEntries(createPassport({ holder: amira.did }), [assessment, maths, english])).passport;

  step(3, 'Moved to prison B at short notice: both prisons sign the handover');
  const transferFields = {
    fromEstablishment: 'HMP Northfield',
    toEstablishment: 'HMP Southmoor',
    transferDate: '2026-04-02',
    entryIds: [assessment, maths, english].map(entryId).sort(),
  };
  const handoverA = await issue('prison-a', 'custody-transfer', transferFields);
  const handoverB = await issue('prison-b', 'custody-transfer', transferFields);
  learnerCopy = (await addEntries(learnerCopy, [handoverA])).passport;
  say(`   prison A and prison B each signed a custody-transfer entry (class C: never shown to employers)`);

  step(4, 'The copies diverge: prison B (where the college marks a unit) and the charity each record more');
  const writing = await issue('college', 'unit-credit', {
    unitTitle: 'Writing',
    unitRef: 'FSE-E3-W',
    parentQualificationNumber: '603/5063/1',
    awardingBody: { name: 'City & Guilds' },
    level: 'E3',
    achievedOn: '2026-05-14',
  });
  const mentoring = await issue('charity', 'mentoring', {
    programme: 'Through-the-gate mentoring',
    organisation: 'Second Chance Mentoring',
    from: '2026-04',
    sessions: 6,
  });
  const copyA = (await addEntries(learnerCopy, [])).passport; // prison A keeps what it had
  const copyB = (await addEntries(learnerCopy, [handoverB, writing])).passport;
  const copyCharity = (await addEntries(learnerCopy, [mentoring])).passport;
  say(`   prison A holds ${copyA.entries.length}, prison B ${copyB.entries.length}, the charity ${copyCharity.entries.length} entries`);

  step(5, 'Merging: any order, any grouping, the same bytes');
  const one = (await mergePassports((await mergePassports(copyA, copyB)).passport, copyCharity)).passport;
  const two = (await mergePassports(copyCharity, (await mergePassports(copyB, copyA)).passport)).passport;
  const same = serializePassport(one) === serializePassport(two);
  ok(same, `${one.entries.length} entries after merging, byte-identical whoever merges (${serializePassport(one).length} bytes)`);

  step(6, 'Verified offline with only the authority’s public key');
  // The accreditations travel inside the passport, so the verifier needs nothing else.
  const stapled = (await addTrustMaterial(one, { accreditations })).passport;
  const report = await verifyPassport(stapled, { policy });
  for (const e of report.entries) ok(e.result.verified, `${e.kind.padEnd(20)} ${e.result.summary}`);

  step(7, 'The charity tries to issue a qualification: the policy refuses it');
  const bogus = await issue('charity', 'qualification', {
    title: 'Level 2 Award in Mentoring',
    awardingBody: { name: 'Second Chance Mentoring' },
    level: 'L2',
    awardedOn: '2026-06',
  });
  const refused = await verifyCredential(bogus, { policy, accreditations } as never);
  ok(!refused.verified, `charity qualification: ${refused.summary}`);

  step(8, 'Released: a CSCS card, then Amira shares two entries with an employer');
  const card = await issue('cscs', 'licence-card', {
    scheme: 'CSCS',
    cardType: 'Green Labourer',
    issuedOn: '2026-07-01',
    expiresOn: '2031-07-01',
    attestationMode: 'scheme-signed',
  });
  const released = (await addEntries(stapled, [card])).passport;
  const challenge = crypto.randomUUID();
  const domain = 'jobs.buildright.example';
  const shared = await createPresentation({
    holderKey: amira,
    entries: released.entries.filter((e) => [entryId(maths), entryId(card)].includes(entryId(e))),
    audience: 'employer',
    challenge,
    domain,
    // The accreditations of the shared entries' issuers travel inside the presentation; the
    // privacy linter reads them all, so nothing a prison signed goes unless Amira includes it.
    accreditations: released.accreditations,
  });
  const warnings = lintDisclosure([handoverA], { accreditations });
  say(
    `   shared: ${shared.presentation.verifiableCredential?.length ?? 0} entries; the linter on the handover alone says: "${warnings[0]?.message ?? 'nothing'}"`,
  );
  const tryAll = await createPresentation({
    holderKey: amira,
    entries: released.entries,
    audience: 'employer',
    challenge,
    domain,
    accreditations: released.accreditations,
  });
  say(`   had she offered everything, ${tryAll.excluded.length} custody-context entries would have been left out automatically`);

  step(9, 'The employer verifies offline, holding only the authority’s key');
  const seen = await verifyPresentation(shared.presentation, { challenge, domain, policy });
  for (const e of seen.entries) ok(e.verified, `${e.description}`);
  ok(seen.verified, seen.summary);
  const replay = await verifyPresentation(shared.presentation, { challenge: crypto.randomUUID(), domain, policy });
  ok(!replay.verified, `the same presentation replayed later: ${replay.summary}`);

  return {
    mergedIdentically: same,
    entries: one.entries.length,
    passportVerified: report.verified,
    charityQualificationRefused: !refused.verified,
    employerVerified: seen.verified,
    sharedKinds: seen.entries.map((e) => e.kind),
    replayRefused: !replay.verified,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = Date.now();
  const outcome = await runDemo((line = '') => console.log(line));
  console.log(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  if (!outcome.mergedIdentically || !outcome.passportVerified || !outcome.employerVerified || !outcome.replayRefused) process.exitCode = 1;
}
