// The credential reader: the one definition of subject, kind, issuer id and issuer name that
// every area uses (before it, three readers disagreed on array subjects and unknown kinds).
import { describe, expect, it } from 'vitest';
import { credentialIdOf, entryKindOf, issuerIdOf, issuerNameOf, learningPassportOf, subjectOf } from '../../src/entries/read-credential.js';

const lp = { kind: 'custody-transfer', transferDate: '2026-03-01' };

describe('read-credential', () => {
  it('reads the first subject of a list, and the learning-passport fields from it', () => {
    expect(subjectOf({ credentialSubject: [{ id: 'a' }, { id: 'b' }] })).toEqual({ id: 'a' });
    expect(subjectOf({ credentialSubject: { id: 'a' } })).toEqual({ id: 'a' });
    expect(subjectOf({ credentialSubject: ['a'] })).toBeUndefined();
    expect(learningPassportOf({ credentialSubject: [{ learningPassport: lp }] })).toBe(lp);
    expect(learningPassportOf({ credentialSubject: { learningPassport: 'x' } })).toBeUndefined();
  });

  it('has one kind definition: known, unknown (claims to be an entry) or external', () => {
    expect(entryKindOf({ credentialSubject: { learningPassport: lp } })).toBe('custody-transfer');
    expect(entryKindOf({ credentialSubject: [{ learningPassport: lp }, {}] })).toBe('custody-transfer');
    expect(entryKindOf({ credentialSubject: { learningPassport: { kind: 'made-up' } } })).toBe('unknown');
    expect(entryKindOf({ credentialSubject: { learningPassport: {} } })).toBe('unknown');
    expect(entryKindOf({ credentialSubject: { learningPassport: null } })).toBe('unknown');
    // A custody record tucked into a second subject must not pass as a neutral outside credential.
    expect(entryKindOf({ credentialSubject: [{ id: 'x' }, { learningPassport: lp }] })).toBe('unknown');
    expect(entryKindOf({ credentialSubject: { id: 'x' } })).toBe('external');
    expect(entryKindOf('not a credential')).toBe('external');
    const hostile = {
      get credentialSubject(): unknown {
        throw new Error('boom');
      },
    };
    expect(entryKindOf(hostile)).toBe('unknown');
  });

  it('reads the issuer id from either form, and the neutral display name before the official one', () => {
    expect(issuerIdOf({ issuer: 'did:key:z1' })).toBe('did:key:z1');
    expect(issuerIdOf({ issuer: { id: 'did:key:z2', name: 'X' } })).toBe('did:key:z2');
    expect(issuerIdOf({ issuer: { name: 'X' } })).toBeUndefined();
    expect(issuerNameOf({ issuer: { id: 'd', name: 'HMP Northfield', displayName: ' Northfield Learning Centre ' } })).toBe('Northfield Learning Centre');
    expect(issuerNameOf({ issuer: { id: 'd', name: 'City & Guilds', displayName: '  ' } })).toBe('City & Guilds');
    expect(issuerNameOf({ issuer: 'did:key:z1' })).toBeUndefined();
    expect(issuerNameOf({ issuer: { name: 'x'.repeat(1000) } })).toHaveLength(300);
    expect(credentialIdOf({ id: 'urn:uuid:1' })).toBe('urn:uuid:1');
    expect(credentialIdOf({ id: 1 })).toBeUndefined();
  });
});
