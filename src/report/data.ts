// Everything a report of a period shows, gathered through the metrics and scorecard public faces:
// no formula here, only choices of what to show.
import { partsOf, worstThreads, type WorstThread } from '../alerts/index.ts';
import { describeCatalog, kpiById, queryKpis, type KpiRow } from '../metrics/index.ts';
import { InputError, parseDay, type Period } from '../model/index.ts';
import { funnelOf } from '../server/funnel.ts';
import { listAdvocates } from '../server/queries/advocates.ts';
import { dashboardScorecard, type DashboardEntry } from '../server/scorecard.ts';
import { readSettings, type Store } from '../store/index.ts';
import { brandOf, type Brand } from './brand.ts';

export interface Mover {
  kpi: string;
  value: number | null;
  previous: number | null;
  change: number;
  good: boolean | null;
  /** What the value is measured over now: the denominator of a ratio, the count itself. */
  base: number | null;
}

export interface PostLine {
  post_id: string;
  platform: string | null;
  text: string | null;
  permalink: string | null;
  value: number | null;
  impressions: number | null;
}

export interface Tonality {
  kpi: string;
  share: number | null;
  /** Half-width of the 95 % interval of the share: 1.96 · √(p(1−p)/n). */
  margin: number | null;
}

export interface ReportData {
  period: Period;
  today: string;
  brand: Brand;
  scorecard: DashboardEntry[];
  returnOnObjectives: number | null;
  funnel: Awaited<ReturnType<typeof funnelOf>>;
  movers: Mover[];
  topPosts: PostLine[];
  bottomPosts: PostLine[];
  tonality: { base: number | null; shares: Tonality[]; net: number | null };
  worstThreads: WorstThread[];
  advocates: { name: string; platforms: string; support: number; audience: number | null }[];
}

const POST_KPI = 'engagement_rate_impressions';
// A post ranks only over enough impressions that one like does not top the list.
const POST_MIN_IMPRESSIONS = 500;
// A KPI "moves" only over a base this large (comments, impressions, sessions…).
const MOVER_MIN_BASE = 30;
const MOVER_FAMILIES = new Set([
  'awareness',
  'engagement',
  'tonality',
  'responsiveness',
  'conversion',
  'advocacy',
]);

export function checkPeriod(from: string, to: string): Period {
  for (const [flag, day] of [
    ['--from', from],
    ['--to', to],
  ] as const)
    if (!parseDay(day))
      throw new InputError(`${flag} must be a date YYYY-MM-DD`, {
        value: day,
        expected: 'YYYY-MM-DD',
      });
  if (from > to) throw new InputError(`the period starts (${from}) after it ends (${to})`);
  return { from, to };
}

/** The count a value stands on: a ratio's denominator, a count itself; undefined for scores and times. */
function baseOf(kpiId: string, row: KpiRow): number | null | undefined {
  const kpi = kpiById(kpiId)!;
  if (kpi.unit === 'count') return row.value;
  if (kpi.unit === 'ratio') return partsOf(kpi, row.inputs).denominator;
  return undefined;
}

async function moversOf(store: Store, period: Period): Promise<Mover[]> {
  const ids = describeCatalog()
    .filter((kpi) => MOVER_FAMILIES.has(kpi.family))
    .map((kpi) => kpi.id);
  const response = await queryKpis(store, { kpis: ids, period, compare: ['previous'] });
  return response.results
    .flatMap((result) => {
      const row = result.rows[0];
      const change = row?.previous?.change;
      if (!row || change === null || change === undefined) return [];
      const base = baseOf(result.id, row);
      if (base === null || (base !== undefined && Math.abs(base) < MOVER_MIN_BASE)) return [];
      return [
        {
          kpi: result.id,
          value: row.value,
          previous: row.previous!.value,
          change,
          good: row.previous!.good,
          base: base ?? null,
        },
      ];
    })
    .sort((a, b) => Math.abs(b.change) - Math.abs(a.change))
    .slice(0, 6);
}

