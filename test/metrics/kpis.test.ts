// Every KPI of the catalog on one small brand, January 2025, each value computed by hand from
// test/fixtures/kpis (own accounts instagram:lumen and linkedin:lumen, competitor instagram:rival).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KPIS, type KpiRequest } from '../../src/metrics/index.ts';
import type { Store } from '../../src/store/index.ts';
import { ENGINES, clickhouseAbsence, engineStoreWith } from '../engines.ts';
import { addTrackedClicks, valueOf } from '../helpers.ts';

const january: Omit<KpiRequest, 'kpis'> = { period: { from: '2025-01-01', to: '2025-01-31' } };
const covered = new Set<string>();
describe.each(ENGINES)('on %s', (engine) => {
  let store: Store;

  /** Declares the expected January value of a KPI, computed by hand in the comment next to it. */
  function expectKpi(id: string, expected: number, request = january) {
    covered.add(id);
    return async () => {
      const value = await valueOf(store, id, request);
      expect(value).not.toBeNull();
      expect(value!).toBeCloseTo(expected, 9);
    };
  }

  beforeAll(async () => {
    // link "aube" in p1: two human clicks and one bot in January
    store = await engineStoreWith(engine, 'kpis', addTrackedClicks);
  });
  afterAll(() => store.close());

  describe('awareness', () => {
    // p1 latest snapshot 2000 (the 500 snapshot of 11 Jan is older) + p2 1000 + p3 1000; p4 is a competitor's.
    it('impressions sum the latest snapshot of own posts', expectKpi('impressions', 4000));
    it('reach sums each post’s reach without deduplication', expectKpi('reach', 3000)); // 1500 + 800 + 700
    // Last value per account at the end: 10 600 + 4 400 (not 10 400 + 10 600 + 4 400 summed over days).
    it(
      'followers take the last value per account, summed across accounts',
      expectKpi('followers', 15000),
    );
    it(
      'follower growth counts from the last value before the period',
      expectKpi('follower_growth', 1000),
    ); // 15 000 − (10 000 + 4 000)
    it(
      'follower growth rate divides by followers at the start',
      expectKpi('follower_growth_rate', 1000 / 14000),
    );
    it('profile visits sum the daily visits', expectKpi('profile_visits', 150)); // 50 + 70 + 30
    // 300 + 200 + 100; the 999 of 31 December is outside the period.
    it('video views sum the daily views of January', expectKpi('video_views', 600));
    it('watch time sums the daily seconds', expectKpi('watch_time', 3600)); // 1200 + 1800 + 600
    // i8 (a4), i10 (a5), i12 (a6) on own accounts; i9 mentions the competitor; i11 is in December.
    it('mentions count others’ mentions of the brand', expectKpi('mentions', 3));
    it(
      'share of voice divides brand mentions by brand + competitor mentions',
      expectKpi('share_of_voice', 0.75),
    ); // 3 ÷ (3 + 1)
    // Latest snapshot only (the 999 of December is replaced): age 25-34 500 + 35-44 300 + country FR 700
    // over the targeted dimensions' audience: age 1000 + country 1000.
    it(
      'audience match is the share of the targeted dimensions in persona buckets',
      expectKpi('audience_match', 1500 / 2000),
    );
  });

  describe('engagement', () => {
    // reactions 80+30+20 = 130, comments 10+5+5 = 20, shares 6+1+3 = 10, saves 4+4+(none) = 8 → 168
    it('engagements add reactions, comments, shares and saves', expectKpi('engagements', 168));
    it('engagement rate by impressions', expectKpi('engagement_rate_impressions', 168 / 4000)); // 0.042
    it('engagement rate by reach counts saves', expectKpi('engagement_rate_reach', 168 / 3000)); // 0.056
    // (168 engagements ÷ 3 posts) ÷ 15 000 followers at the end = 56 ÷ 15 000
    it(
      'engagement rate by followers is per post',
      expectKpi('engagement_rate_followers', 56 / 15000),
    );
    // 130×1 + 20×2 + 8×2 + 10×3 = 130 + 40 + 16 + 30
    it('weighted engagement uses the default weights', expectKpi('weighted_engagement', 216));
    // reaction 2, share 5, others default: 130×2 + 20×2 + 8×2 + 10×5 = 260 + 40 + 16 + 50
    it(
      'weighted engagement takes custom weights',
      expectKpi('weighted_engagement', 366, {
        ...january,
        weights: { reaction: 2, comment: 2, save: 2, share: 5 },
      }),
    );
    it(
      'amplification rate: shares per post per follower',
      expectKpi('amplification_rate', 10 / 3 / 15000),
    );
    it(
      'applause rate: reactions per post per follower',
      expectKpi('applause_rate', 130 / 3 / 15000),
    );
    it(
      'conversation rate: comments per post per follower',
      expectKpi('conversation_rate', 20 / 3 / 15000),
    );
    it('virality rate: shares over impressions', expectKpi('virality_rate', 10 / 4000));
    // p2's 12 contest entries + the participation interaction i18
    it('participation adds post counters and participation events', expectKpi('participation', 13));
  });

  describe('tonality and recommendation', () => {
    // Non-brand interactions on own accounts with a label: positive i1 i4 i8 i15, neutral i5 i12, negative i2 i10 i13.
    it(
      'positive share leaves out the brand’s own replies',
      expectKpi('sentiment_positive_share', 4 / 9),
    );
    it('negative share', expectKpi('sentiment_negative_share', 3 / 9));
    it('net sentiment leaves neutral out', expectKpi('net_sentiment', 1 / 7)); // (4 − 3) ÷ (4 + 3)
    // scores 10 9 8 7 6 10 10 3 9 9: promoters 6, detractors (6, 3) 2, of 10 → 60 % − 20 %
    it('NPS is % promoters − % detractors on −100…100', expectKpi('nps', 40));
    // per author: a1 ++ promoter, a2 −− detractor, a3 = , a4 + promoter, a5 − detractor, a6 = , a7 + promoter
    it(
      'recommendation index counts authors net positive and net negative',
      expectKpi('recommendation_index', ((3 - 2) / 7) * 100),
    );
  });

  describe('responsiveness', () => {
    // inbound comments/messages that expect an answer: i2 i4 i5 i13 i15 (i1 "J'adore !" is praise
    // alone and needs none; i16 is the brand's own, its self-reply i17 does not count);
    // answered: i5 after 30 min, i13 after 24 h (the brand's thanks to i1 is not counted either)
    it('response rate counts inbound items with a brand reply', expectKpi('response_rate', 2 / 5));
    it('median response time in seconds', expectKpi('response_time_median', 44100)); // (1800 + 86 400) ÷ 2
    // continuous 90th percentile: position 0.9 × (2 − 1) = 0.9 → 1800 + 0.9 × (86 400 − 1800)
    it(
      '90th percentile response time interpolates',
      expectKpi('response_time_p90', 1800 + 0.9 * 84600),
    );
    // business hours (Mon–Fri 9–18 h UTC): i5 Tuesday 9:00 → 9:30 = 1800; i13 Wednesday 9:00 → Thursday
    // 9:00 = the 9 open hours of Wednesday, 32 400
    it(
      'median response time in business hours',
      expectKpi('response_time_business_median', (1800 + 32400) / 2),
    );
    it(
      '90th percentile in business hours',
      expectKpi('response_time_business_p90', 1800 + 0.9 * 30600),
    );
  });

  describe('acquisition and conversion', () => {
    // post link clicks 30 + 10 + 20 + two human clicks on the tracked link (the bot is left out)
    it('link clicks add tracked clicks without bots', expectKpi('link_clicks', 62));
    it('click-through rate', expectKpi('ctr', 62 / 4000));
    it('social sessions keep social sources only', expectKpi('social_sessions', 500)); // 300 instagram + 200 lnkd.in; google left out
    // social conversions: c1 instagram, c2 lnkd.in, c4 instagram, c5 facebook (c3 google left out)
    it('conversions count those from social', expectKpi('conversions', 4));
    it('social conversion rate', expectKpi('social_conversion_rate', 4 / 500));
    it('social revenue sums known values of social conversions', expectKpi('social_revenue', 160)); // 120 + 40
    // spend 100 + 60,5 (semicolon file with a decimal comma) = 160.5
    it('cost per acquisition', expectKpi('cpa', 160.5 / 4));
    it('social ROI', expectKpi('social_roi', (160 - 160.5) / 160.5));
  });

  describe('advocacy', () => {
    // a1: positive i1 i4 + shares i7 i19 = 4 ≥ 2; a4, a7 one positive each
    it('advocates have at least two positive interactions or shares', expectKpi('advocates', 1));
    // a4 (20 000, first mention 18 Jan) and a5 (15 000, 22 Jan; its 19 Jan mention is of the competitor);
    // a6 first mentioned the brand on 31 Dec at 23:30, just before the period
    it(
      'new influencers are first mentions in the period with ≥ 10 000 audience',
      expectKpi('new_influencers', 2),
    );
    it('referrals add referral conversions and advocates’ shares', expectKpi('referrals', 3)); // c4 + a1's 2 shares
  });

  describe('social selling', () => {
    // at the end of January: s1 64 (27 Jan), s2 50
    it('SSI is the sellers’ mean at the end of the period', expectKpi('ssi', 57));
    it('SSI professional brand pillar', expectKpi('ssi_brand', 13)); // (16 + 10) ÷ 2
    it('SSI finding the right people pillar', expectKpi('ssi_people', 14)); // (16 + 12) ÷ 2
    it('SSI engaging with insights pillar', expectKpi('ssi_insights', 14.5)); // (16 + 13) ÷ 2
    it('SSI building relationships pillar', expectKpi('ssi_relationships', 15.5)); // (16 + 15) ÷ 2
    it('network size adds connections and followers', expectKpi('network_size', 980)); // 520 + 110 + 300 + 50
  });

  describe('the catalog', () => {
    it('has a hand-computed test for every KPI', () => {
      expect([...covered].sort()).toEqual(KPIS.map((kpi) => kpi.id).sort());
    });
  });
});

if (clickhouseAbsence) describe.skip(clickhouseAbsence, () => it('KPIs on ClickHouse', () => {}));
