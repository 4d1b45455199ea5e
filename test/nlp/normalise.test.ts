// Tokeniser: elision, contractions, accents, repeated letters, emoticons, hashtags, mentions, URLs.
import { describe, expect, it } from 'vitest';
import { Kind, fold, tokenise } from '../../src/nlp/normalise.ts';
import { isKnown } from '../../src/nlp/vocabulary.ts';

const words = (text: string): string[] => tokenise(text, isKnown).tokens.map((token) => token.t);

describe('tokenise', () => {
  it("expands French elision: j' c' n' qu' l' d'", () =>
    expect(words("J'adore, c'est qu'il n'est pas l'été d'hier")).toEqual([
      'je',
      'adore',
      ',',
      'ce',
      'est',
      'que',
      'il',
      'ne',
      'est',
      'pas',
      'le',
      'ete',
      'de',
      'hier',
    ]));
  it('accepts the typographic apostrophe ’', () =>
    expect(words('J’adore')).toEqual(['je', 'adore']));
  it("expands English n't, can't, won't and clitics", () => {
    expect(words("don't")).toEqual(['do', 'not']);
    expect(words("can't")).toEqual(['can', 'not']);
    expect(words("won't")).toEqual(['will', 'not']);
    expect(words("I'd")).toEqual(['i', 'would']);
    expect(words('cannot')).toEqual(['can', 'not']);
  });
  it('folds case and accents: "Déçue" → "decue", "œuvre" → "oeuvre"', () => {
    expect(words('Déçue')).toEqual(['decue']);
    expect(fold('Œuvre')).toBe('oeuvre');
  });
  it('collapses repeated letters to a known word: "trooop" → "trop", "goood" → "good", "soooo" → "so"', () => {
    expect(words('trooop')).toEqual(['trop']);
    expect(words('goood')).toEqual(['good']);
    expect(words('soooo')).toEqual(['so']);
  });
  it('marks elongation and capitals as emphasis', () => {
    const [token] = tokenise('NUUUL', isKnown).tokens;
    expect(token).toMatchObject({ t: 'nul', caps: true, elong: true });
  });
  it('strips @mentions and URLs', () =>
    expect(words('@marie regarde https://x.co/abc www.lumen.fr ici')).toEqual(['regarde', 'ici']));
  it('splits #Printemps2026 and #TopQualité into words', () => {
    expect(words('#Printemps2026')).toEqual(['printemps', '2026']);
    expect(words('#TopQualité')).toEqual(['top', 'qualite']);
  });
  it('maps emoticons to emoji and keeps emoji (without skin tone or variation selector)', () => {
    expect(words(':) :-( <3 :D ;)')).toEqual(['🙂', '🙁', '❤', '😀', '😉']);
    expect(words('👍🏽 ❤️')).toEqual(['👍', '❤']);
  });
  it('keeps punctuation as tokens with their repeat count', () => {
    const tokens = tokenise('Super !!! Vraiment ?', isKnown).tokens;
    expect(tokens.filter((t) => t.kind === Kind.Punct).map((t) => [t.t, t.n])).toEqual([
      ['!', 3],
      ['?', 1],
    ]);
  });
  it('reads "..." and "…" as one ellipsis token', () =>
    expect(words('Bravo... bravo…')).toEqual(['bravo', '…', 'bravo', '…']));
});
