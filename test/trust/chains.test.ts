import { beforeAll, describe, expect, it } from 'vitest';
import type { SigningKeyPair } from '../../src/keys/types.js';
import { accreditIssuer, createTrustContext, createTrustPolicy, DEFAULT_RULES, evaluateTrust, isTrustPolicy, type TrustPolicy } from '../../src/trust/index.js';
import { judgeTrust } from '../../src/trust/judge-trust.js';
import { keys, makeEntry, NOW } from './helpers.js';

let k: Record<'root' | 'authority' | 'subAuthority' | 'awarding' | 'charity' | 'prison' | 'stranger' | 'holder', SigningKeyPair>;
let policy: TrustPolicy;
const FROM = '2026-01-01T00:00:00Z';
const UNTIL = '2027-01-01T00:00:00Z';
const SIGNED = '2026-03-03T10:00:00Z';

beforeAll(async () => {
  k = await keys('root', 'authority', 'subAuthority', 'awarding', 'charity', 'prison', 'stranger', 'holder');
  policy = createTrustPolicy({ roots: [{ did: k.root.did, name: 'National Learning Authority' }], now: NOW });
});

const accredit = (
  by: SigningKeyPair,
  who: SigningKeyPair,
  extra: Partial<Parameters<typeof accreditIssuer>[1]> & Pick<Parameters<typeof accreditIssuer>[1], 'role' | 'kinds'>,
) => accreditIssuer(by, { did: who.did, organisation: `org:${who.did.slice(-6)}`, validFrom: FROM, validUntil: UNTIL, created: FROM, ...extra });

describe('createTrustPolicy', () => {
  it('returns a frozen, branded policy with the default rules', () => {
    expect(isTrustPolicy(policy)).toBe(true);
    expect(Object.isFrozen(policy)).toBe(true);
    expect(Object.isFrozen(policy.roots)).toBe(true);
    expect(policy.rules.charity).toBe(DEFAULT_RULES.charity);
    expect(isTrustPolicy({ ...policy })).toBe(false);
    expect(policy.maxChainDepth).toBe(3);
  });

  it('accepts key pairs as roots without keeping their secrets', () => {
    const p = createTrustPolicy({ roots: [k.root] });
    expect(p.roots[0]).toEqual({ did: k.root.did, role: 'authority', organisation: k.root.did });
    expect(JSON.stringify(p)).not.toContain(k.root.secretKeyMultibase);
  });

  it('refuses nonsense with TypeError', () => {
    expect(() => createTrustPolicy({ roots: [] })).toThrow(TypeError);
    expect(() => createTrustPolicy({ roots: ['did:web:example.org'] })).toThrow(TypeError);
    expect(() => createTrustPolicy({ roots: [k.root.did], rules: { wizard: ['qualification'] } as never })).toThrow(TypeError);
    expect(() => createTrustPolicy({ roots: [k.root.did], rules: { charity: ['spells'] } as never })).toThrow(TypeError);
    expect(() => createTrustPolicy({ roots: [k.root.did], maxChainDepth: 0 })).toThrow(TypeError);
    expect(() => createTrustPolicy({ roots: [k.root.did], clockTolerance: -1 })).toThrow(TypeError);
    expect(() => createTrustPolicy({ roots: [k.root.did], now: new Date('nope') })).toThrow(TypeError);
    expect(() => createTrustPolicy(null as never)).toThrow(TypeError);
  });

  it('lets a verifier replace one role’s rules', async () => {
    const p = createTrustPolicy({ roots: [k.root.did], rules: { charity: ['mentoring', 'qualification'] }, now: NOW });
    expect(p.rules.charity).toEqual(['mentoring', 'qualification']);
    expect(p.rules.prison).toBe(DEFAULT_RULES.prison);
    const acc = await accredit(k.root, k.charity, { role: 'charity', kinds: ['qualification'] });
    const entry = await makeEntry(k.charity, 'qualification', SIGNED);
    expect((await evaluateTrust(entry, { policy: p, accreditations: [acc] })).trusted).toBe(true);
  });
});

