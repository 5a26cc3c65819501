import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkEntrySchema, isPassportError, issueEntry, verifyCredential } from '../../src/index.js';
import { findProhibited, PROHIBITED_PATTERNS, scanProhibited } from '../../src/kinds.js';
import { fixtureFields, signer, type Signer } from './fixtures.js';

let fields: Awaited<ReturnType<typeof fixtureFields>>;
let employer: Signer;
let prison: Signer;

beforeAll(async () => {
  fields = await fixtureFields();
  employer = await signer('Greene King', 'employer');
  prison = await signer('HMP Leeds Education', 'prison');
});

// Each of these is criminal-record data (class X) that must never enter an entry.
const BLOCKED: [id: string, text: string][] = [
  ['prison-number', 'Learner A1234BC completed the course'],
  ['prison-number', 'Ref: Z9876XY'],
  ['prison-number', 'Prison number withheld'],
  ['prison-number', 'prisoner no. on file'],
  ['prison-number', 'NOMIS ID recorded'],
  ['pnc-number', 'PNC 2004/0046583U'],
  ['pnc-number', 'Record 04/123456A'],
  ['pnc-number', 'checked on PNC'],
  ['cro-number', 'CRO 123456/08X'],
  ['cro-number', 'CRO number: unknown'],
  ['offence', 'Has an offence history'],
  ['offence', 'offense type: theft'],
  ['offence', 'LIMITED_BY_OFFENCE'],
  ['offence', 'No offences in the last year'],
  ['conviction', 'Has a previous conviction'],
  ['conviction', 'Was convicted in 2019'],
  ['conviction', 'A person with convictions'],
  ['conviction', 'conviction for burglary'],
  ['conviction', 'Spent conviction'],
  ['sentence', 'Serving a custodial sentence'],
  ['sentence', 'Sentence length: 4 years'],
  ['sentence', 'sentenced to 18 months'],
  ['sentence', 'while serving his sentence'],
  ['sentence', 'serving a long sentence'],
  ['sentence', 'Her sentence ends in May'],
  ['sentence', 'life sentence prisoner'],
  ['sentence', 'sentence plan target'],
  ['licence-conditions', 'Licence conditions prevent travel'],
  ['licence-conditions', 'subject to license condition 4'],
  ['licence-conditions', 'Released on licence in May'],
  ['licence-conditions', 'Conditional release date: 2026-05-01'],
  ['licence-conditions', 'On home detention curfew'],
  ['parole', 'Parole hearing due'],
  ['parole', 'He was paroled'],
  ['mappa', 'MAPPA level 2'],
  ['mappa', 'Assessed as high risk of serious harm'],
  ['mappa', 'OASys score'],
  ['adjudication', 'No adjudications this year'],
  ['incentive-level', 'Incentive level: Enhanced'],
  ['incentive-level', 'IEP status enhanced'],
  ['incentive-level', 'incentives and earned privileges scheme'],
];

// Ordinary English that must not be blocked (false-positive checks).
const ALLOWED = [
  'Write a simple sentence, a compound sentence and a complex sentence',
  'Vary sentence length for effect',
  'Identify sentence types and sentence structure',
  'Writes short sentences clearly',
  'Spoke with conviction at team briefings',
  'Spoke with real conviction',
  'Driving licence (full UK)',
  'Premises licence holder training',
  'Forklift licence, category B',
  'Software release dates and version control',
  'Hotel booking number system',
  'Construction adjudicator? no, construction site safety',
  'Qualification 603/5060/6, unit H/618/7541',
  'Card number 00482213',
  'Staff incentive schemes in retail',
  'Handled customer offers and pre-sales',
  'CSCS Green Labourer card',
  'Offered extra shifts; very professional',
  'Posted to SW1A 1AA',
  'HACCP temperature logs',
];

