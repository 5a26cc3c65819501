// The transfer scenario : Amira earns entries at HMP A, is
// moved to HMP B at short notice, and four copies of her passport diverge: HMP A's, HMP B's, a
// charity's re-issue store and her own paper pack. The copies are merged in different orders by
// different people; nothing valid is lost, a tampered entry is refused, a correction replaces
// the entry it corrects, and everyone ends up with byte-identical files.
// Run: npx tsx examples/transfer-scenario.ts
import {
  addEntries,
  checkpointCovers,
  createCheckpoint,
  createIssuerProfile,
  createPassport,
  currentView,
  entryId,
  generateKeyPair,
  issueEntry,
  mergePassports,
  serializePassport,
  verifyPassport,
  type Passport,
  type PassportEntry,
} from 'learning-passport';

async function party(name: string, role: Parameters<typeof createIssuerProfile>[0]['role'], displayName?: string) {
  const key = await generateKeyPair();
  return { key, issuer: createIssuerProfile({ key, name, role, ...(displayName ? { displayName } : {}) }) };
}

/** What the scenario found, for the test suite and for people reading along. */
export interface TransferScenarioResult {
  steps: string[];
  /** The serialized passport each merge order produced. */
  serializations: string[];
  /** True when every merge order gave the same bytes. */
  identical: boolean;
  entryCount: number;
  /** Valid entries from any copy that the merged passport lacks (should be empty). */
  lost: string[];
  /** Codes of entries refused during the merges. */
  rejectedCodes: string[];
  /** The English progress record that was corrected, and its state after the merge. */
  correctedState: string;
  /** True when the charity's checkpoint covers the unit credits it saw before the transfer. */
  checkpointCoversUnits: boolean;
  summary: string;
}

