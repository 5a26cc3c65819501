// How big is one entry as a QR code? Issues a typical entry of every kind (realistic UK
// content, a holder key, a fresh issuer key) and prints, for each, the signed entry's size, the
// QR payload length ("LP1:" + Base45) and the QR version it needs at error correction level M.
// The README carries the table this prints. Run: npx tsx examples/qr-sizes.ts
import { createIssuerProfile, generateKeyPair, issueEntry, type EntryFields, type EntryKind, type IssuerRole } from 'learning-passport';
import { checkpointFields } from 'learning-passport/kinds';
import { encodeQrPayload, qrVersion } from 'learning-passport/qr';

const A = 'bagaaierasords4njcts6vs7qvdjfcvgnume4hqohf65zsfguprqphs3icwea';
const B = 'bagaaierb3sy6i3bwnbeqfjo4mzl2pvzycrmd4ph5zfjkm6dvl4o3ewd2ho7q';

/** A typical entry of each kind: who issues it, and its fields. */
export async function typicalFields(): Promise<{ [K in EntryKind]: { issuer: string; role: IssuerRole; fields: EntryFields<K> } }> {
  return {
    qualification: {
      issuer: 'City & Guilds',
      role: 'awarding-body',
      fields: {
        title: 'Functional Skills Maths',
        qualificationNumber: '603/5060/6',
        awardingBody: { name: 'City & Guilds' },
        framework: 'RQF',
        level: 'L1',
        awardedOn: '2026-03',
      },
    },
    'unit-credit': {
      issuer: 'Highfield Qualifications',
      role: 'awarding-body',
      fields: {
        unitTitle: 'Principles of food safety',
        unitRef: 'H/618/7541',
        parentQualificationTitle: 'Level 2 Award in Food Safety in Catering',
        parentQualificationNumber: '603/2591/0',
        awardingBody: { name: 'Highfield Qualifications' },
        level: 'L2',
        achievedOn: '2026-02-14',
      },
    },
    'learning-in-progress': {
      issuer: 'Northern Education Services',
      role: 'education-provider',
      fields: {
        courseTitle: 'Certificate in Construction Skills',
        level: 'L1',
        awardingBody: { name: 'NOCN' },
        unitsCompleted: ['Health and safety in construction', 'Bricklaying basics'],
        unitsRemaining: ['Plastering basics'],
        startedOn: '2025-11',
        nextSteps: 'Finish the plastering unit.',
      },
    },
    'assessment-result': {
      issuer: 'Northern Education Services',
      role: 'education-provider',
      fields: { domain: 'maths', result: 'Working at Entry Level 3', levelBanding: 'E3', assessedOn: '2026-01-12', validityHint: '12 months' },
    },
    'course-completion': {
      issuer: 'Bright Futures Training',
      role: 'trainer',
      fields: {
        title: 'Barista skills',
        provider: 'Bright Futures Training',
        hours: 12,
        completedOn: '2026-06',
        outcome: 'completed',
        skills: ['Customer service', 'Food hygiene'],
      },
    },
    'licence-card': {
      issuer: 'CSCS',
      role: 'scheme-operator',
      fields: {
        scheme: 'CSCS',
        cardType: 'Green Labourer',
        cardNumber: '00482213',
        issuedOn: '2026-03-03',
        expiresOn: '2031-03-03',
        attestationMode: 'scheme-signed',
      },
    },
    'work-experience': {
      issuer: 'Greene King',
      role: 'employer',
      fields: {
        roleTitle: 'Kitchen team member',
        organisationDisplay: 'Greene King',
        sector: 'hospitality-and-catering',
        from: '2026-03',
        to: '2026-07',
        hoursPerWeek: 32,
        duties: ['HACCP temperature logs', 'Stock rotation'],
      },
    },
    'employability-skill': {
      issuer: 'Greene King',
      role: 'employer',
      fields: {
        skill: 'teamwork',
        rating: { scale: 'demonstration-1-5', value: 4, max: 5 },
        evidence: 'Led the morning prep team on busy Saturdays.',
        assessedOn: '2026-05',
        context: 'Commercial kitchen',
      },
    },
    reference: {
      issuer: 'Greene King',
      role: 'employer',
      fields: {
        authorRole: 'Head chef',
        relationship: 'Line manager',
        period: { from: '2026-03', to: '2026-07' },
        statement: 'Reliable, always on time, and calm under pressure.',
        contactable: true,
      },
    },
    award: {
      issuer: 'Koestler Arts',
      role: 'charity',
      fields: {
        name: 'Highly Commended, Poetry',
        awardingOrg: 'Koestler Arts',
        awardedOn: '2026-09',
        description: 'Recognised for a collection of three poems.',
      },
    },
    mentoring: {
      issuer: 'St Giles Trust',
      role: 'charity',
      fields: {
        programme: 'Employment mentoring',
        organisation: 'St Giles Trust',
        from: '2026-03',
        to: '2026-06',
        sessions: 10,
        goalsAchieved: ['Wrote a CV', 'Practised interviews'],
      },
    },
    'peer-role': {
      issuer: 'Literacy Volunteers Network',
      role: 'charity',
      fields: {
        roleTitle: 'Volunteer literacy mentor',
        organisation: 'Literacy Volunteers Network',
        from: '2025-11',
        trainingCompleted: ['One-to-one coaching'],
      },
    },
    endorsement: {
      issuer: 'Nacro',
      role: 'charity',
      fields: { target: A, claimType: 'certificate-sighted', claim: 'We saw the original paper certificate and it matches this entry.' },
    },
    'self-asserted': {
      issuer: 'Sam Holder',
      role: 'mentor',
      fields: { claimedKind: 'qualification', title: 'GCSE English Language', organisation: 'Leeds City Academy', level: 'L2', date: '2015' },
    },
    revocation: { issuer: 'City & Guilds', role: 'awarding-body', fields: { target: A, reason: 'issued-in-error' } },
    'custody-transfer': {
      issuer: 'Education department',
      role: 'prison',
      fields: { fromEstablishment: 'HMP Leeds', toEstablishment: 'HMP Wealstun', transferDate: '2026-03-03', entryIds: [A, B] },
    },
    checkpoint: { issuer: 'Northern Education Services', role: 'education-provider', fields: await checkpointFields([A, B], '2026-03-03T10:00:00Z') },
  } as never;
}

