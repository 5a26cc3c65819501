import { describe, expect, it } from 'vitest';
import { runTransferScenario } from '../../examples/transfer-scenario.js';

describe('examples/transfer-scenario.ts', () => {
  it('loses nothing, refuses the tampered entry, and gives the same bytes whoever merges', async () => {
    const result = await runTransferScenario();
    expect(result.identical).toBe(true);
    expect(new Set(result.serializations).size).toBe(1);
    expect(result.serializations).toHaveLength(4);
    expect(result.lost).toEqual([]);
    expect(result.entryCount).toBe(10);
    expect(result.rejectedCodes).toEqual(['ERR_PROOF_SIGNATURE_INVALID']);
    expect(result.correctedState).toBe('superseded');
    expect(result.checkpointCoversUnits).toBe(true);
    // No trust policy in this scenario: every signature holds, who issued them was not checked.
    expect(result.summary).toBe('10 entries: 9 current, none fully checked; 1 replaced by a newer entry; who issued them was not checked.');
  });
});
