// posts and post_metrics: what each account publishes, how far it travels and how people react.
import { POST_COUNTERS, type ContentType } from '../model/index.ts';
import {
  ALL_ACCOUNTS,
  CONTENT_ENGAGEMENT,
  CONTENT_REACH,
  PROFILES,
  VIDEO_TYPES,
  type DemoAccount,
} from './brand.ts';
import { DAY, HOUR, MINUTE, publishingTime } from './calendar.ts';
import type { Campaign } from './campaigns.ts';
import { writeConversation } from './comments.ts';
import type { DemoContext } from './context.ts';
import { followersOn } from './followers.ts';
import type { LinkWriter } from './links.ts';
import { postIdentity } from './permalinks.ts';
import { cumulative, type Random } from './random.ts';
import { notReported, type PostCounter } from './reported.ts';
import type { TableWriter } from './writer.ts';

export const POST_COLUMNS = [
  'post_id',
  'account_id',
  'platform',
  'published_at',
  'content_type',
  'text',
  'permalink',
  'campaign',
  'import_id',
];
export const METRIC_COLUMNS = [
  'post_id',
  'snapshot_at',
  ...POST_COUNTERS,
  'participation',
  'import_id',
];

// Comments per content type, relative to the platform's average post (stories get direct messages instead).
const COMMENT_SHARE: Record<ContentType, number> = {
  text: 0.9,
  image: 1,
  carousel: 1.1,
  video: 1.1,
  reel: 1.2,
  story: 0,
  link: 0.5,
  live: 1.8,
  document: 1.1,
};

export interface PostWriters {
  posts: TableWriter;
  metrics: TableWriter;
  links: LinkWriter;
}

interface Counters {
  impressions: number;
  reach: number;
  reactions: number;
  comments: number;
  shares: number;
  saves: number;
  linkClicks: number;
  videoViews: number;
  participation: number;
}

function caption(
  context: DemoContext,
  account: DemoAccount,
  type: ContentType,
  campaign: Campaign | null,
  contest: boolean,
): string | null {
  const { random, texts } = context;
  if (type === 'story' && random.chance(0.4)) return null;
  if (contest) return random.pick(texts.captions.contest);
  if (campaign) return random.pick(texts.captions[campaign.family]);
  const english = random.chance(
    account.platform === 'linkedin' || account.platform === 'youtube' ? 0.25 : 0.08,
  );
  const text = random.pick(english ? texts.captions.english : texts.captions.generic);
  return account.competitor
    ? text.replaceAll('maisonlumen', account.handle.replace(/[^a-z]/gi, '').toLowerCase())
    : text;
}

/** Share of impressions that click the post's link: links, link stickers in stories, video descriptions. */
function clickRate(account: DemoAccount, type: ContentType): number {
  const profile = PROFILES[account.platform];
  if (type === 'link') return profile.clickRate;
  if (type === 'story')
    return account.platform === 'instagram' || account.platform === 'facebook'
      ? 0.5 * profile.clickRate
      : 0;
  if (account.platform === 'instagram' || account.platform === 'tiktok') return 0;
  if (account.platform === 'youtube') return profile.clickRate;
  return 0.15 * profile.clickRate;
}

/** A counter read before the end: every counter has grown a little differently. */
function partOf(value: number, share: number, random: Random): number {
  return share === 1 ? value : Math.floor(value * Math.min(1, share * random.between(0.92, 1.06)));
}

/** The nightly sync at 03:00 UTC at or after an instant. */
function nextSync(instant: number): number {
  return Math.ceil((instant - 3 * HOUR) / DAY) * DAY + 3 * HOUR;
}

function writeSnapshot(
  writer: TableWriter,
  postId: string,
  at: number,
  counters: Counters,
  share: number,
  random: Random,
  unreported: ReadonlySet<PostCounter>,
): void {
  const row = writer.row();
  row[0] = postId;
  row[1] = at;
  row[2] = Math.floor(counters.impressions * share);
  row[3] = Math.floor(counters.reach * share);
  row[4] = partOf(counters.reactions, share, random);
  row[5] = partOf(counters.comments, share, random);
  row[6] = partOf(counters.shares, share, random);
  row[7] = partOf(counters.saves, share, random);
  row[8] = partOf(counters.linkClicks, share, random);
  row[9] = partOf(counters.videoViews, share, random);
  row[10] = partOf(counters.participation, share, random);
  row[11] = 'demo';
  // Drawn above all the same, so that the rest of the data stays what the seed gives.
  METRIC_COLUMNS.forEach((column, index) => {
    if (unreported.has(column as PostCounter)) row[index] = null;
  });
}

/** Counters are read by a nightly sync at 03:00 UTC: once after a day, and the last time after 30 days. */
function writeSnapshots(
  context: DemoContext,
  writer: TableWriter,
  postId: string,
  publishedAt: number,
  counters: Counters,
  unreported: ReadonlySet<PostCounter>,
): void {
  const latest = Math.max(
    publishedAt + MINUTE,
    Math.min(nextSync(publishedAt + 30 * DAY), context.calendar.endMs - HOUR),
  );
  if (latest - publishedAt >= 3 * DAY) {
    writeSnapshot(
      writer,
      postId,
      nextSync(publishedAt + DAY),
      counters,
      context.random.between(0.55, 0.85),
      context.random,
      unreported,
    );
  }
  writeSnapshot(writer, postId, latest, counters, 1, context.random, unreported);
}

interface PublishedPost {
  account: DemoAccount;
  type: ContentType;
  day: number;
  postId: string;
  publishedAt: number;
  campaign: Campaign | null;
  contest: boolean;
}

