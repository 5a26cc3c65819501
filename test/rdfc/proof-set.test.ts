// Entries with a proof set: the eddsa-jcs-2022 proof stays, an eddsa-rdfc-2022 proof is added,
// and each verifies on its own. Every leaf of every kind's entry is covered by the rdfc proof.
import { beforeAll, describe, expect, it } from 'vitest';
import { entryId, generateKeyPair, issueEntry, verifyCredential, type EntryKind, type SigningKeyPair } from '../../src/index.js';
import { addRdfcProof, rdfcProofVerifiers } from '../../src/rdfc/index.js';
import { FIXTURE_ISSUER, fixtureFields, signer } from '../entries/fixtures.js';

type Doc = Record<string, any>;
const verifiers = rdfcProofVerifiers();
const signed: Partial<Record<EntryKind, { entry: Doc; key: SigningKeyPair }>> = {};

beforeAll(async () => {
  const fields = await fixtureFields();
  const holder = await generateKeyPair();
  for (const kind of Object.keys(fields) as EntryKind[]) {
    const s = await signer(FIXTURE_ISSUER[kind].name, FIXTURE_ISSUER[kind].role);
    const entry = await issueEntry(kind, fields[kind] as never, {
      issuer: s.issuer,
      key: s.key,
      holder: kind === 'self-asserted' ? s.key.did : holder.did,
    });
    signed[kind] = { entry: await addRdfcProof(entry, s.key, { created: '2026-03-03T10:00:00Z' }), key: s.key };
  }
});

/** Only the rdfc proof of the set (so the jcs proof cannot carry the verdict). */
const rdfcOnly = (entry: Doc): Doc => ({ ...entry, proof: entry.proof[1] });
const jcsOnly = (entry: Doc): Doc => ({ ...entry, proof: entry.proof[0] });

/** Every path to a leaf (string, number, boolean, null, empty container) outside `proof`. */
function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.length ? value.flatMap((v, i) => leaves(v, [...path, i])) : [path];
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).filter((k) => !(path.length === 0 && k === 'proof'));
    return keys.length ? keys.flatMap((k) => leaves((value as Doc)[k], [...path, k])) : [path];
  }
  return [path];
}

function changed(leaf: unknown): unknown {
  if (typeof leaf === 'string') {
    // Keep URLs and dates well-formed so the change is a different value, not a JSON-LD error.
    if (/^\d{4}-\d\d-\d\dT/.test(leaf)) return leaf.replace(/^\d{4}/, (y) => String(Number(y) + 1));
    if (/^[a-z][a-z0-9+.-]*:/i.test(leaf)) return `${leaf}x`;
    return `${leaf} `;
  }
  if (typeof leaf === 'number') return leaf + 1;
  if (typeof leaf === 'boolean') return !leaf;
  if (leaf === null) return 'null';
  return Array.isArray(leaf) ? ['x'] : { x: 1 };
}

function setAt(doc: Doc, path: (string | number)[], value: unknown): Doc {
  const copy = structuredClone(doc);
  let at: any = copy;
  for (const k of path.slice(0, -1)) at = at[k];
  at[path[path.length - 1]!] = value;
  return copy;
}

