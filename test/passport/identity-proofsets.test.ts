// One identity per signed entry, for proof sets (issue 10 item 1; review r13 F2, r10 F1 and F7):
// nobody without the issuer's key can give an entry a second identity by adding, swapping or
// reordering proofs, and the issuer's own eddsa-rdfc-2022 upgrade is the same entry. A copy that
// does not verify, or that another key signed, never puts a genuine entry in conflict.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTrustPolicy, generateKeyPair, signCredential, verifyCredential } from '../../src/index.js';
import { addEntries, createPassport, currentView, entryId, mergePassports, serializePassport, verifyPassport } from '../../src/passport/index.js';
import { addRdfcProof, rdfcProofVerifiers } from '../../src/rdfc/index.js';
import { HOLDER, externalBadge, qualification, rawPassport, revocation, signer, type Signer } from './fixtures.js';

type Doc = Record<string, any>;
const verifiers = rdfcProofVerifiers();
const clone = <T>(v: T): T => structuredClone(v);
const proofsOf = (doc: Doc): Doc[] => (Array.isArray(doc.proof) ? doc.proof : [doc.proof]);

let college: Signer;
let evil: Signer;
let entry: Doc;
let both: Doc;
let badge: Doc;
/** Proofs a third party can append without the issuer's key. */
let junk: Record<string, Doc>;

beforeAll(async () => {
  college = await signer('City & Guilds', 'awarding-body');
  evil = await signer('Mallory', 'awarding-body');
  entry = await qualification(college, 'Maths', { id: 'urn:uuid:7d1f0c2a-8b4d-4f6e-9a1b-2c3d4e5f6a7b' });
  both = await addRdfcProof(entry, college.key, { created: '2026-03-03T10:00:00Z' });
  badge = (await externalBadge(college, 'Forklift')) as Doc;
  const { proof: _p, ...unsigned } = entry;
  const evilJcs = ((await signCredential(unsigned, evil.key, { created: '2026-03-03T10:00:00Z' })) as Doc).proof;
  const evilRdfc = proofsOf(await addRdfcProof(unsigned, evil.key, { created: '2026-03-03T10:00:00Z' }))[0]!;
  const rdfc = proofsOf(both)[1]!;
  junk = {
    unknownSuite: {
      type: 'DataIntegrityProof',
      cryptosuite: 'ecdsa-rdfc-2019',
      verificationMethod: college.key.verificationMethod,
      proofPurpose: 'assertionMethod',
      proofValue: 'zjunk',
    },
    unknownType: { type: 'FooSig', proofValue: 'zabc' },
    bogusRdfc: { ...rdfc, proofValue: `z${'1'.repeat(80)}` },
    bogusEd2020: {
      type: 'Ed25519Signature2020',
      created: '2026-03-03T10:00:00Z',
      verificationMethod: college.key.verificationMethod,
      proofPurpose: 'assertionMethod',
      proofValue: `z${'2'.repeat(80)}`,
    },
    evilJcs,
    evilRdfc,
    chainLink: { ...evilJcs, id: 'urn:uuid:1', previousProof: 'urn:uuid:0', proofValue: `z${'3'.repeat(80)}` },
    issuerJcsForged: { ...entry.proof, created: '2026-03-04T10:00:00Z', proofValue: `z${'4'.repeat(80)}` },
  };
});

/** Changes a third party can make without any key. */
type Change = { t: 'wrap' } | { t: 'append'; name: string } | { t: 'reverse' } | { t: 'context'; value: string } | { t: 'swap-extra'; name: string };

function apply(doc: Doc, change: Change): Doc {
  const out = clone(doc);
  const proofs = proofsOf(out);
  switch (change.t) {
    case 'wrap':
      out.proof = proofs;
      return out;
    case 'append':
      out.proof = [...proofs, clone(junk[change.name]!)];
      return out;
    case 'reverse':
      out.proof = [...proofs].reverse();
      return out;
    case 'context':
      out['@context'] = [...out['@context'], change.value];
      return out;
    case 'swap-extra':
      // Replace every proof but the first with a junk one (keeps the set's size).
      out.proof = [proofs[0], ...proofs.slice(1).map(() => clone(junk[change.name]!))];
      return out;
  }
}

const junkName = fc.constantFrom('unknownSuite', 'unknownType', 'bogusRdfc', 'bogusEd2020', 'evilJcs', 'evilRdfc', 'chainLink', 'issuerJcsForged');
const change: fc.Arbitrary<Change> = fc.oneof(
  fc.constant({ t: 'wrap' as const }),
  junkName.map((name) => ({ t: 'append' as const, name })),
  fc.constant({ t: 'reverse' as const }),
  fc.constantFrom('https://www.w3.org/ns/credentials/v2', 'https://evil.example/ctx').map((value) => ({ t: 'context' as const, value })),
  junkName.map((name) => ({ t: 'swap-extra' as const, name })),
);

