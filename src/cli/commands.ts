import type { Command } from 'commander';
import { generateDemo } from '../demo/index.ts';
import { describeCatalog } from '../metrics/index.ts';
import { InputError } from '../model/index.ts';
import { startServer } from '../server/index.ts';
import { isStoreEmpty, resetStore, type Store } from '../store/index.ts';
import { runKpiCommand } from './kpi-command.ts';
import { registerImportCommands } from './import-command.ts';
import { registerAlertCommands } from './alerts-command.ts';
import { registerReportCommand } from './report-command.ts';
import { registerBrandCommand } from './brand-command.ts';
import { registerScheduleCommands } from './schedules-command.ts';
import { registerLinkCommands } from './links-command.ts';
import { registerNlpCommands } from './nlp-command.ts';
import { registerObjectiveCommands } from './objectives-command.ts';
import { registerSettingsCommands } from './settings-command.ts';
import { registerUserCommands } from './users-command.ts';
import { positiveInteger } from './options.ts';
import { renderTable } from './format.ts';

type WithStore = <T>(work: (store: Store) => Promise<T>) => Promise<T>;

const print = (text: string): void => void process.stdout.write(`${text}\n`);

export function registerCommands(program: Command, withStore: WithStore): void {
  program
    .command('demo')
    .description(
      'fill the store with the deterministic demo data set (a French home-décor brand, 24 months)',
    )
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

  registerImportCommands(program, withStore);

  program
    .command('kpis')
    .description('list the KPI catalog')
    .option('--json', 'machine-readable output')
    .option('--lang <lang>', 'en or fr', 'en')
    .action((options) => {
      const catalog = describeCatalog();
      if (options.json) return print(JSON.stringify(catalog, null, 2));
      const lang = options.lang === 'fr' ? 'fr' : 'en';
      print(
        renderTable([
          ['id', 'name', 'unit', 'better', 'family', 'definition'],
          ...catalog.map((kpi) => [
            kpi.id,
            kpi.name[lang],
            kpi.unit,
            kpi.better,
            kpi.family,
            kpi.explanation[lang],
          ]),
        ]),
      );
    });

  program
    .command('kpi')
    .description('compute KPIs over a period, with breakdowns and comparisons')
    .argument('<ids...>', 'KPI ids (see `cadran kpis`)')
    .option('--from <date>', 'first day, YYYY-MM-DD (default: first day of last month)')
    .option('--to <date>', 'last day, YYYY-MM-DD (default: last day of last month)')
    .option(
      '--by <breakdowns>',
      'comma-separated: day, week, month, quarter, year, platform, account, campaign, content_type, post, conversion_type',
    )
    .option('--compare <comparisons>', 'previous, yoy or both (comma-separated)')
    .option('--platform <names>', 'only these platforms (comma-separated)')
    .option('--account <ids>', 'only these accounts')
    .option('--campaign <names>', 'only these campaigns')
    .option('--content-type <types>', 'only these content types')
    .option('--top <n>', 'keep the N best rows by the first KPI')
    .option('--bottom <n>', 'keep the N worst rows by the first KPI')
    .option(
      '--min-base <n>',
      'with --top/--bottom and a ratio: only rows whose denominator reaches N',
    )
    .option('--weights <pairs>', 'engagement weights, e.g. reaction=1,comment=2,share=3,save=2')
    .option('--lang <lang>', 'en or fr', 'en')
    .option('--json', 'machine-readable output (shape in the README)')
    .action((ids: string[], options) =>
      withStore(async (store) => print(await runKpiCommand(store, ids, options))),
    );

  registerObjectiveCommands(program, withStore);
  registerLinkCommands(program, withStore);
  registerNlpCommands(program, withStore);
  registerSettingsCommands(program, withStore);
  registerUserCommands(program, withStore);
  registerAlertCommands(program, withStore);
  registerReportCommand(program, withStore);
  registerBrandCommand(program, withStore);
  registerScheduleCommands(program, withStore);

  program
    .command('serve')
    .description('serve the dashboard and the HTTP API')
    .option('--port <n>', 'port', process.env.PORT ?? '3000')
    .option('--host <address>', 'address to listen on', process.env.HOST ?? '127.0.0.1')
    .option('--demo-if-empty', 'fill an empty store with the demo data first')
    .action(async (options) => {
      const port = positiveInteger(options.port, '--port');
      await startServer({
        storePath: program.opts().db,
        port,
        host: options.host,
        demoIfEmpty: Boolean(options.demoIfEmpty),
        log: print,
      });
    });
}
