// The words a person reads for each verdict state, fixed here so they cannot drift: the verdict,
// the headline and the summary of verifyCredential (a QR scan), of a passport entry (revoked,
// superseded) and of a presentation. Every state of the three-verdict rule is covered:
// valid, valid but issuer unchecked, tampered, revoked (status list and revocation entry),
// suspended, superseded, expired, untrusted issuer (wrong kind, not on the trust list),
// missing status list, missing trust material.
import { beforeAll, describe, expect, it } from 'vitest';
import { addEntries, createPassport, entryId, verifyPassport } from '../../src/passport/index.js';
import { issueEntry } from '../../src/entries/index.js';
import { createIssuerProfile } from '../../src/keys/profile.js';
import type { SigningKeyPair } from '../../src/keys/types.js';
import {
  accreditIssuer,
  createStatusList,
  createTrustContext,
  createTrustList,
  createTrustPolicy,
  issueStatusListCredential,
  setStatus,
  statusEntry,
  verifyTrustList,
  type AccreditationCredential,
  type TrustPolicy,
} from '../../src/trust/index.js';
import { verifyCredential } from '../../src/verify/verify-credential.js';
import type { Verdict } from '../../src/result.js';
import { keys, NOW } from '../trust/helpers.js';

const LIST = 'https://status.example.org/lists/3';
const SIGNED = '2026-03-03T10:00:00Z';
const FIELDS = { title: 'Functional Skills Mathematics', awardingBody: { name: 'City & Guilds' }, level: 'L1', awardedOn: '2026-03' } as const;
const LINE = 'Functional Skills Mathematics, Level 1 — qualification from City & Guilds, awarded March 2026';

let k: Record<'root' | 'body' | 'charity', SigningKeyPair>;
let policy: TrustPolicy;
let accreditations: AccreditationCredential[];

const body = () => createIssuerProfile({ key: k.body, name: 'City & Guilds', role: 'awarding-body' });
const maths = (extra: Record<string, unknown> = {}) =>
  issueEntry('qualification', FIELDS, { issuer: body(), key: k.body, validFrom: SIGNED, created: SIGNED, ...extra });
async function statusList(purpose: 'revocation' | 'suspension', set: number[]) {
  const list = createStatusList();
  for (const i of set) setStatus(list, i, true);
  return issueStatusListCredential(k.body, { id: LIST, purpose, list, validFrom: '2026-05-30T00:00:00Z', created: '2026-05-30T00:00:00Z' });
}

beforeAll(async () => {
  k = await keys('root', 'body', 'charity');
  policy = createTrustPolicy({ roots: [{ did: k.root.did, name: 'National Learning Authority' }], now: NOW });
  accreditations = [
    await accreditIssuer(k.root, {
      did: k.body.did,
      organisation: 'org:cg',
      role: 'awarding-body',
      kinds: ['qualification'],
      displayName: 'City & Guilds',
      validFrom: '2026-01-01T00:00:00Z',
    }),
    await accreditIssuer(k.root, {
      did: k.charity.did,
      organisation: 'org:sc',
      role: 'charity',
      kinds: ['mentoring'],
      displayName: 'Second Chance Trust',
      validFrom: '2026-01-01T00:00:00Z',
    }),
  ];
});

function said(r: { verdict: Verdict; headline: string; summary: string }) {
  return { verdict: r.verdict, headline: r.headline, summary: r.summary };
}

