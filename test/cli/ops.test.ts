// The issuer's smaller tools the operations guide leans on, run through the built command:
// keys rotate --iterations, issue --status, keys show --did, revoke by entry file, timeline ids,
// trust-list build --next-update 30d.
import { readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { workspace } from './run.js';

const { lp, file, json, did } = workspace('lp-cli-ops-');
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
/** PBKDF2 rounds a key file asks for (the p2c of its JWE header). */
const p2c = (name: string) => JSON.parse(Buffer.from((json(name) as { jwe: string }).jwe.split('.')[0]!, 'base64url').toString()).p2c as number;

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
    'course-completion,revocation',
    '-o',
    'leeds-acc.json',
  ]);
  expect(acc.code, acc.stderr).toBe(0);
});

describe('keys', () => {
  it('keys show --did prints the DID alone', async () => {
    const r = await lp(['keys', 'show', 'leeds.key.json', '--did']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${leeds}\n`);
  });

  it('keys rotate honours --iterations, and refuses one below the floor before any work', async () => {
    const r = await lp([
      'keys',
      'rotate',
      'leeds.key.json',
      '--accreditation',
      'leeds-acc.json',
      '--authority-key',
      'authority.key.json',
      '--iterations',
      '2000',
      '--out',
      'leeds-2.key.json',
      '--accreditations-out',
      'rotation.json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(p2c('leeds-2.key.json')).toBe(2000);
    const low = await lp([
      'keys',
      'rotate',
      'leeds.key.json',
      '--accreditation',
      'leeds-acc.json',
      '--authority-key',
      'authority.key.json',
      '--iterations',
      '10',
      '--out',
      'leeds-3.key.json',
      '--accreditations-out',
      'rotation-3.json',
    ]);
    expect(low.code).toBe(2);
    expect(low.stderr).toContain('--iterations must be at least');
    const again = await lp([
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
      'rotation-4.json',
    ]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('leeds-2.key.json already exists');
  });

  it('without --iterations, the test-only environment gives the test floor (with a warning); real use keeps 600,000', async () => {
    const r = await lp(['keys', 'generate', '--holder', '--out', 'default.key.json']);
    expect(r.code, r.stderr).toBe(0);
    expect(p2c('default.key.json')).toBe(1000);
    expect(r.stderr).toContain('for test suites only');
  });
});

describe('issue --status', () => {
  it('gives one entry the next free index and advances the state file; a refused issue uses none', async () => {
    const url = 'https://leeds.example/status/7';
    expect((await lp(['status', 'create', '--url', url, '-o', 'st.state.json'])).code).toBe(0);
    const first = await lp([
      'issue',
      'course-completion',
      '--key',
      'leeds.key.json',
      '--holder',
      amira,
      ...completion('Barista'),
      '--status',
      'st.state.json',
      '-o',
      'a.entry.json',
    ]);
    expect(first.code, first.stderr).toBe(0);
    expect(json('a.entry.json').credentialStatus).toMatchObject({ id: `${url}#0`, statusListIndex: '0', statusPurpose: 'revocation' });
    expect(json('st.state.json').next).toBe(1);
    // A bad date: refused before anything is signed, and the index is not used up.
    const bad = await lp([
      'issue',
      'course-completion',
      '--key',
      'leeds.key.json',
      '--holder',
      amira,
      ...completion('Bad'),
      '--field',
      'completedOn=2026-02-30',
      '--status',
      'st.state.json',
      '-o',
      'bad.entry.json',
    ]);
    expect(bad.code).not.toBe(0);
    expect(json('st.state.json').next).toBe(1);
    const second = await lp([
      'issue',
      'course-completion',
      '--key',
      'leeds.key.json',
      '--holder',
      amira,
      ...completion('Forklift'),
      '--status',
      'st.state.json',
      '-o',
      'b.entry.json',
    ]);
    expect(second.code, second.stderr).toBe(0);
    expect(json('b.entry.json').credentialStatus.statusListIndex).toBe('1');
    // Not a state file: a usage error naming the file.
    const wrong = await lp(['issue', 'course-completion', '--key', 'leeds.key.json', '--holder', amira, ...completion('X'), '--status', 'leeds-acc.json']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('leeds-acc.json is not a status state file');
  });

  it('issue --csv --status: a failing row gives its index back to the next row', async () => {
    expect((await lp(['status', 'create', '--url', 'https://leeds.example/status/8', '-o', 'csv.state.json'])).code).toBe(0);
    writeFileSync(file('rows.csv'), `Learner,Course,Completed\n${amira},Good one,2026-03\n${amira},Bad date,2026-02-30\n${amira},Good two,2026-04\n`);
    const r = await lp([
      'issue',
      '--csv',
      'rows.csv',
      '--kind',
      'course-completion',
      '--key',
      'leeds.key.json',
      '--map',
      'Learner=holder',
      '--map',
      'Course=title',
      '--map',
      'Completed=completedOn',
      '--field',
      'provider=Leeds',
      '--field',
      'outcome=completed',
      '--status',
      'csv.state.json',
      '--out-dir',
      'csv-out',
      '--json',
    ]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { issued: number; failures: { row: number }[]; outputs: { file: string }[] };
    expect(report.issued).toBe(2);
    expect(report.failures.map((f) => f.row)).toEqual([3]);
    const entries = JSON.parse(readFileSync(file(report.outputs[0]!.file), 'utf8')) as { credentialStatus: { statusListIndex: string } }[];
    expect(entries.map((e) => e.credentialStatus.statusListIndex)).toEqual(['0', '1']);
    expect(json('csv.state.json').next).toBe(2);
  });
});

describe('revoke by entry file, timeline ids', () => {
  it('timeline shows each id; revoke takes the entry file issue -o wrote; a file of two entries is refused', async () => {
    expect((await lp(['passport', 'init', '--holder-key', 'amira.key.json', '-o', 'p.json'])).code).toBe(0);
    expect(
      (await lp(['issue', 'course-completion', '--key', 'leeds.key.json', ...completion('Wrong learner'), '--passport', 'p.json', '-o', 'wrong.entry.json']))
        .code,
    ).toBe(0);
    const cid = (JSON.parse((await lp(['timeline', 'p.json', '--json'])).stdout) as { items: { cid: string }[] }).items[0]!.cid;
    const shown = await lp(['timeline', 'p.json']);
    expect(shown.stdout).toContain(`id ${cid}`);
    writeFileSync(file('two.json'), JSON.stringify([json('wrong.entry.json'), json('a.entry.json')]));
    const two = await lp(['revoke', 'two.json', '--key', 'leeds.key.json', '--passport', 'p.json', '--reason', 'issued-in-error']);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('holds 2 entries');
    const r = await lp(['revoke', 'wrong.entry.json', '--key', 'leeds.key.json', '--passport', 'p.json', '--reason', 'issued-in-error', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const revocation = JSON.parse(r.stdout) as { credentialSubject: { id?: string; learningPassport: { target: string } } };
    expect(revocation.credentialSubject.learningPassport.target).toBe(cid);
    // Bound to the holder, like the entry it withdraws.
    expect(revocation.credentialSubject.id).toBe(amira);
    const items = (JSON.parse((await lp(['timeline', 'p.json', '--json'])).stdout) as { items: { cid: string; state: string }[] }).items;
    expect(items.find((i) => i.cid === cid)?.state).toBe('revoked');
  });

  it('revoke --accreditations may be repeated and takes a list file', async () => {
    const r = await lp([
      'revoke',
      'a.entry.json',
      '--key',
      'leeds.key.json',
      '--passport',
      'p.json',
      '--root',
      authority,
      '--accreditations',
      'leeds-acc.json',
      '--accreditations',
      'rotation.json',
    ]);
    // a.entry.json is not in p.json: refused with the reason, after both files were read.
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('holds no entry');
    const missing = await lp([
      'revoke',
      'wrong.entry.json',
      '--key',
      'leeds.key.json',
      '--passport',
      'p.json',
      '--root',
      authority,
      '--accreditations',
      'nope.json',
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.json');
  });
});

describe('trust-list build --next-update', () => {
  it('takes a number of days from now, a day, or a date-time; refuses anything else', async () => {
    const before = Date.now();
    const r = await lp([
      'trust-list',
      'build',
      '--key',
      'authority.key.json',
      '--name',
      'National Learning Authority',
      '--sequence',
      '1',
      '--next-update',
      '30d',
      '--accreditations',
      'leeds-acc.json',
      '-o',
      'tl.json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const next = Date.parse(json('tl.json').credentialSubject.nextUpdate);
    expect(next - before).toBeGreaterThanOrEqual(30 * 86_400_000 - 60_000);
    expect(next - before).toBeLessThanOrEqual(30 * 86_400_000 + 600_000);
    const day = await lp([
      'trust-list',
      'build',
      '--key',
      'authority.key.json',
      '--name',
      'N',
      '--sequence',
      '2',
      '--next-update',
      '2099-01-31',
      '-o',
      'tl-2.json',
    ]);
    expect(day.code, day.stderr).toBe(0);
    expect(json('tl-2.json').credentialSubject.nextUpdate).toBe('2099-01-31T00:00:00Z');
    for (const bad of ['0d', 'next month', '2099-02-30']) {
      const refused = await lp([
        'trust-list',
        'build',
        '--key',
        'authority.key.json',
        '--name',
        'N',
        '--sequence',
        '3',
        '--next-update',
        bad,
        '-o',
        'tl-3.json',
      ]);
      expect(refused.code, bad).toBe(2);
      expect(refused.stderr, bad).toContain('--next-update');
    }
  });
});

describe('issue --csv on every core', () => {
  it('a spreadsheet past the threading threshold issues every row in order; a bad row in a worker’s slice is reported with its line', async () => {
    const other = await did(['keys', 'generate', '--holder', '--out', 'other.key.json']);
    const rows = 1_050;
    const lines = ['Learner,Course,Completed'];
    for (let i = 0; i < rows; i++) lines.push(`${i % 2 ? other : amira},Course ${i},${i === 900 ? '2026-13' : '2026-03'}`);
    writeFileSync(file('big.csv'), `${lines.join('\n')}\n`);
    const r = await lp([
      'issue',
      '--csv',
      'big.csv',
      '--kind',
      'course-completion',
      '--key',
      'leeds.key.json',
      '--map',
      'Learner=holder',
      '--map',
      'Course=title',
      '--map',
      'Completed=completedOn',
      '--field',
      'provider=Leeds',
      '--field',
      'outcome=completed',
      '--out-dir',
      'big-out',
      '--json',
    ]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as {
      rows: number;
      issued: number;
      failures: { row: number; reason: string }[];
      outputs: { holder: string; file: string; entries: number }[];
    };
    expect(report).toMatchObject({ rows, issued: rows - 1 });
    // Line 902: the header is line 1, row i is line i + 2.
    expect(report.failures).toHaveLength(1);
    expect(report.failures[0]).toMatchObject({ row: 902 });
    expect(report.failures[0]!.reason).toContain('completedOn');
    const titles = (name: string) =>
      (JSON.parse(readFileSync(file(name), 'utf8')) as { name: string; credentialSubject: { achievement: { name: string } } }[]).map(
        (e) => e.credentialSubject.achievement.name,
      );
    const amiras = titles(report.outputs.find((o) => o.holder === amira)!.file);
    expect(amiras).toHaveLength(rows / 2 - 1);
    // In row order across the slices: the first, one either side of the missing row, the last.
    expect(amiras[0]).toContain('Course 0');
    expect(amiras.at(-1)).toContain(`Course ${rows - 2}`);
    expect(amiras.some((t) => t.includes('Course 900'))).toBe(false);
    const list = JSON.parse(readFileSync(file(report.outputs.find((o) => o.holder === amira)!.file), 'utf8')) as unknown[];
    writeFileSync(file('late.entry.json'), JSON.stringify(list.at(-1)));
    const checked = await lp(['verify', 'late.entry.json', '--root', authority, '--accreditations', 'leeds-acc.json']);
    expect(checked.code, checked.stdout + checked.stderr).toBe(0);
  }, 180_000);
});
