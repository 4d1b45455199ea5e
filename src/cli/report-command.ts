// `cadran report`: the report of a period as a PDF or HTML file.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { describeCommand } from './command-table.ts';
import type { CliContext } from './context.ts';
import { printTo } from './io.ts';
import { InputError } from '../model/index.ts';
import { buildReport, closeChromium, REPORT_FORMATS, type ReportFormat } from '../report/index.ts';

export function registerReportCommand(program: Command, { io, withStore }: CliContext): void {
  const print = printTo(io);
  program
    .command('report')
    .description(describeCommand('report'))
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
        writeFileSync(resolve(io.cwd, file), report.body);
        print(
          `Wrote ${file} (${Math.round(report.body.length / 1024)} KiB) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
      }),
    );
}
