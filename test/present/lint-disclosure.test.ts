// The disclosure linter on four holder scenarios (Amira, Lee, Priya, Kai),
// plus each rule on its own.
import { describe, expect, it } from 'vitest';
import { entryId } from '../../src/entries/entry-id.js';
import { lintDisclosure } from '../../src/present/lint-disclosure.js';
import { entryDocument, makeIssuer } from './fixtures.js';

const codes = (entry: unknown, options = {}) => lintDisclosure([entry], options).map((w) => w.code);

describe('lintDisclosure on the domain scenarios', () => {
  it('S1 Amira: CSCS card and FS Maths L1 from neutral issuers raise nothing; her custody records do', async () => {
    const cityAndGuilds = await makeIssuer('City & Guilds');
    const cscsScheme = await makeIssuer('CSCS');
    const provider = await makeIssuer('Northern Education Services');
    const prisonA = await makeIssuer('HMP Moorland (HMP & YOI)');
    const maths = entryDocument(cityAndGuilds, {
      kind: 'qualification',
      name: 'Functional Skills Mathematics Level 1',
      fields: { title: 'Functional Skills Mathematics', level: 'L1', awardingBody: { name: 'City & Guilds' }, awardedOn: '2026-03' },
    });
    const card = entryDocument(cscsScheme, {
      kind: 'licence-card',
      name: 'CSCS Green Labourer card',
      fields: { scheme: 'CSCS', cardType: 'Green Labourer', issuedOn: '2026-03-03', expiresOn: '2030-03', attestationMode: 'scheme-signed' },
    });
    expect(lintDisclosure([maths, card])).toEqual([]);

    const assessment = entryDocument(provider, {
      kind: 'assessment-result',
      name: 'Initial assessment: maths',
      description: 'Initial assessment at HMP Moorland under the Prison Education Framework (PEF).',
      fields: { domain: 'maths', result: 'Working towards Level 1' },
    });
    expect(codes(assessment)).toEqual(expect.arrayContaining(['prison-name', 'funding']));
    const handover = entryDocument(prisonA, {
      kind: 'custody-transfer',
      name: 'Learning records handed over',
      fields: { fromEstablishment: 'MDI', toEstablishment: 'LEI', transferDate: '2026-01-10' },
    });
    const found = codes(handover, { issuerRoles: { [prisonA.key.did]: 'prison' } });
    expect(found).toEqual(expect.arrayContaining(['custody-kind', 'custody-issuer', 'prison-code']));
    const warnings = lintDisclosure([handover]);
    expect(warnings.every((w) => w.entryId === entryId(handover))).toBe(true); // unsigned here, but still content-addressed
    expect(warnings.find((w) => w.code === 'prison-code')!.message).toMatch(/MDI/);
  });

  it('S3 Lee: the employer-issued ROTL placement reads neutrally; the wing-cleaning job does not', async () => {
    const pubChain = await makeIssuer('Harbour Inns');
    const prison = await makeIssuer('Northfield Industries');
    const placement = entryDocument(pubChain, {
      kind: 'work-experience',
      name: 'Kitchen team member',
      description: 'Kitchen team member, Harbour Inns, March to July 2026, 32 hours a week. HACCP logs, stock rotation.',
      fields: {
        roleTitle: 'Kitchen team member',
        organisationDisplay: 'Harbour Inns',
        sector: 'hospitality',
        from: '2026-03',
        to: '2026-07',
        hoursPerWeek: 32,
        duties: ['HACCP logs', 'stock rotation'],
      },
    });
    expect(lintDisclosure([placement])).toEqual([]);
    // The same placement written carelessly by the prison names ROTL.
    const careless = entryDocument(pubChain, { kind: 'work-experience', name: 'Kitchen team member (ROTL placement)' });
    expect(codes(careless)).toContain('temporary-release');
    const wing = entryDocument(prison, {
      kind: 'work-experience',
      name: 'Wing cleaner',
      fields: { roleTitle: 'Wing cleaner', organisationDisplay: 'Northfield Industries', from: '2025-06', to: '2025-12' },
    });
    const w = lintDisclosure([wing], { issuerRoles: { [prison.key.did]: 'prison' } });
    expect(w.map((x) => x.code)).toEqual(expect.arrayContaining(['custody-role', 'custody-issuer']));
    expect(w.every((x) => x.severity === 'high')).toBe(true);
  });

  it('S5 Priya: the bootcamp from a custody-associated issuer is flagged; the hub endorsement is not', async () => {
    const enterprise = await makeIssuer('Code Forward');
    const hub = await makeIssuer('Code Forward Community Hub');
    const bootcamp = entryDocument(enterprise, {
      kind: 'course-completion',
      name: 'Full-stack web development bootcamp',
      fields: { title: 'Full-stack web development', provider: 'Code Forward', hours: 400, completedOn: '2026-02', outcome: 'completed' },
    });
    expect(lintDisclosure([bootcamp])).toEqual([]); // the text alone is neutral…
    const flagged = lintDisclosure([bootcamp], { custodyAssociatedIssuers: [enterprise.key.did] });
    expect(flagged).toEqual([
      expect.objectContaining({ code: 'custody-issuer', severity: 'high', message: expect.stringMatching(/organisation that works in prisons/) }),
    ]);
    const endorsement = entryDocument(hub, {
      kind: 'endorsement',
      name: 'Skills observed',
      fields: { claim: 'Skills observed: JavaScript, Git, pair programming' },
    });
    expect(lintDisclosure([endorsement], { custodyAssociatedIssuers: [enterprise.key.did] })).toEqual([]);
  });

  it('S5 Priya: custody association can come from accreditations (trust-list metadata)', async () => {
    const enterprise = await makeIssuer('Code Forward');
    const bootcamp = entryDocument(enterprise, { kind: 'course-completion', name: 'Web development bootcamp' });
    const accreditation = { credentialSubject: { id: enterprise.key.did, role: 'prison' } };
    expect(codes(bootcamp, { accreditations: [accreditation] })).toEqual(['custody-issuer']);
  });

  it('S7 Kai: the peer reading mentor role is explained; the neutral wording only carries the kind warning', async () => {
    const charity = await makeIssuer('Shannon Trust');
    const full = entryDocument(charity, {
      kind: 'peer-role',
      name: 'Shannon Trust Reading Plan mentor',
      fields: { roleTitle: 'Reading Plan mentor', organisation: 'Shannon Trust', from: '2025-01', to: '2026-06' },
    });
    const warnings = lintDisclosure([full]);
    expect(warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['custody-kind', 'custody-role', 'custody-issuer', 'custody-organisation']));
    expect(warnings.find((w) => w.code === 'custody-issuer')!.message).toMatch(/organisation that works in prisons/);

    const neutralIssuer = await makeIssuer('Literacy Volunteers Network');
    const neutral = entryDocument(neutralIssuer, {
      kind: 'peer-role',
      name: 'Volunteer literacy mentor',
      description: 'Volunteer literacy mentor, 2025–2026; trained in one-to-one coaching.',
      fields: { roleTitle: 'Volunteer literacy mentor', from: '2025', to: '2026', trainingCompleted: ['One-to-one coaching'] },
    });
    expect(lintDisclosure([neutral])).toEqual([expect.objectContaining({ code: 'custody-kind', severity: 'medium' })]);
  });
});