describe('verifyCredential: one wording per verdict state', () => {
  it('valid', async () => {
    const r = await verifyCredential(await maths(), { now: NOW, policy, accreditations });
    expect(r.verified).toBe(true);
    expect(said(r)).toEqual({
      verdict: 'valid',
      headline: `✓ Valid: ${LINE}`,
      summary: 'Valid — issued by City & Guilds, accredited by National Learning Authority; the signature, dates and status check out.',
    });
  });

  it('valid, but the issuer unchecked (no trust policy): verified, yet "can’t check"', async () => {
    const r = await verifyCredential(await maths(), { now: NOW });
    expect(r.verified).toBe(true);
    expect(said(r)).toEqual({
      verdict: 'cant-check',
      headline: `? Can’t check (issuer not checked): ${LINE}`,
      summary: 'Can’t check — The signature is intact; who issued it was not checked. Load the authority’s trust list.',
    });
  });

  it('tampered', async () => {
    const t = structuredClone(await maths()) as { credentialSubject: { learningPassport: { level: string } } };
    t.credentialSubject.learningPassport.level = 'L3';
    expect(said(await verifyCredential(t, { now: NOW, policy, accreditations }))).toEqual({
      verdict: 'not-valid',
      headline: `✗ Not valid (altered or forged): ${LINE.replace('Level 1', 'Level 3')}`,
      summary: 'Not valid — The signature does not match the content: it was changed or signed by another key. Ask the issuer for a new copy.',
    });
  });

  it('expired', async () => {
    expect(said(await verifyCredential(await maths({ validUntil: '2026-05-01T00:00:00Z' }), { now: NOW, policy, accreditations }))).toEqual({
      verdict: 'not-valid',
      headline: `✗ Not valid (expired): ${LINE}`,
      summary: 'Not valid — It expired on 1 May 2026. Ask the issuer for a current one.',
    });
  });

  it('revoked (status list), and the status list missing', async () => {
    const entry = await maths({ credentialStatus: statusEntry({ listUrl: LIST, index: 7, purpose: 'revocation' }) });
    expect(said(await verifyCredential(entry, { now: NOW, policy, accreditations, statusLists: [await statusList('revocation', [7])] }))).toEqual({
      verdict: 'not-valid',
      headline: `✗ Not valid (withdrawn): ${LINE}`,
      summary: 'Not valid — The issuer has revoked it (status last updated 2 days ago). Do not rely on it.',
    });
    expect(said(await verifyCredential(entry, { now: NOW, policy, accreditations }))).toEqual({
      verdict: 'cant-check',
      headline: `? Can’t check (status unknown): ${LINE}`,
      summary: `Can’t check — The revocation status could not be checked: no copy of the status list ${LIST} is available offline. Load the issuer’s current status list, or check again later.`,
    });
  });

  it('suspended', async () => {
    const entry = await maths({ credentialStatus: statusEntry({ listUrl: LIST, index: 8, purpose: 'suspension' }) });
    expect(said(await verifyCredential(entry, { now: NOW, policy, accreditations, statusLists: [await statusList('suspension', [8])] }))).toEqual({
      verdict: 'not-valid',
      headline: `✗ Not valid (suspended): ${LINE}`,
      summary: 'Not valid — The issuer has suspended it (status last updated 2 days ago). Ask the issuer whether it will be reinstated.',
    });
  });

  it('untrusted issuer: accredited, but not for this kind; or not on the authority’s trust list', async () => {
    const charity = createIssuerProfile({ key: k.charity, name: 'Second Chance Trust', role: 'charity' });
    const fake = await issueEntry('qualification', FIELDS, { issuer: charity, key: k.charity, validFrom: SIGNED, created: SIGNED });
    expect(said(await verifyCredential(fake, { now: NOW, policy, accreditations }))).toEqual({
      verdict: 'not-valid',
      headline: `✗ Not valid (issuer not allowed to issue this): ${LINE} — Second Chance Trust`,
      summary: 'Not valid — Second Chance Trust is accredited as a charity, and under this policy charities may not issue qualifications. Do not rely on it.',
    });
    const list = await createTrustList(k.root, {
      operatorName: 'National Learning Authority',
      sequenceNumber: 4,
      issued: '2026-05-01T00:00:00Z',
      nextUpdate: '2026-07-01T00:00:00Z',
      accreditations: [accreditations[1]!],
    });
    const checked = await verifyTrustList(list, { operator: k.root.did, now: NOW });
    expect(said(checked)).toEqual({
      verdict: 'valid',
      headline: '✓ Valid: trust list #4 of National Learning Authority',
      summary: 'Valid — trust list #4 of National Learning Authority, 1 root, 1 accreditation(s), 0 revocation(s).',
    });
    const fromList = createTrustPolicy({ trustList: checked.trustList!, now: NOW });
    expect(said(await verifyCredential(await maths(), { now: NOW, policy: fromList }))).toEqual({
      verdict: 'not-valid',
      headline: `✗ Not valid (issuer not accredited): ${LINE}`,
      summary: 'Not valid — National Learning Authority has not accredited this issuer: it is not on trust list #4. Do not rely on it.',
    });
  });

  it('missing trust material: roots without accreditations', async () => {
    expect(said(await verifyCredential(await maths(), { now: NOW, policy }))).toEqual({
      verdict: 'cant-check',
      headline: `? Can’t check (issuer not accredited): ${LINE}`,
      summary: 'Can’t check — Nothing you have loaded shows who accredits this issuer. Load the authority’s trust list.',
    });
  });
});

