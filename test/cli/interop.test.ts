// The command line with credentials from other platforms (review r13 F1, F2, F10): an
// eddsa-rdfc-2022 badge survives `merge` without --rdfc (kept, "can't check"), `verify --rdfc`
// checks it, and a junk proof appended by a third party neither adds an entry nor makes a conflict.
import { writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { addEntries, createIssuerProfile, createPassport, generateKeyPair, issueEntry, serializePassport, type SigningKeyPair } from '../../src/index.js';
import { addRdfcProof, rdfcProofVerifiers } from '../../src/rdfc/index.js';
import { workspace } from './run.js';

const { lp, file, json } = workspace('lp-cli-interop-');
let learner: SigningKeyPair;

function openBadge(issuer: SigningKeyPair, subject: string): Record<string, unknown> {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: `urn:uuid:${crypto.randomUUID()}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuer.did, type: ['Profile'], name: 'Badge Platform' },
    validFrom: '2026-01-10T09:00:00Z',
    name: 'Forklift safety',
    credentialSubject: {
      id: subject,
      type: ['AchievementSubject'],
      achievement: { id: 'https://badges.example/a/1', type: ['Achievement'], name: 'Forklift safety', criteria: { narrative: 'Completed.' } },
    },
  };
}

beforeAll(async () => {
  learner = await generateKeyPair();
  const platform = await generateKeyPair();
  const badge = await addRdfcProof(openBadge(platform, learner.did), platform, { created: '2026-01-10T09:00:00Z' });
  const withBadge = await addEntries(createPassport({ holder: learner.did }), [badge], { proofVerifiers: rdfcProofVerifiers() });
  writeFileSync(file('badge.passport.json'), serializePassport(withBadge.passport));
  writeFileSync(file('empty.passport.json'), serializePassport(createPassport({ holder: learner.did })));

  const key = await generateKeyPair();
  const issuer = createIssuerProfile({ key, name: 'City & Guilds', role: 'awarding-body' });
  const entry = await issueEntry('award', { name: 'Koestler Award', awardingOrg: 'Koestler Arts', awardedOn: '2026-04' }, { issuer, key, holder: learner.did });
  const junk = {
    ...entry,
    proof: [
      entry.proof,
      {
        type: 'DataIntegrityProof',
        cryptosuite: 'ecdsa-rdfc-2019',
        verificationMethod: 'did:example:x#1',
        proofPurpose: 'assertionMethod',
        proofValue: 'zjunk',
      },
    ],
  };
  writeFileSync(file('a.passport.json'), serializePassport((await addEntries(createPassport({ holder: learner.did }), [entry])).passport));
  // A copy someone edited by hand: written as they made it, not as the library would store it.
  writeFileSync(
    file('b.passport.json'),
    JSON.stringify({ type: 'LearningPassport', version: 1, holder: learner.did, entries: [junk], accreditations: [], statusLists: [], exclusions: [] }),
  );
});

describe('learning-passport with other platforms’ badges', () => {
  it('merge without --rdfc keeps the eddsa-rdfc-2022 badge, says it was not checked, and exits 0', async () => {
    const r = await lp(['merge', 'badge.passport.json', 'empty.passport.json', '-o', 'merged.passport.json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1 entries in merged\.passport\.json/);
    expect(r.stdout).toMatch(/kept but not checked here .*--rdfc/);
    expect(json('merged.passport.json').entries).toHaveLength(1);
    // The other order too (merge is commutative).
    const back = await lp(['merge', 'empty.passport.json', 'badge.passport.json', '-o', 'back.passport.json', '--json']);
    expect(JSON.parse(back.stdout)).toMatchObject({ entries: 1, rejected: [] });
  });

  it('verify says "could not be checked" without --rdfc and valid with it', async () => {
    // No roots are given, so who issued it is never checked here: exit 3 (something missing).
    const without = await lp(['verify', 'merged.passport.json']);
    expect(without.code).toBe(3);
    expect(without.stdout).toMatch(/Can.t check/);
    // The signature was not checked, so nothing says it is intact (who issued it was not checked either).
    expect(without.stdout).not.toMatch(/signatures? (is|are) intact/);
    const withRdfc = await lp(['verify', 'merged.passport.json', '--rdfc']);
    expect(withRdfc.code).toBe(3);
    expect(withRdfc.stdout).toMatch(/who issued (it|them) was not checked/);
    expect(withRdfc.stdout).not.toMatch(/Not valid/);
  });

  it('a junk proof appended by a third party is the same entry: merge adds nothing, verify shows no conflict', async () => {
    const r = await lp(['merge', 'a.passport.json', 'b.passport.json', '-o', 'ab.passport.json', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ entries: 1, added: [], rejected: [], conflicts: 0 });
    const v = await lp(['verify', 'ab.passport.json']);
    expect(v.code).toBe(3); // intact; no roots given, so the issuer is not checked
    expect(v.stdout).not.toMatch(/Not valid/);
    expect(v.stdout).not.toMatch(/conflict/);
  });
});
