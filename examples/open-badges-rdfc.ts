// Open Badges and eddsa-rdfc-2022: an entry with a proof set that the Open Badges ecosystem can
// verify, and an Open Badge from another system joining a passport.
// Run (after `npm run build`): npx tsx examples/open-badges-rdfc.ts
import { addEntries, createIssuerProfile, createPassport, generateKeyPair, issueEntry, verifyCredential } from 'learning-passport';
import { addRdfcProof, rdfcProofVerifiers } from 'learning-passport/rdfc';

export async function openBadgesRdfc(badgeFromElsewhere?: object) {
  const key = await generateKeyPair();
  const issuer = createIssuerProfile({ key, name: 'City & Guilds', role: 'awarding-body' });
  const learner = await generateKeyPair();
  const entry = await issueEntry(
    'award',
    { name: 'Koestler Award for Poetry', awardingOrg: 'Koestler Arts', awardedOn: '2026-04' },
    { issuer, key, holder: learner.did },
  );

  // 1. Keep the eddsa-jcs-2022 proof and add an eddsa-rdfc-2022 one: proof is now a proof set.
  const both = await addRdfcProof(entry, key);

  // 2. Each proof verifies on its own: the main entry checks eddsa-jcs-2022; with the subpath's
  //    verifiers the eddsa-rdfc-2022 proof is checked too (DCC, 1EdTech and Digital Bazaar
  //    verifiers read that one).
  const proofVerifiers = rdfcProofVerifiers();
  const checkedByMain = await verifyCredential(both);
  const checkedByBoth = await verifyCredential(both, { proofVerifiers });

  // 3. Open Badges secured with eddsa-rdfc-2022 or Ed25519Signature2020 join a passport as kind
  //    `external` when the verifiers are passed; without them they are "can't check".
  let passport = createPassport({ holder: learner.did });
  ({ passport } = await addEntries(passport, [both, ...(badgeFromElsewhere ? [badgeFromElsewhere] : [])], { proofVerifiers }));

  return { mainVerified: checkedByMain.verified, bothVerified: checkedByBoth.verified, entries: passport.entries.length, proofs: both.proof };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { mainVerified, bothVerified } = await openBadgesRdfc();
  console.log(mainVerified && bothVerified ? '✓' : '✗', 'entry with eddsa-jcs-2022 + eddsa-rdfc-2022 proofs');
}
