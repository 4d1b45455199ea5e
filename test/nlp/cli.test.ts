// `cadran nlp eval` and `cadran nlp label --file`, run as a user would, on files written here.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { labelText, takeRetrainLock } from '../../src/nlp/index.ts';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'cadran-nlp-cli-'));

function cadran(...args: string[]) {
  const result = spawnSync(process.execPath, [join(root, 'bin', 'cadran.cjs'), ...args], {
    encoding: 'utf8',
    cwd: root,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const SET = [
  ['Livraison rapide, emballage soigné, je recommande', 'positive', 'fr'],
  ['Toujours aucune réponse du service client, très déçue', 'negative', 'fr'],
  ['Vous livrez en Belgique ?', 'neutral', 'fr'],
  ['Absolutely love it, best purchase this year!', 'positive', 'en'],
  ['Worst customer service ever, still no refund', 'negative', 'en'],
];
const csv = [
  'text,label,lang',
  ...SET.map(([text, label, lang]) => `"${text}",${label},${lang}`),
].join('\n');

describe('cadran nlp eval', () => {
  it('prints per-language figures whose counts match the labeller, as JSON with --json', () => {
    const { code, stdout, stderr } = cadran('nlp', 'eval', file('set.csv', csv), '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    // Expected by hand from labelText on each row: right answers per language ÷ rows in that language.
    for (const lang of ['fr', 'en']) {
      const rows = SET.filter((row) => row[2] === lang);
      const right = rows.filter(([text, label]) => labelText(text).sentiment === label).length;
      const group = report.groups.find((g: { lang: string }) => g.lang === lang);
      expect(group.n).toBe(rows.length);
      expect(group.accuracy).toBeCloseTo(right / rows.length, 10);
      const cells = Object.values(group.confusion).flatMap((row) => Object.values(row as object));
      expect(cells.reduce((a: number, b) => a + (b as number), 0)).toBe(rows.length);
      expect(group.perLabel.map((p: { label: string }) => p.label)).toEqual([
        'positive',
        'neutral',
        'negative',
      ]);
    }
  });

  it('prints the table eval:sentiment prints: set, lang, n, accuracy, macro-F1, per-class F1', () => {
    const { code, stdout } = cadran('nlp', 'eval', file('table.csv', csv));
    expect(code).toBe(0);
    expect(stdout).toMatch(/set\s+lang\s+n\s+accuracy\s+macro-F1\s+F1 pos\s+F1 neu\s+F1 neg/);
    expect(stdout).toMatch(/table\.csv\s+fr\s+3\s/);
    expect(stdout).toContain('confusion table.csv / en (rows = gold, columns = predicted)');
  });

  it('exits 1 naming file, line and column of a bad label, and of a broken quote', () => {
    const badLabel = file('bad-label.csv', 'text,label,lang\nSuper,positive,fr\nBof,meh,fr\n');
    let result = cadran('nlp', 'eval', badLabel);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${badLabel}: line 3, column 2 (label): label must be positive, neutral or negative, got "meh"`,
    );
    const badQuote = file('bad-quote.csv', 'text,label\n"Super,positive\n');
    result = cadran('nlp', 'eval', badQuote);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /bad-quote\.csv: line 2, column 1: malformed CSV: Quote Not Closed/,
    );
    const noLabel = file('no-label.csv', 'comment,lang\nSuper,fr\n');
    result = cadran('nlp', 'eval', noLabel);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'line 1, column 1: expected a header with columns text and label',
    );
    expect(result.stdout).toBe('');
  });
});

describe('cadran nlp label --file', () => {
  it('writes one row per text with label, probability and language, as labelText gives them', () => {
    const input = file(
      'texts.csv',
      'text\n"J\'adore, merci !"\n"Still waiting for my refund, so disappointed"\n"=SUM(A1)"\n',
    );
    const out = join(dir, 'labelled.csv');
    const { code, stdout } = cadran('nlp', 'label', '--file', input, '--out', out);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^3 rows labelled in/);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('text,label,probability,language,uncertain');
    const first = labelText("J'adore, merci !");
    expect(lines[1]).toBe(
      `"J'adore, merci !",${first.sentiment},${first.probability.toFixed(3)},${first.lang},${first.uncertain}`,
    );
    // A text that looks like a formula is written as text.
    expect(lines[3].startsWith("'=SUM(A1)")).toBe(true);
  });

  it('exits 1 on a file without a text column', () => {
    const result = cadran('nlp', 'label', '--file', file('no-text.csv', 'comment\nSuper\n'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('line 1, column 1: expected a header with columns text');
  });
});

describe('cadran nlp train --with-corrections', () => {
  it('says a retraining is already running when another holds the store, and exits 1', () => {
    const store = join(dir, 'busy.duckdb');
    const server = takeRetrainLock(store);
    try {
      const { code, stderr } = cadran('--db', store, 'nlp', 'train', '--with-corrections');
      expect(stderr).toMatch(
        new RegExp(
          `^error: a retraining is already running on this store \\(process ${process.pid}, `,
        ),
      );
      expect(code).toBe(1);
    } finally {
      server.release();
    }
  });
});