/** Runs the scenario and returns what happened (prints nothing). */
export async function runTransferScenario(): Promise<TransferScenarioResult> {
  const steps: string[] = [];
  const learner = await generateKeyPair();
  const holder = learner.did;
  const [prisonA, prisonB, cityGuilds, charity] = await Promise.all([
    party('HMP A Education', 'prison', 'Learning Centre A'),
    party('HMP B Education', 'prison', 'Learning Centre B'),
    party('City & Guilds', 'awarding-body'),
    party('St Giles Trust', 'charity'),
  ]);
  const at = (date: string) => `${date}T09:00:00Z`;
  const asEntry = (e: unknown) => e as PassportEntry;

  // At HMP A: an initial assessment, two NVQ unit credits, a maths qualification from the
  // awarding body, and English in progress.
  const assessment = await issueEntry(
    'assessment-result',
    { domain: 'maths', result: 'Working towards Level 1', assessedOn: '2026-01-12' },
    { issuer: prisonA.issuer, key: prisonA.key, holder, validFrom: at('2026-01-12') },
  );
  const units = await Promise.all(
    ['Food safety in catering', 'Prepare vegetables'].map((unitTitle, i) =>
      issueEntry(
        'unit-credit',
        { unitTitle, awardingBody: { name: 'City & Guilds' }, level: 'L2', achievedOn: `2026-02-1${i}` },
        { issuer: cityGuilds.issuer, key: cityGuilds.key, holder, validFrom: at(`2026-02-1${i}`) },
      ),
    ),
  );
  const maths = await issueEntry(
    'qualification',
    { title: 'Functional Skills Maths', awardingBody: { name: 'City & Guilds' }, level: 'L1', awardedOn: '2026-03' },
    { issuer: cityGuilds.issuer, key: cityGuilds.key, holder, validFrom: at('2026-03-03') },
  );
  const english = await issueEntry(
    'learning-in-progress',
    { courseTitle: 'Functional Skills English', level: 'L1', unitsCompleted: ['Reading'], startedOn: '2026-02' },
    { issuer: prisonA.issuer, key: prisonA.key, holder, validFrom: at('2026-03-20'), id: 'urn:uuid:0e9d7a52-3f0b-4d55-a1a8-6f2c9e0b7c11' },
  );

  let copyA = (await addEntries(createPassport({ holder }), [assessment, ...units, maths, english])).passport;
  steps.push(`HMP A holds ${copyA.entries.length} entries for the learner.`);

  // Her paper pack was printed before English started; the charity keeps the unit credits (S2)
  // and signs a checkpoint of what it holds.
  let paper = (await addEntries(createPassport({ holder }), [assessment, maths])).passport;
  let copyCharity = (await addEntries(createPassport({ holder }), units)).passport;
  const checkpoint = await createCheckpoint(copyCharity, { issuer: charity.issuer, key: charity.key, at: at('2026-03-25') });
  copyCharity = (await addEntries(copyCharity, [checkpoint])).passport;
  steps.push('The charity keeps copies of the unit credits and signs a checkpoint of them.');

  // Overnight transfer. HMP A signs the handover; HMP B starts from the paper pack.
  const handover = await issueEntry(
    'custody-transfer',
    { fromEstablishment: 'HMP A', toEstablishment: 'HMP B', transferDate: '2026-04-02' },
    { issuer: prisonA.issuer, key: prisonA.key, holder, validFrom: at('2026-04-02') },
  );
  copyA = (await addEntries(copyA, [handover])).passport;
  let copyB = (await addEntries(createPassport({ holder }), [...paper.entries])).passport;
  steps.push(`Moved to HMP B at short notice: HMP B starts from her paper pack (${copyB.entries.length} entries).`);

  // Copies diverge. HMP A corrects the English record (one more unit was done); HMP B receipts the
  // transfer; the charity's mentor starts sessions at B; someone "improves" the maths entry on
  // the paper pack's copy at B.
  const englishFixed = await issueEntry(
    'learning-in-progress',
    { courseTitle: 'Functional Skills English', level: 'L1', unitsCompleted: ['Reading', 'Writing'], startedOn: '2026-02' },
    {
      issuer: prisonA.issuer,
      key: prisonA.key,
      holder,
      validFrom: at('2026-04-03'),
      id: 'urn:uuid:0e9d7a52-3f0b-4d55-a1a8-6f2c9e0b7c11',
      supersedes: entryId(english),
    },
  );
  copyA = (await addEntries(copyA, [englishFixed])).passport;
  const receipt = await issueEntry(
    'custody-transfer',
    { fromEstablishment: 'HMP A', toEstablishment: 'HMP B', transferDate: '2026-04-02' },
    { issuer: prisonB.issuer, key: prisonB.key, holder, validFrom: at('2026-04-03') },
  );
  copyB = (await addEntries(copyB, [receipt])).passport;
  const mentoring = await issueEntry(
    'mentoring',
    { programme: 'Through the Gate', organisation: 'St Giles Trust', from: '2026-04', sessions: 3 },
    { issuer: charity.issuer, key: charity.key, holder, validFrom: at('2026-04-20') },
  );
  copyCharity = (await addEntries(copyCharity, [mentoring])).passport;
  const forged = JSON.parse(JSON.stringify(maths)) as Record<string, unknown>;
  (forged.credentialSubject as { learningPassport: Record<string, unknown> }).learningPassport.grade = 'Distinction';
  // The tampered copy arrives as a plain file, not through addEntries.
  const copyBFile = JSON.parse(serializePassport(copyB)) as { entries: unknown[] };
  copyBFile.entries.push(forged);
  const copyBTampered = copyBFile as unknown as Passport;
  paper = (await addEntries(paper, [mentoring])).passport;
  steps.push('The copies diverge: a correction at A, a receipt at B, mentoring by the charity, and a tampered maths entry in a copy at B.');

  // Four people merge the copies in different orders.
  const merge = async (x: Passport, y: Passport, codes: string[]) => {
    const r = await mergePassports(x, y);
    codes.push(...r.rejected.map((e) => e.code));
    return r.passport;
  };
  const rejectedCodes: string[] = [];
  const orders: [string, () => Promise<Passport>][] = [
    [
      'HMP B: ((B + A) + charity) + paper',
      async () => merge(await merge(await merge(copyBTampered, copyA, rejectedCodes), copyCharity, rejectedCodes), paper, rejectedCodes),
    ],
    ['charity: (charity + paper) + (A + B)', async () => merge(await merge(copyCharity, paper, []), await merge(copyA, copyBTampered, []), [])],
    ['learner: paper + (charity + (A + B))', async () => merge(paper, await merge(copyCharity, await merge(copyA, copyBTampered, []), []), [])],
    ['HMP A: A + (paper + (B + charity))', async () => merge(copyA, await merge(paper, await merge(copyBTampered, copyCharity, []), []), [])],
  ];
  const serializations: string[] = [];
  let merged: Passport | undefined;
  for (const [who, run] of orders) {
    merged = await run();
    serializations.push(serializePassport(merged));
    steps.push(`Merged by ${who}: ${merged.entries.length} entries.`);
  }
  const identical = serializations.every((s) => s === serializations[0]);
  steps.push(identical ? 'Every merge order gives byte-identical files.' : 'The merge orders disagree!');

  const everything = [assessment, ...units, maths, english, englishFixed, handover, receipt, mentoring, checkpoint].map((e) => entryId(asEntry(e)));
  const held = new Set(merged!.entries.map((e) => entryId(e)));
  const lost = everything.filter((cid) => !held.has(cid));
  const view = currentView(merged!);
  const correctedState = view.byCid.get(entryId(asEntry(english)))?.state ?? 'missing';
  steps.push(`Nothing lost: ${lost.length === 0 ? 'yes' : `no, ${lost.length} missing`}. The first English record is now ${correctedState}.`);
  steps.push(`Refused while merging: ${rejectedCodes.join(', ') || 'nothing'}.`);
  // Verified now: the entries were signed today (their proof time), though validFrom tells the story's dates.
  const report = await verifyPassport(merged!, { now: new Date() });
  steps.push(`Verified offline: ${report.summary}`);

  return {
    steps,
    serializations,
    identical,
    entryCount: merged!.entries.length,
    lost,
    rejectedCodes,
    correctedState,
    checkpointCoversUnits: units.every((u) => checkpointCovers(checkpoint, entryId(asEntry(u)))),
    summary: report.summary,
  };
}

const runDirectly =
  typeof process !== 'undefined' && process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop()!);
if (runDirectly) {
  const result = await runTransferScenario();
  result.steps.forEach((step, i) => console.log(`${i + 1}. ${step}`));
}
