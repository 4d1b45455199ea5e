// Text → tokens: strips URLs and @mentions, splits #hashtags, maps emoticons to emoji, expands FR elision and EN contractions, folds case/accents/repeated letters.

/** What a token is. */
export const enum Kind {
  Word = 0,
  Number = 1,
  Emoji = 2,
  /** `!` `?` `.` `,` `;` `:` `…` — `t` holds the mark, `n` how many were repeated. */
  Punct = 3,
}

export interface Token {
  /** Normalised form: lower case, no accents, runs of 3+ equal letters collapsed (see `alt`). */
  t: string;
  kind: Kind;
  /** The word was written in capitals (`NUL`, `LOVE`) — emphasis. */
  caps: boolean;
  /** The word had a run of 3+ equal letters (`trooop`, `soooo`) — emphasis. */
  elong: boolean;
  /** For elongated words: the same word with every run reduced to ONE letter (`trooop` → `trop`); `t` has runs reduced to two (`goood` → `good`). */
  alt: string | null;
  /** Repetitions for punctuation (`!!!` → 3). */
  n: number;
}

export interface Tokenised {
  tokens: Token[];
  /** Count of letters with French diacritics (é è ê à ç ù û ô î ë ï œ) — a language cue. */
  frenchAccents: number;
  /** Count of letters with diacritics French does not use (á í ó ú ñ ã õ ß å ø ä ö) — a cue for "other". */
  foreignAccents: number;
}

const URL_RE = /\bhttps?:\/\/\S+|\bwww\.\S+/gi;
const MENTION_RE = /(^|[^\p{L}\p{N}_])@[\p{L}\p{N}_.]+/gu;
const HASHTAG_RE = /#([\p{L}\p{N}_]+)/gu;
const CAMEL_RE = /(\p{Ll})(\p{Lu})/gu;
const LETTER_DIGIT_RE = /(\p{L})(\p{N})|(\p{N})(\p{L})/gu;
const APOSTROPHE_RE = /[’‘`´ʼ]/g;
const APOSTROPHE_TEST_RE = /[’‘`´ʼ]/;
// Emoticons, written where no letter or digit touches their left side (so "10:30" is not ":3").
const EMOTICON_RE =
  /(?<![\p{L}\p{N}])(?::-?\)+|:-?\]|=\)|:-?D+(?!\p{L})|;-?\)+|;-?D|:'-?\(|:-?\(+|=\(|:-?\/(?![/\p{L}])|:-?\|(?!\|)|:-?[pP](?!\p{L})|<3+|\^\^|\^_\^|[xX]D+(?!\p{L})|:-?[oO](?!\p{L}))/gu;
const EMOTICON_HINT_RE = /[:;=<^]|xd/i;
const EN_CANT_RE = /\b(can|won|ain|shan)'t\b/gi;
const EN_NT_RE = /(\p{L})n't\b/giu;
const EN_CANNOT_RE = /\bcannot\b/gi;
// French elision: j' c' n' qu' l' d' m' t' s' jusqu' lorsqu' puisqu' before a letter → the full word and a space.
const FR_ELISION_RE =
  /(^|[^\p{L}])(j|c|n|qu|l|d|m|t|s|jusqu|lorsqu|puisqu|presqu|quoiqu)'(?=\p{L})/giu;
// English clitics after a word: 's 'm 'd 'll 've 're.
const EN_CLITIC_RE = /(\p{L})'(s|m|d|ll|ve|re)(?!\p{L})/giu;
const TOKEN_RE =
  /(\p{L}+)|(\p{N}+(?:[.,:h]\p{N}+)?)|(\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier}|\u200D\p{Extended_Pictographic}\uFE0F?)*)|(\.{2,}|…)|([!?]+)|([.,;:])/gu;
const RUN3_RE = /(\p{L})\1{2,}/u;
const RUN3_TO2_RE = /(\p{L})\1{2,}/gu;
const RUN3_TO1_RE = /(\p{L})\1{2,}/gu;
const NON_ASCII_RE = /[\u0080-\uffff]/;
const NON_ASCII_G_RE = /[\u0080-\uffff]/g;
const FRENCH_ACCENT_G_RE = /[éèêàçùûôîëïœÉÈÊÀÇÙÛÔÎËÏŒ]/g;
const FOREIGN_ACCENT_G_RE = /[áíóúñãõßåøäöÁÍÓÚÑÃÕÅØÄÖ]/g;

const EMOTICON_TO_EMOJI: ReadonlyMap<string, string> = new Map([
  [':)', '🙂'],
  [':-)', '🙂'],
  [':]', '🙂'],
  [':-]', '🙂'],
  ['=)', '🙂'],
  [':d', '😀'],
  [':-d', '😀'],
  [';)', '😉'],
  [';-)', '😉'],
  [';d', '😉'],
  [';-d', '😉'],
  [":'(", '😢'],
  [":'-(", '😢'],
  [':(', '🙁'],
  [':-(', '🙁'],
  ['=(', '🙁'],
  [':/', '😕'],
  [':-/', '😕'],
  [':|', '😐'],
  [':-|', '😐'],
  [':p', '😛'],
  [':-p', '😛'],
  ['<3', '❤'],
  ['^^', '😊'],
  ['^_^', '😊'],
  ['xd', '😆'],
  [':o', '😮'],
  [':-o', '😮'],
]);

const EN_CLITIC_WORD: Readonly<Record<string, string>> = {
  s: 'is',
  m: 'am',
  d: 'would',
  ll: 'will',
  ve: 'have',
  re: 'are',
};

