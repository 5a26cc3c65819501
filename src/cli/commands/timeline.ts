// learning-passport timeline <passport>
import { timeline } from '../api.js';
import { colour, line, printJson, say, UsageError } from '../io.js';
import { readPassportFile } from '../load.js';
import type { Command } from '../types.js';

export const timelineCommand: Command = {
  name: 'timeline',
  summary: 'list a passport’s entries by date',
  usage: ['timeline <passport.json>   (each entry with its id, for revoke)'],
  examples: ['learning-passport timeline amira.passport.json'],
  options: {},
  async run({ positionals, json }) {
    if (!positionals[0]) throw new UsageError('timeline needs a passport file');
    const t = timeline(readPassportFile(positionals[0]));
    if (json) {
      printJson(t);
      return 0;
    }
    for (const item of t.items) {
      const state = item.state === 'active' ? '' : colour.yellow(` (${item.state})`);
      say(line`${(item.date ?? 'no date').padEnd(12)} ${item.kind.padEnd(20)} ${item.title ?? ''} — ${item.issuerName ?? item.issuer ?? ''}${state}`);
      // The id "revoke" takes, on its own line so it can be copied whole.
      say(line`${''.padEnd(12)} ${colour.dim(`id ${item.cid}`)}`);
    }
    return 0;
  },
};
