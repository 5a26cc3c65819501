import { describe, expect, it } from 'vitest';
import { fromBase64url } from '../../src/internal/bytes.js';
import { generateKeyPair } from '../../src/keys/key-pair.js';
import { signVcJwt } from '../../src/jwt/sign-vc-jwt.js';
import { signVpJwt, verifyVpJwt } from '../../src/present/vp-jwt.js';
import { makeEntry, makeIssuer } from '../present/fixtures.js';

const domain = 'jobs.example.co.uk';
const issuedAt = new Date('2026-06-01T12:00:00Z');
const now = new Date('2026-06-01T12:01:00Z');
const decode = (part: string) => JSON.parse(new TextDecoder().decode(fromBase64url(part)));

async function setup() {
  const holderKey = await generateKeyPair();
  const body = await makeIssuer('City & Guilds');
  const prison = await makeIssuer('HMP Northfield');
  const maths = await makeEntry(body, {
    kind: 'qualification',
    name: 'Functional Skills Mathematics Level 1',
    holder: holderKey.did,
    fields: { title: 'Functional Skills Mathematics', awardingBody: { name: 'City & Guilds' }, level: 'L1', awardedOn: '2026-03' },
  });
  const transfer = await makeEntry(prison, {
    kind: 'custody-transfer',
    name: 'Records handed over',
    holder: holderKey.did,
    fields: { fromEstablishment: 'MDI', toEstablishment: 'LEI', transferDate: '2026-01-10' },
  });
  return { holderKey, body, maths, transfer };
}

describe('vp+jwt', () => {
  it("applies the caller's clockTolerance to the entries it carries, as to the envelope", async () => {
    const { holderKey, body } = await setup();
    // Signed by a clock 90 seconds ahead of the verifier's: inside 120 s of tolerance, outside the default 60 s.
    const ahead = await makeEntry(body, {
      kind: 'qualification',
      name: 'Functional Skills Mathematics Level 1',
      holder: holderKey.did,
      validFrom: '2026-06-01T12:02:30Z',
      fields: { title: 'Functional Skills Mathematics', awardingBody: { name: 'City & Guilds' }, level: 'L1', awardedOn: '2026-03' },
    });
    const { jwt } = await signVpJwt({ holderKey, entries: [ahead], audience: 'employer', challenge: 'n1', domain, issuedAt });
    const strict = await verifyVpJwt(jwt, { challenge: 'n1', domain, now });
    expect(strict.entries[0]!.checks.find((c) => c.check === 'validity-period')?.status).toBe('fail');
    const tolerant = await verifyVpJwt(jwt, { challenge: 'n1', domain, now, clockTolerance: 120 });
    expect(tolerant.entries[0]!.checks.find((c) => c.check === 'validity-period')?.status).toBe('pass');
  });

  it('carries nonce = challenge and aud = domain, and leaves custody entries out for employers', async () => {
    const { holderKey, maths, transfer } = await setup();
    const { jwt, excluded } = await signVpJwt({ holderKey, entries: [maths, transfer], audience: 'employer', challenge: 'n1', domain, issuedAt });
    const [h, p] = jwt.split('.');
    expect(decode(h!)).toEqual({ alg: 'EdDSA', typ: 'vp+jwt', cty: 'vp', kid: holderKey.verificationMethod });
    expect(decode(p!)).toMatchObject({ type: ['VerifiablePresentation'], holder: holderKey.did, nonce: 'n1', aud: domain, verifiableCredential: [maths] });
    expect(excluded.map((e) => e.reason)).toEqual(['custody-context']);
    const result = await verifyVpJwt(jwt, { challenge: 'n1', domain, now });
    expect(result.verified).toBe(true);
    expect(result.summary).toMatch(
      /^1 achievement checked: can’t be fully checked\. The signature is intact; who issued it was not checked\.\n\? Can’t check \(issuer not checked\): /,
    );
  });

  it('carries vc+jwt entries as EnvelopedVerifiableCredential and verifies them', async () => {
    const { holderKey, body, maths } = await setup();
    const vcJwt = await signVcJwt(maths, body.key);
    const { jwt } = await signVpJwt({ holderKey, entries: [maths, vcJwt], audience: 'employer', challenge: 'n1', domain, issuedAt });
    expect(decode(jwt.split('.')[1]!).verifiableCredential[1]).toEqual({
      '@context': 'https://www.w3.org/ns/credentials/v2',
      id: `data:application/vc+jwt,${vcJwt}`,
      type: 'EnvelopedVerifiableCredential',
    });
    const result = await verifyVpJwt(jwt, { challenge: 'n1', domain, now });
    expect(result.entries.map((e) => [e.kind, e.verified])).toEqual([
      ['qualification', true],
      ['qualification', true],
    ]);
    expect(result.summary.split('\n')[0]).toBe(
      '2 achievements checked: neither can be fully checked. The signatures are intact; who issued them was not checked.',
    );
    expect(result.entries.map((e) => e.verdict)).toEqual(['cant-check', 'cant-check']);
  });

  it('rejects replay, wrong domain and expiry; requires challenge and domain', async () => {
    const { holderKey, maths } = await setup();
    const { jwt } = await signVpJwt({ holderKey, entries: [maths], audience: 'employer', challenge: 'n1', domain, issuedAt });
    expect((await verifyVpJwt(jwt, { challenge: 'n2', domain, now })).errors.map((e) => e.code)).toEqual(['ERR_PRESENTATION_CHALLENGE_MISMATCH']);
    expect((await verifyVpJwt(jwt, { challenge: 'n1', domain: 'x.example', now })).errors.map((e) => e.code)).toEqual(['ERR_PRESENTATION_DOMAIN_MISMATCH']);
    const late = await verifyVpJwt(jwt, { challenge: 'n1', domain, now: new Date('2026-06-02T00:00:00Z') });
    expect(late.errors.map((e) => e.code)).toEqual(['ERR_CREDENTIAL_EXPIRED']);
    expect(late.summary).toMatch(/expired/);
    await expect(signVpJwt({ holderKey, entries: [maths], audience: 'employer', domain } as never)).rejects.toThrow(TypeError);
    await expect(verifyVpJwt(jwt, { challenge: 'n1' } as never)).rejects.toThrow(TypeError);
  });

  it('never throws on bad input', async () => {
    for (const bad of [null, 'x', 'a.b.c', {}]) {
      const r = await verifyVpJwt(bad, { challenge: 'c', domain });
      expect(r.verified).toBe(false);
    }
  });
});