describe('verifyPassport: revoked and superseded entries are never valid', () => {
  it('counts current, revoked and superseded entries apart, and only current entries decide', async () => {
    const old = await maths();
    const corrected = await maths({ supersedes: entryId(old) });
    const english = await issueEntry(
      'qualification',
      { ...FIELDS, title: 'Functional Skills English' },
      { issuer: body(), key: k.body, validFrom: SIGNED, created: SIGNED },
    );
    const withdrawal = await issueEntry(
      'revocation',
      { target: entryId(english), reason: 'issued-in-error' },
      { issuer: body(), key: k.body, validFrom: '2026-04-01T00:00:00Z', created: '2026-04-01T00:00:00Z' },
    );
    const { passport } = await addEntries(createPassport({ holder: 'urn:uuid:6a1f0c3e-1d2b-4c5d-8e9f-0a1b2c3d4e5f' }), [old, corrected, english, withdrawal]);
    const report = await verifyPassport(passport, { now: NOW, policy, accreditations });
    expect(said(report)).toEqual({
      verdict: 'valid',
      headline: '✓ Valid: every current entry is valid (2 of 2).',
      summary: '4 entries: 2 current, both valid; 1 withdrawn by the issuer; 1 replaced by a newer entry.',
    });
    expect(report.counts).toEqual({ total: 4, current: 2, valid: 2, notValid: 0, cantCheck: 0, revoked: 1, superseded: 1, conflicts: 0, leftOut: 0 });
    const byCid = new Map(report.entries.map((e) => [e.cid, e]));
    expect(said(byCid.get(entryId(english))!)).toEqual({
      verdict: 'not-valid',
      headline: `✗ Not valid (withdrawn): ${LINE.replace('Mathematics', 'English')}`,
      summary: 'Not valid — The issuer has withdrawn it. Do not rely on it.',
    });
    expect(said(byCid.get(entryId(old))!)).toEqual({
      verdict: 'not-valid',
      headline: `✗ Not valid (replaced): ${LINE}`,
      summary: 'Not valid — The issuer replaced it with a newer entry. Check the newer entry instead.',
    });
    // The entry's own result still says its signature and trust hold.
    expect(byCid.get(entryId(old))!.result.verdict).toBe('valid');
    expect(byCid.get(entryId(corrected))!.headline).toBe(`✓ Valid: ${LINE} (replaces an earlier entry)`);
    // No ✓ and no "Valid" on a revoked or superseded entry, whatever else holds.
    for (const e of report.entries.filter((x) => x.state !== 'active')) expect(e.headline).not.toMatch(/✓|^. Valid/);
  });

  it('an entry its issuer withdrew in its status list is counted withdrawn, as a revocation entry is', async () => {
    const english = await maths({ credentialStatus: statusEntry({ listUrl: LIST, index: 5, purpose: 'revocation' }) });
    const { passport } = await addEntries(createPassport({ holder: 'urn:uuid:6a1f0c3e-1d2b-4c5d-8e9f-0a1b2c3d4e5f' }), [await maths(), english]);
    const statusLists = [await statusList('revocation', [5])];
    const report = await verifyPassport(passport, { now: NOW, policy, accreditations, statusLists });
    expect(said(report)).toEqual({
      verdict: 'valid',
      headline: '✓ Valid: every current entry is valid (1 of 1).',
      summary: '2 entries: 1 current, valid; 1 withdrawn by the issuer.',
    });
    expect(report.counts).toEqual({ total: 2, current: 1, valid: 1, notValid: 0, cantCheck: 0, revoked: 1, superseded: 0, conflicts: 0, leftOut: 0 });
    const withdrawn = report.entries.find((e) => e.cid === entryId(english))!;
    expect(withdrawn.state).toBe('revoked');
    expect(said(withdrawn)).toEqual({
      verdict: 'not-valid',
      headline: `✗ Not valid (withdrawn): ${LINE}`,
      summary: 'Not valid — The issuer has revoked it (status last updated 2 days ago). Do not rely on it.',
    });
    // Every entry withdrawn: nothing in it can be relied on.
    const gone = await verifyPassport((await addEntries(createPassport({ holder: passport.holder }), [english])).passport, {
      now: NOW,
      policy,
      accreditations,
      statusLists,
    });
    expect(said(gone)).toEqual({
      verdict: 'not-valid',
      headline: '✗ Not valid: none of its entries is current.',
      summary: '1 entry: none current; 1 withdrawn by the issuer.',
    });
  });
});

