// One set of genuine artefacts (entry, passport, presentation, JWTs, SD-JWT, key file,
// accreditation, status list) made once per test file, so hostile variants start from real data.
import {
  addEntries,
  createIssuerProfile,
  createPassport,
  createPresentation,
  createTrustPolicy,
  encryptKeyFile,
  generateKeyPair,
  issueEntry,
  serializePassport,
  type Passport,
  type SigningKeyPair,
  type TrustPolicy,
} from '../../src/index.js';
import { accreditIssuer, createStatusList, encodeStatusList } from '../../src/trust.js';
import { signVpJwt } from '../../src/present.js';
import { issueSdJwtEntry, presentSdJwt, signVcJwt } from '../../src/jwt.js';

export const NOW = new Date('2026-06-01T12:00:00Z');
export const CHALLENGE = 'c-4f1e9b';
export const DOMAIN = 'jobs.example.co.uk';

export interface World {
  authority: SigningKeyPair;
  issuerKey: SigningKeyPair;
  holder: SigningKeyPair;
  policy: TrustPolicy;
  accreditation: Record<string, unknown>;
  entry: Record<string, unknown>;
  passport: Passport;
  passportText: string;
  presentation: Record<string, unknown>;
  vcJwt: string;
  vpJwt: string;
  sdJwt: string;
  /** The SD-JWT as issued (before presentation). */
  sdIssued: string;
  keyFileText: string;
  statusList: string;
}

let world: Promise<World> | undefined;

/** The shared world (built on first use). */
export function getWorld(): Promise<World> {
  world ??= build();
  return world;
}

async function build(): Promise<World> {
  const [authority, issuerKey, holder] = await Promise.all([generateKeyPair(), generateKeyPair(), generateKeyPair()]);
  const issuer = createIssuerProfile({ key: issuerKey, name: 'City & Guilds', role: 'awarding-body' });
  const policy = createTrustPolicy({ roots: [{ did: authority.did, name: 'National Learning Authority' }] });
  const accreditation = (await accreditIssuer(authority, {
    did: issuerKey.did,
    organisation: 'org:city-and-guilds',
    role: 'awarding-body',
    kinds: ['qualification', 'unit-credit'],
    validFrom: '2025-01-01T00:00:00Z',
    displayName: 'City & Guilds',
  })) as unknown as Record<string, unknown>;
  const fields = { title: 'Functional Skills Mathematics', awardingBody: { name: 'City & Guilds' }, level: 'L1', awardedOn: '2026-03' };
  const entry = (await issueEntry('qualification', fields as never, {
    issuer,
    key: issuerKey,
    holder: holder.did,
    validFrom: '2026-03-03T10:00:00Z',
    created: '2026-03-03T10:00:00Z',
  })) as unknown as Record<string, unknown>;
  const empty = createPassport({ holder: holder.did });
  const { passport } = await addEntries(empty, [entry]);
  const { presentation } = await createPresentation({
    holderKey: holder,
    entries: [entry],
    audience: 'employer',
    challenge: CHALLENGE,
    domain: DOMAIN,
    created: NOW,
  });
  const vcJwt = await signVcJwt(entry, issuerKey);
  const { jwt: vpJwt } = await signVpJwt({ holderKey: holder, entries: [entry], audience: 'employer', challenge: CHALLENGE, domain: DOMAIN } as never);
  const sdIssued = await issueSdJwtEntry('qualification', fields as never, { issuer, key: issuerKey, holderKey: holder, disclosable: ['awardedOn'] } as never);
  const sdJwt = await presentSdJwt(sdIssued, { disclose: [], holderKey: holder, nonce: CHALLENGE, aud: DOMAIN } as never);
  const keyFileText = await encryptKeyFile(issuerKey, 'correct horse battery staple', { unsafeIterationsForTesting: 1000 });
  const statusList = await encodeStatusList(createStatusList());
  return {
    authority,
    issuerKey,
    holder,
    policy,
    accreditation,
    entry,
    passport,
    passportText: serializePassport(passport),
    presentation: presentation as unknown as Record<string, unknown>,
    vcJwt,
    vpJwt,
    sdJwt,
    sdIssued,
    keyFileText,
    statusList,
  };
}
