// Language detection on short French, English, mixed and foreign comments.
import { describe, expect, it } from 'vitest';
import { detectLanguage, labelText } from '../../src/nlp/index.ts';

describe('detectLanguage', () => {
  it.each([
    ["C'est dispo en 38 ?", 'fr'],
    ['Nul', 'fr'],
    ['Merci !', 'fr'],
    ['decu, pas recu', 'fr'],
    ['Livraison rapide', 'fr'],
    ['Commande annulée sans explication', 'fr'],
    ['Je recommande', 'fr'],
  ])('"%s" is French', (text, lang) => expect(detectLanguage(text)).toBe(lang));

  it.each([
    ['Do you ship to Canada?', 'en'],
    ['Rubbish', 'en'],
    ['Love it', 'en'],
    ['Still waiting', 'en'],
    ['never buying again', 'en'],
    ["I'd recommend", 'en'],
  ])('"%s" is English', (text, lang) => expect(detectLanguage(text)).toBe(lang));

  it('a French sentence with an English word is French: "Love cette robe, je la mets tout le temps"', () =>
    expect(detectLanguage('Love cette robe, je la mets tout le temps')).toBe('fr'));
  it('an English sentence with a French word is English: "trop cute this dress, I love it"', () =>
    expect(detectLanguage('trop cute this dress, I love it')).toBe('en'));
  it('"great product mais la livraison était lente" is French: more French cues', () =>
    expect(detectLanguage('great product mais la livraison était lente')).toBe('fr'));

  it.each([
    ['Muy bueno el producto, gracias', 'other'],
    ['Sehr gut, danke', 'other'],
    ['Molto bello, grazie mille', 'other'],
    ['😍😍', 'other'],
    ['', 'other'],
  ])('"%s" is other', (text, lang) => expect(detectLanguage(text)).toBe(lang));

  it('labelText reports the same language', () =>
    expect(labelText('Toujours aucune réponse').lang).toBe('fr'));
});