/** The post's lifetime counters; the brand's own comments, shares and entries are written on the way. */
function measure(context: DemoContext, post: PublishedPost): Counters {
  const { random, calendar } = context;
  const { account, type, campaign, contest } = post;
  const profile = PROFILES[account.platform];
  // Paid campaigns push posts further; a contest travels twice as far and engages more.
  const reachNoise = random.logNormal(1, 0.55);
  const engagementNoise = random.logNormal(1, 0.3);
  const boost = (campaign ? 1.3 : 1) * (contest ? 2 : 1);
  const followers = followersOn(context.followers, account, calendar, post.day);
  const maturity =
    1 - Math.exp(-(calendar.endMs - post.publishedAt) / (type === 'story' ? 6 * HOUR : 1.5 * DAY));
  const impressions = Math.max(
    1,
    Math.round(
      followers *
        profile.impressionsPerFollower *
        CONTENT_REACH[type] *
        reachNoise *
        boost *
        maturity,
    ),
  );
  const engagements =
    impressions *
    Math.min(
      0.2,
      profile.engagementRate * CONTENT_ENGAGEMENT[type] * engagementNoise * (contest ? 1.8 : 1),
    );
  const shares = Math.round(engagements * profile.shareRatio * random.logNormal(1, 0.3));
  const saves = Math.round(
    engagements * profile.saveRatio * (type === 'carousel' ? 1.6 : 1) * random.logNormal(1, 0.3),
  );
  // Competitors' comments are only counted; the brand's own are written one by one.
  const { comments, participation } = account.competitor
    ? { comments: Math.round(engagements * 0.025 * random.logNormal(1, 0.4)), participation: 0 }
    : writeConversation(context, {
        platform: account.platform,
        accountId: account.accountId,
        postId: post.postId,
        publishedAt: post.publishedAt,
        contest,
        expectedComments:
          profile.comments *
          COMMENT_SHARE[type] *
          engagementNoise *
          Math.sqrt(reachNoise) *
          (contest ? 4 : 1),
        visibleShares: Math.min(
          shares,
          Math.round(shares * profile.visibleShares * random.between(0.7, 1.3)),
        ),
      });
  const video = VIDEO_TYPES.has(type) && (type !== 'story' || random.chance(0.5));
  return {
    impressions,
    reach: Math.max(1, Math.round(impressions * random.between(0.55, 0.9))),
    reactions: Math.max(0, Math.round(engagements - comments - shares - saves)),
    comments,
    shares,
    saves,
    linkClicks: Math.round(
      impressions * clickRate(account, type) * random.logNormal(1, 0.4) * (campaign ? 1.3 : 1),
    ),
    videoViews: video
      ? Math.round(
          impressions *
            (account.platform === 'youtube' ? random.between(0.3, 0.6) : random.between(0.5, 0.9)),
        )
      : 0,
    participation,
  };
}

function writePost(
  context: DemoContext,
  writers: PostWriters,
  account: DemoAccount,
  type: ContentType,
  day: number,
  counter: number,
): void {
  const { random, calendar, marketing } = context;
  const publishedAt = publishingTime(calendar, day, random);
  if (publishedAt > calendar.endMs - 10 * MINUTE) return;
  const running = account.competitor ? -1 : marketing.running[account.platform][day];
  const campaign =
    running >= 0 && random.chance(marketing.campaigns[running].tagged)
      ? marketing.campaigns[running]
      : null;
  const contestable =
    campaign?.contest &&
    (account.platform === 'instagram' || account.platform === 'facebook') &&
    type !== 'story';
  const contest = Boolean(contestable) && random.chance(0.03);
  const { postId, permalink } = postIdentity(account, type, counter, random);
  const row = writers.posts.row();
  row[0] = postId;
  row[1] = account.accountId;
  row[2] = account.platform;
  row[3] = publishedAt;
  row[4] = type;
  row[5] = caption(context, account, type, campaign, contest);
  row[6] = permalink;
  row[7] = campaign?.name ?? null;
  row[8] = 'demo';
  const counters = measure(context, { account, type, day, postId, publishedAt, campaign, contest });
  writeSnapshots(
    context,
    writers.metrics,
    postId,
    publishedAt,
    counters,
    notReported(account.platform, type),
  );
  if (!account.competitor)
    writers.links.forPost(context, {
      account,
      type,
      postId,
      publishedAt,
      campaign,
      linkClicks: counters.linkClicks,
    });
}

export async function writePosts(context: DemoContext, writers: PostWriters): Promise<void> {
  const { calendar, marketing, random, scale } = context;
  let counter = 0;
  for (const account of ALL_ACCOUNTS) {
    const types = PROFILES[account.platform].contentTypes;
    const weights = cumulative(types.map(([, weight]) => weight));
    for (let day = 0; day < calendar.days; day++) {
      const campaign =
        !account.competitor && marketing.running[account.platform][day] >= 0 ? 1.15 : 1;
      const count = random.poisson(
        account.postsPerDay * scale * calendar.publishing[day] * campaign,
      );
      for (let index = 0; index < count; index++)
        writePost(context, writers, account, types[random.weighted(weights)][0], day, counter++);
      await flushFull(context, writers);
    }
  }
}

async function flushFull(context: DemoContext, writers: PostWriters): Promise<void> {
  await writers.posts.flushIfFull();
  await writers.metrics.flushIfFull();
  await context.interactions.flushIfFull();
  await writers.links.flushIfFull();
}
