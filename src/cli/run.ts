// Runs one `cadran` command line against a store access: the one a terminal uses (open the file, or
// hand the command to the server holding it), or the server's own store when it runs the command.
import { Command, CommanderError } from 'commander';
import type { Store } from '../store/index.ts';
import { COMMANDS, invokedCommand } from './command-table.ts';
import type { CliContext } from './context.ts';
import { EXIT_BAD_INPUT, EXIT_OK, reportError } from './errors.ts';
import type { CommandIO } from './io.ts';

export interface StoreAccess {
  /** Runs the work with the store at `--db` (undefined when the option was not given). */
  withStore<T>(storeOption: string | undefined, work: (store: Store) => Promise<T>): Promise<T>;
}

/** Thrown by a store access that handed the whole command to a server: its exit code is final. */
export class CommandHandedOver extends Error {
  constructor(readonly exitCode: number) {
    super('the command ran in the server holding the store');
  }
}

function newProgram(io: CommandIO): Command {
  return new Command('cadran')
    .description('Cadran: social media performance measured against business objectives')
    .option(
      '--db <path>',
      'store file, or clickhouse://… (default: $CADRAN_STORE, $CADRAN_DB or ./data/cadran.duckdb)',
    )
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });
}

/** The invoked command in full; the others by name and summary only, for the help. */
async function registerCommands(program: Command, args: string[], context: CliContext) {
  const invoked = invokedCommand(args);
  const full = invoked && Object.hasOwn(COMMANDS, invoked) ? COMMANDS[invoked].load : undefined;
  for (const [name, { description, load }] of Object.entries(COMMANDS)) {
    if (load !== full) program.command(name).description(description);
    else if (!program.commands.some((command) => command.name() === name))
      (await load())(program, context);
  }
}

/** Runs `args` (without node and the script) and returns the exit code. */
export async function runCli(args: string[], io: CommandIO, access: StoreAccess): Promise<number> {
  const program = newProgram(io);
  const context: CliContext = {
    io,
    withStore: (work) => access.withStore(program.opts().db, work),
    storeOption: () => program.opts().db,
  };
  try {
    await registerCommands(program, args, context);
    await program.parseAsync(args, { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CommandHandedOver) return error.exitCode;
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_BAD_INPUT;
    return reportError(error, io);
  }
}
