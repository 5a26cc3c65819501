// learning-passport accredit revoke | compromise: end an accreditation, or declare a key
// compromised from a moment on. The output is a signed accreditation revocation: staple it into
// passports ("trust add") and publish it in the next trust list ("trust-list build").
import { revokeAccreditation } from '../../trust.js';
import { colour, printJson, readJson, UsageError, writeText } from '../io.js';
import { loadIssuer } from '../load.js';
import type { CommandContext } from '../types.js';

/** The accreditation id from --accreditation: an id, or the file `accredit -o` wrote. */
function accreditationId(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (!value.endsWith('.json')) return value;
  const doc = readJson(value, 'accreditation file') as { id?: unknown };
  if (typeof doc?.id !== 'string') throw new UsageError(`${value} is not an accreditation (it has no id)`);
  return doc.id;
}

export const accreditRevokeUsage = [
  'accredit revoke --key <root.key.json> (--accreditation <id | acc.json> | --did <did> [--organisation <org>]) --reason <text> [--effective time] -o revocation.json',
  'accredit compromise --key <root.key.json> --did <did> --since <time> --reason <text> -o notice.json',
];

export const accreditRevokeExamples = [
  'learning-passport accredit revoke --key authority.key.json --accreditation leeds-accreditation.json --reason "Contract ended" -o leeds-revocation.json',
  'learning-passport accredit compromise --key authority.key.json --did did:key:z6Mk… --since 2026-05-01T00:00:00Z --reason "Laptop stolen" -o leeds-compromise.json',
];

export const accreditRevokeOptions = {
  accreditation: { type: 'string' },
  reason: { type: 'string' },
  effective: { type: 'string' },
  since: { type: 'string' },
} as const;

/** Runs `accredit revoke` and `accredit compromise`. */
export async function accreditRevoke(action: 'revoke' | 'compromise', { values, json }: CommandContext): Promise<number> {
  if (typeof values.reason !== 'string' || values.reason.trim() === '') throw new UsageError(`accredit ${action} needs --reason <plain words, shown to verifiers>`);
  const accreditation = accreditationId(values.accreditation);
  const did = typeof values.did === 'string' ? values.did : undefined;
  if (action === 'compromise') {
    if (!did) throw new UsageError('accredit compromise needs --did <the compromised key>');
    if (typeof values.since !== 'string') throw new UsageError('accredit compromise needs --since <date-time from which nothing signed with the key is trusted>');
  } else if (!accreditation && !did) throw new UsageError('accredit revoke needs --accreditation <id or file> or --did <key>');
  const { key } = await loadIssuer(values);
  let revocation;
  try {
    revocation = await revokeAccreditation(key, {
      ...(accreditation && action === 'revoke' ? { accreditation } : {}),
      ...(did ? { did } : {}),
      ...(typeof values.organisation === 'string' ? { organisation: values.organisation } : {}),
      ...(action === 'compromise' ? { compromisedSince: values.since as string } : {}),
      ...(typeof values.effective === 'string' ? { effective: values.effective } : {}),
      reason: values.reason,
    });
  } catch (err) {
    if (err instanceof TypeError) throw new UsageError(err.message.replace('"compromisedSince"', '--since').replace('"effective"', '--effective').replace('"did"', '--did'));
    throw err;
  }
  const text = `${JSON.stringify(revocation, null, 2)}\n`;
  if (typeof values.out === 'string') writeText(values.out, text, values.force === true);
  if (json || typeof values.out !== 'string') printJson(revocation);
  else console.log(`${colour.green('✓')} ${action === 'compromise' ? `compromise notice for ${did} from ${String(values.since)}` : 'accreditation revocation'} → ${values.out}\n  Staple it into passports ("trust add") and publish it in your next trust list ("trust-list build --previous").`);
  return 0;
}
