// English and mixed-language rules, one hand-labelled case (or a few) per rule; each test name says why.
import { describe, expect, it } from 'vitest';
import { explainText, labelWithLexicon, type Sentiment } from '../../src/nlp/index.ts';

const sentiment = (text: string): Sentiment => labelWithLexicon(text).sentiment;

describe('English lexicon', () => {
  it('"Love it" is positive', () => expect(sentiment('Love it')).toBe('positive'));
  it('"bad" is negative, unlike @nlpjs/sentiment which scores it like "good"', () =>
    expect(sentiment('Bad experience')).toBe('negative'));
  it('"Fast delivery, great packaging" is positive: retail praise', () =>
    expect(sentiment('Fast delivery, great packaging')).toBe('positive'));
  it('"Item arrived damaged" is negative: defect vocabulary', () =>
    expect(sentiment('Item arrived damaged')).toBe('negative'));
  it('inflections find their base: "loves", "quickly", "nicer"', () => {
    expect(sentiment('She loves it')).toBe('positive');
    expect(sentiment('Sorted quickly')).toBe('positive');
    expect(sentiment('Even nicer in person')).toBe('positive');
  });
  it('"like" is an opinion only as a verb: "I like it" positive, "looks like a bag" neutral', () => {
    expect(sentiment('I like it')).toBe('positive');
    expect(sentiment('Looks like a bag')).toBe('neutral');
  });
  it('"When does the sale start?" is neutral: "sale" is the English word, not French "sale" (dirty)', () =>
    expect(sentiment('When does the sale start?')).toBe('neutral'));
});

describe('English negation', () => {
  it('"not bad" is positive-ish: negation idiom', () =>
    expect(sentiment('Not bad')).toBe('positive'));
  it('"not good" is negative: not negates good', () =>
    expect(sentiment('Not good')).toBe('negative'));
  it('"I don\'t like it" is negative: contraction n\'t', () =>
    expect(sentiment("I don't like it")).toBe('negative'));
  it('"dont like it" without apostrophe is negative', () =>
    expect(sentiment('dont like it')).toBe('negative'));
  it('"never disappointed" is positive: never negates a negative word', () =>
    expect(sentiment('Never disappointed')).toBe('positive'));
  it('"never been so disappointed" is negative: never … so is a comparison', () =>
    expect(sentiment('Never been so disappointed')).toBe('negative'));
  it('"no issues" is positive and "no reply" negative', () => {
    expect(sentiment('No issues at all')).toBe('positive');
    expect(sentiment('Still no reply')).toBe('negative');
  });
  it('"without any explanation" is negative: without + complaint noun', () =>
    expect(sentiment('Cancelled without any explanation')).toBe('negative'));
});

describe('English intensity, spelling and emoji', () => {
  it('"so", "really", "very" make the score stronger', () => {
    const plain = labelWithLexicon('Good').score;
    for (const word of ['so', 'really', 'very'])
      expect(labelWithLexicon(`${word} good`).score).toBeGreaterThan(plain);
  });
  it('"a bit" makes it weaker', () =>
    expect(labelWithLexicon('A bit slow').score).toBeGreaterThan(labelWithLexicon('Slow').score));
  it('"a bit" is not "bit": "bit disappointed" is full strength', () =>
    expect(labelWithLexicon('bit disappointed').score).toBeLessThan(
      labelWithLexicon('a bit disappointed').score,
    ));
  it('"too tight" is negative: too + neutral size adjective', () =>
    expect(sentiment('Too tight')).toBe('negative'));
  it('"soooo good" is positive: repeated letters', () =>
    expect(sentiment('soooo good')).toBe('positive'));
  it('"goood" resolves to "good", not "god"', () => expect(sentiment('goood')).toBe('positive'));
  it('"LOVE" in capitals is stronger', () =>
    expect(labelWithLexicon('I LOVE it').score).toBeGreaterThan(
      labelWithLexicon('I love it').score,
    ));
  it('":(" is negative, ":D" positive', () => {
    expect(sentiment('Order late :(')).toBe('negative');
    expect(sentiment('Arrived :D')).toBe('positive');
  });
  it('"10:30" is not an emoticon', () => expect(sentiment('Opens at 10:30')).toBe('neutral'));
  it('URLs are removed: a link with "bad" in it is neutral', () =>
    expect(sentiment('See https://example.com/bad-reviews-page')).toBe('neutral'));
});

