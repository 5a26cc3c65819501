// learning-passport trust-list build | verify | show: the authority's one signed file of roots,
// accreditations, revocations and compromise notices, and status list snapshots.
// A trust list is mail from anyone until its signature is checked: `show` and `verify` print
// nothing from it before that, and everything after it goes through line`…` (escaped), since an
// operator name may hold ESC[2K, a carriage return or a right-to-left override.
import {
  ACCREDITATION_REVOCATION_TYPE,
  ACCREDITATION_TYPE,
  createTrustContext,
  createTrustList,
  createTrustPolicy,
  verifyTrustList,
  type TrustList,
} from '../api.js';
import { isPlainObject } from '../../internal/json.js';
import { colour, line, mark, printJson, readJson, Refusal, say, UsageError, warn, writeText } from '../io.js';
import { list, loadCredentials, loadIssuer } from '../load.js';
import { checkedTrustList } from '../trust-options.js';
import type { Command } from '../types.js';
import { dateFlag } from './issue.js';
import { rootsFrom } from './verify.js';

const arr = (value: readonly unknown[] | unknown): Record<string, unknown>[] => (Array.isArray(value) ? value.filter(isPlainObject) : []);
const typesOf = (item: Record<string, unknown>): unknown[] => (Array.isArray(item.type) ? item.type : [item.type]);
const issuerOf = (item: Record<string, unknown>): unknown => (isPlainObject(item.issuer) ? item.issuer.id : item.issuer);

/**
 * --next-update: a number of days from now ("30d", so a monthly list needs no date arithmetic),
 * a day (YYYY-MM-DD, midnight UTC) or a date-time with a time zone.
 */
