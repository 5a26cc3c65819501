// Dates are real: issuing refuses days that do not exist and award dates in the future; planned
// dates (an expected end, an expiry) may be later. One helper family in internal/time.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPassportError, issueEntry } from '../../src/index.js';
import { dateTimeStampFromText, isPartialDateInFuture, isRealPartialDate, partialDateStart } from '../../src/internal/time.js';
import { signer } from './fixtures.js';

describe('calendar helpers', () => {
  it('knows which days exist', () => {
    expect(isRealPartialDate('2026-02-30')).toBe(false);
    expect(isRealPartialDate('2025-02-29')).toBe(false);
    expect(isRealPartialDate('2028-02-29')).toBe(true);
    expect(isRealPartialDate('2100-02-29')).toBe(false);
    expect(isRealPartialDate('2000-02-29')).toBe(true);
    expect(isRealPartialDate('2026-04-31')).toBe(false);
    expect(isRealPartialDate('2026-13')).toBe(false);
    expect(isRealPartialDate('2026-00')).toBe(false);
    expect(isRealPartialDate('2026')).toBe(true);
    expect(isRealPartialDate('26-03-01')).toBe(false);
  });

  it('agrees with the calendar for every day of four years (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2400 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const text = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const date = new Date(Date.UTC(y, m - 1, d));
        const exists = date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
        expect(isRealPartialDate(text)).toBe(exists);
      }),
    );
  });

  it('a partial date is in the future only when all of it is more than a day ahead', () => {
    const now = Date.parse('2026-03-15T12:00:00Z');
    expect(isPartialDateInFuture('2026-03', now)).toBe(false);
    expect(isPartialDateInFuture('2026', now)).toBe(false);
    expect(isPartialDateInFuture('2026-03-16', now)).toBe(false); // a day's tolerance (time zones)
    expect(isPartialDateInFuture('2026-03-17', now)).toBe(true);
    expect(isPartialDateInFuture('2026-04', now)).toBe(true);
    expect(partialDateStart('2026-03')).toBe(Date.parse('2026-03-01T00:00:00Z'));
  });

  it('reads the date forms a person types, and only real ones', () => {
    expect(dateTimeStampFromText('2026-03-01')).toBe('2026-03-01T00:00:00Z');
    expect(dateTimeStampFromText('2026-03-01T10:00:00+01:00')).toBe('2026-03-01T10:00:00+01:00');
    expect(dateTimeStampFromText('2026-02-30')).toBeUndefined();
    expect(dateTimeStampFromText('2026-02-30T10:00:00Z')).toBeUndefined();
    expect(dateTimeStampFromText('01/03/2026')).toBeUndefined();
    expect(dateTimeStampFromText('2026-03-01T10:00:00')).toBeUndefined();
  });
});

describe('issueEntry dates', () => {
  const fields = (awardedOn: string) => ({ title: 'FS Maths', awardingBody: { name: 'City & Guilds' }, level: 'L1', awardedOn });

  it('refuses 30 February', async () => {
    const { key, issuer } = await signer('City & Guilds', 'awarding-body');
    const err = await issueEntry('qualification', fields('2026-02-30'), { issuer, key }).catch((e) => e);
    expect(isPassportError(err) && err.code).toBe('ERR_SCHEMA_INVALID');
    expect(String(err.message)).toContain('calendar');
  });

  it('refuses an award dated more than a day ahead (ERR_DATE_IN_FUTURE), nested event dates too', async () => {
    const { key, issuer } = await signer('City & Guilds', 'awarding-body');
    const next = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const err = await issueEntry('qualification', fields(next), { issuer, key }).catch((e) => e);
    expect(isPassportError(err) && err.code).toBe('ERR_DATE_IN_FUTURE');
    const employer = await signer('Greene King', 'employer');
    const ref = await issueEntry(
      'reference',
      { authorRole: 'Manager', relationship: 'line manager', period: { from: '2099-01' }, statement: 'Reliable.', contactable: true },
      employer,
    ).catch((e) => e);
    expect(isPassportError(ref) && ref.code).toBe('ERR_DATE_IN_FUTURE');
    // Today is fine.
    await expect(issueEntry('qualification', fields(new Date().toISOString().slice(0, 10)), { issuer, key })).resolves.toBeDefined();
  });

  it('accepts planned dates in the future: an expected end, an expiry', async () => {
    const provider = await signer('Novus', 'education-provider');
    await expect(
      issueEntry('learning-in-progress', { courseTitle: 'Barbering', startedOn: '2026-01', expectedEnd: '2031-06' }, provider),
    ).resolves.toBeDefined();
    const scheme = await signer('CSCS', 'scheme-operator');
    await expect(
      issueEntry('licence-card', { scheme: 'CSCS', cardType: 'Labourer', issuedOn: '2026-01', expiresOn: '2031-01', attestationMode: 'scheme-signed' }, scheme),
    ).resolves.toBeDefined();
  });
});

describe('a card’s expiry is signed as validUntil (review r12: expired cards showed ✓ Valid)', () => {
  it('expiresOn becomes validUntil at the end of that day, month or year, and the entry reads as expired after it', async () => {
    const { issueEntry, verifyCredential, generateKeyPair, createIssuerProfile } = await import('../../src/index.js');
    const key = await generateKeyPair();
    const issuer = createIssuerProfile({ key, name: 'CSCS', role: 'awarding-body' });
    const base = { scheme: 'CSCS', cardType: 'Labourer', issuedOn: '2026-01', attestationMode: 'scheme-signed' } as const;
    const month = await issueEntry('licence-card', { ...base, expiresOn: '2030-02' }, { issuer, key, validFrom: '2026-01-05T09:00:00Z' });
    expect(month.validUntil).toBe('2030-02-28T23:59:59Z');
    const day = await issueEntry('licence-card', { ...base, expiresOn: '2031-03-03' }, { issuer, key, validFrom: '2026-01-05T09:00:00Z' });
    expect(day.validUntil).toBe('2031-03-03T23:59:59Z');
    const later = await verifyCredential(day, { now: new Date('2031-03-05T00:00:00Z') });
    expect(later.verdict).toBe('not-valid');
    expect(later.headline).not.toMatch(/✓|Valid:/);
    // An explicit validUntil wins; an expiry already past is refused at issue.
    const explicit = await issueEntry(
      'licence-card',
      { ...base, expiresOn: '2031-03-03' },
      { issuer, key, validFrom: '2026-01-05T09:00:00Z', validUntil: '2029-01-01T00:00:00Z' },
    );
    expect(explicit.validUntil).toBe('2029-01-01T00:00:00Z');
    await expect(issueEntry('licence-card', { ...base, expiresOn: '2025-12' }, { issuer, key, validFrom: '2026-01-05T09:00:00Z' })).rejects.toThrow(
      /expiresOn" is already past/,
    );
  });
});
