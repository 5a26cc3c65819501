// What an employer (and a holder printing a pack) sees from the built command, as a user runs
// it (review r12): a custody transfer in a passport is one neutral line unless --show-all; a
// replayed presentation lists its entries as "– Not checked", never ✓; a damaged file is
// "Not valid" (exit 1), as on the checker page; a single entry's checks appear only with
// --verbose; print leaves custody entries out unless named with --entry or --include.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { workspace } from './run.js';

const { lp, file, json, did } = workspace('lp-cli-employer-');
let authority: string;
let transferCid: string;
let courseCid: string;

// Words that would tell an employer where the person has been.
const CUSTODY_WORDS = /HMP|Northfield|Wealstun|custody|transfer|handover|passed from/i;

beforeAll(async () => {
  authority = await did(['keys', 'generate', '--role', 'authority', '--name', 'National Learning Authority', '--out', 'authority.key.json']);
  const prison = await did([
    'keys',
    'generate',
    '--role',
    'prison',
    '--name',
    'HMP Northfield',
    '--display-name',
    'Northfield Learning Centre',
    '--out',
    'prison.key.json',
  ]);
  await did(['keys', 'generate', '--holder', '--out', 'amira.key.json']);
  const steps: string[][] = [
    [
      'accredit',
      '--key',
      'authority.key.json',
      '--did',
      prison,
      '--organisation',
      'org:northfield',
      '--role',
      'prison',
      '--kinds',
      'course-completion,custody-transfer',
      '--display-name',
      'Northfield Learning Centre',
      '-o',
      'acc.json',
    ],
    [
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
      'acc.json',
      '-o',
      'trust-list.json',
    ],
    ['passport', 'init', '--holder-key', 'amira.key.json', '-o', 'amira.passport.json'],
    [
      'issue',
      'course-completion',
      '--key',
      'prison.key.json',
      '--field',
      'title=Barista skills',
      '--field',
      'provider=Northfield Learning Centre',
      '--field',
      'completedOn=2026-03',
      '--field',
      'outcome=completed',
      '--passport',
      'amira.passport.json',
    ],
    ['transfer', '--key', 'prison.key.json', '--passport', 'amira.passport.json', '--from', 'HMP Northfield', '--to', 'HMP Wealstun', '--date', '2026-04-01'],
  ];
  for (const args of steps) {
    const r = await lp(args);
    expect(r.code, `${args.join(' ')}\n${r.stdout}${r.stderr}`).toBe(0);
  }
  const items = JSON.parse((await lp(['timeline', 'amira.passport.json', '--json'])).stdout).items as { cid: string; kind: string }[];
  transferCid = items.find((i) => i.kind === 'custody-transfer')!.cid;
  courseCid = items.find((i) => i.kind === 'course-completion')!.cid;
}, 120_000);

