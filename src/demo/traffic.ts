// web_sessions, conversions and spend: visits by source each day, what they turn into, and what paid media cost.
// The brand's business does not grow with the demo's scale: only its social activity does.
import {
  CONVERSION_TYPES,
  PLATFORMS,
  platformOfSource,
  type ConversionType,
  type Platform,
} from '../model/index.ts';
import { PROFILES } from './brand.ts';
import { audienceTime } from './calendar.ts';
import type { DemoContext } from './context.ts';
import { cumulative } from './random.ts';
import type { TableWriter } from './writer.ts';

export const SESSION_COLUMNS = [
  'day',
  'source',
  'medium',
  'campaign',
  'content',
  'platform',
  'sessions',
  'users',
  'engaged_sessions',
  'import_id',
];
export const CONVERSION_COLUMNS = [
  'conversion_id',
  'occurred_at',
  'type',
  'source',
  'medium',
  'campaign',
  'platform',
  'value',
  'currency',
  'import_id',
];
export const SPEND_COLUMNS = ['day', 'platform', 'campaign', 'amount', 'currency', 'import_id'];

/** Organic visits per day at scale 1 from each network. */
const SOCIAL_SESSIONS: Record<Platform, number> = {
  instagram: 240,
  facebook: 170,
  linkedin: 70,
  x: 35,
  youtube: 45,
  tiktok: 110,
};
/** Paid visits per euro spent. */
const SESSIONS_PER_EURO = 1.2;
/** Retargeting runs all year on Meta, in EUR per day at scale 1. */
const RETARGETING: Partial<Record<Platform, number>> = { facebook: 25, instagram: 35 };

// Order of CONVERSION_TYPES: purchase, newsletter, download, info_request, call, lead, meeting, referral, signup.
const CONSUMER_MIX = cumulative([58, 17, 3, 4, 2, 2, 1, 4, 9]);
const PROFESSIONAL_MIX = cumulative([15, 10, 20, 12, 8, 17, 10, 3, 5]);

export interface TrafficWriters {
  sessions: TableWriter;
  conversions: TableWriter;
  spend: TableWriter;
}

interface Visits {
  source: string;
  medium: string;
  campaign: string | null;
  sessions: number;
  engaged: number;
  conversionRate: number;
}

export class TrafficGenerator {
  private conversionCount = 0;

  constructor(
    private readonly context: DemoContext,
    private readonly writers: TrafficWriters,
  ) {}

  async write(): Promise<void> {
    const { calendar } = this.context;
    for (let day = 0; day < calendar.days; day++) {
      for (const visits of this.visitsOf(day)) this.writeVisits(day, visits);
      await this.writers.conversions.flushIfFull();
    }
    await this.writers.sessions.flush();
    await this.writers.conversions.flush();
    await this.writers.spend.flush();
  }

  private visitsOf(day: number): Visits[] {
    const { calendar, marketing } = this.context;
    const noisy = (sessions: number) => this.noisy(sessions * calendar.audience[day]);
    const month = calendar.dayNames[day].slice(0, 7);
    const visits: Visits[] = [
      {
        source: 'google',
        medium: 'organic',
        campaign: null,
        sessions: noisy(300),
        engaged: 0.64,
        conversionRate: 0.016,
      },
      {
        source: 'google',
        medium: 'cpc',
        campaign: 'marque-search',
        sessions: noisy(80),
        engaged: 0.58,
        conversionRate: 0.03,
      },
      {
        source: 'newsletter',
        medium: 'email',
        campaign: `newsletter-${month}`,
        sessions: noisy(calendar.weekday[day] === 3 ? 240 : 40),
        engaged: 0.7,
        conversionRate: 0.035,
      },
      {
        source: 'direct',
        medium: '(none)',
        campaign: null,
        sessions: noisy(180),
        engaged: 0.68,
        conversionRate: 0.022,
      },
    ];
    for (const platform of PLATFORMS) {
      const source = PROFILES[platform].utmSource;
      const medium = platform === 'x' ? 'referral' : 'social';
      visits.push({
        source,
        medium,
        campaign: null,
        sessions: noisy(SOCIAL_SESSIONS[platform]),
        engaged: 0.45,
        conversionRate: platform === 'x' ? 0.01 : 0.017,
      });
      const running = marketing.running[platform][day];
      const campaign = running >= 0 ? marketing.campaigns[running] : null;
      const lift = campaign?.family === 'black-friday' ? 1.6 : 1;
      if (campaign) {
        visits.push({
          source,
          medium,
          campaign: campaign.name,
          sessions: noisy(0.35 * SOCIAL_SESSIONS[platform]),
          engaged: 0.5,
          conversionRate: 0.02 * lift,
        });
      }
      const budget = this.spendOf(
        day,
        platform,
        campaign?.name ?? null,
        campaign?.budget[platform],
      );
      if (budget)
        visits.push({
          source,
          medium: 'paid_social',
          campaign: budget.campaign,
          sessions: noisy(budget.amount * SESSIONS_PER_EURO),
          engaged: 0.4,
          conversionRate: 0.024 * lift,
        });
    }
    return visits;
  }

