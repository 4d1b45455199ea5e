// What is said away from the brand's posts: mentions of the brand and of its competitors, private messages.
import type { Platform } from '../model/index.ts';
import { COMPETITORS, mentionTag, ownAccount, type DemoAccount } from './brand.ts';
import { audienceTime } from './calendar.ts';
import type { DemoContext } from './context.ts';
import {
  drawSentiment,
  maybeAnswer,
  MENTION_MIX,
  MESSAGE_MIX,
  opinionText,
  UNTOUCHED,
  writeInteraction,
  type Author,
} from './conversation.ts';
import { MOOD_NORMAL, pickAuthor } from './people.ts';
import { NEGATIVE } from './phrases.ts';
import { cumulative } from './random.ts';

const MENTION_PLATFORMS: Platform[] = [
  'instagram',
  'x',
  'facebook',
  'tiktok',
  'linkedin',
  'youtube',
];
const MENTION_WEIGHTS = cumulative([0.35, 0.2, 0.15, 0.15, 0.08, 0.07]);
const MESSAGE_PLATFORMS: Platform[] = ['instagram', 'facebook', 'linkedin', 'x', 'tiktok'];
const MESSAGE_WEIGHTS = cumulative([0.4, 0.35, 0.1, 0.08, 0.07]);
/** Per day at scale 1, before seasons and growth. */
const BRAND_MENTIONS = 6;
const COMPETITOR_MENTIONS = 0.6;
const MESSAGES = 5.5;

function writeMention(
  context: DemoContext,
  account: DemoAccount,
  about: 'brand' | 'competitor',
  day: number,
): void {
  const { platform, accountId } = account;
  const tag = mentionTag(account);
  const { random, calendar } = context;
  const pool = context.authors[platform];
  const author: Author = { pool, index: pickAuthor(pool, random) };
  // Fans and critics of Maison Lumen speak of the brand; competitors' mentions follow the base mix.
  const mood = about === 'brand' ? pool.mood[author.index] : MOOD_NORMAL;
  const sentimentDay = about === 'brand' ? day : UNTOUCHED;
  const sentiment = drawSentiment(context, MENTION_MIX, mood, sentimentDay);
  const text = `${opinionText(context, pool.lang[author.index], sentiment, sentimentDay)} ${tag}`;
  writeInteraction(
    context,
    platform,
    accountId,
    null,
    'mention',
    author,
    audienceTime(calendar, day, random),
    text,
    sentiment,
    null,
  );
}

function writeMessage(context: DemoContext, platform: Platform, day: number): void {
  const { random, calendar, texts, marketing } = context;
  const pool = context.authors[platform];
  const author: Author = { pool, index: pickAuthor(pool, random) };
  const lang = pool.lang[author.index];
  const sentiment = drawSentiment(context, MESSAGE_MIX, pool.mood[author.index], day);
  const late = sentiment === NEGATIVE && random.chance(0.75 * marketing.incident[day]);
  const text = late
    ? random.pick(texts.delivery[lang])
    : random.pick(texts.message[lang][sentiment]);
  const at = audienceTime(calendar, day, random);
  const accountId = ownAccount(platform).accountId;
  const id = writeInteraction(
    context,
    platform,
    accountId,
    null,
    'message',
    author,
    at,
    text,
    sentiment,
    null,
  );
  maybeAnswer(context, platform, null, 'message', id, at, author, sentiment);
}

export async function writeListening(context: DemoContext): Promise<void> {
  const { calendar, marketing, random, scale } = context;
  for (let day = 0; day < calendar.days; day++) {
    const volume = scale * calendar.audience[day];
    const incident = marketing.incident[day];
    const mentions = random.poisson(BRAND_MENTIONS * volume * (1 + 0.6 * incident));
    for (let index = 0; index < mentions; index++) {
      const account = ownAccount(MENTION_PLATFORMS[random.weighted(MENTION_WEIGHTS)]);
      writeMention(context, account, 'brand', day);
    }
    for (const competitor of COMPETITORS) {
      const count = random.poisson(COMPETITOR_MENTIONS * volume);
      for (let index = 0; index < count; index++)
        writeMention(context, competitor, 'competitor', day);
    }
    const messages = random.poisson(MESSAGES * volume * (1 + 1.5 * incident));
    for (let index = 0; index < messages; index++)
      writeMessage(context, MESSAGE_PLATFORMS[random.weighted(MESSAGE_WEIGHTS)], day);
    await context.interactions.flushIfFull();
  }
}
