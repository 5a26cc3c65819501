// learning-passport passport init: a new, empty passport for a holder.
import { createPassport, readKeyFile, serializePassport } from '../../index.js';
import { colour, printJson, readText, UsageError, writeText } from '../io.js';
import type { Command } from '../types.js';

export const passportCommand: Command = {
  name: 'passport',
  summary: 'start a new, empty passport for a learner',
  usage: [
    'passport init (--holder <did> | --holder-key <learner.key.json>) -o <learner.passport.json>',
  ],
  examples: [
    'learning-passport passport init --holder-key amira.key.json -o amira.passport.json',
  ],
  options: {
    holder: { type: 'string' },
    'holder-key': { type: 'string' },
    out: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
  },
  async run({ positionals, values, json }) {
    if (positionals[0] !== 'init') throw new UsageError('passport needs an action: init');
    if (typeof values.out !== 'string') throw new UsageError('passport init needs -o <file.passport.json>');
    // The holder's public DID is in the key file unencrypted: no passphrase needed.
    const holder = typeof values['holder-key'] === 'string' ? readKeyFile(readText(values['holder-key'], 'key file')).did : values.holder;
    if (typeof holder !== 'string') throw new UsageError('passport init needs --holder <did> or --holder-key <learner.key.json>');
    const passport = createPassport({ holder });
    writeText(values.out, serializePassport(passport), values.force === true);
    if (json) printJson({ out: values.out, holder });
    else console.log(`${colour.green('✓')} empty passport for ${holder} written to ${values.out}`);
    return 0;
  },
};
