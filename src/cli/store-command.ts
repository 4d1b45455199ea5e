import type { Command } from 'commander';
import { InputError } from '../model/index.ts';
import { copyStore, openStoreAt } from '../store/index.ts';
import { describeCommand } from './command-table.ts';
import type { CliContext } from './context.ts';
import { renderTable } from './format.ts';
import { printTo } from './io.ts';

export function registerStoreCommands(program: Command, { io, withStore }: CliContext): void {
  const print = printTo(io);
  const store = program.command('store').description(describeCommand('store'));
  store
    .command('copy')
    .description(
      'copy every table of this store into an empty ClickHouse database, then check the row counts',
    )
    .requiredOption('--to <address>', 'clickhouse://user:password@host:8123/database')
    .action((options: { to: string }) =>
      withStore(async (source) => {
        if (!options.to.startsWith('clickhouse://'))
          throw new InputError(
            `--to takes a ClickHouse address like clickhouse://user:password@host:8123/cadran, got "${options.to}"`,
          );
        if (source.dialect.name !== 'duckdb')
          throw new InputError(
            'store copy reads a DuckDB store: name it with --db, or unset CADRAN_STORE',
          );
        const target = await openStoreAt(options.to);
        try {
          const copied = await copyStore(source, target);
          print(
            renderTable([
              ['table', 'rows', 'check'],
              ...copied.map(({ table, rows }) => [table, String(rows), 'ok']),
            ]),
          );
        } finally {
          target.close();
        }
      }),
    );
}