describe('proof sets keep one identity', () => {
  it('the issuer’s own rdfc upgrade is the same entry (same CID, one passport entry)', async () => {
    expect(entryId(both)).toBe(entryId(entry));
    const { passport, conflicts } = await addEntries(createPassport({ holder: HOLDER }), [entry, both], { proofVerifiers: verifiers });
    expect(passport.entries).toHaveLength(1);
    expect(conflicts).toEqual([]);
  });

  it('every keyless change that still verifies keeps the CID, with and without the rdfc verifiers (fast-check)', async () => {
    let verifying = 0;
    const withdrawOf = new Map<Doc, Doc>();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('entry', 'both'), fc.array(change, { minLength: 1, maxLength: 3 }), async (which, changes) => {
        const original = which === 'entry' ? entry : both;
        const changed = changes.reduce(apply, original);
        const known = { knownContexts: ['https://evil.example/ctx'] };
        const main = await verifyCredential(changed, known);
        const withRdfc = await verifyCredential(changed, { ...known, proofVerifiers: verifiers });
        if (!main.verified && !withRdfc.verified) return;
        verifying++;
        expect(entryId(changed)).toBe(entryId(original));
        for (const order of [
          [original, changed],
          [changed, original],
        ]) {
          const { passport, conflicts } = await addEntries(createPassport({ holder: HOLDER }), order, { proofVerifiers: verifiers });
          expect(passport.entries).toHaveLength(1);
          expect(conflicts).toEqual([]);
          // Whoever added proofs never wins the stored copy.
          expect(proofsOf(passport.entries[0] as Doc).length).toBeLessThanOrEqual(proofsOf(original).length);
        }
        // A revocation of the original withdraws the changed copy too, in a passport and in a verifier.
        if (!withdrawOf.has(original)) withdrawOf.set(original, await revocation(college, entryId(original)));
        const { passport } = await addEntries(createPassport({ holder: HOLDER }), [changed, withdrawOf.get(original)!], { proofVerifiers: verifiers });
        const report = await verifyPassport(passport, { proofVerifiers: verifiers, ...known });
        expect(report.entries.filter((e) => e.state === 'active').map((e) => e.kind)).toEqual(['revocation']);
      }),
      { numRuns: 60 },
    );
    expect(verifying).toBeGreaterThan(10);
  });

  it('a copy of a learning-passport entry holding only the issuer’s rdfc proof is never valid here (it could dodge a revocation)', async () => {
    // Its CID cannot be the entry's (the CID of a released entry covers its eddsa-jcs-2022 proof),
    // so it is "can't check" in this library; rdfc-only verifiers elsewhere still read it.
    const rdfcOnly = { ...both, proof: proofsOf(both)[1] };
    expect(entryId(rdfcOnly)).not.toBe(entryId(entry));
    const result = await verifyCredential(rdfcOnly, { proofVerifiers: verifiers });
    expect(result.verified).toBe(false);
    expect(result.checks.find((c) => c.check === 'signature')).toMatchObject({ status: 'unknown', code: 'ERR_PROOF_MISSING' });
    const withdraw = await revocation(college, entryId(entry));
    const { passport, rejected } = await addEntries(createPassport({ holder: HOLDER }), [rdfcOnly, withdraw], { proofVerifiers: verifiers });
    expect(rejected.map((r) => r.code)).toEqual(['ERR_PROOF_MISSING']);
    expect(currentView(passport).active).toEqual([entryId(withdraw)]);
  });

  it('a junk or foreign proof appended to an entry never changes its CID (each kind, named)', async () => {
    for (const [name, proof] of Object.entries(junk)) {
      if (name === 'issuerJcsForged') continue; // a deciding proof: see the next test
      for (const original of [entry, both, badge]) {
        const changed = { ...original, proof: [...proofsOf(original), proof] };
        expect(entryId(changed), name).toBe(entryId(original));
        const result = await verifyCredential(changed, { proofVerifiers: verifiers });
        // Never a forgery verdict against the genuine content.
        expect(result.verified, name).toBe(true);
      }
    }
  });

  it('a forged proof claiming the issuer’s key in the deciding format fails the copy instead', async () => {
    const copy = { ...entry, proof: [entry.proof, junk.issuerJcsForged] };
    const result = await verifyCredential(copy);
    expect(result.verified).toBe(false);
    expect(result.checks.find((c) => c.check === 'signature')).toMatchObject({ status: 'fail' });
    // A well-formed but wrong signature in the same place fails the same way.
    const wrong = { ...entry, proof: [entry.proof, { ...junk.issuerJcsForged, proofValue: both.proof[1].proofValue }] };
    expect((await verifyCredential(wrong)).checks.find((c) => c.check === 'signature')).toMatchObject({ status: 'fail', code: 'ERR_PROOF_SIGNATURE_INVALID' });
  });
});

