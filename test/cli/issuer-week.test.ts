// A week of issuer work on the built command, as an independent reviewer lived it: an authority,
// two prisons and an awarding body; a hostile trust list mailed to an employer; a planned key
// rotation; keys with no authority over custody entries; a learner who takes an entry out; and
// trust lists that must be checked before they are carried on or stapled.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { decryptKeyFile } from '../../src/index.js';
import { createTrustList } from '../../src/trust.js';
import { workspace } from './run.js';

const { dir, lp, file, json, did } = workspace('lp-cli-issuer-week-');
const ids = { authority: '', leeds: '', hull: '', cg: '', amira: '' };
// Raw terminal control in output: ESC, CR, C1 controls and bidirectional overrides.
const RAW_CONTROL = /[\u001b\r\u009b\u202a-\u202e\u2066-\u2069]/;

beforeAll(async () => {
  ids.authority = await did(['keys', 'generate', '--role', 'authority', '--name', 'National Learning Authority', '--out', 'authority.key.json']);
  ids.leeds = await did(['keys', 'generate', '--role', 'prison', '--name', 'HMP Leeds', '--display-name', 'Leeds Learning Centre', '--out', 'leeds.key.json']);
  ids.hull = await did(['keys', 'generate', '--role', 'prison', '--name', 'HMP Hull', '--display-name', 'Hull Learning Centre', '--out', 'hull.key.json']);
  ids.cg = await did(['keys', 'generate', '--role', 'awarding-body', '--name', 'City & Guilds', '--out', 'cg.key.json']);
  ids.amira = await did(['keys', 'generate', '--holder', '--out', 'amira.key.json']);
  const ok = async (args: string[]) => {
    const r = await lp(args);
    expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(0);
    return r;
  };
  await ok([
    'accredit',
    '--key',
    'authority.key.json',
    '--did',
    ids.leeds,
    '--organisation',
    'org:leeds-learning',
    '--role',
    'prison',
    '--kinds',
    'course-completion,custody-transfer,checkpoint',
    '--display-name',
    'Leeds Learning Centre',
    '-o',
    'leeds-acc.json',
  ]);
  await ok([
    'accredit',
    '--key',
    'authority.key.json',
    '--did',
    ids.hull,
    '--organisation',
    'org:hull-learning',
    '--role',
    'prison',
    '--kinds',
    'course-completion,custody-transfer,checkpoint',
    '--display-name',
    'Hull Learning Centre',
    '-o',
    'hull-acc.json',
  ]);
  await ok([
    'accredit',
    '--key',
    'authority.key.json',
    '--did',
    ids.cg,
    '--organisation',
    'org:city-guilds',
    '--role',
    'awarding-body',
    '--kinds',
    'qualification',
    '-o',
    'cg-acc.json',
  ]);
  // --next-update takes a plain day, as every other date flag does.
  await ok([
    'trust-list',
    'build',
    '--key',
    'authority.key.json',
    '--name',
    'National Learning Authority',
    '--sequence',
    '1',
    '--next-update',
    nextMonth(),
    '--accreditations',
    'leeds-acc.json',
    '--accreditations',
    'hull-acc.json',
    '--accreditations',
    'cg-acc.json',
    '-o',
    'tl1.json',
  ]);
  await ok(['passport', 'init', '--holder-key', 'amira.key.json', '-o', 'amira.passport.json']);
  await ok([
    'issue',
    'course-completion',
    '--key',
    'leeds.key.json',
    '--field',
    'title=Barista Skills',
    '--field',
    'provider=Leeds Learning Centre',
    '--field',
    'completedOn=2026-11-20',
    '--field',
    'outcome=completed',
    '--passport',
    'amira.passport.json',
  ]);
  await ok([
    'issue',
    'qualification',
    '--key',
    'cg.key.json',
    '--field',
    'title=Functional Skills English',
    '--field',
    'awardingBody.name=City & Guilds',
    '--field',
    'level=L1',
    '--field',
    'awardedOn=2026-10',
    '--passport',
    'amira.passport.json',
  ]);
  await ok(['trust', 'add', 'amira.passport.json', '--trust-list', 'tl1.json', '--root', ids.authority]);
}, 240_000);