  private noisy(sessions: number): number {
    return Math.max(0, Math.round(sessions * this.context.random.logNormal(1, 0.15)));
  }

  /** Writes the day's spend on a platform (campaign budget, else retargeting) and returns it. */
  private spendOf(
    day: number,
    platform: Platform,
    campaign: string | null,
    budget: number | undefined,
  ): { campaign: string; amount: number } | null {
    const { calendar, random } = this.context;
    const name = budget ? campaign! : RETARGETING[platform] ? 'retargeting' : null;
    const daily = budget ?? RETARGETING[platform];
    if (!name || !daily) return null;
    const amount = Math.round(daily * random.between(0.85, 1.15) * 100) / 100;
    const row = this.writers.spend.row();
    row[0] = calendar.dayNames[day];
    row[1] = platform;
    row[2] = name;
    row[3] = amount;
    row[4] = 'EUR';
    row[5] = 'demo';
    return { campaign: name, amount };
  }

  private writeVisits(day: number, visits: Visits): void {
    const { calendar, random } = this.context;
    const platform = platformOfSource(visits.source);
    const row = this.writers.sessions.row();
    row[0] = calendar.dayNames[day];
    row[1] = visits.source;
    row[2] = visits.medium;
    row[3] = visits.campaign;
    row[4] = null;
    row[5] = platform;
    row[6] = visits.sessions;
    row[7] = Math.round(visits.sessions * random.between(0.78, 0.9));
    row[8] = Math.round(visits.sessions * visits.engaged * random.between(0.9, 1.1));
    row[9] = 'demo';
    const conversions = random.poisson(visits.sessions * visits.conversionRate);
    for (let index = 0; index < conversions; index++) this.writeConversion(day, visits, platform);
  }

  private writeConversion(day: number, visits: Visits, platform: Platform | null): void {
    const { calendar, random } = this.context;
    const type: ConversionType =
      CONVERSION_TYPES[random.weighted(platform === 'linkedin' ? PROFESSIONAL_MIX : CONSUMER_MIX)];
    const purchase = type === 'purchase';
    const discount =
      visits.campaign?.startsWith('black-friday') || visits.campaign?.startsWith('soldes')
        ? 0.85
        : 1;
    const row = this.writers.conversions.row();
    row[0] = `${purchase ? 'CMD' : 'EVT'}-${2_000_000 + this.conversionCount++}`;
    row[1] = audienceTime(calendar, day, random);
    row[2] = type;
    row[3] = visits.source;
    row[4] = visits.medium;
    row[5] = visits.campaign;
    row[6] = platform;
    row[7] = purchase
      ? Math.round(Math.min(400, Math.max(20, random.logNormal(88 * discount, 0.7))) * 100) / 100
      : null;
    row[8] = purchase ? 'EUR' : null;
    row[9] = 'demo';
  }
}
