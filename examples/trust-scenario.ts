// Trust without a central database. A national authority accredits an awarding body, two
// prisons and a charity. The learner's entries are issued at one prison, the learner moves, the
// two copies of the passport are merged, and an employer verifies everything offline holding
// only the authority's public key. The charity's attempt to issue a qualification is refused by
// the policy; later the awarding body's key is stolen, and a checkpoint made by the receiving
// prison before the theft keeps the qualification trusted.
// Run: npx tsx examples/trust-scenario.ts
import {
  addEntries,
  createCheckpoint,
  createIssuerProfile,
  createPassport,
  createTrustPolicy,
  entryId,
  generateKeyPair,
  issueEntry,
  mergePassports,
  parsePassport,
  serializePassport,
  verifyPassport,
  type Passport,
} from 'learning-passport';
import { type TrustEvaluation } from 'learning-passport/verify';
import {
  accreditIssuer,
  createStatusList,
  createTrustContext,
  evaluateTrust,
  issueStatusListCredential,
  revokeAccreditation,
  setStatus,
  statusEntry,
} from 'learning-passport/trust';

const say = (line: string): void => {
  if (runDirectly) console.log(line);
};
const runDirectly =
  typeof process !== 'undefined' && process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop()!);

/** Staples trust material (accreditations, status list snapshots) into a passport file. */
function staple(passport: Passport, material: { accreditations?: object[]; statusLists?: object[] }): Passport {
  const doc = JSON.parse(serializePassport(passport)) as { accreditations: object[]; statusLists: object[] };
  doc.accreditations.push(...(material.accreditations ?? []));
  doc.statusLists.push(...(material.statusLists ?? []));
  return parsePassport(JSON.stringify(doc));
}

/** The outcome of {@link runTrustScenario}, one verdict per step. */
export interface TrustScenarioOutcome {
  merged: { entries: number; rejected: number };
  /** Intrinsic checks (signatures, schemas) of the merged passport, with no policy. */
  intact: boolean;
  verdicts: Record<string, TrustEvaluation>;
  charityQualification: TrustEvaluation;
  afterCompromise: { qualification: TrustEvaluation; forgedLater: TrustEvaluation };
}

/**
 * Runs the whole trust story and returns what each verification said.
 *
 * @example
 * ```ts
 * const outcome = await runTrustScenario();
 * outcome.charityQualification.checks[0].code; // 'ERR_KIND_NOT_ALLOWED'
 * ```
 */
