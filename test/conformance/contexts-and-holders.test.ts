// VC 2.0 §6.3 known contexts for a verifier without JSON-LD processing, and §4.13 presentations
// without `holder`, with holder binding as an explicit policy (requireHolderBinding).
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createPresentation,
  generateKeyPair,
  signCredential,
  VC_V2_CONTEXT,
  verifyCredential,
  verifyPresentation,
  type SigningKeyPair,
} from '../../src/index.js';
import { KNOWN_CONTEXTS, unknownContexts } from '../../src/verify.js';
import { entryDocument, makeEntry, makeIssuer, type TestIssuer } from '../present/fixtures.js';

const NOW = new Date('2026-06-01T00:00:00Z');
// Signed before NOW: a proof created after options.now is rejected as signed in the future.
const CREATED = '2026-05-01T00:00:00Z';
const EXAMPLES_CONTEXT = 'https://www.w3.org/ns/credentials/examples/v2';
const domain = 'jobs.example.co.uk';
const QUALIFICATION = {
  title: 'Functional Skills Mathematics',
  awardingBody: { name: 'City & Guilds' },
  level: 'L1',
  awardedOn: '2026-03',
};

let issuer: SigningKeyPair;
let cg: TestIssuer;
beforeAll(async () => {
  issuer = await generateKeyPair();
  cg = await makeIssuer('City & Guilds');
});

const credential = (context: unknown[]) => ({
  '@context': context,
  type: ['VerifiableCredential'],
  issuer: issuer.did,
  validFrom: '2026-01-01T00:00:00Z',
  credentialSubject: { id: 'did:example:subject', claim: 'x' },
});

describe('known contexts (VC 2.0 §6.3: type-specific processing only accepts contexts it understands)', () => {
  it('knows VC 2.0 and every Open Badges 3.0 context by default', async () => {
    for (const context of KNOWN_CONTEXTS) {
      const signed = await signCredential(credential(context === VC_V2_CONTEXT ? [context] : [VC_V2_CONTEXT, context]), issuer, { created: CREATED });
      const result = await verifyCredential(signed, { now: NOW });
      expect(
        result.checks.find((c) => c.check === 'context'),
        context,
      ).toMatchObject({ status: 'pass' });
      expect(result.errors, context).toEqual([]);
      expect(result.verified).toBe(true);
    }
  });

  it('an unknown context: the context check is unknown (ERR_CONTEXT_UNKNOWN), never valid; the signature is still checked', async () => {
    const signed = await signCredential(credential([VC_V2_CONTEXT, EXAMPLES_CONTEXT]), issuer, { created: CREATED });
    const result = await verifyCredential(signed, { now: NOW });
    expect(result.verified).toBe(false);
    expect(result.checks.find((c) => c.check === 'context')).toMatchObject({
      status: 'unknown',
      code: 'ERR_CONTEXT_UNKNOWN',
      message: expect.stringContaining(EXAMPLES_CONTEXT),
    });
    expect(result.checks.find((c) => c.check === 'signature')).toMatchObject({ status: 'pass' });
    expect(result.summary).toMatch(/^Can’t check — /);
  });

  it('the caller extends the allow-list with knownContexts', async () => {
    const signed = await signCredential(credential([VC_V2_CONTEXT, EXAMPLES_CONTEXT]), issuer, { created: CREATED });
    const result = await verifyCredential(signed, { now: NOW, knownContexts: [EXAMPLES_CONTEXT] });
    expect(result.errors).toEqual([]);
    expect(result.verified).toBe(true);
  });

  it('an inline context object is never known (its terms could redefine anything)', async () => {
    const doc = credential([VC_V2_CONTEXT, { claim: 'https://evil.example/vocab#claim' }]);
    expect(unknownContexts(doc)).toEqual(['an inline context object']);
    const result = await verifyCredential(await signCredential(doc, issuer), { now: NOW, knownContexts: [EXAMPLES_CONTEXT] });
    expect(result.checks.find((c) => c.check === 'context')).toMatchObject({ status: 'unknown', code: 'ERR_CONTEXT_UNKNOWN' });
  });

  it('knownContexts that is not a list of strings is a caller mistake (TypeError)', async () => {
    const signed = await signCredential(credential([VC_V2_CONTEXT]), issuer);
    await expect(verifyCredential(signed, { knownContexts: 'https://x.example' as never })).rejects.toThrow(TypeError);
    await expect(verifyCredential(signed, { knownContexts: [42] as never })).rejects.toThrow(TypeError);
  });

  it('presentations check their own contexts and pass knownContexts to every entry', async () => {
    const holder = await generateKeyPair();
    const entry = await signCredential({ ...credential([VC_V2_CONTEXT, EXAMPLES_CONTEXT]), credentialSubject: { id: holder.did, claim: 'x' } }, issuer, {
      created: CREATED,
    });
    const vp = await signCredential(
      { '@context': [VC_V2_CONTEXT], type: ['VerifiablePresentation'], holder: holder.did, verifiableCredential: [entry] },
      holder,
      { proofPurpose: 'authentication', challenge: 'c', domain, created: CREATED },
    );
    const without = await verifyPresentation(vp, { challenge: 'c', domain, now: NOW });
    expect(without.verified).toBe(false);
    expect(without.entries[0]!.checks.find((c) => c.check === 'context')).toMatchObject({ status: 'unknown', code: 'ERR_CONTEXT_UNKNOWN' });
    const withIt = await verifyPresentation(vp, { challenge: 'c', domain, now: NOW, knownContexts: [EXAMPLES_CONTEXT] });
    expect(withIt.errors).toEqual([]);
    expect(withIt.verified).toBe(true);
  });
});