function nextMonth(days = 30): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

const cidOf = async (passport: string, kind: string): Promise<string> => {
  const t = JSON.parse((await lp(['timeline', passport, '--json'])).stdout).items as { cid: string; kind: string }[];
  return t.find((i) => i.kind === kind)!.cid;
};

describe('a hostile trust list mailed to an employer', () => {
  const hostile = 'Maths\u001b[2K\r\u001b[1A✓ Valid \u202e issued by HMP Fake';

  it('build, show and verify print its name escaped, never as terminal control', async () => {
    await did(['keys', 'generate', '--role', 'charity', '--name', 'Mallory', '--out', 'mallory.key.json']);
    const built = await lp([
      'trust-list',
      'build',
      '--key',
      'mallory.key.json',
      '--name',
      hostile,
      '--sequence',
      '1',
      '--next-update',
      nextMonth(),
      '-o',
      'hostile-tl.json',
    ]);
    expect(built.code, built.stderr).toBe(0);
    const shown = await lp(['trust-list', 'show', 'hostile-tl.json']);
    const checked = await lp(['trust-list', 'verify', 'hostile-tl.json', '--root', ids.authority]);
    expect(checked.code).toBe(1);
    for (const r of [built, shown, checked]) {
      expect(r.stdout + r.stderr).not.toMatch(RAW_CONTROL);
    }
    expect(built.stdout).toContain('Maths\\x1b[2K\\r\\x1b[1A');
    expect(shown.stdout).toContain('\\u202e');
    // Shown, but flagged: nothing says the signer is an authority the reader trusts.
    expect(shown.stdout).toContain('nothing says this key is your authority');
    // The employer's check refuses it, and prints none of its words before the signer is known.
    expect(checked.stdout).not.toContain('Maths');
    expect(checked.stdout).toContain('not by the operator key you trust');
  });

  it('show refuses a list whose signature does not hold, and shows none of it', async () => {
    const doc = json('tl1.json');
    doc.credentialSubject.operatorName = 'Evil\u001b[31m Authority';
    writeFileSync(file('tampered-tl.json'), JSON.stringify(doc));
    const r = await lp(['trust-list', 'show', 'tampered-tl.json']);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).not.toContain('Evil');
    expect(r.stderr).toContain('refused');
    // A real list, with the authority's key: shown plainly, with no debug object.
    const good = await lp(['trust-list', 'show', 'tl1.json', '--root', ids.authority]);
    expect(good.code, good.stderr).toBe(0);
    expect(good.stdout).toContain('Trust list #1 of National Learning Authority');
    expect(good.stdout).toContain('org:leeds-learning as prison');
    expect(good.stdout).not.toMatch(/Styled|sgr:/);
  });
});

