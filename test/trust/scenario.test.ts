import { describe, expect, it } from 'vitest';
import { runTrustScenario } from '../../examples/trust-scenario.js';

describe('examples/trust-scenario.ts', () => {
  it('verifies the whole story offline with only the authority key', async () => {
    const outcome = await runTrustScenario();
    expect(outcome.merged).toEqual({ entries: 7, rejected: 0 });
    expect(outcome.intact).toBe(true);
    for (const [name, v] of Object.entries(outcome.verdicts)) {
      expect(v.trusted, `${name}: ${v.summary}`).toBe(true);
      expect(v.verified, `${name}: ${v.summary}`).toBe(true);
    }
    const q = outcome.verdicts.qualification!;
    expect(q.chain.map((l) => l.organisation)).toEqual(['org:northern-awards']);
    expect(q.rootName).toBe('National Learning Authority');
    expect(q.status[0]).toMatchObject({ state: 'clear', purpose: 'revocation' });
    expect(q.checks.find((c) => c.check === 'status')!.message).toBe('Not revoked (status last updated 20 days ago).');
    expect(outcome.verdicts['custody-transfer (received)']!.organisation).toBe('org:hmp-eastwood');

    expect(outcome.charityQualification.trusted).toBe(false);
    expect(outcome.charityQualification.checks[0]).toMatchObject({ check: 'issuer-trust', status: 'fail', code: 'ERR_KIND_NOT_ALLOWED' });

    expect(outcome.afterCompromise.qualification.trusted).toBe(true);
    expect(outcome.afterCompromise.qualification.checks[0]!.message).toContain('Eastwood Learning Centre recorded this entry in a checkpoint');
    expect(outcome.afterCompromise.forgedLater.checks[0]).toMatchObject({ status: 'fail', code: 'ERR_KEY_COMPROMISED' });
  });
});
