// What `verify` makes of what an employer is actually handed (review r15): a QR code's text
// (LP1:…) in a file, on --qr or on standard input is checked as the checker page checks it; an
// empty file, JSON that is no record and a damaged QR code are "Not valid" with the page's next
// step; a forged trust list is refused without a key in the line a person reads; --help lists
// every exit code; a reader that stops early (`| head`) ends the output quietly.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { workspace } from './run.js';

const { dir, lp, file, did } = workspace('lp-cli-verify-inputs-');
const cli = fileURLToPath(new URL('../../dist/cli/index.js', import.meta.url));
let authority: string;
let trust: string[];
let payload: string;

beforeAll(async () => {
  authority = await did(['keys', 'generate', '--role', 'authority', '--name', 'National Learning Authority', '--out', 'authority.key.json']);
  const charity = await did(['keys', 'generate', '--role', 'charity', '--name', 'Second Chance Trust', '--out', 'charity.key.json']);
  await did(['keys', 'generate', '--role', 'authority', '--name', 'National Learning Authority', '--out', 'forger.key.json']);
  const steps: string[][] = [
    ['accredit', '--key', 'authority.key.json', '--did', charity, '--organisation', 'org:second-chance', '--role', 'charity'],
    ['trust-list', 'build', '--key', 'authority.key.json', '--name', 'National Learning Authority', '--sequence', '1', '--next-update', '30d'],
    ['trust-list', 'build', '--key', 'forger.key.json', '--name', 'National Learning Authority', '--sequence', '2', '--next-update', '30d'],
    ['issue', 'course-completion', '--key', 'charity.key.json', '--field', 'title=Barista skills', '--field', 'provider=Second Chance Trust'],
  ];
  const [accredit, build, forge, issue] = steps as [string[], string[], string[], string[]];
  const run = async (args: string[]) => {
    const r = await lp(args);
    expect(r.code, `${args.join(' ')}\n${r.stdout}${r.stderr}`).toBe(0);
    return r;
  };
  await run([...accredit, '--kinds', 'course-completion', '--display-name', 'Second Chance Trust', '-o', 'acc.json']);
  await run([...build, '--accreditations', 'acc.json', '-o', 'trust-list.json']);
  await run([...forge, '-o', 'forged.json']);
  await run([...issue, '--field', 'completedOn=2026-03', '--field', 'outcome=completed', '-o', 'barista.entry.json']);
  payload = (await run(['qr', 'barista.entry.json', '--payload'])).stdout.trim();
  writeFileSync(file('barista.qr.txt'), `${payload}\n`);
  trust = ['--root', authority, '--trust-list', 'trust-list.json'];
}, 120_000);

