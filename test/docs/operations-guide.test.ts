// The README's operations guide, run command by command as written: every ```sh block of the
// "Operations guide" section, in order, in one shell in a fresh folder, with `learning-passport`
// on the PATH as the built command (`npm run build:lib` first; npm test does it). A command must
// exit 0, or 1 where the guide marks it `# exits 1`. Key files use the test-only work factor
// (LP_INSECURE_TEST_ITERATIONS=1), so the guide's own commands run unchanged and quickly.
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(root, 'dist/cli/index.js');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** The text of one `## ` section of the README. */
function section(title: string): string {
  const start = readme.indexOf(`\n## ${title}\n`);
  if (start < 0) throw new Error(`README has no "## ${title}" section`);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

/** The commands of every ```sh block, continuation lines joined, with the exit code each expects. */
export function guideCommands(text: string): { command: string; exit: number }[] {
  const blocks = [...text.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const commands: { command: string; exit: number }[] = [];
  for (const block of blocks) {
    const lines = block.replace(/\\\n/g, ' ').split('\n');
    for (const raw of lines) {
      const command = raw.trim();
      if (command === '' || command.startsWith('#')) continue;
      commands.push({ command, exit: /#\s*exits 1\b/.test(command) ? 1 : 0 });
    }
  }
  return commands;
}

/** One shell script: each command, then a check of its exit code that stops at the first surprise. */
function script(commands: { command: string; exit: number }[]): string {
  const out = ['set -u'];
  commands.forEach(({ command, exit }, i) => {
    out.push(`echo '>>> ${i + 1}' >&2`, command);
    out.push(`rc=$?; if [ "$rc" -ne ${exit} ]; then echo "guide command ${i + 1} exited $rc, expected ${exit}" >&2; exit 97; fi`);
  });
  out.push('echo "guide: all commands done"');
  return `${out.join('\n')}\n`;
}

describe('README operations guide', () => {
  const guide = section('Operations guide');
  const commands = guideCommands(guide);

  it('has the parts the issuers need, each with commands', () => {
    for (const part of [
      'accredited',
      'trust list',
      'Day to day',
      'Status lists',
      'Transfers',
      'employer',
      'Key rotation',
      'lost passphrase',
      'compromised key',
      'Backups',
    ]) {
      expect(guide, part).toContain(part);
    }
    expect(commands.length).toBeGreaterThan(30);
    // Every command is the tool itself or a plain shell step that makes its input.
    for (const { command } of commands) expect(command, command).toMatch(/^(learning-passport |echo )/);
    // Refusals are part of the guide: at least one command is expected to exit 1.
    expect(commands.filter((c) => c.exit === 1).length).toBeGreaterThanOrEqual(3);
  });

  it('works when followed command by command in a fresh folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lp-guide-'));
    const bin = join(dir, '.bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'learning-passport'), `#!/bin/sh\nexec "${process.execPath}" "${cli}" "$@"\n`);
    chmodSync(join(bin, 'learning-passport'), 0o755);
    writeFileSync(join(dir, 'guide.sh'), script(commands));
    const run = promisify(execFile);
    let stdout = '';
    let stderr = '';
    try {
      ({ stdout, stderr } = await run('bash', ['guide.sh'], {
        cwd: dir,
        env: {
          ...process.env,
          PATH: `${bin}:${process.env.PATH ?? ''}`,
          LP_PASSPHRASE: 'guide passphrase 1',
          LP_NEW_PASSPHRASE: 'guide passphrase 2',
          LP_INSECURE_TEST_ITERATIONS: '1',
          NO_COLOR: '1',
        },
        maxBuffer: 64 * 1024 * 1024,
      }));
    } catch (err) {
      const e = err as { stdout: string; stderr: string };
      expect.fail(`${e.stderr.split('\n').slice(-25).join('\n')}\n--- stdout ---\n${e.stdout.split('\n').slice(-25).join('\n')}`);
    }
    expect(stdout, stderr).toContain('guide: all commands done');
    // What the guide says happened, happened.
    const passport = JSON.parse(readFileSync(join(dir, 'amira.passport.json'), 'utf8')) as { entries: unknown[]; accreditations: unknown[] };
    expect(passport.entries.length).toBeGreaterThanOrEqual(7);
    const list = JSON.parse(readFileSync(join(dir, 'trust-list-4.json'), 'utf8')) as { credentialSubject: { sequenceNumber: number; revocations: unknown[] } };
    expect(list.credentialSubject.sequenceNumber).toBe(4);
    expect(list.credentialSubject.revocations.length).toBeGreaterThanOrEqual(3);
    expect(existsSync(join(dir, 'issued', 'report.json'))).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'leeds-status.state.json'), 'utf8')).next).toBe(1);
    // At the end, as the guide says: the compromised charity's entry refused, the entry issued in
    // error withdrawn, and everything else (the rotated Leeds key's entries too) valid.
    const did = readFileSync(join(dir, 'authority.did'), 'utf8').trim();
    const final = await run(process.execPath, [cli, 'verify', 'amira.passport.json', '--root', did, '--trust-list', 'trust-list-4.json', '--json'], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1' },
    }).catch((err: { stdout: string }) => ({ stdout: err.stdout }));
    const summary = JSON.parse(final.stdout).counts as { total: number; current: number; valid: number; notValid: number; cantCheck: number; revoked: number };
    expect(summary).toMatchObject({ notValid: 1, cantCheck: 0, revoked: 1 });
    // Counts are of current entries: every one valid but the compromised charity's.
    expect(summary.current).toBe(summary.total - 1);
    expect(summary.valid).toBe(summary.current - 1);
  }, 300_000);
});
