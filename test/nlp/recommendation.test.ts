// Recommendation detection (R7): explicit promoter / detractor language, negated forms, and requests for advice that are neither.
import { describe, expect, it } from 'vitest';
import { labelWithLexicon } from '../../src/nlp/index.ts';

const recommends = (text: string) => labelWithLexicon(text).recommends;

describe('promoters', () => {
  it.each([
    ['Je recommande !', 'first person recommande'],
    ['Je vous recommande cette marque', 'je vous recommande'],
    ['Je vous le conseille les yeux fermés', 'je vous le conseille'],
    ['Produit à recommander', 'à recommander'],
    ['Vivement recommandé', 'adverb + participle'],
    ['Je recommanderai à mes amies', 'future'],
    ["Je n'hésite pas à recommander", '"ne … hésite pas" is not a negated recommendation'],
    ["I'd recommend them to anyone", "I'd = I would"],
    ['Highly recommend!', 'highly recommend'],
    ['Highly recommended', 'participle'],
    ["Can't recommend them enough", 'negation + enough is praise'],
    ['Will definitely buy again', 'buy again'],
    ['Will be back', 'coming back'],
  ])('"%s" is a promoter: %s', (text) => expect(recommends(text)).toBe('promoter'));
});

describe('detractors', () => {
  it.each([
    ['Je ne recommande pas', 'ne … pas negates the recommendation'],
    ['Je ne vous la recommande pas du tout', 'object pronouns between ne and the verb'],
    ['Je recommande pas', 'post-verbal pas without ne'],
    ['Je ne recommanderai jamais cette marque', 'ne … jamais'],
    ['Plus jamais', 'plus jamais'],
    ['Plus jamais je commande chez vous', 'plus jamais + verb'],
    ['Je déconseille fortement', 'déconseille'],
    ['Marque à éviter', 'à éviter'],
    ['Fuyez !', 'fuyez'],
    ["On n'y retournera plus", 'ne … plus + return'],
    ['Never buying again', 'never buying'],
    ['Never again.', 'never again'],
    ["I wouldn't recommend", "n't negates"],
    ['I would not recommend this shop', 'would not'],
    ['Do not recommend', 'do not'],
    ['Avoid this brand', 'avoid this brand'],
    ["Won't be ordering from them again", "won't be ordering"],
  ])('"%s" is a detractor: %s', (text) => expect(recommends(text)).toBe('detractor'));
});

describe('neither', () => {
  it.each([
    ['Vous me recommandez quelle taille ?', 'asking for advice'],
    ['Quelle taille me conseillez-vous ?', 'asking for advice'],
    ['What size would you recommend?', 'asking for advice'],
    ['Do you recommend the linen or the cotton?', 'asking for advice'],
    ['Super produit', 'praise is not an explicit recommendation'],
    ['Livraison en retard', 'complaint is not an explicit anti-recommendation'],
  ])('"%s" is null: %s', (text) => expect(recommends(text)).toBeNull());
});

describe('the last statement wins', () => {
  it('"I used to recommend them but never again" is a detractor', () =>
    expect(recommends('I used to recommend them but never again')).toBe('detractor'));
  it('"Je déconseillais cette marque, maintenant je la recommande" is a promoter', () =>
    expect(recommends('Je déconseillais cette marque, maintenant je la recommande')).toBe(
      'promoter',
    ));
});

describe('recommendation moves the word lists’ sentiment', () => {
  it('"Je recommande" alone is positive', () =>
    expect(labelWithLexicon('Je recommande').sentiment).toBe('positive'));
  it('"Je ne recommande pas" alone is negative', () =>
    expect(labelWithLexicon('Je ne recommande pas').sentiment).toBe('negative'));
  it('"Never buying again" alone is negative', () =>
    expect(labelWithLexicon('Never buying again').sentiment).toBe('negative'));
});
