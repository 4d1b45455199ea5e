// `npm run eval:sentiment`: scores the labeller on every CSV in ../shared/data/sentiment (held out) and on our own dev examples (tuned on).
// Flags: --errors lists the misclassified comments.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateExamples, evaluateSets, formatGroups, formatReport } from '../src/nlp/evaluate.ts';
import { DEV_EN, DEV_FR } from '../test/nlp/dev-examples.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sharedDir = resolve(projectRoot, '..', 'shared', 'data', 'sentiment');
const showErrors = process.argv.includes('--errors');

const report = await evaluateSets(sharedDir);
console.log(formatReport(report, showErrors));

const dev = [
  ...DEV_FR.map((e) => ({ ...e, lang: 'fr' })),
  ...DEV_EN.map((e) => ({ ...e, lang: 'en' })),
];
console.log(
  '\n' +
    formatGroups(
      'Own development examples (test/nlp/dev-examples.ts — the lists were tuned on these)',
      evaluateExamples('dev-examples', dev),
      showErrors,
    ),
);
