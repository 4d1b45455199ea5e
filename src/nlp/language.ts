// Language of a comment (fr / en / other): French and English function words, accents and lexicon words first; tinyld only when those cues are weak or point elsewhere.
import { createRequire } from 'node:module';
import type * as Tinyld from 'tinyld';
import { type Token, Kind } from './normalise.ts';
import { LEX_EN, LEX_FR } from './vocabulary.ts';

export type Language = 'fr' | 'en' | 'other';

/** Frequent French words that are not English words (folded). */
const FR_WORDS: ReadonlySet<string> = new Set([
  'le',
  'la',
  'les',
  'un',
  'une',
  'des',
  'du',
  'de',
  'et',
  'est',
  'pas',
  'je',
  'tu',
  'il',
  'elle',
  'nous',
  'vous',
  'ils',
  'elles',
  'ce',
  'cette',
  'ces',
  'mon',
  'ma',
  'mes',
  'ton',
  'ta',
  'tes',
  'sa',
  'ses',
  'notre',
  'votre',
  'vos',
  'leur',
  'leurs',
  'qui',
  'que',
  'quoi',
  'dans',
  'pour',
  'avec',
  'sur',
  'sans',
  'tres',
  'trop',
  'mais',
  'ou',
  'donc',
  'car',
  'ne',
  'plus',
  'tout',
  'tous',
  'toute',
  'toutes',
  'bien',
  'merci',
  'bonjour',
  'bonsoir',
  'oui',
  'au',
  'aux',
  'sont',
  'suis',
  'etait',
  'ete',
  'avoir',
  'fait',
  'faire',
  'chez',
  'quand',
  'comment',
  'pourquoi',
  'vraiment',
  'toujours',
  'encore',
  'deja',
  'jamais',
  'aucun',
  'aucune',
  'rien',
  'avez',
  'vais',
  'peut',
  'alors',
  'parce',
  'depuis',
  'ca',
  'cela',
  'moi',
  'toi',
  'lui',
  'etre',
  'ai',
  'avons',
  'ont',
  'quel',
  'quelle',
  'combien',
  'faut',
  'aussi',
  'ici',
  'apres',
  'avant',
  'leur',
  'meme',
  'sera',
  'serait',
  'peu',
  'beaucoup',
  'cest',
  'jai',
  'svp',
  'stp',
  'mdr',
  'franchement',
  'enfin',
  'voila',
  'hier',
  'demain',
  'aujourd',
  'hui',
  'dispo',
  'taille',
  'commande',
  'livraison',
  'colis',
  'magasin',
  'achat',
  'produit',
  'regarde',
  'regardez',
  'nouvelle',
  'nouveau',
  'boutique',
  'vitrine',
  'rue',
  'soldes',
  'recu',
  'recue',
  'qualite',
  'prix',
  'vendeuse',
  'vendeur',
  'envoye',
  'rembourse',
  'remboursement',
  'delai',
  'reponse',
  'tjrs',
  'bcp',
  'mes',
  'avec',
  'ya',
  'chui',
  'jsp',
  'vos',
  'votre',
]);

/** Frequent English words that are not French words (folded). */
const EN_WORDS: ReadonlySet<string> = new Set([
  'the',
  'and',
  'is',
  'are',
  'was',
  'were',
  'i',
  'you',
  'he',
  'she',
  'it',
  'we',
  'they',
  'my',
  'your',
  'our',
  'their',
  'this',
  'that',
  'these',
  'those',
  'what',
  'when',
  'where',
  'why',
  'how',
  'with',
  'for',
  'from',
  'of',
  'to',
  'in',
  'not',
  'but',
  'or',
  'so',
  'very',
  'really',
  'just',
  'can',
  'do',
  'does',
  'did',
  'have',
  'has',
  'had',
  'will',
  'would',
  'should',
  'could',
  'be',
  'been',
  'get',
  'got',
  'thanks',
  'thank',
  'please',
  'still',
  'never',
  'always',
  'again',
  'any',
  'all',
  'there',
  'here',
  'us',
  'them',
  'him',
  'her',
  'about',
  'than',
  'then',
  'too',
  'also',
  'only',
  'because',
  'if',
  'out',
  'up',
  'at',
  'by',
  'am',
  'an',
  'its',
  'who',
  'which',
  'some',
  'no',
  'yet',
  'now',
  'one',
  'two',
  'after',
  'before',
  'order',
  'delivery',
  'store',
  'size',
  'item',
  'buy',
  'bought',
  'ordered',
  'arrived',
  'received',
  'guys',
  'anyone',
  'someone',
  'wait',
  'waiting',
  'today',
  'yesterday',
  'tomorrow',
  'week',
  'weeks',
  'days',
  'day',
  'customer',
  'service',
  'look',
  'new',
  'shop',
  'refund',
  'parcel',
  'package',
  'shipping',
  'tracking',
  'quality',
  'price',
  'staff',
  'thx',
  'pls',
  'u',
  'ur',
  'im',
  'ive',
  'dont',
  'doesnt',
  'didnt',
  'cant',
  'wont',
  'isnt',
  'wasnt',
  'got',
  'get',
  'sent',
  'love',
]);

