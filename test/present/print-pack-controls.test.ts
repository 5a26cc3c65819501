// A print pack never carries raw control or bidi characters from entry fields (review r10,
// F11): an RLO (U+202E) in a title would visually reorder the printed text, ESC and C1 codes
// can drive terminals and printers. They are dropped before HTML escaping.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIssuerProfile, generateKeyPair, issueEntry } from '../../src/index.js';
import { printPack } from '../../src/present/print-pack.js';

const key = await generateKeyPair();
const issuer = createIssuerProfile({ key, name: 'Northfield College', role: 'education-provider' });
const entry = await issueEntry(
  'qualification',
  { title: 'Maths', awardingBody: { name: 'Northern Awards' }, level: 'L1', awardedOn: '2026-03' },
  { issuer, key },
);
// C0 controls other than tab/newline/CR, DEL, C1, bidi embeddings/overrides/isolates, zero-width, line/paragraph separators.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2028\u2029\u2066-\u2069]/u;

describe('print pack control characters', () => {
  it('the reviewer’s characters: U+202E, ESC, U+009B, U+2028, BEL', async () => {
    const html = await printPack([{ ...entry, name: 'Maths \u202Etxet\u001b[31m\u009b\u2028\u0007 done' }], { holderName: 'Amira\u202E Khan' });
    expect(html).not.toMatch(FORBIDDEN);
    expect(html).toContain('Amira Khan');
  });

  it('any text with any controls (property)', async () => {
    const ch = fc.oneof(
      fc.constantFrom('\u202E', '\u202D', '\u2066', '\u001b', '\u009b', '\u0007', '\u2028', '\u200F', '\u0000', 'a', ' ', '<', '&'),
      fc.string({ maxLength: 3 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(ch, { maxLength: 30 }), async (parts) => {
        const html = await printPack([{ ...entry, name: `x${parts.join('')}` }], { holderName: `y${parts.join('')}` });
        expect(html).not.toMatch(FORBIDDEN);
      }),
      { numRuns: 50 },
    );
  });
});
