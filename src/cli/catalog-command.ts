import type { Command } from 'commander';
import { describeCatalog } from '../metrics/index.ts';
import { describeCommand } from './command-table.ts';
import type { CliContext } from './context.ts';
import { renderTable } from './format.ts';
import { printTo } from './io.ts';

export function registerCatalogCommand(program: Command, { io }: CliContext): void {
  const print = printTo(io);
  program
    .command('kpis')
    .description(describeCommand('kpis'))
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
}
