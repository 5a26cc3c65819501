// The learning-passport command. Exit codes: 0 valid / done, 1 invalid or refused, 2 usage or input error, 3 can't check.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { isPassportError } from './api.js';
import { accreditCommand } from './commands/accredit.js';
import { issueCommand } from './commands/issue.js';
import { runIssueWorker } from './commands/issue-workers.js';
import { keysCommand } from './commands/keys.js';
import { kindsCommand } from './commands/kinds.js';
import { checkpointCommand, revokeCommand, transferCommand } from './commands/lifecycle.js';
import { mergeCommand } from './commands/merge.js';
import { lintCommand, presentCommand, printCommand, qrCommand } from './commands/share.js';
import { timelineCommand } from './commands/timeline.js';
import { verifyCommand } from './commands/verify.js';
import { passportCommand } from './commands/passport.js';
import { statusCommand } from './commands/status.js';
import { trustCommand } from './commands/trust.js';
import { trustListCommand } from './commands/trust-list.js';
import { verifierPageCommand } from './commands/verifier-page.js';
import { clean, colour, EXIT, EXIT_CODES, line, printJson, quietOnClosedPipe, Refusal, say, UsageError, warn } from './io.js';
import { PromptAborted } from './prompt.js';
import { didYouMean } from './suggest.js';
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
  kindsCommand,
  passportCommand,
  trustCommand,
  trustListCommand,
  statusCommand,
  verifierPageCommand,
];

function help(): string {
  const lines = ['learning-passport — signed, portable learning records', '', 'Usage:'];
  for (const c of commands) for (const u of c.usage) lines.push(`  learning-passport ${u}`);
  lines.push('', 'Every command accepts --json for machine-readable output (errors too: { "error": { "code", "message" } }).');
  lines.push(...EXIT_CODES);
  lines.push('Key passphrases are asked for on the terminal; scripts use LP_PASSPHRASE or --passphrase-file <file>.');
  lines.push('learning-passport --version prints the version; learning-passport <command> --help the command’s usage.');
  return lines.join('\n');
}

/** The package version, read from the package.json next to dist/ (or src/). */
function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

// API option names that a command's flag stands for under another name.
const FLAG_FOR_OPTION: Record<string, string> = {
  holderKey: '--key',
  key: '--key',
  issuer: '--key',
  transferDate: '--date',
  fromEstablishment: '--from',
  toEstablishment: '--to',
  inProgressAims: '--aim',
  target: 'the entry id',
  include: '--include',
};

/**
 * Rewrites the API's option names in an error message (`"options.validFrom" must be …`) into the
 * flags the person typed (`--valid-from must be …`).
 */
export function inFlagTerms(message: string, command: Command | undefined): string {
  return message.replace(/"(?:options\.|credentialOptions\.)?([A-Za-z]+)(\.[A-Za-z.]+)?"/g, (whole, name: string, rest: string | undefined) => {
    if (rest) return whole;
    const flag = kebab(name);
    if (command && Object.hasOwn(command.options, flag)) return `--${flag}`;
    if (Object.hasOwn(FLAG_FOR_OPTION, name)) return FLAG_FOR_OPTION[name]!;
    return whole;
  });
}

