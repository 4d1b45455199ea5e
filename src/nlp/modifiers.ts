// Word classes the rules use: negators, intensifiers/diminishers, contrast words, complaint-when-negated words, irony and waiting cues (FR + EN, accent-free forms).

/** Words that negate an opinion word a few tokens later ("pas bon", "ne … jamais", "aucun intérêt", "not good", "never again"). */
export const NEGATORS: ReadonlySet<string> = new Set([
  // French ("plus" and "personne" only negate with "ne", which is itself in the list)
  'ne', 'pas', 'jamais', 'rien', 'aucun', 'aucune', 'aucuns', 'aucunes', 'sans', 'non', 'ni', 'nullement', 'guere',
  // English (apostrophe-less contractions included: people type "dont", "doesnt")
  'not', 'no', 'never', 'nothing', 'without', 'nobody', 'none', 'neither', 'nor', 'hardly', 'barely', 'scarcely',
  'nowhere', 'dont', 'doesnt', 'didnt', 'isnt', 'wasnt', 'arent', 'werent', 'cant', 'couldnt', 'wont', 'wouldnt',
  'shouldnt', 'havent', 'hasnt', 'hadnt', 'aint',
]);

/** Negating determiners reach only the next two words ("aucun message d'erreur": "aucun" negates "message", not "erreur"). */
export const DETERMINER_NEGATORS: ReadonlySet<string> = new Set([
  'aucun', 'aucune', 'aucuns', 'aucunes', 'sans', 'non', 'no', 'without', 'none',
]);
/** Between "jamais"/"never" and the word, these make a comparison, not a negation ("jamais été aussi déçu", "never been so happy"). */
export const COMPARATIVE_AFTER_NEVER: ReadonlySet<string> = new Set(['aussi', 'autant', 'si', 'plus', 'so', 'more', 'as', 'this']);

/** French post-verbal negation: "j'aime pas", "ça marche pas" — the negator comes after the word it negates. */
export const POST_NEGATORS: ReadonlySet<string> = new Set(['pas', 'jamais', 'point']);

/** Multipliers for the next opinion word ("très bon", "trooop bien", "really good", "so slow"). */
export const INTENSIFIERS: ReadonlyMap<string, number> = new Map([
  ['tres', 1.3], ['trop', 1.3], ['super', 1.3], ['vraiment', 1.25], ['hyper', 1.35], ['ultra', 1.35],
  ['tellement', 1.3], ['si', 1.2], ['vachement', 1.3], ['carrement', 1.3], ['franchement', 1.1],
  ['extremement', 1.4], ['absolument', 1.3], ['totalement', 1.3], ['completement', 1.3], ['entierement', 1.2],
  ['particulierement', 1.2], ['archi', 1.3], ['grave', 1.2], ['bien', 1.2], ['tout', 1.1], ['toute', 1.1],
  ['beaucoup', 1.2], ['encore', 1.1], ['vrai', 1.1],
  ['very', 1.3], ['really', 1.25], ['so', 1.25], ['too', 1.2], ['extremely', 1.4], ['incredibly', 1.4],
  ['absolutely', 1.3], ['totally', 1.3], ['completely', 1.3], ['truly', 1.25], ['highly', 1.3], ['utterly', 1.4],
  ['seriously', 1.2], ['genuinely', 1.2], ['deeply', 1.3], ['way', 1.2], ['such', 1.2], ['damn', 1.2],
  ['bloody', 1.2], ['pretty', 1.1], ['quite', 1.05], ['most', 1.1], ['especially', 1.1], ['insanely', 1.4],
  ['ridiculously', 1.3], ['definitely', 1.2], ['honestly', 1.05], ['mega', 1.3], ['sooo', 1.3], ['real', 1.1],
  ['even', 1.1], ['much', 1.1],
]);

/** Multipliers below 1 ("un peu cher", "assez bien", "a bit slow", "slightly disappointed"). */
export const DIMINISHERS: ReadonlyMap<string, number> = new Map([
  ['peu', 0.6], ['assez', 0.85], ['plutot', 0.85], ['legerement', 0.6], ['moyennement', 0.5], ['presque', 0.7],
  ['relativement', 0.8], ['quelque', 0.7],
  ['bit', 0.6], ['little', 0.6], ['slightly', 0.6], ['somewhat', 0.7], ['kinda', 0.7], ['fairly', 0.8],
  ['rather', 0.8], ['mildly', 0.6], ['marginally', 0.5], ['partly', 0.6], ['almost', 0.7], ['reasonably', 0.85],
]);