describe('prohibited-data patterns', () => {
  it.each(BLOCKED)('blocks %s: %j', (id, text) => {
    expect(findProhibited(text)?.id).toBe(id);
  });

  it.each(ALLOWED.map((t) => [t]))('allows %j', (text) => {
    expect(findProhibited(text)).toBeUndefined();
  });

  it('finds what trying each pattern in turn finds (the fast path tries their union first)', () => {
    const oneByOne = (text: string) => PROHIBITED_PATTERNS.find((p) => p.pattern.test(text));
    // The union is exact only for patterns without flags other than i (no g, y, s, m or u).
    for (const p of PROHIBITED_PATTERNS) expect(['', 'i']).toContain(p.pattern.flags);
    for (const text of [...BLOCKED.map(([, t]) => t), ...ALLOWED]) expect(findProhibited(text)).toBe(oneByOne(text));
    // Random text built from the patterns' own words, so that matches are not rare.
    const words = [
      'prison',
      'number',
      'PNC',
      'CRO',
      'offence',
      'convicted',
      'with',
      'real',
      'conviction',
      'sentence',
      'length',
      'of',
      'his',
      'licence',
      'conditions',
      'parole',
      'MAPPA',
      'risk',
      'IEP',
      'incentive',
      'level',
      'A1234BC',
      '2004/0046583U',
      '123456/08X',
      'the',
      'unit',
      '4',
    ];
    const text = fc.array(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 6 })), { maxLength: 12 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(text, (t) => {
        expect(findProhibited(t)).toBe(oneByOne(t));
      }),
      { numRuns: 3000 },
    );
  });

  it('never echoes the matched text in findings', () => {
    const [finding] = scanProhibited({ a: ['ok', 'Learner A1234BC'] });
    expect(finding).toEqual({ path: ['a', 1], id: 'prison-number', message: 'contains a prison number' });
    expect(JSON.stringify(finding)).not.toContain('A1234BC');
  });
});

describe('issueEntry refuses prohibited data', () => {
  it.each(BLOCKED)('%s in a reference statement: ERR_PROHIBITED_DATA naming the field', async (_id, text) => {
    const err = await issueEntry('reference', { ...fields.reference, statement: text }, employer).catch((e: unknown) => e);
    expect(isPassportError(err, 'ERR_PROHIBITED_DATA')).toBe(true);
    expect((err as { details: { path: unknown } }).details.path).toEqual(['statement']);
    expect((err as Error).message).toContain('statement');
    expect((err as Error).message).not.toContain(text);
  });

  it('names nested and list paths', async () => {
    const err = await issueEntry('work-experience', { ...fields['work-experience'], duties: ['Cooking', 'Kept the MAPPA register'] }, employer).catch(
      (e: unknown) => e,
    );
    expect(isPassportError(err, 'ERR_PROHIBITED_DATA')).toBe(true);
    expect((err as { details: { path: unknown } }).details.path).toEqual(['duties', 1]);
    const err2 = await issueEntry('qualification', { ...fields.qualification, awardingBody: { name: 'Board A1234BC' } }, employer).catch((e: unknown) => e);
    expect((err2 as { details: { path: unknown } }).details.path).toEqual(['awardingBody', 'name']);
  });

  it('allows ordinary English in every free-text field', async () => {
    for (const text of ALLOWED) {
      await expect(issueEntry('reference', { ...fields.reference, statement: text }, employer)).resolves.toBeDefined();
    }
  });

  it('allows establishment names in custody-transfer entries only', async () => {
    const odd = { ...fields['custody-transfer'], fromEstablishment: 'HMP A1234BC Unit', toEstablishment: 'HMP Wealstun' };
    const e = await issueEntry('custody-transfer', odd, prison);
    expect(checkEntrySchema(e as never).issues).toEqual([]);
    expect((await verifyCredential(e)).verified).toBe(true);
    // …but the other custody-transfer fields are still scanned.
    await expect(issueEntry('custody-transfer', { ...odd, inProgressAims: ['Parole board course'] }, prison)).rejects.toMatchObject({
      code: 'ERR_PROHIBITED_DATA',
      details: { path: ['inProgressAims', 0] },
    });
  });
});

describe('checkEntrySchema reports prohibited data in signed entries', () => {
  it('as an issue with the path, and verification fails the schema check', async () => {
    // A well-formed entry signed by someone bypassing issueEntry.
    const entry = await issueEntry('award', fields.award, employer);
    const { proof: _proof, ...unsigned } = entry;
    (unsigned.credentialSubject.learningPassport as { description?: string }).description = 'Awarded despite his conviction';
    const { signCredential } = await import('../../src/index.js');
    const resigned = await signCredential(unsigned, employer.key);
    expect(checkEntrySchema(resigned as never).issues).toEqual([
      { path: ['credentialSubject', 'learningPassport', 'description'], message: expect.stringContaining('conviction information') },
    ]);
    const result = await verifyCredential(resigned);
    expect(result.verified).toBe(false);
    expect(result.checks.find((c) => c.check === 'schema')).toMatchObject({ status: 'fail', code: 'ERR_SCHEMA_INVALID' });
  });

  it('also scans the achievement text and the credential name', async () => {
    const entry = await issueEntry('award', fields.award, employer);
    const copy = structuredClone(entry) as unknown as Record<string, any>;
    copy.name = 'Award for A1234BC';
    copy.credentialSubject.achievement.criteria.narrative = 'Met while on licence until 2027';
    const paths = checkEntrySchema(copy).issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining([['name'], ['credentialSubject', 'achievement', 'criteria', 'narrative']]));
  });
});