describe('evaluateTrust: the same three verdicts, from the same builder', () => {
  it('valid, not valid and can’t check', async () => {
    const { evaluateTrust } = await import('../../src/trust/evaluate-trust.js');
    expect(said(await evaluateTrust(await maths(), { now: NOW, policy, accreditations }))).toEqual({
      verdict: 'valid',
      headline: '✓ Valid: issued by City & Guilds',
      summary: 'Valid — City & Guilds is accredited as an awarding body by National Learning Authority; qualifications are within its accreditation.',
    });
    const charity = createIssuerProfile({ key: k.charity, name: 'Second Chance Trust', role: 'charity' });
    const fake = await issueEntry('qualification', FIELDS, { issuer: charity, key: k.charity, validFrom: SIGNED, created: SIGNED });
    expect(said(await evaluateTrust(fake, { now: NOW, policy, accreditations }))).toEqual({
      verdict: 'not-valid',
      headline: '✗ Not valid (issuer not allowed to issue this): issued by Second Chance Trust',
      summary: 'Not valid — Second Chance Trust is accredited as a charity, and under this policy charities may not issue qualifications. Do not rely on it.',
    });
    expect(said(await evaluateTrust(await maths(), { now: NOW, policy }))).toEqual({
      verdict: 'cant-check',
      headline: '? Can’t check (issuer not accredited): issued by City & Guilds',
      summary: 'Can’t check — Nothing you have loaded shows who accredits this issuer. Load the authority’s trust list.',
    });
  });
});

describe('verifyPresentation: at most two short sentences, then one headline per entry', () => {
  it('all valid; and one withdrawn among them', async () => {
    const { generateKeyPair } = await import('../../src/keys/key-pair.js');
    const { createPresentation, verifyPresentation } = await import('../../src/present/index.js');
    const holder = await generateKeyPair();
    const own = (title: string, extra: Record<string, unknown> = {}) =>
      issueEntry('qualification', { ...FIELDS, title }, { issuer: body(), key: k.body, holder: holder.did, validFrom: SIGNED, created: SIGNED, ...extra });
    const three = [await own('Functional Skills Mathematics'), await own('Functional Skills English'), await own('Digital Skills')];
    const request = { audience: 'employer' as const, challenge: 'c-9', domain: 'jobs.example' };
    const { presentation } = await createPresentation({ holderKey: holder, entries: three, ...request });
    const ok = await verifyPresentation(presentation, { challenge: 'c-9', domain: 'jobs.example', now: NOW, policy, accreditations });
    expect(ok.verdict).toBe('valid');
    expect(ok.headline).toBe('✓ 3 of 3 achievements checked: all valid.');
    expect(ok.summary).toBe(
      [
        '3 of 3 achievements checked: all valid.',
        `✓ Valid: ${LINE}`,
        `✓ Valid: ${LINE.replace('Mathematics', 'English')}`,
        `✓ Valid: ${LINE.replace('Functional Skills Mathematics', 'Digital Skills')}`,
      ].join('\n'),
    );

    const revocable = await own('Functional Skills English', { credentialStatus: statusEntry({ listUrl: LIST, index: 3, purpose: 'revocation' }) });
    const mixed = (await createPresentation({ holderKey: holder, entries: [three[0]!, revocable], ...request })).presentation;
    const context = await createTrustContext({ policy, accreditations, statusLists: [await statusList('revocation', [3])] });
    const r = await verifyPresentation(mixed, { challenge: 'c-9', domain: 'jobs.example', now: NOW, context });
    expect(r.verdict).toBe('not-valid');
    expect(r.summary.split('\n')).toEqual([
      '2 achievements checked: one valid, one not valid. Do not rely on the one marked ✗.',
      `✓ Valid: ${LINE}`,
      `✗ Not valid (withdrawn): ${LINE.replace('Mathematics', 'English')}`,
    ]);
    expect(r.entries[1]!.summary).toBe('Not valid — The issuer has revoked it (status last updated 2 days ago). Do not rely on it.');
    // Names, never DIDs, wherever a person reads.
    expect([r.summary, ...r.entries.flatMap((e) => [e.summary, e.headline])].join('\n')).not.toMatch(/did:key/);

    // Refused (an old copy, made for another request): no entry line carries ✓ or "Valid".
    const replay = await verifyPresentation(presentation, { challenge: 'c-8', domain: 'jobs.example', now: NOW, policy, accreditations });
    expect(replay.verdict).toBe('not-valid');
    expect(replay.summary.split('\n')).toEqual([
      'Do not rely on this: it was made for a different request (it may be an old copy). Ask the person to share again.',
      `– Not checked: ${LINE}`,
      `– Not checked: ${LINE.replace('Mathematics', 'English')}`,
      `– Not checked: ${LINE.replace('Functional Skills Mathematics', 'Digital Skills')}`,
    ]);
    expect(replay.entries.map((e) => [e.checked, e.verified, e.verdict])).toEqual(Array(3).fill([false, false, 'not-valid']));
    expect(replay.entries[0]!.summary).toBe(
      'Not checked — the presentation itself was refused, so nothing in it can be relied on. Ask the person to share again.',
    );
    expect([replay.summary, ...replay.entries.flatMap((e) => [e.summary, e.headline])].join('\n')).not.toMatch(/✓|Valid/);
  });
});

