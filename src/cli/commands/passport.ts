// learning-passport passport init | add | remove: start a passport, put entries files into it
// (what "issue -o" and "issue --csv" write), and let the learner take out an entry they do not
// want (a removal signed with their own key, which keeps it out of later merges too).
import { addEntries, createPassport, decryptKeyFile, entryId, readKeyFile, removeEntries, serializePassport } from '../api.js';
import { colour, line, passphraseFrom, printJson, readText, Refusal, say, UsageError, warn, writeText } from '../io.js';
import { loadEntries, readPassportFile } from '../load.js';
import { didYouMean } from '../suggest.js';
import type { Command } from '../types.js';

export const passportCommand: Command = {
  name: 'passport',
  summary: 'start a passport, add entries files to it, or remove an entry (the learner)',
  usage: [
    'passport init (--holder <did> | --holder-key <learner.key.json>) -o <learner.passport.json>',
    'passport add <passport.json> <entries.json> …   (entries from "issue -o" or "issue --csv"; entries already held are skipped)',
    'passport remove <passport.json> <cid> … --key <learner.key.json> [--reason text]   (the learner takes an entry out)',
  ],
  examples: [
    'learning-passport passport init --holder-key amira.key.json -o amira.passport.json',
    'learning-passport passport add amira.passport.json issued/did_key_z6Mk….entries.json',
    'learning-passport passport remove amira.passport.json bafk… --key amira.key.json --reason "not for job applications"',
  ],
  options: {
    holder: { type: 'string' },
    'holder-key': { type: 'string' },
    key: { type: 'string' },
    reason: { type: 'string' },
    'passphrase-file': { type: 'string' },
    out: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
  },
  async run({ positionals, values, json }) {
    const [action, path, ...rest] = positionals;
    if (action === 'add' || action === 'remove') {
      if (!path) throw new UsageError(`passport ${action} needs the passport file`, 'ERR_USAGE');
      if (rest.length === 0)
        throw new UsageError(
          action === 'add'
            ? 'passport add needs one or more entries files'
            : 'passport remove needs the id (CID) of each entry to remove; "timeline --json" lists them',
          'ERR_USAGE',
        );
      return action === 'add' ? add(path, rest, json) : remove(path, rest, values, json);
    }
    if (action !== 'init')
      throw new UsageError(`passport needs an action: init, add or remove${didYouMean(String(action ?? ''), ['init', 'add', 'remove'])}`, 'ERR_USAGE');
    if (typeof values.out !== 'string') throw new UsageError('passport init needs -o <file.passport.json>', 'ERR_FLAG_MISSING');
    // The holder's public DID is in the key file unencrypted: no passphrase needed.
    const holder = typeof values['holder-key'] === 'string' ? readKeyFile(readText(values['holder-key'], 'key file')).did : values.holder;
    if (typeof holder !== 'string') throw new UsageError('passport init needs --holder <did> or --holder-key <learner.key.json>', 'ERR_FLAG_MISSING');
    const passport = createPassport({ holder });
    writeText(values.out, serializePassport(passport), values.force === true);
    if (json) printJson({ out: values.out, holder });
    else say(line`${colour.green('✓')} empty passport for ${holder} written to ${values.out}`);
    return 0;
  },
};

/** Adds the entries of each file; refuses (exit 1, nothing written) when one does not verify or is another holder's. */
async function add(path: string, files: string[], json: boolean): Promise<number> {
  const passport = readPassportFile(path);
  const entries = files.flatMap((f) => {
    const items = loadEntries(f);
    if (items.some((e) => (e as { type?: unknown })?.type === 'LearningPassport'))
      throw new UsageError(`${f} is a passport, not an entries file: join two passports with "merge"`, 'ERR_SCHEMA_INVALID');
    return items;
  });
  const result = await addEntries(passport, entries);
  const bad = result.rejected[0];
  if (bad) throw new Refusal(`not added: entry ${bad.index + 1} of ${entries.length}: ${bad.message}; nothing was written`, bad.code);
  if (result.added.length > 0) writeText(path, serializePassport(result.passport), true);
  if (json) printJson({ passport: path, added: result.added, duplicates: result.duplicates, excluded: result.excluded });
  else {
    say(
      line`${result.added.length ? colour.green('✓') : colour.yellow('!')} ${path}: ${result.added.length} entr${result.added.length === 1 ? 'y' : 'ies'} added, ${result.duplicates.length} already held`,
    );
    if (result.excluded.length)
      warn(
        line`${colour.yellow('warning:')} ${result.excluded.length} entr${result.excluded.length === 1 ? 'y was' : 'ies were'} kept out: the learner removed ${result.excluded.length === 1 ? 'it' : 'them'}`,
      );
  }
  return result.added.length > 0 ? 0 : 1;
}

/** The learner removes entries: signed with their key, so only they can, and a merge does not bring them back. */
async function remove(path: string, cids: string[], values: Record<string, unknown>, json: boolean): Promise<number> {
  if (typeof values.key !== 'string')
    throw new UsageError('passport remove needs --key <the learner’s key file>: only the learner can remove entries', 'ERR_FLAG_MISSING');
  const passport = readPassportFile(path);
  const held = passport.entries.map((e) => entryId(e));
  for (const cid of cids) {
    if (!held.includes(cid)) throw new Refusal(`${path} holds no entry ${cid}${didYouMean(cid, held)}; nothing was written`, 'ERR_ENTRY_NOT_FOUND');
  }
  const { key } = await decryptKeyFile(readText(values.key, 'key file'), await passphraseFrom(values as { 'passphrase-file'?: string }));
  if (key.did !== passport.holder) {
    throw new Refusal(
      `--key is not the learner’s key for ${path} (the passport belongs to ${passport.holder}); only the learner can remove entries`,
      'ERR_HOLDER_BINDING',
    );
  }
  const result = await removeEntries(passport, cids, { holderKey: key, ...(typeof values.reason === 'string' ? { reason: values.reason } : {}) });
  writeText(path, serializePassport(result.passport), true);
  if (json) printJson({ passport: path, removed: cids });
  else
    say(
      line`${colour.green('✓')} ${cids.length} entr${cids.length === 1 ? 'y' : 'ies'} removed from ${path} (a signed removal is kept, so a merge with an older copy does not bring ${cids.length === 1 ? 'it' : 'them'} back)`,
    );
  return 0;
}
