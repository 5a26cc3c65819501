// Mistakes a tired person makes, run through the BUILT command (`npm run build:lib` first):
// each row is what they typed, the exit code they must get, and a fragment of the answer.
// A mistake never exits 0, never prints a ✓, and names the flag, file, line or nearest word.
import { copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { workspace } from './run.js';

// The shared runner (test/cli/run.ts): the built command in a scratch folder of its own.
const { lp, file, json } = workspace('lp-mistakes-');
const maths = ['--field', 'title=FS Maths', '--field', 'awardingBody.name=City & Guilds', '--field', 'level=L1'];

let learnerDid = '';
let otherDid = '';
let bodyEntryCid = '';

beforeAll(async () => {
  const gen = async (name: string, role: string, out: string) => {
    const r = await lp(['keys', 'generate', '--role', role, '--name', name, '--out', out, '--iterations', '1000', '--json']);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout).did as string;
  };
  const rootDid = await gen('National Learning Authority', 'authority', 'root.key.json');
  await gen('City & Guilds', 'awarding-body', 'body.key.json');
  await gen('Second Chance', 'charity', 'charity.key.json');
  learnerDid = await gen('Amira', 'mentor', 'learner.key.json');
  otherDid = await gen('Someone Else', 'mentor', 'other.key.json');
  writeFileSync(file('trust.json'), JSON.stringify({ roots: [rootDid] }));
  const empty = { type: 'LearningPassport', version: 1, holder: learnerDid, entries: [], accreditations: [], statusLists: [], exclusions: [] };
  writeFileSync(file('empty.passport.json'), JSON.stringify(empty));
  writeFileSync(file('p.json'), JSON.stringify(empty));
  const issued = await lp(['issue', 'qualification', '--key', 'body.key.json', ...maths, '--field', 'awardedOn=2026-03', '--passport', 'p.json']);
  expect(issued.code, issued.stderr).toBe(0);
  const t = await lp(['timeline', 'p.json', '--json']);
  bodyEntryCid = JSON.parse(t.stdout).items[0].cid;
  expect(
    (await lp(['issue', 'qualification', '--key', 'body.key.json', '--holder', learnerDid, ...maths, '--field', 'awardedOn=2026-03', '-o', 'maths.json'])).code,
  ).toBe(0);
  // A passport where the body has revoked its entry, and one with a checkpoint already.
  copyFileSync(file('p.json'), file('revoked.json'));
  const revoked = await lp(['revoke', bodyEntryCid, '--key', 'body.key.json', '--passport', 'revoked.json', '--reason', 'issued-in-error']);
  expect(revoked.code, revoked.stderr).toBe(0);
  copyFileSync(file('p.json'), file('cp.json'));
  expect((await lp(['checkpoint', '--key', 'root.key.json', '--passport', 'cp.json'])).code).toBe(0);
  writeFileSync(file('two.json'), JSON.stringify([json('maths.json'), json('maths.json')]));
  writeFileSync(file('trailing.json'), '{\n  "title": "FS Maths",\n}\n');
  writeFileSync(file('quotes.json'), "{ 'title': 'FS Maths' }");
  writeFileSync(file('blank.json'), '');
}, 120_000);

type Row = [what: string, args: () => string[], code: number, fragment: string, env?: Record<string, string>];

