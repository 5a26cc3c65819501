// No custody leak to an employer, by construction. An entry a prison signed under a neutral
// display name reveals custody only through its issuer's role, which lives in the accreditation;
// these tests walk the README's sharing call and the employer example, and attack the property
// over random selections, scanning everything an employer receives: the presentation, the
// verification result (summary, checks, messages), the QR payloads and the print pack.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { runEmployerScenario } from '../../examples/employer-scenario.js';
import {
  addEntries,
  addTrustMaterial,
  createIssuerProfile,
  createPassport,
  createPresentation,
  createTrustPolicy,
  CUSTODY_ROLES,
  generateKeyPair,
  isCustodyRole,
  ISSUER_ROLES,
  issueEntry,
  isPassportError,
  verifyCredential,
  verifyPresentation,
  type IssuerProfile,
  type Passport,
  type SigningKeyPair,
  type TrustPolicy,
} from '../../src/index.js';
import { accreditIssuer, type AccreditationCredential } from '../../src/trust.js';
import { lintDisclosure, printPack, selectEntries, signVpJwt, verifyVpJwt } from '../../src/present.js';
import { decodeQrPayload, encodeQrPayload } from '../../src/qr.js';

// Words an employer must never read unless the holder chose to share a custody entry. Written
// out here, independently of the linter's own rules, so a gap in the linter cannot hide itself.
const CUSTODY_TEXT = /\b(?:HMP|HMYOI|YOI|prisons?|prisoners?|probation|custody|custodial|offenders?|inmates?|jails?|gaols?)\b|hmp-|Eastwood|Wing cleaner/i;
const ROLE_TEXT = new RegExp(`\\b(?:${CUSTODY_ROLES.join('|')})\\b`, 'i');

/** Every string an employer reads in a verification result. */
function resultText(result: {
  summary: string;
  headline: string;
  checks: { message: string }[];
  errors: { message: string }[];
  entries: { summary: string; headline: string; description: string; checks: { message: string }[] }[];
}): string {
  return [
    result.summary,
    result.headline,
    ...result.checks.map((c) => c.message),
    ...result.errors.map((e) => e.message),
    ...result.entries.flatMap((e) => [e.summary, e.headline, e.description, ...e.checks.map((c) => c.message)]),
  ].join('\n');
}

/** The QR payload texts and the decoded QR contents of each shared entry, and the print pack. */
async function paperText(entries: readonly object[]): Promise<string> {
  const payloads = await Promise.all(entries.map((e) => encodeQrPayload(e)));
  const decoded = await Promise.all(payloads.map((p) => decodeQrPayload(p)));
  const pack = entries.length > 0 ? await printPack(entries, { printedOn: new Date('2026-06-01T00:00:00Z') }) : '';
  return [...payloads, ...decoded.map((d) => JSON.stringify(d)), pack].join('\n');
}

const window = { validFrom: '2026-01-01T00:00:00Z', validUntil: '2031-01-01T00:00:00Z', created: '2026-01-01T00:00:00Z' };
const issued = { validFrom: '2026-03-03T10:00:00Z', created: '2026-03-03T10:00:00Z' };
const now = new Date('2026-06-01T09:00:00Z');

let authority: SigningKeyPair;
let holderKey: SigningKeyPair;
let prisonKey: SigningKeyPair;
let probationKey: SigningKeyPair;
let prison: IssuerProfile;
let policy: TrustPolicy;
let accreditations: AccreditationCredential[];
let passport: Passport;
/** Entries the prison or probation signed (neutral text), then entries of other issuers. */
let custodyEntries: Record<string, unknown>[];
let otherEntries: Record<string, unknown>[];

