import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

const dir = new URL('./vectors/', import.meta.url);

it('the copied Open Badges vectors match their official SHA-256 sums', () => {
  const lines = readFileSync(new URL('SHA256SUMS', dir), 'utf8').trim().split('\n');
  expect(lines).toHaveLength(2);
  for (const line of lines) {
    const [sum, path] = line.split(/\s+/) as [string, string];
    expect(
      createHash('sha256')
        .update(readFileSync(new URL(path, dir)))
        .digest('hex'),
      path,
    ).toBe(sum);
  }
});