describe('presentations without holder, and holder binding as a policy', () => {
  async function vpOf(signer: SigningKeyPair, entries: unknown[], holder?: string) {
    return signCredential(
      {
        '@context': [VC_V2_CONTEXT],
        type: ['VerifiablePresentation'],
        ...(holder ? { holder } : {}),
        ...(entries.length > 0 ? { verifiableCredential: entries } : {}),
      },
      signer,
      { proofPurpose: 'authentication', challenge: 'c', domain },
    );
  }

  it('VC 2.0 §4.13 "The verifiable presentation MAY include a holder property": without it, the presenter is the signer', async () => {
    const holder = await generateKeyPair();
    const maths = await makeEntry(cg, { kind: 'qualification', name: 'Maths', holder: holder.did, fields: QUALIFICATION });
    const result = await verifyPresentation(await vpOf(holder, [maths]), { challenge: 'c', domain, now: NOW });
    expect(result.errors).toEqual([]);
    expect(result.verified).toBe(true);
    expect(result.holder).toBe(holder.did);
    expect(result.entries[0]!.holderBinding).toBe('pass');
  });

  it('without holder, entries about someone other than the signer still fail holder binding by default', async () => {
    const presenter = await generateKeyPair();
    const other = await generateKeyPair();
    const theirs = await makeEntry(cg, { kind: 'qualification', name: 'Maths', holder: other.did, fields: QUALIFICATION });
    const result = await verifyPresentation(await vpOf(presenter, [theirs]), { challenge: 'c', domain, now: NOW });
    expect(result.verified).toBe(false);
    expect(result.entries[0]!.checks.find((c) => c.check === 'holder-binding')).toMatchObject({ status: 'fail', code: 'ERR_HOLDER_BINDING' });
  });

  it('a named holder must still be the signer (a forged holder claim fails, whatever the binding policy)', async () => {
    const presenter = await generateKeyPair();
    const victim = await generateKeyPair();
    for (const requireHolderBinding of [true, false]) {
      const result = await verifyPresentation(await vpOf(presenter, [], victim.did), { challenge: 'c', domain, now: NOW, requireHolderBinding });
      expect(result.verified).toBe(false);
      expect(result.checks.find((c) => c.check === 'holder-binding')).toMatchObject({ status: 'fail', code: 'ERR_HOLDER_BINDING' });
    }
  });

  it('requireHolderBinding: false accepts a presentation of credentials about someone else (generic verifiers)', async () => {
    const presenter = await generateKeyPair();
    const child = await generateKeyPair();
    const theirs = await makeEntry(cg, { kind: 'qualification', name: 'Maths', holder: child.did, fields: QUALIFICATION });
    const vp = await vpOf(presenter, [theirs], presenter.did);
    const strict = await verifyPresentation(vp, { challenge: 'c', domain, now: NOW });
    expect(strict.verified).toBe(false);
    const relaxed = await verifyPresentation(vp, { challenge: 'c', domain, now: NOW, requireHolderBinding: false });
    expect(relaxed.errors).toEqual([]);
    expect(relaxed.verified).toBe(true);
    expect(relaxed.entries[0]!.holderBinding).toBe('not-required');
    expect(relaxed.entries[0]!.checks.some((c) => c.check === 'holder-binding')).toBe(false);
  });

  it('requireHolderBinding: false still rejects a tampered entry and a replayed presentation', async () => {
    const presenter = await generateKeyPair();
    const entry = await makeEntry(cg, { kind: 'qualification', name: 'Maths', holder: presenter.did, fields: QUALIFICATION });
    const tampered = { ...entry, name: 'Mathematics (Distinction)' };
    const vp = await vpOf(presenter, [tampered]);
    const result = await verifyPresentation(vp, { challenge: 'c', domain, now: NOW, requireHolderBinding: false });
    expect(result.verified).toBe(false);
    expect(result.entries[0]!.checks.find((c) => c.check === 'signature')).toMatchObject({ status: 'fail' });
    const replay = await verifyPresentation(await vpOf(presenter, [entry]), { challenge: 'other', domain, now: NOW, requireHolderBinding: false });
    expect(replay.verified).toBe(false);
  });

  it('the default stays on for passports and employer requests (createPresentation names the holder)', async () => {
    const holderKey = await generateKeyPair();
    const maths = await makeEntry(cg, { kind: 'qualification', name: 'Maths', holder: holderKey.did, fields: QUALIFICATION });
    const { presentation } = await createPresentation({ holderKey, entries: [maths], audience: 'employer', challenge: 'c', domain });
    expect(presentation.holder).toBe(holderKey.did);
    const result = await verifyPresentation(presentation, { challenge: 'c', domain, now: NOW });
    expect(result.verified).toBe(true);
    expect(result.entries[0]!.holderBinding).toBe('pass');
  });

  it('requireHolderBinding must be a boolean (caller mistake)', async () => {
    const presenter = await generateKeyPair();
    await expect(verifyPresentation(await vpOf(presenter, []), { challenge: 'c', domain, requireHolderBinding: 'no' as never })).rejects.toThrow(TypeError);
  });

  it('an unsigned entry document is still rejected inside a presentation without holder', async () => {
    const presenter = await generateKeyPair();
    const unsigned = entryDocument(cg, { kind: 'qualification', name: 'Maths', holder: presenter.did, fields: QUALIFICATION });
    const result = await verifyPresentation(await vpOf(presenter, [unsigned]), { challenge: 'c', domain, now: NOW, requireHolderBinding: false });
    expect(result.verified).toBe(false);
    expect(result.entries[0]!.checks.find((c) => c.check === 'signature')).toMatchObject({ code: 'ERR_PROOF_MISSING' });
  });
});
