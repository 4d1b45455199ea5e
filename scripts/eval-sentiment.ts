// `npm run eval:sentiment`: scores the labeller on every CSV in ../shared/data/sentiment (held out), on the validation
// files of ../shared/data/sentiment-train, and on our own dev examples — the same code and table as `cadran nlp eval`.
// Flags: --errors lists the misclassified comments.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_TRAINING_DIR, VALIDATION_FILES } from '../src/nlp/build-model.ts';
import {
  evaluateExamples,
  evaluateFiles,
  evaluateSets,
  formatGroups,
  formatReport,
} from '../src/nlp/evaluate.ts';
import { DEV_EN, DEV_FR } from '../test/nlp/dev-examples.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sharedDir = resolve(projectRoot, '..', 'shared', 'data', 'sentiment');
const showErrors = process.argv.includes('--errors');

const report = await evaluateSets(sharedDir);
console.log(formatReport(report, showErrors));

const validationPaths = VALIDATION_FILES.map((file) => join(DEFAULT_TRAINING_DIR, file));
if (validationPaths.every((path) => existsSync(path))) {
  const validation = await evaluateFiles(validationPaths, undefined, DEFAULT_TRAINING_DIR);
  console.log('\n' + formatReport(validation, showErrors));
}

const dev = [
  ...DEV_FR.map((e) => ({ ...e, lang: 'fr' })),
  ...DEV_EN.map((e) => ({ ...e, lang: 'en' })),
];
console.log(
  '\n' +
    formatGroups(
      'Own development examples (test/nlp/dev-examples.ts — the word lists were tuned on these)',
      evaluateExamples('dev-examples', dev),
      showErrors,
    ),
);
