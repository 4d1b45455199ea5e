// Integrity of the word lists: size, weight range, no accent-folding collisions, phrases tokenise to themselves.
import { describe, expect, it } from 'vitest';
import { EMOJI } from '../../src/nlp/emoji.ts';
import { LEXICON_EN, PHRASES_EN } from '../../src/nlp/lexicon-en.ts';
import { LEXICON_FR, PHRASES_FR } from '../../src/nlp/lexicon-fr.ts';
import { fold } from '../../src/nlp/normalise.ts';
import { PHRASES } from '../../src/nlp/vocabulary.ts';

describe.each([
  ['French', LEXICON_FR, PHRASES_FR],
  ['English', LEXICON_EN, PHRASES_EN],
])('%s lexicon', (_name, lexicon, phrases) => {
  it('has a few hundred entries with weights in −4…4', () => {
    const entries = Object.entries(lexicon);
    expect(entries.length).toBeGreaterThan(300);
    for (const [, weight] of entries) expect(Math.abs(weight)).toBeLessThanOrEqual(4);
    expect(entries.filter(([, weight]) => weight > 0).length).toBeGreaterThan(100);
    expect(entries.filter(([, weight]) => weight < 0).length).toBeGreaterThan(100);
  });
  it('has no two spellings that fold to the same key with different weights', () => {
    const seen = new Map<string, [string, number]>();
    for (const [word, weight] of Object.entries(lexicon)) {
      const key = fold(word);
      const before = seen.get(key);
      if (before)
        expect({ word, weight }, `"${word}" folds like "${before[0]}"`).toEqual({
          word,
          weight: before[1],
        });
      seen.set(key, [word, weight]);
    }
  });
  it('keys are single lower-case words', () => {
    for (const word of Object.keys(lexicon)) expect(word).toMatch(/^[\p{Ll}]+$/u);
  });
  it('every phrase is indexed by its first folded word', () => {
    for (const { phrase } of phrases) {
      const first = fold(phrase).split(/[^a-z0-9]+/)[0];
      expect(
        PHRASES.has(
          first === 'c' || first === 'n' || first === 'j' || first === 'l' ? `${first}e` : first,
        ),
        phrase,
      ).toBe(true);
    }
  });
});

describe('emoji list', () => {
  it('has positive and negative entries in range', () => {
    expect([...EMOJI.values()].filter((v) => v > 0).length).toBeGreaterThan(30);
    expect([...EMOJI.values()].filter((v) => v < 0).length).toBeGreaterThan(30);
    for (const v of EMOJI.values()) expect(Math.abs(v)).toBeLessThanOrEqual(4);
  });
});
