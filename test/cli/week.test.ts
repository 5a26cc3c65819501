// A week of work at two prisons, on the built command only: start a passport, issue entries,
// staple the accreditation, transfer the learner, merge the two prisons' copies, revoke a
// mistake, present to an employer, and the employer verifies with the authority's trust list.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { workspace } from './run.js';

describe('a week on the command line', () => {
  it('Monday to Friday, every step a command with the exit code and words a user sees', async () => {
    const { lp, file, json, did } = workspace('lp-cli-week-');
    // Before the week: the authority, two prisons and a learner have keys.
    const authority = await did(['keys', 'generate', '--role', 'authority', '--name', 'National Learning Authority', '--out', 'authority.key.json']);
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
    const wealstun = await did([
      'keys',
      'generate',
      '--role',
      'prison',
      '--name',
      'HMP Wealstun',
      '--display-name',
      'Wealstun College',
      '--out',
      'wealstun.key.json',
    ]);
    const amira = await did(['keys', 'generate', '--holder', '--out', 'amira.key.json']);
    for (const [key, org] of [
      [leeds, 'org:hmp-leeds'],
      [wealstun, 'org:hmp-wealstun'],
    ] as const) {
      const r = await lp([
        'accredit',
        '--key',
        'authority.key.json',
        '--did',
        key,
        '--organisation',
        org,
        '--role',
        'prison',
        '--kinds',
        'course-completion,custody-transfer,checkpoint',
        '-o',
        `${org.slice(8)}-acc.json`,
      ]);
      expect(r.code, r.stderr).toBe(0);
    }
    const list = await lp([
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
      '--accreditations',
      'wealstun-acc.json',
      '-o',
      'trust-list.json',
    ]);
    expect(list.code, list.stderr).toBe(0);

    // Monday: Leeds starts Amira's passport and records two courses.
    expect((await lp(['passport', 'init', '--holder-key', 'amira.key.json', '-o', 'amira.passport.json'])).code).toBe(0);
    const course = (title: string, key: string, passport: string) =>
      lp([
        'issue',
        'course-completion',
        '--key',
        key,
        '--holder',
        amira,
        '--field',
        `title=${title}`,
        '--field',
        'provider=Leeds Learning Centre',
        '--field',
        'completedOn=2026-03',
        '--field',
        'outcome=completed',
        '--passport',
        passport,
        '--json',
      ]);
    const barista = await course('Barista skills', 'leeds.key.json', 'amira.passport.json');
    expect(barista.code, barista.stderr).toBe(0);
    const mistake = await course('Food hygeine (typo)', 'leeds.key.json', 'amira.passport.json');
    expect(mistake.code).toBe(0);
    expect(json('amira.passport.json').entries).toHaveLength(2);

    // Tuesday: the accreditation is stapled in, so any verifier needs only the authority's key.
    const stapled = await lp(['trust', 'add', 'amira.passport.json', '--accreditations', 'leeds-acc.json']);
    expect(stapled.code, stapled.stderr).toBe(0);
    const tuesday = await lp(['verify', 'amira.passport.json', '--root', authority]);
    expect(tuesday.code).toBe(0);
    expect(tuesday.stdout).toContain('✓ Valid: every current entry is valid (2 of 2).');
    expect(tuesday.stdout).toContain('✓ Valid: Barista skills — course from Leeds Learning Centre');

    // Wednesday: Amira moves to Wealstun. Leeds records the handover; Wealstun keeps a copy.
    const moved = await lp([
      'transfer',
      '--key',
      'leeds.key.json',
      '--passport',
      'amira.passport.json',
      '--from',
      'HMP Leeds',
      '--to',
      'HMP Wealstun',
      '--date',
      '2026-04-01',
    ]);
    expect(moved.code, moved.stderr).toBe(0);
    expect(moved.stdout).toContain('2 entries handed over');
    writeFileSync(file('wealstun-copy.passport.json'), readFileSync(file('amira.passport.json')));

    // Thursday: Wealstun adds a course to its copy; Leeds, meanwhile, adds a late one to its own.
    const welding = await course('Welding', 'wealstun.key.json', 'wealstun-copy.passport.json');
    expect(welding.code, welding.stderr).toBe(0);
    expect((await lp(['trust', 'add', 'wealstun-copy.passport.json', '--accreditations', 'wealstun-acc.json'])).code).toBe(0);
    expect((await course('Forklift', 'leeds.key.json', 'amira.passport.json')).code).toBe(0);
    const merged = await lp(['merge', 'amira.passport.json', 'wealstun-copy.passport.json', '-o', 'merged.passport.json']);
    expect(merged.code, merged.stdout + merged.stderr).toBe(0);
    expect(json('merged.passport.json').entries).toHaveLength(5);
    expect(json('merged.passport.json').accreditations).toHaveLength(2);

    // Friday morning: Leeds withdraws the entry issued in error; Wealstun cannot withdraw Leeds's.
    const mistakeCid = (await lp(['timeline', 'merged.passport.json', '--json'])).stdout;
    const items = JSON.parse(mistakeCid).items as { cid: string; title?: string }[];
    const target = items.find((i) => i.title?.includes('typo'))!.cid;
    const revoked = await lp(['revoke', target, '--key', 'leeds.key.json', '--passport', 'merged.passport.json', '--reason', 'issued-in-error']);
    expect(revoked.code, revoked.stderr).toBe(0);
    const timeline = JSON.parse((await lp(['timeline', 'merged.passport.json', '--json'])).stdout).items as { cid: string; state: string }[];
    expect(timeline.find((i) => i.cid === target)?.state).not.toBe('active');
    // Leeds's accreditation does not list "revocation": withdrawing its own entry needs no more.
    const afterRevoke = await lp(['verify', 'merged.passport.json', '--root', authority, '--trust-list', 'trust-list.json']);
    expect(afterRevoke.code, afterRevoke.stdout).toBe(0);
    expect(afterRevoke.stdout).toMatch(/✗ Not valid \(withdrawn\): Food hygeine \(typo\)/);
    expect(afterRevoke.stdout).toContain('6 entries: 5 current, all valid; 1 withdrawn by the issuer.');
    expect(afterRevoke.stdout).not.toMatch(/✓ Valid[^\n]*typo/);
    // Without --entry, present shares current, valid entries: not the withdrawn one, not the
    // revocation itself.
    const everything = await lp([
      'present',
      'merged.passport.json',
      '--key',
      'amira.key.json',
      '--audience',
      'education',
      '--challenge',
      'job-1',
      '--domain',
      'jobs.example',
      '-o',
      'all.json',
    ]);
    expect(everything.code, everything.stderr).toBe(0);
    const titles = (
      json('all.json') as { verifiableCredential: { credentialSubject: { learningPassport: { kind: string; title?: string } } }[] }
    ).verifiableCredential.map((c) => c.credentialSubject.learningPassport);
    expect(titles.map((t) => t.kind)).not.toContain('revocation');
    expect(titles.map((t) => t.title).sort()).toEqual(['Barista skills', 'Forklift', 'Welding']);
    expect(everything.stderr).toContain('left out: course-completion — withdrawn by the issuer');
    expect(everything.stderr).toContain('left out: revocation — a withdrawal notice, not an achievement');
    // The print pack follows the same rule: a withdrawn entry on paper would still scan as a
    // genuine signature, so it is left out (review r12).
    // Her courses were signed with prison keys: like `present`, `print` prints them only when she
    // names them (review r15), with present's warning.
    const baristaCid = items.find((i) => i.title === 'Barista skills')!.cid;
    const pack = await lp(['print', 'merged.passport.json', '-o', 'pack.html', '--include', baristaCid]);
    expect(pack.code, pack.stderr).toBe(0);
    expect(pack.stderr).toContain('left out: course-completion — withdrawn by the issuer');
    expect(pack.stderr).toContain('warning: This was signed by a prison. An employer would learn you were in custody.');
    expect(readFileSync(file('pack.html'), 'utf8')).not.toContain('typo');

    // Friday afternoon: Amira shares with an employer, who verifies with the trust list and the
    // authority's key only. Custody entries are left out for employers.
    // She picks her three current courses (the withdrawn one is not among them).
    const chosen = items.filter((i) => ['Barista skills', 'Welding', 'Forklift'].includes(i.title ?? '')).flatMap((i) => ['--entry', i.cid]);
    expect(chosen).toHaveLength(6);
    // They were issued by the prisons' learning centres: `present` reads the passport's
    // accreditations, so by default none would go to an employer. Amira decides to share them.
    const held = await lp([
      'present',
      'merged.passport.json',
      '--key',
      'amira.key.json',
      '--audience',
      'employer',
      '--challenge',
      'job-4711',
      '--domain',
      'jobs.example',
      ...chosen,
      '-o',
      'vp.json',
    ]);
    expect(held.code).not.toBe(0);
    expect(held.stderr).toMatch(/no entry would be shared/);
    const include = chosen.map((x) => (x === '--entry' ? '--include' : x));
    const shared = await lp([
      'present',
      'merged.passport.json',
      '--key',
      'amira.key.json',
      '--audience',
      'employer',
      '--challenge',
      'job-4711',
      '--domain',
      'jobs.example',
      ...chosen,
      ...include,
      '-o',
      'vp.json',
    ]);
    expect(shared.code, shared.stderr).toBe(0);
    const vp = json('vp.json') as { verifiableCredential: { credentialSubject: { learningPassport: { kind: string } } }[] };
    expect(vp.verifiableCredential.map((c) => c.credentialSubject.learningPassport.kind)).not.toContain('custody-transfer');
    const employer = await lp([
      'verify',
      'vp.json',
      '--root',
      authority,
      '--trust-list',
      'trust-list.json',
      '--challenge',
      'job-4711',
      '--domain',
      'jobs.example',
    ]);
    expect(employer.code, employer.stdout + employer.stderr).toBe(0);
    expect(employer.stdout).toContain('Barista skills');
    expect(employer.stdout).not.toContain('typo');
    // Amira included the prisons' entries, so their accreditations travel with them: the pinned
    // key alone now vouches for them (that is what including them means).
    const bare = await lp(['verify', 'vp.json', '--root', authority, '--challenge', 'job-4711', '--domain', 'jobs.example']);
    expect(bare.code, bare.stdout).toBe(0);
    expect((vp as unknown as { accreditations?: unknown[] }).accreditations?.length).toBeGreaterThan(0);
    // A wrong challenge is refused whatever the trust.
    const replay = await lp(['verify', 'vp.json', '--root', authority, '--trust-list', 'trust-list.json', '--challenge', 'other', '--domain', 'jobs.example']);
    expect(replay.code).toBe(1);
  });
});
