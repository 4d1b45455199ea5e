// Explicit recommendation language → promoter / detractor / null ("je recommande", "I'd recommend" vs "je ne recommande pas", "plus jamais", "avoid this brand"); the last statement in the comment wins.
import { type Token, Kind } from './normalise.ts';

export type Recommends = 'promoter' | 'detractor' | null;

// Patterns run on the folded, elision-expanded text ("je ne le recommande pas", "i would recommend"),
// words separated by one space and clause punctuation replaced by "|", so no pattern crosses a clause.
const W = '[a-z0-9]+';
const OBJ =
  '(?:(?:vous|te|le|la|les|leur|lui|y|vivement|fortement|chaudement|sincerement|vraiment|tellement|absolument|donc|aussi|perso|personnellement|a|tous|tout|le|monde|ce|cette|ces|produit|marque|site|magasin|boutique) ){0,4}';

const DETRACTOR: readonly RegExp[] = [
  // negated recommendation, FR: "je ne (vous) (le) recommande pas", "je ne recommanderai jamais", "recommande pas"
  new RegExp(`\\bne (?:(?!que |hesit|peux que )${W} ){0,3}(?:recommand|conseill)${W}`, 'g'),
  new RegExp(
    `\\b(?:recommande|recommanderai|recommanderais|conseille) (?:${W} )?(?:pas|jamais|plus)\\b(?! mal)`,
    'g',
  ),
  /(?<!hesit[a-z]* )\b(?:pas|peu|guere) (?:du tout )?(?:recommandable|a recommander|recommande)\b/g,
  /\bdeconseill[a-z]*/g,
  // FR: never again / avoid
  /\bplus jamais\b/g,
  /\bjamais plus\b/g,
  /\ba (?:eviter|fuir)\b/g,
  /\b(?:evitez|fuyez)\b/g,
  /\bpassez votre chemin\b/g,
  /\bne (?:[a-z]+ ){0,2}(?:achetez|commandez) (?:pas|jamais|rien|plus)\b/g,
  /\bne (?:[a-z]+ ){0,2}(?:commanderai|commanderais|acheterai|acheterais|racheterai|racheterais|reviendrai|reviendrais|reviendrons|retournerai|retournerais|retournera|retournerons|remettrai|remettrais|remettrons)\b/g,
  /\bne (?:[a-z]+ ){0,2}(?:commande|achete|rachete|reviens) (?:plus|jamais)\b/g,
  /\bce est la derniere fois\b/g,
  /\bderniere commande chez vous\b/g,
  // negated recommendation, EN: "would not recommend", "do not recommend", "never recommend", "can not recommend"
  /\b(?:not|never|no longer|dont|wouldnt|doesnt|cant|couldnt|wont|didnt) (?:(?!hesitate )[a-z]+ ){0,2}recommend[a-z]*(?! (?:[a-z]+ ){0,3}enough)/g,
  /\bnot recommended\b/g,
  // EN: avoid, never again, won't buy again
  /\bavoid (?:this|these|them|it|at all costs|like the plague|buying|ordering|[a-z]+ brand|the brand|this shop|this store|this company)\b/g,
  /^ ?avoid\b/g,
  /\bstay away\b/g,
  /\bsteer clear\b/g,
  /\bnever (?:again|buying|buy|bought|ordering|order|shopping|shop|going back|coming back|using|use|returning)\b/g,
  /\bwill not (?:be )?(?:buying|ordering|shopping|order|buy|shop|using|use|coming back|going back|returning|back|recommending)\b/g,
  /\bnot (?:buying|ordering|shopping) (?:here |from (?:you|them|this [a-z]+) )?(?:again|anymore|ever)\b/g,
  /\bdo not (?:buy|order|waste)\b/g,
  /\blast time i (?:order|buy|shop|use)[a-z]*/g,
];