describe('English questions, complaints and irony', () => {
  it('"Is it good quality?" is neutral: praise inside a question', () =>
    expect(sentiment('Is it good quality?')).toBe('neutral'));
  it('"Why doesn\'t my code work?" is negative: complaint in a question', () =>
    expect(sentiment("Why doesn't my code work?")).toBe('negative'));
  it('"still waiting" is negative: complaint without a negative word', () =>
    expect(sentiment('Still waiting for my parcel')).toBe('negative'));
  it('"the link doesn\'t work" is negative: negated function verb', () =>
    expect(sentiment("The link doesn't work")).toBe('negative'));
  it('"order cancelled" is negative', () => expect(sentiment('Order cancelled')).toBe('negative'));
  it('"two weeks now" is negative: waiting time', () =>
    expect(sentiment('Two weeks now and nothing')).toBe('negative'));
  it('"thanks for nothing" is negative: irony idiom', () =>
    expect(sentiment('Thanks for nothing')).toBe('negative'));
  it('"great, another delay" is negative: ironic praise with "another"', () =>
    expect(sentiment('Great, another delay')).toBe('negative'));
  it('"Wow, amazing, lost again 🙄" is negative: eye roll and "again" mark irony', () =>
    expect(sentiment('Wow, amazing, my parcel is lost again 🙄')).toBe('negative'));
  it('"nice but late" leans negative: the clause after but weighs more', () =>
    expect(sentiment('Nice jacket but it arrived a week late')).toBe('negative'));
});

describe('mixed French/English', () => {
  it('"Love cette robe" is positive: English word in a French sentence', () =>
    expect(sentiment('Love cette robe')).toBe('positive'));
  it('"trop cute this dress" is positive: French intensifier, English words', () =>
    expect(sentiment('trop cute this dress')).toBe('positive'));
  it('"Great produit mais la livraison était lente" is negative: mais clause decides', () =>
    expect(sentiment('Great produit mais la livraison était vraiment lente')).toBe('negative'));
});

describe('word-list scorer output', () => {
  it('score is within −1…1 and sign matches the label', () => {
    for (const text of ['Génial !!!!!!', 'NUL NUL NUL 😡😡😡', 'ok', '']) {
      const { score, sentiment: label } = labelWithLexicon(text);
      expect(score).toBeGreaterThanOrEqual(-1);
      expect(score).toBeLessThanOrEqual(1);
      if (label === 'positive') expect(score).toBeGreaterThan(0);
      if (label === 'negative') expect(score).toBeLessThan(0);
    }
  });
  it('explainText lists the rules that fired and gives the same result', () => {
    const { result, steps } = explainText("Not bad, but the link doesn't work");
    expect(result).toEqual(labelWithLexicon("Not bad, but the link doesn't work"));
    expect(steps.some((step) => step.includes('not bad'))).toBe(true);
    expect(steps.some((step) => step.includes('negated'))).toBe(true);
    expect(steps.some((step) => step.includes('contrast'))).toBe(true);
  });
  it('"Couldn\'t be happier" is positive: idiom, not a negated "happier"', () =>
    expect(sentiment("Couldn't be happier")).toBe('positive'));
  it('"still hasn\'t arrived" is negative: still + negated arrival', () =>
    expect(sentiment("My order still hasn't arrived")).toBe('negative'));
  it('empty text is neutral, language other', () =>
    expect(labelWithLexicon('')).toEqual({
      sentiment: 'neutral',
      score: 0,
      lang: 'other',
      recommends: null,
    }));
});
