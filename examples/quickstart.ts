// Quick start: an awarding body signs a qualification, the learner's passport holds it, and
// anyone can verify it offline. Run (after `npm run build`): npx tsx examples/quickstart.ts
import {
  addEntries,
  createIssuerProfile,
  createPassport,
  describeEntry,
  generateKeyPair,
  issueEntry,
  serializePassport,
  verifyCredential,
} from 'learning-passport';

export async function quickstart() {
  // 1. An issuer: an Ed25519 key (did:key) and a profile with its role.
  const key = await generateKeyPair();
  const issuer = createIssuerProfile({ key, name: 'City & Guilds', role: 'awarding-body' });

  // 2. The learner has a holder key of their own (or a name-based identity on paper).
  const learner = await generateKeyPair();

  // 3. Issue one achievement: a signed W3C VC 2.0 / Open Badges 3.0 credential.
  const entry = await issueEntry(
    'qualification',
    {
      title: 'Functional Skills Mathematics',
      awardingBody: { name: 'City & Guilds' },
      level: 'L1',
      awardedOn: '2026-03',
    },
    { issuer, key, holder: learner.did },
  );

  // 4. Anyone verifies it offline: no network, no central database.
  const result = await verifyCredential(entry);

  // 5. The learner's passport holds the entry; copies merge by content address.
  const { passport } = await addEntries(createPassport({ holder: learner.did }), [entry]);

  return { verified: result.verified, line: describeEntry(entry), file: serializePassport(passport) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { verified, line } = await quickstart();
  console.log(verified ? '✓' : '✗', line);
}
