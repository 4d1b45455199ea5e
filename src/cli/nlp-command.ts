import type { Command } from 'commander';
import { describeCommand } from './command-table.ts';
import type { CliContext } from './context.ts';
import { explainText, rescore } from '../nlp/index.ts';
import { printTo } from './io.ts';

export function registerNlpCommands(program: Command, { io, withStore }: CliContext): void {
  const print = printTo(io);
  const nlp = program.command('nlp').description(describeCommand('nlp'));
  nlp
    .command('rescore')
    .description(
      'recompute the model’s labels of stored interactions (corrections made by people are kept)',
    )
    .option('--all', 'also relabel interactions whose file gave a label')
    .action((options) =>
      withStore(async (store) => {
        const summary = await rescore(store, { all: Boolean(options.all) });
        const rate =
          summary.seconds > 0 ? Math.round(summary.rows / summary.seconds) : summary.rows;
        print(
          `${summary.rows.toLocaleString('en-US')} interactions relabelled in ${summary.seconds.toFixed(1)} s (${rate.toLocaleString('en-US')}/s)`,
        );
      }),
    );
  nlp
    .command('label')
    .description('label a text and show the rules that fired')
    .argument('<text>')
    .action((text: string) => {
      const { result, steps } = explainText(text);
      print(
        `${result.sentiment} (score ${result.score.toFixed(2)}), language ${result.lang}${result.recommends ? `, ${result.recommends}` : ''}`,
      );
      for (const step of steps) print(`  ${step}`);
    });
}
