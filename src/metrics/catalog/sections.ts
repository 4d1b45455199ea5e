// Which drill-down sections apply to a KPI, declared once here for every reader (the dashboard shows
// exactly these): no "top posts" for a KPI that cannot be split by post, no comment list where the KPI
// is not read from comments.
import type { Kpi } from './kpis.ts';

export const SECTIONS = [
  'trend',
  'nps_split',
  'voice_split',
  'ssi_team',
  'funnel',
  'breakdown',
  'posts',
  'slow_threads',
  'comments',
  'people',
] as const;
export type Section = (typeof SECTIONS)[number];

/** KPIs read from what people wrote: their comments are the evidence behind the number. */
const READ_FROM_COMMENTS = new Set(['recommendation_index']);

/** Response times are read per thread: the slowest ones explain the number, not the top posts. */
const isResponseTime = (kpi: Kpi) => kpi.id.startsWith('response_time');

export function sectionsOf(kpi: Kpi, breakdowns: readonly string[], rankable: boolean): Section[] {
  const applies: Record<Section, boolean> = {
    trend: true,
    nps_split: kpi.id === 'nps',
    voice_split: kpi.id === 'share_of_voice',
    ssi_team: kpi.id === 'ssi' || kpi.id.startsWith('ssi_'),
    funnel: kpi.stage !== null,
    breakdown: ['platform', 'account', 'campaign', 'content_type', 'conversion_type'].some((name) =>
      breakdowns.includes(name),
    ),
    posts: rankable && breakdowns.includes('post') && !isResponseTime(kpi),
    slow_threads: isResponseTime(kpi),
    comments: kpi.family === 'tonality' || READ_FROM_COMMENTS.has(kpi.id),
    people: kpi.family === 'advocacy',
  };
  return SECTIONS.filter((section) => applies[section]);
}
