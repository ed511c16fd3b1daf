import type { ParseArgsConfig } from 'node:util';
import type { Db } from '../store/db.js';
import type { CliIo } from './io.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface CommandContext {
  io: CliIo;
  positionals: string[];
  values: Record<string, string | boolean | string[] | undefined>;
  json: boolean;
  /** Who the audit log names for changes this command makes: `cli:<login name>`. */
  actor: string;
  /** Opens the store on first call only: commands that never call it never start PGlite. */
  db(): Promise<Db>;
  /** Write a value as JSON (one document) to stdout. */
  printJson(value: unknown): void;
  print(text: string): void;
}

/** One CLI command (STYLE.md: commands/<command>.ts). */
export interface Command {
  /** Words that select it, e.g. ['import', 'sbom']. */
  path: readonly string[];
  summary: string;
  /** Usage line after `patchwarden <path>`. */
  usage: string;
  /** Extra help: options and examples. */
  help?: string;
  options?: OptionSpec;
  run(ctx: CommandContext): Promise<number>;
}
