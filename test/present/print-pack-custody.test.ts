// printPack, called as the README shows it (review r15): an entry signed with a prison's key
// (under its neutral name) is held back as createPresentation holds it back from an employer,
// unless the holder names it in `include` (M2); an entry already expired when printed is marked
// expired, never "Valid until" alone (L4).
import { beforeAll, describe, expect, it } from 'vitest';
import { createIssuerProfile, createPresentation, entryId, generateKeyPair, issueEntry, type SigningKeyPair } from '../../src/index.js';
import { accreditIssuer, type AccreditationCredential } from '../../src/trust/index.js';
import { printPack } from '../../src/present/print-pack.js';

let leedsKey: SigningKeyPair;
let learner: SigningKeyPair;
let accreditation: AccreditationCredential;
let barista: object;

beforeAll(async () => {
  const authority = await generateKeyPair();
  leedsKey = await generateKeyPair();
  learner = await generateKeyPair();
  // As the README's trust-list example does: no displayName.
  accreditation = await accreditIssuer(authority, {
    did: leedsKey.did,
    organisation: 'org:hmp-leeds',
    role: 'prison',
    kinds: ['course-completion'],
    validFrom: '2026-01-01T00:00:00Z',
  });
  const leeds = createIssuerProfile({ key: leedsKey, name: 'HMP Leeds', displayName: 'Leeds Learning Centre', role: 'prison' });
  barista = await issueEntry(
    'course-completion',
    { title: 'Barista skills', provider: 'Leeds Learning Centre', completedOn: '2026-03', outcome: 'completed' },
    { issuer: leeds, key: leedsKey, holder: learner.did },
  );
});

describe('printPack holds back what present holds back from an employer', () => {
  it('a prison-signed entry: refused with present’s words unless included', async () => {
    // present leaves it out for an employer...
    const { excluded } = await createPresentation({
      holderKey: learner,
      entries: [barista],
      audience: 'employer',
      challenge: 'c',
      domain: 'jobs.example',
      accreditations: [accreditation],
    });
    expect(excluded.map((e) => e.reason)).toEqual(['custody-revealing']);
    // ...and so does the print pack, with the linter's warning.
    await expect(printPack([barista], { accreditations: [accreditation] })).rejects.toThrow(
      /entry 1 \(course-completion\) would show time in custody to whoever reads the paper: This was signed by a prison\. An employer would learn you were in custody\. Leave it out, or list its id in "include"/,
    );
    const html = await printPack([barista], { accreditations: [accreditation], include: [entryId(barista)] });
    expect(html).toContain('Barista skills');
    await expect(printPack([barista], { accreditations: 'x' as never })).rejects.toThrow(TypeError);
  });
});

describe('printPack marks an entry already expired on the printed date', () => {
  it('"Expired on …", not "Valid until: …"', async () => {
    const cg = await generateKeyPair();
    const body = createIssuerProfile({ key: cg, name: 'City & Guilds', role: 'awarding-body' });
    const card = await issueEntry(
      'licence-card',
      { scheme: 'CSCS', cardType: 'Green labourer card', issuedOn: '2021-01', expiresOn: '2026-01', attestationMode: 'scheme-signed' },
      { issuer: body, key: cg, validFrom: '2021-01-15T00:00:00Z', created: '2021-01-15T00:00:00Z' },
    );
    const until = (card as { validUntil?: string }).validUntil;
    expect(until).toBeDefined();
    const late = await printPack([card], { printedOn: new Date('2026-12-03T09:00:00Z') });
    expect(late).toMatch(/<strong>Expired<\/strong> on \d+ January 2026: a checker will say Not valid \(expired\)\./);
    expect(late).not.toContain('Valid until');
    const early = await printPack([card], { printedOn: new Date('2025-06-01T09:00:00Z') });
    expect(early).toMatch(/<p>Valid until: \d+ January 2026<\/p>/);
    expect(early).not.toContain('Expired');
  });
});