const rows: Row[] = [
  ['a misspelled command', () => ['isue', 'qualification'], 2, 'did you mean "issue"'],
  ['a misspelled flag', () => ['issue', 'qualification', '--key', 'body.key.json', '--feild', 'title=x'], 2, 'did you mean "--field"'],
  ['a misspelled kind', () => ['issue', 'qualifcation', '--key', 'body.key.json', ...maths], 2, 'did you mean "qualification"'],
  [
    'a misspelled field',
    () => [
      'issue',
      'qualification',
      '--key',
      'body.key.json',
      '--field',
      'titel=FS Maths',
      '--field',
      'awardingBody.name=C&G',
      '--field',
      'level=L1',
      '--field',
      'awardedOn=2026',
    ],
    2,
    'did you mean "title"',
  ],
  [
    'a misspelled nested field',
    () => [
      'issue',
      'qualification',
      '--key',
      'body.key.json',
      '--field',
      'title=FS Maths',
      '--field',
      'awardingBody.nmae=C&G',
      '--field',
      'level=L1',
      '--field',
      'awardedOn=2026',
    ],
    2,
    'did you mean "awardingBody.name"',
  ],
  ['a file that is not there', () => ['verify', 'nope.json'], 2, 'not found: nope.json'],
  ['a trailing comma', () => ['issue', 'qualification', '--key', 'body.key.json', '--fields', 'trailing.json'], 2, 'trailing.json:3:1: not valid JSON'],
  // A damaged copy given to verify is a verdict (Not valid, exit 1, as on the checker page), not a usage error.
  ['single quotes in JSON', () => ['verify', 'quotes.json'], 1, 'quotes.json:1:3'],
  ['an empty file', () => ['verify', 'blank.json'], 1, 'blank.json is empty. Ask the person to share again.'],
  ['a damaged file given to verify says so and what to do', () => ['verify', 'quotes.json'], 1, '✗ Not valid: this file is damaged'],
  ['a damaged file: what to do, as on the checker page', () => ['verify', 'quotes.json'], 1, 'Ask the person to share again.'],
  [
    'a date the wrong way round',
    () => ['issue', 'qualification', '--key', 'body.key.json', ...maths, '--field', 'awardedOn=03/2026'],
    2,
    'must be a date: YYYY-MM-DD',
  ],
  [
    'a day that does not exist',
    () => ['issue', 'qualification', '--key', 'body.key.json', ...maths, '--field', 'awardedOn=2026-02-30'],
    2,
    'exists in the calendar',
  ],
  [
    'an award dated next decade',
    () => ['issue', 'qualification', '--key', 'body.key.json', ...maths, '--field', 'awardedOn=2036-01-01'],
    2,
    'more than a day in the future',
  ],
  [
    'a month 13 in --valid-from',
    () => ['issue', 'qualification', '--key', 'body.key.json', ...maths, '--field', 'awardedOn=2026', '--valid-from', '2026-13-01'],
    2,
    '--valid-from must be a real day',
  ],
  [
    'a British date in accredit',
    () => [
      'accredit',
      '--key',
      'root.key.json',
      '--did',
      otherDid,
      '--organisation',
      'org:x',
      '--role',
      'charity',
      '--kinds',
      'mentoring',
      '--valid-until',
      '31/12/2027',
    ],
    2,
    '--valid-until must be a real day',
  ],
  [
    'a validity window the wrong way round',
    () => [
      'issue',
      'qualification',
      '--key',
      'body.key.json',
      ...maths,
      '--field',
      'awardedOn=2026',
      '--valid-from',
      '2026-03-01',
      '--valid-until',
      '2025-01-01',
    ],
    2,
    '--valid-until must be after',
  ],
  [
    'the wrong passphrase',
    () => ['issue', 'qualification', '--key', 'body.key.json', ...maths, '--field', 'awardedOn=2026'],
    2,
    'wrong passphrase',
    { LP_PASSPHRASE: 'Correct horse battery' },
  ],
  [
    'an entry given as the key file',
    () => ['issue', 'qualification', '--key', 'maths.json', ...maths, '--field', 'awardedOn=2026'],
    2,
    'not a learning-passport key file',
  ],
  ['a passport given to qr', () => ['qr', 'p.json', '--payload'], 2, 'is a passport: qr takes exactly one entry'],
  ['two entries given to qr', () => ['qr', 'two.json', '--payload'], 2, 'holds 2'],
  // One reading of "an entry id, or the file holding that one entry" for revoke and present --include.
  [
    'two entries given to revoke',
    () => ['revoke', 'two.json', '--key', 'body.key.json', '--passport', 'p.json'],
    2,
    'two.json holds 2 entries: revoke withdraws one',
  ],
  [
    'two entries given to present --include',
    () => ['present', 'p.json', '--key', 'learner.key.json', '--audience', 'employer', '--challenge', 'c', '--domain', 'd', '--include', 'two.json'],
    2,
    '--include two.json holds 2 entries: give one entry file',
  ],
  ['a passport given as the fields', () => ['issue', 'qualification', '--key', 'body.key.json', '--fields', 'p.json'], 2, 'is a passport, not the fields'],
  [
    'revoking another issuer’s entry',
    () => ['revoke', bodyEntryCid, '--key', 'charity.key.json', '--passport', 'p.json', '--reason', 'withdrawn'],
    1,
    'did not sign entry',
  ],
  [
    'revoking an entry the passport does not hold',
    () => ['revoke', 'bagaaieraxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', '--key', 'body.key.json', '--passport', 'p.json'],
    1,
    'holds no entry',
  ],
  ['revoking twice', () => ['revoke', bodyEntryCid, '--key', 'body.key.json', '--passport', 'revoked.json'], 1, 'already revoked'],
  [
    'a misspelled revocation reason',
    () => ['revoke', bodyEntryCid, '--key', 'body.key.json', '--passport', 'p.json', '--reason', 'withdrawen'],
    2,
    'did you mean "withdrawn"',
  ],
  [
    'presenting with someone else’s key',
    () => ['present', 'p.json', '--key', 'other.key.json', '--audience', 'employer', '--challenge', 'c', '--domain', 'jobs.example'],
    1,
    "not the holder's key",
  ],
  [
    'presenting without the verifier’s challenge',
    () => ['present', 'p.json', '--key', 'learner.key.json', '--audience', 'employer'],
    2,
    '--challenge and --domain are required',
  ],
  [
    'a misspelled audience',
    () => ['present', 'p.json', '--key', 'learner.key.json', '--audience', 'employr', '--challenge', 'c', '--domain', 'd'],
    2,
    'did you mean "employer"',
  ],
  [
    'presenting an empty passport',
    () => ['present', 'empty.passport.json', '--key', 'learner.key.json', '--audience', 'employer', '--challenge', 'c', '--domain', 'd'],
    1,
    'nothing to present',
  ],
  ['a key file written over', () => ['keys', 'generate', '--role', 'charity', '--name', 'X', '--out', 'body.key.json'], 2, 'already exists (use --force'],
  [
    'a weak --iterations',
    () => ['keys', 'generate', '--role', 'charity', '--name', 'X', '--out', 'weak.key.json', '--iterations', '1000'],
    2,
    'at least 210,000',
    { LP_INSECURE_TEST_ITERATIONS: '0' },
  ],
  ['a misspelled role', () => ['keys', 'generate', '--role', 'prision', '--name', 'X', '--out', 'x.key.json'], 2, 'did you mean "prison"'],
  ['a misspelled keys action', () => ['keys', 'exprot', 'body.key.json'], 2, 'did you mean "export"'],
  ['an unknown export format', () => ['keys', 'export', 'body.key.json', '--format', 'pem'], 2, '--format must be multikey or jwk'],
  ['a second checkpoint over the same entries', () => ['checkpoint', '--key', 'root.key.json', '--passport', 'cp.json'], 1, 'already signed a checkpoint'],
  ['a checkpoint over nothing', () => ['checkpoint', '--key', 'body.key.json', '--passport', 'empty.passport.json'], 1, 'holds no entries'],
  [
    'a transfer to the same place',
    () => ['transfer', '--key', 'body.key.json', '--passport', 'p.json', '--from', 'Northfield', '--to', 'northfield', '--date', '2026-03-01'],
    1,
    'same establishment',
  ],
  [
    'a transfer on 30 February',
    () => ['transfer', '--key', 'body.key.json', '--passport', 'p.json', '--from', 'A', '--to', 'B', '--date', '2026-02-30'],
    2,
    '--date must be a real day',
  ],
  [
    'an entry for someone else added to the passport',
    () => ['issue', 'qualification', '--key', 'body.key.json', ...maths, '--field', 'awardedOn=2026', '--holder', otherDid, '--passport', 'p.json'],
    1,
    "not the passport's holder",
  ],
  [
    'a flag value given to a switch',
    () => ['keys', 'generate', '--role', 'charity', '--name', 'X', '--out', 'y.key.json', '--force=yes'],
    2,
    '--force takes no value',
  ],
  ['a flag with its value forgotten', () => ['issue', 'qualification', '--key'], 2, '--key needs a value'],
  ['a --field without =', () => ['issue', 'qualification', '--key', 'body.key.json', '--field', 'title'], 2, 'name=value'],
  ['a misspelled kind to kinds', () => ['kinds', 'qualifcation'], 2, 'did you mean "qualification"'],
  [
    'a misspelled kind to accredit',
    () => ['accredit', '--key', 'root.key.json', '--did', otherDid, '--organisation', 'org:x', '--role', 'charity', '--kinds', 'mentorng'],
    2,
    'did you mean "mentoring"',
  ],
  ['merging one file', () => ['merge', 'p.json', '-o', 'out.json'], 2, 'at least two'],
  ['verifying a passport with a revoked entry (and no trust list)', () => ['verify', 'revoked.json'], 3, 'withdrawn by the issuer'],
  ['verifying a presentation without the request', () => ['verify', 'p.json', '--challenge'], 2, '--challenge needs a value'],
  // Keys with no authority, and files given where another kind belongs.
  [
    'a transfer signed with an awarding body’s key',
    () => ['transfer', '--key', 'body.key.json', '--passport', 'p.json', '--from', 'HMP Leeds', '--to', 'HMP Hull', '--date', '2026-03-01'],
    1,
    'awarding-body may not sign custody transfer entries',
  ],
  [
    'a checkpoint signed with an awarding body’s key',
    () => ['checkpoint', '--key', 'body.key.json', '--passport', 'p.json'],
    1,
    'awarding-body may not sign checkpoints',
  ],
  [
    'ending an accreditation the key never made',
    () => ['accredit', 'revoke', '--key', 'charity.key.json', '--did', otherDid, '--reason', 'not the authority', '-o', 'bogus.json'],
    1,
    'nothing shows it accredited',
  ],
  [
    'an entries file stapled as accreditations',
    () => ['trust', 'add', 'p.json', '--accreditations', 'maths.json'],
    2,
    'put entries into a passport with "passport add"',
  ],
  [
    'a trust list stapled without the authority’s key',
    () => ['trust', 'add', 'p.json', '--trust-list', 'maths.json'],
    2,
    '--trust-list needs the authority’s key',
  ],
  ['a passport given to passport add', () => ['passport', 'add', 'p.json', 'p.json'], 2, 'is a passport, not an entries file'],
  ['removing an entry with someone else’s key', () => ['passport', 'remove', 'p.json', bodyEntryCid, '--key', 'other.key.json'], 1, 'not the learner’s key'],
  [
    'removing an entry the passport does not hold',
    () => ['passport', 'remove', 'p.json', 'bagaaieraxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', '--key', 'learner.key.json'],
    1,
    'holds no entry',
  ],
  // Errors in the words of the flags, and date forms as elsewhere.
  ['a malformed --root', () => ['verify', 'p.json', '--root', 'did:key:z6Mkbad'], 2, '--root "did:key:z6Mkbad" is not the did:key'],
  [
    'a malformed --did in a compromise notice',
    () => ['accredit', 'compromise', '--key', 'root.key.json', '--did', 'did:key:z6Mkbad', '--since', '2026-11-15', '--reason', 'x'],
    2,
    '--did "did:key:z6Mkbad" is not the did:key',
  ],
  [
    'an impossible --since',
    () => ['accredit', 'compromise', '--key', 'root.key.json', '--did', otherDid, '--since', '2026-02-30', '--reason', 'x'],
    2,
    '--since must be a real day as YYYY-MM-DD',
  ],
  [
    'a negative --sequence',
    () => ['trust-list', 'build', '--key', 'root.key.json', '--name', 'N', '--sequence', '-1', '--next-update', '2027-01-01', '-o', 't.json'],
    2,
    'is written --sequence=<value>',
  ],
  [
    'a --next-update in the past',
    () => ['trust-list', 'build', '--key', 'root.key.json', '--name', 'N', '--sequence', '2', '--next-update', '2020-01-01', '-o', 't.json'],
    2,
    '--next-update 2020-01-01 is not in the future',
  ],
  [
    'a transfer dated next year',
    () => ['transfer', '--key', 'root.key.json', '--passport', 'p.json', '--from', 'A', '--to', 'B', '--date', '2099-01-30'],
    2,
    '--date is more than a day in the future',
  ],
  [
    'a malformed learner id',
    () => ['issue', 'qualification', '--key', 'body.key.json', ...maths, '--field', 'awardedOn=2026', '--holder', 'did:key:z6Mkfoo', '-o', 'x.json'],
    2,
    '--holder "did:key:z6Mkfoo" is not a valid did:key',
  ],
  [
    'a group of fields given as text',
    () => [
      'issue',
      'qualification',
      '--key',
      'body.key.json',
      '--field',
      'title=X',
      '--field',
      'awardingBody=CG',
      '--field',
      'level=L1',
      '--field',
      'awardedOn=2026',
    ],
    2,
    'awardingBody is a group of fields',
  ],
  [
    'a misspelled --output',
    () => [
      'issue',
      '--csv',
      'blank.json',
      '--kind',
      'course-completion',
      '--key',
      'body.key.json',
      '--map',
      'A=holder',
      '--out-dir',
      'o',
      '--output',
      'passport',
    ],
    2,
    'did you mean "passports"',
  ],
  [
    'a misspelled field in --map',
    () => ['issue', '--csv', 'blank.json', '--kind', 'course-completion', '--key', 'body.key.json', '--map', 'A=holder', '--map', 'B=titel', '--out-dir', 'o'],
    2,
    'did you mean "title"',
  ],
  [
    'a passport given as the key',
    () => ['issue', 'qualification', '--key', 'p.json', ...maths, '--field', 'awardedOn=2026'],
    2,
    '--key p.json: this is not a learning-passport key file (version 1). It is a passport.',
  ],
];

