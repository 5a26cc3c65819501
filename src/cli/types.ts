import type { ParseArgsConfig } from 'node:util';

/** What a command receives after argument parsing. */
export interface CommandContext {
  positionals: string[];
  values: Record<string, string | boolean | string[] | undefined>;
  /** --json: machine-readable output. */
  json: boolean;
}

/** One sub-command of the learning-passport tool. */
export interface Command {
  name: string;
  summary: string;
  usage: string[];
  /** Complete command lines shown under "Examples:" by --help. */
  examples?: string[];
  /** Lines shown after the examples by --help (the exit codes of a command that gives a verdict). */
  notes?: string[];
  options: NonNullable<ParseArgsConfig['options']>;
  /** Returns the exit code. */
  run(context: CommandContext): Promise<number>;
}