/** Contrast words: what follows weighs more than what precedes ("beau mais cher", "nice but late"). */
export const CONTRAST: ReadonlySet<string> = new Set([
  'mais', 'cependant', 'pourtant', 'neanmoins', 'toutefois', 'but', 'however',
]);
/** Two-word contrasts, as "first second". */
export const CONTRAST_PAIRS: ReadonlySet<string> = new Set(['par contre', 'en revanche', 'sauf que', 'except that']);

/**
 * Words that carry little opinion on their own but mean a complaint once negated: the thing does not
 * work, did not arrive, nobody answered, no refund. Value = weight when NOT negated; negated, they score
 * FUNCTION_NEGATED whatever their sign.
 */
export const FUNCTION_NEGATED = -2;
export const FUNCTION_WORDS: ReadonlyMap<string, number> = new Map([
  // French verbs and participles
  ['fonctionne', 0.3], ['fonctionnent', 0.3], ['fonctionner', 0.3], ['fonctionnel', 1], ['marche', 0.3],
  ['marchent', 0.3], ['repond', 0.3], ['repondent', 0.3], ['repondu', 0.5], ['rappele', 0.3], ['rappelle', 0.3],
  ['recu', 0.3], ['recue', 0.3], ['recus', 0.3], ['recues', 0.3], ['recois', 0.3], ['arrive', 0.3],
  ['arrivee', 0.3], ['arrives', 0.3], ['livre', 0.3], ['livree', 0.3], ['livres', 0.3], ['rembourse', 0.5],
  ['remboursee', 0.5], ['valide', 0.3], ['passe', 0], ['charge', 0], ['ouvre', 0], ['affiche', 0], ['accepte', 0],
  ['correspond', 0.3], ['correspondent', 0.3], ['tient', 0], ['tiennent', 0], ['respecte', 1], ['respectee', 1],
  ['vaut', 0.5], ['trouve', 0], ['possible', 0.3], ['joignable', 0.5], ['traite', 0.3], ['traitee', 0.3],
  ['conforme', 1.5], ['aide', 1], ['resolu', 1.5], ['regle', 1.5], ['envoye', 0.3], ['expedie', 0.3],
  ['expediee', 0.3], ['lu', 0], ['vu', 0],
  // French nouns: "aucune réponse", "sans nouvelles", "pas de remboursement"
  ['reponse', 0], ['reponses', 0], ['retour', 0], ['nouvelles', 0], ['nouvelle', 0], ['remboursement', 0],
  ['explication', 0], ['explications', 0], ['suivi', 0], ['solution', 0], ['geste', 0], ['contact', 0],
  ['information', 0], ['informations', 0], ['info', 0], ['infos', 0], ['excuse', 0], ['excuses', 0],
  ['interlocuteur', 0], ['numero', 0], ['mail', 0], ['email', 0], ['message', 0], ['colis', 0], ['commande', 0],
  ['livraison', 0],
  // English verbs and participles
  ['work', 0.3], ['works', 0.3], ['working', 0.3], ['worked', 0.5], ['load', 0], ['loads', 0], ['loading', 0],
  ['open', 0], ['opens', 0], ['arrive', 0.3], ['arrived', 0.3], ['receive', 0.3], ['received', 0.3],
  ['deliver', 0.3], ['delivered', 0.3], ['respond', 0.3], ['responded', 0.5], ['reply', 0], ['replied', 0.5],
  ['replies', 0], ['answer', 0], ['answered', 0.5], ['answers', 0], ['refunded', 0.5], ['ship', 0],
  ['shipped', 0.3], ['fit', 0.5], ['fits', 0.5], ['match', 0.3], ['matches', 0.3], ['help', 1], ['helped', 1.5],
  ['solve', 0.5], ['solved', 1.5], ['fix', 0.5], ['fixed', 1.5], ['resolve', 0.5], ['come', 0], ['came', 0],
  ['show', 0], ['showed', 0], ['turn', 0], ['turned', 0], ['accept', 0], ['accepted', 0], ['process', 0],
  ['processed', 0], ['through', 0], ['worth', 1], ['sent', 0.3], ['contacted', 0.3], ['called', 0.3],
  // English nouns: "no reply", "without explanation", "no refund"
  ['response', 0], ['refund', 0], ['update', 0], ['updates', 0], ['tracking', 0], ['explanation', 0],
  ['support', 0], ['news', 0], ['word', 0], ['apology', 0], ['callback', 0], ['order', 0], ['parcel', 0],
  ['package', 0], ['delivery', 0],
]);

