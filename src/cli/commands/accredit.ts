// learning-passport accredit: a root (or an accredited authority) vouches for an issuer.
import { ISSUER_ROLES, type IssuerRole } from '../api.js';
import { accreditIssuer, TRUST_KINDS, type TrustKind } from '../api.js';
import { colour, line, printJson, say, UsageError, writeText } from '../io.js';
import { didYouMean } from '../suggest.js';
import { dateFlag } from './issue.js';
import { list, loadIssuer } from '../load.js';
import type { Command } from '../types.js';
import { accreditRevoke, accreditRevokeExamples, accreditRevokeOptions, accreditRevokeUsage } from './accredit-revoke.js';

export const accreditCommand: Command = {
  name: 'accredit',
  summary: 'sign an accreditation for an issuer (role, kinds, validity window)',
  usage: [
    'accredit --key <root.key.json> --did <issuer did> --organisation <org id> --role <role> --kinds <kind,kind> [--valid-from d] [--valid-until d] [--display-name n] -o accreditation.json',
    ...accreditRevokeUsage,
  ],
  examples: [
    'learning-passport accredit --key authority.key.json --did did:key:z6Mk… --organisation org:hmp-leeds --role prison --kinds course-completion,custody-transfer,checkpoint --display-name "Leeds Learning Centre" -o leeds-accreditation.json',
    ...accreditRevokeExamples,
  ],
  options: {
    key: { type: 'string' },
    did: { type: 'string' },
    organisation: { type: 'string' },
    role: { type: 'string' },
    kinds: { type: 'string', multiple: true },
    'valid-from': { type: 'string' },
    'valid-until': { type: 'string' },
    'display-name': { type: 'string' },
    out: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
    'passphrase-file': { type: 'string' },
    ...accreditRevokeOptions,
  },
  async run(context) {
    const { positionals, values, json } = context;
    if (positionals[0] === 'revoke' || positionals[0] === 'compromise') return accreditRevoke(positionals[0], context);
    if (typeof values.did !== 'string' || typeof values.organisation !== 'string')
      throw new UsageError('accredit needs --did and --organisation', 'ERR_FLAG_MISSING');
    const role = values.role as IssuerRole;
    if (!ISSUER_ROLES.includes(role))
      throw new UsageError(`--role must be one of: ${ISSUER_ROLES.join(', ')}${didYouMean(String(role ?? ''), ISSUER_ROLES)}`, 'ERR_FLAG_VALUE');
    const kinds = list(values.kinds);
    const unknown = kinds.filter((k) => !(TRUST_KINDS as readonly string[]).includes(k));
    if (kinds.length === 0 || unknown.length > 0) {
      const hint = unknown.length ? `; unknown: ${unknown.join(', ')}${didYouMean(unknown[0]!, TRUST_KINDS)}` : '';
      throw new UsageError(`--kinds must list entry kinds (${TRUST_KINDS.join(', ')})${hint}`, 'ERR_FLAG_VALUE');
    }
    // The same date forms an entry's --valid-from accepts: YYYY-MM-DD or a date-time with a zone.
    const validFrom = dateFlag(values, 'valid-from');
    const validUntil = dateFlag(values, 'valid-until');
    const { key } = await loadIssuer(values);
    const accreditation = await accreditIssuer(key, {
      did: values.did,
      organisation: values.organisation,
      role,
      kinds: kinds as TrustKind[],
      ...(validFrom ? { validFrom } : {}),
      ...(validUntil ? { validUntil } : {}),
      ...(typeof values['display-name'] === 'string' ? { displayName: values['display-name'] } : {}),
    });
    const text = `${JSON.stringify(accreditation, null, 2)}\n`;
    if (typeof values.out === 'string') writeText(values.out, text, values.force === true);
    if (json || typeof values.out !== 'string') printJson(accreditation);
    else say(line`${colour.green('✓')} ${values.organisation} accredited as ${role} for ${kinds.join(', ')} → ${values.out}`);
    return 0;
  },
};
