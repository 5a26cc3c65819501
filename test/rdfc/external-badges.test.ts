// Item 4: Open Badges 3.0 credentials from other systems, secured with eddsa-rdfc-2022 or
// Ed25519Signature2020, join passports as kind `external` when the caller passes the rdfc
// subpath's verifiers; without them they are "can't check" (never valid, never invalid).
import { describe, expect, it } from 'vitest';
import {
  addEntries,
  createPassport,
  createPresentation,
  createTrustPolicy,
  entryId,
  generateKeyPair,
  mergePassports,
  OB_V3_CONTEXT,
  signCredential,
  VC_V2_CONTEXT,
  verifyCredential,
  verifyPassport,
  verifyPresentation,
  createVerificationCache,
  type SigningKeyPair,
} from '../../src/index.js';
import { addRdfcProof, rdfcProofVerifiers } from '../../src/rdfc/index.js';
import { vectorJson } from '../fixtures/vectors.js';

type Doc = Record<string, any>;
const NOW = new Date('2026-06-01T12:00:00Z');

function openBadge(issuer: SigningKeyPair, holder: string): Doc {
  return {
    '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT],
    id: 'urn:uuid:5b7a1c3e-2f4d-4e6a-9b8c-1d2e3f4a5b6c',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuer.did, type: ['Profile'], name: 'Example Awarding Body' },
    validFrom: '2026-01-10T09:00:00Z',
    name: 'Teamwork Badge',
    credentialSubject: {
      id: holder,
      type: ['AchievementSubject'],
      achievement: {
        id: 'https://example.com/achievements/teamwork',
        type: ['Achievement'],
        criteria: { narrative: 'Nominated by peers and recognised on review.' },
        description: 'Collaborates within a group.',
        name: 'Teamwork',
      },
    },
  };
}

describe('the signed Open Badges implementation-guide example (eddsa-rdfc-2022)', () => {
  const example = () => vectorJson('openbadges-3.0/examples/ob-impl-guide-signed-eddsa-rdfc-2022.json');
  // Its issuer is an https URL; the verification method names the key: the caller supplies it.
  const issuerKey = {
    id: 'https://example.edu/issuers/565049#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi',
    controller: 'https://example.edu/issuers/565049',
    publicKeyMultibase: 'z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi',
  };

  it('verifies, as kind external, with its issuer key supplied', async () => {
    const result = await verifyCredential(example(), { now: NOW, proofVerifiers: rdfcProofVerifiers({ verificationMethods: [issuerKey] }) });
    expect(result.errors).toEqual([]);
    expect(result.verified).toBe(true);
    expect(result.kind).toBe('external');
    expect(result.checks.find((c) => c.check === 'issuer-key')?.status).toBe('pass');
  });

  it('without the key: "can\'t check" (the key cannot be resolved offline); without the verifiers: ERR_CRYPTOSUITE_UNSUPPORTED', async () => {
    const noKey = await verifyCredential(example(), { now: NOW, proofVerifiers: rdfcProofVerifiers() });
    expect(noKey.checks.find((c) => c.check === 'signature')).toMatchObject({ status: 'unknown', code: 'ERR_ISSUER_KEY_UNRESOLVED' });
    const none = await verifyCredential(example(), { now: NOW });
    expect(none.checks.find((c) => c.check === 'signature')).toMatchObject({ status: 'unknown', code: 'ERR_CRYPTOSUITE_UNSUPPORTED' });
    for (const r of [noKey, none]) expect(r.checks.some((c) => c.status === 'fail')).toBe(false);
  });

  it('a wrong supplied key, or a changed badge, fails', async () => {
    const other = await generateKeyPair();
    const wrong = await verifyCredential(example(), {
      now: NOW,
      proofVerifiers: rdfcProofVerifiers({ verificationMethods: [{ ...issuerKey, publicKeyMultibase: other.publicKeyMultibase }] }),
    });
    expect(wrong.checks.find((c) => c.check === 'signature')).toMatchObject({ status: 'fail', code: 'ERR_PROOF_SIGNATURE_INVALID' });
    const changed = { ...example(), name: 'Leadership Badge' };
    const bad = await verifyCredential(changed, { now: NOW, proofVerifiers: rdfcProofVerifiers({ verificationMethods: [issuerKey] }) });
    expect(bad.checks.find((c) => c.check === 'signature')).toMatchObject({ status: 'fail', code: 'ERR_PROOF_SIGNATURE_INVALID' });
  });
});

