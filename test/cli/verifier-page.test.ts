// learning-passport verifier-page: the built command writes the employer's checker page with an
// authority's trust list built in, after checking the list. `npm run build:lib` first (npm test
// does it): the page it starts from is dist/verifier.html.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair } from '../../src/index.js';
import { createTrustList } from '../../src/trust.js';
import { workspace } from './run.js';

const { lp, file, json, did } = workspace('lp-cli-page-');
const shipped = readFileSync(fileURLToPath(new URL('../../dist/verifier.html', import.meta.url)), 'utf8');
const SLOT = /<script type="application\/json" id="lp-trust-list">(.*?)<\/script>/s;
let authority: string;

/** The data block the page reads its trust list from. */
const baked = (name: string): { operator: string; list: { credentialSubject: { operatorName: string } } } =>
  JSON.parse(SLOT.exec(readFileSync(file(name), 'utf8'))![1]!);

beforeAll(async () => {
  authority = await did(['keys', 'generate', '--role', 'authority', '--name', 'National Learning Authority', '--out', 'authority.key.json']);
  const list = await lp([
    'trust-list',
    'build',
    '--key',
    'authority.key.json',
    '--name',
    'National Learning Authority',
    '--sequence',
    '4',
    '--next-update',
    '2099-01-01T00:00:00Z',
    '-o',
    'trust-list.json',
  ]);
  expect(list.code, list.stderr).toBe(0);
});

describe('verifier-page', () => {
  it('--help shows the usage and an example', async () => {
    const r = await lp(['verifier-page', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('learning-passport verifier-page --trust-list trust-list.json -o checker.html');
  });

  it('writes the shipped page with the checked trust list in its data slot, and nothing else changed', async () => {
    const r = await lp(['verifier-page', '--trust-list', 'trust-list.json', '-o', 'checker.html']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('trust list #4 of National Learning Authority');
    // Without --root the list is checked against the key it names, and the builder is told which.
    expect(r.stderr).toContain(authority);
    expect(baked('checker.html')).toEqual({ operator: authority, list: json('trust-list.json') });
    const page = readFileSync(file('checker.html'), 'utf8');
    expect(page.replace(SLOT, '')).toBe(shipped.replace(SLOT, ''));
    expect(page).toContain("connect-src 'none'");
  });

  it('--json reports the list it built in; --root pins the authority’s key', async () => {
    const r = await lp(['verifier-page', '--trust-list', 'trust-list.json', '--root', authority, '-o', 'pinned.html', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      out: 'pinned.html',
      operator: authority,
      operatorName: 'National Learning Authority',
      sequenceNumber: 4,
      pinned: true,
    });
  });

  it('refuses to overwrite a file without --force', async () => {
    writeFileSync(file('existing.html'), 'mine');
    const r = await lp(['verifier-page', '--trust-list', 'trust-list.json', '-o', 'existing.html', '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error.code).toBe('ERR_FILE_EXISTS');
    expect(readFileSync(file('existing.html'), 'utf8')).toBe('mine');
    expect((await lp(['verifier-page', '--trust-list', 'trust-list.json', '-o', 'existing.html', '--force'])).code).toBe(0);
  });

  it.each([
    ['no --trust-list', ['-o', 'x.html'], 'ERR_FLAG_MISSING', '--trust-list'],
    ['no -o', ['--trust-list', 'trust-list.json'], 'ERR_FLAG_MISSING', '-o <page.html>'],
    ['a missing list file', ['--trust-list', 'nope.json', '-o', 'x.html'], 'ERR_FILE_NOT_FOUND', 'nope.json'],
    ['a file that is not a trust list', ['--trust-list', 'authority.key.json', '-o', 'x.html'], 'ERR_USAGE', 'not a trust list'],
  ])('%s: a usage error (exit 2) as JSON, naming the flag or file', async (_what, args, errorCode, words) => {
    const r = await lp(['verifier-page', ...args, '--json']);
    expect(r.code).toBe(2);
    const { error } = JSON.parse(r.stdout) as { error: { code: string; message: string } };
    expect(error.code).toBe(errorCode);
    expect(error.message).toContain(words);
  });

  it('refuses a list signed by another key than --root, a changed list and an out-of-date list (exit 1, nothing written)', async () => {
    const other = await did(['keys', 'generate', '--holder', '--out', 'other.key.json']);
    const foreign = await lp(['verifier-page', '--trust-list', 'trust-list.json', '--root', other, '-o', 'a.html', '--json']);
    expect(foreign.code).toBe(1);
    expect(JSON.parse(foreign.stdout).error.code).toBe('ERR_TRUST_LIST_SIGNER');

    const changed = json('trust-list.json');
    changed.credentialSubject.operatorName = 'Quick Certs Authority';
    writeFileSync(file('changed.json'), JSON.stringify(changed));
    const tampered = await lp(['verifier-page', '--trust-list', 'changed.json', '-o', 'b.html']);
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toContain('refused');

    const key = await generateKeyPair();
    const old = await createTrustList(key, {
      operatorName: 'Old Authority',
      sequenceNumber: 1,
      issued: '2025-01-01T00:00:00Z',
      nextUpdate: '2025-02-01T00:00:00Z',
    });
    writeFileSync(file('old.json'), JSON.stringify(old));
    const stale = await lp(['verifier-page', '--trust-list', 'old.json', '-o', 'c.html', '--json']);
    expect(stale.code).toBe(1);
    expect(JSON.parse(stale.stdout).error.code).toBe('ERR_TRUST_LIST_STALE');
    expect(() => readFileSync(file('a.html'))).toThrow();
    expect(() => readFileSync(file('c.html'))).toThrow();
  });

  it('keeps a list’s text inside its data block: a name holding </script> cannot end it', async () => {
    const key = await generateKeyPair();
    const hostile = await createTrustList(key, {
      operatorName: 'Authority</script><script>alert(1)</script>',
      sequenceNumber: 1,
      nextUpdate: '2099-01-01T00:00:00Z',
    });
    writeFileSync(file('hostile.json'), JSON.stringify(hostile));
    expect((await lp(['verifier-page', '--trust-list', 'hostile.json', '-o', 'hostile.html'])).code).toBe(0);
    const page = readFileSync(file('hostile.html'), 'utf8');
    expect(page.split('</script>').length).toBe(shipped.split('</script>').length);
    expect(baked('hostile.html').list.credentialSubject.operatorName).toBe('Authority</script><script>alert(1)</script>');
  });
});