describe('lintDisclosure rules', () => {
  const issuer = makeIssuer('Neutral Training Ltd');
  const withText = async (text: string) => entryDocument(await issuer, { kind: 'course-completion', name: 'Course', description: text });

  it.each([
    ['Completed at HMP Brixton', 'prison-name'],
    ['Moorland (HMP & YOI)', 'prison-name'],
    ['Feltham YOI', 'prison-name'],
    ['Learner A1234BC', 'prison-number'],
    ['Trained as a Listener', 'custody-role'],
    ['Education orderly for six months', 'custody-role'],
    ['Worked as a wing cleaner', 'custody-role'],
    ['Reading Plan mentor', 'custody-role'],
    ['Funded under PES lot 5', 'funding'],
    ['Prison Education Framework course', 'funding'],
    ['Placement on ROTL', 'temporary-release'],
    ['Release on temporary licence to a local employer', 'temporary-release'],
    ['Completed while in custody', 'custody-words'],
    ['Prison code: MDI', 'prison-code'],
    ['Transferred from Moorland (MDI)', 'prison-code'],
    ['Delivered by The Clink', 'custody-organisation'],
    ['Address: Moorland, DN7 6BW', 'postal-address'],
  ])('%s → %s', async (text, code) => {
    expect(codes(await withText(text))).toContain(code);
  });

  it.each([
    'Functional Skills English Level 2: reading, writing, speaking and listening',
    'Food Safety Level 2 (ICT based), NVQ Level 1 in Horticulture',
    'Listened to customers and solved problems; sentence structure and punctuation',
    'CSCS Green Labourer card, valid until March 2030',
    'Forklift counterbalance (B1) training, 5 days',
  ])('no warning for ordinary text: %s', async (text) => {
    expect(lintDisclosure([await withText(text)])).toEqual([]);
  });

  it('flags establishment codes in establishment fields only', async () => {
    const e = entryDocument(await issuer, { kind: 'course-completion', name: 'ICT course', fields: { establishment: 'LEI', level: 'ICT' } });
    expect(lintDisclosure([e]).map((w) => [w.code, w.path])).toEqual([['prison-code', 'credentialSubject.learningPassport.establishment']]);
  });

  it('flags dates inside a holder-declared private period', async () => {
    const e = entryDocument(await issuer, { kind: 'course-completion', name: 'Course', validFrom: '2025-05-01T00:00:00Z', fields: { completedOn: '2025-04' } });
    const found = lintDisclosure([e], { sensitivePeriods: [{ from: '2025-01-01', to: '2025-12-31' }] });
    expect(found.map((w) => [w.code, w.path])).toEqual([
      ['sensitive-period', 'validFrom'],
      ['sensitive-period', 'credentialSubject.learningPassport.completedOn'],
    ]);
    expect(lintDisclosure([e], { sensitivePeriods: [{ from: '2026-01-01', to: '2026-12-31' }] })).toEqual([]);
  });

  it('rejects caller mistakes with TypeError and skips non-entries', () => {
    expect(() => lintDisclosure('x' as never)).toThrow(TypeError);
    expect(() => lintDisclosure([], { sensitivePeriods: [{ from: 'x', to: 'y' }] })).toThrow(TypeError);
    expect(() => lintDisclosure([], { issuerRoles: [] as never })).toThrow(TypeError);
    expect(lintDisclosure([null, 3, 'HMP Brixton'])).toEqual([]);
  });
});