/** Runs the command with `input` on standard input. */
function withStdin(args: string[], input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** Runs the command with a reader that closes standard output before anything is written (`| head -0`). */
function withClosedReader(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('verify: a QR code’s text', () => {
  it('in a file is decoded and checked as on the checker page: ✓ Valid, exit 0 (review r15 M1)', async () => {
    expect(payload).toMatch(/^LP1:/);
    const r = await lp(['verify', 'barista.qr.txt', ...trust]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('✓ Valid: Barista skills — course from Second Chance Trust');
    expect(r.stdout).not.toContain('damaged');
  }, 60_000);

  it('given with --qr, or on standard input (verify -), gives the same verdict', async () => {
    const flag = await lp(['verify', '--qr', payload, ...trust]);
    expect(flag.code, flag.stdout + flag.stderr).toBe(0);
    expect(flag.stdout).toContain('✓ Valid: Barista skills');
    const piped = await withStdin(['verify', '-', ...trust], payload);
    expect(piped.code, piped.stdout + piped.stderr).toBe(0);
    expect(piped.stdout).toContain('✓ Valid: Barista skills');
    // Without trust it is intact but unchecked, as on the page: exit 3.
    expect((await lp(['verify', '--qr', payload])).code).toBe(3);
    // A file and --qr at once is a usage mistake.
    expect((await lp(['verify', 'barista.qr.txt', '--qr', payload])).code).toBe(2);
  }, 60_000);

  it('without trust a QR code’s text is Can’t check, as on the page; a damaged one says the QR code is damaged (Not valid)', async () => {
    const entry = JSON.parse((await lp(['verify', '--qr', payload, '--json'])).stdout) as { verdict: string };
    expect(entry.verdict).toBe('cant-check');
    const damaged = await lp(['verify', '--qr', 'LP1:ABCDEF%%%', ...trust]);
    expect(damaged.code).toBe(1);
    expect(damaged.stdout).toContain('✗ Not valid: this QR code is damaged');
    expect(damaged.stdout).toContain('Ask the person to show the code again, or to share their passport file.');
    expect(damaged.stdout).not.toMatch(/JSON/);
  }, 60_000);
});

describe('verify: copies that are not records', () => {
  it('an empty file is Not valid (damaged) with “Ask the person to share again”, as on the page (review r15 L2)', async () => {
    writeFileSync(file('empty.json'), '');
    const r = await lp(['verify', 'empty.json', ...trust]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗ Not valid: this file is damaged');
    expect(r.stdout).toContain('empty.json is empty. Ask the person to share again.');
  }, 60_000);

  it.each([
    ['{}', 'empty-object.json'],
    ['{"name": "my settings", "theme": "dark"}', 'settings.json'],
    ['[1, 2, 3]', 'list.json'],
  ])(
    'JSON that is no record (%s) gets a plain sentence and what to do, no schema jargon (review r15 L3)',
    async (text, name) => {
      writeFileSync(file(name), text);
      const r = await lp(['verify', name, ...trust]);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('✗ Not valid: this is not a learning record');
      expect(r.stdout).toContain('This file is not a learning record, a passport or a sharing from learning-passport. Ask the person to share again.');
      expect(r.stdout).not.toMatch(/@context|must have|"type"/);
      const machine = JSON.parse((await lp(['verify', name, '--json'])).stdout) as { verdict: string; summary: string };
      expect(machine).toMatchObject({ verdict: 'not-valid' });
      expect(machine.summary).toContain('not a learning record');
    },
    60_000,
  );
});

describe('verify: a forged trust list', () => {
  it('is refused (exit 1) with no key in the main line; the keys are on a details line (review r15 L11)', async () => {
    const r = await lp(['verify', 'barista.entry.json', '--root', authority, '--trust-list', 'forged.json']);
    expect(r.code).toBe(1);
    const [main, details] = r.stderr.trim().split('\n');
    expect(main).toMatch(/^✗ trust list forged\.json refused: /);
    expect(main).not.toMatch(/did:key/);
    expect(details).toMatch(/^ {2}details: signed by did:key:z6Mk\S+; the key you trust: did:key:/);
    expect(details).toContain(authority);
  }, 60_000);
});

describe('--help and pipes', () => {
  it('learning-passport --help and verify --help list every exit code, 3 included (review r15 L7)', async () => {
    for (const args of [['--help'], ['verify', '--help']]) {
      const r = await lp(args);
      expect(r.code).toBe(0);
      for (const code of [/^ {2}0 {2}valid/m, /^ {2}1 {2}not valid/m, /^ {2}2 {2}usage or input error/m, /^ {2}3 {2}can’t check/m]) {
        expect(r.stdout, args.join(' ')).toMatch(code);
      }
    }
  }, 60_000);

  it('a reader that closes early (`| head`) ends the output quietly: no EPIPE stack trace, the command’s own exit code (review r15 L8)', async () => {
    const kinds = await withClosedReader(['kinds']);
    expect(kinds.stderr).not.toMatch(/EPIPE|Error|at /);
    expect(kinds.code).toBe(0);
    const verdict = await withClosedReader(['verify', 'barista.qr.txt', ...trust]);
    expect(verdict.stderr).not.toMatch(/EPIPE|Error|at /);
    expect(verdict.code).toBe(0);
    const cantCheck = await withClosedReader(['verify', 'barista.qr.txt']);
    expect(cantCheck.stderr).not.toMatch(/EPIPE|Error/);
    expect(cantCheck.code).toBe(3);
  }, 60_000);
});
