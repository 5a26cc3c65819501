// Every table about kinds is derived from, or checked against, the kind definitions: a kind that
// changes its sensitivity, achievement type or lifecycle role in its definition file cannot
// leave a table behind.
import { describe, expect, it } from 'vitest';
import { KIND_TABLE } from '../../src/entries/compiled/entry-validators.js';
import { ENTRY_KINDS, KIND_ACHIEVEMENT_TYPE, KIND_SENSITIVITY, kindDefinition, LIFECYCLE_KINDS } from '../../src/entries/kinds/index.js';
import { CUSTODY_KINDS } from '../../src/internal/custody-text.js';

describe('kind tables', () => {
  it('sensitivity and achievement type are the definitions’ own', () => {
    for (const kind of ENTRY_KINDS) {
      const def = kindDefinition(kind);
      expect(KIND_SENSITIVITY[kind], kind).toBe(def.sensitivity);
      expect(KIND_ACHIEVEMENT_TYPE[kind], kind).toBe(def.achievementType);
      expect(KIND_TABLE[kind], kind).toEqual({
        achievementType: def.achievementType,
        sensitivity: def.sensitivity,
        lifecycle: def.lifecycle,
        label: def.label,
      });
    }
  });

  it('the lifecycle kinds are exactly those whose definition says lifecycle', () => {
    expect([...LIFECYCLE_KINDS].sort()).toEqual(ENTRY_KINDS.filter((k) => kindDefinition(k).lifecycle).sort());
  });

  it('the custody kinds of the linter are the lifecycle kinds of custody-context sensitivity', () => {
    expect([...CUSTODY_KINDS].sort()).toEqual(ENTRY_KINDS.filter((k) => kindDefinition(k).lifecycle && kindDefinition(k).sensitivity === 'C').sort());
  });
});