const PROMOTER: readonly RegExp[] = [
  // FR first person: "je recommande", "je vous le conseille", "nous recommandons", "je recommanderai"
  new RegExp(
    `\\b(?:je|on|nous) ${OBJ}(?:recommande|recommanderai|recommandons|conseille|conseillerai|conseillons)\\b`,
    'g',
  ),
  /\b(?:a|je vais|je peux que|je ne peux que|que) recommander\b/g,
  /\b(?:vivement|chaudement|fortement|hautement|grandement|tres|ultra|hyper|super) recommande(?:e|s|es)?\b/g,
  /^ ?recommande(?:e|s|es)?\b/g,
  /\brecommande a 100\b/g,
  /\brecommandable\b/g,
  /\b(?:allez y|foncez)\b/g,
  /\bje (?:[a-z]+ )?(?:racheterai|recommanderai|reviendrai|recommencerai)\b/g,
  // EN: "I (would) (highly) recommend", "highly recommended", "can't recommend them enough"
  /\bcan not recommend (?:[a-z]+ ){0,3}enough\b/g,
  /\b(?:i|we) (?:[a-z]+ ){0,3}recommend(?:ed)?\b/g,
  /\b(?:highly|definitely|totally|strongly|fully|absolutely|thoroughly|really|100) recommend(?:ed)?\b/g,
  /^ ?recommend(?:ed)?\b/g,
  /\bwould recommend\b/g,
  /\bmust (?:have|buy)\b/g,
  /\bgo for it\b/g,
  /\byou will not regret\b/g,
  /\bwill (?:definitely |certainly |surely |100 |def )?(?:be )?(?:buying|ordering|shopping|buy|order|shop) (?:[a-z]+ ){0,3}?again\b/g,
  /\bwill (?:definitely |certainly |surely )?be back\b/g,
  /\bwould (?:definitely )?buy again\b/g,
  /\bcustomer for life\b/g,
  /\btell(?:ing)? (?:all )?(?:my friends|everyone|everybody)\b/g,
];

/** Words right before a recommendation verb that make it a request for advice, not a recommendation ("vous me recommandez ?", "would you recommend"). */
const ASKING = /\b(?:you|vous|tu|me|u) (?:[a-z]+ )?$/;

/** Folded word stream with "|" for clause punctuation, as the patterns expect. */
export function recommendationText(tokens: readonly Token[]): string {
  let text = '';
  for (const token of tokens) {
    if (token.kind === Kind.Word || token.kind === Kind.Number)
      text += (text === '' ? ' ' : ' ') + token.t;
    else if (token.kind === Kind.Punct) text += ' |';
  }
  return text + ' ';
}

interface Hit {
  at: number;
  end: number;
}

function hits(patterns: readonly RegExp[], text: string): Hit[] {
  const found: Hit[] = [];
  for (const pattern of patterns) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      found.push({ at: m.index, end: m.index + m[0].length });
      if (m[0].length === 0) pattern.lastIndex++;
    }
  }
  return found;
}

/** Detects explicit recommendation or anti-recommendation; negation included ("je ne recommande pas" = detractor). */
export function recommendsFromTokens(tokens: readonly Token[]): Recommends {
  const text = recommendationText(tokens);
  if (!text.includes('recomm') && !text.includes('conseil') && !HINT.test(text)) return null;
  const detractors = hits(DETRACTOR, text);
  const promoters = hits(PROMOTER, text).filter(
    (p) =>
      !detractors.some((d) => p.at < d.end && d.at < p.end) &&
      !ASKING.test(text.slice(Math.max(0, p.at - 12), p.at + 1)) &&
      !isQuestionToReader(text, p),
  );
  let last: Recommends = null;
  let lastAt = -1;
  for (const d of detractors)
    if (d.at >= lastAt) {
      last = 'detractor';
      lastAt = d.at;
    }
  for (const p of promoters)
    if (p.at > lastAt) {
      last = 'promoter';
      lastAt = p.at;
    }
  return last;
}

// Cheap pre-filter: only run the patterns when a trigger word is present.
const HINT =
  /jamais|eviter|fuir|fuyez|evitez|chemin|achetez|commandez|commanderai|acheterai|racheter|reviendr|retourner|remettr|derniere|avoid|stay away|steer|never|will not|not buying|not ordering|not shopping|do not|last time|must|go for it|regret|will|would|customer for life|tell|allez y|foncez/;

function isQuestionToReader(text: string, hit: Hit): boolean {
  // "What size would you recommend?" — a "you"-question around the verb is asking, not recommending.
  const clauseEnd = text.indexOf('|', hit.end);
  const clauseStart = text.lastIndexOf('|', hit.at);
  const clause = text.slice(clauseStart + 1, clauseEnd === -1 ? text.length : clauseEnd);
  return (
    / (?:you|vous|tu) /.test(clause) &&
    / (?:what|which|would you|do you|can you|could you|quel|quelle|quels|quelles|me) /.test(clause)
  );
}