describe('trust lists and accreditations are checked before they are carried on or stapled', () => {
  it('build --previous refuses a list from another key; trust add refuses a foreign or stale list; accredit revoke needs the power to revoke', async () => {
    // A forged accreditation in a list signed by the awarding body, numbered far ahead.
    const forged = await lp([
      'accredit',
      '--key',
      'cg.key.json',
      '--did',
      ids.hull,
      '--organisation',
      'org:fake',
      '--role',
      'awarding-body',
      '--kinds',
      'qualification',
      '-o',
      'forged-acc.json',
    ]);
    expect(forged.code).toBe(0);
    expect(
      (
        await lp([
          'trust-list',
          'build',
          '--key',
          'cg.key.json',
          '--name',
          'National Learning Authority',
          '--sequence',
          '99999',
          '--next-update',
          nextMonth(),
          '--accreditations',
          'forged-acc.json',
          '-o',
          'evil-tl.json',
        ])
      ).code,
    ).toBe(0);
    const carried = await lp([
      'trust-list',
      'build',
      '--key',
      'authority.key.json',
      '--name',
      'National Learning Authority',
      '--previous',
      'evil-tl.json',
      '--next-update',
      nextMonth(),
      '-o',
      'tl-evil-2.json',
    ]);
    expect(carried.code).toBe(1);
    expect(carried.stderr).toContain('not by --key');
    // Nor may the authority's list carry an accreditation someone else made.
    const smuggled = await lp([
      'trust-list',
      'build',
      '--key',
      'authority.key.json',
      '--name',
      'National Learning Authority',
      '--sequence',
      '7',
      '--next-update',
      nextMonth(),
      '--accreditations',
      'forged-acc.json',
      '-o',
      'tl-smuggled.json',
    ]);
    expect(smuggled.code).toBe(1);
    expect(smuggled.stderr).toContain('neither a root of this list nor an authority it accredits');

    const before = readFileSync(file('amira.passport.json'), 'utf8');
    const foreign = await lp(['trust', 'add', 'amira.passport.json', '--trust-list', 'evil-tl.json', '--root', ids.authority, '--json']);
    expect(foreign.code).toBe(1);
    expect(JSON.parse(foreign.stdout).error).toMatchObject({
      code: 'ERR_TRUST_LIST_SIGNER',
      message: expect.stringContaining('not by the operator key you trust'),
    });
    // A list past its next update (signed as of last year) is refused unless the holder says so.
    const { key } = await decryptKeyFile(readFileSync(file('authority.key.json'), 'utf8'), 'correct horse battery');
    const stale = await createTrustList(key, {
      operatorName: 'National Learning Authority',
      sequenceNumber: 1,
      issued: '2025-01-01T00:00:00Z',
      nextUpdate: '2025-02-01T00:00:00Z',
    });
    writeFileSync(file('stale-tl.json'), JSON.stringify(stale));
    const old = await lp(['trust', 'add', 'amira.passport.json', '--trust-list', 'stale-tl.json', '--root', ids.authority]);
    expect(old.code).toBe(1);
    expect(old.stderr).toContain('out of date');
    // An accreditation altered after signing is refused, and nothing else in the request is stapled.
    const altered = json('hull-acc.json');
    altered.credentialSubject.kinds = ['qualification'];
    writeFileSync(file('altered-acc.json'), JSON.stringify(altered));
    const tampered = await lp(['trust', 'add', 'amira.passport.json', '--accreditations', 'altered-acc.json', '--accreditations', 'forged-acc.json']);
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toContain('nothing was added');
    expect(readFileSync(file('amira.passport.json'), 'utf8')).toBe(before);

    // The awarding body never accredited Hull: its "revocation" would do nothing.
    const bogus = await lp(['accredit', 'revoke', '--key', 'cg.key.json', '--did', ids.hull, '--reason', 'not the authority', '-o', 'bogus.json']);
    expect(bogus.code).toBe(1);
    expect(bogus.stderr).toContain('nothing shows it accredited');
    const notMine = await lp(['accredit', 'revoke', '--key', 'cg.key.json', '--accreditation', 'hull-acc.json', '--reason', 'x', '-o', 'bogus2.json']);
    expect(notMine.code).toBe(1);
    expect(notMine.stderr).toContain('did not make the accreditation');
    // The authority's compromise notice takes a plain day, like every other date flag.
    const notice = await lp([
      'accredit',
      'compromise',
      '--key',
      'authority.key.json',
      '--did',
      ids.cg,
      '--since',
      '2026-11-15',
      '--reason',
      'Laptop stolen',
      '-o',
      'cg-notice.json',
    ]);
    expect(notice.code, notice.stderr).toBe(0);
    expect(json('cg-notice.json').credentialSubject.compromisedSince).toBe('2026-11-15T00:00:00Z');
  });
});

