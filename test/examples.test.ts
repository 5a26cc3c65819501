// The README's quick start and `npm run demo`, run as tests: what the README shows must work.
import { describe, expect, it } from 'vitest';
import { runDemo } from '../examples/demo.js';
import { quickstart } from '../examples/quickstart.js';
import { trustListExample } from '../examples/trust-list.js';

describe('examples', () => {
  it('quickstart: a custody-role issuer under its neutral name; verified under a trust policy; held in a passport', async () => {
    const { verified, line, issuerName, file } = await quickstart();
    expect(verified).toBe(true);
    expect(issuerName).toBe('Northfield Learning Centre');
    expect(line).toBe('Barista skills — course from Northfield Learning Centre, completed March 2026');
    expect(file).not.toContain('HMP');
    expect(JSON.parse(file).entries).toHaveLength(1);
    expect(JSON.parse(file).accreditations).toHaveLength(1);
  });

  it('demo: the whole story holds end to end', async () => {
    const lines: string[] = [];
    const outcome = await runDemo((line = '') => lines.push(line));
    expect(outcome).toEqual({
      mergedIdentically: true,
      entries: 7,
      passportVerified: true,
      charityQualificationRefused: true,
      employerVerified: true,
      sharedKinds: expect.arrayContaining(['qualification', 'licence-card']),
      replayRefused: true,
    });
    expect(outcome.sharedKinds).toHaveLength(2);
    // Nothing custody-related reaches the employer's screen.
    const employerPart = lines.slice(lines.findIndex((l) => l.startsWith('9.'))).join('\n');
    expect(employerPart).not.toMatch(/HMP|prison|Northfield|Southmoor|custody/i);
    expect(lines.filter((l) => l.includes('✗'))).toEqual([]);
  });

  it('trust list: a newer list with a compromise notice replaces the last; an employer verifies offline with it; rollback and a forged signer are refused', async () => {
    expect(await trustListExample()).toEqual({
      accepted: true,
      replaces: 7,
      compromiseNotices: 1,
      verified: true,
      rollback: 'ERR_TRUST_LIST_ROLLBACK',
      forged: 'ERR_TRUST_LIST_SIGNER',
    });
  });
});
