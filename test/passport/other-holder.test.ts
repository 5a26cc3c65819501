// Adding an entry whose subject is not the passport's holder is refused with a code, unless the
// caller says otherwise (allowOtherHolder).
import { describe, expect, it } from 'vitest';
import { addEntries, createPassport, generateKeyPair, issueEntry } from '../../src/index.js';
import { signer } from './fixtures.js';

describe('addEntries and the holder', () => {
  it('refuses an entry about someone else (ERR_ENTRY_SUBJECT_NOT_HOLDER), adds it when allowed', async () => {
    const body = await signer('City & Guilds', 'awarding-body');
    const amira = await generateKeyPair();
    const sam = await generateKeyPair();
    const fields = { title: 'FS Maths', awardingBody: { name: 'City & Guilds' }, level: 'L1', awardedOn: '2026-03' } as const;
    const forAmira = await issueEntry('qualification', fields, { ...body, holder: amira.did });
    const forSam = await issueEntry('qualification', fields, { ...body, holder: sam.did });
    const unbound = await issueEntry('qualification', { ...fields, title: 'FS English' }, body);
    const passport = createPassport({ holder: amira.did });

    const result = await addEntries(passport, [forSam, forAmira, unbound]);
    expect(result.added).toHaveLength(2);
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]).toMatchObject({ code: 'ERR_ENTRY_SUBJECT_NOT_HOLDER', index: 0, source: 'incoming' });
    expect(result.passport.entries).toHaveLength(2);

    const allowed = await addEntries(passport, [forSam], { allowOtherHolder: true });
    expect(allowed.added).toHaveLength(1);
    expect(allowed.rejected).toHaveLength(0);
  });
});