export async function runTrustScenario(): Promise<TrustScenarioOutcome> {
  // Dates are relative to today: createCheckpoint signs with the current time.
  const now = new Date(Math.floor(Date.now() / 1000) * 1000);
  const day = (offset: number): string => new Date(now.getTime() + offset * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  // 1. The national authority is the only trust root. Everyone else is accredited by it.
  const authorityKey = await generateKeyPair();
  const keys = {
    awarding: await generateKeyPair(),
    northfield: await generateKeyPair(),
    eastwood: await generateKeyPair(),
    charity: await generateKeyPair(),
  };
  const profiles = {
    awarding: createIssuerProfile({ key: keys.awarding, name: 'Northern Awards', role: 'awarding-body' }),
    northfield: createIssuerProfile({ key: keys.northfield, name: 'HMP Northfield', displayName: 'Northfield Learning Centre', role: 'prison' }),
    eastwood: createIssuerProfile({ key: keys.eastwood, name: 'HMP Eastwood', displayName: 'Eastwood Learning Centre', role: 'prison' }),
    charity: createIssuerProfile({ key: keys.charity, name: 'Second Chance Trust', role: 'charity' }),
  };
  const window = { validFrom: day(-150), validUntil: day(600), created: day(-150) };
  const accreditations = [
    await accreditIssuer(authorityKey, {
      did: keys.awarding.did,
      organisation: 'org:northern-awards',
      role: 'awarding-body',
      kinds: ['qualification', 'unit-credit'],
      displayName: 'Northern Awards',
      ...window,
    }),
    await accreditIssuer(authorityKey, {
      did: keys.northfield.did,
      organisation: 'org:hmp-northfield',
      role: 'prison',
      kinds: ['custody-transfer', 'checkpoint', 'work-experience'],
      displayName: 'Northfield Learning Centre',
      ...window,
    }),
    await accreditIssuer(authorityKey, {
      did: keys.eastwood.did,
      organisation: 'org:hmp-eastwood',
      role: 'prison',
      kinds: ['custody-transfer', 'checkpoint', 'work-experience'],
      displayName: 'Eastwood Learning Centre',
      ...window,
    }),
    await accreditIssuer(authorityKey, {
      did: keys.charity.did,
      organisation: 'org:second-chance',
      role: 'charity',
      kinds: ['mentoring'],
      displayName: 'Second Chance Trust',
      ...window,
    }),
  ];
  say(`1. The authority accredited ${accreditations.length} issuers: an awarding body, two prisons and a charity.`);

  // 2. Entries are issued at HMP Northfield. The awarding body publishes a revocation list.
  const learner = await generateKeyPair();
  const listUrl = 'https://status.northern-awards.example/lists/1';
  const qualification = await issueEntry(
    'qualification',
    { title: 'Functional Skills Mathematics', awardingBody: { name: 'Northern Awards' }, level: 'L1', awardedOn: day(-90).slice(0, 7) },
    {
      issuer: profiles.awarding,
      key: keys.awarding,
      holder: learner.did,
      validFrom: day(-90),
      created: day(-90),
      credentialStatus: statusEntry({ listUrl, index: 94567, purpose: 'revocation' }),
    },
  );
  const work = await issueEntry(
    'work-experience',
    {
      roleTitle: 'Kitchen team member',
      organisationDisplay: 'Northfield Learning Centre',
      sector: 'hospitality-and-catering',
      from: day(-120).slice(0, 7),
      to: day(-32).slice(0, 7),
    },
    { issuer: profiles.northfield, key: keys.northfield, holder: learner.did, validFrom: day(-32), created: day(-32) },
  );
  const mentoring = await issueEntry(
    'mentoring',
    { programme: 'Employment mentoring', organisation: 'Second Chance Trust', from: day(-120).slice(0, 7), sessions: 8 },
    { issuer: profiles.charity, key: keys.charity, holder: learner.did, validFrom: day(-42), created: day(-42) },
  );
  // Signing is not policing: the charity can sign a "qualification", but no verifier's policy accepts it.
  const charityQualificationEntry = await issueEntry(
    'qualification',
    { title: 'Level 2 Food Hygiene', awardingBody: { name: 'Second Chance Trust' }, level: 'L2', awardedOn: day(-41).slice(0, 7) },
    { issuer: profiles.charity, key: keys.charity, holder: learner.did, validFrom: day(-41), created: day(-41) },
  );
  const revocationList = await issueStatusListCredential(keys.awarding, {
    id: listUrl,
    purpose: 'revocation',
    list: setStatus(createStatusList(), 11, true),
    validFrom: day(-20),
    created: day(-20),
  });
  let northfieldCopy = (await addEntries(createPassport({ holder: learner.did }), [qualification, work, mentoring, charityQualificationEntry])).passport;
  northfieldCopy = staple(northfieldCopy, { accreditations, statusLists: [revocationList] });
  say(`2. HMP Northfield's copy holds ${northfieldCopy.entries.length} entries, the accreditations and a status list snapshot.`);

  // 3. The learner moves to HMP Eastwood. Both prisons sign the transfer; Eastwood checkpoints what arrived.
  const transfer = {
    fromEstablishment: 'HMP Northfield',
    toEstablishment: 'HMP Eastwood',
    transferDate: day(-28).slice(0, 10),
    entryIds: northfieldCopy.entries.map(entryId).sort(),
  };
  const sent = await issueEntry('custody-transfer', transfer, {
    issuer: profiles.northfield,
    key: keys.northfield,
    holder: learner.did,
    validFrom: day(-28),
    created: day(-28),
  });
  const received = await issueEntry('custody-transfer', transfer, {
    issuer: profiles.eastwood,
    key: keys.eastwood,
    holder: learner.did,
    validFrom: day(-27.5),
    created: day(-27.5),
  });
  northfieldCopy = (await addEntries(northfieldCopy, [sent])).passport;
  let eastwoodCopy = (await addEntries(createPassport({ holder: learner.did }), [received])).passport;
  eastwoodCopy = staple(eastwoodCopy, { accreditations: [accreditations[2]!] });
  const merge = await mergePassports(northfieldCopy, eastwoodCopy);
  const checkpoint = await createCheckpoint(merge.passport, { issuer: profiles.eastwood, key: keys.eastwood, at: day(-27) });
  const passport = (await addEntries(merge.passport, [checkpoint])).passport;
  say(`3. After the transfer the copies merge: ${passport.entries.length} entries, ${merge.rejected.length} rejected; Eastwood signed a checkpoint over them.`);

  // 4. An employer verifies offline, holding only the authority's public key.
  const report = await verifyPassport(passport, { now });
  const policy = createTrustPolicy({ roots: [{ did: authorityKey.did, name: 'National Learning Authority' }], now });
  const context = await createTrustContext({ policy, accreditations: passport.accreditations, statusLists: passport.statusLists, entries: passport.entries });
  const judge = (entry: object) => evaluateTrust(entry, { context });
  const verdicts: Record<string, TrustEvaluation> = {
    qualification: await judge(qualification),
    'work-experience': await judge(work),
    mentoring: await judge(mentoring),
    'custody-transfer (sent)': await judge(sent),
    'custody-transfer (received)': await judge(received),
    checkpoint: await judge(checkpoint),
  };
  say(`4. Signatures and schemas of every entry: ${report.summary}`);
  for (const [name, v] of Object.entries(verdicts)) say(`   ${name}: ${v.summary}`);
  const charityQualification = await judge(charityQualificationEntry);
  say(`5. The charity's "qualification": ${charityQualification.summary}`);

  // 6. The awarding body's key is stolen. Entries dated afterwards are refused; the qualification
  //    stays trusted because Eastwood's checkpoint from before the theft covers it.
  const compromise = await revokeAccreditation(authorityKey, {
    did: keys.awarding.did,
    compromisedSince: day(-12),
    reason: 'Signing laptop stolen',
    effective: day(-11),
    created: day(-11),
  });
  const forged = await issueEntry(
    'qualification',
    { title: 'Diploma in Everything', awardingBody: { name: 'Northern Awards' }, level: 'L3', awardedOn: day(-5).slice(0, 7) },
    { issuer: profiles.awarding, key: keys.awarding, holder: learner.did, validFrom: day(-5), created: day(-5) },
  );
  const later = await createTrustContext({
    policy,
    accreditations: [...passport.accreditations, compromise],
    statusLists: passport.statusLists,
    entries: passport.entries,
  });
  const afterCompromise = {
    qualification: await evaluateTrust(qualification, { context: later }),
    forgedLater: await evaluateTrust(forged, { context: later }),
  };
  say(`6. After the key theft: qualification — ${afterCompromise.qualification.summary}`);
  say(`   an entry dated after the theft — ${afterCompromise.forgedLater.summary}`);

  return {
    merged: { entries: passport.entries.length, rejected: merge.rejected.length },
    intact: report.verified,
    verdicts,
    charityQualification,
    afterCompromise,
  };
}

if (runDirectly) await runTrustScenario();