describe('verify, as an employer reads it', () => {
  it('a passport: the transfer is one neutral line; --show-all lists it', async () => {
    const trust = ['--root', authority, '--trust-list', 'trust-list.json'];
    const r = await lp(['verify', 'amira.passport.json', ...trust]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('✓ Valid: Barista skills — course from Northfield Learning Centre');
    expect(r.stdout).toContain('– 1 more record not shown: valid. Add --show-all to list it.');
    expect(r.stdout).toContain('2 entries: 2 current, both valid.');
    // The prison's neutral display name may stand; the places and the handover may not.
    expect(r.stdout.replaceAll('Northfield Learning Centre', '')).not.toMatch(CUSTODY_WORDS);

    const all = await lp(['verify', 'amira.passport.json', ...trust, '--show-all']);
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/✓ Valid: Learning records passed from HMP Northfield to HMP Wealstun/);
    expect(all.stdout).not.toContain('not shown');

    const machine = JSON.parse((await lp(['verify', 'amira.passport.json', ...trust, '--json'])).stdout) as {
      summary: string;
      counts: { total: number; current: number; valid: number };
      entries: { cid: string }[];
      notShown: { count: number; line: string };
    };
    expect(machine.entries.map((e) => e.cid)).toEqual([courseCid]);
    expect(machine.notShown).toEqual({ count: 1, line: '1 more record not shown: valid.' });
    expect(machine.counts).toMatchObject({ total: 2, current: 2, valid: 2 });
    expect(typeof machine.summary).toBe('string');
  }, 60_000);

  it('a replayed presentation: refused, and no entry line carries ✓ or Valid', async () => {
    const shared = await lp([
      'present',
      'amira.passport.json',
      '--key',
      'amira.key.json',
      '--audience',
      'employer',
      '--challenge',
      'job-1',
      '--domain',
      'jobs.example',
      '--include',
      courseCid,
      '-o',
      'vp.json',
    ]);
    expect(shared.code, shared.stderr).toBe(0);
    const trust = ['--root', authority, '--trust-list', 'trust-list.json', '--domain', 'jobs.example'];
    const ok = await lp(['verify', 'vp.json', ...trust, '--challenge', 'job-1']);
    expect(ok.code, ok.stdout).toBe(0);
    expect(ok.stdout).toContain('✓ Valid: Barista skills');
    const replay = await lp(['verify', 'vp.json', ...trust, '--challenge', 'job-2']);
    expect(replay.code).toBe(1);
    expect(replay.stdout).toContain('– Not checked: Barista skills — course from Northfield Learning Centre');
    expect(replay.stdout).toContain('✗ Do not rely on this: it was made for a different request (it may be an old copy). Ask the person to share again.');
    expect(replay.stdout).not.toMatch(/✓|Valid/);
  }, 60_000);

  it('a damaged file is Not valid (exit 1) with what to do, in words and in JSON', async () => {
    const text = readFileSync(file('amira.passport.json'), 'utf8');
    writeFileSync(file('cut.json'), text.slice(0, 200));
    const r = await lp(['verify', 'cut.json', '--root', authority, '--trust-list', 'trust-list.json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗ Not valid: this file is damaged');
    expect(r.stdout).toContain('Ask the person to share again.');
    const machine = await lp(['verify', 'cut.json', '--json']);
    expect(machine.code).toBe(1);
    expect(JSON.parse(machine.stdout)).toMatchObject({ verified: false, verdict: 'not-valid', errors: [{ code: 'ERR_JSON_SYNTAX' }] });
    // A file that is not there is still the user's mistake (exit 2), not a verdict.
    expect((await lp(['verify', 'missing.json'])).code).toBe(2);
  }, 60_000);

  it('one entry: the headline and summary; every check and the DIDs only with --verbose', async () => {
    const passport = json('amira.passport.json') as { entries: { credentialSubject: { learningPassport: { kind: string } } }[] };
    writeFileSync(file('course.json'), JSON.stringify(passport.entries.find((e) => e.credentialSubject.learningPassport.kind === 'course-completion')));
    const trust = ['--root', authority, '--trust-list', 'trust-list.json'];
    const plain = await lp(['verify', 'course.json', ...trust]);
    expect(plain.code).toBe(0);
    expect(plain.stdout.trim().split('\n')).toEqual([
      '✓ Valid: Barista skills — course from Northfield Learning Centre, completed March 2026',
      '  Valid — issued by Northfield Learning Centre; the signature, dates and status check out.',
    ]);
    const verbose = await lp(['verify', 'course.json', ...trust, '--verbose']);
    expect(verbose.stdout).toMatch(/✓ signature\s/);
    expect(verbose.stdout).toContain('details: issuer did:key:');
  }, 60_000);
});

describe('print, as the holder makes a pack for anyone', () => {
  it('leaves the transfer out unless it is named, and says so', async () => {
    const r = await lp(['print', 'amira.passport.json', '-o', 'pack.html']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      `left out: custody-transfer — it shows time in custody to whoever reads the paper (name it with --include ${transferCid} to print it)`,
    );
    const pack = readFileSync(file('pack.html'), 'utf8');
    expect(pack).toContain('Barista skills');
    expect(pack).not.toMatch(/Wealstun|passed from/);

    const named = await lp(['print', 'amira.passport.json', '-o', 'all.html', '--include', transferCid]);
    expect(named.code, named.stderr).toBe(0);
    expect(named.stderr).toContain(`warning: the pack includes a custody-transfer entry (${transferCid})`);
    expect(readFileSync(file('all.html'), 'utf8')).toContain('HMP Wealstun');

    // Only the transfer asked for, by --entry: printed, with the warning.
    const only = await lp(['print', 'amira.passport.json', '-o', 'only.html', '--entry', transferCid]);
    expect(only.code, only.stderr).toBe(0);
    expect(only.stderr).toContain('warning: the pack includes a custody-transfer entry');

    // Nothing else to print: refused, and no file written.
    writeFileSync(
      file('transfer-only.json'),
      JSON.stringify([
        json('amira.passport.json').entries.find(
          (e: { credentialSubject: { learningPassport: { kind: string } } }) => e.credentialSubject.learningPassport.kind === 'custody-transfer',
        ),
      ]),
    );
    const none = await lp(['print', 'transfer-only.json', '-o', 'none.html']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('left out: custody-transfer');
    expect(existsSync(file('none.html'))).toBe(false);
  }, 60_000);
});
