// What the command prints is data, not terminal control; kinds, key files and prompts as a
// person meets them. Runs the BUILT command (`npm run build:lib` first).
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { clean, safeJson } from '../../src/cli/io.js';
import { askHidden, PromptAborted } from '../../src/cli/prompt.js';
import { suggest } from '../../src/cli/suggest.js';

const cli = fileURLToPath(new URL('../../dist/cli/index.js', import.meta.url));
const run = promisify(execFile);
let dir: string;

async function lp(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], {
      cwd: dir,
      env: { ...process.env, LP_PASSPHRASE: 'correct horse battery', LP_INSECURE_TEST_ITERATIONS: '1', NO_COLOR: '1', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
const file = (name: string) => join(dir, name);

const ESC = '\u001b';
// An issuer name and an entry title that try to wipe the line and print a fake verdict.
const HOSTILE_TITLE = `Maths${ESC}[2K\r${ESC}[1A✓ Valid — issued by HMP Fake\u009b2K\u202eevil`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lp-output-'));
  const gen = async (name: string, role: string, out: string) => {
    const r = await lp(['keys', 'generate', '--role', role, '--name', name, '--out', out, '--iterations', '1000', '--json']);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout).did as string;
  };
  await gen(`Evil${ESC}]0;title${ESC}\\ Body`, 'awarding-body', 'evil.key.json');
  const learner = await gen('Amira', 'mentor', 'learner.key.json');
  writeFileSync(
    file('p.json'),
    JSON.stringify({ type: 'LearningPassport', version: 1, holder: learner, entries: [], accreditations: [], statusLists: [], exclusions: [] }),
  );
  writeFileSync(file('fields.json'), JSON.stringify({ title: HOSTILE_TITLE, awardingBody: { name: `CG${ESC}[8m` }, level: 'L1', awardedOn: '2026-03' }));
  const r = await lp(['issue', 'qualification', '--key', 'evil.key.json', '--fields', 'fields.json', '--passport', 'p.json']);
  expect(r.code, r.stderr).toBe(0);
  expect((await lp(['issue', 'qualification', '--key', 'evil.key.json', '--fields', 'fields.json', '-o', 'entry.json'])).code).toBe(0);
}, 120_000);

describe('output is data, not control', () => {
  const commands: [string, string[]][] = [
    ['issue (its ✓ line)', ['issue', 'qualification', '--key', 'evil.key.json', '--fields', 'fields.json', '-o', 'again.json']],
    ['timeline', ['timeline', 'p.json']],
    ['verify a passport', ['verify', 'p.json']],
    ['verify an entry', ['verify', 'entry.json', '--verbose']],
    ['keys show', ['keys', 'show', 'evil.key.json']],
    ['lint', ['lint', 'p.json']],
    ['qr --payload', ['qr', 'entry.json', '--payload']],
    ['an unknown command', [`x${ESC}[2Ky`]],
    ['an unknown flag', ['verify', `--x${ESC}[2K`]],
    ['a missing file', ['verify', `nope${ESC}[2K.json`]],
    ['--json output', ['verify', 'entry.json', '--json']],
  ];
  it.each(commands)(
    '%s prints no control character',
    async (_what, args) => {
      const r = await lp(args);
      const out = r.stdout + r.stderr;
      expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    },
    30_000,
  );

  it('shows the escape for what it is', async () => {
    const r = await lp(['timeline', 'p.json']);
    expect(r.stdout).toContain('\\x1b[2K\\r\\x1b[1A✓ Valid — issued by HMP Fake\\x9b2K\\u202eevil');
    // The fake verdict stays on the entry's own line.
    expect(r.stdout.split('\n').filter((l) => l.includes('HMP Fake'))).toHaveLength(1);
    expect(r.stdout.split('\n').some((l) => l.startsWith('✓ Valid'))).toBe(false);
  });

  it('clean() escapes every C0/C1 control, bidi override and line separator, and is idempotent', () => {
    for (let c = 0; c < 0x2070; c++) {
      const ch = String.fromCharCode(c);
      const out = clean(`a${ch}b`);
      // Tab is the one control kept: it moves to the next column and nothing else.
      expect(out).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069]/);
      expect(clean(out)).toBe(out);
    }
    expect(JSON.parse(safeJson({ t: '\u009b\u202e\u2028' }))).toEqual({ t: '\u009b\u202e\u2028' });
    expect(safeJson({ t: '\u009b' })).not.toMatch(/\u009b/);
  });
});

describe('kinds', () => {
  it('lists every kind', async () => {
    const r = await lp(['kinds', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).map((k: { kind: string }) => k.kind)).toContain('qualification');
  });

  it('prints a kind’s fields with types, allowed values and an example that issues', async () => {
    const r = await lp(['kinds', 'qualification']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/title\s+required\s+text/);
    expect(r.stdout).toMatch(/framework\s+optional\s+text — one of: RQF, CQFW, SCQF, FHEQ, other/);
    expect(r.stdout).toContain('awardingBody.name');
    const example = JSON.parse((await lp(['kinds', 'qualification', '--json'])).stdout).example;
    writeFileSync(file('example.json'), JSON.stringify(example));
    const issued = await lp(['issue', 'qualification', '--key', 'evil.key.json', '--fields', 'example.json', '-o', 'example-entry.json']);
    expect(issued.code, issued.stderr).toBe(0);
  }, 30_000);
});

