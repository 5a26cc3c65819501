// learning-passport merge a.passport.json b.passport.json … -o out.passport.json
import { mergePassports, serializePassport, type Passport } from '../api.js';
import { colour, line, printJson, progress, say, UsageError, writeText } from '../io.js';
import { readPassportFile } from '../load.js';
import type { Command } from '../types.js';
import { proofVerifiersFrom, rdfcFlag } from '../rdfc.js';

export const mergeCommand: Command = {
  name: 'merge',
  summary: 'merge copies of a passport (order does not matter)',
  usage: ['merge <a.passport.json> <b.passport.json> [more …] -o <out.passport.json> [--force] [--rdfc]'],
  examples: ['learning-passport merge amira.passport.json wealstun-copy.passport.json -o amira.passport.json --force'],
  options: { out: { type: 'string', short: 'o' }, force: { type: 'boolean' }, ...rdfcFlag },
  async run({ positionals, values, json }) {
    if (positionals.length < 2) throw new UsageError('merge needs at least two passport files', 'ERR_USAGE');
    if (typeof values.out !== 'string') throw new UsageError('merge needs -o <out.passport.json>', 'ERR_FLAG_MISSING');
    const tick = progress('merging');
    const verifiers = await proofVerifiersFrom(values);
    let merged: Passport = readPassportFile(positionals[0]!);
    const added: string[] = [];
    const rejected: { source: string; cid?: string; code: string; message: string }[] = [];
    let conflicts = 0;
    let unchecked: string[] = [];
    for (const [i, path] of positionals.slice(1).entries()) {
      const result = await mergePassports(merged, readPassportFile(path), verifiers);
      merged = result.passport;
      added.push(...result.added);
      // Side "a" is what was merged so far (the first file, then the earlier copies).
      const sourceOf = (side: string): string => (side === 'b' ? path : i === 0 ? positionals[0]! : `${positionals[0]!} or an earlier copy`);
      for (const r of result.rejected) rejected.push({ source: sourceOf(r.source), ...(r.cid ? { cid: r.cid } : {}), code: r.code, message: r.message });
      conflicts = result.conflicts.length;
      unchecked = result.unchecked;
      tick(i + 1, positionals.length - 1);
    }
    writeText(values.out, serializePassport(merged), values.force === true);
    if (json) printJson({ out: values.out, entries: merged.entries.length, added, rejected, conflicts, unchecked });
    else {
      say(line`${colour.green('✓')} ${merged.entries.length} entries in ${values.out} (${added.length} added from the other copies)`);
      for (const r of rejected) say(line`${colour.red('✗')} rejected from ${r.source}: ${r.message} [${r.code}]`);
      if (unchecked.length)
        say(
          line`${colour.yellow('!')} ${unchecked.length} entr${unchecked.length === 1 ? 'y' : 'ies'} kept but not checked here (a proof format such as eddsa-rdfc-2022: add --rdfc to check it).`,
        );
      if (conflicts) say(line`${colour.yellow('!')} ${conflicts} conflict(s): different entries claim the same id from the same issuer; both are kept.`);
    }
    return rejected.length > 0 ? 1 : 0;
  },
};
