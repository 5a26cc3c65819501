// Realistic UK fixtures for every entry kind, and issuers to sign them.
import { readFileSync } from 'node:fs';
import { createIssuerProfile, generateKeyPair, isCustodyRole, type IssuerProfile, type IssuerRole, type SigningKeyPair } from '../../src/index.js';
import { checkpointFields, type EntryFields, type EntryKind } from '../../src/entries/index.js';

export const CID_A = 'bagaaierasords4njcts6vs7qvdjfcvgnume4hqohf65zsfguprqphs3icwea';
export const CID_B = 'bagaaierb3sy6i3bwnbeqfjo4mzl2pvzycrmd4ph5zfjkm6dvl4o3ewd2ho7q';
export const CID_C = 'bagaaieraqhhrn2ffjnj2jqkv4hgvqbdlq5hyvwcaoblehxcdcnwbvekvs3pa';

export interface Signer {
  key: SigningKeyPair;
  issuer: IssuerProfile;
}

/** A neutral display name for test issuers with a custody role, which must have one. */
export const NEUTRAL_CUSTODY_DISPLAY_NAME = 'Northgate Learning Centre';

export async function signer(name: string, role: IssuerRole, displayName?: string): Promise<Signer> {
  const key = await generateKeyPair();
  const shown = displayName ?? (isCustodyRole(role) ? NEUTRAL_CUSTODY_DISPLAY_NAME : undefined);
  return { key, issuer: createIssuerProfile({ key, name, role, ...(shown ? { displayName: shown } : {}) }) };
}

/** Which kind of organisation issues each fixture. */
export const FIXTURE_ISSUER: Record<EntryKind, { name: string; role: IssuerRole; displayName?: string }> = {
  qualification: { name: 'City & Guilds', role: 'awarding-body' },
  'unit-credit': { name: 'Highfield Qualifications', role: 'awarding-body' },
  'learning-in-progress': { name: 'Novus Cambria', role: 'education-provider', displayName: 'Northern Education Services' },
  'assessment-result': { name: 'Novus', role: 'education-provider' },
  'course-completion': { name: 'The Clink Charity', role: 'charity' },
  'licence-card': { name: 'CSCS', role: 'scheme-operator' },
  'work-experience': { name: 'Greene King', role: 'employer' },
  'employability-skill': { name: 'Greene King', role: 'employer' },
  reference: { name: 'Greene King', role: 'employer' },
  award: { name: 'Koestler Arts', role: 'charity' },
  mentoring: { name: 'St Giles Trust', role: 'charity' },
  'peer-role': { name: 'Shannon Trust', role: 'charity' },
  endorsement: { name: 'Nacro', role: 'charity' },
  'self-asserted': { name: 'Sam Holder', role: 'mentor' },
  revocation: { name: 'City & Guilds', role: 'awarding-body' },
  'custody-transfer': { name: 'HMP Leeds Education', role: 'prison', displayName: 'Leeds Learning Centre' },
  checkpoint: { name: 'Novus', role: 'education-provider' },
};

