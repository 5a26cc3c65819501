// Review r15, walked as the README's Operations guide does it: the prison's key is accredited with
// no --display-name (step 2), so the accreditation's only name is its organisation id
// ("org:hmp-leeds"). That id names the prison: it must never reach what an employer reads (H1).
// And `print`, like `present`, leaves prison-signed entries out unless the holder names them (M2).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { workspace } from './run.js';

const { lp, file, did } = workspace('lp-cli-prison-signed-');
let authority: string;
let courseCid: string;
const trust = (): string[] => ['--root', authority, '--trust-list', 'trust-list.json'];

beforeAll(async () => {
  authority = await did(['keys', 'generate', '--role', 'authority', '--name', 'National Learning Authority', '--out', 'authority.key.json']);
  const leeds = await did([
    'keys',
    'generate',
    '--role',
    'prison',
    '--name',
    'HMP Leeds',
    '--display-name',
    'Leeds Learning Centre',
    '--out',
    'leeds.key.json',
  ]);
  const cg = await did(['keys', 'generate', '--role', 'awarding-body', '--name', 'City & Guilds', '--out', 'cg.key.json']);
  await did(['keys', 'generate', '--holder', '--out', 'amira.key.json']);
  const steps: string[][] = [
    // As the Operations guide gives it: no --display-name.
    [
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
      'course-completion,custody-transfer',
      '-o',
      'leeds-accreditation.json',
    ],
    [
      'accredit',
      '--key',
      'authority.key.json',
      '--did',
      cg,
      '--organisation',
      'org:cg',
      '--role',
      'awarding-body',
      '--kinds',
      'qualification',
      '--display-name',
      'City & Guilds',
      '-o',
      'cg-accreditation.json',
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
      'leeds-accreditation.json',
      '--accreditations',
      'cg-accreditation.json',
      '-o',
      'trust-list.json',
    ],
    ['passport', 'init', '--holder-key', 'amira.key.json', '-o', 'amira.passport.json'],
    ['trust', 'add', 'amira.passport.json', '--trust-list', 'trust-list.json', '--root', authority],
    [
      'issue',
      'course-completion',
      '--key',
      'leeds.key.json',
      '--passport',
      'amira.passport.json',
      '--field',
      'title=Barista skills',
      '--field',
      'provider=Leeds Learning Centre',
      '--field',
      'completedOn=2026-03',
      '--field',
      'outcome=completed',
      '-o',
      'barista.entry.json',
    ],
    [
      'issue',
      'qualification',
      '--key',
      'cg.key.json',
      '--passport',
      'amira.passport.json',
      '--field',
      'title=Functional Skills Mathematics',
      '--field',
      'awardingBody.name=City & Guilds',
      '--field',
      'level=L1',
      '--field',
      'awardedOn=2026-03',
    ],
    // An employability skill from the Leeds key, whose accreditation does not cover that kind.
    [
      'issue',
      'employability-skill',
      '--key',
      'leeds.key.json',
      '--field',
      'skill=teamwork',
      '--field',
      'rating:={"scale":"stars","value":4,"max":5}',
      '--field',
      'evidence=Kitchen team',
      '--field',
      'context=Kitchen',
      '--field',
      'assessedOn=2026-04',
      '-o',
      'skill.entry.json',
    ],
  ];
  for (const args of steps) {
    const r = await lp(args);
    expect(r.code, `${args.join(' ')}\n${r.stdout}${r.stderr}`).toBe(0);
  }
  const items = JSON.parse((await lp(['timeline', 'amira.passport.json', '--json'])).stdout).items as { cid: string; kind: string }[];
  courseCid = items.find((i) => i.kind === 'course-completion')!.cid;
}, 120_000);

describe('an accreditation with no display name: the organisation id never reaches the employer (H1)', () => {
  it('verify: the summary and --verbose checks name the entry’s issuer, not org:hmp-leeds', async () => {
    const wrongKind = await lp(['verify', 'skill.entry.json', ...trust()]);
    expect(wrongKind.code, wrongKind.stdout + wrongKind.stderr).toBe(1);
    expect(wrongKind.stdout).toContain('Not valid — The accreditation of Leeds Learning Centre does not cover employability skills.');

    const course = await lp(['verify', 'barista.entry.json', ...trust(), '--verbose']);
    expect(course.code, course.stdout + course.stderr).toBe(0);
    expect(course.stdout).toMatch(/✓ issuer-trust\s+Leeds Learning Centre is accredited as/);

    // In --json, every text a person reads (the organisation id stays in its own data field, as DIDs do).
    const machine = JSON.parse((await lp(['verify', 'barista.entry.json', ...trust(), '--json'])).stdout) as object;
    const texts: string[] = [];
    JSON.stringify(machine, (key, value: unknown) => {
      if (['headline', 'summary', 'message', 'displayName'].includes(key) && typeof value === 'string') texts.push(value);
      return value;
    });
    expect(texts.join('\n')).toContain('Leeds Learning Centre is accredited as');
    for (const text of [wrongKind.stdout, course.stdout, ...texts]) expect(text).not.toMatch(/hmp-leeds/i);
  }, 60_000);

  it('a presentation verified with --verbose: no organisation id in any line', async () => {
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
    const r = await lp(['verify', 'vp.json', ...trust(), '--challenge', 'job-1', '--domain', 'jobs.example', '--verbose']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('Leeds Learning Centre');
    expect(r.stdout).not.toMatch(/hmp-leeds/i);
  }, 60_000);
});

describe('print leaves prison-signed entries out, as present does (M2)', () => {
  it('left out with present’s words unless named; named, printed with present’s warning', async () => {
    const r = await lp(['print', 'amira.passport.json', '-o', 'pack.html']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      `left out: course-completion — Left out: something in this record would show time in custody. (name it with --include ${courseCid} to print it)`,
    );
    const pack = readFileSync(file('pack.html'), 'utf8');
    expect(pack).toContain('Functional Skills Mathematics');
    expect(pack).not.toContain('Barista skills');

    for (const flag of ['--include', '--entry']) {
      const named = await lp(['print', 'amira.passport.json', '-o', `named${flag}.html`, flag, flag === '--include' ? 'barista.entry.json' : courseCid]);
      expect(named.code, named.stderr).toBe(0);
      expect(named.stderr).toContain('warning: This was signed by a prison. An employer would learn you were in custody.');
      expect(readFileSync(file(`named${flag}.html`), 'utf8')).toContain('Barista skills');
    }
  }, 60_000);
});