beforeAll(async () => {
  const [a, h, p, pr, body, charity, cscs] = await Promise.all(Array.from({ length: 7 }, () => generateKeyPair()));
  [authority, holderKey, prisonKey, probationKey] = [a!, h!, p!, pr!];
  accreditations = [
    await accreditIssuer(authority, {
      did: body!.did,
      organisation: 'org:city-and-guilds',
      role: 'awarding-body',
      kinds: ['qualification'],
      displayName: 'City & Guilds',
      ...window,
    }),
    await accreditIssuer(authority, {
      did: cscs!.did,
      organisation: 'org:cscs',
      role: 'scheme-operator',
      kinds: ['licence-card'],
      displayName: 'CSCS',
      ...window,
    }),
    await accreditIssuer(authority, {
      did: charity!.did,
      organisation: 'org:second-chance',
      role: 'charity',
      kinds: ['mentoring', 'course-completion'],
      displayName: 'Second Chance Mentoring',
      ...window,
    }),
    await accreditIssuer(authority, {
      did: prisonKey.did,
      organisation: 'org:hmp-northfield',
      role: 'prison',
      kinds: ['course-completion', 'employability-skill', 'custody-transfer'],
      displayName: 'Northfield Learning Centre',
      ...window,
    }),
    await accreditIssuer(authority, {
      did: probationKey.did,
      organisation: 'org:probation-north',
      role: 'probation',
      kinds: ['employability-skill'],
      displayName: 'North Skills Service',
      ...window,
    }),
  ];
  policy = createTrustPolicy({ roots: [{ did: authority.did, name: 'National Learning Authority' }] });
  prison = createIssuerProfile({ key: prisonKey, name: 'HMP Northfield', displayName: 'Northfield Learning Centre', role: 'prison' });
  const probation = createIssuerProfile({ key: probationKey, name: 'North Probation Service', displayName: 'North Skills Service', role: 'probation' });
  const common = { holder: holderKey.did, ...issued };
  custodyEntries = [
    await issueEntry(
      'course-completion',
      { title: 'Barista skills', provider: 'Northfield Learning Centre', hours: 12, completedOn: '2026-02', outcome: 'completed' },
      { issuer: prison, key: prisonKey, ...common },
    ),
    await issueEntry(
      'employability-skill',
      {
        skill: 'teamwork',
        rating: { scale: 'demonstration-1-5', value: 4, max: 5 },
        evidence: 'Led a team of four on a kitchen project.',
        assessedOn: '2026-02',
        context: 'Training kitchen',
      },
      { issuer: prison, key: prisonKey, ...common },
    ),
    await issueEntry(
      'custody-transfer',
      { fromEstablishment: 'HMP Eastwood', toEstablishment: 'HMP Northfield', transferDate: '2026-01-10' },
      { issuer: prison, key: prisonKey, ...common },
    ),
    await issueEntry(
      'employability-skill',
      {
        skill: 'reliability',
        rating: { scale: 'demonstration-1-5', value: 5, max: 5 },
        evidence: 'Attended every session on time.',
        assessedOn: '2026-04',
        context: 'Weekly skills sessions',
      },
      { issuer: probation, key: probationKey, ...common },
    ),
  ] as unknown as Record<string, unknown>[];
  otherEntries = [
    await issueEntry(
      'qualification',
      { title: 'Functional Skills Maths', awardingBody: { name: 'City & Guilds' }, level: 'L1', awardedOn: '2026-03' },
      { issuer: createIssuerProfile({ key: body!, name: 'City & Guilds', role: 'awarding-body' }), key: body!, ...common },
    ),
    await issueEntry(
      'licence-card',
      { scheme: 'CSCS', cardType: 'Green Labourer', issuedOn: '2026-03-03', expiresOn: '2031-03-03', attestationMode: 'scheme-signed' },
      { issuer: createIssuerProfile({ key: cscs!, name: 'CSCS', role: 'scheme-operator' }), key: cscs!, ...common, validUntil: '2031-03-03T00:00:00Z' },
    ),
    await issueEntry(
      'mentoring',
      { programme: 'Through-the-gate mentoring', organisation: 'Second Chance Mentoring', from: '2026-04', sessions: 6 },
      { issuer: createIssuerProfile({ key: charity!, name: 'Second Chance Mentoring', role: 'charity' }), key: charity!, ...common },
    ),
  ] as unknown as Record<string, unknown>[];
  passport = (
    await addTrustMaterial((await addEntries(createPassport({ holder: holderKey.did }), [...custodyEntries, ...otherEntries])).passport, { accreditations })
  ).passport;
});

