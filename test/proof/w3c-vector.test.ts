import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importKeyPair, signCredential, verifyCredential } from '../../src/index.js';

const dir = new URL('../../../shared/vectors/vc-di-eddsa/', import.meta.url);
const json = (name: string) => JSON.parse(readFileSync(new URL(name, dir), 'utf8'));

describe('W3C eddsa-jcs-2022 vector', () => {
  it('reproduces the official proofValue', async () => {
    const pair = json('keyPair.json');
    const key = await importKeyPair(pair);
    expect(key.did).toBe('did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2');
    const signed = await signCredential(json('unsigned.json'), key as never, { created: '2023-02-24T23:36:38Z' });
    expect(signed).toEqual(json('eddsa-jcs-2022/signedJCS.json'));
  });
  it('verifies the official signed credential', async () => {
    const result = await verifyCredential(json('eddsa-jcs-2022/signedJCS.json'));
    expect(result.checks.find((c) => c.check === 'signature')?.status).toBe('pass');
  });
});
