// Names that are signed into entries and accreditations must not reveal custody, however they
// are spelt (review r10, F8): dotted or spaced initials, full-width letters, lookalike letters,
// custody words beyond "prison"; and a hand-made profile cannot sign "HMP Northfield" whatever
// role it declares.
import { describe, expect, it } from 'vitest';
import { createIssuerProfile, generateKeyPair, issueEntry, PassportError } from '../../src/index.js';
import { accreditIssuer } from '../../src/trust.js';

const key = await generateKeyPair();
const root = await generateKeyPair();
const DISGUISED = [
  'H.M.P. Northfield',
  'H M P Northfield',
  'Ｈ Ｍ Ｐ Northfield',
  'Northfield Prisοn',
  'Northfield Penitentiary',
  'Northfield Detention Centre',
  'Northfield Approved Premises',
  'Northfield Youth Offending Team',
  'Northfield Correctional Facility',
];

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof PassportError ? err.code : 'not a PassportError';
  }
  return undefined;
}

describe('custody names', () => {
  it.each(DISGUISED)('createIssuerProfile refuses %j as a prison’s display name', (displayName) => {
    expect(code(() => createIssuerProfile({ key, name: 'HMP Northfield', displayName, role: 'prison' }))).toBe('ERR_NEUTRAL_NAME_REQUIRED');
  });

  it('createIssuerProfile refuses a prison name for any role, when it is the name entries carry', () => {
    expect(code(() => createIssuerProfile({ key, name: 'HMP Northfield', role: 'education-provider' }))).toBe('ERR_NEUTRAL_NAME_REQUIRED');
    expect(code(() => createIssuerProfile({ key, name: 'H.M.P. Northfield', role: 'employer' }))).toBe('ERR_NEUTRAL_NAME_REQUIRED');
    // A neutral display name is what is signed, so the official name may say anything.
    expect(
      code(() => createIssuerProfile({ key, name: 'HMP Northfield', displayName: 'Northfield Learning Centre', role: 'education-provider' })),
    ).toBeUndefined();
    expect(code(() => createIssuerProfile({ key, name: 'Northfield College', role: 'education-provider' }))).toBeUndefined();
  });

  it('issueEntry checks the name it signs, not only the profile builder: a hand-made profile cannot sign "HMP Northfield"', async () => {
    const fields = { title: 'Maths', awardingBody: { name: 'Northern Awards' }, level: 'L1', awardedOn: '2026-03' } as const;
    for (const issuer of [
      { id: key.did, name: 'HMP Northfield', role: 'education-provider' },
      { id: key.did, name: 'Anything', displayName: 'H.M.P. Northfield', role: 'awarding-body' },
      { id: key.did, name: 'HMP Northfield', displayName: 'Northfield Prisοn', role: 'prison' },
    ]) {
      await expect(issueEntry('qualification', fields, { issuer: issuer as never, key })).rejects.toMatchObject({ code: 'ERR_NEUTRAL_NAME_REQUIRED' });
    }
    const ok = await issueEntry('qualification', fields, {
      issuer: { id: key.did, name: 'HMP Northfield', displayName: 'Northfield Learning Centre', role: 'prison' } as never,
      key,
    });
    expect(JSON.stringify(ok)).not.toMatch(/HMP/);
  });

  it('accreditIssuer: a custody role’s accreditation carries a neutral name, and no accreditation’s title names the role', async () => {
    const base = { did: key.did, organisation: 'org:northfield', role: 'prison' as const, kinds: ['course-completion' as const] };
    for (const displayName of DISGUISED) {
      await expect(accreditIssuer(root, { ...base, displayName })).rejects.toMatchObject({ code: 'ERR_NEUTRAL_NAME_REQUIRED' });
    }
    await expect(accreditIssuer(root, { ...base, organisation: 'Northfield Prison' })).rejects.toMatchObject({ code: 'ERR_NEUTRAL_NAME_REQUIRED' });
    const acc = await accreditIssuer(root, { ...base, displayName: 'Northfield Learning Centre' });
    expect(acc.name).toBe('Accreditation of Northfield Learning Centre');
    expect(acc.name).not.toMatch(/prison|probation/i);
  });
});
