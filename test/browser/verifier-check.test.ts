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
import { accreditIssuer } from '../../src/trust.js';
import { encodeQrPayload } from '../../src/qr.js';
import { checkInput, parseRoots } from '../../examples/verifier-web/check.js';

const iso = (offsetDays: number): string => new Date(Date.now() + offsetDays * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
const request = { challenge: 'RJW6-B9HJ-9K1A-ZAKA', domain: 'jobs.buildright.example' };

describe('checkInput (employer page logic)', () => {
  let authority: SigningKeyPair;
  let learner: SigningKeyPair;
  let maths: SignedEntry;
  let job: SignedEntry;
  let accreditations: object[];
  let trusted: { roots: string[]; accreditations: object[] } & typeof request;

  beforeAll(async () => {
    authority = await generateKeyPair();
    learner = await generateKeyPair();
    const awardingKey = await generateKeyPair();
    const prisonKey = await generateKeyPair();
    const window = { validFrom: iso(-365), validUntil: iso(365), created: iso(-365) };
    accreditations = [
      await accreditIssuer(authority, { did: awardingKey.did, organisation: 'org:city-and-guilds', role: 'awarding-body', kinds: ['qualification'], displayName: 'City & Guilds', ...window }),
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
      { roleTitle: 'Wing cleaner', organisationDisplay: 'Northfield Learning Centre', sector: 'cleaning-and-maintenance', from: '2025-06', to: '2025-12' },
      { issuer: createIssuerProfile({ key: prisonKey, name: 'HMP Northfield', displayName: 'Northfield Learning Centre', role: 'prison' }), key: prisonKey, ...common },
    );
    trusted = { roots: [authority.did], accreditations, ...request };
  });

  it('reads roots one per line or comma-separated, without repeats', () => {
    expect(parseRoots(' did:key:a\ndid:key:b, did:key:a  ')).toEqual(['did:key:a', 'did:key:b']);
  });

  it('verifies a QR payload of an accredited issuer’s entry', async () => {
    const report = await checkInput(await encodeQrPayload(maths), trusted);
    expect(report).toMatchObject({ input: 'entry', mark: '✓', notices: [] });
    expect(report.rows).toEqual([{ mark: '✓', title: describeEntry(maths), detail: expect.stringMatching(/^Valid/), kind: 'qualification' }]);
  });

  it('accepts the same entry as JSON, and lower-case prefix text from a scanner', async () => {
    expect((await checkInput(JSON.stringify(maths), trusted)).mark).toBe('✓');
    const payload = await encodeQrPayload(maths);
    expect((await checkInput(`  lp1:${payload.slice(4)}\n`, trusted)).mark).toBe('✓');
  });

  it('marks a tampered entry ✗', async () => {
    const tampered = { ...maths, validFrom: iso(-400) };
    const report = await checkInput(await encodeQrPayload(tampered), trusted);
    expect(report.mark).toBe('✗');
    expect(report.rows[0]!.detail).toMatch(/^Not valid/);
  });

  it('marks an entry from an issuer the root did not accredit ✗, and says so', async () => {
    const report = await checkInput(JSON.stringify(job), trusted);
    expect(report.mark).toBe('✗');
    expect(report.rows[0]!.detail).toMatch(/Not valid/);
  });

  it('without roots, checks signatures only and says so', async () => {
    const report = await checkInput(JSON.stringify(job), { roots: [], ...request });
    expect(report.mark).toBe('✓');
    expect(report.notices[0]).toMatch(/No trusted root/);
  });

  it('checks a passport file entry by entry, using the accreditations it carries', async () => {
    const { passport } = await addEntries(createPassport({ holder: learner.did }), [maths, job]);
    const doc = JSON.parse(serializePassport(passport)) as { accreditations: object[] };
    doc.accreditations.push(...accreditations);
    const report = await checkInput(JSON.stringify(doc), { roots: [authority.did], ...request });
    expect(report.input).toBe('passport');
    expect(report.mark).toBe('✗');
    expect(report.rows.map((r) => r.mark).sort()).toEqual(['✓', '✗']);
    expect(report.rows.map((r) => r.title)).toContain(describeEntry(maths));
    expect(report.accreditations).toHaveLength(1);
  });

  it('verifies a presentation made for this request, and refuses one made for another', async () => {
    const shared = await createPresentation({ holderKey: learner, entries: [maths], audience: 'employer', ...request });
    const ok = await checkInput(JSON.stringify(shared.presentation), trusted);
    expect(ok).toMatchObject({ input: 'presentation', mark: '✓' });
    expect(ok.rows).toHaveLength(1);

    const replay = await checkInput(JSON.stringify(shared.presentation), { ...trusted, challenge: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ' });
    expect(replay.mark).toBe('✗');
    expect(replay.rows[0]!.title).toMatch(/presentation itself/);
    expect(replay.rows[0]!.mark).toBe('✗');
    const elsewhere = await checkInput(JSON.stringify(shared.presentation), { ...trusted, domain: 'other.example' });
    expect(elsewhere.mark).toBe('✗');
  });

  it('reads an accreditations file and hands back the intact ones', async () => {
    const forged = { ...accreditations[0]!, credentialSubject: { ...(accreditations[0] as { credentialSubject: object }).credentialSubject, kinds: ['qualification', 'licence-card'] } };
    const report = await checkInput(JSON.stringify([accreditations[0], forged]), { roots: [], ...request });
    expect(report.input).toBe('accreditations');
    expect(report.rows.map((r) => r.mark)).toEqual(['✓', '✗']);
    expect(report.accreditations).toEqual([accreditations[0]]);
  });

  it.each([
    ['', /Nothing to check/],
    ['hello', /starts with LP1:/],
    ['LP1:NOT*BASE45', /damaged/],
    ['LP1:', /./],
    ['42', /not an entry/],
    ['[]', /not an entry/],
    ['{"a":1}', /./],
  ])('gives a clear message, never an exception, for %j', async (text, message) => {
    const report = await checkInput(text, trusted);
    expect(['invalid', 'entry']).toContain(report.input);
    expect(report.mark).toBe(report.input === 'invalid' ? '✗' : report.mark);
    expect(report.mark === '✓').toBe(false);
    expect(report.input === 'invalid' ? report.summary : report.rows[0]!.detail).toMatch(message);
  });

  it('says which root is not valid', async () => {
    const report = await checkInput(JSON.stringify(maths), { ...trusted, roots: ['not-a-did'] });
    expect(report).toMatchObject({ input: 'invalid', mark: '✗' });
    expect(report.summary).toMatch(/trusted root is not valid/);
  });
});
