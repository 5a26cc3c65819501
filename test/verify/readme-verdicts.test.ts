// The README's "Verification results" example (examples/verdicts.ts), run exactly as shown.
import { describe, expect, it } from 'vitest';
import { verdicts } from '../../examples/verdicts.js';

describe('README: verification results', () => {
  it('verified keeps its meaning; the verdict says whether the issuer was checked', async () => {
    const { unchecked, checked } = await verdicts();
    expect(unchecked.verified).toBe(true);
    expect(unchecked.verdict).toBe('cant-check');
    expect(unchecked.summary).toBe('Can’t check — The signature is intact; who issued it was not checked. Load the authority’s trust list.');
    expect(unchecked.checks.find((c) => c.check === 'issuer-trust')).toMatchObject({ status: 'skipped' });
    expect(checked.verified).toBe(true);
    expect(checked.verdict).toBe('valid');
    expect(checked.headline).toBe('✓ Valid: Functional Skills Mathematics, Level 1 — qualification from City & Guilds, awarded March 2026');
    expect(checked.summary).toBe('Valid — issued by City & Guilds, accredited by National Learning Authority; the signature, dates and status check out.');
  });
});
