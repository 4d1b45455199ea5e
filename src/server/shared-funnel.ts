// The funnel of a period and filters, computed once per data version for /api/funnel and every
// drill-down that shows it (each KPI of a stage has its own drill-down, all with the same funnel).
import type { Store } from '../store/index.ts';
import { VersionMemo } from './cache/version-memo.ts';
import { funnelOf } from './funnel.ts';

type FunnelRequest = Parameters<typeof funnelOf>[1];
type Funnel = Awaited<ReturnType<typeof funnelOf>>;

const memos = new WeakMap<Store, VersionMemo<Funnel>>();

export function funnelMemoOf(store: Store): VersionMemo<Funnel> {
  let memo = memos.get(store);
  if (!memo) memos.set(store, (memo = new VersionMemo<Funnel>()));
  return memo;
}

export function sharedFunnel(store: Store, request: FunnelRequest): Promise<Funnel> {
  const key = JSON.stringify([
    request.period,
    Object.entries(request.filters)
      .filter(([, values]) => values?.length)
      .sort(),
    [...request.compare].sort(),
    request.comparisonSpan ?? 'to_date',
  ]);
  return funnelMemoOf(store).get(store.dataVersion, key, () => funnelOf(store, request));
}