function nextUpdateFrom(value: string): string {
  const days = /^(\d{1,4})d$/.exec(value.trim());
  if (days) {
    const n = Number(days[1]);
    if (n < 1) throw new UsageError('--next-update must be at least 1d (one day from now)', 'ERR_FLAG_VALUE');
    return new Date(Date.now() + n * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  return dateFlag({ 'next-update': value }, 'next-update')!;
}

/** ETSI TS 119 612 lets a trusted list go at most six months before the next one. */
const LONGEST_GAP_DAYS = 183;

/**
 * The previous list for `build --previous`: signed by the building key, or by the key before it
 * in the documented authority-key rotation (a list signed by the old key that already names the
 * new key among its roots). Anything else — a list from another key, a tampered one — is refused:
 * the new list would carry its items and count on from its number under the authority's name.
 */
async function previousList(path: string, signer: string): Promise<TrustList> {
  const document = readJson(path, 'previous trust list');
  let own;
  try {
    own = await checkedTrustList(document, `--previous ${path}`, [signer], { acceptStale: true });
  } catch (err) {
    if (!(err instanceof Refusal) || err.code !== 'ERR_TRUST_LIST_SIGNER') throw err;
    const self = await checkedTrustList(document, `--previous ${path}`, [], { acceptStale: true });
    if (!self.result.trustList.roots.some((r) => r.did === signer)) {
      throw new Refusal(
        `--previous ${path} is signed by ${self.result.trustList.operator}, not by --key (${signer}), and does not name --key among its roots; a new list continues only a list of the same authority (after an authority key rotation: one signed by the old key with the new key added by --root)`,
        'ERR_TRUST_LIST_SIGNER',
      );
    }
    own = self;
  }
  return own.result.trustList;
}

/**
 * The items a new list may carry: each signed and intact, and each made by a root of the list
 * or by an authority the list itself accredits (capability `accredit`). An item from anyone else
 * would be shown under the authority's name although the authority never made it.
 */
async function checkItems(items: Record<string, unknown>[], roots: readonly string[]): Promise<void> {
  items.forEach((item, i) => {
    const t = typesOf(item);
    if (!t.includes(ACCREDITATION_TYPE) && !t.includes(ACCREDITATION_REVOCATION_TYPE)) {
      throw new UsageError(
        `--accreditations item ${i + 1} is not an accreditation, a revocation or a compromise notice (its type is ${JSON.stringify(item.type)})`,
        'ERR_ACCREDITATION_INVALID',
      );
    }
  });
  const context = await createTrustContext({ policy: createTrustPolicy({ roots: [...new Set(roots)] }), accreditations: items });
  const bad = context.rejected[0];
  if (bad) throw new Refusal(`an accreditation given to the list ${bad.id ?? ''} is refused: ${bad.reason}`, bad.code);
  const accreditors = new Set<string>(roots);
  for (const item of items) {
    const subject = isPlainObject(item.credentialSubject) ? item.credentialSubject : {};
    if (
      typesOf(item).includes(ACCREDITATION_TYPE) &&
      Array.isArray(subject.capabilities) &&
      subject.capabilities.includes('accredit') &&
      typeof subject.id === 'string'
    )
      accreditors.add(subject.id);
  }
  for (const item of items) {
    const by = issuerOf(item);
    if (typeof by !== 'string' || !accreditors.has(by)) {
      throw new Refusal(
        `${String(item.id)} was signed by ${String(by)}, which is neither a root of this list nor an authority it accredits: the list would show it under the authority’s name`,
        'ERR_ISSUER_UNTRUSTED',
      );
    }
  }
}

async function build(values: Record<string, unknown>, json: boolean): Promise<number> {
  if (typeof values.name !== 'string') throw new UsageError('trust-list build needs --name <the authority’s name>', 'ERR_FLAG_MISSING');
  if (typeof values['next-update'] !== 'string')
    throw new UsageError(
      'trust-list build needs --next-update <30d, YYYY-MM-DD or date-time>: when the next list will be published at the latest',
      'ERR_FLAG_MISSING',
    );
  if (typeof values.out !== 'string') throw new UsageError('trust-list build needs -o <list.json>', 'ERR_FLAG_MISSING');
  const nextUpdate = nextUpdateFrom(values['next-update']);
  const now = Date.now();
  if (Date.parse(nextUpdate) <= now)
    throw new UsageError(
      `--next-update ${String(values['next-update'])} is not in the future: it is when the next list will be published at the latest`,
      'ERR_DATE_INVALID',
    );
  if (typeof values.sequence === 'string' && !/^\d+$/.test(values.sequence))
    throw new UsageError(`--sequence must be a whole number from 1 (got "${values.sequence}")`, 'ERR_FLAG_VALUE');
  const { key } = await loadIssuer(values);
  // With --previous, the new list carries everything the old one did, plus what is given now.
  const previous = typeof values.previous === 'string' ? await previousList(values.previous, key.did) : undefined;
  const sequence = typeof values.sequence === 'string' ? Number(values.sequence) : previous ? previous.sequenceNumber + 1 : Number.NaN;
  if (!Number.isSafeInteger(sequence) || sequence < 1)
    throw new UsageError('--sequence must be a whole number from 1 (or give --previous to count on from the last list)', 'ERR_FLAG_VALUE');
  if (previous && sequence <= previous.sequenceNumber)
    throw new UsageError(`--sequence must be above the previous list’s ${previous.sequenceNumber}`, 'ERR_FLAG_VALUE');
  const given = list(values.root);
  const roots = given.length ? given.map((did) => ({ did })) : previous ? [...previous.roots] : [{ did: key.did, name: values.name }];
  const items = [...arr(previous?.accreditations), ...arr(previous?.revocations), ...loadCredentials(values.accreditations, '--accreditations')];
  await checkItems(items, [key.did, ...roots.map((r) => r.did)]);
  const document = await createTrustList(key, {
    operatorName: values.name,
    sequenceNumber: sequence,
    nextUpdate,
    roots,
    accreditations: items,
    statusLists: [...arr(previous?.statusLists), ...loadCredentials(values['status-list'], '--status-list')],
  });
  writeText(values.out, `${JSON.stringify(document, null, 2)}\n`, values.force === true);
  const s = document.credentialSubject;
  const longGap = Date.parse(s.nextUpdate) - now > LONGEST_GAP_DAYS * 86_400_000;
  if (json) {
    printJson({
      out: values.out,
      sequenceNumber: s.sequenceNumber,
      issued: s.issued,
      nextUpdate: s.nextUpdate,
      accreditations: s.accreditations.length,
      revocations: s.revocations.length,
      statusLists: s.statusLists.length,
    });
  } else {
    say(
      line`${colour.green('✓')} trust list #${s.sequenceNumber} of ${s.operatorName} (${s.accreditations.length} accreditation(s), ${s.revocations.length} revocation(s), next update ${s.nextUpdate}) → ${values.out}`,
    );
  }
  if (longGap) {
    warn(
      line`${colour.yellow('warning:')} the next update is more than six months away (${s.nextUpdate}): until then a verifier holding this list learns of no withdrawal or compromise. ETSI TS 119 612 sets six months as the longest gap.`,
    );
  }
  return 0;
}

function show(list: TrustList, pinned: boolean): void {
  say(
    line`${colour.bold(`Trust list #${list.sequenceNumber}`)} of ${list.operatorName} — issued ${list.issued}, next update ${list.nextUpdate}${list.stale ? ' (out of date)' : ''}`,
  );
  if (pinned) say(line`  signed by ${list.operator}, a key you gave with --root or --trust`);
  else
    say(
      line`${colour.yellow(`  signed by ${list.operator}: the signature holds, but nothing says this key is your authority's (check with --root <authority did>)`)}`,
    );
  say('Roots:');
  for (const r of arr(list.roots))
    say(
      line`  ${String(r.name ?? '')} ${String(r.did)}${r.validFrom ? ` from ${String(r.validFrom)}` : ''}${r.validUntil ? ` until ${String(r.validUntil)}` : ''}`,
    );
  say('Accreditations:');
  for (const a of arr(list.accreditations)) {
    const sub = isPlainObject(a.credentialSubject) ? a.credentialSubject : {};
    const kinds = Array.isArray(sub.kinds) ? sub.kinds.join(', ') : '';
    say(line`  ${String(sub.organisation)} as ${String(sub.role)} for ${kinds} (${String(a.validFrom)}${a.validUntil ? ` to ${String(a.validUntil)}` : ''})`);
  }
  say('Revocations and compromise notices:');
  for (const r of arr(list.revocations)) {
    const sub = isPlainObject(r.credentialSubject) ? r.credentialSubject : {};
    say(
      line`  ${String(sub.accreditation ?? sub.id)} from ${String(r.validFrom)}${sub.compromisedSince ? `, compromised since ${String(sub.compromisedSince)}` : ''}: ${String(sub.reason)}`,
    );
  }
  say(`Status lists: ${list.statusLists.length}`);
}

export const trustListCommand: Command = {
  name: 'trust-list',
  summary: 'build, verify or show an authority’s signed trust list',
  usage: [
    'trust-list build --key <authority.key.json> --name <operator name> --next-update <30d | YYYY-MM-DD | date-time> [--sequence n | --previous old-list.json] [--accreditations f …] [--status-list f …] [--root did …] -o <list.json>',
    'trust-list verify <list.json> (--root <authority did> | --trust roots.json) [--previous old-list.json] [--accept-stale]',
    'trust-list show <list.json> [--root <authority did> | --trust roots.json]',
  ],
  examples: [
    'learning-passport trust-list build --key authority.key.json --name "National Learning Authority" --sequence 1 --next-update 2026-07-01 --accreditations leeds-accreditation.json -o trust-list.json',
    'learning-passport trust-list build --key authority.key.json --name "National Learning Authority" --previous trust-list.json --next-update 2026-08-01 --accreditations notice.json -o trust-list-2.json',
    'learning-passport trust-list verify trust-list-2.json --root did:key:z6Mk… --previous trust-list.json',
    'learning-passport trust-list show trust-list.json --root did:key:z6Mk…',
  ],
  options: {
    key: { type: 'string' },
    name: { type: 'string' },
    sequence: { type: 'string' },
    'next-update': { type: 'string' },
    previous: { type: 'string' },
    accreditations: { type: 'string', multiple: true },
    'status-list': { type: 'string', multiple: true },
    root: { type: 'string', multiple: true },
    trust: { type: 'string' },
    'accept-stale': { type: 'boolean' },
    out: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
    'passphrase-file': { type: 'string' },
  },
  async run({ positionals, values, json }) {
    const [action, path] = positionals;
    if (action === 'build') return build(values, json);
    if (action !== 'verify' && action !== 'show') throw new UsageError('trust-list needs an action: build, verify or show', 'ERR_USAGE');
    if (!path) throw new UsageError(`trust-list ${action} needs a list file`, 'ERR_USAGE');
    const document = readJson(path, 'trust list');
    const roots = rootsFrom(values);
    if (action === 'verify') {
      if (roots.length === 0)
        throw new UsageError('trust-list verify needs the authority key you trust: --root <did> or --trust roots.json', 'ERR_FLAG_MISSING');
      const previous = typeof values.previous === 'string' ? readJson(values.previous, 'previous trust list') : undefined;
      const result = await verifyTrustList(document, {
        operator: roots,
        ...(previous !== undefined ? { previous } : {}),
        acceptStale: values['accept-stale'] === true,
      });
      if (json) {
        const { trustList: _list, ...rest } = result;
        printJson(rest);
      } else {
        for (const c of result.checks) say(line`  ${mark(c.status)} ${c.check.padEnd(16)} ${colour.dim(c.message)}`);
        for (const w of result.warnings) say(line`${colour.yellow('warning:')} ${w.message}`);
        say(line`\n${result.verified ? colour.green('✓') : colour.red('✗')} ${result.summary}`);
      }
      return result.verified ? 0 : 1;
    }
    // show: the signature first; a list that fails is refused with its reason and not shown.
    const { result, pinned } = await checkedTrustList(document, path, roots, { acceptStale: true });
    if (json) {
      const { trustList, ...rest } = result;
      printJson({
        ...rest,
        pinned,
        roots: trustList.roots,
        accreditations: trustList.accreditations,
        revocations: trustList.revocations,
        statusLists: trustList.statusLists.length,
      });
      return 0;
    }
    show(result.trustList, pinned);
    return 0;
  },
};