describe('re-encoded proof sets cannot dodge a revocation or force a conflict (r13 F2, r10 F1)', () => {
  it('a revocation of the entry also withdraws its rdfc upgrade and every junk-proof copy', async () => {
    const withdraw = await revocation(college, entryId(entry));
    for (const copy of [both, { ...entry, proof: [entry.proof, junk.unknownSuite] }, { ...both, proof: [...proofsOf(both)].reverse() }]) {
      const { passport } = await addEntries(createPassport({ holder: HOLDER }), [copy, withdraw], { proofVerifiers: verifiers });
      expect(passport.entries).toHaveLength(2);
      expect(currentView(passport).byCid.get(entryId(entry))!.state).toBe('revoked');
      const report = await verifyPassport(passport, { proofVerifiers: verifiers });
      expect(report.entries.filter((e) => e.state === 'active').map((e) => e.kind)).toEqual(['revocation']);
    }
  });

  it('a passport that holds the genuine entry and a junk-proof copy holds one entry, not a conflict (library and merge)', async () => {
    const junkCopy = { ...entry, proof: [entry.proof, junk.unknownSuite] };
    const { passport } = await addEntries(createPassport({ holder: HOLDER }), [entry]);
    const merged = await mergePassports(passport, rawPassport([junkCopy]));
    expect(merged.conflicts).toEqual([]);
    expect(merged.passport.entries).toEqual([entry]);
    const report = await verifyPassport(merged.passport);
    expect(report.verified).toBe(true);
    expect(report.counts.conflicts).toBe(0);
  });

  it('merge stays commutative when copies of one entry differ in extra proofs, and keeps the copy with the fewest', async () => {
    const copies = [entry, both, { ...entry, proof: [entry.proof, junk.bogusRdfc] }, { ...both, proof: [...proofsOf(both), junk.unknownType] }];
    for (const a of copies) {
      for (const b of copies) {
        const pa = rawPassport([a]);
        const pb = rawPassport([b]);
        const ab = await mergePassports(pa, pb);
        const ba = await mergePassports(pb, pa);
        expect(serializePassport(ab.passport)).toBe(serializePassport(ba.passport));
        expect(ab.passport.entries).toHaveLength(1);
        const kept = proofsOf(ab.passport.entries[0] as Doc).length;
        expect(kept).toBe(Math.min(proofsOf(a).length, proofsOf(b).length));
      }
    }
  });

  it('a copy signed by another key claiming the issuer’s name never puts the genuine entry in conflict (acceptUnresolvedIssuers)', async () => {
    // An issuer named by URL cannot be resolved offline; with acceptUnresolvedIssuers both copies
    // are kept, but only copies the same signer made can conflict.
    const { proof: _p, ...unsigned } = badge;
    const named = { ...unsigned, issuer: { id: 'https://college.example', type: ['Profile'], name: 'College' } };
    const genuine = await signCredential(named, college.key, { created: '2025-11-01T00:00:00Z' });
    const forger = await signCredential({ ...named, name: 'Forklift (forged)' }, evil.key, { created: '2025-11-01T00:00:00Z' });
    const { passport, conflicts } = await addEntries(createPassport({ holder: HOLDER }), [genuine, forger], { acceptUnresolvedIssuers: true });
    expect(passport.entries).toHaveLength(2);
    expect(conflicts).toEqual([]);
    expect(currentView(passport).conflicts).toEqual([]);
  });

  it('the issuer’s own two versions of one credential id still conflict', async () => {
    const a = await qualification(college, 'Maths', { id: 'urn:uuid:7d1f0c2a-8b4d-4f6e-9a1b-000000000001' });
    const b = await qualification(college, 'Maths (corrected)', { id: 'urn:uuid:7d1f0c2a-8b4d-4f6e-9a1b-000000000001' });
    const { conflicts } = await addEntries(createPassport({ holder: HOLDER }), [a, b]);
    expect(conflicts).toHaveLength(1);
  });
});

describe('conflicts come only from copies that verify, trust included (r10 F7)', () => {
  it('two versions the policy does not accept are not reported in conflict by verifyPassport; accepted ones are', async () => {
    const a = await qualification(college, 'Maths', { id: 'urn:uuid:7d1f0c2a-8b4d-4f6e-9a1b-000000000002' });
    const b = await qualification(college, 'Maths (copy)', { id: 'urn:uuid:7d1f0c2a-8b4d-4f6e-9a1b-000000000002' });
    const { passport } = await addEntries(createPassport({ holder: HOLDER }), [a, b]);
    expect(currentView(passport).conflicts).toHaveLength(1);
    const stranger = (await generateKeyPair()).did;
    const untrusted = await verifyPassport(passport, { policy: createTrustPolicy({ roots: [stranger] }) });
    expect(untrusted.counts.conflicts).toBe(0);
    expect(untrusted.verified).toBe(false);
    expect((await verifyPassport(passport)).counts.conflicts).toBe(2);
  });
});

describe('a generated key is not needed by anyone appending proofs', () => {
  it('an attacker with a fresh key cannot make two identities of one entry', async () => {
    const mallory = await generateKeyPair();
    const { proof: _p, ...unsigned } = entry;
    const theirs = ((await signCredential(unsigned, mallory, { created: '2026-03-03T10:00:00Z' })) as Doc).proof;
    const copy = { ...entry, proof: [theirs, entry.proof] };
    expect((await verifyCredential(copy)).verified).toBe(true);
    expect(entryId(copy)).toBe(entryId(entry));
  });
});
