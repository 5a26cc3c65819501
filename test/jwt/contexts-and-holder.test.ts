// The JOSE forms follow the same VC 2.0 rules as Data Integrity (review r13 F4, F5): the
// known-context check (§4.3) on vc+jwt, vp+jwt and enveloped credentials, with `knownContexts`
// to extend it; `holder` optional in vp+jwt, and holder binding a policy generic callers can
// turn off (`requireHolderBinding`), with `proofVerifiers` for the entries it carries.
import { CompactSign } from 'jose';
import { describe, expect, it } from 'vitest';
import { generateKeyPair, signCredential, verifyCredential, type SigningKeyPair } from '../../src/index.js';
import { utf8 } from '../../src/internal/bytes.js';
import { joseSigningKey } from '../../src/jwt/jose-keys.js';
import { signVcJwt } from '../../src/jwt/sign-vc-jwt.js';
import { verifyVcJwt } from '../../src/jwt/verify-vc-jwt.js';
import { signVpJwt, verifyVpJwt } from '../../src/present/vp-jwt.js';
import { addRdfcProof, rdfcProofVerifiers } from '../../src/rdfc/index.js';

const UNKNOWN = 'https://evil.example/unreviewed-ctx';
const challenge = 'c-123';
const domain = 'verifier.example';

function credential(issuer: SigningKeyPair, subject: string, contexts: unknown[] = []): Record<string, unknown> {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', ...contexts],
    id: `urn:uuid:${crypto.randomUUID()}`,
    type: ['VerifiableCredential'],
    issuer: issuer.did,
    validFrom: '2026-01-01T00:00:00Z',
    credentialSubject: { id: subject },
  };
}

/** A vp+jwt with any payload, signed by `key` (what another wallet may send). */
async function vpJwt(payload: Record<string, unknown>, key: SigningKeyPair): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const body = {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    type: ['VerifiablePresentation'],
    nonce: challenge,
    aud: domain,
    iat: now,
    exp: now + 600,
    ...payload,
  };
  return new CompactSign(utf8(JSON.stringify(body)))
    .setProtectedHeader({ alg: 'EdDSA', typ: 'vp+jwt', cty: 'vp', kid: key.verificationMethod })
    .sign(await joseSigningKey(key));
}

const contextCheck = (r: { checks: { check: string; status: string; code?: string }[] }) => r.checks.find((c) => c.check === 'context');

describe('known contexts on every path (VC 2.0 §4.3)', () => {
  it.each([
    ['an unknown URL', [UNKNOWN]],
    ['an inline @vocab', [{ '@vocab': 'https://evil.example/#' }]],
    ['both', [UNKNOWN, { '@vocab': 'https://evil.example/#' }]],
  ])('%s: vc+jwt, Data Integrity and an enveloped vc+jwt in a vp+jwt all say "can\'t check"', async (_name, contexts) => {
    const issuer = await generateKeyPair();
    const learner = await generateKeyPair();
    const doc = credential(issuer, learner.did, contexts);
    const jwt = await signVcJwt(doc, issuer);
    const viaJwt = await verifyVcJwt(jwt);
    expect(viaJwt.verified).toBe(false);
    expect(contextCheck(viaJwt)).toMatchObject({ status: 'unknown', code: 'ERR_CONTEXT_UNKNOWN' });
    const viaDi = await verifyCredential(await signCredential(doc, issuer));
    expect(contextCheck(viaDi)).toMatchObject({ status: 'unknown', code: 'ERR_CONTEXT_UNKNOWN' });
    const { jwt: vp } = await signVpJwt({ holderKey: learner, entries: [jwt], audience: 'education', challenge, domain });
    const presented = await verifyVpJwt(vp, { challenge, domain });
    expect(presented.verified).toBe(false);
    expect(presented.errors.map((e) => e.code)).toContain('ERR_CONTEXT_UNKNOWN');
  });

  it('knownContexts extends the list on the JOSE paths, type-checked', async () => {
    const issuer = await generateKeyPair();
    const learner = await generateKeyPair();
    const jwt = await signVcJwt(credential(issuer, learner.did, [UNKNOWN]), issuer);
    const r = await verifyVcJwt(jwt, { knownContexts: [UNKNOWN] });
    expect(r.errors).toEqual([]);
    expect(contextCheck(r)).toMatchObject({ status: 'pass' });
    const { jwt: vp } = await signVpJwt({ holderKey: learner, entries: [jwt], audience: 'education', challenge, domain });
    expect((await verifyVpJwt(vp, { challenge, domain, knownContexts: [UNKNOWN] })).errors).toEqual([]);
  });
});

describe('vp+jwt: holder optional, holder binding a policy (VC 2.0 §4.13)', () => {
  it('a vp+jwt without holder verifies; the presenter is the key that signed it', async () => {
    const issuer = await generateKeyPair();
    const learner = await generateKeyPair();
    const entry = await signCredential(credential(issuer, learner.did), issuer);
    const result = await verifyVpJwt(await vpJwt({ verifiableCredential: [entry] }, learner), { challenge, domain });
    expect(result.errors).toEqual([]);
    expect(result.verified).toBe(true);
    expect(result.holder).toBe(learner.did);
  });

  it('a holder presenting someone else’s credential: refused by default, allowed with requireHolderBinding: false', async () => {
    const issuer = await generateKeyPair();
    const child = await generateKeyPair();
    const parent = await generateKeyPair();
    const entry = await signCredential(credential(issuer, child.did), issuer);
    for (const payload of [{ holder: parent.did, verifiableCredential: [entry] }, { verifiableCredential: [entry] }]) {
      const jwt = await vpJwt(payload, parent);
      const strict = await verifyVpJwt(jwt, { challenge, domain });
      expect(strict.errors.map((e) => e.code)).toContain('ERR_HOLDER_BINDING');
      const generic = await verifyVpJwt(jwt, { challenge, domain, requireHolderBinding: false });
      expect(generic.errors).toEqual([]);
      expect(generic.entries[0]!.holderBinding).toBe('not-required');
    }
  });

  it('a named holder that did not sign is still refused', async () => {
    const issuer = await generateKeyPair();
    const learner = await generateKeyPair();
    const other = await generateKeyPair();
    const entry = await signCredential(credential(issuer, learner.did), issuer);
    const result = await verifyVpJwt(await vpJwt({ holder: learner.did, verifiableCredential: [entry] }, other), {
      challenge,
      domain,
      requireHolderBinding: false,
    });
    expect(result.checks.find((c) => c.check === 'holder-binding')).toMatchObject({ status: 'fail', code: 'ERR_HOLDER_BINDING' });
  });

  it('proofVerifiers reach the Data Integrity entries of a vp+jwt', async () => {
    const issuer = await generateKeyPair();
    const learner = await generateKeyPair();
    const { proof: _p, ...unsigned } = (await signCredential(credential(issuer, learner.did), issuer)) as Record<string, unknown>;
    const rdfcOnly = await addRdfcProof(unsigned, issuer);
    const jwt = await vpJwt({ verifiableCredential: [rdfcOnly] }, learner);
    const without = await verifyVpJwt(jwt, { challenge, domain });
    expect(without.errors.map((e) => e.code)).toEqual(['ERR_CRYPTOSUITE_UNSUPPORTED']);
    expect((await verifyVpJwt(jwt, { challenge, domain, proofVerifiers: rdfcProofVerifiers() })).errors).toEqual([]);
  });
});
