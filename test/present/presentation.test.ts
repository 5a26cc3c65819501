import { describe, expect, it } from 'vitest';
import { generateKeyPair } from '../../src/keys/key-pair.js';
import { entryId } from '../../src/entries/entry-id.js';
import { signCredential } from '../../src/proof/sign-credential.js';
import { accreditIssuer } from '../../src/trust/accredit-issuer.js';
import { createTrustPolicy } from '../../src/trust/create-trust-policy.js';
import { createPresentation } from '../../src/present/create-presentation.js';
import { createIdentityObject } from '../../src/present/identity-object.js';
import { verifyPresentation } from '../../src/present/verify-presentation.js';
import { makeEntry, makeIssuer } from './fixtures.js';

const now = new Date('2026-06-01T12:00:00Z');
const domain = 'jobs.example.co.uk';
const ENGLISH = { title: 'Functional Skills English', awardingBody: { name: 'City & Guilds' }, level: 'L1', awardedOn: '2026-02' };

async function setup() {
  const holderKey = await generateKeyPair();
  const awardingBody = await makeIssuer('City & Guilds');
  const scheme = await makeIssuer('CSCS');
  const prison = await makeIssuer('HMP Northfield');
  const maths = await makeEntry(awardingBody, {
    kind: 'qualification',
    name: 'Functional Skills Mathematics Level 1',
    holder: holderKey.did,
    fields: { title: 'Functional Skills Mathematics', awardingBody: { name: 'City & Guilds' }, level: 'L1', awardedOn: '2026-03' },
  });
  const cscs = await makeEntry(scheme, {
    kind: 'licence-card',
    name: 'CSCS Green Labourer card',
    holder: holderKey.did,
    validUntil: '2031-03-03T00:00:00Z',
    fields: { scheme: 'CSCS', cardType: 'Green Labourer', issuedOn: '2026-03-03', attestationMode: 'scheme-signed' },
  });
  const transfer = await makeEntry(prison, {
    kind: 'custody-transfer',
    name: 'Records handed over',
    holder: holderKey.did,
    fields: { fromEstablishment: 'MDI', toEstablishment: 'LEI', transferDate: '2026-01-10' },
  });
  const wingCleaner = await makeEntry(prison, {
    kind: 'work-experience',
    name: 'Wing cleaner',
    holder: holderKey.did,
    fields: { roleTitle: 'Wing cleaner', organisationDisplay: 'HMP Northfield', sector: 'cleaning-and-maintenance', from: '2025-06', to: '2025-12' },
  });
  return { holderKey, maths, cscs, transfer, wingCleaner, prison };
}

describe('createPresentation', () => {
  it('requires challenge and domain (never defaulted)', async () => {
    const { holderKey, maths } = await setup();
    const base = { holderKey, entries: [maths], audience: 'employer' as const };
    await expect(createPresentation({ ...base, domain } as never)).rejects.toThrow(TypeError);
    await expect(createPresentation({ ...base, challenge: 'c1' } as never)).rejects.toThrow(TypeError);
    await expect(createPresentation({ ...base, challenge: '', domain })).rejects.toThrow(TypeError);
    await expect(createPresentation({ ...base, challenge: 'c1', domain: '  ' })).rejects.toThrow(TypeError);
    await expect(createPresentation({ ...base, challenge: 'c1', domain, audience: 'landlord' as never })).rejects.toThrow(TypeError);
  });

  it('builds a VC 2.0 presentation with an authentication proof carrying challenge and domain', async () => {
    const { holderKey, maths, cscs } = await setup();
    const { presentation } = await createPresentation({ holderKey, entries: [maths, cscs], audience: 'employer', challenge: 'c-123', domain });
    expect(presentation['@context']).toEqual(['https://www.w3.org/ns/credentials/v2']);
    expect(presentation.type).toEqual(['VerifiablePresentation']);
    expect(presentation.holder).toBe(holderKey.did);
    expect(presentation.verifiableCredential).toHaveLength(2);
    expect(presentation.proof).toMatchObject({
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-jcs-2022',
      proofPurpose: 'authentication',
      challenge: 'c-123',
      domain,
      verificationMethod: holderKey.verificationMethod,
    });
  });

  it('leaves custody-context entries out for an employer unless the holder includes them', async () => {
    const { holderKey, maths, cscs, transfer, wingCleaner } = await setup();
    const entries = [maths, cscs, transfer, wingCleaner];
    const employer = await createPresentation({ holderKey, entries, audience: 'employer', challenge: 'c', domain });
    expect(employer.presentation.verifiableCredential).toEqual([maths, cscs]);
    expect(employer.excluded.map((e) => [e.kind, e.reason])).toEqual([
      ['custody-transfer', 'custody-context'],
      ['work-experience', 'custody-revealing'],
    ]);
    expect(employer.excluded[0]!.id).toBe(transfer.id);
    expect(employer.warnings).toEqual([]);

    const chosen = await createPresentation({ holderKey, entries, audience: 'employer', challenge: 'c', domain, include: [wingCleaner.id as string] });
    expect(chosen.presentation.verifiableCredential).toEqual([maths, cscs, wingCleaner]);
    expect(chosen.overrides).toEqual([{ entryId: entryId(wingCleaner), id: wingCleaner.id, kind: 'work-experience', reason: 'custody-revealing' }]);
    const byCid = await createPresentation({ holderKey, entries, audience: 'employer', challenge: 'c', domain, include: [entryId(transfer)] });
    expect(byCid.presentation.verifiableCredential).toEqual([maths, cscs, transfer]);
    expect(employer.excluded[0]!.entryId).toBe(entryId(transfer));
    expect(chosen.warnings.map((w) => w.code)).toContain('custody-role');

    const justice = await createPresentation({ holderKey, entries, audience: 'justice', challenge: 'c', domain });
    expect(justice.presentation.verifiableCredential).toHaveLength(4);
  });

  it('never adds another holder’s entries, even when named', async () => {
    const { holderKey, maths } = await setup();
    const other = await generateKeyPair();
    const someoneElse = await makeEntry(await makeIssuer('City & Guilds'), { kind: 'qualification', name: 'English', holder: other.did, fields: ENGLISH });
    const { presentation, excluded } = await createPresentation({
      holderKey,
      entries: [maths, someoneElse],
      audience: 'employer',
      challenge: 'c',
      domain,
      include: [someoneElse.id as string],
    });
    expect(presentation.verifiableCredential).toEqual([maths]);
    expect(excluded[0]!.reason).toBe('other-holder');
  });
});

