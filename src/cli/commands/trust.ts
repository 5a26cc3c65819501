// learning-passport trust add: staple accreditations, trust lists and status lists into a passport,
// so a verifier offline needs only the authority's key.
import { addTrustMaterial, serializePassport } from '../../index.js';
import { colour, printJson, UsageError } from '../io.js';
import { loadCredentials, readPassportFile, writeAtomic } from '../load.js';
import type { Command } from '../types.js';

/** The items a trust list carries, each still signed by its own issuer. */
function unpackTrustLists(lists: Record<string, unknown>[]): { accreditations: unknown[]; statusLists: unknown[] } {
  const out = { accreditations: [] as unknown[], statusLists: [] as unknown[] };
  for (const doc of lists) {
    const subject = doc.credentialSubject as Record<string, unknown> | undefined;
    const types = Array.isArray(doc.type) ? doc.type : [doc.type];
    if (!types.includes('LearningPassportTrustList') || typeof subject !== 'object' || subject === null) {
      throw new UsageError('--trust-list: the file is not a trust list (make one with "trust-list build")');
    }
    for (const name of ['accreditations', 'revocations'] as const) if (Array.isArray(subject[name])) out.accreditations.push(...(subject[name] as unknown[]));
    if (Array.isArray(subject.statusLists)) out.statusLists.push(...(subject.statusLists as unknown[]));
  }
  return out;
}

export const trustCommand: Command = {
  name: 'trust',
  summary: 'staple accreditations, trust lists or status lists into a passport',
  usage: [
    'trust add <passport.json> [--accreditations acc.json …] [--trust-list list.json …] [--status-list status.json …]',
  ],
  examples: [
    'learning-passport trust add amira.passport.json --accreditations leeds-accreditation.json --status-list leeds-status.json',
  ],
  options: {
    accreditations: { type: 'string', multiple: true },
    'trust-list': { type: 'string', multiple: true },
    'status-list': { type: 'string', multiple: true },
  },
  async run({ positionals, values, json }) {
    const [action, path] = positionals;
    if (action !== 'add') throw new UsageError('trust needs an action: add');
    if (!path) throw new UsageError('trust add needs a passport file');
    const fromLists = unpackTrustLists(loadCredentials(values['trust-list'], '--trust-list'));
    const accreditations = [...loadCredentials(values.accreditations, '--accreditations'), ...fromLists.accreditations];
    const statusLists = [...loadCredentials(values['status-list'], '--status-list'), ...fromLists.statusLists];
    if (accreditations.length + statusLists.length === 0) throw new UsageError('trust add needs --accreditations, --trust-list or --status-list');
    const before = readPassportFile(path);
    const { passport, rejected } = await addTrustMaterial(before, { accreditations, statusLists });
    writeAtomic(path, serializePassport(passport));
    const added = {
      accreditations: passport.accreditations.length - before.accreditations.length,
      statusLists: passport.statusLists.length - before.statusLists.length,
    };
    if (json) printJson({ passport: path, added, rejected });
    else {
      console.log(`${colour.green('✓')} ${path}: ${added.accreditations} accreditation(s) and ${added.statusLists} status list(s) added (the rest were already there)`);
      for (const r of rejected) console.log(`${colour.red('✗')} left out ${r.section}[${r.index}]: ${r.message} [${r.code}]`);
    }
    return rejected.length > 0 ? 1 : 0;
  },
};
