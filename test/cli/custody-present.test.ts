// CLI `present` and `lint` read the accreditations the passport carries, as the library call in
// the README does (review r10, F4): an entry issued under a prison's accreditation is named by
// `lint` and left out of an employer presentation.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { workspace } from './run.js';

describe('present and lint with a passport’s accreditations', () => {
  it('a prison-issued entry is flagged by lint and not shared with an employer', async () => {
    const { lp, did, file } = workspace('lp-custody-');
    await did(['keys', 'generate', '--holder', '--out', 'learner.key.json']);
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
    await did(['keys', 'generate', '--role', 'authority', '--name', 'National Learning Authority', '--out', 'root.key.json']);
    expect((await lp(['passport', 'init', '--holder-key', 'learner.key.json', '-o', 'p.json'])).code).toBe(0);
    const issued = await lp([
      'issue',
      'course-completion',
      '--key',
      'prison.key.json',
      '--field',
      'title=Barista Skills',
      '--field',
      'provider=Northfield Learning Centre',
      '--field',
      'completedOn=2026-02',
      '--field',
      'outcome=completed',
      '--passport',
      'p.json',
    ]);
    expect(issued.code, issued.stderr).toBe(0);
    const acc = await lp([
      'accredit',
      '--key',
      'root.key.json',
      '--did',
      prison,
      '--organisation',
      'org:northfield',
      '--role',
      'prison',
      '--kinds',
      'course-completion,checkpoint',
      '--valid-from',
      '2025-01-01',
      '--display-name',
      'Northfield Learning Centre',
      '-o',
      'accp.json',
    ]);
    expect(acc.code, acc.stderr).toBe(0);
    expect((await lp(['trust', 'add', 'p.json', '--accreditations', 'accp.json'])).code).toBe(0);

    const lint = await lp(['lint', 'p.json', '--json']);
    expect(lint.code).toBe(1);
    expect(JSON.parse(lint.stdout)).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'custody-issuer', severity: 'high' })]));

    const present = await lp([
      'present',
      'p.json',
      '--key',
      'learner.key.json',
      '--audience',
      'employer',
      '--challenge',
      'c1',
      '--domain',
      'jobs.example',
      '-o',
      'vp.json',
    ]);
    expect(present.code).not.toBe(0);
    expect(present.stderr).toMatch(/ERR_NOTHING_TO_SHARE|no entry would be shared/);
    expect(existsSync(file('vp.json'))).toBe(false);
  });
});
