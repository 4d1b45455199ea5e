// Scores labelText against hand-labelled CSV sets (text,label,lang): n, accuracy, macro-F1, confusion matrix, per file and per language.
import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { type LabelledExample, readLabelledCsv } from './labelled-csv.ts';
import { type Labelled, labelText, type Sentiment } from './sentiment.ts';

/** Anything that labels a text: the shipped model, another model, or the word lists alone. */
export type Labeller = (text: string) => Pick<Labelled, 'sentiment' | 'score' | 'lang'>;

export type { LabelledExample } from './labelled-csv.ts';
export { readLabelledCsv } from './labelled-csv.ts';

export const LABELS: readonly Sentiment[] = ['positive', 'neutral', 'negative'];

export interface EvalGroup {
  /** File name (or set name) this group comes from; "all files" for the pooled figures. */
  set: string;
  /** "fr", "en", … or "all". */
  lang: string;
  n: number;
  accuracy: number;
  macroF1: number;
  perLabel: { label: Sentiment; precision: number; recall: number; f1: number; support: number }[];
  /** confusion[gold][predicted] = count. */
  confusion: Record<Sentiment, Record<Sentiment, number>>;
  /** Share of comments whose detected language equals the labelled one. */
  languageAccuracy: number;
  /** The misclassified comments, for reading. */
  errors: { text: string; gold: Sentiment; predicted: Sentiment; score: number }[];
}

export interface EvalReport {
  dir: string;
  files: string[];
  /** Per file: "all" then one group per language. */
  groups: EvalGroup[];
  /** All files pooled, per language. */
  pooled: EvalGroup[];
}

function emptyConfusion(): Record<Sentiment, Record<Sentiment, number>> {
  return {
    positive: { positive: 0, neutral: 0, negative: 0 },
    neutral: { positive: 0, neutral: 0, negative: 0 },
    negative: { positive: 0, neutral: 0, negative: 0 },
  };
}

function score(
  set: string,
  lang: string,
  examples: readonly LabelledExample[],
  label: Labeller,
): EvalGroup {
  const confusion = emptyConfusion();
  const errors: EvalGroup['errors'] = [];
  let correct = 0;
  let langCorrect = 0;
  for (const example of examples) {
    const result = label(example.text);
    confusion[example.label][result.sentiment]++;
    if (result.sentiment === example.label) correct++;
    else
      errors.push({
        text: example.text,
        gold: example.label,
        predicted: result.sentiment,
        score: result.score,
      });
    if (result.lang === example.lang) langCorrect++;
  }
  const perLabel = LABELS.map((label) => {
    const tp = confusion[label][label];
    const predicted = LABELS.reduce((sum, gold) => sum + confusion[gold][label], 0);
    const support = LABELS.reduce(
      (sum, predictedLabel) => sum + confusion[label][predictedLabel],
      0,
    );
    const precision = predicted === 0 ? 0 : tp / predicted;
    const recall = support === 0 ? 0 : tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label, precision, recall, f1, support };
  });
  // Macro-F1 over the labels present in the gold set (a label nobody wrote cannot be recalled).
  const present = perLabel.filter((entry) => entry.support > 0);
  const macroF1 =
    present.length === 0 ? 0 : present.reduce((sum, entry) => sum + entry.f1, 0) / present.length;
  const n = examples.length;
  return {
    set,
    lang,
    n,
    accuracy: n === 0 ? 0 : correct / n,
    macroF1,
    perLabel,
    confusion,
    languageAccuracy: n === 0 ? 0 : langCorrect / n,
    errors,
  };
}

/** One group for the whole set, then one per labelled language (sorted). */
export function evaluateExamples(
  set: string,
  examples: readonly LabelledExample[],
  label: Labeller = labelText,
): EvalGroup[] {
  const langs = [...new Set(examples.map((example) => example.lang))].sort();
  return [
    score(set, 'all', examples, label),
    ...langs.map((lang) =>
      score(
        set,
        lang,
        examples.filter((example) => example.lang === lang),
        label,
      ),
    ),
  ];
}

/** Evaluates every *.csv in `dir`: per file and language, and all files pooled per language. */
export async function evaluateSets(dir: string, label: Labeller = labelText): Promise<EvalReport> {
  const files = (await readdir(dir)).filter((name) => name.toLowerCase().endsWith('.csv')).sort();
  return evaluateFiles(
    files.map((file) => join(dir, file)),
    label,
    dir,
  );
}

/** Evaluates the given CSV files (each read whole before any is scored, so a bad file stops the run early). */
export async function evaluateFiles(
  paths: readonly string[],
  label: Labeller = labelText,
  title = paths.join(', '),
): Promise<EvalReport> {
  const sets = await Promise.all(
    paths.map(async (path) => [path, await readLabelledCsv(path)] as const),
  );
  const groups: EvalGroup[] = [];
  const all: LabelledExample[] = [];
  for (const [path, examples] of sets) {
    all.push(...examples);
    groups.push(...evaluateExamples(basename(path), examples, label));
  }
  return {
    dir: title,
    files: paths.map((path) => basename(path)),
    groups,
    pooled: evaluateExamples('all files', all, label),
  };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;

/** A readable table of the groups, each followed by its confusion matrix. */
export function formatGroups(
  title: string,
  groups: readonly EvalGroup[],
  showErrors = false,
): string {
  const lines: string[] = [title];
  const header = [
    'set',
    'lang',
    'n',
    'accuracy',
    'macro-F1',
    'F1 pos',
    'F1 neu',
    'F1 neg',
    'lang detected',
  ];
  const rows = groups.map((g) => [
    g.set,
    g.lang,
    String(g.n),
    pct(g.accuracy),
    g.macroF1.toFixed(3),
    ...g.perLabel.map((p) => p.f1.toFixed(2)),
    pct(g.languageAccuracy),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]): string =>
    cells.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  lines.push(line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line));
  for (const g of groups) {
    lines.push('', `confusion ${g.set} / ${g.lang} (rows = gold, columns = predicted)`);
    lines.push(`${''.padEnd(10)}${LABELS.map((l) => l.padStart(10)).join('')}`);
    for (const gold of LABELS)
      lines.push(
        `${gold.padEnd(10)}${LABELS.map((p) => String(g.confusion[gold][p]).padStart(10)).join('')}`,
      );
    if (showErrors && g.lang !== 'all') {
      for (const e of g.errors)
        lines.push(`  ✗ ${e.gold} → ${e.predicted} (${e.score.toFixed(2)}): ${e.text}`);
    }
  }
  return lines.join('\n');
}

export function formatReport(report: EvalReport, showErrors = false): string {
  const title = `Sentiment evaluation — ${report.dir} (${report.files.length} file${report.files.length === 1 ? '' : 's'})`;
  if (report.files.length === 0) return `${title}\nno *.csv file found`;
  const parts = [formatGroups(title, report.groups, showErrors)];
  // With several files, also pool them per language (with one file that would repeat the same table).
  if (report.files.length > 1)
    parts.push(
      '',
      formatGroups(
        'All files pooled, per language',
        report.pooled.filter((g) => g.lang !== 'all'),
      ),
    );
  return parts.join('\n');
}
