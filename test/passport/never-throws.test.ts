// Never throws, never verifies garbage (issue 10, item 6): hostile objects (throwing getters,
// proxies, revoked proxies) handed to the passport functions give coded results or a coded
// PassportError, never a raw error, and a passport with unreadable items is never "verified".
import { beforeAll, describe, expect, it } from 'vitest';
import { isPassportError } from '../../src/index.js';
import { addEntries, createPassport, currentView, mergePassports, timeline, verifyPassport, type Passport } from '../../src/passport/index.js';
import { HOLDER, qualification, signer } from './fixtures.js';

let entry: Record<string, unknown>;
let passport: Passport;

beforeAll(async () => {
  entry = await qualification(await signer('City & Guilds', 'awarding-body'), 'Maths');
  passport = (await addEntries(createPassport({ holder: HOLDER }), [entry])).passport;
});

const boom = () => {
  throw new Error('boom');
};
const getterThrows = () => Object.defineProperty({ ...entry }, 'issuer', { get: boom, enumerable: true });
const proxyThrows = () => new Proxy({ ...entry }, { get: boom, ownKeys: boom, getPrototypeOf: boom });
const revoked = () => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
};
const hostileEntries = () => [getterThrows(), proxyThrows(), revoked()];
const raw = (parts: Record<string, unknown>) => ({
  type: 'LearningPassport',
  version: 1,
  holder: HOLDER,
  entries: [entry],
  accreditations: [],
  statusLists: [],
  exclusions: [],
  ...parts,
});
const hostilePassports = () => [
  raw({ entries: [entry, ...hostileEntries()] }),
  raw({ accreditations: hostileEntries() }),
  raw({ statusLists: hostileEntries() }),
  raw({ exclusions: hostileEntries() }),
  raw({
    holder: {
      get id() {
        return boom();
      },
    },
  }),
  raw({ entries: new Proxy([entry], { get: boom }) }),
  Object.defineProperty(raw({}), 'entries', { get: boom, enumerable: true }),
  new Proxy(raw({}), { get: boom, getPrototypeOf: boom }),
  revoked(),
];

/** Either a value, or a PassportError with a code: never anything else. */
async function outcome(run: () => unknown): Promise<'value' | string> {
  try {
    await run();
    return 'value';
  } catch (err) {
    if (isPassportError(err)) return err.code;
    throw err;
  }
}

describe('hostile objects give coded results, never raw errors', () => {
  it('addEntries reports unreadable entries and keeps the good one', async () => {
    const result = await addEntries(passport, [entry, ...hostileEntries()]);
    expect(result.passport.entries).toHaveLength(1);
    expect(result.rejected.map((r) => r.index)).toEqual([1, 2, 3]);
    expect(result.rejected.every((r) => typeof r.code === 'string')).toBe(true);
    // A list that cannot even be read is a coded error.
    expect(await outcome(() => addEntries(passport, new Proxy([entry], { get: boom }) as never))).toBe('ERR_JSON_INVALID');
  });

  it('mergePassports, verifyPassport, currentView and timeline never raise raw errors', async () => {
    for (const hostile of hostilePassports()) {
      for (const run of [
        () => mergePassports(passport, hostile as never),
        () => mergePassports(hostile as never, passport),
        () => verifyPassport(hostile as never),
        () => currentView(hostile as never),
        () => timeline(hostile as never),
      ]) {
        const result = await outcome(run);
        expect(['value', 'ERR_PASSPORT_INVALID', 'ERR_JSON_INVALID']).toContain(result);
      }
    }
  });

  it('verifyPassport never says verified for a passport with unreadable items', async () => {
    for (const hostile of hostilePassports()) {
      let report;
      try {
        report = await verifyPassport(hostile as never);
      } catch (err) {
        expect(isPassportError(err)).toBe(true);
        continue;
      }
      expect(report.verified).toBe(false);
      expect(report.problems.length).toBeGreaterThan(0);
    }
    // The good entry is still verified and reported.
    const report = await verifyPassport(raw({ entries: [entry, getterThrows(), 'junk'] }) as never);
    expect(report.verified).toBe(false);
    expect(report.entries).toHaveLength(1);
    expect(report.entries[0]!.result.verified).toBe(true);
    expect(report.problems.map((p) => [p.section, p.index])).toEqual([
      ['entries', 1],
      ['entries', 2],
    ]);
    expect(report.summary).toMatch(/left out/);
  });
});

describe('serializePassport refuses what it cannot write with a code', () => {
  it('a passport-shaped object with an unreadable item', async () => {
    const { serializePassport } = await import('../../src/passport/index.js');
    let caught: unknown;
    try {
      serializePassport(raw({ entries: [entry, getterThrows()] }) as never);
    } catch (err) {
      caught = err;
    }
    expect(isPassportError(caught, 'ERR_PASSPORT_INVALID')).toBe(true);
  });
});
