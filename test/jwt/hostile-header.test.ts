// Header values come straight from JSON.parse: an object whose toString is not a function must
// give a result, not an exception, when a message names it.
import { describe, expect, it } from 'vitest';
import { verifyVpJwt } from '../../src/present.js';
import { verifyVcJwt } from '../../src/jwt.js';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const token = (header: unknown) => `${b64(header)}.${b64({ a: 1 })}.${Buffer.alloc(64).toString('base64url')}`;

describe('JWS headers with hostile values', () => {
  it.each([
    ['alg', { alg: { toString: 0 }, typ: 'vc+jwt' }],
    ['typ', { alg: 'EdDSA', typ: { toString: 0 }, kid: 'did:key:z6Mk' }],
    ['cty', { alg: 'EdDSA', typ: 'vc+jwt', cty: { toString: 0 } }],
  ])('%s as an object → not verified, no throw', async (_name, header) => {
    const vc = await verifyVcJwt(token(header));
    expect(vc.verified).toBe(false);
    const vp = await verifyVpJwt(token(header), { challenge: 'c', domain: 'd' } as never);
    expect(vp.verified).toBe(false);
  });
});
