// Open Badges 3.0 JSON Schema (the "json" flavour, which requires `proof` to be an array): with
// `proofAsArray: true`, every kind of entry validates as issued, with no wrapping by the caller.
// ajv runs in strict mode (only strictTuples is relaxed: the official schema's two-item
// `@context` tuple has no maxItems, which strict mode treats as an authoring error of the schema).
import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENTRY_KINDS, entryId, generateKeyPair, issueEntry, signCredential, VC_V2_CONTEXT, verifyCredential, type EntryKind } from '../../src/index.js';
import { FIXTURE_ISSUER, fixtureFields, OB_BASIC_EXAMPLE, OB_SCHEMA, signer } from '../entries/fixtures.js';

const NOW = new Date('2026-10-01T12:00:00Z');
const ajv = new Ajv2019({ strict: true, strictTuples: false, allErrors: true });
addFormats(ajv);
const validateOb = ajv.compile(OB_SCHEMA);

let fields: Awaited<ReturnType<typeof fixtureFields>>;
const asArray = {} as Record<EntryKind, Record<string, any>>;
const asObject = {} as Record<EntryKind, Record<string, any>>;

beforeAll(async () => {
  fields = await fixtureFields();
  for (const kind of ENTRY_KINDS) {
    const { name, role, displayName } = FIXTURE_ISSUER[kind];
    const s = await signer(name, role, displayName);
    const options = {
      ...s,
      id: `urn:uuid:00000000-0000-4000-8000-${String(ENTRY_KINDS.indexOf(kind)).padStart(12, '0')}`,
      validFrom: '2026-03-03T10:00:00Z',
      created: '2026-03-03T10:00:00Z',
      holder: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
      ...(kind === 'licence-card' ? { validUntil: '2031-03-03T00:00:00Z' } : {}),
    };
    asArray[kind] = await issueEntry(kind, fields[kind] as never, { ...options, proofAsArray: true });
    asObject[kind] = await issueEntry(kind, fields[kind] as never, options);
  }
});

describe.each(ENTRY_KINDS.map((k) => [k]))('%s entry issued with proofAsArray', (kind) => {
  it('validates against the official OB 3.0 AchievementCredential JSON Schema as issued (ajv, strict)', () => {
    const ok = validateOb(asArray[kind]);
    expect(validateOb.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('holds exactly one proof, the same proof an object-proof issue makes (Ed25519 is deterministic)', () => {
    expect(Array.isArray(asArray[kind].proof)).toBe(true);
    expect(asArray[kind].proof).toEqual([asObject[kind].proof]);
  });

  it('verifies like the object form', async () => {
    const result = await verifyCredential(asArray[kind], { now: NOW });
    expect(result.errors).toEqual([]);
    expect(result.verified).toBe(true);
    expect(result.kind).toBe(kind);
  });

  it('has an entry id (identity does not depend on the proof shape being different)', () => {
    // Whether the two shapes share one CID is the passport's rule; here only that it is computable.
    expect(entryId(asArray[kind] as never)).toMatch(/^b/);
  });
});

describe('proofAsArray on signCredential', () => {
  it('without it the OB schema rejects the entry on /proof only (why the option exists)', () => {
    expect(validateOb(asObject.qualification)).toBe(false);
    expect(validateOb.errors?.map((e) => e.instancePath)).toEqual(['/proof']);
  });

  it('signs the official OB basic example so that it validates against the OB schema', async () => {
    const key = await generateKeyPair();
    const doc = { ...structuredClone(OB_BASIC_EXAMPLE), issuer: { ...(OB_BASIC_EXAMPLE.issuer as object), id: key.did } };
    const signed = await signCredential(doc, key, { proofAsArray: true });
    expect(validateOb(signed), JSON.stringify(validateOb.errors)).toBe(true);
    expect((await verifyCredential(signed)).verified).toBe(true);
  });

  it('issueEntry rejects a proofAsArray that is not a boolean', async () => {
    const s = await signer('Novus', 'education-provider');
    await expect(issueEntry('qualification', fields.qualification as never, { ...s, proofAsArray: 'yes' as never })).rejects.toThrow(TypeError);
  });

  it('presentations can carry the array form too', async () => {
    const key = await generateKeyPair();
    const vp = await signCredential({ '@context': [VC_V2_CONTEXT], type: ['VerifiablePresentation'], holder: key.did }, key, {
      proofAsArray: true,
      proofPurpose: 'authentication',
      challenge: 'c',
      domain: 'd.example',
    });
    expect(vp.proof).toHaveLength(1);
  });
});
