import type { Command } from 'commander';
import { explainText, rescore } from '../nlp/index.ts';
import type { Store } from '../store/index.ts';

type WithStore = <T>(work: (store: Store) => Promise<T>) => Promise<T>;
const print = (text: string): void => void process.stdout.write(`${text}\n`);

export function registerNlpCommands(program: Command, withStore: WithStore): void {
  const nlp = program
    .command('nlp')
    .description('sentiment, language and recommendation labelling of comments (offline)');
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