/** Neutral adjectives that become a complaint after "trop"/"too" ("trop petit", "too tight"). */
export const EXCESS_ADJECTIVES: ReadonlySet<string> = new Set([
  'petit', 'petite', 'petits', 'petites', 'grand', 'grande', 'grands', 'grandes', 'court', 'courte', 'long',
  'longue', 'large', 'larges', 'serre', 'serree', 'etroit', 'etroite', 'lourd', 'lourde', 'epais', 'epaisse',
  'fin', 'fine', 'leger', 'legere', 'chaud', 'chaude', 'sucre', 'sale', 'fort', 'forte', 'fonce', 'foncee',
  'clair', 'claire', 'tard', 'tot', 'juste', 'transparent', 'transparente', 'rigide', 'ample',
  'small', 'big', 'large', 'short', 'long', 'tight', 'loose', 'heavy', 'thin', 'thick', 'light', 'hot', 'cold',
  'late', 'sweet', 'salty', 'bright', 'dark', 'wide', 'narrow', 'tiny', 'baggy', 'stiff', 'sheer', 'strong',
  'much', 'many',
]);
export const EXCESS_WORDS: ReadonlySet<string> = new Set(['trop', 'too']);
export const EXCESS_SCORE = -1.2;

/** Positive words that are often said ironically when the rest of the comment complains ("Bravo… 3 semaines", "Great, another delay"). */
export const IRONY_PRONE: ReadonlySet<string> = new Set([
  'bravo', 'merci', 'super', 'genial', 'geniale', 'top', 'parfait', 'parfaite', 'excellent', 'magnifique',
  'felicitations', 'chapeau', 'formidable', 'genialissime', 'wow', 'waouh', 'cool', 'sympa', 'merveilleux',
  'great', 'thanks', 'thank', 'amazing', 'wonderful', 'fantastic', 'perfect', 'lovely', 'nice', 'brilliant',
  'awesome', 'love', 'congrats', 'congratulations', 'impressive', 'excellent', 'fab', 'fabulous', 'good',
]);
/** Cues that make a complaint read as ironic: "encore", "again", "another", eye-roll emoji (the ellipsis token is checked too). */
export const IRONY_CUES: ReadonlySet<string> = new Set([
  'encore', 'again', 'another', 'comme', 'usual', 'habitude', 'decidement', 'vraiment', 'quel', 'quelle',
  '🙄', '🙃', '😒', '🤡', '👏',
]);

/** Duration units for "3 semaines que j'attends", "two weeks now". */
export const DURATION_UNITS: ReadonlySet<string> = new Set([
  'jour', 'jours', 'semaine', 'semaines', 'mois', 'heure', 'heures', 'h',
  'day', 'days', 'week', 'weeks', 'month', 'months', 'hour', 'hours',
]);
/** Number words before a duration unit. */
export const NUMBER_WORDS: ReadonlySet<string> = new Set([
  'un', 'une', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'quinze', 'vingt',
  'trente', 'plusieurs', 'quelques', 'des', 'a', 'an', 'one', 'two', 'three', 'four', 'five', 'six', 'seven',
  'eight', 'nine', 'ten', 'fifteen', 'twenty', 'thirty', 'several', 'few', 'many',
]);
/** Words that turn a duration into a waiting complaint ("depuis 3 semaines", "ça fait 15 jours que j'attends", "two weeks now"). */
export const WAIT_CUES: ReadonlySet<string> = new Set([
  'attente', 'attends', 'attendre', 'attend', 'attendu', 'patiente', 'patienter', 'toujours', 'deja',
  'retard', 'relance', 'relances', 'relancee',
  'waiting', 'wait', 'waited', 'still', 'already', 'delay', 'delayed', 'late', 'chasing',
]);
/** Cues that must sit just before the duration ("ça fait 3 semaines", "it's been two weeks", "over a week"). */
export const WAIT_CUES_BEFORE: ReadonlySet<string> = new Set(['fait', 'depuis', 'been', 'since', 'over', 'plus', 'more']);
/** Cues that must sit just after the duration ("two weeks now", "deux semaines déjà"). */
export const WAIT_CUES_AFTER: ReadonlySet<string> = new Set(['now', 'already', 'deja']);
export const DURATION_COMPLAINT = -1.5;

/** English "like" is an opinion only as a verb after one of these ("I like it", "don't really like"), not in "looks like", "like this". */
export const LIKE_SUBJECTS: ReadonlySet<string> = new Set([
  'i', 'we', 'they', 'you', 'he', 'she', 'really', 'do', 'does', 'did', 'not', 'still', 'also', 'totally',
  'absolutely', 'definitely', 'very', 'much', 'kids', 'everyone', 'just', 'actually', 'personally', 'both',
  'dont', 'didnt', 'doesnt', 'cant', 'wont', 'didn',
]);
export const LIKE_SCORE = 1.5;
