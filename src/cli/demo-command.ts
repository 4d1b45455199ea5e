import type { Command } from 'commander';
import { generateDemo } from '../demo/index.ts';
import { InputError } from '../model/index.ts';
import { isStoreEmpty, resetStore } from '../store/index.ts';
import { describeCommand } from './command-table.ts';
import type { CliContext } from './context.ts';
import { renderTable } from './format.ts';
import { printTo } from './io.ts';
import { positiveInteger } from './options.ts';

export function registerDemoCommand(program: Command, { io, withStore }: CliContext): void {
  const print = printTo(io);
  program
    .command('demo')
    .description(describeCommand('demo'))
    .option('--seed <n>', 'random seed', '42')
    .option('--scale <n>', 'volume multiplier (100 ≈ 10 million interactions and clicks)', '1')
    .option('--reset', 'empty the store first when it already holds data')
    .action((options) =>
      withStore(async (store) => {
        if (!(await isStoreEmpty(store))) {
          if (!options.reset)
            throw new InputError(
              'the store already holds data; add --reset to replace it with the demo data',
            );
          await resetStore(store);
        }
        const started = performance.now();
        const summary = await generateDemo(store, {
          seed: positiveInteger(options.seed, '--seed'),
          scale: Number(options.scale),
        });
        const total = Object.values(summary.rows).reduce((sum, rows) => sum + rows, 0);
        print(
          `Demo data ${summary.from} → ${summary.to}: ${total.toLocaleString('en-US')} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
        print(
          renderTable(
            [
              ['table', 'rows'],
              ...Object.entries(summary.rows).map(([table, rows]) => [
                table,
                rows.toLocaleString('en-US'),
              ]),
            ],
            [false, true],
          ),
        );
      }),
    );
}
