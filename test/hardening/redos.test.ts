// Regular expressions on hostile input (issue: bounded work). The static ReDoS check that CI
// runs over src/ (`npm run lint:regex`, eslint-plugin-regexp) must flag the two patterns that
// were quadratic / cubic, and must pass every pattern the firewall and the linter use today.
// The rewritten patterns must match exactly what the old ones matched (property test).
// Growth on adversarial input is measured in bench/adversarial.ts, not here (no timings in tests).
import fc from 'fast-check';
import { Linter } from 'eslint';
import regexp from 'eslint-plugin-regexp';
import { describe, expect, it } from 'vitest';
import { PROHIBITED_PATTERNS } from '../../src/entries/prohibited.js';
import { PRISON_CODE_IN_TEXT, PRISON_CONTEXT, PRISON_FIELD, TEXT_RULES } from '../../src/internal/custody-text.js';

/** The patterns as they were in v0.1.0. */
const OLD_SENTENCE_LENGTH = /sentence[ _-]*length\s*(:|=|of|was|is)?\s*\d/i;
const OLD_PRISON_CODE = /\b(?:[Pp]rison|[Ee]stablishment|[Aa]gency|[Ll]ocation)\s*(?:[Cc]ode|[Ii][Dd])?\s*[:=(]?\s*([A-Z]{3})\b|\(([A-Z]{3})\)/g;
const NEW_SENTENCE_LENGTH = /sentence[ _-]*length\s*((:|=|of|was|is)\s*)?\d/i;

const linter = new Linter({ configType: 'flat' });
const config = [
  {
    files: ['**/*.js'],
    plugins: { regexp },
    rules: {
      'regexp/no-super-linear-backtracking': ['error', { report: 'potential' }],
      'regexp/no-super-linear-move': ['error', { report: 'potential', ignoreSticky: false, ignorePartial: false }],
    },
  },
] as Linter.Config[];

/** The ReDoS findings for one pattern, as the CI check would report them. */
function redosFindings(pattern: RegExp): string[] {
  const code = `export const p = new RegExp(${JSON.stringify(pattern.source)}, ${JSON.stringify(pattern.flags)});\n`;
  return linter.verify(code, config, 'pattern.js').map((m) => `${m.ruleId}: ${m.message}`);
}

describe('the static ReDoS check', () => {
  it('flags the old quadratic prohibited-data pattern and the old cubic linter pattern', () => {
    expect(redosFindings(OLD_SENTENCE_LENGTH).join('\n')).toMatch(/no-super-linear-backtracking/);
    expect(redosFindings(OLD_PRISON_CODE).join('\n')).toMatch(/no-super-linear-backtracking/);
  });

  it('flags super-linear moves too (a leading quantifier before a rejecting suffix)', () => {
    expect(redosFindings(/\s*x/).join('\n')).toMatch(/no-super-linear-move/);
  });

  it('passes every pattern of the prohibited-data firewall and the disclosure linter', () => {
    const all = [...PROHIBITED_PATTERNS.map((p) => p.pattern), ...TEXT_RULES.map((r) => r.pattern), PRISON_CODE_IN_TEXT, PRISON_FIELD, PRISON_CONTEXT];
    for (const pattern of all) expect(redosFindings(pattern), pattern.source).toEqual([]);
  });
});

describe('the rewritten patterns match what the old ones matched', () => {
  const text = (tokens: string[]) => fc.array(fc.constantFrom(...tokens), { maxLength: 14 }).map((t) => t.join(''));

  it('sentence length', () => {
    const tokens = ['sentence', 'Sentence', 'length', ' ', '  ', '\t', '_', '-', ':', '=', 'of', 'was', 'is', '5', '12', 'x'];
    fc.assert(
      fc.property(text(tokens), (s) => {
        expect(NEW_SENTENCE_LENGTH.test(s)).toBe(OLD_SENTENCE_LENGTH.test(s));
      }),
      { numRuns: 2000 },
    );
    // The firewall's 'sentence' pattern contains the rewritten branch.
    expect(PROHIBITED_PATTERNS.find((p) => p.id === 'sentence')!.pattern.source).toContain('length\\s*((:|=|of|was|is)\\s*)?\\d');
  });

  it('prison code in text (same matches, same captured codes)', () => {
    const tokens = [
      'prison',
      'Prison',
      'establishment',
      'Agency',
      'location',
      ' ',
      '  ',
      'code',
      'Code',
      'ID',
      'id',
      ':',
      '=',
      '(',
      ')',
      'MDI',
      'LEI',
      'ab',
      'X',
    ];
    const matches = (re: RegExp, s: string) => [...s.matchAll(new RegExp(re.source, re.flags))].map((m) => [m.index, m[0], m[1], m[2]]);
    fc.assert(
      fc.property(text(tokens), (s) => {
        expect(matches(PRISON_CODE_IN_TEXT, s)).toEqual(matches(OLD_PRISON_CODE, s));
      }),
      { numRuns: 2000 },
    );
  });
});
