// `cadran report`: the report of a period as a PDF or HTML file.
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { InputError } from '../model/index.ts';
import { buildReport, closeChromium, REPORT_FORMATS, type ReportFormat } from '../report/index.ts';
import type { Store } from '../store/index.ts';

type WithStore = <T>(work: (store: Store) => Promise<T>) => Promise<T>;
const print = (text: string): void => void process.stdout.write(`${text}\n`);

export function registerReportCommand(program: Command, withStore: WithStore): void {
  program
    .command('report')
    .description('write the report of a period: executive brief, then the detail (PDF or HTML)')
    .requiredOption('--from <date>', 'first day, YYYY-MM-DD')
    .requiredOption(
      '--to <date>',
      'last day, YYYY-MM-DD (a period reaching past today is measured to date)',
    )
    .option('--lang <lang>', 'en or fr', 'en')
    .option(
      '--format <format>',
      'pdf or html (PDF needs Chromium: apt-get install chromium)',
      'pdf',
    )
    .option('-o, --output <file>', 'file to write (default: cadran-report-FROM-TO-LANG.FORMAT)')
    .action((options) =>
      withStore(async (store) => {
        if (!(REPORT_FORMATS as readonly string[]).includes(options.format))
          throw new InputError(`--format must be pdf or html, got "${options.format}"`);
        if (options.lang !== 'en' && options.lang !== 'fr')
          throw new InputError(`--lang must be en or fr, got "${options.lang}"`);
        const started = performance.now();
        const report = await buildReport(store, {
          from: options.from,
          to: options.to,
          lang: options.lang,
          format: options.format as ReportFormat,
        }).finally(closeChromium);
        const file = options.output ?? report.filename;
        writeFileSync(file, report.body);
        print(
          `Wrote ${file} (${Math.round(report.body.length / 1024)} KiB) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
      }),
    );
}
