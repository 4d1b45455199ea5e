// objectives: six targets for the current quarter and year, set from the generated data so that some are
// on track and some at risk whatever the seed, scale or day.
import type { Direction } from '../model/index.ts';
import { addDays, periodLengthDays, type Period } from '../model/index.ts';
import type { Cell, Transaction } from '../store/index.ts';

export const OBJECTIVE_COLUMNS = [
  'objective_id',
  'name',
  'name_en',
  'name_fr',
  'kpi',
  'target',
  'period_from',
  'period_to',
  'direction',
  'filters',
  'baseline',
];

const OWN =
  'JOIN accounts a ON a.account_id = {t}.account_id AND NOT coalesce(a.is_competitor, false)';
const RANGE = (column: string) =>
  `${column} >= CAST(? AS TIMESTAMP) AND ${column} < CAST(? AS TIMESTAMP)`;

interface ObjectiveSpec {
  id: string;
  /** French, the demo brand's language; the English name is shown to English readers. */
  name: string;
  nameEn: string;
  kpi: string;
  span: 'quarter' | 'year';
  direction: Direction;
  filters: string;
  /** Additive KPIs are projected to the end of the period; rates are taken as they are. */
  additive: boolean;
  /** Projected value ÷ target wanted (the inverse for a decrease): > 1 on track, 0.8–1 at risk. */
  aim: number;
  /** Used when the period holds no data yet. */
  fallback: number;
  /** SQL of the value over a window, given its first instant and the instant after today. */
  sql: string;
}

const SPECS: ObjectiveSpec[] = [
  {
    id: 'obj-engagement',
    name: 'Taux d’engagement Instagram du trimestre',
    nameEn: 'Instagram engagement rate this quarter',
    kpi: 'engagement_rate_impressions',
    span: 'quarter',
    direction: 'increase',
    filters: '{"platform":["instagram"]}',
    additive: false,
    aim: 1.06,
    fallback: 0.035,
    sql: `SELECT sum(m.reactions + m.comments + m.shares + m.saves)::DOUBLE / nullif(sum(m.impressions), 0) AS value
      FROM posts p ${OWN.replace('{t}', 'p')}
      JOIN (SELECT post_id, max(snapshot_at) AS latest FROM post_metrics GROUP BY post_id) l ON l.post_id = p.post_id
      JOIN post_metrics m ON m.post_id = l.post_id AND m.snapshot_at = l.latest
      WHERE p.platform = 'instagram' AND ${RANGE('p.published_at')}`,
  },
  {
    id: 'obj-nps',
    name: 'NPS de l’année',
    nameEn: 'NPS this year',
    kpi: 'nps',
    span: 'year',
    direction: 'increase',
    filters: '{}',
    additive: false,
    aim: 0.9,
    fallback: 45,
    sql: `SELECT 100.0 * (count(*) FILTER (WHERE score >= 9) - count(*) FILTER (WHERE score <= 6)) / nullif(count(*), 0) AS value
      FROM nps_responses WHERE ${RANGE('answered_at')}`,
  },
  {
    id: 'obj-social-revenue',
    name: 'Chiffre d’affaires venu des réseaux sur l’année',
    nameEn: 'Revenue from social this year',
    kpi: 'social_revenue',
    span: 'year',
    direction: 'increase',
    filters: '{}',
    additive: true,
    aim: 1.08,
    fallback: 500_000,
    sql: `SELECT sum(value) AS value FROM conversions WHERE platform IS NOT NULL AND ${RANGE('occurred_at')}`,
  },
  {
    id: 'obj-social-sessions',
    name: 'Visites depuis les réseaux ce trimestre',
    nameEn: 'Visits from social this quarter',
    kpi: 'social_sessions',
    span: 'quarter',
    direction: 'increase',
    filters: '{}',
    additive: true,
    aim: 0.9,
    fallback: 20_000,
    sql: `SELECT sum(sessions)::DOUBLE AS value FROM web_sessions WHERE platform IS NOT NULL AND ${RANGE('day')}`,
  },
  {
    id: 'obj-sentiment',
    name: 'Part de sentiment positif ce trimestre',
    nameEn: 'Positive sentiment share this quarter',
    kpi: 'sentiment_positive_share',
    span: 'quarter',
    direction: 'increase',
    filters: '{}',
    additive: false,
    aim: 1.05,
    fallback: 0.6,
    sql: `SELECT count(*) FILTER (WHERE i.sentiment = 'positive')::DOUBLE / nullif(count(i.sentiment), 0) AS value
      FROM interactions i ${OWN.replace('{t}', 'i')}
      WHERE NOT coalesce(i.is_brand, false) AND ${RANGE('i.created_at')}`,
  },
  {
    id: 'obj-response-time',
    name: 'Délai de réponse médian ce trimestre',
    nameEn: 'Median response time this quarter',
    kpi: 'response_time_median',
    span: 'quarter',
    direction: 'decrease',
    filters: '{}',
    additive: false,
    aim: 0.9,
    fallback: 3600,
    sql: `SELECT median(date_diff('second', i.created_at, r.first_reply_at))::DOUBLE AS value
      FROM interactions i ${OWN.replace('{t}', 'i')}
      JOIN (SELECT reply_to, min(created_at) AS first_reply_at FROM interactions
            WHERE coalesce(is_brand, false) AND reply_to IS NOT NULL GROUP BY reply_to) r ON r.reply_to = i.interaction_id
      WHERE i.kind IN ('comment', 'message') AND NOT coalesce(i.is_brand, false) AND ${RANGE('i.created_at')}`,
  },
];

