import { readFileSync } from 'node:fs';
import Ajv2019 from 'ajv/dist/2019';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkEntrySchema,
  describeEntry,
  ENTRY_KINDS,
  entryKindOf,
  isPassportError,
  issueEntry,
  verifyCredential,
  type EntryKind,
  type SignedEntry,
} from '../../src/index.js';
import { KIND_ACHIEVEMENT_TYPE, KIND_SENSITIVITY } from '../../src/kinds.js';
import { CID_A, CID_B, EXPECTED_DESCRIPTION, FIXTURE_ISSUER, fixtureFields, OB_SCHEMA, signer, type Signer } from './fixtures.js';

const NOW = new Date('2026-10-01T12:00:00Z');
const ob = new Ajv2019({ strict: false, allErrors: true });
addFormats(ob);
const validateOb = ob.compile(OB_SCHEMA);
// strictTuples is off: zod writes open tuples (prefixItems + items), which ajv's strict mode only warns about.
const own = new Ajv2020({ strict: true, strictTuples: false, allErrors: true });
addFormats(own);
const compiled = new Map<string, ReturnType<typeof own.compile>>();
const ownValidator = (name: string) => {
  if (!compiled.has(name)) compiled.set(name, own.compile(JSON.parse(readFileSync(new URL(`../../schemas/${name}.schema.json`, import.meta.url), 'utf8'))));
  return compiled.get(name)!;
};

/** The OB 3.0 JSON schema wants `proof` as an array; our entries emit it as an object (both are valid VC 2.0). */
const withProofArray = (entry: SignedEntry) => ({ ...structuredClone(entry), proof: [structuredClone(entry.proof)] });

let fields: Awaited<ReturnType<typeof fixtureFields>>;
const signers = {} as Record<EntryKind, Signer>;
const entries = {} as Record<EntryKind, SignedEntry>;

beforeAll(async () => {
  fields = await fixtureFields();
  for (const kind of ENTRY_KINDS) {
    const { name, role, displayName } = FIXTURE_ISSUER[kind];
    signers[kind] = await signer(name, role, displayName);
    entries[kind] = await issueEntry(kind, fields[kind] as never, {
      ...signers[kind],
      validFrom: '2026-03-03T10:00:00Z',
      created: '2026-03-03T10:00:00Z', // before the fixed NOW: a proof from the future fails
      holder: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
      ...(kind === 'licence-card' ? { validUntil: '2031-03-03T00:00:00Z' } : {}),
    });
  }
});

