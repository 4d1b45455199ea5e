import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../model/index.ts';
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
import { describeCommand } from './command-table.ts';
import type { CliContext, WithStore } from './context.ts';
import { printTo, type CommandIO } from './io.ts';

const perSecond = (rows: number, seconds: number): string =>
  (seconds > 0 ? Math.round(rows / seconds) : rows).toLocaleString('en-US');

/** The brand's retrained model when asked for and kept, else the shipped one. */
async function chooseLabeller(store: Store, brand: boolean) {
  if (!brand) return undefined;
  const model = await loadBrandModel(store);
  if (!model)
    throw new InputError('no brand model: run `cadran nlp train --with-corrections` first');
  return createLabeller(model);
}

function registerEval(nlp: Command, io: CommandIO): void {
  const print = printTo(io);
  nlp
    .command('eval')
    .description(
      'score the labeller on CSV files with text,label[,lang]: macro-F1, per-class F1, accuracy, confusion matrix per language',
    )
    .argument('<files...>')
    .option('--json', 'machine-readable output')
    .option('--errors', 'list the misclassified comments')
    .action(async (files: string[], options) => {
      const report = await evaluateFiles(files.map((file) => resolve(io.cwd, file)));
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

function registerLabel(nlp: Command, io: CommandIO): void {
  const print = printTo(io);
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
        const labelled = await labelCsvFile(resolve(io.cwd, options.file));
        if (options.out) {
          await writeFile(resolve(io.cwd, options.out), labelled.csv);
          print(
            `${labelled.rows.toLocaleString('en-US')} rows labelled in ${labelled.seconds.toFixed(2)} s (${perSecond(labelled.rows, labelled.seconds)}/s) → ${options.out}`,
          );
        } else io.out(labelled.csv);
        return;
      }
      if (text === undefined) throw new InputError('give a text, or --file IN.csv');
      const result = labelText(text);
      print(
        `${result.sentiment} (probability ${result.probability.toFixed(2)}${result.uncertain ? ', uncertain' : ''}${result.decidedBy === 'model' ? '' : `, settled by the ${result.decidedBy === 'question' ? 'plain-question rule' : 'word lists'}`}), language ${result.lang}${result.recommends ? `, ${result.recommends}` : ''}`,
      );
      const { result: lexicon, steps } = explainText(text);
      print(`  word lists: ${lexicon.sentiment} (score ${lexicon.score.toFixed(2)})`);
      for (const step of steps) print(`  ${step}`);
    });
}

function registerTrain(nlp: Command, io: CommandIO, withStore: WithStore): void {
  const print = printTo(io);
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
            `\nkept: ${(outcome.relabelled ?? 0).toLocaleString('en-US')} comments relabelled with it (people’s corrections stay; new imports are labelled by the shipped model until \`cadran nlp rescore --brand\`)`,
          );
        else {
          throw new InputError(`refused: ${outcome.reason}; the model in use is unchanged`);
        }
      }),
    );
}

export function registerNlpCommands(program: Command, { io, withStore }: CliContext): void {
  const print = printTo(io);
  const nlp = program.command('nlp').description(describeCommand('nlp'));
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
  registerLabel(nlp, io);
  registerEval(nlp, io);
  registerTrain(nlp, io, withStore);
}
