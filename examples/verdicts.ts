// Verification results: `verified` (the document is intact and signed by the key its issuer
// names) and `verdict` (what a person may rely on: valid, not-valid, cant-check), with one
// `headline` and a short `summary`. Run: npx tsx examples/verdicts.ts (after npm run build).
import { createIssuerProfile, createTrustPolicy, generateKeyPair, issueEntry, verifyCredential } from 'learning-passport';
import { accreditIssuer } from 'learning-passport/trust';

export async function verdicts() {
  const authority = await generateKeyPair();
  const key = await generateKeyPair();
  const issuer = createIssuerProfile({ key, name: 'City & Guilds', role: 'awarding-body' });
  const entry = await issueEntry(
    'qualification',
    { title: 'Functional Skills Mathematics', awardingBody: { name: 'City & Guilds' }, level: 'L1', awardedOn: '2026-03' },
    { issuer, key },
  );

  // Without a trust policy: intact and signed (verified), but who issued it was not checked.
  const unchecked = await verifyCredential(entry);
  // unchecked.verified === true, unchecked.verdict === 'cant-check'
  // unchecked.summary: "Can’t check — The signature is intact; who issued it was not checked. Load the authority’s trust list."

  // With the authority's policy and its accreditation of the issuer: valid.
  const policy = createTrustPolicy({ roots: [{ did: authority.did, name: 'National Learning Authority' }] });
  const accreditation = await accreditIssuer(authority, {
    did: key.did,
    organisation: 'org:city-and-guilds',
    role: 'awarding-body',
    kinds: ['qualification'],
    displayName: 'City & Guilds',
  });
  const checked = await verifyCredential(entry, { policy, accreditations: [accreditation] });
  // checked.headline: "✓ Valid: Functional Skills Mathematics, Level 1 — qualification from City & Guilds, awarded March 2026"

  return { unchecked, checked };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { unchecked, checked } = await verdicts();
  console.log(unchecked.verified, unchecked.verdict, unchecked.summary);
  console.log(checked.verdict, checked.headline);
}