/** Translates node:util parseArgs errors into words about this command's flags. */
function parseArgsMessage(err: Error & { code?: string }, command: Command): { message: string; code: string } {
  const known = Object.keys(command.options).concat('json', 'help');
  const unknown = /Unknown option '(-{1,2})([^']+)'/.exec(err.message);
  if (unknown) {
    return { message: `unknown flag ${unknown[1]}${clean(unknown[2])} for "${command.name}"${didYouMean(unknown[2]!, known, '--')}`, code: 'ERR_UNKNOWN_FLAG' };
  }
  const missing = /Option '(?:-\w, )?(--[\w-]+)(?: <value>)?' argument missing/.exec(err.message);
  if (missing) return { message: `${missing[1]} needs a value`, code: 'ERR_FLAG_VALUE' };
  const ambiguous = /Option '(?:-\w, )?(--[\w-]+)' argument is ambiguous/.exec(err.message);
  if (ambiguous) return { message: `${ambiguous[1]} needs a value; a value that starts with "-" is written ${ambiguous[1]}=<value>`, code: 'ERR_FLAG_VALUE' };
  const noValue = /Option '(?:-\w, )?(--[\w-]+)' does not take an argument/.exec(err.message);
  if (noValue) return { message: `${noValue[1]} takes no value (write just ${noValue[1]})`, code: 'ERR_FLAG_VALUE' };
  const positional = /Unexpected argument '([^']+)'/.exec(err.message);
  if (positional) return { message: `unexpected argument "${clean(positional[1])}"`, code: 'ERR_USAGE' };
  return { message: clean(err.message), code: 'ERR_USAGE' };
}

/** Prints an error in words (stderr) or as `{ "error": { "code", "message" } }` (stdout, --json). */
function reportError(code: string, message: string, json: boolean): void {
  if (json) printJson({ error: { code, message } });
  else warn(line`${colour.red('error:')} ${[message]}`);
}

/** Runs the command line and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-V') {
    if (json) printJson({ version: version() });
    else say(`learning-passport ${version()}`);
    return EXIT.valid;
  }
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    say(help());
    return name ? EXIT.valid : EXIT.usage;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    const hint = didYouMean(
      name,
      commands.map((c) => c.name),
    );
    reportError('ERR_UNKNOWN_COMMAND', `unknown command "${clean(name, 60)}"${hint}; run "learning-passport --help" for the list`, json);
    return EXIT.usage;
  }
  try {
    let parsed;
    try {
      parsed = parseArgs({
        args: rest,
        options: { ...command.options, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
        allowPositionals: true,
        strict: true,
      });
    } catch (err) {
      if ((err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
        const { message, code } = parseArgsMessage(err as Error, command);
        throw new UsageError(message, code);
      }
      throw err;
    }
    const { values, positionals } = parsed;
    if (values.help) {
      const examples = command.examples?.length ? ['', 'Examples:', ...command.examples.map((e) => `  ${e}`)] : [];
      const notes = command.notes?.length ? ['', ...command.notes] : [];
      say([...command.usage.map((u) => `learning-passport ${u}`), ...examples, ...notes].join('\n'));
      return EXIT.valid;
    }
    return await command.run({ positionals, values, json: values.json === true });
  } catch (err) {
    // Messages from the library and from files are data: clean() them, and speak in flags.
    if (err instanceof Refusal) {
      reportError(err.code, inFlagTerms(clean(err.message), command), json);
      return EXIT.invalid;
    }
    if (err instanceof UsageError) {
      reportError(err.code, inFlagTerms(clean(err.message), command), json);
      return EXIT.usage;
    }
    if (err instanceof PromptAborted) {
      reportError('ERR_CANCELLED', `cancelled: ${err.message}; nothing was written`, json);
      return EXIT.usage;
    }
    if (isPassportError(err)) {
      const hint = err.code === 'ERR_KEY_FILE_PASSPHRASE' ? ' (check the passphrase, LP_PASSPHRASE or --passphrase-file)' : '';
      reportError(err.code, `${inFlagTerms(clean(err.message), command)}${hint}`, json);
      return EXIT.usage;
    }
    if (err instanceof TypeError) {
      reportError('ERR_USAGE', inFlagTerms(clean(err.message), command), json);
      return EXIT.usage;
    }
    throw err;
  }
}

// A worker thread of `issue --csv` runs this same file: it issues its rows and nothing else.
if (!runIssueWorker()) {
  quietOnClosedPipe();
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      const json = process.argv.includes('--json');
      reportError('ERR_INTERNAL', `unexpected failure: ${clean((err as Error)?.stack ?? err)}`, json);
      process.exitCode = EXIT.usage;
    },
  );
}
