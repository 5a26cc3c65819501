// verifyEddsaJcsProof directly: the Data Integrity checks shared by credentials, presentations
// and status lists (purpose, challenge, domain, expires).
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyEddsaJcsProof } from '../../src/proof/verify-proof.js';
import { CheckList } from '../../src/result.js';
import { generateKeyPair, signCredential, VC_V2_CONTEXT, verifyCredential, type SigningKeyPair } from '../../src/index.js';

let key: SigningKeyPair;
const doc = () => ({ '@context': [VC_V2_CONTEXT], type: ['VerifiablePresentation'], holder: key.did });
beforeAll(async () => {
  key = await generateKeyPair();
});

async function run(document: object, expectations: Parameters<typeof verifyEddsaJcsProof>[2]) {
  const checks = new CheckList();
  const outcome = await verifyEddsaJcsProof(document as Record<string, unknown>, checks, expectations);
  return { outcome, checks: checks.checks };
}

describe('verifyEddsaJcsProof', () => {
  it('authentication proofs with challenge and domain pass when they match', async () => {
    const vp = await signCredential(doc(), key, { proofPurpose: 'authentication', challenge: 'n-123', domain: 'verifier.example' });
    const { outcome, checks } = await run(vp, { expectedProofPurpose: 'authentication', challenge: 'n-123', domain: 'verifier.example' });
    expect(outcome).toMatchObject({ valid: true, controller: key.did, verificationMethod: key.verificationMethod });
    expect(checks.map((c) => [c.check, c.status])).toEqual([
      ['signature', 'pass'],
      ['domain', 'pass'],
      ['challenge', 'pass'],
    ]);
  });

  it('a different challenge or domain fails with its own code', async () => {
    const vp = await signCredential(doc(), key, { proofPurpose: 'authentication', challenge: 'n-123', domain: 'verifier.example' });
    const { checks } = await run(vp, { expectedProofPurpose: 'authentication', challenge: 'n-999', domain: 'other.example' });
    expect(checks.filter((c) => c.status === 'fail').map((c) => c.code)).toEqual(['ERR_PRESENTATION_DOMAIN_MISMATCH', 'ERR_PRESENTATION_CHALLENGE_MISMATCH']);
  });

  it('a challenge expected but absent from the proof fails', async () => {
    const vp = await signCredential(doc(), key, { proofPurpose: 'authentication' });
    const { checks } = await run(vp, { expectedProofPurpose: 'authentication', challenge: 'n-123' });
    expect(checks.find((c) => c.check === 'challenge')).toMatchObject({ status: 'fail', code: 'ERR_PRESENTATION_CHALLENGE_MISMATCH' });
  });

  it('proof.expires in the past (beyond the tolerance) fails; in the future or within tolerance passes', async () => {
    const vp = await signCredential(doc(), key, { proofPurpose: 'authentication', created: '2026-01-01T00:00:00Z', expires: '2026-01-01T00:05:00Z' });
    const at = (iso: string, clockTolerance?: number) =>
      run(vp, { expectedProofPurpose: 'authentication', now: new Date(iso), ...(clockTolerance === undefined ? {} : { clockTolerance }) });
    expect((await at('2026-01-01T00:04:00Z')).outcome.valid).toBe(true);
    expect((await at('2026-01-01T00:05:30Z')).outcome.valid).toBe(true);
    const late = await at('2026-01-01T00:05:30Z', 0);
    expect(late.outcome.valid).toBe(false);
    expect(late.checks).toEqual([expect.objectContaining({ check: 'signature', status: 'fail', code: 'ERR_CREDENTIAL_EXPIRED' })]);
    expect((await at('2027-01-01T00:00:00Z')).outcome.valid).toBe(false);
  });

  it('verifyCredential rejects a credential whose proof has expired (real clock)', async () => {
    const vc = await signCredential(
      { '@context': [VC_V2_CONTEXT], type: ['VerifiableCredential'], issuer: key.did, credentialSubject: { id: 'did:example:1' } },
      key,
      { created: '2020-01-01T00:00:00Z', expires: '2020-01-02T00:00:00Z' },
    );
    const result = await verifyCredential(vc);
    expect(result.verified).toBe(false);
    expect(result.errors.map((e) => e.code)).toContain('ERR_CREDENTIAL_EXPIRED');
  });

  it('a malformed proof.expires → ERR_PROOF_MALFORMED', async () => {
    const vp = await signCredential(doc(), key, { proofPurpose: 'authentication' });
    for (const expires of ['tomorrow', 1767225600, '2026-01-01T00:00:00']) {
      const { checks } = await run({ ...vp, proof: { ...vp.proof, expires } }, { expectedProofPurpose: 'authentication' });
      expect(checks).toEqual([expect.objectContaining({ status: 'fail', code: 'ERR_PROOF_MALFORMED' })]);
    }
  });

  it('removing proof.expires breaks the signature (it is signed)', async () => {
    const vp = await signCredential(doc(), key, { proofPurpose: 'authentication', expires: '2020-01-01T00:00:00Z' });
    const { expires: _e, ...proof } = vp.proof;
    const { checks } = await run({ ...vp, proof }, { expectedProofPurpose: 'authentication' });
    expect(checks[0]).toMatchObject({ status: 'fail', code: 'ERR_PROOF_SIGNATURE_INVALID' });
  });

  it('never throws on a document whose proof getters would be odd (plain JSON only reaches it)', async () => {
    for (const proof of [undefined, null, [], [{}], {}, { type: 'DataIntegrityProof' }, 'x']) {
      const { outcome, checks } = await run({ ...doc(), proof }, {});
      expect(outcome.valid).toBe(false);
      expect(checks[0]?.status).toBe('fail');
    }
  });
});
