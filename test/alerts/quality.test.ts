import { describe, expect, it } from 'vitest';
import { judgeDay, type DailyPoint } from '../../src/alerts/baseline.ts';
import { measureQuality } from '../../src/alerts/quality.ts';
import { addDays } from '../../src/model/index.ts';

const settings = {
  weeks: 8,
  k: 2.5,
  minimumBase: 10,
  noise: 'count' as const,
  watch: 'above' as const,
};

function flatHistory(until: string, value: (day: string, index: number) => number) {
  const history = new Map<string, DailyPoint>();
  for (let index = 0; index < 70; index++) {
    const day = addDays(until, index - 69);
    history.set(day, { day, value: value(day, index), base: null });
  }
  return history;
}

describe('anomaly baseline', () => {
  it('never alerts on two comments, however quiet the usual days', () => {
    // Usually 0 negative comments a day; 2 today is far above the range, but the base (2) is below 10.
    const history = flatHistory('2026-03-31', (_, index) => (index === 69 ? 2 : 0));
    expect(judgeDay(history, '2026-03-31', settings)).toBeNull();
  });

  it('compares a Saturday with past Saturdays', () => {
    // Weekdays 100, weekends 20: a Saturday with 20 is usual, a Saturday with 100 is not.
    const weekly = (day: string) => ([0, 6].includes(new Date(day).getUTCDay()) ? 20 : 100);
    const saturday = '2026-03-28';
    const usual = flatHistory(saturday, weekly);
    expect(judgeDay(usual, saturday, settings)).toBeNull();
    usual.set(saturday, { day: saturday, value: 100, base: null });
    const verdict = judgeDay(usual, saturday, settings);
    // Expected value: the median of past Saturdays, all 20.
    expect(verdict?.range.expected).toBeCloseTo(20, 6);
    expect(verdict?.side).toBe('above');
  });

  it('a spike in the bad direction only alerts on the watched side', () => {
    const history = flatHistory('2026-03-31', (_, index) => (index === 69 ? 5 : 60));
    expect(judgeDay(history, '2026-03-31', settings)).toBeNull();
    expect(judgeDay(history, '2026-03-31', { ...settings, watch: 'below' })?.side).toBe('below');
  });
});

describe('measured alert quality on seeded series with injected incidents', () => {
  // 20 series × 12 judged months each, one incident a month: 240 incidents per kind.
  for (const kind of ['negative_comments', 'social_sessions', 'response_time'] as const) {
    it(`${kind}: recall ≥ 90 %, ≤ 1 false alert per series-month`, () => {
      const run = measureQuality(kind, 20, 12, 2.5);
      expect(run.injected).toBe(240);
      expect(run.recall).toBeGreaterThanOrEqual(0.9);
      expect(run.falsePerSeriesMonth).toBeLessThanOrEqual(1);
    });
  }
});
