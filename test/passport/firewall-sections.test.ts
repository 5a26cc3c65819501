// No offence data gets into a passport through the sections beside the entries (review r10,
// F6), and a restoration is not silently outranked (F12). The accreditations section admits only
// accreditations and their revocations, the statusLists section only status list credentials;
// both pass the prohibited-data firewall on their verified content (values and property names).
// The holder's removal reason gets the same firewall as an entry's fields.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addEntries,
  createPassport,
  entryId,
  mergePassports,
  readPassport,
  removeEntries,
  restoreEntries,
  serializePassport,
  signCredential,
} from '../../src/index.js';
import { accreditIssuer } from '../../src/trust.js';
import { prohibitedIn } from '../../src/entries/prohibited.js';
import { HOLDER, holderKey, qualification, signer } from './fixtures.js';

const V2 = 'https://www.w3.org/ns/credentials/v2';
const college = await signer('Northfield College', 'awarding-body');
const qual = await qualification(college, 'Maths');
const base = (await addEntries(createPassport({ holder: HOLDER }), [qual])).passport;
const copyWith = (sections: Record<string, unknown[]>) => readPassport(JSON.stringify({ ...JSON.parse(serializePassport(base)), ...sections })).passport;

const OFFENCE_TEXTS = ['convicted of burglary', 'NOMIS A1234BC', 'sentence length 4 years', 'PNC 12/345678A', 'offence: theft', 'MAPPA level 2', 'on parole'];

describe('the firewall in the accreditations and statusLists sections', () => {
  it('the reviewer’s cases: a self-signed plain credential, an accreditation with offence text, a status list with a prisonNumber field are all left out', async () => {
    const junk = await signCredential(
      {
        '@context': [V2],
        type: ['VerifiableCredential'],
        issuer: holderKey.did,
        credentialSubject: { id: holderKey.did, note: 'convicted of burglary, NOMIS A1234BC' },
      },
      holderKey,
    );
    const acc = await accreditIssuer(holderKey, { did: college.key.did, organisation: 'org:x', role: 'awarding-body', kinds: ['qualification'] });
    const { proof: _proof, ...unsigned } = acc;
    const offenceAcc = await signCredential(
      { ...unsigned, credentialSubject: { ...acc.credentialSubject, note: 'sentence length 4 years' } } as never,
      holderKey,
    );
    const list = await signCredential(
      {
        '@context': [V2],
        id: 'https://x.example/sl',
        type: ['VerifiableCredential', 'BitstringStatusListCredential'],
        issuer: holderKey.did,
        credentialSubject: {
          id: 'https://x.example/sl#list',
          type: 'BitstringStatusList',
          statusPurpose: 'revocation',
          encodedList: 'uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA',
          prisonNumber: 'x',
        },
      },
      holderKey,
    );
    const merged = await mergePassports(base, copyWith({ accreditations: [junk, offenceAcc, acc], statusLists: [list] }));
    const text = serializePassport(merged.passport);
    expect(text).not.toMatch(/convicted|A1234BC|sentence length|prisonNumber/);
    expect(merged.passport.accreditations).toEqual([acc]);
    const codes = merged.problems.map((p) => `${p.section}:${p.code}`).sort();
    expect(codes).toEqual(['accreditations:ERR_PROHIBITED_DATA', 'accreditations:ERR_SCHEMA_INVALID', 'statusLists:ERR_PROHIBITED_DATA']);
  });

  it('any prohibited text in any field of a carried accreditation keeps it out (property)', async () => {
    const acc = await accreditIssuer(holderKey, { did: college.key.did, organisation: 'org:x', role: 'awarding-body', kinds: ['qualification'] });
    fc.assert(
      fc.property(fc.constantFrom(...OFFENCE_TEXTS), fc.constantFrom('name', 'description', 'note'), fc.boolean(), (text, field, inSubject) => {
        const doc = inSubject ? { ...acc, credentialSubject: { ...acc.credentialSubject, [field]: `Good work; ${text}.` } } : { ...acc, [field]: text };
        expect(prohibitedIn(doc as Record<string, unknown>)).toBeDefined();
      }),
    );
    expect(prohibitedIn(acc as unknown as Record<string, unknown>)).toBeUndefined();
  });
});

describe('holder removals', () => {
  it('removeEntries refuses a reason that issueEntry would refuse, and keeps a neutral one', async () => {
    const cid = entryId(qual);
    await expect(
      removeEntries(base, [cid], { holderKey, reason: 'served 4 years sentence for burglary, PNC 12/345678A, NOMIS A1234BC' }),
    ).rejects.toMatchObject({ code: 'ERR_PROHIBITED_DATA' });
    const ok = await removeEntries(base, [cid], { holderKey, reason: 'not for job applications' });
    expect(ok.passport.exclusions[0]!.reason).toBe('not for job applications');
  });

  it('restoreEntries after a removal dated within the clock skew ahead brings the entry back (not silently outranked)', async () => {
    const cid = entryId(qual);
    const removed = await removeEntries(base, [cid], { holderKey, at: new Date(Date.now() + 290_000) });
    expect(removed.passport.entries).toHaveLength(0);
    const restored = await restoreEntries(removed.passport, [qual], { holderKey });
    expect(restored.passport.entries).toHaveLength(1);
    expect(restored.excluded).toEqual([]);
  });

  it('a restoration given an explicit earlier time is reported in `excluded`, not silently dropped', async () => {
    const cid = entryId(qual);
    const removed = await removeEntries(base, [cid], { holderKey });
    const restored = await restoreEntries(removed.passport, [qual], { holderKey, at: new Date(Date.now() - 3_600_000) });
    expect(restored.passport.entries).toHaveLength(0);
    expect(restored.excluded).toEqual([cid]);
  });
});
