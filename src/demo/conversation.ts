// One interaction row at a time: who wrote what, in which mood, and whether (and when) the brand answered.
import type { Platform } from '../model/index.ts';
import type { Cell } from '../store/index.ts';
import { ownAccount } from './brand.ts';
import { expectsReply, labelText, type Labelled } from '../nlp/index.ts';
import { answerTime, dayOf, MINUTE } from './calendar.ts';
import type { DemoContext } from './context.ts';
import { LANGS, MOOD_CRITIC, MOOD_FAN, platformCode, type AuthorPool } from './people.ts';
import { NEGATIVE, NEUTRAL, POSITIVE, SENTIMENT_LABELS, sentimentScore } from './phrases.ts';

/** Base mix of what people write, by kind: [positive, neutral] (negative is the rest). */
export const COMMENT_MIX: [number, number] = [0.53, 0.35];
export const MENTION_MIX: [number, number] = [0.47, 0.39];
export const MESSAGE_MIX: [number, number] = [0.12, 0.62];
/** Chance that the brand answers an inbound item, by its sentiment (about 70 % overall). */
const ANSWERED_COMMENTS = [0.58, 0.84, 0.9];
const ANSWERED_MESSAGES = [0.62, 0.88, 0.93];

const MODEL_READS = new Set(['comment', 'reply', 'mention', 'message']);
// The demo's texts come from small pools: each distinct text is labelled once.
const labelled = new Map<string, Labelled>();

/**
 * Labels a row's text with Cadran's model, as an import would: the drawn sentiment picked the text, the model reads it.
 * The drawn score is still taken from the random stream so the rest of the data set stays the same.
 */
function writeSentiment(
  row: Cell[],
  text: string,
  drawn: number,
  random: DemoContext['random'],
): void {
  sentimentScore(drawn, random);
  let label = labelled.get(text);
  if (!label) labelled.set(text, (label = labelText(text)));
  row[11] = label.sentiment;
  row[12] = Math.round(label.score * 1000) / 1000;
  row[17] = 'model';
  row[18] = Math.round(label.probability * 1000) / 1000;
  row[19] = label.uncertain;
}

/** Pass as the day for what the brand's incident does not touch (competitors' mentions). */
export const UNTOUCHED = -1;

/** The sentiment an author writes with on a day: fans and critics keep their line, the incident sours everyone. */
export function drawSentiment(
  context: DemoContext,
  mix: [number, number],
  mood: number,
  day: number,
): number {
  const { random, calendar, marketing } = context;
  const draw = random.next();
  if (mood === MOOD_FAN) return draw < 0.86 ? POSITIVE : draw < 0.98 ? NEUTRAL : NEGATIVE;
  if (mood === MOOD_CRITIC) return draw < 0.1 ? POSITIVE : draw < 0.4 ? NEUTRAL : NEGATIVE;
  const incident = day >= 0 && day < calendar.days ? marketing.incident[day] : 0;
  // Opinion improves over the two years: +6 points of positive by the end.
  const progress = Math.max(0, day) / calendar.days;
  const keep = 1 - 0.6 * incident;
  const positive = (mix[0] + 0.06 * progress) * keep;
  const neutral = (mix[1] - 0.03 * progress) * keep;
  return draw < positive ? POSITIVE : draw < positive + neutral ? NEUTRAL : NEGATIVE;
}

export interface Author {
  pool: AuthorPool;
  index: number;
}

