// links and clicks: tracked short links in posts and bios, clicked by people and by link-preview robots.
import type { ContentType, Platform } from '../model/index.ts';
import { OWN_ACCOUNTS, PROFILES, SITE, type DemoAccount } from './brand.ts';
import { audienceTime, DAY, HOUR, MINUTE } from './calendar.ts';
import type { Campaign } from './campaigns.ts';
import type { DemoContext } from './context.ts';
import { cumulative, uniqueCode } from './random.ts';
import type { TableWriter } from './writer.ts';

export const LINK_COLUMNS = [
  'code',
  'target_url',
  'platform',
  'campaign',
  'post_id',
  'created_at',
  'disabled',
  'expires_at',
];
export const CLICK_COLUMNS = [
  'click_id',
  'code',
  'clicked_at',
  'referrer_host',
  'country',
  'device',
  'visitor_key',
  'is_bot',
];

const COUNTRIES = ['FR', 'BE', 'CH', 'CA', 'LU', 'DE', 'GB', 'US', 'ES', 'IT'];
const COUNTRY_WEIGHTS = cumulative([78, 7, 5, 3, 1, 1.5, 1.5, 1.5, 0.8, 0.7]);
const DEVICES = ['mobile', 'desktop', 'tablet'];
const DEVICE_WEIGHTS = cumulative([72, 22, 6]);
const PROFESSIONAL_DEVICE_WEIGHTS = cumulative([45, 50, 5]);
const PATHS = [
  'luminaires',
  'suspensions',
  'lampes-a-poser',
  'appliques',
  'bougies',
  'nouveautes',
  'idees-cadeaux',
  'collections/opaline',
  'collections/halo',
];
/** Tracked clicks per day at scale 1 on the link in each bio. */
const BIO_CLICKS: Partial<Record<Platform, number>> = {
  instagram: 6,
  tiktok: 3.5,
  facebook: 1.5,
  x: 1,
};

export interface LinkedPost {
  account: DemoAccount;
  type: ContentType;
  postId: string;
  publishedAt: number;
  campaign: Campaign | null;
  linkClicks: number;
}

export class LinkWriter {
  private linkCount = 0;
  private clickCount = 0;
  private lastVisitor = '';

  constructor(
    readonly links: TableWriter,
    readonly clicks: TableWriter,
  ) {}

  /** Link posts always carry a tracked link; campaign stories and posts often do. */
  forPost(context: DemoContext, post: LinkedPost): void {
    const { random, calendar } = context;
    const platform = post.account.platform;
    const tracked =
      post.type === 'link' ||
      (post.campaign !== null &&
        (post.type === 'story'
          ? random.chance(0.6)
          : platform !== 'instagram' && platform !== 'tiktok' && random.chance(0.5))) ||
      (platform === 'youtube' && post.type === 'video' && random.chance(0.4));
    if (!tracked) return;
    const createdAt = post.publishedAt - random.between(5, 120) * MINUTE;
    const expiresAt = post.campaign
      ? calendar.dayStart[Math.min(calendar.days - 1, post.campaign.last)] + 45 * DAY
      : null;
    const code = this.writeLink(
      context,
      platform,
      post.campaign?.name ?? null,
      post.postId,
      createdAt,
      expiresAt,
    );
    const until = Math.min(calendar.endMs, expiresAt ?? Infinity);
    const people = Math.round(
      Math.max(random.poisson(2), post.linkClicks) * random.between(0.6, 0.9),
    );
    for (let index = 0; index < people; index++) {
      const draw = random.next();
      const at =
        post.publishedAt +
        (draw < 0.8 ? random.exponential(8 * HOUR) : random.exponential(3 * DAY)) +
        1000;
      if (at < until) this.writeClick(context, code, at, platform, false);
    }
    // Link previews (messaging apps, crawlers) fetch the link minutes after it is published.
    const robots = random.poisson(0.5 + 0.07 * people);
    for (let index = 0; index < robots; index++) {
      const at = post.publishedAt + random.exponential(20 * MINUTE) + 1000;
      if (at < until) this.writeClick(context, code, at, platform, true);
    }
  }

  /** One link per bio, clicked every day. */
  async writeBioLinks(context: DemoContext): Promise<void> {
    const { calendar, random, scale } = context;
    for (const account of OWN_ACCOUNTS) {
      const perDay = BIO_CLICKS[account.platform];
      if (!perDay) continue;
      const code = this.writeLink(
        context,
        account.platform,
        null,
        null,
        calendar.dayStart[0] - 30 * DAY,
        null,
        `bio-${account.platform}`,
      );
      for (let day = 0; day < calendar.days; day++) {
        const count = random.poisson(perDay * scale * calendar.audience[day]);
        for (let index = 0; index < count; index++) {
          const robot = random.chance(0.06);
          this.writeClick(
            context,
            code,
            audienceTime(calendar, day, random),
            account.platform,
            robot,
          );
        }
        await this.clicks.flushIfFull();
      }
    }
  }

  private writeLink(
    context: DemoContext,
    platform: Platform,
    campaign: string | null,
    postId: string | null,
    createdAt: number,
    expiresAt: number | null,
    content = 'post',
  ): string {
    const { random } = context;
    const code = uniqueCode(this.linkCount++, random, 2, 'base62');
    const source = PROFILES[platform].utmSource;
    const row = this.links.row();
    row[0] = code;
    row[1] = `${SITE}/${random.pick(PATHS)}?utm_source=${source}&utm_medium=social&utm_campaign=${campaign ?? 'organique'}&utm_content=${content}`;
    row[2] = platform;
    row[3] = campaign;
    row[4] = postId;
    row[5] = createdAt;
    row[6] = random.chance(0.02);
    row[7] = expiresAt;
    return code;
  }

  private writeClick(
    context: DemoContext,
    code: string,
    at: number,
    platform: Platform,
    robot: boolean,
  ): void {
    const { random } = context;
    const row = this.clicks.row();
    row[0] = `k${(this.clickCount++).toString(36)}`;
    row[1] = code;
    row[2] = Math.min(at, context.calendar.endMs - 1000);
    row[3] = robot || random.chance(0.35) ? null : PROFILES[platform].referrer;
    row[4] = robot ? random.pick(['US', 'IE']) : COUNTRIES[random.weighted(COUNTRY_WEIGHTS)];
    row[5] = robot
      ? 'bot'
      : DEVICES[
          random.weighted(platform === 'linkedin' ? PROFESSIONAL_DEVICE_WEIGHTS : DEVICE_WEIGHTS)
        ];
    // The same visitor sometimes clicks twice in a row (the key is a daily-salted hash).
    row[6] =
      this.lastVisitor && random.chance(0.04)
        ? this.lastVisitor
        : (this.lastVisitor = random.hex64());
    row[7] = robot;
  }

  async flushIfFull(): Promise<void> {
    await this.links.flushIfFull();
    await this.clicks.flushIfFull();
  }

  async flush(): Promise<void> {
    await this.links.flush();
    await this.clicks.flush();
  }
}
