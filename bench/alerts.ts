// Alert quality: seeded demo-like daily series with one known incident a month; recall and false
// alerts per series-month for each k, the chosen k (2.5) beside a looser and a stricter one.
import { measureQuality, type SeriesKind } from '../src/alerts/quality.ts';
import { printTable } from './harness.ts';

const KINDS: SeriesKind[] = ['negative_comments', 'social_sessions', 'response_time'];

export async function benchAlerts(): Promise<void> {
  const rows = [2, 2.5, 3].flatMap((k) =>
    KINDS.map((kind) => {
      const run = measureQuality(kind, 20, 12, k);
      return {
        k: k === 2.5 ? `${k} (default)` : String(k),
        series: kind,
        incidents: run.injected,
        detected: run.detected,
        'recall %': (100 * run.recall).toFixed(1),
        'false / series-month': run.falsePerSeriesMonth.toFixed(2),
      };
    }),
  );
  printTable(
    'Anomaly alerts on 20 seeded series × 12 months per kind, one incident a month (goal: recall ≥ 90 %, ≤ 1 false / series-month)',
    rows,
  );
}