describe('the README sharing call (Sharing with employers)', () => {
  it('leaves every prison- and probation-signed entry out and carries no custody accreditation', async () => {
    const challenge = 'c-readme-1';
    const domain = 'jobs.buildright.example';
    // Verbatim from the README:
    const { presentation, excluded, overrides } = await createPresentation({
      holderKey,
      entries: passport.entries,
      audience: 'employer',
      challenge,
      domain,
      accreditations: passport.accreditations,
    });
    const result = await verifyPresentation(presentation, { challenge, domain, policy });

    expect(overrides).toEqual([]);
    expect(excluded).toHaveLength(custodyEntries.length);
    expect((presentation.verifiableCredential ?? []).map((e) => (e.issuer as { id: string }).id)).not.toContain(prisonKey.did);
    const carried = (presentation.accreditations ?? []) as { credentialSubject: { role: string } }[];
    expect(carried.map((c) => c.credentialSubject.role).filter(isCustodyRole)).toEqual([]);
    const json = JSON.stringify(presentation);
    expect(json).not.toMatch(CUSTODY_TEXT);
    expect(json).not.toContain(prisonKey.did);
    expect(json).not.toContain(probationKey.did);
    expect(json).not.toContain('Northfield');
    expect(result.verified).toBe(true);
    expect(resultText(result)).not.toMatch(CUSTODY_TEXT);
    expect(resultText(result)).not.toMatch(ROLE_TEXT);
    expect(await paperText(presentation.verifiableCredential ?? [])).not.toMatch(CUSTODY_TEXT);
  });

  it('the issue’s attack: a neutral prison entry shared with its accreditation, but no lint option', async () => {
    // Before the fix this shared the barista course, carried `role: 'prison'`, and the employer
    // read "Valid — issued by Northfield Learning Centre, an accredited prison".
    const { presentation, excluded } = await createPresentation({
      holderKey,
      entries: [custodyEntries[0]!],
      audience: 'employer',
      challenge: 'c',
      domain: 'd',
      accreditations,
    });
    expect(presentation.verifiableCredential).toBeUndefined();
    expect(presentation.accreditations).toBeUndefined();
    expect(excluded.map((e) => e.reason)).toEqual(['custody-revealing']);
    const result = await verifyPresentation(presentation, { challenge: 'c', domain: 'd', policy });
    expect(result.verified).toBe(false); // nothing was shared, so nothing is "verified"
    expect(resultText(result)).not.toMatch(CUSTODY_TEXT);
  });

  it('the holder’s preview (selectEntries with the passport’s accreditations) agrees with the presentation', async () => {
    const preview = selectEntries(passport.entries, { audience: 'employer', accreditations: passport.accreditations });
    expect(preview.selected.map((e) => (e.issuer as { id: string }).id)).not.toContain(prisonKey.did);
    expect(preview.selected.map((e) => (e.issuer as { id: string }).id)).not.toContain(probationKey.did);
    expect(preview.excluded).toHaveLength(custodyEntries.length);
  });

  it('when the holder includes a prison entry, it is logged, its accreditation travels, and no verdict names the role', async () => {
    const barista = custodyEntries[0]!;
    const { presentation, overrides } = await createPresentation({
      holderKey,
      entries: passport.entries,
      audience: 'employer',
      challenge: 'c2',
      domain: 'd',
      accreditations: passport.accreditations,
      include: [barista.id as string],
    });
    expect(overrides).toEqual([expect.objectContaining({ id: barista.id, kind: 'course-completion', reason: 'custody-revealing' })]);
    const carried = (presentation.accreditations ?? []) as { credentialSubject: { id: string; role: string } }[];
    // The prison's accreditation only; the probation service's stays home.
    expect(carried.filter((c) => isCustodyRole(c.credentialSubject.role)).map((c) => c.credentialSubject.id)).toEqual([prisonKey.did]);
    const result = await verifyPresentation(presentation, { challenge: 'c2', domain: 'd', policy, now });
    expect(result.verified).toBe(true);
    const lines = resultText(result);
    expect(lines).toContain('Northfield Learning Centre');
    expect(lines).toMatch(/issued by Northfield Learning Centre, accredited by National Learning Authority/);
    expect(lines).not.toMatch(ROLE_TEXT);
    expect(lines).not.toMatch(CUSTODY_TEXT);
  });
});

describe('examples/employer-scenario.ts: everything an employer receives', () => {
  it('names no custody word, prison, or role; the included course is shared with a neutral verdict', async () => {
    const outcome = await runEmployerScenario();
    const [plain, chosen] = outcome.received.presentations;
    const [result, replay, cafe] = outcome.received.results;
    expect(JSON.stringify(plain)).not.toMatch(CUSTODY_TEXT);
    expect(JSON.stringify(plain)).not.toContain('Northfield');
    for (const r of [result!, replay!, cafe!]) {
      expect(resultText(r)).not.toMatch(CUSTODY_TEXT);
      expect(resultText(r)).not.toMatch(ROLE_TEXT);
    }
    expect(await paperText(plain!.verifiableCredential ?? [])).not.toMatch(CUSTODY_TEXT);
    // The course Amira chose to include: its own words are neutral on paper too.
    expect(await paperText(chosen!.verifiableCredential ?? [])).not.toMatch(CUSTODY_TEXT);
    expect(outcome.included).toEqual({
      sharedKinds: ['qualification', 'licence-card', 'course-completion'],
      overrides: [{ kind: 'course-completion', reason: 'custody-revealing' }],
      verified: true,
      summary: expect.stringContaining('Barista skills — course from Northfield Learning Centre'),
    });
  });
});