/** Frequent words of other languages that French/English readers would otherwise count (es, it, pt, de, nl). */
const OTHER_WORDS: ReadonlySet<string> = new Set([
  'el',
  'los',
  'las',
  'muy',
  'es',
  'pero',
  'por',
  'con',
  'una',
  'del',
  'esta',
  'este',
  'para',
  'gracias',
  'bueno',
  'buena',
  'lo',
  'mi',
  'su',
  'tiene',
  'hola',
  'muito',
  'obrigado',
  'obrigada',
  'nao',
  'voce',
  'uma',
  'il',
  'di',
  'che',
  'sono',
  'molto',
  'grazie',
  'questo',
  'questa',
  'della',
  'anche',
  'ciao',
  'bello',
  'bella',
  'und',
  'der',
  'die',
  'das',
  'ist',
  'nicht',
  'ich',
  'sehr',
  'mit',
  'danke',
  'gut',
  'schon',
  'auch',
  'ein',
  'eine',
  'het',
  'een',
  'niet',
  'zeer',
  'bedankt',
  'ik',
  'van',
  'heel',
  'mooi',
  'dank',
  'y',
  'e',
  'o',
  'ya',
]);

const ACCENT_WEIGHT = 0.7;
const LEXICON_ONLY_WEIGHT = 0.5;
const SHARED: ReadonlySet<string> = new Set(['il', 'y', 'e', 'o']); // French too: weigh them for "other" only when nothing else is French

/** Weighted counts of French, English and other-language cues in a tokenised comment. */
export function languageCues(
  tokens: readonly Token[],
  frenchAccents: number,
  foreignAccents: number,
): { fr: number; en: number; other: number; first: Language | null } {
  let first: Language | null = frenchAccents > 0 ? 'fr' : null;
  let fr = Math.min(frenchAccents, 4) * ACCENT_WEIGHT;
  let en = 0;
  let other = Math.min(foreignAccents, 4) * ACCENT_WEIGHT;
  for (const token of tokens) {
    if (token.kind !== Kind.Word) continue;
    const w = token.t;
    if (FR_WORDS.has(w)) {
      fr += 1;
      first ??= 'fr';
    } else if (EN_WORDS.has(w)) {
      en += 1;
      first ??= 'en';
    } else if (OTHER_WORDS.has(w)) other += SHARED.has(w) ? 0.3 : 1;
    else {
      const inFr = LEX_FR.has(w);
      const inEn = LEX_EN.has(w);
      if (inFr && !inEn) {
        fr += LEXICON_ONLY_WEIGHT;
        first ??= 'fr';
      } else if (inEn && !inFr) {
        en += LEXICON_ONLY_WEIGHT;
        first ??= 'en';
      }
    }
  }
  return { fr, en, other, first };
}

/** Counts the cues and decides: the larger of the French and English counts wins (a tie goes to the language the comment opens with); tinyld settles texts with no French/English cue or with as many foreign cues. */
export function languageOf(
  tokens: readonly Token[],
  frenchAccents: number,
  foreignAccents: number,
  text: string,
): Language {
  const { fr, en, other, first } = languageCues(tokens, frenchAccents, foreignAccents);
  const best = Math.max(fr, en);
  if (other > 0 && other >= 2 * best) return 'other'; // clearly another language: no need to ask tinyld
  if (best === 0 && wordCount(tokens) < 2) return 'other'; // "Top", "ok", emoji only: too little to tell
  if (best === 0 || other >= best) return fromTinyld(text, fr, en);
  if (fr > en) return 'fr';
  if (en > fr) return 'en';
  return first ?? 'fr'; // as many French as English cues: a mixed comment, named after the language it opens with
}

function wordCount(tokens: readonly Token[]): number {
  let count = 0;
  for (const token of tokens) if (token.kind === Kind.Word) count++;
  return count;
}

/**
 * tinyld costs 20–230 µs a call (our own cues cost ~1 µs), so it only sees the texts those cues cannot
 * settle, cut to 160 characters; short texts recur verbatim in comment streams, so their answers are cached.
 */
const TINYLD_MAX_CHARS = 160;
const TINYLD_CACHE_MAX_CHARS = 40;
const TINYLD_CACHE_LIMIT = 10_000;
const tinyldCache = new Map<string, string>();
// tinyld's tables take a fifth of a second to load: only when a text first needs it.
let detector: typeof Tinyld.detect | undefined;
const detect = (text: string) =>
  (detector ??= (createRequire(import.meta.url)('tinyld') as typeof Tinyld).detect)(text);

function tinyld(text: string): string {
  if (text.length > TINYLD_CACHE_MAX_CHARS)
    return detect(text.length > TINYLD_MAX_CHARS ? text.slice(0, TINYLD_MAX_CHARS) : text);
  let guess = tinyldCache.get(text);
  if (guess === undefined) {
    guess = detect(text);
    if (tinyldCache.size >= TINYLD_CACHE_LIMIT) tinyldCache.clear();
    tinyldCache.set(text, guess);
  }
  return guess;
}

function fromTinyld(text: string, fr: number, en: number): Language {
  const guess = tinyld(text);
  if (guess === 'fr' || guess === 'en') return guess;
  if (guess === '') {
    // tinyld does not know: keep whatever weak cue we had, else other (emoji only, "ok", numbers).
    if (fr > en) return 'fr';
    if (en > fr) return 'en';
  }
  return 'other';
}
