// The scoring rules, applied in order over one comment's tokens: phrases, word valence, negation, intensity, excess ("trop petit"), waiting time, contrast ("mais"), questions, irony.
import { EMOJI } from './emoji.ts';
import {
  COMPARATIVE_AFTER_NEVER,
  CONTRAST,
  CONTRAST_PAIRS,
  DETERMINER_NEGATORS,
  DIMINISHERS,
  DURATION_COMPLAINT,
  DURATION_UNITS,
  EXCESS_ADJECTIVES,
  EXCESS_SCORE,
  EXCESS_WORDS,
  FUNCTION_NEGATED,
  FUNCTION_WORDS,
  INTENSIFIERS,
  IRONY_CUES,
  IRONY_PRONE,
  LIKE_SCORE,
  LIKE_SUBJECTS,
  NEGATORS,
  NUMBER_WORDS,
  POST_NEGATORS,
  WAIT_CUES,
  WAIT_CUES_AFTER,
  WAIT_CUES_BEFORE,
} from './modifiers.ts';
import { type Token, Kind } from './normalise.ts';
import { PHRASES, wordScore } from './vocabulary.ts';

/** What a token is doing in the score. */
export const enum Role {
  None = 0,
  /** A word from the lexicon. */
  Opinion = 1,
  /** First word of a matched phrase; carries the phrase's score. */
  PhraseHead = 2,
  /** Inside a matched phrase: no score of its own, not a negator. */
  Consumed = 3,
  /** A FUNCTION_WORDS entry ("fonctionne", "réponse", "work", "refund"): a complaint when negated. */
  Function = 4,
  Emoji = 5,
}

/** Scale of VADER's negation: a negated word keeps 74 % of its strength, sign flipped. */
export const NEGATION_SCALE = -0.74;
const CAPS_BOOST = 0.733;
const ELONGATION_BOOST = 1.15;
const BEFORE_CONTRAST = 0.5;
const AFTER_CONTRAST = 1.5;
const QUESTION_POSITIVE = 0.3;
const QUESTION_NEGATIVE = 0.7;
const IRONY_NEGATIVE_MASS = -1.5;
const IRONY_STRONG_MASS = -2.5;
const IRONY_FLIP = -0.5;
const NEGATION_WINDOW = 4;
const DETERMINER_WINDOW = 2;

export interface Scoring {
  tokens: readonly Token[];
  frenchFirst: boolean;
  val: Float64Array;
  role: Uint8Array;
  /** Phrase contains its own negator ("pas terrible"): do not flip it again. */
  selfNegated: Uint8Array;
  trace: string[] | null;
}

export function newScoring(
  tokens: readonly Token[],
  frenchFirst: boolean,
  trace: string[] | null,
): Scoring {
  const n = tokens.length;
  return {
    tokens,
    frenchFirst,
    val: new Float64Array(n),
    role: new Uint8Array(n),
    selfNegated: new Uint8Array(n),
    trace,
  };
}

const isWordy = (token: Token | undefined): boolean =>
  token !== undefined && (token.kind === Kind.Word || token.kind === Kind.Number);

/** Multi-word expressions first, longest match, so "pas mal", "merci pour rien", "not bad" are read as units. */
export function applyPhrases(s: Scoring): void {
  const { tokens, val, role, selfNegated } = s;
  for (let i = 0; i < tokens.length; i++) {
    if (!isWordy(tokens[i]) || role[i] === Role.Consumed) continue;
    const candidates = PHRASES.get(tokens[i].t);
    if (candidates === undefined) continue;
    for (const phrase of candidates) {
      const len = phrase.words.length;
      if (i + len > tokens.length) continue;
      let match = true;
      for (let k = 1; k < len; k++) {
        const token = tokens[i + k];
        if (!isWordy(token) || token.t !== phrase.words[k] || role[i + k] === Role.Consumed) {
          match = false;
          break;
        }
      }
      if (!match) continue;
      val[i] = phrase.score;
      role[i] = Role.PhraseHead;
      selfNegated[i] = phrase.negated ? 1 : 0;
      if (!phrase.keep) for (let k = 1; k < len; k++) role[i + k] = Role.Consumed;
      s.trace?.push(`phrase "${phrase.words.join(' ')}" ${phrase.score}`);
      break;
    }
  }
}