describe('records an employer-facing display does not list: one neutral line', () => {
  it('counts them and gives their verdicts, naming no kind', async () => {
    const { notShownLine } = await import('../../src/result.js');
    expect(notShownLine(['valid'])).toBe('1 more record not shown: valid.');
    expect(notShownLine(['not-valid'])).toBe('1 more record not shown: not valid.');
    expect(notShownLine(['cant-check'])).toBe('1 more record not shown: can’t be checked.');
    expect(notShownLine(['valid', 'valid'])).toBe('2 more records not shown: both valid.');
    expect(notShownLine(['valid', 'valid', 'valid'])).toBe('3 more records not shown: all valid.');
    expect(notShownLine(['not-valid', 'not-valid'])).toBe('2 more records not shown: neither valid.');
    expect(notShownLine(['cant-check', 'cant-check', 'cant-check'])).toBe('3 more records not shown: none can be fully checked.');
    expect(notShownLine(['valid', 'not-valid', 'cant-check'])).toBe('3 more records not shown: one valid, one not valid, one can’t be checked.');
  });
});

describe('headlines and summaries show what a person can read (review r12: a bidi override reversed a headline)', () => {
  it('control and invisible format characters from a document never reach a headline or summary', async () => {
    const { describeVerdict } = await import('../../src/result.js');
    const checks = [{ check: 'signature' as const, status: 'pass' as const, message: 'ok' }];
    const { headline, summary } = describeVerdict(checks, {
      description: 'Forklift \u202eecnatsid\u202c',
      issuerName: 'City\u0007 & Guilds\u200b',
      valid: 'issued by City\u001b[2K & Guilds',
    });
    expect(headline()).not.toMatch(/[\p{Cc}\p{Cf}]/u);
    expect(summary).not.toMatch(/[\p{Cc}\p{Cf}]/u);
    expect(headline()).toContain('Forklift ecnatsid');
  });
});

describe('without a trust policy every summary says who issued it was not checked (review r15 M3)', () => {
  it('a single entry: tampered, expired, withdrawn, status list missing', async () => {
    const t = structuredClone(await maths()) as { credentialSubject: { learningPassport: { level: string } } };
    t.credentialSubject.learningPassport.level = 'L3';
    expect((await verifyCredential(t, { now: NOW })).summary).toBe(
      'Not valid — The signature does not match the content: it was changed or signed by another key. Ask the issuer for a new copy. Who issued it was not checked.',
    );
    expect((await verifyCredential(await maths({ validUntil: '2026-05-01T00:00:00Z' }), { now: NOW })).summary).toBe(
      'Not valid — It expired on 1 May 2026. Ask the issuer for a current one. Who issued it was not checked.',
    );
    const entry = await maths({ credentialStatus: statusEntry({ listUrl: LIST, index: 7, purpose: 'revocation' }) });
    expect((await verifyCredential(entry, { now: NOW, statusLists: [await statusList('revocation', [7])] })).summary).toBe(
      'Not valid — The issuer has revoked it (status last updated 2 days ago). Do not rely on it. Who issued it was not checked.',
    );
    expect(said(await verifyCredential(entry, { now: NOW }))).toEqual({
      verdict: 'cant-check',
      headline: `? Can’t check (status unknown): ${LINE}`,
      summary: `Can’t check — The revocation status could not be checked: no copy of the status list ${LIST} is available offline. Load the issuer’s current status list, or check again later. Who issued it was not checked.`,
    });
  });

  it('a passport, and a presentation with mixed results: still at most two short sentences', async () => {
    const english = await issueEntry(
      'qualification',
      { ...FIELDS, title: 'Functional Skills English' },
      { issuer: body(), key: k.body, validFrom: SIGNED, created: SIGNED },
    );
    const withdrawal = await issueEntry(
      'revocation',
      { target: entryId(english), reason: 'issued-in-error' },
      { issuer: body(), key: k.body, validFrom: '2026-04-01T00:00:00Z', created: '2026-04-01T00:00:00Z' },
    );
    const { passport } = await addEntries(createPassport({ holder: 'urn:uuid:6a1f0c3e-1d2b-4c5d-8e9f-0a1b2c3d4e5f' }), [await maths(), english, withdrawal]);
    expect(said(await verifyPassport(passport, { now: NOW }))).toEqual({
      verdict: 'cant-check',
      headline: '? Can’t check: 2 current entries can’t be checked.',
      summary: '3 entries: 2 current, none fully checked; 1 withdrawn by the issuer; who issued them was not checked.',
    });

    const { generateKeyPair } = await import('../../src/keys/key-pair.js');
    const { createPresentation, verifyPresentation } = await import('../../src/present/index.js');
    const holder = await generateKeyPair();
    const own = (title: string, extra: Record<string, unknown> = {}) =>
      issueEntry('qualification', { ...FIELDS, title }, { issuer: body(), key: k.body, holder: holder.did, validFrom: SIGNED, created: SIGNED, ...extra });
    const entries = [await own('Functional Skills Mathematics'), await own('Functional Skills English', { validUntil: '2026-05-01T00:00:00Z' })];
    const request = { audience: 'employer' as const, challenge: 'c-9', domain: 'jobs.example' };
    const { presentation } = await createPresentation({ holderKey: holder, entries, ...request });
    const r = await verifyPresentation(presentation, { challenge: 'c-9', domain: 'jobs.example', now: NOW });
    expect(r.summary.split('\n')[0]).toBe(
      '2 achievements checked: one not valid, one can’t be checked. Do not rely on the one marked ✗; who issued them was not checked.',
    );
  });
});

