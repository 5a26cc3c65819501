// Runs inside Chromium: the library's main flows (sign, verify, merge, present, trust, QR)
// through a browser bundle. The test bundles this file twice: against the sources, and against
// the published build (dist/) resolved the way a user's bundler resolves the package.
import {
  addEntries,
  canonicalJson,
  createIssuerProfile,
  createPassport,
  createPresentation,
  createTrustPolicy,
  describeEntry,
  generateKeyPair,
  issueEntry,
  mergePassports,
  serializePassport,
  verifyCredential,
  verifyPassport,
  verifyPresentation,
} from 'learning-passport';
import { accreditIssuer } from 'learning-passport/trust';
import { decodeQrPayload, encodeQrPayload } from 'learning-passport/qr';

// Counts WebCrypto Ed25519 calls, so the test can prove signing and verifying went through the
// browser's own crypto (not the @noble/ed25519 fallback, and certainly not node:crypto).
const ed25519Calls = { sign: 0, verify: 0, importKey: 0 };
function spyOnSubtle(): void {
  const proto = SubtleCrypto.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  const algName = (alg: unknown): unknown => (typeof alg === 'string' ? alg : (alg as { name?: unknown } | null)?.name);
  for (const method of ['sign', 'verify', 'importKey'] as const) {
    const original = proto[method]!;
    proto[method] = function (this: unknown, ...args: unknown[]) {
      const alg = method === 'importKey' ? args[2] : args[0];
      if (algName(alg) === 'Ed25519') ed25519Calls[method]++;
      return original.apply(this, args);
    };
  }
}

const codes = (r: { errors: { code: string }[] }): string[] => r.errors.map((e) => e.code);
const iso = (offsetDays: number): string => new Date(Date.now() + offsetDays * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

async function run(): Promise<Record<string, unknown>> {
  spyOnSubtle();
  const webCryptoEd25519 = await crypto.subtle
    .generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])
    .then(() => true)
    .catch(() => false);

  // Sign: an awarding body issues two entries to a learner, a prison one.
  const authority = await generateKeyPair();
  const awardingKey = await generateKeyPair();
  const prisonKey = await generateKeyPair();
  const learner = await generateKeyPair();
  const awarding = createIssuerProfile({ key: awardingKey, name: 'City & Guilds', role: 'awarding-body' });
  const prison = createIssuerProfile({ key: prisonKey, name: 'HMP Northfield', displayName: 'Northfield Learning Centre', role: 'prison' });
  const common = { holder: learner.did, validFrom: iso(-30), created: iso(-30) };
  const maths = await issueEntry(
    'qualification',
    { title: 'Functional Skills Maths', awardingBody: { name: 'City & Guilds' }, level: 'L1', awardedOn: iso(-30).slice(0, 7) },
    { issuer: awarding, key: awardingKey, ...common },
  );
  const english = await issueEntry(
    'qualification',
    { title: 'Functional Skills English', awardingBody: { name: 'City & Guilds' }, level: 'L2', awardedOn: iso(-30).slice(0, 7) },
    { issuer: awarding, key: awardingKey, ...common },
  );
  const job = await issueEntry(
    'work-experience',
    {
      roleTitle: 'Kitchen team member',
      organisationDisplay: 'Northfield Learning Centre',
      sector: 'hospitality-and-catering',
      from: iso(-200).slice(0, 7),
      to: iso(-40).slice(0, 7),
    },
    { issuer: prison, key: prisonKey, ...common },
  );

  // Verify, and detect tampering (a changed title, a changed subject).
  const verified = await verifyCredential(maths);
  const changedTitle = structuredClone(maths) as unknown as { credentialSubject: { achievement: { name: string } } };
  changedTitle.credentialSubject.achievement.name = 'Functional Skills Maths Level 2';
  const tampered = await verifyCredential(changedTitle);
  const changedHolder = await verifyCredential({ ...maths, credentialSubject: { ...maths.credentialSubject, id: authority.did } });

  // Merge: two copies with overlapping entries, in both orders, give byte-identical files.
  const copyA = (await addEntries(createPassport({ holder: learner.did }), [maths, job])).passport;
  const copyB = (await addEntries(createPassport({ holder: learner.did }), [job, english])).passport;
  const ab = await mergePassports(copyA, copyB);
  const ba = await mergePassports(copyB, copyA);
  const report = await verifyPassport(ab.passport);

  // Trust: the authority accredits the awarding body for qualifications only.
  const window = { validFrom: iso(-365), validUntil: iso(365), created: iso(-365) };
  const accreditations = [
    await accreditIssuer(authority, {
      did: awardingKey.did,
      organisation: 'org:city-and-guilds',
      role: 'awarding-body',
      kinds: ['qualification'],
      displayName: 'City & Guilds',
      ...window,
    }),
  ];
  const policy = createTrustPolicy({ roots: [authority.did] });
  const trusted = await verifyCredential(maths, { policy, accreditations });
  const notAccredited = await verifyCredential(job, { policy, accreditations });
  const otherRoot = await verifyCredential(maths, { policy: createTrustPolicy({ roots: [learner.did] }), accreditations });

  // Present: bound to the employer's challenge and domain; a replay is refused.
  const challenge = crypto.randomUUID();
  const domain = 'jobs.buildright.example';
  const shared = await createPresentation({ holderKey: learner, entries: [maths, english], audience: 'employer', challenge, domain });
  const presented = await verifyPresentation(shared.presentation, { challenge, domain, policy, accreditations });
  const replay = await verifyPresentation(shared.presentation, { challenge: crypto.randomUUID(), domain, policy, accreditations });
  const otherSite = await verifyPresentation(shared.presentation, { challenge, domain: 'evil.example', policy, accreditations });

  // QR: the payload decodes to exactly the signed entry, which still verifies.
  const payload = await encodeQrPayload(maths);
  const decoded = await decodeQrPayload(payload);
  const decodedResult = await verifyCredential(decoded);

  return {
    webCryptoEd25519,
    ed25519Calls,
    sign: { kind: verified.kind, description: describeEntry(maths) },
    verify: { verified: verified.verified, summary: verified.summary },
    tamper: { title: codes(tampered), holder: codes(changedHolder), verified: tampered.verified || changedHolder.verified },
    merge: {
      identical: serializePassport(ab.passport) === serializePassport(ba.passport),
      entries: ab.passport.entries.length,
      rejected: ab.rejected.length + ba.rejected.length,
      verified: report.verified,
      valid: report.counts.valid,
    },
    trust: {
      trusted: trusted.verified,
      notAccredited: { verified: notAccredited.verified, issuerTrust: notAccredited.checks.find((c) => c.check === 'issuer-trust')?.status },
      otherRoot: otherRoot.verified,
    },
    present: {
      verified: presented.verified,
      entries: presented.entries.map((e) => e.verified),
      summary: presented.summary,
      replay: { verified: replay.verified, codes: codes(replay) },
      otherSite: { verified: otherSite.verified, codes: codes(otherSite) },
    },
    qr: {
      prefix: payload.slice(0, 4),
      roundTrip: canonicalJson(decoded) === canonicalJson(maths),
      verified: decodedResult.verified,
    },
  };
}

(globalThis as { __results?: Promise<unknown> }).__results = run().catch((err: Error) => ({ error: `${err.name}: ${err.message}\n${err.stack}` }));
