// The drill-down's panels load in one request (/api/drilldown); a panel whose choice differs from the
// bundle's (another breakdown tab, another page of comments) loads its own.
import type { Loaded } from '../../api/use-api.ts';
import { useApi } from '../../api/use-api.ts';
import type { z } from 'zod';
import type { drilldownLists } from '../../../../src/server/routes/drilldown-lists.ts';
import type { Funnel, KpiResponse, SlowThread, SsiSeller, VoiceShare } from '../../api/types.ts';

type Lists = { [K in keyof typeof drilldownLists]: z.output<(typeof drilldownLists)[K]> };
export type RankedPosts = NonNullable<Lists['rankedPosts']>;
export type FirstComments = NonNullable<Lists['comments']>;
export type DrilldownPeople = NonNullable<Lists['people']>;

export interface DrilldownBundle {
  summary: KpiResponse;
  trend: KpiResponse;
  breakdown: KpiResponse | null;
  funnel: Funnel | null;
  slowestThreads: SlowThread[] | null;
  ssiTeam: SsiSeller[] | null;
  voiceSplit: VoiceShare[] | null;
  rankedPosts: RankedPosts | null;
  comments: FirstComments | null;
  people: DrilldownPeople | null;
}

/** One part of the bundle, shaped as if it had been loaded alone. */
export function partOf<K extends keyof DrilldownBundle>(bundle: Loaded<DrilldownBundle>, part: K): Loaded<NonNullable<DrilldownBundle[K]>> {
  return { ...bundle, data: (bundle.data?.[part] ?? undefined) as NonNullable<DrilldownBundle[K]> | undefined };
}

/** The bundle's part when given, else the panel's own request. */
export function usePart<T>(preloaded: Loaded<T> | null | undefined, path: string, params: Parameters<typeof useApi>[1]): Loaded<T> {
  const own = useApi<T>(preloaded ? null : path, params);
  return preloaded ?? own;
}
