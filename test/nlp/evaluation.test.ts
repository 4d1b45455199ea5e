// Regression floors: macro-F1 per language on the shared held-out sets (../shared/data/sentiment) and on our own dev examples.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateExamples, evaluateSets, labelWithLexicon } from '../../src/nlp/index.ts';
import { DEV_EN, DEV_FR } from './dev-examples.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const sharedDir = resolve(projectRoot, '..', 'shared', 'data', 'sentiment');

// Floors per file = macro-F1 reached by the shipped model − 0.03, and never under the 0.85 the product promises.
// brand-comments-dev.csv (never trained on): en 0.914, fr 0.914 (the word lists alone: en 0.971, fr 0.974).
// A set added later has no figure yet: it is held to the goal of 0.70 until its own floor is written here.
const SHARED_FLOORS: Record<string, Record<string, number>> = {
  'brand-comments-dev.csv': { en: 0.884, fr: 0.884 },
};
const GOAL = 0.7;
// The word lists alone on test/nlp/dev-examples.ts (tuned on): 1.000 in both languages. Floor = reached − 0.05.
const DEV_FLOOR_LEXICON = 0.95;
// The shipped model on the same examples (never trained on): en 0.914, fr 0.909. Floor = reached − 0.05.
const DEV_FLOOR_MODEL: Record<string, number> = { en: 0.864, fr: 0.859 };

// The held-out sets live beside the repository, not in it: a clone without them says so, loudly.
const sharedMissing = !existsSync(sharedDir);
const SKIPPED_BECAUSE = `skipped: ${sharedDir} is missing (the held-out sets sit beside the repository, not in it)`;
if (sharedMissing) console.warn(`shared held-out sets ${SKIPPED_BECAUSE}`);

describe.skipIf(sharedMissing)(
  sharedMissing ? `shared held-out sets (${SKIPPED_BECAUSE})` : 'shared held-out sets',
  () => {
    it('macro-F1 per file and language stays at or above its floor', async () => {
      const report = await evaluateSets(sharedDir);
      expect(report.files.length).toBeGreaterThan(0);
      for (const group of report.groups.filter((g) => g.lang === 'fr' || g.lang === 'en')) {
        const floor = SHARED_FLOORS[group.set]?.[group.lang] ?? GOAL;
        expect(group.macroF1, `${group.set} ${group.lang} macro-F1`).toBeGreaterThanOrEqual(floor);
      }
      for (const lang of ['fr', 'en'])
        expect(
          report.pooled.find((g) => g.lang === lang),
          `no ${lang} comments`,
        ).toBeDefined();
    });

    it('reports n, accuracy and a confusion matrix that adds up, per file and language', async () => {
      const report = await evaluateSets(sharedDir);
      for (const group of report.groups) {
        const cells = Object.values(group.confusion).flatMap((row) => Object.values(row));
        expect(cells.reduce((a, b) => a + b, 0)).toBe(group.n);
        expect(group.accuracy).toBeGreaterThanOrEqual(0);
        expect(group.accuracy).toBeLessThanOrEqual(1);
      }
    });
  },
);

describe('own development examples', () => {
  it('has at least 60 hand-labelled examples per language, each with a reason, covering the three labels', () => {
    for (const set of [DEV_FR, DEV_EN]) {
      expect(set.length).toBeGreaterThanOrEqual(60);
      for (const example of set) expect(example.reason.length).toBeGreaterThan(2);
      for (const label of ['positive', 'neutral', 'negative'])
        expect(set.filter((e) => e.label === label).length).toBeGreaterThanOrEqual(20);
    }
  });

  const examples = [
    ...DEV_FR.map((e) => ({ ...e, lang: 'fr' })),
    ...DEV_EN.map((e) => ({ ...e, lang: 'en' })),
  ];
  it('the word lists alone keep macro-F1 per language at or above their floor', () => {
    const groups = evaluateExamples('dev-examples', examples, labelWithLexicon);
    for (const lang of ['fr', 'en'])
      expect(groups.find((g) => g.lang === lang)!.macroF1, lang).toBeGreaterThanOrEqual(
        DEV_FLOOR_LEXICON,
      );
  });
  it('the shipped model keeps macro-F1 per language at or above its floor', () => {
    const groups = evaluateExamples('dev-examples', examples);
    for (const lang of ['fr', 'en'])
      expect(groups.find((g) => g.lang === lang)!.macroF1, lang).toBeGreaterThanOrEqual(
        DEV_FLOOR_MODEL[lang],
      );
  });
});
