// The `cadran` command: one subcommand per job, each a thin layer over ingest, metrics and server.
import { Command, CommanderError } from 'commander';
import { openStore, type Store } from '../store/index.ts';
import { EXIT_BAD_INPUT, EXIT_OK, reportError } from './errors.ts';
import { registerCommands } from './commands.ts';

const program = new Command('cadran')
  .description('Cadran: social media performance measured against business objectives')
  .option('--db <path>', 'store file (default: $CADRAN_DB or ./data/cadran.duckdb)')
  .exitOverride()
  .configureOutput({ writeErr: (text) => process.stderr.write(text) });

// A one-shot command gains nothing from the engine's cache, which may otherwise grow to 80 % of
// RAM: with this budget a 500 MB import stays under 1 GB, spilling to disk past it, at no cost in
// time. CADRAN_MEMORY_LIMIT overrides it.
const COMMAND_MEMORY_LIMIT = '512MB';

/** Opens the store named by --db for one command and always closes it. */
export async function withStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(
    program.opts().db,
    process.env.CADRAN_MEMORY_LIMIT || COMMAND_MEMORY_LIMIT,
  );
  try {
    return await work(store);
  } finally {
    store.close();
  }
}

registerCommands(program, withStore);

try {
  await program.parseAsync(process.argv);
  if (process.exitCode === undefined) process.exitCode = EXIT_OK;
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? EXIT_OK : EXIT_BAD_INPUT;
  } else {
    process.exitCode = reportError(error);
  }
}