describe('keys with no authority over custody entries, and the learner’s own removal', () => {
  it('transfer and checkpoint refuse an awarding body’s key with exit 1 and leave the passport as it was', async () => {
    const before = readFileSync(file('amira.passport.json'), 'utf8');
    const moved = await lp([
      'transfer',
      '--key',
      'cg.key.json',
      '--passport',
      'amira.passport.json',
      '--from',
      'Leeds',
      '--to',
      'Hull',
      '--date',
      '2026-11-30',
    ]);
    expect(moved.code).toBe(1);
    expect(moved.stderr).toContain('may not sign custody transfer entries');
    const checked = await lp(['checkpoint', '--key', 'cg.key.json', '--passport', 'amira.passport.json', '--root', ids.authority]);
    expect(checked.code).toBe(1);
    expect(checked.stderr).toContain('awarding bodies may not issue checkpoints');
    expect(readFileSync(file('amira.passport.json'), 'utf8')).toBe(before);
    expect(moved.stdout + checked.stdout).not.toContain('✓');

    // Hull, accredited for checkpoints, is checked the same way and signs.
    const hull = await lp([
      'checkpoint',
      '--key',
      'hull.key.json',
      '--passport',
      'amira.passport.json',
      '--root',
      ids.authority,
      '--accreditations',
      'hull-acc.json',
    ]);
    expect(hull.code, hull.stderr).toBe(0);
    // The same transfer twice says nothing new.
    writeFileSync(file('move.passport.json'), readFileSync(file('amira.passport.json')));
    const first = await lp([
      'transfer',
      '--key',
      'leeds.key.json',
      '--passport',
      'move.passport.json',
      '--from',
      'HMP Leeds',
      '--to',
      'HMP Hull',
      '--date',
      '2026-11-30',
    ]);
    expect(first.code, first.stderr).toBe(0);
    const again = await lp([
      'transfer',
      '--key',
      'leeds.key.json',
      '--passport',
      'move.passport.json',
      '--from',
      'HMP Leeds',
      '--to',
      'HMP Hull',
      '--date',
      '2026-11-30',
    ]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already records this transfer');
  });

  it('the learner removes an entry they do not want, and a merge with an older copy does not bring it back', async () => {
    writeFileSync(file('older-copy.passport.json'), readFileSync(file('amira.passport.json')));
    const cid = await cidOf('amira.passport.json', 'qualification');
    const removed = await lp(['passport', 'remove', 'amira.passport.json', cid, '--key', 'amira.key.json', '--reason', 'not for this job']);
    expect(removed.code, removed.stderr).toBe(0);
    expect(json('amira.passport.json').entries.map((e: { id: string }) => e.id)).toHaveLength(2);
    const merged = await lp(['merge', 'amira.passport.json', 'older-copy.passport.json', '-o', 'merged.passport.json']);
    expect(merged.code, merged.stderr).toBe(0);
    const timeline = JSON.parse((await lp(['timeline', 'merged.passport.json', '--json'])).stdout).items as { cid: string }[];
    expect(timeline.map((i) => i.cid)).not.toContain(cid);
    const verified = await lp(['verify', 'merged.passport.json', '--root', ids.authority]);
    expect(verified.code, verified.stdout).toBe(0);
  });
});

describe('a planned key rotation', () => {
  it('keeps every entry the old key signed valid, trusts the new key, and refuses the old key afterwards', async () => {
    writeFileSync(file('rot.passport.json'), readFileSync(file('amira.passport.json')));
    const before = await lp(['verify', 'rot.passport.json', '--trust-list', 'tl1.json', '--root', ids.authority]);
    expect(before.code, before.stdout).toBe(0);
    // Done exactly as the README says.
    const rotated = await lp([
      'keys',
      'rotate',
      'leeds.key.json',
      '--accreditation',
      'leeds-acc.json',
      '--authority-key',
      'authority.key.json',
      '--out',
      'leeds-2027.key.json',
      '--accreditations-out',
      'leeds-rotation.json',
    ]);
    expect(rotated.code, rotated.stderr).toBe(0);
    expect(rotated.stdout).toContain('stay valid');
    const tl2 = await lp([
      'trust-list',
      'build',
      '--key',
      'authority.key.json',
      '--name',
      'National Learning Authority',
      '--previous',
      'tl1.json',
      '--next-update',
      nextMonth(60),
      '--accreditations',
      'leeds-rotation.json',
      '-o',
      'tl2.json',
    ]);
    expect(tl2.code, tl2.stderr).toBe(0);
    expect((await lp(['trust', 'add', 'rot.passport.json', '--accreditations', 'leeds-rotation.json'])).code).toBe(0);
    const fresh = await lp([
      'issue',
      'course-completion',
      '--key',
      'leeds-2027.key.json',
      '--field',
      'title=Forklift',
      '--field',
      'provider=Leeds Learning Centre',
      '--field',
      'completedOn=2026-11-21',
      '--field',
      'outcome=completed',
      '--passport',
      'rot.passport.json',
    ]);
    expect(fresh.code, fresh.stderr).toBe(0);
    const after = await lp(['verify', 'rot.passport.json', '--trust-list', 'tl2.json', '--root', ids.authority, '--previous-trust-list', 'tl1.json']);
    expect(after.code, after.stdout).toBe(0);
    expect(after.stdout).toContain('every current entry is valid (3 of 3)');
    expect(after.stdout).not.toContain("Can't check");
    // The old key, after the rotation, signs nothing a verifier accepts.
    writeFileSync(file('late.passport.json'), readFileSync(file('rot.passport.json')));
    await lp([
      'issue',
      'course-completion',
      '--key',
      'leeds.key.json',
      '--field',
      'title=Late',
      '--field',
      'provider=Leeds Learning Centre',
      '--field',
      'completedOn=2026-11-22',
      '--field',
      'outcome=completed',
      '--passport',
      'late.passport.json',
    ]);
    const late = await lp(['verify', 'late.passport.json', '--trust-list', 'tl2.json', '--root', ids.authority]);
    expect(late.code).toBe(1);
    expect(late.stdout).toContain('was withdrawn on');
    expect(late.stdout).toContain('4 entries: 4 current (3 valid, 1 not valid)');
  });
});

// A terminal is needed to prove the passphrase is asked twice: python's pty module drives one.
const python = spawnSync('python3', ['-c', 'import pty'], { encoding: 'utf8' }).status === 0;
const cli = fileURLToPath(new URL('../../dist/cli/index.js', import.meta.url));
const PTY = `
import os, pty, select, sys, time
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:])
out = b''
def read(t):
    global out
    end = time.time() + t
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.1)
        if r:
            try:
                d = os.read(fd, 4096)
            except OSError:
                return
            if not d:
                return
            out += d
read(3)
for s in os.environ['TTYIN'].split('|'):
    os.write(fd, (s + '\\r').encode()); read(2)
read(5)
_, st = os.waitpid(pid, 0)
sys.stdout.write(out.decode(errors='replace'))
sys.exit(os.waitstatus_to_exitcode(st))
`;

describe.skipIf(!python)('a learner’s key on a terminal', () => {
  const onTerminal = (answers: string, out: string) => {
    const env: Record<string, string> = { ...process.env, TTYIN: answers, LP_INSECURE_TEST_ITERATIONS: '1', NO_COLOR: '1' } as Record<string, string>;
    delete env.LP_PASSPHRASE;
    return spawnSync('python3', ['-c', PTY, process.execPath, cli, 'keys', 'generate', '--holder', '--out', out, '--iterations', '1000'], {
      cwd: dir,
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
  };

  it('asks for the passphrase twice, and refuses two that differ (nothing written)', () => {
    const typo = onTerminal('typo-passphrase-1|intended-passphrase', 'typo.key.json');
    expect(typo.stdout).toMatch(/Passphrase for the (learner’s )?new key again/);
    expect(typo.status).toBe(2);
    expect(typo.stdout).toContain('the two passphrases differ');
    expect(() => readFileSync(file('typo.key.json'))).toThrow();
    const same = onTerminal('same-passphrase-1|same-passphrase-1', 'learner.key.json');
    expect(same.status, same.stdout).toBe(0);
    expect(JSON.parse(readFileSync(file('learner.key.json'), 'utf8'))).toBeTruthy();
  });
});

describe('bulk issuing from a spreadsheet, as the week goes', () => {
  const sheet = (holderA: string, holderB: string) =>
    [
      'Learner DID,Course,Completed',
      `${holderA},Food Hygiene,2026-11-02`,
      `${holderB},Forklift,2026-02-30`,
      `${holderB},Health and Safety,2026-11-03`,
      `${holderA},Customer Service,2026-11-04`,
      '',
    ].join('\n');
  const map = [
    '--map',
    'Learner DID=holder',
    '--map',
    'Course=title',
    '--map',
    'Completed=completedOn',
    '--field',
    'provider=Leeds Learning Centre',
    '--field',
    'outcome=completed',
  ];
  let ben = '';
  const fileFor = (holder: string, ext: string) => `${holder.replace(/[^A-Za-z0-9.-]+/g, '_')}.${ext}.json`;

  beforeAll(async () => {
    ben = await did(['keys', 'generate', '--holder', '--out', 'ben.key.json']);
    writeFileSync(file('results.csv'), sheet(ids.amira, ben));
  });

  it('a misspelled field in --map gets "did you mean" before any row, and no ✓', async () => {
    const r = await lp([
      'issue',
      '--csv',
      'results.csv',
      '--kind',
      'course-completion',
      '--key',
      'hull.key.json',
      '--map',
      'Learner DID=holder',
      '--map',
      'Course=titel',
      '--map',
      'Completed=completedOn',
      '--field',
      'provider=P',
      '--field',
      'outcome=completed',
      '--out-dir',
      'bulk-a',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('did you mean "title"');
    expect(r.stdout + r.stderr).not.toContain('✓');
  });

  it('counts what was written; a file it cannot use fails only its learner’s rows, naming it', async () => {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(file('bulk-c'));
    writeFileSync(file(`bulk-c/${fileFor(ben, 'passport')}`), '{"type":"LearningPassport",');
    const r = await lp([
      'issue',
      '--csv',
      'results.csv',
      '--kind',
      'course-completion',
      '--key',
      'hull.key.json',
      ...map,
      '--out-dir',
      'bulk-c',
      '--output',
      'passports',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(fileFor(ben, 'passport'));
    expect(r.stdout).not.toContain('✓');
    const report = json('bulk-c/report.json');
    expect(report).toMatchObject({ rows: 4, issued: 2, failed: 2, skipped: 0 });
    expect(json(`bulk-c/${fileFor(ids.amira, 'passport')}`).entries).toHaveLength(2);
    // Amira's passport given where Ben's belongs: nothing is added there, and the counts say so.
    mkdirSync(file('bulk-b'));
    writeFileSync(file(`bulk-b/${fileFor(ben, 'passport')}`), readFileSync(file('amira.passport.json')));
    const b = await lp([
      'issue',
      '--csv',
      'results.csv',
      '--kind',
      'course-completion',
      '--key',
      'hull.key.json',
      ...map,
      '--out-dir',
      'bulk-b',
      '--output',
      'passports',
      '--json',
    ]);
    const rb = JSON.parse(b.stdout);
    expect(rb.issued + rb.failed + rb.skipped).toBe(rb.rows);
    expect(rb.issued).toBe(2);
    expect(rb.outputs.reduce((n: number, o: { entries: number }) => n + o.entries, 0)).toBe(rb.issued);
  });

  it('the default entries files go into a passport with "passport add", and a second run of the same sheet adds nothing', async () => {
    const first = await lp(['issue', '--csv', 'results.csv', '--kind', 'course-completion', '--key', 'hull.key.json', ...map, '--out-dir', 'bulk-d']);
    expect(first.code).toBe(1); // the 30 February row
    expect(first.stdout).toContain('passport add');
    const entries = `bulk-d/${fileFor(ids.amira, 'entries')}`;
    expect(json(entries)).toHaveLength(2);
    writeFileSync(file('bulk.passport.json'), readFileSync(file('amira.passport.json')));
    const before = json('bulk.passport.json').entries.length;
    const added = await lp(['passport', 'add', 'bulk.passport.json', entries]);
    expect(added.code, added.stderr).toBe(0);
    expect(json('bulk.passport.json').entries).toHaveLength(before + 2);
    // Adding the same file again changes nothing, and says so.
    const again = await lp(['passport', 'add', 'bulk.passport.json', entries]);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('0 entries added, 2 already held');

    const rerun = await lp(['issue', '--csv', 'results.csv', '--kind', 'course-completion', '--key', 'hull.key.json', ...map, '--out-dir', 'bulk-d', '--json']);
    const report = JSON.parse(rerun.stdout);
    expect(report).toMatchObject({ rows: 4, issued: 0, skipped: 3, failed: 1 });
    expect(json(entries)).toHaveLength(2);
  });
});
