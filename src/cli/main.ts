// The `cadran` command: one subcommand per job, each a thin layer over ingest, metrics and server.
import { processIO } from './io.ts';
import { terminalStoreAccess } from './local-store.ts';
import { runCli } from './run.ts';

const args = process.argv.slice(2);
const io = processIO();
process.exitCode = await runCli(args, io, terminalStoreAccess(args, io));
