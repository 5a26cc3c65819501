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
import { checkInput, headlineParts, headlineText, NEXT, parseRoots, readBakedTrustList, summaryText, worst } from '../../examples/verifier-web/check.js';

const iso = (offsetDays: number): string => new Date(Date.now() + offsetDays * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
const request = { challenge: 'RJW6-B9HJ-9K1A-ZAKA', domain: 'jobs.buildright.example' };

describe('checkInput (employer page logic)', () => {
  let authority: SigningKeyPair;
  let learner: SigningKeyPair;
  let maths: SignedEntry;
  let job: SignedEntry;
  let transfer: SignedEntry;
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
    transfer = await issueEntry(
      'custody-transfer',
      { fromEstablishment: 'HMP Northfield', toEstablishment: 'HMP Leeds', transferDate: iso(-10).slice(0, 10) },
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
    // Never "load a newer list": whoever forged the record could hand one over too (review r12).
    expect(report.next).toBe(NEXT.notApproved);
    expect(report.next).not.toMatch(/trust list/);
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
    // Said without a key; the keys (who signed it, who was expected) only under Details (review r12).
    expect(refused.summary).toBe('It was not signed by the authority this page trusts, so anyone could have made it.');
    expect(`${refused.headline} ${refused.summary} ${refused.next}`).not.toMatch(/did:key/);
    expect(refused.details).toEqual(expect.arrayContaining([`Signed by: ${other.did}`, `Authority key this page trusts: ${authority.did}`]));

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
    expect(report.summary).toBe('2 entries: 2 current (1 valid, 1 can’t be checked).');
    expect(report.accreditations).toHaveLength(1);
  });

  it('folds a custody transfer in a passport into one neutral line, and lists it only on request', async () => {
    const { passport } = await addEntries(createPassport({ holder: learner.did }), [maths, transfer]);
    const report = await checkInput(serializePassport(passport), trusted);
    expect(report.rows.map((r) => headlineText(r.headline))).toEqual([describeEntry(maths)]);
    expect(report.notShown?.line).toMatch(/^1 more record not shown: /);
    expect(report.notShown?.rows.map((r) => headlineText(r.headline))).toEqual([`${describeEntry(transfer)} — Northfield Learning Centre`]);
    // Nothing the employer reads before asking names a place, a custody role or the kind.
    const read = [
      report.headline,
      report.summary,
      report.notShown!.line,
      ...report.notices,
      ...report.rows.flatMap((r) => [r.headline, r.summary, r.next ?? '']),
    ].join('\n');
    expect(read).not.toMatch(/HMP|Northfield|Leeds|custody|transfer|handover|passed from/i);
  });

  it('verifies a presentation made for this request in at most two short sentences, and refuses one made for another', async () => {
    const shared = await createPresentation({ holderKey: learner, entries: [maths], audience: 'employer', ...request });
    const ok = await checkInput(JSON.stringify(shared.presentation), trusted);
    expect(ok).toMatchObject({ input: 'presentation', verdict: 'valid', summary: '1 of 1 achievement checked: valid.' });
    expect(ok.rows).toHaveLength(1);

    const replay = await checkInput(JSON.stringify(shared.presentation), { ...trusted, challenge: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ' });
    expect(replay.verdict).toBe('not-valid');
    expect(replay.rows[0]!.headline).toMatch(/sharing itself/);
    expect(replay.next).toBe(NEXT.newRequest);
    // The records inside a refused sharing are "not checked": no ✓, no Valid (review r12).
    expect(replay.rows.slice(1).map((r) => r.verdict)).toEqual(['not-checked']);
    expect(replay.rows[1]!.headline).toBe(`– Not checked: ${describeEntry(maths)}`);
    expect(replay.rows.map((r) => `${r.headline} ${r.summary}`).join('\n')).not.toMatch(/✓|Valid/);
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
    ['LP1:NOT*BASE45', 'damaged', /QR code is damaged/],
    ['LP1:', 'damaged', /damaged/],
    ['{"type": ["VerifiableCredential"], "issuer": "did:key:z6Mk', 'damaged', /damaged/],
    ['42', 'not-recognised', /not a learning passport/],
    ['[]', 'not-recognised', /not a learning record/],
    ['{}', 'not-recognised', /not a learning record/],
  ])('gives a clear message and a next step, never an exception, for %j', async (text, input, headline) => {
    const report = await checkInput(text, trusted);
    expect(report.input).toBe(input);
    expect(report.verdict).not.toBe('valid');
    expect(report.headline).toMatch(headline);
    if (input !== 'empty') expect(report.next).toMatch(/^Ask the person/);
  });

  it('says “this file is damaged” and why for a file cut short: Not valid, as the command line says', async () => {
    const text = JSON.stringify(maths);
    const report = await checkInput(text.slice(0, text.length / 2), trusted);
    expect(report).toMatchObject({ verdict: 'not-valid', headline: '✗ This file is damaged' });
    expect(report.summary).toMatch(/^It is not complete \(.+\)\.$/);
    expect(report.next).toBe(NEXT.shareAgain);
  });

  it('says a damaged QR code is damaged once, with why (review r12: “damaged: this QR code is damaged”)', async () => {
    const report = await checkInput('LP1:ABCDEF%%%', trusted);
    expect(report).toMatchObject({ input: 'damaged', verdict: 'not-valid', headline: '✗ This QR code is damaged' });
    expect(report.summary).toBe('Its text is not valid Base45.');
    expect(report.summary).not.toMatch(/damaged/i);
  });
});

describe('headlines and summaries as the page shows them', () => {
  it('splits the library headline so that no reason dangles in front of the record', () => {
    expect(headlineParts('✗ Not valid (altered or forged): Functional Skills Maths — City & Guilds')).toEqual({
      tag: 'altered or forged',
      text: 'Functional Skills Maths — City & Guilds',
    });
    expect(headlineParts('✓ Valid: Functional Skills Maths (replaces an earlier entry)')).toEqual({
      text: 'Functional Skills Maths (replaces an earlier entry)',
    });
    expect(headlineParts('? Can’t check (issuer not checked): Barista skills')).toEqual({ tag: 'issuer not checked', text: 'Barista skills' });
    expect(headlineParts('– Not checked: Barista skills')).toEqual({ text: 'Barista skills' });
    expect(headlineParts('✗ This file is damaged')).toEqual({ text: 'This file is damaged' });
  });

  it('drops the verdict word, and the library’s next step when the page gives its own', () => {
    expect(summaryText('Not valid — It expired on 1 May 2026. Ask the issuer for a current one.', true)).toBe('It expired on 1 May 2026.');
    expect(summaryText('Not valid — It expired on 1 May 2026. Ask the issuer for a current one.', false)).toBe(
      'It expired on 1 May 2026. Ask the issuer for a current one.',
    );
    expect(summaryText('Valid — issued by City & Guilds.', false)).toBe('Issued by City & Guilds.');
  });
});

describe('worst', () => {
  it('ranks Not valid over Can’t check over Valid', () => {
    expect(worst(['valid', 'cant-check'])).toBe('cant-check');
    expect(worst(['cant-check', 'not-valid', 'valid'])).toBe('not-valid');
    expect(worst([])).toBe('valid');
  });
});
