// The README's "What `verify` prints" example, run on the built command: the same lines (entries
// in the passport's own order, which depends on their content ids, so compared as a set), the
// same overall verdict and count, and exit 0 although one entry was withdrawn.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { workspace } from './run.js';

const readme = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');

/** Entry blocks (a headline and its indented lines), sorted, and the lines after the blank one. */
function parts(text: string): { entries: string[]; overall: string[] } {
  const [head, tail] = text.trim().split('\n\n');
  const entries: string[] = [];
  for (const line of head!.split('\n')) {
    if (line.startsWith(' ')) entries[entries.length - 1] += `\n${line}`;
    else entries.push(line);
  }
  return { entries: entries.sort(), overall: tail!.split('\n') };
}

describe('README: what verify prints', () => {
  it('prints the documented headlines, reasons and counts', async () => {
    const documented = /\$ learning-passport verify passport\.json[^\n]*\n([\s\S]*?)```/.exec(readme)![1]!;
    const { lp, did } = workspace('lp-cli-verify-output-');
    const authority = await did(['keys', 'generate', '--role', 'authority', '--name', 'National Learning Authority', '--out', 'a.key.json']);
    const leeds = await did(['keys', 'generate', '--role', 'prison', '--name', 'HMP Leeds', '--display-name', 'Leeds Learning Centre', '--out', 'l.key.json']);
    const holder = await did(['keys', 'generate', '--holder', '--out', 'h.key.json']);
    expect(
      (
        await lp([
          'accredit',
          '--key',
          'a.key.json',
          '--did',
          leeds,
          '--organisation',
          'org:leeds',
          '--role',
          'prison',
          '--kinds',
          'course-completion',
          '--display-name',
          'Leeds Learning Centre',
          '-o',
          'acc.json',
        ])
      ).code,
    ).toBe(0);
    expect(
      (
        await lp([
          'trust-list',
          'build',
          '--key',
          'a.key.json',
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
        ])
      ).code,
    ).toBe(0);
    expect((await lp(['passport', 'init', '--holder-key', 'h.key.json', '-o', 'passport.json'])).code).toBe(0);
    for (const title of ['Barista skills', 'Food hygiene']) {
      const r = await lp([
        'issue',
        'course-completion',
        '--key',
        'l.key.json',
        '--holder',
        holder,
        '--field',
        `title=${title}`,
        '--field',
        'provider=Leeds Learning Centre',
        '--field',
        'completedOn=2026-03',
        '--field',
        'outcome=completed',
        '--passport',
        'passport.json',
      ]);
      expect(r.code, r.stderr).toBe(0);
    }
    const items = JSON.parse((await lp(['timeline', 'passport.json', '--json'])).stdout).items as { cid: string; title?: string }[];
    const target = items.find((i) => i.title === 'Food hygiene')!.cid;
    expect((await lp(['revoke', target, '--key', 'l.key.json', '--passport', 'passport.json', '--reason', 'issued-in-error'])).code).toBe(0);
    const r = await lp(['verify', 'passport.json', '--root', authority, '--trust-list', 'trust-list.json']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(parts(r.stdout)).toEqual(parts(documented));
  });
});
