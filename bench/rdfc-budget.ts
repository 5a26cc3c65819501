// Cost of the eddsa-rdfc-2022 path on a large credential with a garbage signature (no key
// needed), by number of Alignment objects: the JSON-LD + RDFC-1.0 work grows super-linearly, so
// learning-passport/rdfc refuses documents over its budget (RDFC_LIMITS) before calling jsonld.
// Run by hand: `TSX_TSCONFIG_PATH=bench/tsconfig.bench.json tsx bench/rdfc-budget.ts [n…]`.
// Each size runs in this process, one after the other; read the figures as orders of growth.
import { readFileSync } from 'node:fs';
import { base58btc } from 'multiformats/bases/base58';
import { generateKeyPair, verifyCredential } from '../src/index.js';
import { rdfcProofVerifiers } from '../src/rdfc/index.js';

const verifiers = rdfcProofVerifiers();
const key = await generateKeyPair();
const learner = await generateKeyPair();
const base = JSON.parse(readFileSync(new URL('../test/entries/vectors/openbadges-3.0/examples/basicOpenBadgeCredential.json', import.meta.url), 'utf8'));
base.issuer = { id: key.did, type: ['Profile'], name: 'X' };
base.credentialSubject.id = learner.did;
base.proof = {
  type: 'DataIntegrityProof',
  cryptosuite: 'eddsa-rdfc-2022',
  created: '2026-01-01T00:00:00Z',
  verificationMethod: key.verificationMethod,
  proofPurpose: 'assertionMethod',
  proofValue: base58btc.encode(new Uint8Array(64).fill(7)),
};
const sizes = process.argv.slice(2).map(Number);
for (const n of sizes.length ? sizes : [100, 250, 500, 1000, 5000, 15000]) {
  const doc = structuredClone(base);
  doc.credentialSubject.achievement.alignment = Array.from({ length: n }, (_, i) => ({
    type: ['Alignment'],
    targetName: `T${i}`,
    targetUrl: `https://e.example/t/${i}`,
  }));
  const t0 = performance.now();
  const result = await verifyCredential(doc, { proofVerifiers: verifiers });
  const ms = performance.now() - t0;
  const sig = result.checks.find((c) => c.check === 'signature');
  console.log(
    `${String(n).padStart(6)} alignments ${String(JSON.stringify(doc).length).padStart(9)} bytes ${ms.toFixed(0).padStart(7)} ms  ${sig?.status} ${sig?.code ?? ''}`,
  );
}
