import { describe, expect, it } from 'vitest';
import { runEmployerScenario } from '../../examples/employer-scenario.js';

describe('examples/employer-scenario.ts', () => {
  it('shares only the CSCS card and maths, verified offline under the root; a replay fails', async () => {
    const outcome = await runEmployerScenario();
    expect(outcome.sharedKinds).toEqual(['qualification', 'licence-card']);
    expect(outcome.excluded).toEqual([
      { kind: 'custody-transfer', reason: 'custody-context' },
      { kind: 'work-experience', reason: 'custody-revealing' },
      // Neutral words, but signed under the prison's role (known from the carried accreditations).
      { kind: 'course-completion', reason: 'custody-revealing' },
    ]);
    expect(outcome.warnings).toEqual([]);
    expect(outcome.verified).toBe(true);
    expect(outcome.entries.every((e) => e.verified && e.trust === 'pass')).toBe(true);
    expect(outcome.summary).toMatch(/^2 of 2 achievements checked: both valid\.\n✓ Valid: /);
    expect(outcome.summary).toContain('CSCS Green Labourer card');
    expect(outcome.summary).not.toMatch(/HMP|prison|Northfield/i);
    expect(outcome.replay.verified).toBe(false);
    expect(outcome.replay.codes).toEqual(['ERR_PRESENTATION_CHALLENGE_MISMATCH']);
    expect(outcome.replay.summary).toMatch(/^Do not rely on this: it was made for a different request/);
    expect(outcome.included.verified).toBe(true);
    expect(outcome.included.summary).not.toMatch(/HMP|prison|probation|custody/i);
  });
});