describe('property: employer output holds custody context only when the holder included it', () => {
  it('over random selections of a mixed passport, and random explicit includes', async () => {
    const all = () => [...custodyEntries, ...otherEntries];
    await fc.assert(
      fc.asyncProperty(fc.subarray([0, 1, 2, 3, 4, 5, 6]), fc.subarray([0, 1, 2, 3, 4, 5, 6]), fc.boolean(), async (offered, included, viaLintOption) => {
        const entries = offered.map((i) => all()[i]!);
        const include = included.filter((i) => offered.includes(i)).map((i) => all()[i]!.id as string);
        const custodyIncluded = included.some((i) => offered.includes(i) && i < custodyEntries.length);
        const challenge = `c-${offered.join('')}-${included.join('')}`;
        const { presentation, overrides } = await createPresentation({
          holderKey,
          entries,
          audience: 'employer',
          challenge,
          domain: 'd',
          include,
          // The linter must see the accreditations whether or not the caller also passes them to it.
          ...(viaLintOption ? { lint: { accreditations } } : {}),
          accreditations,
        });
        const result = await verifyPresentation(presentation, { challenge, domain: 'd', policy, now });
        // Verdict lines never name a custody role, whatever was shared.
        expect(resultText(result)).not.toMatch(ROLE_TEXT);
        if (!custodyIncluded) {
          const shared = presentation.verifiableCredential ?? [];
          expect(overrides).toEqual([]);
          expect(JSON.stringify(presentation)).not.toMatch(CUSTODY_TEXT);
          expect(JSON.stringify(presentation)).not.toContain(prisonKey.did);
          expect(JSON.stringify(presentation)).not.toContain(probationKey.did);
          expect(resultText(result)).not.toMatch(CUSTODY_TEXT);
          expect(resultText(result)).not.toContain('Northfield');
          // Whatever was shared verifies under the root alone; nothing shared is never "verified".
          expect(result.verified).toBe(shared.length > 0);
        } else {
          expect(overrides.length).toBeGreaterThan(0);
          expect(result.verified).toBe(true);
        }
      }),
      { numRuns: 30 },
    );
  });
});

