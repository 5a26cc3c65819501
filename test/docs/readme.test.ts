import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { syncedReadme } from '../../scripts/readme-sync.js';
import { ERROR_CODES } from '../../src/errors.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('README', () => {
  it('shows exactly the example files it includes (npm run readme to refresh)', () => {
    expect(syncedReadme(readme)).toBe(readme);
  });
  it('lists every error code', () => {
    const missing = ERROR_CODES.filter((code) => !readme.includes(`\`${code}\``));
    expect(missing).toEqual([]);
  });
  it('names every dependency with its reason', () => {
    const names = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)];
    expect(names.filter((name) => !readme.includes(`\`${name}\``))).toEqual([]);
  });
  it('gives the two commands for a fresh clone, and .ci/run runs that test command', () => {
    expect(readme).toContain('npm ci && npm run demo');
    expect(readme).toContain('npm test');
    expect(readFileSync(join(root, '.ci/run'), 'utf8')).toMatch(/^npm test$/m);
  });
});

describe('runtime neutrality', () => {
  it('imports node:* only in src/cli and the node crypto backend', () => {
    const offenders = sources(join(root, 'src'))
      .filter((file) => !file.includes(`${join('src', 'cli')}`) && !file.endsWith(join('backend', 'ed25519-node.ts')))
      .filter((file) => /from ['"]node:|require\(['"]node:|import\(['"]node:/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