describe('accreditIssuer', () => {
  it('signs a VC 2.0 accreditation with a neutral display profile', async () => {
    const acc = await accredit(k.root, k.awarding, {
      role: 'awarding-body',
      kinds: ['unit-credit', 'qualification'],
      displayName: 'City & Guilds',
      organisation: 'org:cg',
    });
    expect(acc.type).toEqual(['VerifiableCredential', 'LearningPassportAccreditation']);
    expect(acc.issuer).toBe(k.root.did);
    expect(acc.credentialSubject).toMatchObject({
      id: k.awarding.did,
      organisation: 'org:cg',
      role: 'awarding-body',
      kinds: ['qualification', 'unit-credit'],
      displayProfile: { name: 'City & Guilds' },
    });
    expect(acc.proof.cryptosuite).toBe('eddsa-jcs-2022');
  });

  it('refuses nonsense with TypeError', async () => {
    await expect(accreditIssuer(k.root, { did: k.awarding.did, organisation: 'o', role: 'wizard' as never, kinds: ['qualification'] })).rejects.toThrow(
      TypeError,
    );
    await expect(accreditIssuer(k.root, { did: k.awarding.did, organisation: 'o', role: 'charity', kinds: ['spells' as never] })).rejects.toThrow(TypeError);
    await expect(accreditIssuer(k.root, { did: k.awarding.did, organisation: '', role: 'charity', kinds: ['mentoring'] })).rejects.toThrow(TypeError);
    await expect(accreditIssuer(k.root, { did: 'did:web:x', organisation: 'o', role: 'charity', kinds: ['mentoring'] })).rejects.toThrow(TypeError);
    await expect(
      accreditIssuer(k.root, { did: k.awarding.did, organisation: 'o', role: 'charity', kinds: ['mentoring'], validFrom: UNTIL, validUntil: FROM }),
    ).rejects.toThrow(TypeError);
    await expect(
      accreditIssuer({ did: k.root.did } as never, { did: k.awarding.did, organisation: 'o', role: 'charity', kinds: ['mentoring'] }),
    ).rejects.toThrow(TypeError);
  });
});

