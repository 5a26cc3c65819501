// The disclosure linter must do work linear in the text it reads (review r10, F3: 'HMP '
// repeated took 68 s at 400 KB because every match was compared with every earlier one). No
// timings here: the linter counts its text work (matches seen, mask cells read or written, a
// context search per text) and these tests check how that count grows with the input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintDisclosure } from '../../src/present.js';
import { lintOne } from '../../src/present/lint-disclosure.js';
import { custodyHits, foldForMatching, MAX_HITS_PER_RULE, TEXT_RULES } from '../../src/internal/custody-text.js';

function steps(text: string): number {
  const stats = { steps: 0 };
  lintOne({ type: ['VerifiableCredential'], name: text }, '#0', new Map(), new Set(), [], stats);
  return stats.steps;
}

// The shapes that were super-linear (many matches of one rule) and the ones next to them.
const UNITS = ['HMP ', 'prison ', 'HMP', 'wing ', 'wing orderly ', '(ABC) ', 'prison (ABC) ', 'A1234BC ', 'Listener ', 'H.M.P. ', 'HMP  Northfield '];

describe('the disclosure linter is linear in its text', () => {
  it.each(UNITS)('%j repeated: 8× the text is at most ~8× the work', (unit) => {
    const small = steps(unit.repeat(500));
    const large = steps(unit.repeat(4000));
    expect(large).toBeLessThanOrEqual(8 * small + 64);
    // And the work per character is bounded by the number of rules, whatever the text.
    expect(large).toBeLessThanOrEqual((TEXT_RULES.length * 2 + 3) * unit.length * 4000 + 64);
  });

  it('any text: the work is at most a constant times its length (property)', () => {
    const tokens = [
      'HMP',
      'YOI',
      ' ',
      '  ',
      '.',
      '(',
      ')',
      'ABC',
      'MDI',
      'prison',
      'Prison',
      'wing',
      'orderly',
      'A1234BC',
      'SW1A 1AA',
      'x',
      'Listener',
      '&',
      '\n',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...tokens), { maxLength: 400 }), (parts) => {
        const text = parts.join('');
        expect(steps(text)).toBeLessThanOrEqual((TEXT_RULES.length * 2 + 3) * (text.length + 1));
      }),
      { numRuns: 200 },
    );
  });

  it('reports each rule at most MAX_HITS_PER_RULE times per text, and one such finding is enough to keep the entry back', () => {
    const hits = custodyHits('A1234BC A1234BD A1234BE A1234BF A1234BG A1234BH A1234BI A1234BJ A1234BK A1234BL');
    expect(hits.filter((h) => h.code === 'prison-number')).toHaveLength(MAX_HITS_PER_RULE);
    const warnings = lintDisclosure([{ type: ['VerifiableCredential'], name: 'HMP '.repeat(10_000) }]);
    expect(warnings).toEqual([expect.objectContaining({ code: 'prison-name', severity: 'high' })]);
  });

  it('overlapping rules: the earlier rule keeps the words (no double report of one phrase)', () => {
    const codes = custodyHits('HM Prison Service').map((h) => h.code);
    expect(codes).toEqual(['prison-name']);
  });
});

describe('custody text is read as a reader sees it (review r10, F8)', () => {
  const disguised = [
    'H.M.P. Northfield',
    'H M P Northfield',
    'Ｈ Ｍ Ｐ Northfield',
    'Northfield Prisοn', // Greek omicron
    'Northfield Рrison', // Cyrillic Er
    'Northfield Pri\u200Bson',
    'Northfield Prísón',
    'Y.O.I. Northfield',
    'Northfield Penitentiary',
    'Northfield Detention Centre',
    'Northfield Approved Premises',
    'Northfield Youth Offending Team',
    'Northfield Correctional Facility',
  ];
  it.each(disguised)('%j is flagged high', (name) => {
    const warnings = lintDisclosure([{ type: ['VerifiableCredential'], name }]);
    expect(warnings.some((w) => w.severity === 'high')).toBe(true);
  });

  it('neutral names stay neutral', () => {
    for (const name of ['Northfield Learning Centre', 'A. Smith', 'Skills for Work', 'Northfield College', 'e.g. Maths']) {
      expect(
        lintDisclosure([{ type: ['VerifiableCredential'], name }]).filter((w) => w.severity === 'high'),
        name,
      ).toEqual([]);
    }
  });

  it('any disguise of a prison name (initials spaced or dotted, full-width, lookalike letters, invisible marks) is still found (property)', () => {
    const latin = 'abcehijkmnopstxyABCEHIJKMNOPSTXY';
    const lookalike: Record<string, string[]> = {
      a: ['а', 'α'],
      c: ['с', 'ϲ'],
      e: ['е'],
      i: ['і', 'ι'],
      o: ['о', 'ο'],
      p: ['р', 'ρ'],
      s: ['ѕ'],
      x: ['х', 'χ'],
      y: ['у'],
      A: ['А', 'Α'],
      B: ['В', 'Β'],
      C: ['С'],
      E: ['Е', 'Ε'],
      H: ['Н', 'Η'],
      I: ['І', 'Ι'],
      K: ['К', 'Κ'],
      M: ['М', 'Μ'],
      O: ['О', 'Ο'],
      P: ['Р', 'Ρ'],
      T: ['Т', 'Τ'],
      X: ['Х', 'Χ'],
      Y: ['У', 'Υ'],
    };
    const disguise = (word: string) =>
      fc.array(fc.integer({ min: 0, max: 5 }), { minLength: word.length, maxLength: word.length }).map((choices) =>
        [...word]
          .map((ch, i) => {
            const c = choices[i]!;
            if (c === 1 && lookalike[ch]) return lookalike[ch]![0]!;
            if (c === 2 && lookalike[ch]) return lookalike[ch]![lookalike[ch]!.length - 1]!;
            if (c === 3 && latin.includes(ch)) return String.fromCodePoint(ch.codePointAt(0)! + 0xfee0); // full-width
            if (c === 4) return `${ch}\u200B`;
            return ch;
          })
          .join(''),
      );
    const initials = fc
      .tuple(fc.constantFrom('HMP', 'YOI', 'HMYOI'), fc.constantFrom('', '.', ' ', '. '))
      .map(([w, sep]) => [...w].join(sep) + (sep.startsWith('.') ? '.' : ''));
    const phrase = fc.oneof(
      initials.map((w) => `${w} Northfield`),
      fc
        .constantFrom('prison', 'Prison', 'custody', 'probation', 'penitentiary')
        .chain((w) => disguise(w))
        .map((w) => `Northfield ${w}`),
    );
    fc.assert(
      fc.property(phrase, (name) => {
        expect(custodyHits(foldForMatching(name), { highOnly: true }).length, name).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