/** The calendar quarter or year that contains `today`. */
export function currentPeriod(today: string, span: 'quarter' | 'year'): Period {
  const [year, month] = today.split('-').map(Number);
  if (span === 'year') return { from: `${year}-01-01`, to: `${year}-12-31` };
  const first = Math.floor((month - 1) / 3) * 3 + 1;
  const from = `${year}-${String(first).padStart(2, '0')}-01`;
  const next =
    first === 10 ? `${year + 1}-01-01` : `${year}-${String(first + 3).padStart(2, '0')}-01`;
  return { from, to: addDays(next, -1) };
}

/** Two significant digits, rounded the way that keeps the wanted status. */
function roundTarget(value: number, up: boolean): number {
  const step = 10 ** (Math.floor(Math.log10(Math.abs(value))) - 1);
  const rounded = (up ? Math.ceil(value / step) : Math.floor(value / step)) * step;
  return Number(rounded.toPrecision(2));
}

/** The days the target is set from: the period so far, or a whole period up to today when it has just begun. */
function referenceWindow(period: Period, today: string): Period {
  if (periodLengthDays({ from: period.from, to: today }) >= 28)
    return { from: period.from, to: today };
  return { from: addDays(today, 1 - periodLengthDays(period)), to: today };
}

function targetOf(
  spec: ObjectiveSpec,
  value: number | null,
  period: Period,
  window: Period,
): number {
  if (value === null || !Number.isFinite(value) || value <= 0) return spec.fallback;
  const projected = spec.additive
    ? (value * periodLengthDays(period)) / periodLengthDays(window)
    : value;
  // Increase: progress = projected ÷ target. Decrease: progress = target ÷ value.
  const wanted = spec.direction === 'increase' ? projected / spec.aim : projected * spec.aim;
  const onTrack = spec.aim >= 1;
  return roundTarget(wanted, spec.direction === 'increase' ? !onTrack : onTrack);
}

export async function objectiveRows(tx: Transaction, today: string): Promise<Cell[][]> {
  const rows: Cell[][] = [];
  for (const spec of SPECS) {
    const period = currentPeriod(today, spec.span);
    const window = referenceWindow(period, today);
    const [{ value }] = await tx.all(spec.sql, [window.from, addDays(today, 1)]);
    const target = targetOf(spec, value === null ? null : Number(value), period, window);
    rows.push([
      spec.id,
      spec.name,
      spec.nameEn,
      spec.name,
      spec.kpi,
      target,
      period.from,
      period.to,
      spec.direction,
      spec.filters,
      null,
    ]);
  }
  return rows;
}