export async function fixtureFields(): Promise<{ [K in EntryKind]: EntryFields<K> }> {
  return {
    qualification: {
      title: 'Functional Skills Maths',
      qualificationNumber: '603/5060/6',
      awardingBody: { name: 'City & Guilds', id: 'RN5196' },
      framework: 'RQF',
      level: 'L1',
      awardedOn: '2026-03',
      certificateNumber: 'CG-2026-004417',
      glh: 55,
    },
    'unit-credit': {
      unitTitle: 'Principles of food safety',
      unitRef: 'H/618/7541',
      parentQualificationTitle: 'Level 2 Award in Food Safety in Catering',
      parentQualificationNumber: '603/2591/0',
      awardingBody: { name: 'Highfield Qualifications' },
      level: 'L2',
      achievedOn: '2026-02-14',
      credits: 1,
    },
    'learning-in-progress': {
      courseTitle: 'Certificate in Construction Skills',
      level: 'L1',
      awardingBody: { name: 'NOCN' },
      unitsCompleted: ['Health and safety in construction', 'Bricklaying basics', 'Measuring and marking out'],
      unitsRemaining: ['Plastering basics', 'Tiling basics'],
      glhCompleted: 84,
      startedOn: '2025-11',
      expectedEnd: '2026-05',
      nextSteps: 'Finish the plastering and tiling units; portfolio photos are ready.',
      portfolioEvidenceRefs: ['9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'],
    },
    'assessment-result': {
      domain: 'maths',
      result: 'Working at Entry Level 3',
      levelBanding: 'E3',
      instrument: 'BKSB initial assessment',
      assessedOn: '2026-01-12',
      nextStep: 'Start Functional Skills Maths at Entry Level 3.',
      validityHint: '12 months',
    },
    'course-completion': {
      title: 'Barista skills',
      provider: 'The Clink Charity',
      hours: 12,
      deliveryMode: 'workplace',
      completedOn: '2026-06',
      outcome: 'completed',
      learningOutcomes: ['Make espresso drinks to a standard recipe', 'Clean and maintain the coffee machine'],
      skills: ['Customer service', 'Food hygiene'],
    },
    'licence-card': {
      scheme: 'CSCS',
      cardType: 'Green Labourer',
      cardNumber: '00482213',
      issuedOn: '2026-03-03',
      expiresOn: '2031-03-03',
      schemeCheckUrl: 'https://www.cscs.uk.com/',
      attestationMode: 'scheme-signed',
    },
    'work-experience': {
      roleTitle: 'Kitchen team member',
      organisationDisplay: 'Greene King',
      sector: 'hospitality-and-catering',
      from: '2026-03',
      to: '2026-07',
      hoursPerWeek: 32,
      duties: ['HACCP temperature logs', 'Stock rotation', 'Food preparation'],
      skills: ['Teamwork', 'Food safety'],
      supervisorReferenceAvailable: true,
    },
    'employability-skill': {
      skill: 'teamwork',
      rating: { scale: 'demonstration-1-5', value: 4, max: 5 },
      evidence: 'Led the morning prep team on busy Saturdays and trained two new starters.',
      assessedOn: '2026-05',
      context: 'Commercial kitchen',
    },
    reference: {
      authorRole: 'Head chef',
      relationship: 'Line manager',
      period: { from: '2026-03', to: '2026-07' },
      statement: 'Reliable, always on time, and calm under pressure. Spoke with real conviction at team briefings.',
      contactable: true,
    },
    award: {
      name: 'Highly Commended, Poetry',
      awardingOrg: 'Koestler Arts',
      awardedOn: '2026-09',
      description: 'Recognised for a collection of three poems.',
    },
    mentoring: {
      programme: 'Employment mentoring',
      organisation: 'St Giles Trust',
      from: '2026-03',
      to: '2026-06',
      sessions: 10,
      goalsAchieved: ['Wrote a CV', 'Opened a bank account', 'Practised interviews'],
    },
    'peer-role': {
      roleTitle: 'Reading mentor',
      organisation: 'Shannon Trust',
      from: '2025-11',
      responsibilities: ['Coached two learners through the reading plan each week'],
      trainingCompleted: ['Mentor induction'],
    },
    endorsement: {
      target: CID_A,
      claimType: 'certificate-sighted',
      claim: 'We saw the original paper certificate and it matches this entry.',
    },
    'self-asserted': {
      claimedKind: 'qualification',
      title: 'GCSE English Language',
      organisation: 'Leeds City Academy',
      level: 'L2',
      date: '2015',
      details: 'Grade 5.',
    },
    revocation: { target: CID_A, reason: 'issued-in-error', note: 'Issued to the wrong learner.' },
    'custody-transfer': {
      fromEstablishment: 'HMP Leeds',
      toEstablishment: 'HMP Wealstun',
      transferDate: '2026-03-03',
      entryIds: [CID_A, CID_B],
      inProgressAims: ['Certificate in Construction Skills, Level 1'],
    },
    checkpoint: await checkpointFields([CID_C, CID_A, CID_B, CID_A], '2026-03-03T10:00:00Z'),
  };
}

/** The describe() line expected for each fixture. */
export const EXPECTED_DESCRIPTION: Record<EntryKind, string> = {
  qualification: 'Functional Skills Maths, Level 1 — qualification from City & Guilds, awarded March 2026',
  'unit-credit':
    'Principles of food safety, Level 2 — unit towards Level 2 Award in Food Safety in Catering, from Highfield Qualifications, achieved 14 February 2026',
  'learning-in-progress':
    'Certificate in Construction Skills, Level 1 — course in progress with Northern Education Services, started November 2025, 3 of 5 units done',
  'assessment-result': 'Maths assessment: Working at Entry Level 3 — assessment by Novus, 12 January 2026',
  'course-completion': 'Barista skills — course from The Clink Charity, completed June 2026 (12 hours)',
  'licence-card': 'CSCS Green Labourer card — card from CSCS, issued 3 March 2026, expires 3 March 2031',
  'work-experience': 'Kitchen team member at Greene King — work experience, March 2026 to July 2026, 32 hours a week',
  'employability-skill': 'Teamwork: 4 out of 5 — skill rated by Greene King, May 2026',
  reference: 'Reference from a head chef at Greene King — line manager, March 2026 to July 2026',
  award: 'Highly Commended, Poetry — award from Koestler Arts, September 2026',
  mentoring: 'Employment mentoring with St Giles Trust — mentoring, March 2026 to June 2026, 10 sessions',
  'peer-role': 'Reading mentor with Shannon Trust — helping others, since November 2025',
  endorsement: 'Endorsement: certificate seen — by Nacro, about another entry',
  'self-asserted': 'GCSE English Language, Level 2 — qualification (self-reported), with Leeds City Academy, 2015',
  revocation: 'Withdrawal of an earlier entry — by City & Guilds, reason: issued in error',
  'custody-transfer': 'Learning records passed from HMP Leeds to HMP Wealstun — handover, 3 March 2026, 2 entries',
  checkpoint: 'Checkpoint: Novus saw 3 entries — record check, 3 March 2026',
};

// Copies of the official files (hash-checked in vectors.test.ts), so the tests run from a bare checkout.
const vectors = new URL('./vectors/openbadges-3.0/', import.meta.url);
/** The official OB 3.0 AchievementCredential JSON Schema (draft 2019-09). */
export const OB_SCHEMA = JSON.parse(readFileSync(new URL('schema/achievementcredential.json', vectors), 'utf8')) as object;

/** The official minimal Open Badges 3.0 example credential (no learningPassport: kind 'external'). */
export const OB_BASIC_EXAMPLE = JSON.parse(readFileSync(new URL('examples/basicOpenBadgeCredential.json', vectors), 'utf8')) as Record<string, unknown>;