/** Writes one interaction; returns its id. */
export function writeInteraction(
  context: DemoContext,
  platform: Platform,
  accountId: string,
  postId: string | null,
  kind: string,
  author: Author,
  createdAt: number,
  text: string | null,
  sentiment: number,
  replyTo: string | null,
): string {
  const id = `${platformCode(platform)}-${kind[0]}${(context.interactionCount++).toString(36)}`;
  const lang = author.pool.lang[author.index];
  const row = context.interactions.row();
  row[0] = id;
  row[1] = platform;
  row[2] = accountId;
  row[3] = postId;
  row[4] = kind;
  row[5] = author.pool.ids[author.index];
  row[6] = author.pool.names[author.index];
  row[7] = author.pool.audience[author.index];
  row[8] = createdAt;
  row[9] = text;
  row[10] = text === null ? null : LANGS[lang];
  row[17] = row[18] = row[19] = null;
  if (sentiment < 0) row[11] = row[12] = null;
  // Shares and contest entries keep the label they were written with (always kind); the model reads opinions.
  else if (text === null || !MODEL_READS.has(kind)) {
    row[11] = SENTIMENT_LABELS[sentiment];
    row[12] = sentimentScore(sentiment, context.random);
  } else writeSentiment(row, text, sentiment, context.random);
  row[13] = replyTo;
  row[14] = false;
  row[15] = 'demo';
  // As an import would: an emoji or a lone thanks expects no answer from the brand.
  row[16] = (kind === 'comment' || kind === 'message') && text !== null ? expectsReply(text) : null;
  return id;
}

/** How long the team works on an item before answering: slower two years ago, slower during the incident. */
function effort(context: DemoContext, day: number, kind: 'comment' | 'message'): number {
  const { calendar, marketing, random } = context;
  const clamped = Math.min(calendar.days - 1, Math.max(0, day));
  const median =
    (75 - (38 * clamped) / calendar.days) *
    (1 + 0.9 * marketing.incident[clamped]) *
    (kind === 'message' ? 0.8 : 1);
  return Math.min(2 * 24 * 60, random.logNormal(median, 0.9)) * MINUTE;
}

/** The brand answers an inbound comment or message (or not); returns 1 when a reply was written. */
export function maybeAnswer(
  context: DemoContext,
  platform: Platform,
  postId: string | null,
  kind: 'comment' | 'message',
  itemId: string,
  itemAt: number,
  author: Author,
  sentiment: number,
): number {
  const { random, calendar, texts } = context;
  const chances = kind === 'message' ? ANSWERED_MESSAGES : ANSWERED_COMMENTS;
  if (!random.chance(chances[sentiment])) return 0;
  const day = dayOf(calendar, itemAt);
  const at = Math.max(
    itemAt + MINUTE,
    answerTime(calendar, itemAt, effort(context, day, kind), random),
  );
  if (at >= calendar.endMs) return 0;
  const lang = author.pool.lang[author.index];
  const variant = random.int(texts.replyBefore[lang][sentiment].length);
  const account = ownAccount(platform);
  const row = context.interactions.row();
  row[0] = `${platformCode(platform)}-r${(context.interactionCount++).toString(36)}`;
  row[1] = platform;
  row[2] = account.accountId;
  row[3] = postId;
  row[4] = 'reply';
  row[5] = account.handle;
  row[6] = account.name;
  row[7] = null;
  row[8] = at;
  row[9] =
    texts.replyBefore[lang][sentiment][variant] +
    author.pool.firstNames[author.index] +
    texts.replyAfter[lang][sentiment][variant];
  row[10] = LANGS[lang];
  // An apology is written neutrally; thanks are positive.
  const written = sentiment === POSITIVE ? POSITIVE : NEUTRAL;
  writeSentiment(row, row[9], written, random);
  row[13] = itemId;
  row[14] = true;
  row[15] = 'demo';
  row[16] = null;
  return 1;
}

/** A text of the given sentiment; during the incident most complaints are about late parcels. */
export function opinionText(
  context: DemoContext,
  lang: number,
  sentiment: number,
  day: number,
): string {
  const { texts, random, marketing, calendar } = context;
  const incident = day >= 0 && day < calendar.days ? marketing.incident[day] : 0;
  if (sentiment === NEGATIVE && incident > 0 && random.chance(0.75 * incident))
    return random.pick(texts.delivery[lang]);
  return random.pick(texts.opinion[lang][sentiment]);
}