describe('external badges in passports', () => {
  it('joins as kind external with the verifiers, is rejected as "can\'t check" without them, and behaves like other external entries', async () => {
    const issuer = await generateKeyPair();
    const holder = await generateKeyPair();
    const verifiers = rdfcProofVerifiers();
    const badge = await addRdfcProof(openBadge(issuer, holder.did), issuer, { created: '2026-01-10T09:00:00Z' });
    const cache = createVerificationCache();

    // Without the subpath: kept, listed as not checked here (and nothing cached); never dropped.
    const without = await addEntries(createPassport({ holder: holder.did }), [badge], { cache });
    expect(without.added).toEqual([entryId(badge)]);
    expect(without.unchecked).toEqual([entryId(badge)]);
    expect(without.rejected).toEqual([]);
    expect(cache.size).toBe(0);
    expect((await verifyPassport(without.passport, { now: NOW })).counts).toMatchObject({ valid: 0, notValid: 0, cantCheck: 1 });

    // With it: admitted as kind external, under its content address.
    const { passport, added } = await addEntries(createPassport({ holder: holder.did }), [badge], { cache, proofVerifiers: verifiers });
    expect(added).toEqual([entryId(badge)]);
    const report = await verifyPassport(passport, { now: NOW, proofVerifiers: verifiers });
    expect(report.entries.map((e) => [e.kind, e.result.verified])).toEqual([['external', true]]);

    // A verifier without the subpath: "could not be checked", never valid or invalid.
    const plain = await verifyPassport(passport, { now: NOW });
    expect(plain.counts).toMatchObject({ valid: 0, notValid: 0, cantCheck: 1 });

    // Merge: same CID from either side, order-independent bytes.
    const jcsBadge = await signCredential({ ...openBadge(issuer, holder.did), id: 'urn:uuid:0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f' }, issuer, {
      created: '2026-01-10T09:00:00Z',
    });
    const other = (await addEntries(createPassport({ holder: holder.did }), [jcsBadge])).passport;
    const ab = await mergePassports(passport, other, { proofVerifiers: verifiers });
    const ba = await mergePassports(other, passport, { proofVerifiers: verifiers });
    expect(ab.passport).toEqual(ba.passport);
    expect(ab.passport.entries).toHaveLength(2);
    expect(ab.rejected).toEqual([]);

    // Trust: as for the eddsa-jcs-2022 external badge (external is in no default rule).
    const policy = createTrustPolicy({ roots: [(await generateKeyPair()).did] });
    const trusted = await verifyPassport(ab.passport, { now: NOW, policy, proofVerifiers: verifiers });
    const codes = trusted.entries.map((e) => e.result.errors.map((x) => x.code).sort());
    expect(codes[0]).toEqual(codes[1]);
    expect(codes[0]).toContain('ERR_ISSUER_UNTRUSTED');
  });

  it('travels in a presentation: verified with the verifiers, "can\'t check" without', async () => {
    const issuer = await generateKeyPair();
    const holder = await generateKeyPair();
    const badge = await addRdfcProof(openBadge(issuer, holder.did), issuer);
    const vp = await createPresentation({ holderKey: holder, entries: [badge], audience: 'employer', challenge: 'c-1', domain: 'jobs.example' });
    const ok = await verifyPresentation(vp.presentation ?? vp, { challenge: 'c-1', domain: 'jobs.example', proofVerifiers: rdfcProofVerifiers() });
    expect(ok.errors).toEqual([]);
    expect(ok.entries[0]?.verified).toBe(true);
    const plain = await verifyPresentation(vp.presentation ?? vp, { challenge: 'c-1', domain: 'jobs.example' });
    expect(plain.verified).toBe(false);
    expect(plain.entries[0]?.checks.filter((c) => c.status === 'fail' || c.status === 'unknown').map((c) => [c.status, c.code])).toEqual([
      ['unknown', 'ERR_CRYPTOSUITE_UNSUPPORTED'],
    ]);
    expect(plain.entries[0]?.verdict).toBe('cant-check');
  });

  it('an Ed25519Signature2020 credential (the W3C vector) joins when its issuer is accepted unresolved', async () => {
    const examples = { 'https://www.w3.org/ns/credentials/examples/v2': vectorJson('vc-data-model/contexts/credentials-examples-v2.jsonld') };
    const credential = vectorJson('vc-di-eddsa/Ed25519Signature2020/signedEdSig.json');
    // The passport belongs to the vector's subject (an entry about someone else is refused).
    const holder = { did: credential.credentialSubject.id as string };
    const verifiers = rdfcProofVerifiers({ contexts: examples });
    const joined = await addEntries(createPassport({ holder: holder.did }), [credential], { proofVerifiers: verifiers, acceptUnresolvedIssuers: true });
    expect(joined.added).toEqual([entryId(credential)]);
    // Without the subpath it is kept, as "can't check", and survives a merge made there (r13 F1).
    const without = await addEntries(createPassport({ holder: holder.did }), [credential], { acceptUnresolvedIssuers: true });
    expect(without.added).toEqual([entryId(credential)]);
    expect(without.unchecked).toEqual([entryId(credential)]);
    const merged = await mergePassports(joined.passport, createPassport({ holder: holder.did }));
    expect(merged.passport.entries).toHaveLength(1);
    expect(merged.rejected).toEqual([]);
  });
});