/** Valence of the remaining words (primary language first) and emoji. */
export function applyWords(s: Scoring): void {
  const { tokens, val, role, frenchFirst } = s;
  for (let i = 0; i < tokens.length; i++) {
    if (role[i] !== Role.None) continue;
    const token = tokens[i];
    if (token.kind === Kind.Word) {
      const fn = FUNCTION_WORDS.get(token.t);
      if (fn !== undefined) {
        val[i] = fn;
        role[i] = Role.Function;
        continue;
      }
      if (
        (token.t === 'like' || token.t === 'likes') &&
        i > 0 &&
        LIKE_SUBJECTS.has(tokens[i - 1].t)
      ) {
        val[i] = LIKE_SCORE;
        role[i] = Role.Opinion;
        continue;
      }
      let score = wordScore(token.t, frenchFirst);
      if (Number.isNaN(score) && token.alt !== null) score = wordScore(token.alt, frenchFirst);
      if (!Number.isNaN(score) && score !== 0) {
        val[i] = score;
        role[i] = Role.Opinion;
      }
    } else if (token.kind === Kind.Emoji) {
      const score = EMOJI.get(token.t);
      if (score !== undefined && score !== 0) {
        val[i] = score;
        role[i] = Role.Emoji;
      }
    }
  }
}

const THANKS_FOR: ReadonlySet<string> = new Set([
  'votre',
  'vos',
  'ton',
  'ta',
  'tes',
  'la',
  'le',
  'les',
  'cet',
  'cette',
  'ce',
  'ces',
  'leur',
  'leurs',
]);

/** "Merci de me répondre" is a request, "merci de votre aide" / "merci de m'avoir aidé" is thanks. */
export function applyPoliteRequests(s: Scoring): void {
  const { tokens, val, role } = s;
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (tokens[i].t !== 'merci' || role[i] !== Role.Opinion || tokens[i + 1].t !== 'de') continue;
    if (THANKS_FOR.has(tokens[i + 2].t)) continue;
    let thanks = false;
    for (let k = i + 2; k <= i + 4 && k < tokens.length; k++)
      if (tokens[k].t === 'avoir') thanks = true;
    if (!thanks) {
      val[i] = 0;
      role[i] = Role.None;
      s.trace?.push('"merci de …" request: 0');
    }
  }
}

/** An opinion word that is also an intensifier ("super", "bien", "pretty") only intensifies when an opinion word follows ("super lent" is negative). */
export function applyIntensifierWords(s: Scoring): void {
  const { tokens, val, role } = s;
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (role[i] !== Role.Opinion || !INTENSIFIERS.has(tokens[i].t)) continue;
    const next = i + 1;
    const nextOpinion =
      (role[next] === Role.Opinion ||
        role[next] === Role.PhraseHead ||
        role[next] === Role.Function) &&
      Math.abs(val[next]) >= 1;
    if (nextOpinion || (EXCESS_ADJECTIVES.has(tokens[next].t) && EXCESS_WORDS.has(tokens[i].t))) {
      val[i] = 0;
      role[i] = Role.None;
    }
  }
}

/** "trop petit", "too tight": a neutral size/temperature adjective after trop/too is a complaint. */
export function applyExcess(s: Scoring): void {
  const { tokens, val, role } = s;
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (!EXCESS_WORDS.has(tokens[i].t)) continue;
    const next = i + 1;
    if (!EXCESS_ADJECTIVES.has(tokens[next].t)) continue;
    if (role[next] === Role.None || (role[next] === Role.Opinion && Math.abs(val[next]) < 1)) {
      val[next] = EXCESS_SCORE;
      role[next] = Role.Opinion;
      s.trace?.push(`excess "${tokens[i].t} ${tokens[next].t}" ${EXCESS_SCORE}`);
    }
  }
}

