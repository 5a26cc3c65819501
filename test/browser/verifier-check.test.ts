// checkInput (examples/verifier-web/check.ts) in Node: the employer page's logic without a page.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addEntries,
  createIssuerProfile,
  createPassport,
  createPresentation,
  describeEntry,
  generateKeyPair,
  issueEntry,
  serializePassport,
  type SignedEntry,
  type SigningKeyPair,
} from '../../src/index.js';
import { accreditIssuer, createTrustList, verifyTrustList, type TrustList, type TrustListCredential } from '../../src/trust.js';
import { encodeQrPayload } from '../../src/qr.js';
import { checkInput, headlineText, NEXT, parseRoots, readBakedTrustList, verdictOf, worst } from '../../examples/verifier-web/check.js';

const iso = (offsetDays: number): string => new Date(Date.now() + offsetDays * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
const request = { challenge: 'RJW6-B9HJ-9K1A-ZAKA', domain: 'jobs.buildright.example' };

describe('checkInput (employer page logic)', () => {
  let authority: SigningKeyPair;
  let learner: SigningKeyPair;
  let maths: SignedEntry;
  let job: SignedEntry;
  let accreditations: object[];
  let listDocument: TrustListCredential;
  let trustList: TrustList;
  let trusted: { trustList: TrustList } & typeof request;

  beforeAll(async () => {
    authority = await generateKeyPair();
    learner = await generateKeyPair();
    const awardingKey = await generateKeyPair();
    const prisonKey = await generateKeyPair();
    const window = { validFrom: iso(-365), validUntil: iso(365), created: iso(-365) };
    accreditations = [
      await accreditIssuer(authority, {
        did: awardingKey.did,
        organisation: 'org:city-and-guilds',
        role: 'awarding-body',
        kinds: ['qualification'],
        displayName: 'City & Guilds',
        ...window,
      }),
    ];
    const common = { holder: learner.did, validFrom: iso(-20), created: iso(-20) };
    maths = await issueEntry(
      'qualification',
      { title: 'Functional Skills Maths', awardingBody: { name: 'City & Guilds' }, level: 'L1', awardedOn: iso(-20).slice(0, 7) },
      { issuer: createIssuerProfile({ key: awardingKey, name: 'City & Guilds', role: 'awarding-body' }), key: awardingKey, ...common },
    );
    // The prison is not accredited: its entry is intact but not from an approved issuer.
    job = await issueEntry(
      'work-experience',
      { roleTitle: 'Kitchen assistant', organisationDisplay: 'Northfield Learning Centre', sector: 'hospitality-and-catering', from: '2025-06', to: '2025-12' },
      {
        issuer: createIssuerProfile({ key: prisonKey, name: 'HMP Northfield', displayName: 'Northfield Learning Centre', role: 'prison' }),
        key: prisonKey,
        ...common,
      },
    );
    listDocument = await createTrustList(authority, { operatorName: 'National Learning Authority', sequenceNumber: 3, nextUpdate: iso(30), accreditations });
    trustList = (await verifyTrustList(listDocument, { operator: authority.did })).trustList!;
    trusted = { trustList, ...request };
  });

  it('reads roots one per line or comma-separated, without repeats', () => {
    expect(parseRoots(' did:key:a\ndid:key:b, did:key:a  ')).toEqual(['did:key:a', 'did:key:b']);
  });

  it('shows ✓ Valid and the record’s plain-English line for an accredited issuer’s QR code', async () => {
    const report = await checkInput(await encodeQrPayload(maths), trusted);
    expect(report).toMatchObject({ input: 'entry', verdict: 'valid', notices: [] });
    expect(report.headline.startsWith('✓')).toBe(true);
    expect(headlineText(report.headline)).toContain(describeEntry(maths));
    expect(report.next).toBeUndefined();
    // DIDs only under details, never in what a person reads first.
    expect(`${report.headline} ${report.summary}`).not.toMatch(/did:key/);
    expect(report.rows[0]!.details.join('\n')).toMatch(/did:key/);
  });

  it('accepts the same entry as JSON, and lower-case prefix text from a scanner', async () => {
    expect((await checkInput(JSON.stringify(maths), trusted)).verdict).toBe('valid');
    const payload = await encodeQrPayload(maths);
    expect((await checkInput(`  lp1:${payload.slice(4)}\n`, trusted)).verdict).toBe('valid');
  });

  it('shows ✗ Not valid for a tampered entry, and says to ask the issuer for a new copy', async () => {
    const tampered = { ...maths, validFrom: iso(-400) };
    const report = await checkInput(await encodeQrPayload(tampered), trusted);
    expect(report.verdict).toBe('not-valid');
    expect(report.headline.startsWith('✗')).toBe(true);
    expect(report.next).toBe(NEXT.newCopy);
  });

  it('never shows Valid for an issuer the authority did not accredit; names no key where a person reads', async () => {
    const report = await checkInput(JSON.stringify(job), trusted);
    expect(report.verdict).toBe('not-valid');
    expect(report.headline.startsWith('✗')).toBe(true);
    expect(report.next).toBe(NEXT.newerTrustList);
    expect(`${report.headline} ${report.summary}`).not.toMatch(/did:key/);
  });

  it('with the authority’s key but no trust list, an issuer no accreditation names is Can’t check, not Not valid', async () => {
    // A QR code cannot carry accreditations: what is missing is the authority's list.
    const report = await checkInput(await encodeQrPayload(maths), { roots: [authority.did], ...request });
    expect(report.verdict).toBe('cant-check');
    expect(report.next).toBe(NEXT.loadTrustList);
    // A record that is wrong stays Not valid whatever trust is missing.
    const tampered = await checkInput(await encodeQrPayload({ ...maths, validFrom: iso(-400) }), { roots: [authority.did], ...request });
    expect(tampered.verdict).toBe('not-valid');
  });

  it('without any trust list, an intact record is Can’t check, with the next step to load one', async () => {
    const report = await checkInput(JSON.stringify(maths), request);
    expect(report.verdict).toBe('cant-check');
    expect(report.headline.startsWith('?')).toBe(true);
    expect(report.summary).toBe('The signature is intact; who issued it was not checked.');
    expect(report.next).toBe(NEXT.loadTrustList);
    expect(report.notices[0]).toMatch(/No trust list loaded/);
  });

  it('loads a trust list given as a file: checked against the pinned operator, refused from another key, never older', async () => {
    const loaded = await checkInput(JSON.stringify(listDocument), { roots: [authority.did], ...request });
    expect(loaded).toMatchObject({ input: 'trust-list', verdict: 'valid', notices: [] });
    expect(loaded.trustList?.operatorName).toBe('National Learning Authority');

    const other = await generateKeyPair();
    const forged = await createTrustList(other, { operatorName: 'National Learning Authority', sequenceNumber: 9, nextUpdate: iso(30), accreditations });
    const refused = await checkInput(JSON.stringify(forged), { roots: [authority.did], ...request });
    expect(refused).toMatchObject({ input: 'trust-list', verdict: 'not-valid' });
    expect(refused.trustList).toBeUndefined();

    const older = await createTrustList(authority, { operatorName: 'National Learning Authority', sequenceNumber: 2, nextUpdate: iso(30), accreditations: [] });
    const rollback = await checkInput(JSON.stringify(older), trusted);
    expect(rollback.verdict).toBe('not-valid');
    expect(rollback.next).toMatch(/newest trust list/);

    // With no key to compare against, the list is not used: anyone can sign a list under any
    // name (review r12: a forged list made a forged record show ✓ Valid).
    const unpinned = await checkInput(JSON.stringify(listDocument), request);
    expect(unpinned.verdict).toBe('cant-check');
    expect(unpinned.trustList).toBeUndefined();
    expect(unpinned.summary).toMatch(/no authority key to check that against/);
    expect(unpinned.next).toMatch(/checker page your authority gave you/);
  });

  it('reads the trust list built into a page, and says when it is out of date', async () => {
    const baked = await readBakedTrustList({ operator: authority.did, list: listDocument });
    expect(baked.trustList?.sequenceNumber).toBe(3);
    const stale = await readBakedTrustList({ operator: authority.did, list: listDocument }, new Date(Date.now() + 40 * 86_400_000));
    expect(stale.trustList).toBeUndefined();
    expect(stale.operator).toBe(authority.did);
    expect(stale.problem).toMatch(/out of date/);
    expect((await readBakedTrustList({ operator: 'nobody', list: listDocument })).problem).toMatch(/damaged/);
  });

  it('checks a passport file entry by entry, using the accreditations it carries, and counts current records', async () => {
    const { passport } = await addEntries(createPassport({ holder: learner.did }), [maths, job]);
    const doc = JSON.parse(serializePassport(passport)) as { accreditations: object[] };
    doc.accreditations.push(...accreditations);
    const report = await checkInput(JSON.stringify(doc), { roots: [authority.did], ...request });
    expect(report.input).toBe('passport');
    expect(report.verdict).not.toBe('valid');
    expect(report.rows.map((r) => r.verdict === 'valid').sort()).toEqual([false, true]);
    expect(report.rows.map((r) => headlineText(r.headline))).toContain(describeEntry(maths));
    expect(report.summary).toMatch(/^1 of 2 current records valid\./);
    expect(report.accreditations).toHaveLength(1);
  });

  it('verifies a presentation made for this request in at most two short sentences, and refuses one made for another', async () => {
    const shared = await createPresentation({ holderKey: learner, entries: [maths], audience: 'employer', ...request });
    const ok = await checkInput(JSON.stringify(shared.presentation), trusted);
    expect(ok).toMatchObject({ input: 'presentation', verdict: 'valid', summary: '1 of 1 records checked: all valid.' });
    expect(ok.rows).toHaveLength(1);

    const replay = await checkInput(JSON.stringify(shared.presentation), { ...trusted, challenge: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ' });
    expect(replay.verdict).toBe('not-valid');
    expect(replay.rows[0]!.headline).toMatch(/sharing itself/);
    expect(replay.next).toBe(NEXT.newRequest);
    const elsewhere = await checkInput(JSON.stringify(shared.presentation), { ...trusted, domain: 'other.example' });
    expect(elsewhere.verdict).toBe('not-valid');
  });

  it('reads an accreditations file and hands back the intact ones', async () => {
    const forged = {
      ...accreditations[0]!,
      credentialSubject: { ...(accreditations[0] as { credentialSubject: object }).credentialSubject, kinds: ['qualification', 'licence-card'] },
    };
    const report = await checkInput(JSON.stringify([accreditations[0], forged]), request);
    // Without a trust list an intact accreditation is Can't check (who signed it is not known), never Valid.
    expect(report.input).toBe('accreditations');
    expect(report.rows.map((r) => r.verdict)).toEqual(['cant-check', 'not-valid']);
    expect(report.accreditations).toEqual([accreditations[0]]);
  });

  it.each([
    ['', 'empty', /Nothing to check/],
    ['hello, this is my CV', 'not-recognised', /not a learning passport/],
    ['LP1:NOT*BASE45', 'damaged', /damaged/],
    ['LP1:', 'damaged', /damaged/],
    ['{"type": ["VerifiableCredential"], "issuer": "did:key:z6Mk', 'damaged', /damaged/],
    ['42', 'not-recognised', /not a learning passport/],
    ['[]', 'damaged', /damaged/],
  ])('gives a clear message and a next step, never an exception, for %j', async (text, input, headline) => {
    const report = await checkInput(text, trusted);
    expect(report.input).toBe(input);
    expect(report.verdict).not.toBe('valid');
    expect(report.headline).toMatch(headline);
    if (input !== 'empty') expect(report.next).toMatch(/^Ask the person/);
  });

  it('says “this file is damaged” and why for a file cut short', async () => {
    const text = JSON.stringify(maths);
    const report = await checkInput(text.slice(0, text.length / 2), trusted);
    expect(report.headline).toBe('✗ This file is damaged');
    expect(report.summary).toMatch(/^This file is damaged: it is not complete \(.+\)\.$/);
    expect(report.next).toBe(NEXT.shareAgain);
  });
});

describe('verdictOf (the fallback until results carry their own verdicts)', () => {
  const pass = { check: 'signature' as const, status: 'pass' as const, message: 'ok' };
  const fail = { check: 'signature' as const, status: 'fail' as const, code: 'ERR_PROOF_SIGNATURE_INVALID' as const, message: 'changed' };
  const unknown = { check: 'status' as const, status: 'unknown' as const, code: 'ERR_STATUS_UNKNOWN' as const, message: 'not checked' };

  it('derives the verdict from the checks when the result has none', () => {
    expect(verdictOf({ verified: true, checks: [pass], summary: 'Valid — issued by X.' }, 'Maths').verdict).toBe('valid');
    expect(verdictOf({ verified: false, checks: [pass, unknown, fail], summary: 'Not valid — changed' }, 'Maths')).toEqual({
      verdict: 'not-valid',
      headline: '✗ Maths',
      summary: 'Changed',
    });
    expect(verdictOf({ verified: false, checks: [pass, unknown], summary: 'Can’t check — not checked' }, 'Maths').verdict).toBe('cant-check');
  });

  it('uses the result’s own verdict, headline and summary when it has them', () => {
    expect(verdictOf({ verified: true, checks: [pass], summary: 'S', verdict: 'valid', headline: '✓ H' }, 'Maths')).toEqual({
      verdict: 'valid',
      headline: '✓ H',
      summary: 'S',
    });
  });

  it('never shows a revoked or superseded entry as Valid', () => {
    for (const state of ['revoked', 'superseded', 'conflict']) {
      const shown = verdictOf({ verified: true, checks: [pass], summary: 'Valid — fine', verdict: 'valid', headline: '✓ Maths' }, 'Maths', state);
      expect(shown.verdict).toBe('not-valid');
      expect(shown.headline).toBe(`✗ Maths (${state})`);
      expect(shown.summary).not.toMatch(/Valid/);
    }
  });

  it('ranks Not valid over Can’t check over Valid', () => {
    expect(worst(['valid', 'cant-check'])).toBe('cant-check');
    expect(worst(['cant-check', 'not-valid', 'valid'])).toBe('not-valid');
    expect(worst([])).toBe('valid');
  });
});
