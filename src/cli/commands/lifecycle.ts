// learning-passport transfer | revoke | checkpoint: lifecycle entries added to a passport.
import { addEntries, createCheckpoint, entryId, issueEntry, serializePassport, type SignedEntry } from '../../index.js';
import { colour, printJson, UsageError, writeText } from '../io.js';
import { list, loadIssuerWithProfile, loadPassport } from '../load.js';
import type { Command } from '../types.js';

/** Most entry ids one custody-transfer entry may list (its schema's limit). */
const MAX_TRANSFER_IDS = 10_000;

async function addToPassport(path: string, entry: SignedEntry | SignedEntry[], json: boolean, message: string): Promise<number> {
  const result = await addEntries(loadPassport(path), Array.isArray(entry) ? entry : [entry]);
  if (result.rejected.length > 0) {
    console.error(`${colour.red('✗')} not added: ${result.rejected[0]!.message}`);
    return 1;
  }
  writeText(path, serializePassport(result.passport), true);
  if (json) printJson(entry);
  else console.log(`${colour.green('✓')} ${message}`);
  return 0;
}

const common = {
  key: { type: 'string' },
  passport: { type: 'string' },
  'passphrase-file': { type: 'string' },
} as const;

function passportPath(values: Record<string, unknown>): string {
  if (typeof values.passport !== 'string') throw new UsageError('--passport <file> is required');
  return values.passport;
}

export const transferCommand: Command = {
  name: 'transfer',
  summary: 'record a custody transfer between establishments',
  usage: ['transfer --key <establishment.key.json> --passport <p.json> --from <name> --to <name> --date <YYYY-MM-DD> [--aim <in-progress aim> …]'],
  options: { ...common, from: { type: 'string' }, to: { type: 'string' }, date: { type: 'string' }, aim: { type: 'string', multiple: true } },
  async run({ values, json }) {
    const path = passportPath(values);
    if (typeof values.from !== 'string' || typeof values.to !== 'string' || typeof values.date !== 'string') {
      throw new UsageError('transfer needs --from, --to and --date');
    }
    const { key, profile } = await loadIssuerWithProfile(values);
    const passport = loadPassport(path);
    const aims = list(values.aim);
    // The receipt names every entry handed over by its content id. A custody-transfer entry holds
    // at most MAX_TRANSFER_IDS ids, so a larger passport gets one receipt per slice.
    const cids = passport.entries.map((e) => entryId(e));
    const slices: string[][] = [];
    for (let i = 0; i < cids.length; i += MAX_TRANSFER_IDS) slices.push(cids.slice(i, i + MAX_TRANSFER_IDS));
    if (slices.length === 0) slices.push([]);
    const entries: SignedEntry[] = [];
    for (const slice of slices) {
      entries.push(
        await issueEntry(
          'custody-transfer',
          {
            fromEstablishment: values.from,
            toEstablishment: values.to,
            transferDate: values.date,
            ...(slice.length ? { entryIds: slice } : {}),
            ...(aims.length ? { inProgressAims: aims } : {}),
          } as never,
          { issuer: profile, key, ...(typeof passport.holder === 'string' ? { holder: passport.holder } : {}) },
        ),
      );
    }
    return addToPassport(path, entries, json, `transfer from ${values.from} to ${values.to} recorded (${cids.length} entries handed over)`);
  },
};

export const revokeCommand: Command = {
  name: 'revoke',
  summary: 'withdraw one of your own entries',
  usage: ['revoke <cid> --key <issuer.key.json> --passport <p.json> --reason <issued-in-error|superseded|withdrawn|key-compromise|other> [--note text]'],
  options: { ...common, reason: { type: 'string' }, note: { type: 'string' } },
  async run({ positionals, values, json }) {
    const target = positionals[0];
    if (!target) throw new UsageError('revoke needs the CID of the entry to withdraw');
    const path = passportPath(values);
    const { key, profile } = await loadIssuerWithProfile(values);
    const entry = await issueEntry(
      'revocation',
      { target, reason: (values.reason ?? 'withdrawn') as never, ...(typeof values.note === 'string' ? { note: values.note } : {}) } as never,
      { issuer: profile, key },
    );
    return addToPassport(path, entry, json, `revocation of ${target} recorded`);
  },
};

export const checkpointCommand: Command = {
  name: 'checkpoint',
  summary: 'sign a checkpoint over every entry a passport holds now',
  usage: ['checkpoint --key <issuer.key.json> --passport <p.json>'],
  options: { ...common },
  async run({ values, json }) {
    const path = passportPath(values);
    const { key, profile } = await loadIssuerWithProfile(values);
    const passport = loadPassport(path);
    const entry = await createCheckpoint(passport, { issuer: profile, key });
    return addToPassport(path, entry, json, `checkpoint over ${passport.entries.length} entries signed`);
  },
};