/** Negation (before, and French "pas" after), intensifiers, diminishers, capitals and elongation, per scored word. */
export function applyModifiers(s: Scoring): void {
  const { tokens, val, role, selfNegated } = s;
  const n = tokens.length;
  let letters = 0;
  let capsWords = 0;
  for (const token of tokens)
    if (token.kind === Kind.Word && token.t.length >= 2) {
      letters++;
      if (token.caps) capsWords++;
    }
  const shouting = letters > 0 && capsWords === letters; // ALL CAPS text: capitals are not emphasis
  for (let i = 0; i < n; i++) {
    const r = role[i];
    if (r !== Role.Opinion && r !== Role.PhraseHead && r !== Role.Function) continue;
    let mult = 1;
    let negated = false;
    let fewNegation = false;
    let comparative = false;
    let dist = 0;
    for (let j = i - 1; j >= 0 && dist < NEGATION_WINDOW; j--) {
      const tj = tokens[j];
      if (tj.kind === Kind.Punct) break;
      if (role[j] === Role.Consumed) continue;
      dist++;
      const w = tj.t;
      if (CONTRAST.has(w)) break;
      if (role[j] === Role.PhraseHead) continue;
      if (NEGATORS.has(w)) {
        if (DETERMINER_NEGATORS.has(w) && dist > DETERMINER_WINDOW) continue;
        if ((w === 'jamais' || w === 'never') && comparative) {
          mult *= 1.3;
          continue;
        }
        negated = true;
        continue;
      }
      if (COMPARATIVE_AFTER_NEVER.has(w)) comparative = true;
      if (role[j] === Role.Opinion) continue;
      const boost = INTENSIFIERS.get(w);
      if (boost !== undefined) {
        mult *= 1 + (boost - 1) * (dist === 1 ? 1 : dist === 2 ? 0.95 : 0.9);
        continue;
      }
      const damp = DIMINISHERS.get(w);
      if (damp !== undefined) {
        const before = j > 0 ? tokens[j - 1].t : '';
        if (w === 'peu' && before !== 'un' && before !== 'petit' && before !== 'tres')
          fewNegation = true; // "peu fiable" ≈ not reliable
        else if ((w === 'bit' || w === 'little') && before !== 'a') continue;
        else mult *= damp;
      }
    }
    // French post-verbal negation: "j'aime pas", "ça marche pas", unless "pas" opens its own phrase ("pas cher").
    if (!negated && tokens[i].kind === Kind.Word && r !== Role.PhraseHead) {
      for (let k = i + 1; k <= i + 2 && k < n; k++) {
        const tk = tokens[k];
        if (tk.kind === Kind.Punct || role[k] === Role.Consumed || role[k] === Role.PhraseHead)
          break;
        if (POST_NEGATORS.has(tk.t)) {
          const after = k + 1 < n ? role[k + 1] : Role.None;
          if (after !== Role.Opinion && after !== Role.PhraseHead) negated = true;
          break;
        }
        if (role[k] === Role.Opinion) break;
      }
    }
    let v = val[i];
    if (negated && !(r === Role.PhraseHead && selfNegated[i] === 1)) {
      v = r === Role.Function ? FUNCTION_NEGATED : v * NEGATION_SCALE;
    }
    if (fewNegation) v = v > 0 ? v * -0.6 : v * 0.5;
    v *= mult;
    if (tokens[i].caps && !shouting) v += Math.sign(v) * CAPS_BOOST;
    if (tokens[i].elong) v *= ELONGATION_BOOST;
    if (v !== val[i])
      s.trace?.push(
        `"${tokens[i].t}" ${val[i]} → ${round(v)}${negated ? ' (negated)' : ''}${mult !== 1 ? ` ×${round(mult)}` : ''}`,
      );
    val[i] = v;
  }
}

/** "3 semaines que j'attends", "ça fait 15 jours", "two weeks now", "still waiting after a week": a waiting time is a complaint. */
export function applyDurations(s: Scoring): void {
  const { tokens, val } = s;
  const n = tokens.length;
  let anywhereCue = false;
  for (const token of tokens)
    if (WAIT_CUES.has(token.t)) {
      anywhereCue = true;
      break;
    }
  for (let i = 1; i < n; i++) {
    if (!DURATION_UNITS.has(tokens[i].t)) continue;
    const count = tokens[i - 1];
    if (count.kind !== Kind.Number && !NUMBER_WORDS.has(count.t)) continue;
    let cue = anywhereCue;
    for (let k = i - 4; k < i - 1 && !cue; k++)
      if (k >= 0 && WAIT_CUES_BEFORE.has(tokens[k].t)) cue = true;
    for (let k = i + 1; k <= i + 2 && k < n && !cue; k++)
      if (WAIT_CUES_AFTER.has(tokens[k].t)) cue = true;
    if (cue) {
      val[i] += DURATION_COMPLAINT;
      s.trace?.push(`waiting "${count.t} ${tokens[i].t}" ${DURATION_COMPLAINT}`);
      return; // one waiting complaint per comment
    }
  }
}

