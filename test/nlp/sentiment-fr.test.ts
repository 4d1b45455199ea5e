// French rules, one hand-labelled case (or a few) per rule; each test name says why.
import { describe, expect, it } from 'vitest';
import { labelWithLexicon, type Sentiment } from '../../src/nlp/index.ts';

const sentiment = (text: string): Sentiment => labelWithLexicon(text).sentiment;

describe('French lexicon', () => {
  it('"J\'adore" is positive: elision j\' + adore', () =>
    expect(sentiment("J'adore")).toBe('positive'));
  it('"Livraison rapide, emballage nickel" is positive: retail praise words', () =>
    expect(sentiment('Livraison rapide, emballage nickel')).toBe('positive'));
  it('"Remboursement jamais reçu, SAV injoignable" is negative: retail complaint words', () =>
    expect(sentiment('Remboursement jamais reçu, SAV injoignable')).toBe('negative'));
  it('"Produit défectueux" is negative: defect vocabulary', () =>
    expect(sentiment('Produit défectueux')).toBe('negative'));
  it('inflected forms find their base: "déçues", "géniaux", "réactive", "adorent"', () => {
    expect(sentiment('Nous sommes déçues')).toBe('negative');
    expect(sentiment('Vous êtes géniaux')).toBe('positive');
    expect(sentiment('Équipe très réactive')).toBe('positive');
    expect(sentiment('Mes enfants adorent')).toBe('positive');
  });
});

describe('French negation', () => {
  it('"pas terrible" is negative: negation idiom, not a flipped negative', () =>
    expect(sentiment('Pas terrible la qualité')).toBe('negative'));
  it('"pas mal" is positive-ish: negated negative word', () =>
    expect(sentiment("C'est pas mal du tout")).toBe('positive'));
  it('"ce n\'est pas bon" is negative: ne … pas negates bon', () =>
    expect(sentiment("Ce n'est pas bon")).toBe('negative'));
  it('"j\'aime pas" is negative: post-verbal pas without ne', () =>
    expect(sentiment("J'aime pas")).toBe('negative'));
  it('"je ne suis jamais déçue" is positive: ne … jamais negates déçue', () =>
    expect(sentiment('Je ne suis jamais déçue')).toBe('positive'));
  it('"je n\'ai jamais été aussi déçue" is negative: jamais … aussi is a comparison, not a negation', () =>
    expect(sentiment("Je n'ai jamais été aussi déçue")).toBe('negative'));
  it('"je ne suis plus satisfaite" is negative: ne … plus', () =>
    expect(sentiment('Je ne suis plus satisfaite')).toBe('negative'));
  it('"aucun problème" is positive: aucun before a negative noun', () =>
    expect(sentiment('Aucun problème, merci')).toBe('positive'));
  it('"aucun intérêt" is negative: aucun before a positive noun', () =>
    expect(sentiment('Aucun intérêt')).toBe('negative'));
  it('"sans souci" is positive and "sans réponse" is negative: sans', () => {
    expect(sentiment('Échange sans souci')).toBe('positive');
    expect(sentiment('Toujours sans réponse')).toBe('negative');
  });
  it('"pas cher" is positive: praise of the price, not a negated complaint', () =>
    expect(sentiment('Beau et pas cher')).toBe('positive'));
  it('"peu fiable" is negative: bare peu works like a negation', () =>
    expect(sentiment('Appli peu fiable')).toBe('negative'));
  it('"aucun message d\'erreur" does not turn "erreur" positive: aucun reaches only the next words', () =>
    expect(sentiment("Le paiement ne passe pas et aucun message d'erreur")).toBe('negative'));
});

describe('French intensity', () => {
  it('"très", "trop", "super", "vraiment", "hyper" make the score stronger', () => {
    const plain = labelWithLexicon('Bon produit').score;
    for (const word of ['très', 'trop', 'super', 'vraiment', 'hyper'])
      expect(labelWithLexicon(`Produit ${word} bon`).score).toBeGreaterThan(plain);
  });
  it('"un peu", "assez" make the score weaker', () => {
    const plain = labelWithLexicon('Cher').score;
    expect(labelWithLexicon('Un peu cher').score).toBeGreaterThan(plain);
    expect(labelWithLexicon('Assez cher').score).toBeGreaterThan(plain);
  });
  it('"super lent" is negative: super intensifies, it is not praise there', () =>
    expect(sentiment('Site super lent')).toBe('negative'));
  it('"trop petit" is negative: trop + neutral size adjective is a complaint', () =>
    expect(sentiment('Le pull est trop petit')).toBe('negative'));
  it('"trop bien" is positive: trop as intensifier of a positive word', () =>
    expect(sentiment('Trop bien')).toBe('positive'));
  it('"trooop bien" is positive: repeated letters collapse to the word', () =>
    expect(sentiment('trooop bien')).toBe('positive'));
  it('"NUL" in capitals is stronger than "nul"', () =>
    expect(labelWithLexicon('Franchement NUL').score).toBeLessThan(
      labelWithLexicon('Franchement nul').score,
    ));
  it('"!!!" strengthens the score', () =>
    expect(labelWithLexicon('Génial !!!').score).toBeGreaterThan(labelWithLexicon('Génial').score));
});

