// The VADER valence cues: the lexicon as read from its package, and each cue worked out by hand on short texts.
import { describe, expect, it } from 'vitest';
import { densePerLanguage, extractFeatures, SparseVector } from '../../src/nlp/features.ts';
import { lexiconScore } from '../../src/nlp/lexicon.ts';
import { tokenise } from '../../src/nlp/normalise.ts';
import {
  parseVaderLexicon,
  VALENCE_CUES,
  valenceCues,
  vaderValences,
} from '../../src/nlp/valence-en.ts';
import { isKnown } from '../../src/nlp/vocabulary.ts';

function cuesOf(text: string): number[] {
  const cues: number[] = [];
  valenceCues(tokenise(text, isKnown).tokens, cues, 0);
  return cues;
}

const compound = (sum: number): number => sum / Math.sqrt(sum * sum + 15);

describe('VADER lexicon', () => {
  it('is read from the vader-sentiment package with its raters’ mean valences', () => {
    const lexicon = vaderValences();
    expect(lexicon.size).toBeGreaterThan(7000);
    expect(lexicon.get('good')).toBe(1.9);
    expect(lexicon.get('bad')).toBe(-2.5);
    for (const value of lexicon.values()) expect(Math.abs(value)).toBeLessThanOrEqual(4);
  });

  it('names the line and what was expected when a line is malformed', () => {
    expect(() => parseVaderLexicon('good\t1.9\n\nbad\tbig', 'lexicon.txt')).toThrow(
      'lexicon.txt:3:1: expected "term<TAB>mean valence", got "bad\tbig"',
    );
  });
});

describe('valenceCues', () => {
  it('scores one rated word', () => {
    expect(cuesOf('good')).toEqual([
      compound(1.9),
      1,
      0,
      0,
      0,
      1,
      0,
      Math.log1p(1),
      0,
      1.9 / 4,
      0,
      1.9 / 4,
      0,
      0,
    ]);
  });

  it('flips and damps a negated word (× −0.74) and counts it under negation', () => {
    const v = 1.9 * -0.74;
    const cues = cuesOf('not good');
    // Two words, one rated: the unrated "not" counts once in the shares' total.
    const total = -v + 1 + 1;
    expect(cues[0]).toBeCloseTo(compound(v), 12);
    expect(cues.slice(1, 5)).toEqual([0, 1, 0, 0]);
    expect(cues[5]).toBe(0);
    expect(cues[6]).toBeCloseTo((-v + 1) / total, 12);
    expect(cues[8]).toBeCloseTo(Math.log1p(1), 12);
    expect(cues[10]).toBeCloseTo(v / 4, 12);
    expect(cues[12]).toBeCloseTo(v / 4, 12);
  });

  it('halves what precedes "but", weighs what follows 1.5 times, and adds 0.292 per "!"', () => {
    const good = 1.9 * 0.5;
    const bad = -2.5 * 1.5;
    const cues = cuesOf('good but bad!');
    expect(cues[0]).toBeCloseTo(compound(good + bad - 0.292), 12);
    expect(cues[3]).toBe(0);
    expect(cues[4]).toBe(1);
    expect(cues[9]).toBeCloseTo(good / 4, 12);
    expect(cues[10]).toBeCloseTo(bad / 4, 12);
    expect(cues[11]).toBeCloseTo(bad / 4, 12);
  });

  it('strengthens a word after an intensifier and a word in capitals among lower-case ones', () => {
    expect(cuesOf('very good')[9]).toBeCloseTo((1.9 * 1.3) / 4, 12);
    expect(cuesOf('GOOD food')[9]).toBeCloseTo((1.9 + 0.733) / 4, 12);
    expect(cuesOf('GOOD FOOD')[9]).toBeCloseTo(1.9 / 4, 12);
  });

  it('flags a text whose words are all unrated', () => {
    expect(cuesOf('the food arrived')).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  });
});

describe('features with valence cues', () => {
  it('puts the cues after the base cues of the English block, and hashed features above every block', () => {
    const config = {
      bits: 12,
      languageMode: 'both' as const,
      charMin: 2,
      charMax: 5,
      valence: 'en' as const,
    };
    const { tokens } = tokenise('good', isKnown);
    const vector = new SparseVector();
    extractFeatures(config, tokens, 'en', lexiconScore(tokens, 'en', null), vector);
    const dense = new Map<number, number>();
    for (let k = 0; k < vector.length; k++)
      if (vector.indices[k] < 3 * densePerLanguage(config))
        dense.set(vector.indices[k], vector.values[k]);
    expect(densePerLanguage(config)).toBe(32);
    expect(dense.get(16)).toBeCloseTo(compound(1.9), 6);
    expect([...dense.keys()].every((index) => index < 32)).toBe(true);
    expect(VALENCE_CUES).toBeLessThanOrEqual(16);
  });

  it('gives French comments no valence cues', () => {
    const config = {
      bits: 12,
      languageMode: 'both' as const,
      charMin: 2,
      charMax: 5,
      valence: 'en' as const,
    };
    const { tokens } = tokenise('super', isKnown);
    const vector = new SparseVector();
    extractFeatures(config, tokens, 'fr', lexiconScore(tokens, 'fr', null), vector);
    for (let k = 0; k < vector.length; k++) {
      const index = vector.indices[k];
      expect(index < 32 + 16 || index >= 3 * 32, `dense slot ${index}`).toBe(true);
    }
  });
});
