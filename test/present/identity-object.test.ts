import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIdentityObject, matchIdentity } from '../../src/present/identity-object.js';

describe('IdentityObject (Open Badges 3.0) holder binding', () => {
  it('hashes the normalised name with the salt: sha256$ + hex(sha256(name + salt))', async () => {
    const identity = await createIdentityObject('  Sam   Taylor ', 'pepper');
    const expected = createHash('sha256')
      .update('sam taylor' + 'pepper')
      .digest('hex');
    expect(identity).toEqual({ type: 'IdentityObject', identityType: 'name', hashed: true, identityHash: `sha256$${expected}`, salt: 'pepper' });
  });

  it('uses a fresh random salt by default, so two objects for one name are unlinkable', async () => {
    const a = await createIdentityObject('Sam Taylor');
    const b = await createIdentityObject('Sam Taylor');
    expect(a.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(a.identityHash).not.toBe(b.identityHash);
  });

  it('matches the same name in any case and spacing, and not another name', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== ''),
        fc.string({ minLength: 1, maxLength: 30 }),
        async (name, other) => {
          const identity = await createIdentityObject(name);
          expect(await matchIdentity(identity, name)).toBe(true);
          expect(await matchIdentity(identity, ` ${name.toUpperCase()} `)).toBe(name.toUpperCase().toLowerCase() === name.toLowerCase());
          if (other.replace(/\s+/g, ' ').trim().toLowerCase() !== name.replace(/\s+/g, ' ').trim().toLowerCase()) {
            expect(await matchIdentity(identity, other)).toBe(false);
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  it('accepts hashes made by other tools over the exact name', async () => {
    const hash = createHash('sha256')
      .update('Sam Taylor' + 'abc')
      .digest('hex');
    expect(await matchIdentity({ type: 'IdentityObject', identityType: 'name', hashed: true, identityHash: `sha256$${hash}`, salt: 'abc' }, 'Sam Taylor')).toBe(
      true,
    );
  });

  it('never matches malformed identity objects, and rejects caller mistakes', async () => {
    for (const bad of [
      null,
      {},
      { type: 'IdentityObject' },
      { type: 'IdentityObject', identityType: 'emailAddress', hashed: true, identityHash: 'sha256$00', salt: 'x' },
    ]) {
      expect(await matchIdentity(bad, 'Sam')).toBe(false);
    }
    await expect(createIdentityObject('   ')).rejects.toThrow(TypeError);
    await expect(createIdentityObject('Sam', '')).rejects.toThrow(TypeError);
  });
});
