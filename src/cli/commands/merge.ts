// learning-passport merge a.passport.json b.passport.json … -o out.passport.json
import { mergePassports, serializePassport, type Passport } from '../../index.js';
import { colour, line, printJson, progress, say, UsageError, writeText } from '../io.js';
import { readPassportFile } from '../load.js';
import type { Command } from '../types.js';

export const mergeCommand: Command = {
  name: 'merge',
  summary: 'merge copies of a passport (order does not matter)',
  usage: ['merge <a.passport.json> <b.passport.json> [more …] -o <out.passport.json>'],
  options: { out: { type: 'string', short: 'o' }, force: { type: 'boolean' } },
  async run({ positionals, values, json }) {
    if (positionals.length < 2) throw new UsageError('merge needs at least two passport files', 'ERR_USAGE');
    if (typeof values.out !== 'string') throw new UsageError('merge needs -o <out.passport.json>', 'ERR_FLAG_MISSING');
    const tick = progress('merging');
    let merged: Passport = readPassportFile(positionals[0]!);
    const added: string[] = [];
    const rejected: { source: string; cid?: string; code: string; message: string }[] = [];
    let conflicts = 0;
    for (const [i, path] of positionals.slice(1).entries()) {
      const result = await mergePassports(merged, readPassportFile(path));
      merged = result.passport;
      added.push(...result.added);
      for (const r of result.rejected) rejected.push({ source: path, ...(r.cid ? { cid: r.cid } : {}), code: r.code, message: r.message });
      conflicts = result.conflicts.length;
      tick(i + 1, positionals.length - 1);
    }
    writeText(values.out, serializePassport(merged), values.force === true);
    if (json) printJson({ out: values.out, entries: merged.entries.length, added, rejected, conflicts });
    else {
      say(line`${colour.green('✓')} ${merged.entries.length} entries in ${values.out} (${added.length} added from the other copies)`);
      for (const r of rejected) say(line`${colour.red('✗')} rejected from ${r.source}: ${r.message} [${r.code}]`);
      if (conflicts) say(line`${colour.yellow('!')} ${conflicts} conflict(s): different entries claim the same id from the same issuer; both are kept.`);
    }
    return rejected.length > 0 ? 1 : 0;
  },
};