describe('evaluateTrust: chains', () => {
  it('trusts an issuer accredited directly by a root, naming the root and the chain', async () => {
    const acc = await accredit(k.root, k.awarding, { role: 'awarding-body', kinds: ['qualification'], displayName: 'City & Guilds', organisation: 'org:cg' });
    const entry = await makeEntry(k.awarding, 'qualification', SIGNED);
    const r = await evaluateTrust(entry, { policy, accreditations: [acc] });
    expect(r.trusted).toBe(true);
    expect(r.verified).toBe(true);
    expect(r.root).toBe(k.root.did);
    expect(r.rootName).toBe('National Learning Authority');
    expect(r.chain).toEqual([
      { did: k.awarding.did, organisation: 'org:cg', role: 'awarding-body', displayName: 'City & Guilds', accreditationId: acc.id, accreditedBy: k.root.did },
    ]);
    // The same result shape as every verifier's, from the one result builder.
    expect(r.verdict).toBe('valid');
    expect(r.headline).toBe('✓ Valid: issued by City & Guilds');
    expect(r.errors).toEqual([]);
    expect(r.summary).toBe(
      'Valid — City & Guilds is accredited as an awarding body by National Learning Authority; qualifications are within its accreditation.',
    );
    expect(r.checks.map((c) => [c.check, c.status])).toEqual([
      ['issuer-trust', 'pass'],
      ['status', 'pass'],
    ]);
  });

  it('follows a chain through an accredited authority, and names every link', async () => {
    const a1 = await accredit(k.root, k.authority, {
      role: 'authority',
      kinds: ['qualification', 'unit-credit', 'mentoring'],
      capabilities: ['accredit'],
      organisations: ['*'],
      accreditRoles: ['awarding-body', 'charity'],
      displayName: 'Regional Skills Board',
    });
    const a2 = await accredit(k.authority, k.awarding, { role: 'awarding-body', kinds: ['qualification'], displayName: 'Open Awards' });
    const entry = await makeEntry(k.awarding, 'qualification', SIGNED);
    const r = await evaluateTrust(entry, { policy, accreditations: [a2, a1] });
    expect(r.trusted).toBe(true);
    expect(r.chain.map((l) => [l.did, l.accreditedBy])).toEqual([
      [k.awarding.did, k.authority.did],
      [k.authority.did, k.root.did],
    ]);
    expect(r.summary).toContain(
      'Open Awards is accredited as an awarding body by Regional Skills Board (an authority), accredited by National Learning Authority',
    );
    // The authority itself may not issue qualifications: its role's rules do not allow them.
    const own = await makeEntry(k.authority, 'qualification', SIGNED);
    const r2 = await evaluateTrust(own, { policy, accreditations: [a1] });
    expect(r2.checks[0]).toMatchObject({ status: 'fail', code: 'ERR_KIND_NOT_ALLOWED' });
  });

  it('refuses a link that widens the scope (kinds, capabilities or roles)', async () => {
    const a1 = await accredit(k.root, k.authority, {
      role: 'authority',
      kinds: ['qualification'],
      capabilities: ['accredit'],
      organisations: ['*'],
      accreditRoles: ['awarding-body'],
    });
    const entryFor = (key: SigningKeyPair, kind: string) => makeEntry(key, kind, SIGNED);
    // Grants a kind the authority does not hold.
    const wide = await accredit(k.authority, k.awarding, { role: 'awarding-body', kinds: ['qualification', 'unit-credit'] });
    const r1 = await evaluateTrust(await entryFor(k.awarding, 'qualification'), { policy, accreditations: [a1, wide] });
    expect(r1.trusted).toBe(false);
    expect(r1.checks[0]).toMatchObject({ status: 'fail', code: 'ERR_ACCREDITATION_INVALID' });
    expect(r1.checks[0]!.message).toContain('a chain may only narrow');
    // Accredits a role it may not.
    const wrongRole = await accredit(k.authority, k.charity, { role: 'charity', kinds: ['qualification'] });
    const r2 = await evaluateTrust(await entryFor(k.charity, 'qualification'), { policy, accreditations: [a1, wrongRole] });
    expect(r2.checks[0]).toMatchObject({ status: 'fail', code: 'ERR_ACCREDITATION_INVALID' });
    // Passes on a capability it does not hold.
    const wideCap = await accredit(k.authority, k.awarding, { role: 'awarding-body', kinds: ['qualification'], capabilities: ['revoke-others'] });
    const r3 = await evaluateTrust(await entryFor(k.awarding, 'qualification'), { policy, accreditations: [a1, wideCap] });
    expect(r3.trusted).toBe(false);
    // An accreditor without the accredit capability cannot accredit at all.
    const plain = await accredit(k.root, k.prison, { role: 'prison', kinds: ['qualification', 'work-experience'] });
    const byPrison = await accredit(k.prison, k.charity, { role: 'charity', kinds: ['work-experience'] });
    const r4 = await evaluateTrust(await entryFor(k.charity, 'work-experience'), { policy, accreditations: [plain, byPrison] });
    expect(r4.checks[0]).toMatchObject({ status: 'fail', code: 'ERR_ACCREDITATION_INVALID' });
    expect(r4.checks[0]!.message).toContain('not allowed to accredit');
  });

  it('enforces the maximum chain depth', async () => {
    const a1 = await accredit(k.root, k.authority, { role: 'authority', kinds: ['qualification'], capabilities: ['accredit'], organisations: ['*'] });
    const a2 = await accredit(k.authority, k.subAuthority, { role: 'authority', kinds: ['qualification'], capabilities: ['accredit'], organisations: ['*'] });
    const a3 = await accredit(k.subAuthority, k.awarding, { role: 'awarding-body', kinds: ['qualification'] });
    const entry = await makeEntry(k.awarding, 'qualification', SIGNED);
    const accreditations = [a1, a2, a3];
    expect((await evaluateTrust(entry, { policy, accreditations })).trusted).toBe(true);
    const shallow = createTrustPolicy({ roots: [k.root.did], maxChainDepth: 2, now: NOW });
    const r = await evaluateTrust(entry, { policy: shallow, accreditations });
    expect(r.trusted).toBe(false);
    expect(r.checks[0]!.message).toContain('longer than this policy allows (2 links)');
  });

  it('never trusts an accreditation signed by a key that is not a root (forgery)', async () => {
    const forged = await accredit(k.stranger, k.awarding, { role: 'awarding-body', kinds: ['qualification'], displayName: 'Totally Real Awards' });
    const entry = await makeEntry(k.awarding, 'qualification', SIGNED);
    const r = await evaluateTrust(entry, { policy, accreditations: [forged] });
    expect(r.trusted).toBe(false);
    expect(r.verified).toBe(false);
    expect(r.checks[0]).toMatchObject({ check: 'issuer-trust', status: 'fail', code: 'ERR_ISSUER_UNTRUSTED' });
    expect(r.verdict).toBe('not-valid');
    expect(r.headline).toMatch(/^✗ Not valid \(issuer not accredited\): issued by /);
    expect(r.summary).toMatch(/^Not valid — .* Do not rely on it\.$/);
    expect(r.errors.map((e) => e.code)).toEqual(['ERR_ISSUER_UNTRUSTED']);
  });

  it('rejects a tampered accreditation before use and lists why', async () => {
    const acc = await accredit(k.root, k.charity, { role: 'charity', kinds: ['mentoring'] });
    const tampered = structuredClone(acc);
    tampered.credentialSubject.kinds = ['mentoring', 'qualification'];
    tampered.credentialSubject.role = 'awarding-body';
    const context = await createTrustContext({ policy, accreditations: [tampered, { not: 'an accreditation' }, 42] });
    expect(context.accepted).toBe(0);
    expect(context.rejected.map((r) => r.code)).toEqual(['ERR_PROOF_SIGNATURE_INVALID', 'ERR_ACCREDITATION_INVALID', 'ERR_ACCREDITATION_INVALID']);
    const entry = await makeEntry(k.charity, 'qualification', SIGNED);
    expect((await evaluateTrust(entry, { context })).trusted).toBe(false);
  });

  it('refuses a charity issuing a qualification (ERR_KIND_NOT_ALLOWED), even if its accreditation lists it', async () => {
    const acc = await accredit(k.root, k.charity, { role: 'charity', kinds: ['mentoring', 'qualification'], displayName: 'Second Chance Trust' });
    const entry = await makeEntry(k.charity, 'qualification', SIGNED);
    const r = await evaluateTrust(entry, { policy, accreditations: [acc] });
    expect(r.checks[0]).toMatchObject({ status: 'fail', code: 'ERR_KIND_NOT_ALLOWED' });
    expect(r.checks[0]!.message).toBe('Second Chance Trust is accredited as a charity, and under this policy charities may not issue qualifications.');
    const mentoring = await makeEntry(k.charity, 'mentoring', SIGNED);
    expect((await evaluateTrust(mentoring, { policy, accreditations: [acc] })).trusted).toBe(true);
  });

  it('refuses kinds the accreditation does not cover, even when the role could issue them', async () => {
    const acc = await accredit(k.root, k.awarding, { role: 'awarding-body', kinds: ['unit-credit'], displayName: 'Small Awards' });
    const entry = await makeEntry(k.awarding, 'qualification', SIGNED);
    const r = await evaluateTrust(entry, { policy, accreditations: [acc] });
    expect(r.checks[0]).toMatchObject({ code: 'ERR_KIND_NOT_ALLOWED', message: 'The accreditation of Small Awards does not cover qualifications.' });
  });

  it('never trusts a validly signed entry from an unaccredited issuer', async () => {
    const entry = await makeEntry(k.stranger, 'qualification', SIGNED);
    const r = await evaluateTrust(entry, { policy });
    // Roots alone, no accreditation naming it: something missing, so "unknown", never a pass.
    expect(r.checks[0]).toMatchObject({ status: 'unknown', code: 'ERR_ISSUER_UNTRUSTED', message: 'Nothing you have loaded shows who accredits this issuer.' });
    expect(r.trusted).toBe(false);
    expect(r.verified).toBe(false);
  });

  it('judges accreditation windows at signing time (expired and not-yet-valid accreditations)', async () => {
    const acc = await accredit(k.root, k.awarding, {
      role: 'awarding-body',
      kinds: ['qualification'],
      validFrom: '2025-01-01T00:00:00Z',
      validUntil: '2025-12-31T00:00:00Z',
    });
    const inside = await makeEntry(k.awarding, 'qualification', '2025-06-01T00:00:00Z');
    const after = await makeEntry(k.awarding, 'qualification', '2026-02-01T00:00:00Z');
    const before = await makeEntry(k.awarding, 'qualification', '2024-06-01T00:00:00Z');
    // The window has closed, so the entry's claimed date is the issuer's word alone.
    expect((await evaluateTrust(inside, { policy, accreditations: [acc] })).checks[0]).toMatchObject({ status: 'unknown', code: 'ERR_SIGNING_TIME_UNVOUCHED' });
    const believing = createTrustPolicy({ roots: [k.root.did], now: NOW, trustClaimedTimes: true });
    expect((await evaluateTrust(inside, { policy: believing, accreditations: [acc] })).trusted).toBe(true);
    const r = await evaluateTrust(after, { policy, accreditations: [acc] });
    expect(r.checks[0]).toMatchObject({ status: 'fail', code: 'ERR_ACCREDITATION_INVALID' });
    expect(r.checks[0]!.message).toContain('ended on 31 December 2025');
    expect((await evaluateTrust(before, { policy, accreditations: [acc] })).checks[0]!.message).toContain('only starts on 1 January 2025');
  });

  it('refuses an entry whose signature does not hold, whatever its issuer’s accreditation', async () => {
    const acc = await accredit(k.root, k.awarding, { role: 'awarding-body', kinds: ['qualification'] });
    const entry = await makeEntry(k.awarding, 'qualification', SIGNED);
    (entry.credentialSubject as { achievement: { name: string } }).achievement.name = 'Doctorate';
    const r = await evaluateTrust(entry, { policy, accreditations: [acc] });
    expect(r.checks[0]).toMatchObject({ status: 'fail', code: 'ERR_PROOF_SIGNATURE_INVALID' });
    expect(r.checks[1]).toMatchObject({ check: 'status', status: 'unknown' });
    // Signed by the stranger but claiming the accredited issuer.
    const impostor = await makeEntry(k.stranger, 'qualification', SIGNED);
    (impostor as unknown as { issuer: { id: string } }).issuer.id = k.awarding.did;
    expect((await evaluateTrust(impostor, { policy, accreditations: [acc] })).trusted).toBe(false);
  });

  it('internally, with the signature already checked (a JOSE verifier), judges by validFrom without a proof', async () => {
    const acc = await accredit(k.root, k.awarding, { role: 'awarding-body', kinds: ['qualification'] });
    const { proof: _proof, ...bare } = await makeEntry(k.awarding, 'qualification', SIGNED);
    expect((await judgeTrust(bare, { policy, accreditations: [acc], signatureVerified: true })).trusted).toBe(true);
    expect((await judgeTrust(bare, { policy, accreditations: [acc] })).checks[0]).toMatchObject({ status: 'fail', code: 'ERR_PROOF_MISSING' });
    const late = { ...bare, validFrom: '2027-02-01T00:00:00Z' };
    expect(
      (
        await judgeTrust(late, {
          policy: createTrustPolicy({ roots: [k.root.did], now: new Date('2027-03-01T00:00:00Z') }),
          accreditations: [acc],
          signatureVerified: true,
        })
      ).trusted,
    ).toBe(false);
  });

  it('the public evaluateTrust always checks the signature: no option lets a caller skip it or hand in checks', async () => {
    const acc = await accredit(k.root, k.awarding, { role: 'awarding-body', kinds: ['qualification'] });
    const { proof: _proof, ...bare } = await makeEntry(k.awarding, 'qualification', SIGNED);
    const smuggled = { policy, accreditations: [acc], signatureVerified: true, kind: 'self-asserted', checks: { checks: [] } } as never;
    const r = await evaluateTrust(bare, smuggled);
    expect(r.trusted).toBe(false);
    expect(r.kind).toBe('qualification');
    expect(r.checks[0]).toMatchObject({ status: 'fail', code: 'ERR_PROOF_MISSING' });
  });

  it('refuses entries claiming a signing date in the future', async () => {
    const acc = await accredit(k.root, k.awarding, { role: 'awarding-body', kinds: ['qualification'] });
    const entry = await makeEntry(k.awarding, 'qualification', '2026-09-01T00:00:00Z');
    const r = await evaluateTrust(entry, { policy, accreditations: [acc] });
    expect(r.checks[0]!.message).toContain('in the future');
  });

  it('accepts self-asserted entries only from the holder, and says so', async () => {
    const own = await makeEntry(k.holder, 'self-asserted', SIGNED, { holder: k.holder.did });
    const r = await evaluateTrust(own, { policy });
    expect(r).toMatchObject({ trusted: true, selfAsserted: true });
    expect(r.verdict).toBe('valid');
    expect(r.summary).toBe('Valid — the holder’s own statement; no organisation vouches for it.');
    const other = await makeEntry(k.stranger, 'self-asserted', SIGNED, { holder: k.holder.did });
    expect((await evaluateTrust(other, { policy })).checks[0]).toMatchObject({ code: 'ERR_KIND_NOT_ALLOWED' });
  });

  it('lets a root issue directly only what its role allows', async () => {
    const cp = await makeEntry(k.root, 'checkpoint', SIGNED);
    const r = await evaluateTrust(cp, { policy });
    expect(r).toMatchObject({ trusted: true, root: k.root.did, chain: [] });
    const q = await makeEntry(k.root, 'qualification', SIGNED);
    expect((await evaluateTrust(q, { policy })).checks[0]).toMatchObject({ code: 'ERR_KIND_NOT_ALLOWED' });
    const abRoot = createTrustPolicy({ roots: [{ did: k.awarding.did, role: 'awarding-body', name: 'City & Guilds' }], now: NOW });
    expect((await evaluateTrust(await makeEntry(k.awarding, 'qualification', SIGNED), { policy: abRoot })).trusted).toBe(true);
  });

  it('never throws on junk input, and throws TypeError on caller mistakes', async () => {
    for (const junk of [null, 42, 'text', [], { issuer: 5 }, { issuer: 'did:web:x' }]) {
      const r = await evaluateTrust(junk, { policy });
      expect(r.trusted).toBe(false);
      expect(r.checks.some((c) => c.status === 'pass')).toBe(false);
    }
    await expect(evaluateTrust({}, {} as never)).rejects.toThrow(TypeError);
    await expect(evaluateTrust({}, { policy: { ...policy } as never })).rejects.toThrow(TypeError);
    await expect(evaluateTrust({}, { policy, now: 'today' as never })).rejects.toThrow(TypeError);
    await expect(createTrustContext({ policy, accreditations: 'x' as never })).rejects.toThrow(TypeError);
  });
});

describe('hostile accreditation graphs', () => {
  it('stays bounded when many keys accredit each other (no root involved)', async () => {
    const ring = await Promise.all(Array.from({ length: 40 }, () => import('../../src/keys/key-pair.js').then((m) => m.generateKeyPair())));
    const accreditations = [];
    for (const by of ring) {
      for (const who of ring) {
        if (by === who) continue;
        accreditations.push(
          await accreditIssuer(by, {
            did: who.did,
            organisation: `org:${who.did.slice(-5)}`,
            role: 'authority',
            kinds: ['checkpoint'],
            capabilities: ['accredit'],
            organisations: ['*'],
            validFrom: FROM,
            created: FROM,
          }),
        );
      }
    }
    const policy = createTrustPolicy({ roots: [k.root.did], maxChainDepth: 10, now: NOW });
    const context = await createTrustContext({ policy, accreditations });
    expect(context.accepted).toBe(40 * 39);
    const r = await evaluateTrust(await makeEntry(ring[0]!, 'checkpoint', SIGNED), { context });
    expect(r.trusted).toBe(false);
    expect(r.checks[0]!.status).toBe('fail');
  });
});