describe('custody roles and issuer names', () => {
  it('one list, derived from the role definitions', () => {
    expect(CUSTODY_ROLES).toEqual(['prison', 'probation']);
    expect(ISSUER_ROLES.filter(isCustodyRole)).toEqual([...CUSTODY_ROLES]);
    expect(isCustodyRole('charity')).toBe(false);
    expect(isCustodyRole(undefined)).toBe(false);
  });

  it('createIssuerProfile refuses a custody role without a neutral displayName', async () => {
    const key = await generateKeyPair();
    const refused = (input: Parameters<typeof createIssuerProfile>[0]) => {
      try {
        createIssuerProfile(input);
      } catch (err) {
        return isPassportError(err, 'ERR_NEUTRAL_NAME_REQUIRED');
      }
      return false;
    };
    for (const role of CUSTODY_ROLES) {
      expect(refused({ key, name: 'HMP Northfield', role })).toBe(true);
      for (const displayName of [
        'HMP Northfield',
        'Northfield Prison Education',
        'YOI Werrington',
        'North Probation Hub',
        'HM Prison Service',
        'Northfield custody education',
      ]) {
        expect(refused({ key, name: 'HMP Northfield', displayName, role }), displayName).toBe(true);
      }
      expect(createIssuerProfile({ key, name: 'HMP Northfield', displayName: 'Northfield Learning Centre', role }).displayName).toBe(
        'Northfield Learning Centre',
      );
    }
    // Other roles keep their names as they are.
    expect(createIssuerProfile({ key, name: 'City & Guilds', role: 'awarding-body' }).name).toBe('City & Guilds');
  });

  it('issueEntry signs the display name, never the official name, and refuses a hand-built custody profile without one', async () => {
    const fields = { title: 'Barista skills', provider: 'Northfield Learning Centre', completedOn: '2026-02', outcome: 'completed' } as const;
    const entry = await issueEntry('course-completion', fields, { issuer: prison, key: prisonKey, ...issued });
    expect(entry.issuer).toEqual({ id: prisonKey.did, type: ['Profile'], name: 'Northfield Learning Centre' });
    expect(JSON.stringify(entry)).not.toContain('HMP');
    const handMade = { id: prisonKey.did, type: ['Profile'], name: 'HMP Northfield', role: 'prison' } as IssuerProfile;
    await expect(issueEntry('course-completion', fields, { issuer: handMade, key: prisonKey })).rejects.toMatchObject({ code: 'ERR_NEUTRAL_NAME_REQUIRED' });
    await expect(
      issueEntry('course-completion', fields, { issuer: { ...handMade, displayName: 'HMP Northfield Education' }, key: prisonKey }),
    ).rejects.toMatchObject({ code: 'ERR_NEUTRAL_NAME_REQUIRED' });
  });

  it('verifyCredential (a QR scan) names the neutral display name and the authority, never the custody role', async () => {
    for (const entry of custodyEntries.filter((e) => !JSON.stringify(e).includes('custody-transfer'))) {
      const result = await verifyCredential(entry, { policy, accreditations, now } as never);
      expect(result.verified).toBe(true);
      expect(result.verdict).toBe('valid');
      expect(result.summary).toMatch(/^Valid — issued by (Northfield Learning Centre|North Skills Service), accredited by National Learning Authority;/);
      expect(result.headline).toMatch(/^✓ Valid: /);
      expect(resultText({ ...result, entries: [] })).not.toMatch(ROLE_TEXT);
    }
  });

  it('the linter counts an issuer as custody if any accreditation or trust-list entry says so, in any order', async () => {
    const charityAcc = await accreditIssuer(authority, {
      did: prisonKey.did,
      organisation: 'org:other',
      role: 'charity',
      kinds: ['course-completion'],
      ...window,
    });
    const prisonAcc = accreditations.find((a) => (a.credentialSubject as { id: string }).id === prisonKey.did)!;
    for (const accs of [
      [charityAcc, prisonAcc],
      [prisonAcc, charityAcc],
    ]) {
      expect(lintDisclosure([custodyEntries[0]!], { accreditations: accs }).some((w) => w.code === 'custody-issuer' && w.severity === 'high')).toBe(true);
    }
    expect(
      lintDisclosure([custodyEntries[0]!], { accreditations: [prisonAcc], issuerRoles: { [prisonKey.did]: 'charity' } }).some(
        (w) => w.code === 'custody-issuer',
      ),
    ).toBe(true);
  });

  it('a custody accreditation, or one a custody organisation signed, never travels in another issuer’s chain', async () => {
    const college = await generateKeyPair();
    const viaProbation = await accreditIssuer(probationKey, {
      did: college.did,
      organisation: 'org:college',
      role: 'education-provider',
      kinds: ['qualification'],
      ...window,
    });
    const entry = await issueEntry(
      'qualification',
      { title: 'Food Hygiene', awardingBody: { name: 'Highfield' }, level: 'L2', awardedOn: '2026-03' },
      {
        issuer: createIssuerProfile({ key: college, name: 'North College', role: 'education-provider' }),
        key: college,
        holder: holderKey.did,
        ...issued,
      },
    );
    const { presentation } = await createPresentation({
      holderKey,
      entries: [entry],
      audience: 'employer',
      challenge: 'c',
      domain: 'd',
      accreditations: [...accreditations, viaProbation],
    });
    expect(presentation.verifiableCredential).toHaveLength(1);
    expect(JSON.stringify(presentation.accreditations ?? [])).not.toContain(probationKey.did);
  });
});

describe('an empty presentation is not verified', () => {
  it('verifyPresentation: ERR_PRESENTATION_EMPTY, "can’t check"', async () => {
    const { presentation } = await createPresentation({ holderKey, entries: [], audience: 'employer', challenge: 'c', domain: 'd' });
    const result = await verifyPresentation(presentation, { challenge: 'c', domain: 'd' });
    expect(result.verified).toBe(false);
    expect(result.errors.map((e) => e.code)).toEqual(['ERR_PRESENTATION_EMPTY']);
    expect(result.summary).toMatch(/^Can’t check this presentation: .*nothing to check\. Ask the person to share again\.$/);
    expect(result.verdict).toBe('cant-check');
    // A replay still reads as a replay, not as "empty".
    const replay = await verifyPresentation(presentation, { challenge: 'other', domain: 'd' });
    expect(replay.errors.map((e) => e.code)).toEqual(['ERR_PRESENTATION_CHALLENGE_MISMATCH']);
  });

  it('verifyVpJwt: the same', async () => {
    const { jwt } = await signVpJwt({ holderKey, entries: [custodyEntries[2]!], audience: 'employer', challenge: 'c', domain: 'd' });
    const result = await verifyVpJwt(jwt, { challenge: 'c', domain: 'd' });
    expect(result.verified).toBe(false);
    expect(result.errors.map((e) => e.code)).toEqual(['ERR_PRESENTATION_EMPTY']);
  });
});
