// The evaluation arithmetic on a tiny hand-computed set: accuracy, per-label F1, macro-F1, confusion matrix, CSV errors.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateSets } from '../../src/nlp/index.ts';

function tempSet(name: string, content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cadran-sentiment-'));
  writeFileSync(join(dir, name), content);
  return dir;
}

describe('evaluateSets', () => {
  it('computes accuracy, macro-F1 and the confusion matrix per file and language', async () => {
    // Predictions: "Génial" positive ✓, "Nul" negative ✓, "Vous livrez en Belgique ?" neutral ✓,
    // "Love it" positive but labelled neutral ✗ → en: 1 of 2 right.
    const dir = tempSet(
      'set.csv',
      'text,label,lang\nGénial,positive,fr\nNul,negative,fr\n"Vous livrez en Belgique ?",neutral,fr\nLove it,neutral,en\nAwful,negative,en\n',
    );
    const report = await evaluateSets(dir);
    expect(report.files).toEqual(['set.csv']);
    const fr = report.groups.find((g) => g.lang === 'fr')!;
    expect(fr).toMatchObject({ n: 3, accuracy: 1, macroF1: 1 });
    const en = report.groups.find((g) => g.lang === 'en')!;
    expect(en.n).toBe(2);
    expect(en.accuracy).toBe(0.5);
    expect(en.confusion.neutral.positive).toBe(1);
    expect(en.confusion.negative.negative).toBe(1);
    // en labels present: neutral (F1 0: never predicted right), negative (F1 1) → macro 0.5; positive has no gold support.
    expect(en.macroF1).toBeCloseTo(0.5, 10);
    expect(en.errors).toEqual([
      expect.objectContaining({ text: 'Love it', gold: 'neutral', predicted: 'positive' }),
    ]);
  });

  it('names the file and line of a bad label', async () => {
    const dir = tempSet('bad.csv', 'text,label,lang\nok,neutral,en\nbof,meh,fr\n');
    await expect(evaluateSets(dir)).rejects.toThrow(
      /bad\.csv: line 3, column 2 \(label\): label must be positive, neutral or negative, got "meh"/,
    );
  });
});
