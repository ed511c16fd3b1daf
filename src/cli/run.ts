/**
 * The CLI's single entry point: `run(argv, io) → exit code` (STYLE.md, after osv-scanner's cmd/).
 * Dispatches to commands/*, normalises every error to AppError, and maps it to the exit-code table.
 */

import { parseArgs } from 'node:util';
import { AppError, EXIT, toAppError } from '../core/errors.js';
import { phiTagRulesFromEnv, setPhiTagRules } from '../core/phi.js';
import { configurePolicyPacks } from '../services/policy-packs.js';
import type { Db } from '../store/db.js';
import { openStore, storeConfigFromEnv } from '../store/open.js';
import type { Command, CommandContext } from './command.js';
import { COMMANDS } from './commands/index.js';
import type { CliIo } from './io.js';

const GLOBAL_OPTIONS = {
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Run the CLI with `argv` (without node and script) and return the process exit code. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const json = argv.includes('--json');
  let db: Db | undefined;
  try {
    if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
      io.stdout.write(topHelp());
      return argv.length === 0 ? EXIT.usage : EXIT.ok;
    }
    if (argv[0] === '--version') {
      io.stdout.write(`${await packageVersion()}\n`);
      return EXIT.ok;
    }
    const { command, rest } = resolve(argv);
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout.write(commandHelp(command));
      return EXIT.ok;
    }
    const parsed = parseCommandArgs(command, rest);
    setPhiTagRules(phiTagRulesFromEnv(io.env));
    configurePolicyPacks(io.env.PATCHWARDEN_POLICY_PACKS);
    const ctx: CommandContext = {
      io,
      positionals: parsed.positionals,
      values: parsed.values,
      json,
      actor: `cli:${io.env.USER ?? io.env.LOGNAME ?? 'unknown'}`,
      async db() {
        db ??= await openStore(storeConfigFromEnv(io.env));
        return db;
      },
      printJson: (value) => io.stdout.write(`${JSON.stringify(value, null, 2)}\n`),
      print: (text) => io.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    };
    return await command.run(ctx);
  } catch (err) {
    const e = toAppError(err);
    if (json) {
      io.stderr.write(
        `${JSON.stringify({ error: { code: e.code, message: e.message, details: e.details } })}\n`,
      );
    } else {
      io.stderr.write(`patchwarden: ${e.describe()}\n`);
      if (e.code === 'USAGE') io.stderr.write("Run 'patchwarden --help' for the list of commands.\n");
    }
    if (e.code === 'INTERNAL')
      io.stderr.write(`${(e.cause as Error | undefined)?.stack ?? String(e.cause)}\n`);
    return e.exitCode;
  } finally {
    await db?.close();
  }
}

function resolve(argv: readonly string[]): { command: Command; rest: string[] } {
  // Longest command path that prefixes argv wins: `findings explain` before `findings`.
  const words = argv.filter((a) => !a.startsWith('-'));
  let best: Command | undefined;
  for (const c of COMMANDS) {
    if (c.path.every((w, i) => words[i] === w) && (!best || c.path.length > best.path.length)) best = c;
  }
  if (!best) {
    const group = COMMANDS.filter((c) => c.path[0] === words[0]).map((c) => c.path.join(' '));
    const hint = group.length ? `; did you mean: ${group.join(', ')}` : '';
    throw new AppError('USAGE', { reason: `unknown command '${words.slice(0, 2).join(' ')}'${hint}` });
  }
  const rest = [...argv];
  for (const w of best.path) rest.splice(rest.indexOf(w), 1);
  return { command: best, rest };
}

function parseCommandArgs(command: Command, rest: string[]) {
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { ...GLOBAL_OPTIONS, ...command.options },
      allowPositionals: true,
      strict: true,
    });
    return { values: values as CommandContext['values'], positionals };
  } catch (err) {
    throw new AppError('USAGE', { command: command.path.join(' '), reason: (err as Error).message });
  }
}

function topHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.path.join(' ').length));
  const lines = COMMANDS.map((c) => `  ${c.path.join(' ').padEnd(width)}  ${c.summary}`);
  return `patchwarden — HIPAA-grade patch and vulnerability management

Usage: patchwarden <command> [options]

Commands:
${lines.join('\n')}

Every read accepts --json. Exit codes: 0 ok, 1 findings or policy violation, 2 usage or input
error, 3 upstream unavailable, 70 internal error. The database is PATCHWARDEN_HOME/db (default
~/.patchwarden/db), or the PostgreSQL server in DATABASE_URL.
Run 'patchwarden <command> --help' for a command's options.
`;
}

function commandHelp(c: Command): string {
  return `Usage: patchwarden ${c.path.join(' ')} ${c.usage}\n\n${c.summary}\n${c.help ? `\n${c.help.trimEnd()}\n` : ''}`;
}

async function packageVersion(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}
