import type { Command } from 'commander';
import type { Store } from '../store/index.ts';
import type { CommandIO } from './io.ts';

export type WithStore = <T>(work: (store: Store) => Promise<T>) => Promise<T>;

/** What every command is given: where to write, and the store it works on. */
export interface CliContext {
  io: CommandIO;
  /** Runs the work with the store named by --db (or the server's own, when the server runs it). */
  withStore: WithStore;
  /** The --db option as typed, when there was one. */
  storeOption(): string | undefined;
}

export type RegisterCommands = (program: Command, context: CliContext) => void;