describe('proof sets: eddsa-jcs-2022 + eddsa-rdfc-2022', () => {
  it('the jcs proof stays first and unchanged; the rdfc proof is added', async () => {
    const { entry } = signed.qualification!;
    expect(entry.proof).toHaveLength(2);
    expect(entry.proof[0]).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-jcs-2022' });
    expect(entry.proof[1]).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', created: '2026-03-03T10:00:00Z' });
  });

  it.each(Object.keys(FIXTURE_ISSUER) as EntryKind[])('%s: the set verifies with and without the rdfc verifiers; each proof on its own', async (kind) => {
    const { entry } = signed[kind]!;
    const withRdfc = await verifyCredential(entry, { proofVerifiers: verifiers });
    expect(withRdfc.errors).toEqual([]);
    const mainOnly = await verifyCredential(entry);
    expect(mainOnly.errors).toEqual([]);
    expect(mainOnly.checks.find((c) => c.check === 'signature')?.message).toMatch(/eddsa-rdfc-2022: needs learning-passport\/rdfc/);
    expect(withRdfc.checks.find((c) => c.check === 'signature')?.message).toMatch(/eddsa-rdfc-2022: also valid/);
    // The rdfc proof on its own: valid by the issuer's key (what rdfc-only verifiers check), but an
    // entry is identified by its jcs proof, so the rdfc-only copy is "can't check" here.
    const { proof: rdfcProof, ...unsecured } = rdfcOnly(entry);
    expect(await verifiers[0]!.verify(unsecured, rdfcProof)).toMatchObject({ valid: true, controller: entry.issuer.id });
    expect((await verifyCredential(rdfcOnly(entry), { proofVerifiers: verifiers })).errors.map((e) => e.code)).toEqual(['ERR_PROOF_MISSING']);
    expect((await verifyCredential(jcsOnly(entry))).errors).toEqual([]);
    // The rdfc proof alone, without the subpath: "can't check", neither valid nor invalid.
    const alone = await verifyCredential(rdfcOnly(entry));
    expect(alone.verified).toBe(false);
    expect(alone.checks.some((c) => c.status === 'fail')).toBe(false);
    expect(alone.errors.map((e) => e.code)).toEqual(['ERR_CRYPTOSUITE_UNSUPPORTED']);
  });

  it.each(Object.keys(FIXTURE_ISSUER) as EntryKind[])('%s: changing any single property makes the rdfc proof fail', async (kind) => {
    const entry = rdfcOnly(signed[kind]!.entry);
    const paths = leaves(entry);
    expect(paths.length).toBeGreaterThan(15);
    const rdfc = verifiers.find((v) => v.name === 'eddsa-rdfc-2022')!;
    const { proof, ...unsecured } = entry;
    expect(await rdfc.verify(unsecured, proof)).toMatchObject({ valid: true });
    for (const path of paths) {
      const at = path.reduce<any>((v, k) => v[k], unsecured);
      // Straight to the proof verifier: verifyCredential would stop some changes at the shape check.
      const verdict = await rdfc.verify(setAt(unsecured, path, changed(at)), proof);
      expect(verdict.valid, `${kind}: ${path.join('.')}`).toBe(false);
    }
  });

  it('a tampered entry fails even though its jcs proof would be checked first', async () => {
    const { entry } = signed.qualification!;
    const tampered = setAt(entry, ['credentialSubject', 'learningPassport', 'grade'], 'Distinction*');
    const result = await verifyCredential(tampered, { proofVerifiers: verifiers });
    expect(result.checks.find((c) => c.check === 'signature')).toMatchObject({ status: 'fail', code: 'ERR_PROOF_SIGNATURE_INVALID' });
  });

  it('a forged rdfc proof beside the issuer’s jcs proof decides nothing: reported, never the verdict or the identity', async () => {
    // Anyone can append or swap a proof; the jcs proof covers every byte of the content, so a
    // broken extra proof says nothing about the entry and must not let a third party make a
    // genuine entry fail (SECURITY.md, "One identity per signed entry").
    const { entry } = signed.award!;
    const forged = structuredClone(entry);
    forged.proof[1].proofValue = signed.qualification!.entry.proof[1].proofValue;
    const result = await verifyCredential(forged, { proofVerifiers: verifiers });
    expect(result.errors).toEqual([]);
    expect(result.checks.find((c) => c.check === 'signature')?.message).toMatch(/eddsa-rdfc-2022: does not verify/);
    expect(entryId(forged)).toBe(entryId(entry));
    // The rdfc proof on its own is still judged on its own.
    const alone = await verifyCredential(rdfcOnly(forged), { proofVerifiers: verifiers });
    expect(alone.checks.find((c) => c.check === 'signature')).toMatchObject({ status: 'fail', code: 'ERR_PROOF_SIGNATURE_INVALID' });
  });

  it('an rdfc proof signed by another key is reported as not the issuer’s', async () => {
    const { entry } = signed.award!;
    const other = await generateKeyPair();
    const { proof: _p, ...unsigned } = entry;
    const result = await verifyCredential(await addRdfcProof(unsigned, other), { proofVerifiers: verifiers });
    expect(result.checks.find((c) => c.check === 'issuer-key')).toMatchObject({ status: 'fail', code: 'ERR_ISSUER_KEY_MISMATCH' });
  });

  it('refuses to sign a property no context defines, naming it (safe mode)', async () => {
    const { entry, key } = signed.award!;
    const { proof: _p, ...unsigned } = entry;
    await expect(addRdfcProof({ ...unsigned, favouriteColour: 'green' }, key)).rejects.toMatchObject({
      code: 'ERR_JSONLD_INVALID',
      message: expect.stringContaining('favouriteColour'),
    });
    // An entry issued before entries carried the learning-passport context (v0.1.0).
    const old = { ...unsigned, '@context': unsigned['@context'].slice(0, 2) };
    await expect(addRdfcProof(old, key)).rejects.toMatchObject({ code: 'ERR_JSONLD_INVALID', message: expect.stringContaining('learningPassport') });
  });

  it('an unknown context is "can\'t check" offline, never a network fetch', async () => {
    const { entry } = signed.award!;
    const withContext = rdfcOnly({ ...entry, '@context': [...entry['@context'], 'https://example.org/unknown-context/v1'] });
    const result = await verifyCredential(withContext, { proofVerifiers: verifiers });
    expect(result.checks.find((c) => c.check === 'signature')).toMatchObject({ status: 'unknown', code: 'ERR_JSONLD_CONTEXT_UNAVAILABLE' });
  });

  it('more than 8 proofs are refused before any is checked', async () => {
    const { entry } = signed.award!;
    const many = { ...entry, proof: Array.from({ length: 9 }, (_, i) => ({ ...entry.proof[1], proofValue: `z${i}` })) };
    expect((await verifyCredential(many, { proofVerifiers: verifiers })).errors.map((e) => e.code)).toContain('ERR_LIMIT_EXCEEDED');
  });
});
