// Signed entries for the passport benchmark, made once and cached in bench/.cache/ (gitignored by
// a .gitignore written there). Signing 150,000 entries takes about a minute; reading them back
// takes a few seconds.
import { createReadStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createIssuerProfile, generateKeyPair, issueEntry } from '../src/index.js';

const CACHE_DIR = fileURLToPath(new URL('.cache/', import.meta.url));
const HOLDER = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';

async function generate(count: number, file: string, log: (line: string) => void): Promise<void> {
  const issuers = await Promise.all(
    Array.from({ length: 16 }, async (_, i) => {
      const key = await generateKeyPair();
      return { key, issuer: createIssuerProfile({ key, name: `Provider ${i + 1}`, role: 'education-provider' }) };
    }),
  );
  const lines: string[] = [];
  const started = performance.now();
  for (let i = 0; i < count; i += 256) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(256, count - i) }, (_, k) => {
        const n = i + k;
        const s = issuers[n % issuers.length]!;
        const day = String((n % 28) + 1).padStart(2, '0');
        return issueEntry(
          'unit-credit',
          {
            unitTitle: `Unit ${n}: food safety in catering`,
            awardingBody: { name: 'Highfield Qualifications' },
            level: 'L2',
            achievedOn: `2026-02-${day}`,
            credits: 1,
          },
          { issuer: s.issuer, key: s.key, holder: HOLDER, validFrom: `2026-02-${day}T10:00:00Z`, created: `2026-02-${day}T10:00:00Z` },
        );
      }),
    );
    for (const e of batch) lines.push(JSON.stringify(e));
    if ((i / 256) % 40 === 0) log(`  signed ${i + batch.length} / ${count} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  mkdirSync(CACHE_DIR, { recursive: true });
  writeFileSync(`${CACHE_DIR}.gitignore`, '*\n');
  writeFileSync(file, `${lines.join('\n')}\n`);
}

/** The first `take` of `count` signed unit-credit entries from 16 issuers, from the cache when present. */
export async function benchEntries(count: number, log: (line: string) => void = () => {}, take = count): Promise<Record<string, unknown>[]> {
  const file = `${CACHE_DIR}entries-${count}.jsonl`;
  if (!existsSync(file)) {
    log(`Generating ${count} signed entries into ${file} (once)…`);
    await generate(count, file, log);
  }
  const out: Record<string, unknown>[] = [];
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) {
    if (out.length >= take) break;
    if (line) out.push(JSON.parse(line));
  }
  return out;
}

export { HOLDER as BENCH_HOLDER };