describe('verifyPresentation', () => {
  it('verifies a fresh presentation and summarises it in plain English', async () => {
    const { holderKey, maths, cscs } = await setup();
    const { presentation } = await createPresentation({ holderKey, entries: [maths, cscs], audience: 'employer', challenge: 'n-1', domain });
    const result = await verifyPresentation(presentation, { challenge: 'n-1', domain, now });
    expect(result.verified).toBe(true);
    // No trust policy: both signatures hold, but who issued them was not checked.
    expect(result.verdict).toBe('cant-check');
    expect(result.summary.split('\n')).toEqual([
      '2 achievements checked: neither can be fully checked. The signatures are intact; who issued them was not checked.',
      ...result.entries.map((e) => e.headline),
    ]);
    expect(result.entries[0]!.headline).toMatch(/^\? Can’t check \(issuer not checked\): Functional Skills Mathematics/);
    expect(result.entries.map((e) => [e.kind, e.verified, e.holderBinding])).toEqual([
      ['qualification', true, 'pass'],
      ['licence-card', true, 'pass'],
    ]);
    expect(result.checks.map((c) => [c.check, c.status])).toEqual([
      ['shape', 'pass'],
      ['context', 'pass'],
      ['signature', 'pass'],
      ['domain', 'pass'],
      ['challenge', 'pass'],
      ['holder-binding', 'pass'],
    ]);
  });

  it('rejects a replayed presentation (wrong challenge) and a wrong domain', async () => {
    const { holderKey, maths } = await setup();
    const { presentation } = await createPresentation({ holderKey, entries: [maths], audience: 'employer', challenge: 'old', domain });
    const replay = await verifyPresentation(presentation, { challenge: 'new', domain, now });
    expect(replay.verified).toBe(false);
    expect(replay.errors.map((e) => e.code)).toContain('ERR_PRESENTATION_CHALLENGE_MISMATCH');
    expect(replay.summary).toMatch(/^Do not rely on this: it was made for a different request \(it may be an old copy\)\. Ask the person to share again\./);
    expect(replay.verdict).toBe('not-valid');
    const elsewhere = await verifyPresentation(presentation, { challenge: 'old', domain: 'evil.example', now });
    expect(elsewhere.verified).toBe(false);
    expect(elsewhere.errors.map((e) => e.code)).toContain('ERR_PRESENTATION_DOMAIN_MISMATCH');
    expect(elsewhere.summary).toMatch(/different organisation or website/);
  });

  it('requires challenge and domain in the options', async () => {
    await expect(verifyPresentation({}, { domain } as never)).rejects.toThrow(TypeError);
    await expect(verifyPresentation({}, { challenge: 'x' } as never)).rejects.toThrow(TypeError);
    await expect(verifyPresentation({}, undefined as never)).rejects.toThrow(TypeError);
  });

  it('never throws on bad data', async () => {
    for (const bad of [null, 1, 'vp', [], {}, { type: 'VerifiablePresentation' }, { '@context': ['x'] }]) {
      const result = await verifyPresentation(bad, { challenge: 'c', domain, now });
      expect(result.verified).toBe(false);
      expect(result.summary).toMatch(/^Do not rely on this/);
    }
  });

  it('fails when an entry was changed after the holder signed… and the holder proof breaks too', async () => {
    const { holderKey, maths } = await setup();
    const { presentation } = await createPresentation({ holderKey, entries: [maths], audience: 'employer', challenge: 'c', domain });
    const tampered = structuredClone(presentation);
    (tampered.verifiableCredential![0] as { name: string }).name = 'Mathematics Level 3';
    const result = await verifyPresentation(tampered, { challenge: 'c', domain, now });
    expect(result.verified).toBe(false);
    expect(result.errors.map((e) => e.code)).toContain('ERR_PROOF_SIGNATURE_INVALID');
    expect(result.entries[0]!.verified).toBe(false);
    // Each entry carries its own errors, as a passport's entries do (review r16, L3).
    expect(result.entries[0]!.errors.map((e) => e.code)).toContain('ERR_PROOF_SIGNATURE_INVALID');
  });

  it('detects a presentation signed by someone other than its holder', async () => {
    const { holderKey, maths } = await setup();
    const thief = await generateKeyPair();
    const { presentation } = await createPresentation({ holderKey, entries: [maths], audience: 'employer', challenge: 'c', domain });
    const { proof: _p, ...unsigned } = presentation;
    const forged = await signCredential(unsigned, thief, { proofPurpose: 'authentication', challenge: 'c', domain });
    const result = await verifyPresentation(forged, { challenge: 'c', domain, now });
    expect(result.verified).toBe(false);
    expect(result.checks.find((c) => c.check === 'holder-binding')).toMatchObject({ status: 'fail', code: 'ERR_HOLDER_BINDING' });
    expect(result.summary).toMatch(/not signed by the person/);
  });

  it('flags entries that belong to another holder', async () => {
    const { holderKey, maths } = await setup();
    const thief = await generateKeyPair();
    // The thief presents the holder's entry under their own key.
    const { proof: _p, ...doc } = (await createPresentation({ holderKey, entries: [maths], audience: 'employer', challenge: 'c', domain })).presentation;
    const stolen = await signCredential({ ...doc, holder: thief.did }, thief, { proofPurpose: 'authentication', challenge: 'c', domain });
    const result = await verifyPresentation(stolen, { challenge: 'c', domain, now });
    expect(result.verified).toBe(false);
    expect(result.entries[0]).toMatchObject({ verified: false, holderBinding: 'fail' });
    expect(result.summary).toMatch(/^1 achievement checked: not valid\./);
  });

  it('reports identity-object entries as unknown binding unless the holder’s name matches', async () => {
    const holderKey = await generateKeyPair();
    const identity = await createIdentityObject('Sam Taylor');
    const entry = await makeEntry(await makeIssuer('City & Guilds'), { kind: 'qualification', name: 'English', identifier: [identity], fields: ENGLISH });
    const { presentation } = await createPresentation({ holderKey, entries: [entry], audience: 'employer', challenge: 'c', domain });
    const plain = await verifyPresentation(presentation, { challenge: 'c', domain, now });
    expect(plain.verified).toBe(false);
    expect(plain.entries[0]!.holderBinding).toBe('unknown');
    expect(plain.entries[0]!.summary).toMatch(/check the person’s ID/);
    const named = await verifyPresentation(presentation, { challenge: 'c', domain, now, holderName: 'SAM  TAYLOR' });
    expect(named.verified).toBe(true);
    const wrong = await verifyPresentation(presentation, { challenge: 'c', domain, now, holderName: 'Sam Tailor' });
    expect(wrong.entries[0]!.holderBinding).toBe('fail');
  });

  it('applies the trust policy to every entry: an unaccredited issuer is not trusted', async () => {
    const { holderKey, maths, cscs } = await setup();
    const root = await generateKeyPair();
    const policy = createTrustPolicy({ roots: [{ did: root.did, name: 'National Learning Authority' }] });
    const mathsIssuer = (maths.issuer as { id: string }).id;
    const accreditations = [
      await accreditIssuer(root, {
        did: mathsIssuer,
        organisation: 'org:cg',
        role: 'awarding-body',
        kinds: ['qualification'],
        validFrom: '2026-01-01T00:00:00Z',
      }),
    ];
    const { presentation } = await createPresentation({ holderKey, entries: [maths, cscs], audience: 'employer', challenge: 'c', domain });
    const result = await verifyPresentation(presentation, { challenge: 'c', domain, now, policy, accreditations });
    expect(result.verified).toBe(false);
    expect(result.entries.map((e) => [e.kind, e.verified, e.checks.find((c) => c.check === 'issuer-trust')?.status])).toEqual([
      ['qualification', true, 'pass'],
      ['licence-card', false, 'unknown'],
    ]);
    // Nothing loaded accredits the card's issuer: something missing, so "can't check", not "not valid".
    expect(result.entries.map((e) => e.verdict)).toEqual(['valid', 'cant-check']);
    expect(result.summary.split('\n')[0]).toBe('2 achievements checked: one valid, one can’t be checked. Load the authority’s trust list.');
  });
});
