// Quick start: a prison's education department signs a course completion under a neutral name,
// the learner's passport holds it, and anyone verifies it offline under a trust policy that pins
// only the national authority's key. Run (after `npm run build`): npx tsx examples/quickstart.ts
import {
  addEntries,
  addTrustMaterial,
  createIssuerProfile,
  createPassport,
  createTrustPolicy,
  describeEntry,
  generateKeyPair,
  issueEntry,
  serializePassport,
  verifyCredential,
} from 'learning-passport';
import { accreditIssuer } from 'learning-passport/trust';

export async function quickstart() {
  // 1. The national authority: the one key a verifier pins (published, e.g. on its website).
  const authority = await generateKeyPair();

  // 2. An issuer with a custody role must have a neutral display name: entries carry
  //    "Northfield Learning Centre", never "HMP Northfield", so they never reveal custody.
  const key = await generateKeyPair();
  const issuer = createIssuerProfile({ key, name: 'HMP Northfield', displayName: 'Northfield Learning Centre', role: 'prison' });

  // 3. The authority accredits the prison's key for the kinds of entry it may issue.
  const accreditation = await accreditIssuer(authority, {
    did: key.did,
    organisation: 'org:hmp-northfield',
    role: 'prison',
    kinds: ['course-completion'],
  });

  // 4. The learner has a holder key of their own (or a name-based identity on paper).
  const learner = await generateKeyPair();

  // 5. Issue one achievement: a signed W3C VC 2.0 / Open Badges 3.0 credential.
  const entry = await issueEntry(
    'course-completion',
    { title: 'Barista skills', provider: 'Northfield Learning Centre', completedOn: '2026-03', outcome: 'completed' },
    { issuer, key, holder: learner.did },
  );

  // 6. Anyone verifies it offline under a trust policy: no network, no central database; the
  //    accreditation travels with the entry, and the verifier needs only the authority's DID.
  const policy = createTrustPolicy({ roots: [authority.did] });
  const result = await verifyCredential(entry, { policy, accreditations: [accreditation] });

  // 7. The learner's passport holds the entry and the accreditation; copies merge by content address.
  const { passport: withEntry } = await addEntries(createPassport({ holder: learner.did }), [entry]);
  const { passport } = await addTrustMaterial(withEntry, { accreditations: [accreditation] });

  return { verified: result.verified, line: describeEntry(entry), issuerName: entry.issuer.name, file: serializePassport(passport) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { verified, line } = await quickstart();
  console.log(verified ? '✓' : '✗', line);
}
