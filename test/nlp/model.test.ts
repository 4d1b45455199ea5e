// The trained labeller: its file round-trips, it is rebuilt byte for byte from the same data and seed, and each label carries a probability.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildModel,
  decodeModel,
  DEFAULT_TRAINING_DIR,
  encodeModel,
  labelText,
  shippedModel,
} from '../../src/nlp/index.ts';
import { DEFAULT_TRAINING } from '../../src/nlp/train.ts';

// A tiny model: 120 rows of each training file, a 4 096-slot hashed space, two passes.
const TINY = {
  ...DEFAULT_TRAINING,
  epochs: 2,
  features: { ...DEFAULT_TRAINING.features, bits: 12 },
};

describe('labelText', () => {
  it('gives the probability of its label, between 1/3 and 1, and flags it uncertain below the threshold', () => {
    const threshold = shippedModel().uncertainBelow;
    for (const text of [
      'Je recommande',
      'Colis jamais arrivé, service client injoignable',
      'ok',
      '',
    ]) {
      const result = labelText(text);
      expect(result.probability).toBeGreaterThanOrEqual(1 / 3);
      expect(result.probability).toBeLessThanOrEqual(1);
      if (result.uncertain) expect(result.probability).toBeLessThan(threshold);
    }
  });
  it('score is P(positive) − P(negative): within −1…1, positive for a clear compliment', () => {
    expect(labelText('Absolutely love it, best purchase this year!').score).toBeGreaterThan(0);
    expect(labelText('Worst customer service ever, still no refund').score).toBeLessThan(0);
  });
});

describe('model file', () => {
  it('decodes to the same weights (to int16 precision), temperature and threshold', () => {
    const model = shippedModel();
    const again = decodeModel(encodeModel(model), 'memory');
    expect(again.temperature).toBe(model.temperature);
    expect(again.uncertainBelow).toBe(model.uncertainBelow);
    expect(again.weights.length).toBe(model.weights.length);
    expect(encodeModel(again).equals(encodeModel(model))).toBe(true);
  });
  it('refuses a file that is not a model, naming it', () => {
    expect(() => decodeModel(Buffer.from('text,label\n'), 'notes.csv')).toThrow(
      /notes\.csv: not a Cadran sentiment model/,
    );
  });
});

describe.skipIf(!existsSync(DEFAULT_TRAINING_DIR))('training', () => {
  it('is deterministic: same data and seed give the same bytes, another seed other bytes', async () => {
    const first = await buildModel({ limit: 120, options: TINY });
    const second = await buildModel({ limit: 120, options: TINY });
    const reseeded = await buildModel({ limit: 120, options: { ...TINY, seed: 7 } });
    expect(encodeModel(first.model).equals(encodeModel(second.model))).toBe(true);
    expect(encodeModel(first.model).equals(encodeModel(reseeded.model))).toBe(false);
    // 120 rows of each of the three training files.
    expect(first.trainingRows).toBe(360);
  }, 120_000);
});