describe.each(ENTRY_KINDS.map((k) => [k]))('%s entry', (kind) => {
  it('is a valid Open Badges 3.0 AchievementCredential (official schema, proof wrapped in an array)', () => {
    const ok = validateOb(withProofArray(entries[kind]));
    expect(validateOb.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('fails the official OB schema only on the proof shape when proof is an object', () => {
    expect(validateOb(entries[kind])).toBe(false);
    expect(validateOb.errors?.map((e) => e.instancePath)).toEqual(['/proof']);
  });

  it('matches its own generated JSON Schema files', () => {
    for (const name of [kind, 'entry']) {
      const validate = ownValidator(name);
      expect(validate(entries[kind]), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('verifies, with its kind detected', async () => {
    const result = await verifyCredential(entries[kind], { now: NOW });
    expect(result.errors).toEqual([]);
    expect(result.verified).toBe(true);
    expect(result.kind).toBe(kind);
    expect(entryKindOf(entries[kind])).toBe(kind);
    expect(checkEntrySchema(entries[kind] as never)).toEqual({ kind, issues: [] });
  });

  it('verifies with proof as an object (what we emit) and as a one-element array (what the OB JSON schema wants)', async () => {
    expect((await verifyCredential(withProofArray(entries[kind]), { now: NOW })).verified).toBe(true);
    expect(checkEntrySchema(withProofArray(entries[kind]) as never).issues).toEqual([]);
  });

  it('has the kind’s OB achievementType and carries the fields unchanged', () => {
    const subject = entries[kind].credentialSubject;
    expect(subject.achievement.achievementType).toBe(KIND_ACHIEVEMENT_TYPE[kind]);
    expect(subject.learningPassport).toEqual({ kind, ...fields[kind] });
    expect(entries[kind].name).toBe(subject.achievement.name);
    expect(subject.achievement.criteria.narrative.length).toBeGreaterThan(10);
  });

  it('is described in one plain line', () => {
    expect(describeEntry(entries[kind])).toBe(EXPECTED_DESCRIPTION[kind]);
  });

  it('never contains the issuer’s role, and names the issuer by its display name', () => {
    const { issuer } = signers[kind];
    const text = JSON.stringify(entries[kind]);
    expect(text).not.toContain('"role"');
    expect(text).not.toContain(issuer.role);
    expect(entries[kind].issuer).toEqual({ id: issuer.id, type: ['Profile'], name: issuer.displayName ?? issuer.name });
    if (issuer.displayName) expect(text).not.toContain(issuer.name);
  });

  it('rejects an unknown field (strict schema) with its path', async () => {
    const bad = { ...fields[kind], colour: 'green' };
    const err = await issueEntry(kind, bad as never, signers[kind]).catch((e: unknown) => e);
    expect(isPassportError(err, 'ERR_SCHEMA_INVALID')).toBe(true);
    expect((err as { details: { issues: unknown[] } }).details.issues).toContainEqual({ path: ['colour'], message: expect.any(String) });
  });

  it('fails verification when an unknown field is added to learningPassport after signing', async () => {
    const tampered = structuredClone(entries[kind]) as unknown as { credentialSubject: { learningPassport: Record<string, unknown> } };
    tampered.credentialSubject.learningPassport.extra = 'x';
    expect(checkEntrySchema(tampered as never).issues).toContainEqual({
      path: ['credentialSubject', 'learningPassport', 'extra'],
      message: expect.any(String),
    });
    expect(ownValidator(kind)(tampered)).toBe(false);
    expect(ownValidator('entry')(tampered)).toBe(false);
    const result = await verifyCredential(tampered, { now: NOW });
    expect(result.verified).toBe(false);
    expect(result.checks.find((c) => c.check === 'schema')?.status).toBe('fail');
  });
});

describe('issueEntry options', () => {
  it('has a default sensitivity class for every kind', () => {
    expect(Object.keys(KIND_SENSITIVITY).sort()).toEqual([...ENTRY_KINDS].sort());
    expect(KIND_SENSITIVITY['custody-transfer']).toBe('C');
    expect(KIND_SENSITIVITY.checkpoint).toBe('C');
    expect(KIND_SENSITIVITY.revocation).toBe('N');
    expect(KIND_SENSITIVITY.qualification).toBe('N');
    expect(KIND_SENSITIVITY['learning-in-progress']).toBe('E');
  });

  it('defaults id to a random urn:uuid (v4) and validFrom to now', async () => {
    const s = signers.award;
    const before = Date.now() - 2000;
    const a = await issueEntry('award', fields.award, s);
    const b = await issueEntry('award', fields.award, s);
    expect(a.id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.id).not.toBe(b.id);
    expect(Date.parse(a.validFrom)).toBeGreaterThanOrEqual(before);
    expect(a.credentialSubject).not.toHaveProperty('id');
  });

  it('binds a holder by hashed identity (OB IdentityObject) and passes the OB schema', async () => {
    const e = await issueEntry('award', fields.award, {
      ...signers.award,
      holder: { identityHash: 'sha256$7d3c1b2a9e0f4d5c6b7a8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b', salt: 'n4cl', hashed: true },
    });
    expect(e.credentialSubject.identifier).toEqual([
      { type: 'IdentityObject', hashed: true, identityHash: expect.stringMatching(/^sha256\$/), identityType: 'name', salt: 'n4cl' },
    ]);
    expect(validateOb(withProofArray(e))).toBe(true);
    expect((await verifyCredential(e)).verified).toBe(true);
  });

  it('refuses a plain (unhashed) holder identity', async () => {
    await expect(issueEntry('award', fields.award, { ...signers.award, holder: { identityHash: 'Sam Smith', hashed: false } as never })).rejects.toThrow(
      TypeError,
    );
  });

  it('records supersedes in learningPassport, and a credentialStatus', async () => {
    const status = {
      id: 'https://status.example.org/lists/1#94567',
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '94567',
      statusListCredential: 'https://status.example.org/lists/1',
    };
    const e = await issueEntry('qualification', fields.qualification, { ...signers.qualification, supersedes: CID_B, credentialStatus: status });
    expect(e.credentialSubject.learningPassport.supersedes).toBe(CID_B);
    expect(e.credentialStatus).toEqual(status);
    expect(describeEntry(e)).toBe(`${EXPECTED_DESCRIPTION.qualification} (replaces an earlier entry)`);
    expect(validateOb(withProofArray(e))).toBe(true);
    expect(checkEntrySchema(e as never).issues).toEqual([]);
  });

  it('rejects a credentialStatus without an id as a schema problem', async () => {
    const err = await issueEntry('award', fields.award, { ...signers.award, credentialStatus: { type: 'BitstringStatusListEntry' } as never }).catch(
      (e: unknown) => e,
    );
    expect(isPassportError(err, 'ERR_SCHEMA_INVALID')).toBe(true);
  });

  it('uses the given id, dates and proof time', async () => {
    const e = await issueEntry('licence-card', fields['licence-card'], {
      ...signers['licence-card'],
      id: 'urn:uuid:1b4e28ba-2fa1-4d2e-883f-0016d3cca427',
      validFrom: new Date('2026-03-03T00:00:00Z'),
      validUntil: '2031-03-03T00:00:00Z',
      created: '2026-03-03T09:00:00Z',
    });
    expect(e.id).toBe('urn:uuid:1b4e28ba-2fa1-4d2e-883f-0016d3cca427');
    expect(e.validFrom).toBe('2026-03-03T00:00:00Z');
    expect(e.validUntil).toBe('2031-03-03T00:00:00Z');
    expect(e.proof.created).toBe('2026-03-03T09:00:00Z');
  });

  it('drops undefined optional fields instead of failing', async () => {
    const e = await issueEntry('award', { ...fields.award, description: undefined }, signers.award);
    expect(e.credentialSubject.learningPassport).not.toHaveProperty('description');
  });

  it('reports ERR_ENTRY_KIND_UNKNOWN for an unknown kind', async () => {
    const err = await issueEntry('diploma' as never, {} as never, signers.award).catch((e: unknown) => e);
    expect(isPassportError(err, 'ERR_ENTRY_KIND_UNKNOWN')).toBe(true);
  });

  it('reports missing and malformed fields with their paths', async () => {
    const err = await issueEntry('qualification', { ...fields.qualification, level: 'Level 1', awardingBody: {} } as never, signers.qualification).catch(
      (e: unknown) => e,
    );
    expect(isPassportError(err, 'ERR_SCHEMA_INVALID')).toBe(true);
    const issues = (err as { details: { issues: { path: unknown[] }[] } }).details.issues;
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining([['level'], ['awardingBody', 'name']]));
  });

  it('rejects dates without the right precision format', async () => {
    for (const awardedOn of ['03/2026', '2026-13', '2026-03-32', '2026-3', '']) {
      await expect(issueEntry('qualification', { ...fields.qualification, awardedOn }, signers.qualification)).rejects.toMatchObject({
        code: 'ERR_SCHEMA_INVALID',
      });
    }
  });

  it('throws TypeError for caller mistakes', async () => {
    const other = await signer('Other', 'charity');
    await expect(issueEntry('award', fields.award, { issuer: other.issuer, key: signers.award.key })).rejects.toThrow(TypeError);
    await expect(issueEntry('award', fields.award, { issuer: signers.award.issuer } as never)).rejects.toThrow(TypeError);
    await expect(issueEntry('award', fields.award, undefined as never)).rejects.toThrow(TypeError);
    await expect(issueEntry('award', fields.award, { ...signers.award, validFrom: 'yesterday' })).rejects.toThrow(TypeError);
    await expect(
      issueEntry('award', fields.award, { ...signers.award, validUntil: '2020-01-01T00:00:00Z', validFrom: '2026-01-01T00:00:00Z' }),
    ).rejects.toThrow(TypeError);
    await expect(issueEntry('award', fields.award, { ...signers.award, supersedes: 'not-a-cid' })).rejects.toThrow(TypeError);
    await expect(issueEntry('award', fields.award, { ...signers.award, holder: 'Sam Smith' })).rejects.toThrow(TypeError);
    await expect(issueEntry(42 as unknown as 'award', fields.award, signers.award)).rejects.toThrow(TypeError);
  });
});

describe('lifecycle kinds', () => {
  it('checkpoint fields are sorted, deduplicated, counted and digested', () => {
    const cp = fields.checkpoint;
    expect(cp.cids).toEqual([...cp.cids].sort());
    expect(cp.entryCount).toBe(3);
    expect(cp.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('checkpoint: a wrong digest, unsorted cids or a wrong count are rejected', async () => {
    const s = signers.checkpoint;
    const cp = fields.checkpoint;
    await expect(issueEntry('checkpoint', { ...cp, digest: '0'.repeat(64) }, s)).rejects.toMatchObject({ code: 'ERR_SCHEMA_INVALID' });
    await expect(issueEntry('checkpoint', { ...cp, cids: [...cp.cids].reverse() }, s)).rejects.toMatchObject({ code: 'ERR_SCHEMA_INVALID' });
    await expect(issueEntry('checkpoint', { ...cp, cids: [cp.cids[0]!, ...cp.cids], entryCount: 4 }, s)).rejects.toMatchObject({ code: 'ERR_SCHEMA_INVALID' });
    await expect(issueEntry('checkpoint', { ...cp, entryCount: 2 }, s)).rejects.toMatchObject({ code: 'ERR_SCHEMA_INVALID' });
  });

  it('revocation reasons are a closed list', async () => {
    await expect(issueEntry('revocation', { target: CID_A, reason: 'changed-mind' } as never, signers.revocation)).rejects.toMatchObject({
      code: 'ERR_SCHEMA_INVALID',
    });
  });

  it('references to entries must look like CIDs', async () => {
    await expect(issueEntry('revocation', { target: 'urn:uuid:123', reason: 'withdrawn' }, signers.revocation)).rejects.toMatchObject({
      code: 'ERR_SCHEMA_INVALID',
    });
    await expect(
      issueEntry('custody-transfer', { ...fields['custody-transfer'], entryIds: ['QmNotBase32'] }, signers['custody-transfer']),
    ).rejects.toMatchObject({
      code: 'ERR_SCHEMA_INVALID',
    });
  });

  it('employability-skill: a rating above its maximum is rejected', async () => {
    const f = fields['employability-skill'];
    await expect(issueEntry('employability-skill', { ...f, rating: { ...f.rating, value: 6 } }, signers['employability-skill'])).rejects.toMatchObject({
      code: 'ERR_SCHEMA_INVALID',
      details: { issues: [{ path: ['rating', 'value'] }] },
    });
  });
});
