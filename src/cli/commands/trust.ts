// learning-passport trust add: staple accreditations, trust lists and status lists into a passport,
// so a verifier offline needs only the authority's key. What goes in is checked first: a trust
// list must verify (its signature, its signer when --root is given, and not be out of date), and
// each file must hold what its flag says (an entries file is not an accreditation).
import { ACCREDITATION_REVOCATION_TYPE, ACCREDITATION_TYPE, addTrustMaterial, serializePassport } from '../api.js';
import { isPlainObject } from '../../internal/json.js';
import { colour, line, printJson, readJson, Refusal, say, UsageError, warn } from '../io.js';
import { list, loadCredentials, readPassportFile, writeAtomic } from '../load.js';
import { checkedTrustList } from '../trust-options.js';
import type { Command } from '../types.js';
import { rootsFrom } from './verify.js';

const typesOf = (item: Record<string, unknown>): unknown[] => (Array.isArray(item.type) ? item.type : [item.type]);

/** What a stray file is, in words, for the refusal. */
function whatItIs(item: Record<string, unknown>): string {
  const t = typesOf(item);
  if (t.includes('LearningPassport')) return 'a passport';
  const kind =
    isPlainObject(item.credentialSubject) && isPlainObject(item.credentialSubject.learningPassport) ? item.credentialSubject.learningPassport.kind : undefined;
  if (typeof kind === 'string') return `an entry (${kind}): put entries into a passport with "passport add"`;
  if (t.includes('LearningPassportTrustList')) return 'a trust list: give it with --trust-list';
  if (t.includes('BitstringStatusListCredential')) return 'a status list: give it with --status-list';
  return `of type ${JSON.stringify(item.type ?? null)}`;
}

/** Refuses a file whose items are not what `flag` takes, naming the file and the item. */
function onlyOfType(flag: string, files: unknown, accepted: readonly string[], noun: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const path of list(files)) {
    const items = loadCredentials(path, flag);
    items.forEach((item, i) => {
      if (!typesOf(item).some((t) => accepted.includes(t as string))) {
        throw new UsageError(`${flag} ${path}${items.length > 1 ? ` item ${i + 1}` : ''} is not ${noun}: it is ${whatItIs(item)}`, 'ERR_SCHEMA_INVALID');
      }
      out.push(item);
    });
  }
  return out;
}

export const trustCommand: Command = {
  name: 'trust',
  summary: 'staple accreditations, trust lists or status lists into a passport',
  usage: [
    'trust add <passport.json> [--accreditations acc.json …] [--trust-list list.json … (--root <authority did> | --trust roots.json) [--accept-stale-trust-list]] [--status-list status.json …]',
  ],
  examples: [
    'learning-passport trust add amira.passport.json --accreditations leeds-accreditation.json --status-list leeds-status.json',
    'learning-passport trust add amira.passport.json --trust-list trust-list.json --root did:key:z6Mk…',
  ],
  options: {
    accreditations: { type: 'string', multiple: true },
    'trust-list': { type: 'string', multiple: true },
    'status-list': { type: 'string', multiple: true },
    root: { type: 'string', multiple: true },
    trust: { type: 'string' },
    'accept-stale-trust-list': { type: 'boolean' },
  },
  async run({ positionals, values, json }) {
    const [action, path] = positionals;
    if (action !== 'add') throw new UsageError('trust needs an action: add', 'ERR_USAGE');
    if (!path) throw new UsageError('trust add needs a passport file', 'ERR_USAGE');
    const roots = rootsFrom(values);
    const accreditations = onlyOfType(
      '--accreditations',
      values.accreditations,
      [ACCREDITATION_TYPE, ACCREDITATION_REVOCATION_TYPE],
      'an accreditation, a revocation or a compromise notice',
    );
    const statusLists = onlyOfType('--status-list', values['status-list'], ['BitstringStatusListCredential'], 'a status list');
    // A trust list staples only what verifies against the authority's key: a forged,
    // foreign-signed or out-of-date list is refused, as `verify --trust-list` refuses it.
    const lists = list(values['trust-list']);
    if (lists.length > 0 && roots.length === 0)
      throw new UsageError('--trust-list needs the authority’s key you trust: --root <did> or --trust roots.json', 'ERR_FLAG_MISSING');
    for (const listPath of lists) {
      const { result } = await checkedTrustList(readJson(listPath, 'trust list'), listPath, roots, { acceptStale: values['accept-stale-trust-list'] === true });
      const t = result.trustList;
      accreditations.push(...arr(t.accreditations), ...arr(t.revocations));
      statusLists.push(...arr(t.statusLists));
      if (!json && t.stale)
        warn(line`${colour.yellow('warning:')} ${listPath} is out of date (next update was due ${t.nextUpdate}); stapled because of --accept-stale-trust-list`);
    }
    if (accreditations.length + statusLists.length === 0)
      throw new UsageError('trust add needs --accreditations, --trust-list or --status-list', 'ERR_FLAG_MISSING');
    const before = readPassportFile(path);
    const { passport, rejected } = await addTrustMaterial(before, { accreditations, statusLists });
    // A forged or tampered item refuses the whole request: nothing is stapled half-way.
    const bad = rejected[0];
    if (bad) throw new Refusal(`${bad.section} item ${bad.index + 1} is refused: ${bad.message}; nothing was added to ${path}`, bad.code);
    writeAtomic(path, serializePassport(passport));
    const added = {
      accreditations: passport.accreditations.length - before.accreditations.length,
      statusLists: passport.statusLists.length - before.statusLists.length,
    };
    if (json) printJson({ passport: path, added, rejected });
    else {
      say(
        line`${colour.green('✓')} ${path}: ${added.accreditations} accreditation(s) and ${added.statusLists} status list(s) added (the rest were already there)`,
      );
    }
    return 0;
  },
};

const arr = (value: readonly unknown[]): Record<string, unknown>[] => value.filter(isPlainObject);