describe('an issuer key that cannot be resolved offline is "can’t check", with a policy or without (review r15 M4)', () => {
  it('did:web: the same verdict both ways, and no DID method named in the summary', async () => {
    const { signCredential } = await import('../../src/proof/sign-credential.js');
    const doc = structuredClone(await maths()) as unknown as Record<string, unknown>;
    delete doc.proof;
    doc.issuer = { ...(doc.issuer as object), id: 'did:web:awards.example.org' };
    const signed = await signCredential(doc, k.body, { created: SIGNED });
    for (const options of [{ now: NOW }, { now: NOW, policy, accreditations }]) {
      const r = await verifyCredential(signed, options);
      expect(r.verdict, JSON.stringify(r.checks)).toBe('cant-check');
      expect(r.headline).toBe(`? Can’t check (issuer key unknown): ${LINE}`);
      expect(r.summary).toMatch(/^Can’t check — The issuer’s key cannot be looked up without the internet/);
      expect(r.summary).not.toMatch(/did:/);
    }
  });
});

describe('an accreditation without a display name (review r15 H1)', () => {
  it('names the issuer by the entry’s own issuer name, never by its organisation id', async () => {
    const unnamed = await accreditIssuer(k.root, {
      did: k.body.did,
      organisation: 'org:hmp-leeds',
      role: 'awarding-body',
      kinds: ['course-completion'],
      validFrom: '2026-01-01T00:00:00Z',
    });
    const { evaluateTrust } = await import('../../src/trust/evaluate-trust.js');
    const r = await verifyCredential(await maths(), { now: NOW, policy, accreditations: [unnamed] });
    expect(said(r)).toEqual({
      verdict: 'not-valid',
      headline: `✗ Not valid (issuer not allowed to issue this): ${LINE}`,
      summary: 'Not valid — The accreditation of City & Guilds does not cover qualifications. Do not rely on it.',
    });
    const course = await issueEntry(
      'course-completion',
      { title: 'Barista skills', provider: 'City & Guilds', completedOn: '2026-03', outcome: 'completed' },
      { issuer: body(), key: k.body, validFrom: SIGNED, created: SIGNED },
    );
    const ok = await evaluateTrust(course, { now: NOW, policy, accreditations: [unnamed] });
    expect(ok.summary).toBe(
      'Valid — City & Guilds is accredited as an awarding body by National Learning Authority; course completions are within its accreditation.',
    );
    expect(ok.chain.map((l) => l.displayName)).toEqual(['City & Guilds']);
    const texts = [r, ok].flatMap((x) => [x.headline, x.summary, ...x.checks.map((c) => c.message)]);
    expect(texts.join('\n')).not.toMatch(/org:|hmp-leeds/);
  });
});
