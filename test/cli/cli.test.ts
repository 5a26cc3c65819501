// The built command, run as a user would: `node dist/cli/index.js …` in a scratch folder.
// `npm test` builds first (pretest), so dist/ is the code under test.
import { readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { workspace } from './run.js';

// The shared runner (test/cli/run.ts): the built command in a scratch folder of its own.
const { lp, file, json } = workspace('lp-cli-');

describe('learning-passport command', () => {
  let rootDid: string;
  let bodyDid: string;
  let learnerDid: string;

  beforeAll(async () => {
    const gen = async (name: string, role: string, out: string) => {
      const r = await lp(['keys', 'generate', '--role', role, '--name', name, '--out', out, '--iterations', '1000', '--json']);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout).did as string;
    };
    rootDid = await gen('National Learning Authority', 'authority', 'root.key.json');
    bodyDid = await gen('City & Guilds', 'awarding-body', 'body.key.json');
    learnerDid = await gen('Amira', 'mentor', 'learner.key.json');
    await gen('Second Chance', 'charity', 'charity.key.json');
    writeFileSync(file('trust.json'), JSON.stringify({ roots: [rootDid] }));
  });

  it('prints help and exits 2 without a command', async () => {
    const r = await lp([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('learning-passport keys generate');
  });

  it('keys show and export never reveal the secret unless asked', async () => {
    const show = await lp(['keys', 'show', 'body.key.json']);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain(bodyDid);
    const pub = await lp(['keys', 'export', 'body.key.json', '--format', 'jwk']);
    expect(JSON.parse(pub.stdout)).not.toHaveProperty('d');
    const secret = await lp(['keys', 'export', 'body.key.json', '--format', 'jwk', '--include-secret']);
    expect(JSON.parse(secret.stdout)).toHaveProperty('d');
  });

  it('a wrong passphrase, a missing file and bad JSON in a fields file are clear usage errors (exit 2); a damaged file given to verify is Not valid (exit 1)', async () => {
    const wrong = await lp(['keys', 'export', 'body.key.json', '--include-secret'], { LP_PASSPHRASE: 'not the passphrase' });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('wrong passphrase');
    const missing = await lp(['verify', 'nope.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('not found: nope.json');
    writeFileSync(file('bad.json'), '{ "oops": ');
    const fields = await lp(['issue', 'qualification', '--key', 'body.key.json', '--fields', 'bad.json']);
    expect(fields.code).toBe(2);
    expect(fields.stderr).toContain('not valid JSON');
    // What someone shared, damaged: a verdict with what to do, as on the checker page.
    const bad = await lp(['verify', 'bad.json']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('✗ Not valid: this file is damaged');
    expect(bad.stdout).toContain('not valid JSON');
  });

  it('issues, accredits, verifies under a trust root, and refuses a tampered entry (exit 1)', async () => {
    const acc = await lp([
      'accredit',
      '--key',
      'root.key.json',
      '--did',
      bodyDid,
      '--organisation',
      'org:cg',
      '--role',
      'awarding-body',
      '--kinds',
      'qualification',
      '-o',
      'acc.json',
    ]);
    expect(acc.code, acc.stderr).toBe(0);
    writeFileSync(file('accreditations.json'), JSON.stringify([json('acc.json')]));
    const issued = await lp([
      'issue',
      'qualification',
      '--key',
      'body.key.json',
      '--holder',
      learnerDid,
      '--field',
      'title=Functional Skills Maths',
      '--field',
      'awardingBody.name=City & Guilds',
      '--field',
      'level=L1',
      '--field',
      'awardedOn=2026-03',
      '-o',
      'maths.json',
    ]);
    expect(issued.code, issued.stderr).toBe(0);
    expect(issued.stdout).toContain('Functional Skills Maths, Level 1');

    const ok = await lp(['verify', 'maths.json', '--trust', 'trust.json', '--accreditations', 'accreditations.json']);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toContain('✓');

    const entry = json('maths.json');
    entry.credentialSubject.achievement.name = 'Functional Skills Maths, Level 3';
    writeFileSync(file('tampered.json'), JSON.stringify(entry));
    const bad = await lp(['verify', 'tampered.json', '--json']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).errors.map((e: { code: string }) => e.code)).toContain('ERR_PROOF_SIGNATURE_INVALID');
  });

  it('a charity issuing a qualification is refused under the policy (exit 1)', async () => {
    const issued = await lp([
      'issue',
      'qualification',
      '--key',
      'charity.key.json',
      '--field',
      'title=Mentoring',
      '--field',
      'awardingBody.name=Second Chance',
      '--field',
      'level=L2',
      '--field',
      'awardedOn=2026',
      '-o',
      'fake.json',
    ]);
    expect(issued.code, issued.stderr).toBe(0);
    // Nothing accredits the charity at all: something missing, "can't check" (exit 3).
    const unknown = await lp(['verify', 'fake.json', '--trust', 'trust.json', '--accreditations', 'accreditations.json']);
    expect(unknown.code).toBe(3);
    expect(unknown.stdout).toContain('Load the authority’s trust list.');
    // Accredited, but as a charity for mentoring only: the wrong issuer for a qualification.
    const charityDid = JSON.parse((await lp(['keys', 'show', 'charity.key.json', '--json'])).stdout).did as string;
    expect(
      (
        await lp([
          'accredit',
          '--key',
          'root.key.json',
          '--did',
          charityDid,
          '--organisation',
          'org:sc',
          '--role',
          'charity',
          '--kinds',
          'mentoring',
          '-o',
          'charity-acc.json',
        ])
      ).code,
    ).toBe(0);
    const r = await lp(['verify', 'fake.json', '--trust', 'trust.json', '--accreditations', 'charity-acc.json']);
    expect(r.code, r.stdout).toBe(1);
    expect(r.stdout).toMatch(/^✗ Not valid \(issuer not allowed to issue this\): Mentoring/m);
    expect(r.stdout).toContain('Do not rely on it.');
  });

  it('builds passports, merges them in either order to the same bytes, and lists a timeline', async () => {
    writeFileSync(
      file('a.passport.json'),
      JSON.stringify({ type: 'LearningPassport', version: 1, holder: learnerDid, entries: [], accreditations: [], statusLists: [], exclusions: [] }),
    );
    writeFileSync(file('b.passport.json'), readFileSync(file('a.passport.json')));
    expect(
      (
        await lp([
          'issue',
          'qualification',
          '--key',
          'body.key.json',
          '--holder',
          learnerDid,
          '--field',
          'title=FS English',
          '--field',
          'awardingBody.name=City & Guilds',
          '--field',
          'level=E3',
          '--field',
          'awardedOn=2026-04',
          '--passport',
          'a.passport.json',
        ])
      ).code,
    ).toBe(0);
    expect(
      (
        await lp([
          'issue',
          'qualification',
          '--key',
          'body.key.json',
          '--holder',
          learnerDid,
          '--field',
          'title=FS Maths',
          '--field',
          'awardingBody.name=City & Guilds',
          '--field',
          'level=L1',
          '--field',
          'awardedOn=2026-03',
          '--passport',
          'b.passport.json',
        ])
      ).code,
    ).toBe(0);
    // An awarding body's key has no power to sign checkpoints: refused, nothing written.
    const refused = await lp(['checkpoint', '--key', 'body.key.json', '--passport', 'b.passport.json']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('awarding-body may not sign checkpoints');
    expect((await lp(['checkpoint', '--key', 'root.key.json', '--passport', 'b.passport.json'])).code).toBe(0);
    const ab = await lp(['merge', 'a.passport.json', 'b.passport.json', '-o', 'ab.json']);
    const ba = await lp(['merge', 'b.passport.json', 'a.passport.json', '-o', 'ba.json']);
    expect(ab.code, ab.stderr).toBe(0);
    expect(ba.code).toBe(0);
    expect(readFileSync(file('ab.json'), 'utf8')).toBe(readFileSync(file('ba.json'), 'utf8'));
    expect(json('ab.json').entries).toHaveLength(3);
    const t = await lp(['timeline', 'ab.json']);
    expect(t.stdout).toContain('FS English');
    // No roots: every signature holds, but who issued them was not checked (exit 3, said).
    const v = await lp(['verify', 'ab.json']);
    expect(v.code, v.stdout).toBe(3);
    expect(v.stdout).toContain('The signature is intact; who issued it was not checked.');
  });

  it('presents to an employer; verifying needs the same challenge and domain', async () => {
    const p = await lp([
      'present',
      'ab.json',
      '--key',
      'learner.key.json',
      '--audience',
      'employer',
      '--challenge',
      'c-123',
      '--domain',
      'jobs.example',
      '-o',
      'vp.json',
    ]);
    expect(p.code, p.stderr).toBe(0);
    const ok = await lp([
      'verify',
      'vp.json',
      '--challenge',
      'c-123',
      '--domain',
      'jobs.example',
      '--trust',
      'trust.json',
      '--accreditations',
      'accreditations.json',
    ]);
    expect(ok.code, ok.stdout).toBe(0);
    expect(ok.stdout).toContain('2 of 2 achievements checked: both valid.');
    const unchecked = await lp(['verify', 'vp.json', '--challenge', 'c-123', '--domain', 'jobs.example']);
    expect(unchecked.code, unchecked.stdout).toBe(3);
    const replay = await lp(['verify', 'vp.json', '--challenge', 'other', '--domain', 'jobs.example']);
    expect(replay.code).toBe(1);
    const missing = await lp(['present', 'ab.json', '--key', 'learner.key.json', '--audience', 'employer', '-o', 'vp2.json']);
    expect(missing.code).toBe(2);
  });

  it('lints, makes QR codes and a printable pack', async () => {
    expect((await lp(['lint', 'maths.json'])).code).toBe(0);
    const qr = await lp(['qr', 'maths.json', '--payload']);
    expect(qr.stdout.trim()).toMatch(/^LP1:/);
    expect((await lp(['qr', 'maths.json', '-o', 'maths.svg'])).code).toBe(0);
    expect(readFileSync(file('maths.svg'), 'utf8')).toContain('<svg');
    expect((await lp(['qr', 'maths.json', '--format', 'png', '-o', 'maths.png'])).code).toBe(0);
    expect(readFileSync(file('maths.png')).subarray(1, 4).toString()).toBe('PNG');
    expect((await lp(['print', 'ab.json', '-o', 'pack.html'])).code).toBe(0);
    expect(readFileSync(file('pack.html'), 'utf8')).toContain('FS English');
  });
});
