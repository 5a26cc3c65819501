// CPU time per operation (all threads, process.cpuUsage), for a machine too busy for wall-clock
// figures to mean much: learning-passport sign/verify against the native floor, in one process.
// Run after `npm run build:lib`: TSX_TSCONFIG_PATH=bench/tsconfig.bench.json npx tsx bench/cpu-per-op.ts
import { createHash, createPrivateKey, createPublicKey, sign as nodeSign, verify as nodeVerify } from 'node:crypto';
import canonicalize from 'canonicalize';
import { base58btc } from 'multiformats/bases/base58';
import { createIssuerProfile, generateKeyPair, issueEntry, signCredential, verifyCredential } from 'learning-passport';

const key = await generateKeyPair();
const issuer = createIssuerProfile({ key, name: 'City & Guilds', role: 'awarding-body' });
const entry = (await issueEntry(
  'qualification',
  { title: 'Functional Skills Mathematics', awardingBody: { name: 'City & Guilds' }, level: 'L1', awardedOn: '2026-03' },
  { issuer, key, created: '2026-03-03T10:00:00Z' },
)) as unknown as Record<string, unknown>;
const { proof, ...unsigned } = entry as { proof: Record<string, unknown> };
const { proofValue: _v, ...config } = proof;
const seed = base58btc.decode(key.secretKeyMultibase).slice(2);
const pub = base58btc.decode(key.publicKeyMultibase).slice(2);
const privateKey = createPrivateKey({ key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]), format: 'der', type: 'pkcs8' });
const publicKey = createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), pub]), format: 'der', type: 'spki' });
const hashes = (c: unknown, d: unknown) =>
  Buffer.concat([createHash('sha256').update(canonicalize(c)!).digest(), createHash('sha256').update(canonicalize(d)!).digest()]);
const floorSign = () => base58btc.encode(nodeSign(null, hashes(config, unsigned), privateKey));
const floorVerify = () => {
  const { proof: p, ...rest } = entry as { proof: Record<string, unknown> };
  const { proofValue, ...c } = p;
  return nodeVerify(null, hashes(c, rest), publicKey, base58btc.decode(proofValue as string));
};

async function cpuPerOp(fn: () => unknown, n: number): Promise<number> {
  for (let i = 0; i < 300; i++) await fn();
  const start = process.cpuUsage();
  for (let i = 0; i < n; i++) await fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / n;
}

const rows: [string, number][] = [];
for (let round = 0; round < 3; round++) {
  rows.push(['signCredential', await cpuPerOp(() => signCredential(unsigned, key, { created: '2026-03-03T10:00:00Z' }), 3000)]);
  rows.push(['native sign floor', await cpuPerOp(floorSign, 3000)]);
  rows.push(['verifyCredential', await cpuPerOp(() => verifyCredential(entry), 3000)]);
  rows.push(['native verify floor', await cpuPerOp(floorVerify, 3000)]);
}
const best = (name: string) => Math.min(...rows.filter(([n]) => n === name).map(([, v]) => v));
console.log('| operation | CPU µs per op (best of 3 rounds of 3,000) | share of the native floor |');
console.log('| --- | ---: | ---: |');
console.log(`| signCredential | ${best('signCredential').toFixed(1)} | ${Math.round((100 * best('native sign floor')) / best('signCredential'))}% |`);
console.log(`| native sign floor | ${best('native sign floor').toFixed(1)} | 100% |`);
console.log(`| verifyCredential | ${best('verifyCredential').toFixed(1)} | ${Math.round((100 * best('native verify floor')) / best('verifyCredential'))}% |`);
console.log(`| native verify floor | ${best('native verify floor').toFixed(1)} | 100% |`);