async function postsOf(store: Store, period: Period, ascending: boolean): Promise<PostLine[]> {
  const response = await queryKpis(store, {
    kpis: [POST_KPI, 'impressions'],
    period,
    breakdown: ['post'],
    top: { limit: 5, ascending, minimumBase: POST_MIN_IMPRESSIONS },
  });
  const [rates, impressions] = response.results;
  const ids = rates.rows.map((row) => String(row.key.post));
  if (ids.length === 0) return [];
  const posts = await store.all(
    `SELECT post_id, platform, text, permalink FROM posts WHERE post_id IN (${ids.map((_, index) => `$${index + 1}`).join(', ')})`,
    ids,
  );
  const byId = new Map(posts.map((post) => [String(post.post_id), post]));
  return rates.rows.map((row) => {
    const id = String(row.key.post);
    const post = byId.get(id);
    return {
      post_id: id,
      platform: post ? String(post.platform) : null,
      text: (post?.text as string | null) ?? null,
      permalink: (post?.permalink as string | null) ?? null,
      value: row.value,
      impressions: impressions.rows.find((other) => other.key.post === row.key.post)?.value ?? null,
    };
  });
}

async function tonalityOf(store: Store, period: Period): Promise<ReportData['tonality']> {
  const ids = ['sentiment_positive_share', 'sentiment_negative_share', 'net_sentiment'];
  const response = await queryKpis(store, { kpis: ids, period });
  const rows = new Map(response.results.map((result) => [result.id, result.rows[0]]));
  const inputs = rows.get('sentiment_positive_share')?.inputs ?? {};
  const base = ['sentiment_positive', 'sentiment_neutral', 'sentiment_negative'].reduce(
    (sum, id) => sum + ((inputs as Record<string, number | null>)[id] ?? 0),
    0,
  );
  const shares = ids.slice(0, 2).map((kpi) => {
    const share = rows.get(kpi)?.value ?? null;
    const margin =
      share === null || base === 0 ? null : 1.96 * Math.sqrt((share * (1 - share)) / base);
    return { kpi, share, margin };
  });
  return { base: base || null, shares, net: rows.get('net_sentiment')?.value ?? null };
}

/** Gathers the report of [from, to]: objectives active in it, measured as of its last day (or today). */
export async function gatherReport(
  store: Store,
  period: Period,
  today?: string,
): Promise<ReportData> {
  const [card, settings] = await Promise.all([
    dashboardScorecard(store, { from: period.from, to: period.to, today, filters: {} }),
    readSettings(store),
  ]);
  if (period.from > card.today)
    throw new InputError(`the period starts (${period.from}) after today (${card.today})`);
  // Like the dashboard, a period reaching past today is measured to date.
  const measured = { from: period.from, to: period.to < card.today ? period.to : card.today };
  const [funnel, movers, topPosts, bottomPosts, tonality, threads, advocates] = await Promise.all([
    funnelOf(store, { period: measured, filters: {}, compare: ['previous'] }),
    moversOf(store, measured),
    postsOf(store, measured, false),
    postsOf(store, measured, true),
    tonalityOf(store, measured),
    worstThreads(store, measured.from, measured.to, 5),
    listAdvocates(store, { period: measured, filters: {}, limit: 5 }),
  ]);
  return {
    period: measured,
    today: card.today,
    brand: brandOf(settings),
    scorecard: card.entries,
    returnOnObjectives: card.return_on_objectives,
    funnel,
    movers,
    topPosts,
    bottomPosts,
    tonality,
    worstThreads: threads,
    advocates: advocates.map((row) => ({
      name: String(row.author_name ?? row.author_id),
      platforms: String(row.platforms),
      support: Number(row.support),
      audience: row.audience === null ? null : Number(row.audience),
    })),
  };
}