/** One row of the size table. */
export interface QrSizeRow {
  kind: EntryKind;
  /** Bytes of the signed entry as JCS JSON. */
  entryBytes: number;
  /** Characters of the QR payload. */
  payloadChars: number;
  /** QR version needed at error correction level M (1–40). */
  qrVersion: number;
}

/** Issues a typical entry of every kind and measures it. */
export async function qrSizeTable(): Promise<QrSizeRow[]> {
  const holder = await generateKeyPair();
  const rows: QrSizeRow[] = [];
  const typical = await typicalFields();
  for (const kind of Object.keys(typical) as EntryKind[]) {
    const { issuer: name, role, fields } = typical[kind];
    const key = await generateKeyPair();
    const entry = await issueEntry(kind, fields as never, {
      // The names here are the neutral ones verifiers see (a prison must have one).
      issuer: createIssuerProfile({ key, name, displayName: name, role }),
      key,
      holder: holder.did,
      validFrom: '2026-03-03T10:00:00Z',
      created: '2026-03-03T10:00:00Z',
    });
    const payload = await encodeQrPayload(entry);
    rows.push({ kind, entryBytes: new TextEncoder().encode(JSON.stringify(entry)).length, payloadChars: payload.length, qrVersion: qrVersion(payload) });
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await qrSizeTable();
  console.log('| Kind | Signed entry (bytes) | QR payload (characters) | QR version (EC level M) |');
  console.log('|---|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.kind} | ${r.entryBytes} | ${r.payloadChars} | ${r.qrVersion} |`);
}
