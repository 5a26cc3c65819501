// learning-passport accredit revoke | compromise: end an accreditation, or declare a key
// compromised from a moment on. The output is a signed accreditation revocation: staple it into
// passports ("trust add") and publish it in the next trust list ("trust-list build").
import { ACCREDITATION_TYPE, parseDidKey, revokeAccreditation } from '../api.js';
import { isPlainObject } from '../../internal/json.js';
import { colour, line, printJson, readJson, Refusal, say, UsageError, writeText } from '../io.js';
import { dateFlag } from './issue.js';
import { loadIssuer } from '../load.js';
import type { CommandContext } from '../types.js';

/** The accreditation --accreditation names: its id, and the credential when a file was given. */
function accreditationFrom(value: unknown): { id: string; doc?: Record<string, unknown> } | undefined {
  if (typeof value !== 'string') return undefined;
  if (!value.endsWith('.json')) return { id: value };
  const doc = readJson(value, 'accreditation file') as Record<string, unknown>;
  if (!isPlainObject(doc) || typeof doc.id !== 'string') throw new UsageError(`${value} is not an accreditation (it has no id)`, 'ERR_ACCREDITATION_INVALID');
  const types = Array.isArray(doc.type) ? doc.type : [doc.type];
  if (!types.includes(ACCREDITATION_TYPE)) throw new UsageError(`${value} is not an accreditation (made by "accredit -o")`, 'ERR_ACCREDITATION_INVALID');
  return { id: doc.id, doc };
}

/**
 * A revocation is honoured only from a trust root or from the key that made the accreditation.
 * A key with no such power is refused here (exit 1), instead of writing a notice that can have
 * no effect: an authority's key may end any accreditation (it may be the root verifiers pin);
 * any other key only one it made, shown by --accreditation <file>.
 */
function checkPower(
  key: { did: string },
  role: string | undefined,
  target: { id: string; doc?: Record<string, unknown> } | undefined,
  did: string | undefined,
): void {
  const issuer = target?.doc ? (isPlainObject(target.doc.issuer) ? target.doc.issuer.id : target.doc.issuer) : undefined;
  if (role === 'authority') return;
  if (target?.doc) {
    if (issuer !== key.did) {
      throw new Refusal(
        `this key (${key.did}) did not make the accreditation ${target.id} (it was made by ${String(issuer)}), so its revocation would have no effect; only its accreditor or a trust root can end it`,
        'ERR_LIFECYCLE_UNAUTHORISED',
      );
    }
    return;
  }
  throw new Refusal(
    `this key (${key.did}) is not an authority's, and nothing shows it accredited ${did ?? target?.id ?? 'that key'}: give --accreditation <the accreditation file it made>, so the revocation is known to have an effect`,
    'ERR_LIFECYCLE_UNAUTHORISED',
  );
}

/** --did (or --replaced-by) as a did:key, named by its flag when it is not one. */
function didFlag(value: unknown, flag = '--did'): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    return parseDidKey(value).did;
  } catch {
    throw new UsageError(
      `${flag} "${value}" is not the did:key of an Ed25519 key (one looks like did:key:z6Mk…; "keys show <file>" prints it)`,
      'ERR_FLAG_VALUE',
    );
  }
}

export const accreditRevokeUsage = [
  'accredit revoke --key <root.key.json> (--accreditation <id | acc.json> | --did <did> [--organisation <org>]) --reason <text> [--effective time] [--replaced-by <new key did>] -o revocation.json',
  'accredit compromise --key <root.key.json> --did <did> --since <YYYY-MM-DD | date-time> --reason <text> -o notice.json',
];

export const accreditRevokeExamples = [
  'learning-passport accredit revoke --key authority.key.json --accreditation leeds-accreditation.json --reason "Contract ended" -o leeds-revocation.json',
  'learning-passport accredit compromise --key authority.key.json --did did:key:z6Mk… --since 2026-05-01 --reason "Laptop stolen" -o leeds-compromise.json',
];

export const accreditRevokeOptions = {
  accreditation: { type: 'string' },
  reason: { type: 'string' },
  effective: { type: 'string' },
  since: { type: 'string' },
  'replaced-by': { type: 'string' },
} as const;

/** Runs `accredit revoke` and `accredit compromise`. */
export async function accreditRevoke(action: 'revoke' | 'compromise', { values, json }: CommandContext): Promise<number> {
  if (typeof values.reason !== 'string' || values.reason.trim() === '')
    throw new UsageError(`accredit ${action} needs --reason <plain words, shown to verifiers>`);
  const target = accreditationFrom(values.accreditation);
  const accreditation = target?.id;
  const did = didFlag(values.did);
  if (action === 'compromise') {
    if (!did) throw new UsageError('accredit compromise needs --did <the compromised key>', 'ERR_FLAG_MISSING');
    if (typeof values.since !== 'string')
      throw new UsageError('accredit compromise needs --since <YYYY-MM-DD or date-time from which nothing signed with the key is trusted>', 'ERR_FLAG_MISSING');
  } else if (!accreditation && !did) throw new UsageError('accredit revoke needs --accreditation <id or file> or --did <key>', 'ERR_FLAG_MISSING');
  // The same date forms as every other date flag: YYYY-MM-DD (midnight UTC) or a date-time with a zone.
  const since = action === 'compromise' ? dateFlag(values, 'since') : undefined;
  // A planned rotation names the key that replaces this one: what the old key signed inside its
  // window then keeps its verdict (SECURITY.md, "A planned key rotation is not an end of trust").
  const replacedBy = didFlag(values['replaced-by'], '--replaced-by');
  if (replacedBy && action === 'compromise')
    throw new UsageError('a compromise is not a planned rotation: --replaced-by belongs to "accredit revoke"', 'ERR_USAGE');
  const effective = dateFlag(values, 'effective');
  const { key, profile } = await loadIssuer(values);
  checkPower(key, profile?.role, target, did);
  const revocation = await revokeAccreditation(key, {
    ...(accreditation && action === 'revoke' ? { accreditation } : {}),
    ...(did ? { did } : {}),
    ...(typeof values.organisation === 'string' ? { organisation: values.organisation } : {}),
    ...(since ? { compromisedSince: since } : {}),
    ...(replacedBy ? { replacedBy } : {}),
    ...(effective ? { effective } : {}),
    reason: values.reason,
  });
  const text = `${JSON.stringify(revocation, null, 2)}\n`;
  if (typeof values.out === 'string') writeText(values.out, text, values.force === true);
  if (json || typeof values.out !== 'string') printJson(revocation);
  else {
    say(
      line`${colour.green('✓')} ${action === 'compromise' ? `compromise notice for ${did} from ${String(since)}` : 'accreditation revocation'} → ${values.out}`,
    );
    say('  Staple it into passports ("trust add") and publish it in your next trust list ("trust-list build --previous").');
  }
  return 0;
}