const PAIR_FIRST: ReadonlySet<string> = new Set(
  [...CONTRAST_PAIRS].map((pair) => pair.split(' ')[0]),
);

/** "Beau mais cher", "nice but late": the last contrast word halves what comes before and stresses what follows. */
export function applyContrast(s: Scoring): void {
  const { tokens, val, role } = s;
  let at = -1;
  for (let i = tokens.length - 1; i >= 0 && at < 0; i--) {
    const w = tokens[i].t;
    if (role[i] === Role.Consumed || role[i] === Role.PhraseHead) continue;
    if (CONTRAST.has(w)) at = i;
    else if (
      i > 0 &&
      PAIR_FIRST.has(tokens[i - 1].t) &&
      CONTRAST_PAIRS.has(`${tokens[i - 1].t} ${w}`)
    )
      at = i;
  }
  if (at <= 0) return;
  for (let i = 0; i < tokens.length; i++) {
    if (val[i] === 0) continue;
    val[i] *= i < at ? BEFORE_CONTRAST : AFTER_CONTRAST;
  }
  s.trace?.push(`contrast at "${tokens[at].t}"`);
}

/** Opinion words inside a question ("C'est de bonne qualité ?") assert little: praise mostly vanishes, complaints mostly stay ("pourquoi ça ne marche pas ?"). */
export function applyQuestions(s: Scoring): void {
  const { tokens, val } = s;
  let clauseStart = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind !== Kind.Punct) continue;
    if (token.t === '?') {
      for (let k = clauseStart; k < i; k++) {
        if (val[k] > 0) val[k] *= QUESTION_POSITIVE;
        else if (val[k] < 0) val[k] *= QUESTION_NEGATIVE;
      }
    }
    clauseStart = i + 1;
  }
}

/** "Bravo… 3 semaines", "Super, encore un retard", "Great, another delay": praise words next to a clear complaint and an irony cue turn negative. */
export function applyIrony(s: Scoring): void {
  const { tokens, val, role } = s;
  const n = tokens.length;
  let negative = 0;
  let cue = false;
  for (let i = 0; i < n; i++) {
    if (val[i] < 0) negative += val[i];
    if (tokens[i].t === '…' || IRONY_CUES.has(tokens[i].t)) cue = true;
  }
  if (negative > IRONY_NEGATIVE_MASS) return;
  for (let i = 0; i < n; i++) {
    if (
      val[i] <= 0 ||
      (role[i] !== Role.Opinion && role[i] !== Role.PhraseHead) ||
      !IRONY_PRONE.has(tokens[i].t)
    )
      continue;
    const next = tokens[i + 1];
    const interjection = next === undefined || (next.kind === Kind.Punct && next.t !== '?');
    if (cue || (interjection && negative <= IRONY_STRONG_MASS)) {
      s.trace?.push(`irony "${tokens[i].t}" ${round(val[i])} → ${round(val[i] * IRONY_FLIP)}`);
      val[i] *= IRONY_FLIP;
    }
  }
}

export function sumScores(s: Scoring): number {
  let sum = 0;
  for (let i = 0; i < s.val.length; i++) sum += s.val[i];
  return sum;
}

/** "!!!" strengthens whatever the comment already says (VADER's 0.292 per mark, at most 4). */
export function exclamationBoost(tokens: readonly Token[], sum: number): number {
  if (sum === 0) return 0;
  let marks = 0;
  for (const token of tokens) if (token.kind === Kind.Punct && token.t === '!') marks += token.n;
  return Math.sign(sum) * Math.min(marks, 4) * 0.292;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
