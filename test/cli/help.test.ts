// Every command and every action has --help with an example of its own: the usage lines of
// "learning-passport --help" name them all, and each one's --help must show an "Examples:"
// section holding a complete command line for exactly that command (and action).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { workspace } from './run.js';

const { lp } = workspace('lp-cli-help-');

/** "keys passphrase", "issue", "trust-list show"…: the command and its action word, if any. */
function commandsIn(help: string): string[] {
  const out = new Set<string>();
  for (const row of help.split('\n')) {
    const m = /^ {2}learning-passport (\S+)(?: ([a-z][a-z-]*)\b)?/.exec(row);
    if (!m) continue;
    // An action is a plain word; "<kind>", "--csv" and "(…)" are not actions.
    out.add(m[2] && !m[2].startsWith('-') ? `${m[1]} ${m[2]}` : m[1]!);
  }
  return [...out];
}

describe('--help', () => {
  it('names every command, and each command and action has an example of its own', async () => {
    const top = await lp(['--help']);
    expect(top.code).toBe(0);
    const all = commandsIn(top.stdout);
    // The usage covers the whole tool: every command the issue asks for is there.
    for (const c of [
      'keys generate',
      'keys rotate',
      'passport init',
      'passport remove',
      'trust add',
      'accredit revoke',
      'accredit compromise',
      'trust-list show',
      'status publish',
      'transfer',
      'checkpoint',
      'revoke',
      'verify',
      'present',
      'print',
      'qr',
      'lint',
      'merge',
      'timeline',
      'kinds',
      'issue',
    ]) {
      expect(all).toContain(c);
    }
    const missing: string[] = [];
    for (const c of all) {
      const r = await lp([...c.split(' '), '--help']);
      expect(r.code, `${c} --help`).toBe(0);
      const examples = r.stdout.split('Examples:')[1] ?? '';
      if (!examples.split('\n').some((l) => l.trim().startsWith(`learning-passport ${c} `))) missing.push(c);
    }
    expect(missing).toEqual([]);
  }, 300_000);
});

describe('output goes through the escaping choke point', () => {
  it('no command prints with console.log or console.error (say/warn with line`…` escape every value from a file)', () => {
    const root = fileURLToPath(new URL('../../src/cli/', import.meta.url));
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.filter((f) => /console\.(log|error|warn|info)\(/.test(readFileSync(`${root}${f}`, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
