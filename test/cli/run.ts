// Runs the built command (dist/cli/index.js) in a scratch folder, as a user would.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const cli = fileURLToPath(new URL('../../dist/cli/index.js', import.meta.url));
const run = promisify(execFile);

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** A scratch folder and a runner for the command inside it. */
export function workspace(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const lp = async (args: string[], env: Record<string, string> = {}): Promise<Ran> => {
    try {
      const { stdout, stderr } = await run(process.execPath, [cli, ...args], {
        cwd: dir,
        env: { ...process.env, LP_PASSPHRASE: 'correct horse battery', LP_INSECURE_TEST_ITERATIONS: '1', NO_COLOR: '1', ...env },
        maxBuffer: 64 * 1024 * 1024,
      });
      return { code: 0, stdout, stderr };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };
  const file = (name: string) => join(dir, name);
  const json = (name: string) => JSON.parse(readFileSync(file(name), 'utf8'));
  /** Runs and returns the DID from a `keys generate … --json`. */
  const did = async (args: string[]): Promise<string> => {
    const r = await lp([...args, '--iterations', '1000', '--json']);
    if (r.code !== 0) throw new Error(r.stderr);
    return JSON.parse(r.stdout).did as string;
  };
  return { dir, lp, file, json, did };
}
