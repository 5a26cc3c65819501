// One identity per signed entry (issue 10, item 1): every encoding of an entry that still verifies
// has the same CID, so revocation, supersession, checkpoints and de-duplication, which all match
// on CID, cannot be dodged by re-encoding an entry.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyCredential } from '../../src/index.js';
import { addEntries, createPassport, currentView, entryId, mergePassports, serializePassport, verifyPassport } from '../../src/passport/index.js';
import { HOLDER, externalBadge, qualification, reordered, revocation, signer, type Signer } from './fixtures.js';

let college: Signer;
let entry: Record<string, unknown>;
let badge: Record<string, unknown>;

beforeAll(async () => {
  college = await signer('City & Guilds', 'awarding-body');
  entry = await qualification(college, 'Maths', { id: 'urn:uuid:3e1f0c2a-8b4d-4f6e-9a1b-2c3d4e5f6a7b' });
  badge = (await externalBadge(college, 'Forklift')) as never;
});

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v));

/** Encodings a third party can produce without any key. */
type Change =
  | { t: 'wrap-proof' }
  | { t: 'append-context'; value: unknown }
  | { t: 'reorder' }
  | { t: 'add-field'; key: string; value: unknown }
  | { t: 'proof-field'; key: string; value: unknown }
  | { t: 'drop-context' }
  | { t: 'proof-context'; value: unknown }
  | { t: 'two-proofs' };

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);

function apply(doc: Record<string, unknown>, change: Change): Record<string, unknown> {
  const out = clone(doc);
  const proof = (Array.isArray(out.proof) ? out.proof[0] : out.proof) as Record<string, unknown>;
  switch (change.t) {
    case 'wrap-proof':
      out.proof = Array.isArray(out.proof) ? out.proof : [out.proof];
      return out;
    case 'append-context':
      out['@context'] = [...list(out['@context']), change.value];
      return out;
    case 'reorder':
      return reordered(out);
    case 'add-field':
      out[change.key] = change.value;
      return out;
    case 'proof-field':
      proof[change.key] = change.value;
      return out;
    case 'drop-context':
      out['@context'] = list(out['@context']).slice(0, -1);
      return out;
    case 'proof-context':
      proof['@context'] = [...list(proof['@context']), change.value];
      return out;
    case 'two-proofs':
      out.proof = [proof, proof];
      return out;
  }
}

const json = fc.oneof(fc.webUrl(), fc.string({ maxLength: 8 }), fc.dictionary(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 }), { maxKeys: 2 }));
const change: fc.Arbitrary<Change> = fc.oneof(
  fc.constant({ t: 'wrap-proof' as const }),
  json.map((value) => ({ t: 'append-context' as const, value })),
  fc.constant({ t: 'reorder' as const }),
  fc.tuple(fc.constantFrom('note', 'name', 'id', '@context'), json).map(([key, value]) => ({ t: 'add-field' as const, key, value })),
  fc.tuple(fc.constantFrom('note', 'created', 'domain'), json).map(([key, value]) => ({ t: 'proof-field' as const, key, value })),
  fc.constant({ t: 'drop-context' as const }),
  json.map((value) => ({ t: 'proof-context' as const, value })),
  fc.constant({ t: 'two-proofs' as const }),
);

describe('entry identity is a function of what the issuer signed', () => {
  it('every transformation that keeps an entry verifying keeps its CID (fast-check)', async () => {
    let verifying = 0;
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.array(change, { minLength: 1, maxLength: 4 }), async (useBadge, changes) => {
        const original = useBadge ? badge : entry;
        const changed = changes.reduce(apply, original);
        const result = await verifyCredential(changed);
        if (result.verified) {
          verifying++;
          expect(entryId(changed)).toBe(entryId(original));
          // And a passport holds it in the one canonical form, byte for byte.
          const a = (await addEntries(createPassport({ holder: HOLDER }), [changed])).passport;
          const b = (await addEntries(createPassport({ holder: HOLDER }), [original])).passport;
          expect(serializePassport(a)).toBe(serializePassport(b));
        }
      }),
      { numRuns: 150 },
    );
    expect(verifying).toBeGreaterThan(0);
  });

  it('the proof as a one-item list and extra contexts after the signed ones give the same CID', async () => {
    // Appended contexts are outside the signature; a verifier that knows the appended vocabulary
    // accepts the entry, so the identity must not change (the unsigned tail is the threat).
    const variants = [
      { ...entry, proof: [entry.proof] },
      { ...entry, '@context': [...(entry['@context'] as string[]), 'https://evil.example/ctx'] },
      { ...entry, proof: [entry.proof], '@context': [...(entry['@context'] as string[]), 'https://evil.example/ctx'] },
    ];
    for (const v of variants) {
      expect((await verifyCredential(v, { knownContexts: ['https://evil.example/ctx'] })).verified).toBe(true);
      expect(entryId(v)).toBe(entryId(entry));
    }
    // An inline context object is never a known vocabulary, so no verifier here accepts it; it still
    // cannot mint a new identity for the entry.
    const inline = { ...entry, proof: [entry.proof], '@context': [...(entry['@context'] as string[]), { note: 'x' }] };
    const report = await verifyCredential(inline);
    expect(report.verified).toBe(false);
    expect(report.errors.map((e) => e.code)).toEqual(['ERR_CONTEXT_UNKNOWN']);
    expect(entryId(inline)).toBe(entryId(entry));
  });
});

describe('re-encoding cannot dodge lifecycle or forge conflicts (issue 10 regressions)', () => {
  it('a revoked entry re-added as array-proof or extra-context stays revoked', async () => {
    const withdraw = await revocation(college, entryId(entry));
    const { passport } = await addEntries(createPassport({ holder: HOLDER }), [entry, withdraw]);
    for (const v of [
      { ...entry, proof: [entry.proof] },
      { ...entry, '@context': [...(entry['@context'] as string[]), 'https://evil.example/ctx'] },
    ]) {
      const again = await addEntries(passport, [v]);
      expect(again.added).toEqual([]);
      expect(again.duplicates).toEqual([entryId(entry)]);
      expect(again.passport.entries).toHaveLength(2);
      expect(currentView(again.passport).byCid.get(entryId(entry))!.state).toBe('revoked');
      const report = await verifyPassport(again.passport);
      expect(report.entries.filter((e) => e.state === 'active').map((e) => e.kind)).toEqual(['revocation']);
      // The same through a merge with a copy that holds only the re-encoded entry.
      const copy = { type: 'LearningPassport', version: 1, holder: HOLDER, entries: [v], accreditations: [], statusLists: [], exclusions: [] } as never;
      const merged = await mergePassports(passport, copy);
      expect(merged.added).toEqual([]);
      expect(currentView(merged.passport).byCid.get(entryId(entry))!.state).toBe('revoked');
    }
  });

  it('a third party cannot make a genuine entry show as conflict', async () => {
    const { passport } = await addEntries(createPassport({ holder: HOLDER }), [entry]);
    const forged = [
      { ...entry, '@context': [...(entry['@context'] as string[]), 'https://evil.example/ctx'] },
      { ...entry, proof: [entry.proof] },
    ];
    const copy = { type: 'LearningPassport', version: 1, holder: HOLDER, entries: forged, accreditations: [], statusLists: [], exclusions: [] } as never;
    const merged = await mergePassports(passport, copy);
    expect(merged.conflicts).toEqual([]);
    expect(merged.passport.entries).toHaveLength(1);
    expect(currentView(merged.passport).byCid.get(entryId(entry))!.state).toBe('active');
  });
});