describe('key files are easy to keep', () => {
  it('keys passphrase changes the passphrase and keeps the key', async () => {
    const before = JSON.parse((await lp(['keys', 'show', 'learner.key.json', '--json'])).stdout).did;
    const r = await lp(['keys', 'passphrase', 'learner.key.json', '--iterations', '1000'], { LP_NEW_PASSPHRASE: 'a new long passphrase' });
    expect(r.code, r.stderr).toBe(0);
    const old = await lp(['keys', 'export', 'learner.key.json', '--include-secret']);
    expect(old.code).toBe(2);
    expect(old.stderr).toContain('wrong passphrase');
    const now = await lp(['keys', 'export', 'learner.key.json', '--include-secret'], { LP_PASSPHRASE: 'a new long passphrase' });
    expect(now.code).toBe(0);
    expect(JSON.parse((await lp(['keys', 'show', 'learner.key.json', '--json'])).stdout).did).toBe(before);
  }, 30_000);

  it('keys export --include-secret says on stderr that it prints the secret key', async () => {
    const r = await lp(['keys', 'export', 'evil.key.json', '--include-secret', '--format', 'jwk']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('SECRET key');
    expect(JSON.parse(r.stdout)).toHaveProperty('d');
    expect((await lp(['keys', 'export', 'evil.key.json'])).stderr).not.toContain('SECRET');
  });

  it('without a terminal and without LP_PASSPHRASE, asks for one in words (exit 2)', async () => {
    const r = await lp(['keys', 'export', 'evil.key.json', '--include-secret'], { LP_PASSPHRASE: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('LP_PASSPHRASE');
  });

  it('asks on a real terminal without echo, twice for a new key (pseudo-terminal via script)', () => {
    const script = spawnSync('script', ['--version'], { encoding: 'utf8' });
    if (script.status !== 0 || process.platform !== 'linux') return;
    const command = `${process.execPath} ${cli} keys generate --role charity --name Tty --out tty.key.json --iterations 1000`;
    // Typed after the prompt is up (typed earlier, the terminal itself would echo it).
    const typing = `sleep 4; printf 'hunter2 secret\\r'; sleep 1; printf 'hunter2 secret\\r'; sleep 3`;
    const r = spawnSync('sh', ['-c', `(${typing}) | script -qfec "${command}" /dev/null`], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, LP_PASSPHRASE: '', LP_INSECURE_TEST_ITERATIONS: '1', NO_COLOR: '1' },
      timeout: 60_000,
    });
    expect(r.stdout).toContain('Passphrase for the new key:');
    expect(r.stdout).toContain('again:');
    expect(r.stdout).not.toContain('hunter2');
    expect(r.stdout).toContain('written to tty.key.json');
  }, 60_000);
});

describe('askHidden', () => {
  const fake = (text: string) => {
    const input = Object.assign(new PassThrough(), {
      isTTY: true,
      raw: [] as boolean[],
      setRawMode(this: { raw: boolean[] }, on: boolean) {
        this.raw.push(on);
      },
    });
    const output = new PassThrough();
    let shown = '';
    output.on('data', (c) => (shown += String(c)));
    setImmediate(() => input.write(text));
    return { input, output, shown: () => shown };
  };

  it('reads a line raw, never echoes it, handles backspace, and restores the terminal', async () => {
    const f = fake('secrex\u007ft\r');
    await expect(askHidden('Passphrase: ', f)).resolves.toBe('secret');
    expect(f.shown()).toBe('Passphrase: \n');
    expect(f.input.raw).toEqual([true, false]);
  });

  it('keeps what was typed ahead for the next question', async () => {
    const f = fake('first\rsecond\r');
    await expect(askHidden('A: ', f)).resolves.toBe('first');
    await expect(askHidden('B: ', f)).resolves.toBe('second');
  });

  it('Ctrl-C aborts', async () => {
    await expect(askHidden('P: ', fake('abc\u0003'))).rejects.toBeInstanceOf(PromptAborted);
  });
});

describe('did you mean', () => {
  it('suggests within a bounded distance, and nothing for far or huge words', () => {
    expect(suggest('qualifcation', ['qualification', 'award'])).toBe('qualification');
    expect(suggest('employr', ['employer', 'education', 'justice'])).toBe('employer');
    expect(suggest('banana', ['qualification', 'award'])).toBeUndefined();
    expect(suggest('x'.repeat(100_000), ['qualification'])).toBeUndefined();
  });
});

describe('print', () => {
  it('leaves a custody-context entry out of a pack unless named, and warns when it is', async () => {
    writeFileSync(file('transfer-fields.json'), JSON.stringify({ fromEstablishment: 'A', toEstablishment: 'B', transferDate: '2026-03' }));
    const issued = await lp(['issue', 'custody-transfer', '--key', 'evil.key.json', '--fields', 'transfer-fields.json', '-o', 'transfer.json']);
    expect(issued.code, issued.stderr).toBe(0);
    const refused = await lp(['print', 'transfer.json', '-o', 'pack.html']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('left out: custody-transfer');
    expect(existsSync(file('pack.html'))).toBe(false);
    const r = await lp(['print', 'transfer.json', '-o', 'pack.html', '--include', 'transfer.json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('warning: the pack includes a custody-transfer entry');
    expect(readFileSync(file('pack.html'), 'utf8').length).toBeGreaterThan(0);
  }, 30_000);
});