describe('French spelling, emoji, hashtags and mentions', () => {
  it('"decu" without accent is negative: accents optional', () =>
    expect(sentiment('Tres decu')).toBe('negative'));
  it('"genial" without accent is positive: accents optional', () =>
    expect(sentiment('genial')).toBe('positive'));
  it('"😍" and "🙏" are positive, "😡" and "👎" negative', () => {
    expect(sentiment('Reçu 😍')).toBe('positive');
    expect(sentiment('Merci 🙏')).toBe('positive');
    expect(sentiment('Colis 😡')).toBe('negative');
    expect(sentiment('Livraison 👎')).toBe('negative');
  });
  it('emoticons count: ":)" and "<3" positive, ":(" negative', () => {
    expect(sentiment("Reçu aujourd'hui :)")).toBe('positive');
    expect(sentiment('La robe <3')).toBe('positive');
    expect(sentiment('Toujours rien :(')).toBe('negative');
  });
  it('"@marie regarde" is neutral: @mentions are removed', () =>
    expect(sentiment('@marie regarde')).toBe('neutral'));
  it('"#Printemps2026" is neutral: the hashtag is split into neutral words', () =>
    expect(sentiment('Nouvelle vitrine #Printemps2026')).toBe('neutral'));
  it('a hashtag with an opinion word counts: "#déçue"', () =>
    expect(sentiment('Commande reçue #déçue')).toBe('negative'));
});

describe('French questions, complaints and irony', () => {
  it('"C\'est dispo en taille M ?" is neutral: question with no opinion word', () =>
    expect(sentiment("C'est dispo en taille M ?")).toBe('neutral'));
  it('"C\'est de bonne qualité ?" is neutral: praise inside a question asserts nothing', () =>
    expect(sentiment("C'est de bonne qualité ?")).toBe('neutral'));
  it('"Pourquoi ça ne marche pas ?" is negative: a complaint stays one in a question', () =>
    expect(sentiment('Pourquoi ça ne marche pas ?')).toBe('negative'));
  it('"toujours aucune réponse" is negative: complaint without a negative word', () =>
    expect(sentiment('Toujours aucune réponse')).toBe('negative'));
  it('"le lien ne fonctionne pas" is negative: negated function verb', () =>
    expect(sentiment('Le lien ne fonctionne pas')).toBe('negative'));
  it('"commande annulée" is negative', () =>
    expect(sentiment('Commande annulée')).toBe('negative'));
  it('"ça fait 15 jours que j\'attends" is negative: waiting time', () =>
    expect(sentiment("Ça fait 15 jours que j'attends")).toBe('negative'));
  it('"livré en 2 jours" is not a complaint: a duration without a waiting cue', () =>
    expect(sentiment('Livré en 2 jours')).not.toBe('negative'));
  it('"merci pour rien" is negative: irony idiom', () =>
    expect(sentiment('Merci pour rien')).toBe('negative'));
  it('"Bravo… 3 semaines d\'attente" is negative: ironic praise next to a complaint', () =>
    expect(sentiment("Bravo… 3 semaines d'attente")).toBe('negative'));
  it('"Super, encore un retard" is negative: "encore" marks irony', () =>
    expect(sentiment('Super, encore un retard')).toBe('negative'));
  it('"Merci de me répondre" is neutral: "merci de" + verb is a request', () =>
    expect(sentiment('Merci de me répondre')).toBe('neutral'));
  it('"Merci de votre aide" is positive: "merci de" + possessive is thanks', () =>
    expect(sentiment('Merci de votre aide')).toBe('positive'));
  it('"beau mais cher" leans negative and "cher mais beau" positive: the clause after mais weighs more', () => {
    expect(labelWithLexicon('Beau mais un peu cher').score).toBeLessThan(
      labelWithLexicon('Un peu cher mais beau').score,
    );
    expect(sentiment('Un peu cher mais vraiment beau')).toBe('positive');
  });
});
