import { beforeAll, describe, expect, it } from 'vitest';
import { issueEntry } from '../../src/index.js';
import { addEntries, createPassport, entryId, timeline, verifyPassport, type Passport } from '../../src/passport/index.js';
import { CUSTODY_DISPLAY_NAME, externalBadge, HOLDER, qualification, rawPassport, revocation, signer, tampered, unitCredit, type Signer } from './fixtures.js';

let prison: Signer;
let college: Signer;
let entries: Record<string, unknown>[];
let passport: Passport;

beforeAll(async () => {
  [prison, college] = await Promise.all([signer('HMP A', 'prison'), signer('City & Guilds', 'awarding-body')]);
  const unit = await unitCredit(prison, 'Food safety', '2026-02-14');
  const transfer = await issueEntry(
    'custody-transfer',
    { fromEstablishment: 'HMP A', toEstablishment: 'HMP B', transferDate: '2026-04-02' },
    { issuer: prison.issuer, key: prison.key, validFrom: '2026-04-02T08:00:00Z', created: '2026-04-02T08:00:00Z' },
  );
  entries = [
    unit,
    await qualification(college, 'Maths', { validUntil: '2026-04-20T00:00:00Z' }),
    await revocation(prison, entryId(unit)),
    transfer as unknown as Record<string, unknown>,
    await externalBadge(college, 'Digital skills'),
  ];
  passport = (await addEntries(createPassport({ holder: HOLDER }), entries)).passport;
});

describe('verifyPassport', () => {
  it('reports every entry with its state and a summary', async () => {
    const report = await verifyPassport(passport, { now: new Date('2026-04-10T00:00:00Z') });
    // Every signature holds (verified), but without a trust policy who issued them was not
    // checked: current entries are "can't check", and the revoked one is never valid.
    expect(report.verified).toBe(true);
    expect(report.counts).toEqual({ total: 5, current: 4, valid: 0, notValid: 0, cantCheck: 4, revoked: 1, superseded: 0, conflicts: 0, leftOut: 0 });
    expect(report.summary).toBe('5 entries: 4 current, none fully checked; 1 withdrawn by the issuer; who issued them was not checked.');
    expect(report.verdict).toBe('cant-check');
    expect(report.headline).toBe('? Can’t check: 4 current entries can’t be checked.');
    const byCid = new Map(report.entries.map((e) => [e.cid, e]));
    expect(byCid.get(entryId(entries[0]!))!.state).toBe('revoked');
    expect(byCid.get(entryId(entries[0]!))!.verdict).toBe('not-valid');
    expect(byCid.get(entryId(entries[0]!))!.headline).toMatch(/^✗ Not valid \(withdrawn\): Food safety/);
    expect(byCid.get(entryId(entries[0]!))!.summary).toBe('Not valid — The issuer has withdrawn it. Do not rely on it. Who issued it was not checked.');
    expect(byCid.get(entryId(entries[1]!))!.headline).toMatch(/^\? Can’t check \(issuer not checked\): Maths/);
    expect(byCid.get(entryId(entries[4]!))!.kind).toBe('external');
    expect(byCid.get(entryId(entries[3]!))!.kind).toBe('custody-transfer');
  });

  it('passes options to verifyCredential (now) and counts failures', async () => {
    const report = await verifyPassport(passport, { now: new Date('2026-05-01T00:00:00Z') });
    expect(report.verified).toBe(false);
    expect(report.counts.notValid).toBe(1);
    const maths = report.entries.find((e) => e.cid === entryId(entries[1]!))!;
    expect(maths.result.errors.map((e) => e.code)).toEqual(['ERR_CREDENTIAL_EXPIRED']);
  });

  it('ignores lifecycle statements of entries that fail verification', async () => {
    const forgedRevocation = tampered(entries[2]!);
    const report = await verifyPassport(rawPassport([entries[0], forgedRevocation]), { now: new Date('2026-03-20T00:00:00Z') });
    expect(report.counts.notValid).toBe(1);
    expect(report.entries.find((e) => e.cid === entryId(entries[0]!))!.state).toBe('active');
  });

  it('builds a timeline by date, grouped by kind and issuer', () => {
    const t = timeline(passport);
    expect(t.items.map((i) => [i.kind, i.date, i.dateSource])).toEqual([
      ['external', '2025-11-01T00:00:00.000Z', 'validFrom'],
      ['unit-credit', '2026-02-14', 'learningPassport.achievedOn'],
      ['qualification', '2026-03', 'learningPassport.awardedOn'],
      ['revocation', '2026-04-01T10:00:00.000Z', 'validFrom'],
      ['custody-transfer', '2026-04-02', 'learningPassport.transferDate'],
    ]);
    expect(t.byKind.map((g) => g.kind)).toEqual(['custody-transfer', 'external', 'qualification', 'revocation', 'unit-credit']);
    const prisonGroup = t.byIssuer.find((g) => g.issuer === prison.key.did)!;
    expect(prisonGroup.items.map((i) => i.kind)).toEqual(['unit-credit', 'revocation', 'custody-transfer']);
    expect(prisonGroup.issuerName).toBe(CUSTODY_DISPLAY_NAME); // entries carry the neutral display name
    expect(t.items.find((i) => i.kind === 'unit-credit')!.state).toBe('revoked');
  });

  it('verifies an empty passport and rejects caller mistakes', async () => {
    const empty = await verifyPassport(createPassport({ holder: HOLDER }));
    expect(empty.verified).toBe(true);
    expect(empty.summary).toBe('This passport has no entries.');
    await expect(verifyPassport(passport, { concurrency: -1 })).rejects.toThrow(TypeError);
    await expect(verifyPassport(null as never)).rejects.toThrow(TypeError);
  });
});
