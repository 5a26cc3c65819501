// The learning-passport command. Exit codes: 0 valid / done, 1 invalid, 2 usage or input error.
import { parseArgs } from 'node:util';
import { isPassportError } from '../index.js';
import { accreditCommand } from './commands/accredit.js';
import { issueCommand } from './commands/issue.js';
import { keysCommand } from './commands/keys.js';
import { checkpointCommand, revokeCommand, transferCommand } from './commands/lifecycle.js';
import { mergeCommand } from './commands/merge.js';
import { lintCommand, presentCommand, printCommand, qrCommand } from './commands/share.js';
import { timelineCommand } from './commands/timeline.js';
import { verifyCommand } from './commands/verify.js';
import { passportCommand } from './commands/passport.js';
import { statusCommand } from './commands/status.js';
import { trustCommand } from './commands/trust.js';
import { trustListCommand } from './commands/trust-list.js';
import { colour, EXIT, UsageError } from './io.js';
import type { Command } from './types.js';

const commands: Command[] = [
  keysCommand,
  issueCommand,
  verifyCommand,
  mergeCommand,
  transferCommand,
  revokeCommand,
  checkpointCommand,
  timelineCommand,
  accreditCommand,
  presentCommand,
  lintCommand,
  qrCommand,
  printCommand,
  passportCommand,
  trustCommand,
  trustListCommand,
  statusCommand,
];

function help(): string {
  const lines = ['learning-passport — signed, portable learning records', '', 'Usage:'];
  for (const c of commands) for (const u of c.usage) lines.push(`  learning-passport ${u}`);
  lines.push('', 'Every command accepts --json for machine-readable output.');
  lines.push('Exit codes: 0 valid or done, 1 invalid, 2 usage or input error.');
  lines.push('Key passphrases come from LP_PASSPHRASE or --passphrase-file <file>.');
  return lines.join('\n');
}

/** Runs the command line and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(help());
    return name ? EXIT.valid : EXIT.usage;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    console.error(`${colour.red('error:')} unknown command "${name}"\n\n${help()}`);
    return EXIT.usage;
  }
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { ...command.options, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
    if (values.help) {
      const examples = command.examples?.length ? ['', 'Examples:', ...command.examples.map((e) => `  ${e}`)] : [];
      console.log([...command.usage.map((u) => `learning-passport ${u}`), ...examples].join('\n'));
      return EXIT.valid;
    }
    return await command.run({ positionals, values, json: values.json === true });
  } catch (err) {
    if (err instanceof UsageError || (err instanceof TypeError && (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))) {
      console.error(`${colour.red('error:')} ${err.message}`);
      return EXIT.usage;
    }
    if (isPassportError(err)) {
      const hint = err.code === 'ERR_KEY_FILE_PASSPHRASE' ? ' (check LP_PASSPHRASE or --passphrase-file)' : '';
      console.error(`${colour.red('error:')} ${err.message}${hint} [${err.code}]`);
      return EXIT.usage;
    }
    if (err instanceof TypeError) {
      console.error(`${colour.red('error:')} ${err.message}`);
      return EXIT.usage;
    }
    throw err;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(err);
    process.exitCode = EXIT.usage;
  },
);
