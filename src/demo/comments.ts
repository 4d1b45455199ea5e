// What happens under one of the brand's posts: comments and their answers, visible shares, contest entries.
import type { Platform } from '../model/index.ts';
import { DAY, dayOf, HOUR, MINUTE } from './calendar.ts';
import type { DemoContext } from './context.ts';
import {
  COMMENT_MIX,
  drawSentiment,
  maybeAnswer,
  opinionText,
  writeInteraction,
  type Author,
} from './conversation.ts';
import { pickAuthor } from './people.ts';
import { NEUTRAL, POSITIVE } from './phrases.ts';

export interface PostUnderway {
  platform: Platform;
  accountId: string;
  postId: string;
  publishedAt: number;
  /** Expected comments at scale 1 for this post (already multiplied by its buzz). */
  expectedComments: number;
  /** Shares counted by the platform; some of them are visible as interactions. */
  visibleShares: number;
  contest: boolean;
}

export interface Conversation {
  /** Comments and replies under the post, as the platform counts them. */
  comments: number;
  participation: number;
}

/** Most comments come in the first hours, some over the next days, a few weeks later. */
function commentDelay(context: DemoContext): number {
  const { random } = context;
  const draw = random.next();
  const delay =
    draw < 0.6
      ? random.exponential(1.5 * HOUR)
      : draw < 0.92
        ? random.exponential(14 * HOUR)
        : random.exponential(4 * DAY);
  return Math.min(delay, 25 * DAY) + MINUTE;
}

function writeComments(context: DemoContext, post: PostUnderway): number {
  const { random, calendar } = context;
  const pool = context.authors[post.platform];
  let written = 0;
  const count = random.poisson(post.expectedComments);
  for (let index = 0; index < count; index++) {
    const at = post.publishedAt + commentDelay(context);
    if (at >= calendar.endMs) continue;
    const author: Author = { pool, index: pickAuthor(pool, random) };
    const day = dayOf(calendar, at);
    const sentiment = drawSentiment(context, COMMENT_MIX, pool.mood[author.index], day);
    const text = opinionText(context, pool.lang[author.index], sentiment, day);
    const id = writeInteraction(
      context,
      post.platform,
      post.accountId,
      post.postId,
      'comment',
      author,
      at,
      text,
      sentiment,
      null,
    );
    written +=
      1 + maybeAnswer(context, post.platform, post.postId, 'comment', id, at, author, sentiment);
    if (random.chance(0.05)) written += writeUserReply(context, post, id, at);
  }
  return written;
}

/** Another follower answers a comment (a thread). */
function writeUserReply(
  context: DemoContext,
  post: PostUnderway,
  commentId: string,
  commentAt: number,
): number {
  const { random, calendar } = context;
  const pool = context.authors[post.platform];
  const at = commentAt + random.exponential(3 * HOUR) + MINUTE;
  if (at >= calendar.endMs) return 0;
  const author: Author = { pool, index: pickAuthor(pool, random) };
  const day = dayOf(calendar, at);
  const sentiment = drawSentiment(context, COMMENT_MIX, pool.mood[author.index], day);
  writeInteraction(
    context,
    post.platform,
    post.accountId,
    post.postId,
    'reply',
    author,
    at,
    opinionText(context, pool.lang[author.index], sentiment, day),
    sentiment,
    commentId,
  );
  return 1;
}

function writeShares(context: DemoContext, post: PostUnderway): void {
  const { random, calendar, texts } = context;
  const pool = context.authors[post.platform];
  for (let index = 0; index < post.visibleShares; index++) {
    const at = post.publishedAt + Math.min(random.exponential(10 * HOUR), 15 * DAY) + MINUTE;
    if (at >= calendar.endMs) continue;
    const author: Author = { pool, index: pickAuthor(pool, random) };
    // A quarter of shares come with a word of their own, always kind.
    const withText = random.chance(0.25);
    const text = withText ? random.pick(texts.opinion[pool.lang[author.index]][POSITIVE]) : null;
    writeInteraction(
      context,
      post.platform,
      post.accountId,
      post.postId,
      'share',
      author,
      at,
      text,
      withText ? POSITIVE : -1,
      null,
    );
  }
}

/** Contest entries arrive over the week the contest is open. */
function writeEntries(context: DemoContext, post: PostUnderway): number {
  const { random, calendar, texts } = context;
  const pool = context.authors[post.platform];
  const count = Math.round(random.logNormal(260, 0.5));
  let written = 0;
  for (let index = 0; index < count; index++) {
    const at = post.publishedAt + Math.min(random.exponential(1.5 * DAY), 7 * DAY) + MINUTE;
    if (at >= calendar.endMs) continue;
    const author: Author = { pool, index: random.int(pool.size) };
    const text = random.pick(texts.participation[pool.lang[author.index]]);
    // "Je participe !" is glad; a bare tag of a friend is neutral.
    const sentiment = text.charCodeAt(0) === 64 ? NEUTRAL : POSITIVE;
    writeInteraction(
      context,
      post.platform,
      post.accountId,
      post.postId,
      'participation',
      author,
      at,
      text,
      sentiment,
      null,
    );
    written++;
  }
  return written;
}

export function writeConversation(context: DemoContext, post: PostUnderway): Conversation {
  const comments = writeComments(context, post);
  writeShares(context, post);
  return { comments, participation: post.contest ? writeEntries(context, post) : 0 };
}
