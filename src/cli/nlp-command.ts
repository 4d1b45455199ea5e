import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import {
  createLabeller,
  evaluateFiles,
  explainText,
  formatGroups,
  formatReport,
  labelCsvFile,
  labelText,
  loadBrandModel,
  rescore,
  retrainWithCorrections,
  type EvalGroup,
} from '../nlp/index.ts';
import type { Store } from '../store/index.ts';

type WithStore = <T>(work: (store: Store) => Promise<T>) => Promise<T>;
const print = (text: string): void => void process.stdout.write(`${text}\n`);
const perSecond = (rows: number, seconds: number): string =>
  (seconds > 0 ? Math.round(rows / seconds) : rows).toLocaleString('en-US');

/** The brand's retrained model when asked for and kept, else the shipped one. */
async function chooseLabeller(store: Store, brand: boolean) {
  if (!brand) return undefined;
  const model = await loadBrandModel(store);
  if (!model) throw new Error('no brand model: run `cadran nlp train --with-corrections` first');
  return createLabeller(model);
}

function registerEval(nlp: Command): void {
  nlp
    .command('eval')
    .description(
      'score the labeller on CSV files with text,label[,lang]: macro-F1, per-class F1, accuracy, confusion matrix per language',
    )
    .argument('<files...>')
    .option('--json', 'machine-readable output')
    .option('--errors', 'list the misclassified comments')
    .action(async (files: string[], options) => {
      const report = await evaluateFiles(files);
      if (options.json) {
        const strip = (groups: EvalGroup[]) =>
          groups.map((group) => ({ ...group, errors: options.errors ? group.errors : undefined }));
        print(
          JSON.stringify(
            { ...report, groups: strip(report.groups), pooled: strip(report.pooled) },
            null,
            2,
          ),
        );
      } else print(formatReport(report, Boolean(options.errors)));
    });
}

function registerLabel(nlp: Command): void {
  nlp
    .command('label')
    .description(
      'label one text (with the word-list rules that fired), or every row of a CSV with --file',
    )
    .argument('[text]')
    .option(
      '--file <path>',
      'CSV with a text column (lang optional): writes text,label,probability,language,uncertain',
    )
    .option('--out <path>', 'write the labelled CSV there instead of to the standard output')
    .action(async (text: string | undefined, options) => {
      if (options.file) {
        const labelled = await labelCsvFile(options.file);
        if (options.out) {
          await writeFile(options.out, labelled.csv);
          print(
            `${labelled.rows.toLocaleString('en-US')} rows labelled in ${labelled.seconds.toFixed(2)} s (${perSecond(labelled.rows, labelled.seconds)}/s) → ${options.out}`,
          );
        } else process.stdout.write(labelled.csv);
        return;
      }
      if (text === undefined) throw new Error('give a text, or --file IN.csv');
      const result = labelText(text);
      print(
        `${result.sentiment} (probability ${result.probability.toFixed(2)}${result.uncertain ? ', uncertain' : ''}${result.decidedBy === 'model' ? '' : `, settled by the ${result.decidedBy === 'question' ? 'plain-question rule' : 'word lists'}`}), language ${result.lang}${result.recommends ? `, ${result.recommends}` : ''}`,
      );
      const { result: lexicon, steps } = explainText(text);
      print(`  word lists: ${lexicon.sentiment} (score ${lexicon.score.toFixed(2)})`);
      for (const step of steps) print(`  ${step}`);
    });
}

function registerTrain(nlp: Command, withStore: WithStore): void {
  nlp
    .command('train')
    .description(
      'retrain the sentiment model with the corrections people made in this store; kept only if no worse on the shipped validation sets',
    )
    .requiredOption('--with-corrections', 'learn from the stored corrections')
    .action(() =>
      withStore(async (store) => {
        const outcome = await retrainWithCorrections(store);
        print(`learnt from ${outcome.corrections} corrections in ${outcome.seconds.toFixed(0)} s`);
        print(
          formatGroups(
            'Validation before (model in use)',
            outcome.before.filter((g) => g.lang !== 'all'),
          ),
        );
        print(
          formatGroups(
            '\nValidation after (retrained)',
            outcome.after.filter((g) => g.lang !== 'all'),
          ),
        );
        if (outcome.accepted)
          print(
            '\nkept: `cadran nlp rescore --brand` relabels the comments with it (the shipped model stays the default)',
          );
        else {
          print(`\nrefused: ${outcome.reason}; the model in use is unchanged`);
          process.exitCode = 1;
        }
      }),
    );
}

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
    .option('--brand', 'use the model retrained with this brand’s corrections')
    .action((options) =>
      withStore(async (store) => {
        const label = await chooseLabeller(store, Boolean(options.brand));
        const summary = await rescore(store, { all: Boolean(options.all), label });
        print(
          `${summary.rows.toLocaleString('en-US')} interactions relabelled in ${summary.seconds.toFixed(1)} s ` +
            `(${perSecond(summary.rows, summary.seconds)}/s overall, labelling alone ${perSecond(summary.rows, summary.labelSeconds)}/s); ` +
            `${summary.uncertain.toLocaleString('en-US')} uncertain`,
        );
      }),
    );
  registerLabel(nlp);
  registerEval(nlp);
  registerTrain(nlp, withStore);
}
