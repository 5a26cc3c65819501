// Hostile objects handed to the holder-side calls (review r10, F10): a revoked proxy, or a proxy
// whose traps throw, gives a PassportError or a TypeError with this library's plain message,
// never the proxy's own raw error.
import { describe, expect, it } from 'vitest';
import { createPresentation, entryId, generateKeyPair, PassportError } from '../../src/index.js';
import { scanProhibited } from '../../src/kinds.js';
import { printPack } from '../../src/present/print-pack.js';

const learner = await generateKeyPair();
const revoked = () => {
  const r = Proxy.revocable({}, {});
  r.revoke();
  return r.proxy;
};
const throwing = () =>
  new Proxy(
    { a: 1 },
    {
      get: () => {
        throw new Error('RAW-PROXY');
      },
      ownKeys: () => {
        throw new Error('RAW-OWNKEYS');
      },
    },
  );

async function outcome(fn: () => unknown): Promise<string> {
  try {
    await fn();
    return 'ok';
  } catch (err) {
    if (err instanceof PassportError) return `PassportError ${err.code}`;
    // This library's own caller-mistake messages, not the proxy's raw error or a V8 proxy TypeError.
    if (err instanceof TypeError && !/RAW-|proxy that has been revoked/.test(err.message)) return 'TypeError (caller)';
    return `raw ${(err as Error).message}`;
  }
}

describe('hostile objects give coded results', () => {
  const calls: Record<string, (b: object) => unknown> = {
    entryId: (b) => entryId(b),
    printPack: (b) => printPack([b]),
    scanProhibited: (b) => scanProhibited(b),
    createPresentation: (b) => createPresentation({ holderKey: learner, entries: [b], audience: 'employer', challenge: 'c', domain: 'd' }),
    createPresentation_accreditations: (b) =>
      createPresentation({ holderKey: learner, entries: [], accreditations: [b], audience: 'employer', challenge: 'c', domain: 'd' }),
  };
  for (const [name, call] of Object.entries(calls)) {
    for (const [kind, make] of Object.entries({ revoked, throwing })) {
      it(`${name} on a ${kind} proxy`, async () => {
        expect(await outcome(() => call(make()))).not.toMatch(/^raw/);
      });
    }
  }
});