describe('mistakes get a clear answer and a non-zero exit', () => {
  it('has at least 30 rows', () => expect(rows.length).toBeGreaterThanOrEqual(30));

  it.each(rows)(
    '%s',
    async (_what, args, code, fragment, env) => {
      const r = await lp(args(), env);
      const out = r.stdout + r.stderr;
      expect(r.code, out).toBe(code);
      expect(out).toContain(fragment);
      // No ✓ for the thing refused (a passport's verification lists its valid entries with ✓).
      if (args()[0] !== 'verify') expect(out).not.toContain('✓');
      // Errors speak in flags, never in the library's option names.
      expect(out).not.toMatch(/"options\.|credentialOptions|holderKey|roots\[|KeyPair|transferDate|valid Date|\\n/);
    },
    30_000,
  );

  it('--json makes the same mistakes JSON: { error: { code, message } }', async () => {
    const usage = await lp(['verify', 'nope.json', '--json']);
    expect(usage.code).toBe(2);
    expect(JSON.parse(usage.stdout)).toEqual({ error: { code: 'ERR_FILE_NOT_FOUND', message: expect.stringContaining('nope.json') } });
    const refused = await lp(['revoke', bodyEntryCid, '--key', 'charity.key.json', '--passport', 'p.json', '--json']);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout).error.code).toBe('ERR_LIFECYCLE_UNAUTHORISED');
    const broken = await lp(['issue', 'qualification', '--key', 'body.key.json', '--fields', 'trailing.json', '--json']);
    expect(JSON.parse(broken.stdout).error).toMatchObject({ code: 'ERR_JSON_SYNTAX', message: expect.stringContaining(':3:1') });
    const unknown = await lp(['isue', '--json']);
    expect(JSON.parse(unknown.stdout).error.code).toBe('ERR_UNKNOWN_COMMAND');
  }, 30_000);

  it('a refused revocation leaves the passport byte for byte as it was', async () => {
    const before = readFileSync(file('p.json'), 'utf8');
    expect((await lp(['revoke', bodyEntryCid, '--key', 'charity.key.json', '--passport', 'p.json'])).code).toBe(1);
    expect(readFileSync(file('p.json'), 'utf8')).toBe(before);
  });

  it('--version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8'));
    const r = await lp(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(`learning-passport ${pkg.version}`);
  });

  it('key files are written readable by their owner only (0600)', () => {
    if (process.platform === 'win32') return;
    expect(statSync(file('body.key.json')).mode & 0o777).toBe(0o600);
  });
});
