// Presentations can carry the accreditations of the shared entries' issuers, so an employer
// needs nothing but the root key; a prison's accreditation never travels with them.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createIssuerProfile,
  createPresentation,
  createTrustPolicy,
  generateKeyPair,
  issueEntry,
  verifyPresentation,
  type SigningKeyPair,
} from '../../src/index.js';
import { accreditIssuer } from '../../src/trust.js';

let root: SigningKeyPair;
let authority: SigningKeyPair;
let body: SigningKeyPair;
let prison: SigningKeyPair;
let holder: SigningKeyPair;
let entries: object[];
let accreditations: object[];

beforeAll(async () => {
  [root, authority, body, prison, holder] = await Promise.all([generateKeyPair(), generateKeyPair(), generateKeyPair(), generateKeyPair(), generateKeyPair()]);
  accreditations = [
    await accreditIssuer(root, {
      did: authority.did,
      organisation: 'org:agency',
      role: 'authority',
      kinds: ['qualification', 'custody-transfer'],
      capabilities: ['accredit'],
      organisations: ['org:cg'],
    }),
    await accreditIssuer(authority, { did: body.did, organisation: 'org:cg', role: 'awarding-body', kinds: ['qualification'] }),
    await accreditIssuer(root, { did: prison.did, organisation: 'org:hmp-a', role: 'prison', kinds: ['custody-transfer'] }),
  ];
  entries = [
    await issueEntry(
      'qualification',
      { title: 'Functional Skills Maths', awardingBody: { name: 'City & Guilds' }, level: 'L1', awardedOn: '2026-03' },
      {
        issuer: createIssuerProfile({ key: body, name: 'City & Guilds', role: 'awarding-body' }),
        key: body,
        holder: holder.did,
      },
    ),
    await issueEntry(
      'custody-transfer',
      { fromEstablishment: 'HMP A', toEstablishment: 'HMP B', transferDate: '2026-04-02' },
      {
        issuer: createIssuerProfile({ key: prison, name: 'HMP A', displayName: 'Learning Centre A', role: 'prison' }),
        key: prison,
        holder: holder.did,
      },
    ),
  ];
});

describe('accreditations carried in a presentation', () => {
  it('carry the whole chain of the shared issuers, and nothing about the prison', async () => {
    const { presentation } = await createPresentation({
      holderKey: holder,
      entries,
      audience: 'employer',
      challenge: 'c1',
      domain: 'jobs.example',
      accreditations,
    });
    const carried = presentation.accreditations as { credentialSubject: { id: string } }[];
    expect(carried.map((a) => a.credentialSubject.id).sort()).toEqual([authority.did, body.did].sort());
    expect(JSON.stringify(presentation)).not.toContain(prison.did);
  });

  it('let the employer verify with only the root key', async () => {
    const policy = createTrustPolicy({ roots: [root.did] });
    const { presentation } = await createPresentation({
      holderKey: holder,
      entries,
      audience: 'employer',
      challenge: 'c2',
      domain: 'jobs.example',
      accreditations,
    });
    const result = await verifyPresentation(presentation, { challenge: 'c2', domain: 'jobs.example', policy });
    expect(result.verified).toBe(true);
    const bare = await createPresentation({ holderKey: holder, entries, audience: 'employer', challenge: 'c3', domain: 'jobs.example' });
    expect((await verifyPresentation(bare.presentation, { challenge: 'c3', domain: 'jobs.example', policy })).verified).toBe(false);
  });

  it('never make an issuer trusted through an accreditation no root stands behind', async () => {
    const stranger = await generateKeyPair();
    const forged = await accreditIssuer(stranger, { did: body.did, organisation: 'org:cg', role: 'awarding-body', kinds: ['qualification'] });
    const policy = createTrustPolicy({ roots: [root.did] });
    const { presentation } = await createPresentation({
      holderKey: holder,
      entries,
      audience: 'employer',
      challenge: 'c4',
      domain: 'jobs.example',
      accreditations: [forged],
    });
    const result = await verifyPresentation(presentation, { challenge: 'c4', domain: 'jobs.example', policy });
    expect(result.verified).toBe(false);
    expect(result.entries[0]!.checks.find((c) => c.check === 'issuer-trust')?.status).not.toBe('pass');
  });
});
