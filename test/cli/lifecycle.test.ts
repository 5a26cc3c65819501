// Every lifecycle step is a command: the built CLI, run as an education officer and an authority
// would. `npm run build:lib` first (npm test does it).
import { readdirSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { workspace } from './run.js';

const { lp, file, json, did, dir } = workspace('lp-cli-life-');
let authority: string;
let leeds: string;
let amira: string;

const completion = (title: string) => [
  '--field',
  `title=${title}`,
  '--field',
  'provider=Leeds Learning Centre',
  '--field',
  'completedOn=2026-03',
  '--field',
  'outcome=completed',
];

beforeAll(async () => {
  authority = await did(['keys', 'generate', '--role', 'authority', '--name', 'National Learning Authority', '--out', 'authority.key.json']);
  leeds = await did(['keys', 'generate', '--role', 'prison', '--name', 'HMP Leeds', '--display-name', 'Leeds Learning Centre', '--out', 'leeds.key.json']);
  amira = await did(['keys', 'generate', '--holder', '--out', 'amira.key.json']);
  const acc = await lp([
    'accredit',
    '--key',
    'authority.key.json',
    '--did',
    leeds,
    '--organisation',
    'org:hmp-leeds',
    '--role',
    'prison',
    '--kinds',
    'course-completion,custody-transfer,checkpoint',
    '-o',
    'leeds-acc.json',
  ]);
  expect(acc.code, acc.stderr).toBe(0);
});

describe('new commands: --help with an example', () => {
  it.each([
    [['passport', '--help'], 'passport init --holder-key'],
    [['trust', '--help'], 'trust add amira.passport.json'],
    [['trust-list', '--help'], 'trust-list build --key authority.key.json'],
    [['status', '--help'], 'status create --url'],
    [['keys', '--help'], 'keys rotate leeds.key.json'],
    [['accredit', '--help'], 'accredit compromise --key'],
    [['issue', '--help'], 'issue --csv results.csv'],
  ])('%s', async (args, example) => {
    const r = await lp(args);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain(example);
  });
});

describe('keys generate --holder and passport init', () => {
  it('a learner key has no issuer role, and cannot be given one by mistake', async () => {
    const show = await lp(['keys', 'show', 'amira.key.json', '--json']);
    expect(JSON.parse(show.stdout).profile).toBeUndefined();
    const mixed = await lp(['keys', 'generate', '--holder', '--role', 'mentor', '--out', 'x.key.json']);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('takes no --role');
  });

  it('starts an empty passport for the holder and refuses to overwrite one', async () => {
    const r = await lp(['passport', 'init', '--holder-key', 'amira.key.json', '-o', 'init.passport.json']);
    expect(r.code, r.stderr).toBe(0);
    expect(json('init.passport.json')).toMatchObject({ type: 'LearningPassport', holder: amira, entries: [] });
    const again = await lp(['passport', 'init', '--holder', amira, '-o', 'init.passport.json']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
  });
});

describe('credential flags take one object or a list, and repeat', () => {
  it('verify --accreditations accepts the file accredit -o wrote (was: "not iterable")', async () => {
    await lp(['passport', 'init', '--holder', amira, '-o', 'acc.passport.json']);
    await lp(['issue', 'course-completion', '--key', 'leeds.key.json', '--holder', amira, ...completion('Barista skills'), '--passport', 'acc.passport.json']);
    const single = await lp(['verify', 'acc.passport.json', '--root', authority, '--accreditations', 'leeds-acc.json']);
    expect(single.code, single.stdout + single.stderr).toBe(0);
    writeFileSync(file('acc-list.json'), JSON.stringify([json('leeds-acc.json')]));
    const repeated = await lp(['verify', 'acc.passport.json', '--root', authority, '--accreditations', 'acc-list.json', '--accreditations', 'leeds-acc.json']);
    expect(repeated.code).toBe(0);
    // Without the accreditation nothing vouches for Leeds: something missing, "can't check".
    const none = await lp(['verify', 'acc.passport.json', '--root', authority]);
    expect(none.code).toBe(3);
    expect(none.stdout).toContain('? Can’t check (issuer not accredited): Barista skills');
    writeFileSync(file('not-credentials.json'), '[1, 2]');
    const bad = await lp(['verify', 'acc.passport.json', '--root', authority, '--accreditations', 'not-credentials.json']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('item 1 is not a credential');
  });

  it('trust add staples accreditations into the passport, so verify needs only the root', async () => {
    const r = await lp(['trust', 'add', 'acc.passport.json', '--accreditations', 'leeds-acc.json', '--accreditations', 'acc-list.json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('1 accreditation(s)');
    expect(json('acc.passport.json').accreditations).toHaveLength(1);
    expect((await lp(['verify', 'acc.passport.json', '--root', authority])).code).toBe(0);
    const nothing = await lp(['trust', 'add', 'acc.passport.json']);
    expect(nothing.code).toBe(2);
  });
});

describe('transfer on passports of any size', () => {
  it('records a transfer naming every entry held (was: "entryIds.0: is required", exit 2)', async () => {
    await lp(['passport', 'init', '--holder', amira, '-o', 'move.passport.json']);
    for (const t of ['Barista skills', 'Food hygiene', 'Forklift']) {
      expect(
        (await lp(['issue', 'course-completion', '--key', 'leeds.key.json', '--holder', amira, ...completion(t), '--passport', 'move.passport.json'])).code,
      ).toBe(0);
    }
    const r = await lp([
      'transfer',
      '--key',
      'leeds.key.json',
      '--passport',
      'move.passport.json',
      '--from',
      'HMP Leeds',
      '--to',
      'HMP Wealstun',
      '--date',
      '2026-04-01',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const entries = json('move.passport.json').entries as { credentialSubject: { learningPassport: { kind: string; entryIds?: string[] } } }[];
    const transfer = entries.find((e) => e.credentialSubject.learningPassport.kind === 'custody-transfer');
    expect(transfer?.credentialSubject.learningPassport.entryIds).toHaveLength(3);
  });
});

describe('accredit revoke and compromise, keys rotate', () => {
  it('a compromise notice makes later entries fail; revoking by file works too', async () => {
    const notice = await lp([
      'accredit',
      'compromise',
      '--key',
      'authority.key.json',
      '--did',
      leeds,
      '--since',
      '2026-01-01T00:00:00Z',
      '--reason',
      'Laptop stolen',
      '-o',
      'notice.json',
    ]);
    expect(notice.code, notice.stderr).toBe(0);
    expect(json('notice.json').credentialSubject).toMatchObject({ id: leeds, compromisedSince: '2026-01-01T00:00:00Z' });
    const after = await lp(['verify', 'acc.passport.json', '--root', authority, '--accreditations', 'notice.json', '--json']);
    expect(after.code).toBe(1);
    expect(after.stdout).toContain('ERR_KEY_COMPROMISED');
    const noSince = await lp(['accredit', 'compromise', '--key', 'authority.key.json', '--did', leeds, '--reason', 'x']);
    expect(noSince.code).toBe(2);
    expect(noSince.stderr).toContain('--since');
    const badSince = await lp(['accredit', 'compromise', '--key', 'authority.key.json', '--did', leeds, '--since', '2026-02-30', '--reason', 'x']);
    expect(badSince.code).toBe(2);
    const revoke = await lp([
      'accredit',
      'revoke',
      '--key',
      'authority.key.json',
      '--accreditation',
      'leeds-acc.json',
      '--reason',
      'Contract ended',
      '-o',
      'revocation.json',
    ]);
    expect(revoke.code, revoke.stderr).toBe(0);
    expect(json('revocation.json').credentialSubject.accreditation).toBe(json('leeds-acc.json').id);
  });

  it('keys rotate: a new key with its accreditation, the old key closed from now', async () => {
    const r = await lp([
      'keys',
      'rotate',
      'leeds.key.json',
      '--accreditation',
      'leeds-acc.json',
      '--authority-key',
      'authority.key.json',
      '--out',
      'leeds-2.key.json',
      '--accreditations-out',
      'rotation.json',
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const { did: newDid } = JSON.parse(r.stdout) as { did: string };
    const [fresh, closing] = json('rotation.json') as { credentialSubject: Record<string, unknown> }[];
    expect(fresh!.credentialSubject).toMatchObject({ id: newDid, organisation: 'org:hmp-leeds', role: 'prison' });
    expect(closing!.credentialSubject.accreditation).toBe(json('leeds-acc.json').id);
    // The new key issues; with the rotation file (a list) and the old accreditation it verifies.
    await lp(['passport', 'init', '--holder', amira, '-o', 'rot.passport.json']);
    expect(
      (await lp(['issue', 'course-completion', '--key', 'leeds-2.key.json', '--holder', amira, ...completion('Welding'), '--passport', 'rot.passport.json']))
        .code,
    ).toBe(0);
    expect(
      (await lp(['verify', 'rot.passport.json', '--root', authority, '--accreditations', 'rotation.json', '--accreditations', 'leeds-acc.json'])).code,
    ).toBe(0);
    // The old key, used after its window closed, is no longer trusted.
    expect(
      (await lp(['issue', 'course-completion', '--key', 'leeds.key.json', '--holder', amira, ...completion('Late'), '--passport', 'rot.passport.json'])).code,
    ).toBe(0);
    expect(
      (await lp(['verify', 'rot.passport.json', '--root', authority, '--accreditations', 'rotation.json', '--accreditations', 'leeds-acc.json'])).code,
    ).toBe(1);
    const wrongAcc = await lp([
      'keys',
      'rotate',
      'leeds-2.key.json',
      '--accreditation',
      'leeds-acc.json',
      '--authority-key',
      'authority.key.json',
      '--out',
      'x.key.json',
      '--accreditations-out',
      'x.json',
    ]);
    expect(wrongAcc.code).toBe(2);
    expect(wrongAcc.stderr).toContain('is not an accreditation of');
  });
});

describe('status create | allocate | set | publish', () => {
  it('an entry issued with a status index is reported revoked once its bit is set and published', async () => {
    const url = 'https://leeds.example/status/1';
    expect((await lp(['status', 'create', '--url', url, '-o', 'status.state.json'])).code).toBe(0);
    const alloc = await lp(['status', 'allocate', 'status.state.json']);
    expect(JSON.parse(alloc.stdout)).toMatchObject({ id: `${url}#0`, statusListIndex: '0' });
    expect(json('status.state.json').next).toBe(1);
    writeFileSync(file('status.csv'), `Learner,Course\n${amira},Barista skills\n`);
    const issued = await lp([
      'issue',
      '--csv',
      'status.csv',
      '--kind',
      'course-completion',
      '--key',
      'leeds-2.key.json',
      '--map',
      'Learner=holder',
      '--map',
      'Course=title',
      '--field',
      'provider=Leeds',
      '--field',
      'completedOn=2026-03',
      '--field',
      'outcome=completed',
      '--status',
      'status.state.json',
      '--out-dir',
      'status-out',
    ]);
    expect(issued.code, issued.stderr).toBe(0);
    const entryFile = `status-out/${readdirSync(file('status-out')).find((f) => f.endsWith('.entries.json'))}`;
    const [entry] = json(entryFile) as { credentialStatus: { statusListIndex: string } }[];
    expect(entry!.credentialStatus.statusListIndex).toBe('1');
    writeFileSync(file('status-entry.json'), JSON.stringify(entry));
    const trust = ['--root', authority, '--accreditations', 'rotation.json', '--accreditations', 'leeds-acc.json'];
    expect((await lp(['status', 'publish', 'status.state.json', '--key', 'leeds-2.key.json', '-o', 'status-0.json'])).code).toBe(0);
    expect((await lp(['verify', 'status-entry.json', ...trust, '--status-list', 'status-0.json'])).code).toBe(0);
    expect((await lp(['status', 'set', 'status.state.json', '--index', '1'])).code).toBe(0);
    expect((await lp(['status', 'publish', 'status.state.json', '--key', 'leeds-2.key.json', '-o', 'status-1.json'])).code).toBe(0);
    const revoked = await lp(['verify', 'status-entry.json', ...trust, '--status-list', 'status-1.json', '--json']);
    expect(revoked.code).toBe(1);
    expect(revoked.stdout).toContain('ERR_STATUS_REVOKED');
    expect((await lp(['status', 'set', 'status.state.json', '--index', '999999999'])).code).toBe(2);
  });
});

describe('trust-list build | verify | show, verify --trust-list', () => {
  it('builds, verifies, shows; refuses rollback and a list signed by another key (exit 1)', async () => {
    const b1 = await lp([
      'trust-list',
      'build',
      '--key',
      'authority.key.json',
      '--name',
      'National Learning Authority',
      '--sequence',
      '1',
      '--next-update',
      '2099-01-01T00:00:00Z',
      '--accreditations',
      'leeds-acc.json',
      '-o',
      'tl-1.json',
    ]);
    expect(b1.code, b1.stderr).toBe(0);
    const b2 = await lp([
      'trust-list',
      'build',
      '--key',
      'authority.key.json',
      '--name',
      'National Learning Authority',
      '--previous',
      'tl-1.json',
      '--next-update',
      '2099-01-01T00:00:00Z',
      '--accreditations',
      'rotation.json',
      '-o',
      'tl-2.json',
    ]);
    expect(b2.code, b2.stderr).toBe(0);
    expect(json('tl-2.json').credentialSubject).toMatchObject({ sequenceNumber: 2 });
    expect(json('tl-2.json').credentialSubject.accreditations).toHaveLength(2);
    expect(json('tl-2.json').credentialSubject.revocations).toHaveLength(1);
    const ok = await lp(['trust-list', 'verify', 'tl-2.json', '--root', authority, '--previous', 'tl-1.json']);
    expect(ok.code, ok.stdout).toBe(0);
    expect(ok.stdout).toContain('replaces #1');
    const rollback = await lp(['trust-list', 'verify', 'tl-1.json', '--root', authority, '--previous', 'tl-2.json', '--json']);
    expect(rollback.code).toBe(1);
    expect(JSON.parse(rollback.stdout).errors[0].code).toBe('ERR_TRUST_LIST_ROLLBACK');
    const other = await lp(['trust-list', 'verify', 'tl-2.json', '--root', leeds]);
    expect(other.code).toBe(1);
    expect(other.stdout).toContain('not by the operator key you trust');
    const show = await lp(['trust-list', 'show', 'tl-2.json']);
    expect(show.stdout).toContain('Trust list #2 of National Learning Authority');
    expect(show.stdout).toContain('org:hmp-leeds as prison');
    const noRoot = await lp(['trust-list', 'verify', 'tl-2.json']);
    expect(noRoot.code).toBe(2);
  });

  it('verify --trust-list: the pinned key alone plus the list verifies; an older list is refused', async () => {
    const withList = await lp(['verify', 'rot.passport.json', '--root', authority, '--trust-list', 'tl-2.json', '--json']);
    // The late entry by the rotated-out key stays untrusted; the new key's entry is trusted.
    const report = JSON.parse(withList.stdout) as { entries: { verified: boolean }[] };
    expect(report.entries.filter((e) => e.verified)).toHaveLength(1);
    const foreign = await lp(['verify', 'rot.passport.json', '--root', leeds, '--trust-list', 'tl-2.json']);
    expect(foreign.code).toBe(1);
    expect(foreign.stderr).toContain('ERR_TRUST_LIST_SIGNER');
    const old = await lp(['verify', 'rot.passport.json', '--root', authority, '--trust-list', 'tl-1.json', '--previous-trust-list', 'tl-2.json']);
    expect(old.code).toBe(1);
    expect(old.stderr).toContain('ERR_TRUST_LIST_ROLLBACK');
    expect((await lp(['verify', 'rot.passport.json', '--trust-list', 'tl-2.json'])).code).toBe(2);
  });

  it('trust add --trust-list staples the list’s accreditations and revocations', async () => {
    await lp(['passport', 'init', '--holder', amira, '-o', 'tl.passport.json']);
    const r = await lp(['trust', 'add', 'tl.passport.json', '--trust-list', 'tl-2.json', '--root', authority]);
    expect(r.code, r.stderr).toBe(0);
    expect(json('tl.passport.json').accreditations).toHaveLength(3);
  });
});

describe('issue --csv: bulk issuing from a spreadsheet', () => {
  it('issues the good rows, reports each bad row with its line and reason, writes one file per learner and a report', async () => {
    const other = await did(['keys', 'generate', '--holder', '--out', 'bo.key.json']);
    writeFileSync(
      file('results.csv'),
      [
        'Learner DID,Course,Completed,Hours,Skills',
        `${amira},Barista skills,2026-03,30,coffee;customer service`,
        `${other},"Maths, level 1",2026-05,12,`,
        `did:key:z6MkBROKEN,Forklift,2026-04,,`,
        `,Welding,2026-04,12,`,
        `${amira},Food hygiene,2026-04,six,`,
        `${amira},Too many,2026-04,1,,extra`,
        `${other},Painting,,2,`,
        `${amira},Customer care,2026-04,3,`,
      ].join('\n'),
    );
    const args = [
      'issue',
      '--csv',
      'results.csv',
      '--kind',
      'course-completion',
      '--key',
      'leeds-2.key.json',
      '--map',
      'Learner DID=holder',
      '--map',
      'Course=title',
      '--map',
      'Completed=completedOn',
      '--map',
      'Hours=hours:number',
      '--map',
      'Skills=skills:list',
      '--field',
      'provider=Leeds Learning Centre',
      '--field',
      'outcome=completed',
    ];
    const r = await lp([...args, '--out-dir', 'bulk', '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as {
      rows: number;
      issued: number;
      failures: { row: number; reason: string }[];
      outputs: { holder: string; entries: number; file: string }[];
    };
    expect(report.rows).toBe(8);
    expect(report.issued).toBe(3);
    expect(report.failures.map((f) => f.row)).toEqual([4, 5, 6, 7, 8]);
    expect(report.failures[0]!.reason).toContain('not a valid did:key');
    expect(report.failures[1]!.reason).toContain('holder column is empty');
    expect(report.failures[2]!.reason).toContain('"Hours"');
    expect(report.failures[3]!.reason).toContain('6 cells');
    expect(report.failures[4]!.reason).toContain('completedOn');
    expect(report.outputs.find((o) => o.holder === amira)!.entries).toBe(2);
    expect(json('bulk/report.json')).toEqual(report);
    const mine = json(report.outputs.find((o) => o.holder === amira)!.file.replace(`${dir}/`, '')) as {
      credentialSubject: { id: string; learningPassport: { skills?: string[] } };
    }[];
    expect(mine[0]!.credentialSubject.id).toBe(amira);
    expect(mine[0]!.credentialSubject.learningPassport.skills).toEqual(['coffee', 'customer service']);
    expect(readdirSync(file('bulk')).some((f) => f.endsWith('.tmp'))).toBe(false);
    // Human output: row numbers and reasons on stderr.
    const human = await lp([...args, '--out-dir', 'bulk-h']);
    expect(human.stdout).toContain('3 of 8 rows issued for 2 learner(s)');
    expect(human.stderr).toContain('row 6: column "Hours"');
  });

  it('passports output and a mapping file: entries are added to each learner’s passport', async () => {
    writeFileSync(
      file('map.json'),
      JSON.stringify({
        kind: 'course-completion',
        columns: { Learner: 'holder', Course: 'title' },
        fields: { provider: 'Leeds', completedOn: '2026-03', outcome: 'completed' },
      }),
    );
    writeFileSync(file('few.csv'), `Learner,Course\n${amira},One\n${amira},Two\n`);
    const r = await lp([
      'issue',
      '--csv',
      'few.csv',
      '--mapping',
      'map.json',
      '--key',
      'leeds-2.key.json',
      '--out-dir',
      'pp',
      '--output',
      'passports',
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout).outputs[0].file as string;
    expect(json(out.replace(`${dir}/`, ''))).toMatchObject({ type: 'LearningPassport', holder: amira });
    // The same sheet again adds nothing (each row already issued); a new sheet grows the passport.
    const again = await lp(['issue', '--csv', 'few.csv', '--mapping', 'map.json', '--key', 'leeds-2.key.json', '--out-dir', 'pp', '--output', 'passports']);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('already issued');
    expect(json(out.replace(`${dir}/`, '')).entries).toHaveLength(2);
    writeFileSync(file('more.csv'), `Learner,Course\n${amira},Three\n${amira},Four\n`);
    await lp(['issue', '--csv', 'more.csv', '--mapping', 'map.json', '--key', 'leeds-2.key.json', '--out-dir', 'pp', '--output', 'passports']);
    expect(json(out.replace(`${dir}/`, '')).entries).toHaveLength(4);
    const unknownColumn = await lp([
      'issue',
      '--csv',
      'few.csv',
      '--kind',
      'course-completion',
      '--map',
      'Leaner=holder',
      '--key',
      'leeds-2.key.json',
      '--out-dir',
      'pp',
    ]);
    expect(unknownColumn.code).toBe(2);
    expect(unknownColumn.stderr).toContain('its columns are: "Learner", "Course"');
  });
});