const ACCENT_FOLD: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  const groups: Record<string, string> = {
    a: 'àáâãäåā',
    c: 'çćč',
    e: 'èéêëēėę',
    i: 'ìíîïī',
    n: 'ñń',
    o: 'òóôõöøō',
    u: 'ùúûüū',
    y: 'ýÿ',
    s: 'śš',
    z: 'źżž',
  };
  for (const [plain, accented] of Object.entries(groups))
    for (const ch of accented) map.set(ch, plain);
  map.set('œ', 'oe');
  map.set('æ', 'ae');
  map.set('ß', 'ss');
  return map;
})();

/** Lower-cases and removes diacritics (é→e, ç→c, œ→oe); leaves other characters alone. */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  return NON_ASCII_RE.test(lower)
    ? lower.replace(NON_ASCII_G_RE, (ch) => ACCENT_FOLD.get(ch) ?? ch)
    : lower;
}

function splitHashtag(_match: string, tag: string): string {
  return (
    ' ' +
    tag.replace(CAMEL_RE, '$1 $2').replace(LETTER_DIGIT_RE, '$1$3 $2$4').replace(/_/g, ' ') +
    ' '
  );
}

const EMOTICON_REPEAT_RE = /([)(d3])\1+$/;

/** ":-)))" → ":-)", ":DDD" → ":d", "<333" → "<3", then the emoji it stands for, padded with spaces. */
function emoticonToEmoji(emoticon: string): string {
  const key = emoticon.toLowerCase().replace(EMOTICON_REPEAT_RE, '$1');
  return ` ${EMOTICON_TO_EMOJI.get(key) ?? ''} `;
}

function canonicalEmoji(raw: string): string {
  // First code point only: skin tones, variation selectors and ZWJ sequences map to their base emoji.
  const first = raw.codePointAt(0) ?? 0;
  return String.fromCodePoint(first);
}

/**
 * Prepares a comment for scoring. `isKnown` decides, for elongated words, whether the two-letter
 * collapse (`goood` → `good`) is a known word; otherwise the one-letter collapse is used (`trooop` → `trop`).
 */
export function tokenise(text: string, isKnown: (word: string) => boolean): Tokenised {
  let s = text.includes('http') || text.includes('www.') ? text.replace(URL_RE, ' ') : text;
  if (s.includes('@')) s = s.replace(MENTION_RE, '$1 ');
  if (s.includes('#')) s = s.replace(HASHTAG_RE, splitHashtag);
  if (EMOTICON_HINT_RE.test(s)) s = s.replace(EMOTICON_RE, emoticonToEmoji);
  if (s.includes("'") || APOSTROPHE_TEST_RE.test(s)) {
    s = s.replace(APOSTROPHE_RE, "'");
    s = s.replace(EN_CANT_RE, (_m, stem: string) =>
      stem.toLowerCase() === 'won'
        ? 'will not'
        : stem.toLowerCase() === 'ain'
          ? 'is not'
          : stem.toLowerCase() === 'shan'
            ? 'shall not'
            : 'can not',
    );
    s = s.replace(EN_NT_RE, '$1 not');
    s = s.replace(FR_ELISION_RE, (_m, before: string, clitic: string) => `${before}${clitic}e `);
    s = s.replace(
      EN_CLITIC_RE,
      (_m, letter: string, clitic: string) => `${letter} ${EN_CLITIC_WORD[clitic.toLowerCase()]}`,
    );
  }
  if (s.includes('annot')) s = s.replace(EN_CANNOT_RE, 'can not');

  let frenchAccents = 0;
  let foreignAccents = 0;
  if (NON_ASCII_RE.test(s)) {
    frenchAccents = (s.match(FRENCH_ACCENT_G_RE) ?? []).length;
    foreignAccents = (s.match(FOREIGN_ACCENT_G_RE) ?? []).length;
  }
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(s); m !== null; m = TOKEN_RE.exec(s)) {
    if (m[1] !== undefined) {
      const raw = m[1];
      const folded = fold(raw);
      const caps =
        raw.length >= 2 && raw !== folded && raw === raw.toUpperCase() && raw !== raw.toLowerCase();
      if (RUN3_RE.test(folded)) {
        const two = folded.replace(RUN3_TO2_RE, '$1$1');
        const one = folded.replace(RUN3_TO1_RE, '$1');
        const t = isKnown(two) ? two : one;
        tokens.push({ t, kind: Kind.Word, caps, elong: true, alt: one, n: 1 });
      } else {
        tokens.push({ t: folded, kind: Kind.Word, caps, elong: false, alt: null, n: 1 });
      }
    } else if (m[2] !== undefined) {
      tokens.push({ t: m[2], kind: Kind.Number, caps: false, elong: false, alt: null, n: 1 });
    } else if (m[3] !== undefined) {
      tokens.push({
        t: canonicalEmoji(m[3]),
        kind: Kind.Emoji,
        caps: false,
        elong: false,
        alt: null,
        n: 1,
      });
    } else if (m[4] !== undefined) {
      tokens.push({ t: '…', kind: Kind.Punct, caps: false, elong: false, alt: null, n: 1 });
    } else if (m[5] !== undefined) {
      const marks = m[5];
      const t = marks.includes('?') ? '?' : '!';
      tokens.push({ t, kind: Kind.Punct, caps: false, elong: false, alt: null, n: marks.length });
      // "?!" is both a question and an exclamation; keep the question (it decides dampening).
    } else if (m[6] !== undefined) {
      tokens.push({ t: m[6], kind: Kind.Punct, caps: false, elong: false, alt: null, n: 1 });
    }
  }
  return { tokens, frenchAccents, foreignAccents };
}
