import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createObjective,
  deleteObjective,
  listObjectives,
  loadObjectivesYaml,
  parseObjective,
  progressOf,
  scorecard,
  updateObjective,
  type ScorecardEntry,
} from '../../src/metrics/objectives.ts';
import { InputError, type Objective } from '../../src/model/index.ts';
import type { Store } from '../../src/store/index.ts';
import { ENGINES, engineStoreWith } from '../engines.ts';

// Fixture (test/fixtures/objectives), impressions by post, latest snapshot:
//   py 2024-01-03 instagram 250 · p0 2024-12-30 instagram 200
//   p1 2025-01-02 instagram 300 (engagements 10+2+1+1 = 14) · p2 2025-01-04 linkedin 100 (4+1+1+0 = 6)
//   p3 2025-01-06 instagram 600 (20+5+3+2 = 30)
// So over 2025-01-01…04: impressions 400, engagement rate 20 ÷ 400 = 0.05;
// over 2025-01-01…10: impressions 1000, engagement rate 50 ÷ 1000 = 0.05, instagram only 900.
const TEN_DAYS = { from: '2025-01-01', to: '2025-01-10' };
const AFTER = '2025-02-15';
let store: Store;

function objective(
  id: string,
  fields: Partial<Objective> & { kpi?: string; target: number },
): Objective {
  return parseObjective({ id, name: id, kpi: 'impressions', period: TEN_DAYS, ...fields });
}

async function replaceAll(objectives: Objective[]): Promise<void> {
  for (const existing of await listObjectives(store)) await deleteObjective(store, existing.id);
  for (const item of objectives) await createObjective(store, item);
}

async function entries(
  today: string,
  options: { filters?: Objective['filters'] } = {},
): Promise<Record<string, ScorecardEntry>> {
  const card = await scorecard(store, { today, ...options });
  return Object.fromEntries(card.entries.map((entry) => [entry.objective.id, entry]));
}

describe('parseObjective', () => {
  it('fills in the defaults: id from the name, direction from the KPI', () => {
    const parsed = parseObjective({
      name: 'Réputation : moins de négatif !',
      kpi: 'sentiment_negative_share',
      target: 0.05,
      period: { from: '2025-01-01', to: '2025-03-31' },
    });
    expect(parsed).toEqual({
      id: 'reputation-moins-de-negatif',
      name: 'Réputation : moins de négatif !',
      kpi: 'sentiment_negative_share',
      target: 0.05,
      period: { from: '2025-01-01', to: '2025-03-31' },
      direction: 'decrease',
      filters: {},
      baseline: null,
    });
    expect(
      parseObjective({
        name: 'Reach',
        kpi: 'reach',
        target: 10,
        from: '2025-01-01',
        to: '2025-01-31',
        filters: { platform: 'instagram' },
      }),
    ).toMatchObject({
      direction: 'increase',
      period: { from: '2025-01-01', to: '2025-01-31' },
      filters: { platform: ['instagram'] },
    });
  });

  it('refuses an unknown KPI, naming the field', () => {
    expect(() =>
      parseObjective({ name: 'x', kpi: 'likes_per_moon', target: 1, period: TEN_DAYS }),
    ).toThrow(/field "kpi": unknown KPI "likes_per_moon"/);
  });

  it.each([
    [{ target: 'lots' }, /field "target": expected a number \(got "lots"\)/],
    [{ target: undefined }, /field "target": is required/],
    [{ target: Number.NaN }, /field "target": expected a number/],
    [
      { period: { from: '2025-02-30', to: '2025-03-01' } },
      /field "period.from": expected a real date/,
    ],
    [
      { period: { from: '2025-03-01', to: '2025-02-01' } },
      /field "period.to": the period ends before it starts/,
    ],
    [{ direction: 'up' }, /field "direction": expected increase or decrease/],
    [
      { filters: { platform: ['myspace'] } },
      /field "filters.platform.0": expected one of facebook/,
    ],
    [{ filters: { country: ['fr'] } }, /field "filters.country": unknown field/],
    [{ name: '  ' }, /field "name": must not be empty/],
    [{ id: 'a b' }, /field "id": expected letters/],
    [{ target: 0 }, /field "target": without a baseline the target must be above 0/],
    [{ baseline: 1000 }, /field "baseline": the baseline equals the target/],
    [{ colour: 'red' }, /field "colour": unknown field/],
  ])('refuses %j', (change, message) => {
    const error = (() => {
      try {
        parseObjective({
          name: 'x',
          kpi: 'impressions',
          target: 1000,
          period: TEN_DAYS,
          ...change,
        });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(message);
  });
});

describe.each(ENGINES)('on %s', (engine) => {
  beforeAll(async () => {
    store = await engineStoreWith(engine, 'objectives');
  });
  afterAll(() => store.close());

  describe('objectives CRUD', () => {
    beforeEach(() => replaceAll([]));

    it('creates, lists, updates and deletes', async () => {
      const created = await createObjective(
        store,
        parseObjective({
          name: 'Impressions Q1',
          kpi: 'impressions',
          target: 1000,
          period: TEN_DAYS,
          baseline: 100,
          filters: { platform: ['linkedin', 'instagram'] },
        }),
      );
      expect(await listObjectives(store)).toEqual([created]);
      expect(created).toMatchObject({
        id: 'impressions-q1',
        filters: { platform: ['instagram', 'linkedin'] },
        baseline: 100,
      });

      await expect(createObjective(store, created)).rejects.toThrow(
        /"impressions-q1" already exists/,
      );

      const updated = await updateObjective(store, 'impressions-q1', {
        target: 2000,
        period: { to: '2025-01-31' } as Objective['period'],
        baseline: null,
      });
      expect(updated).toEqual({
        ...created,
        target: 2000,
        period: { from: '2025-01-01', to: '2025-01-31' },
        baseline: null,
      });
      expect(await listObjectives(store)).toEqual([updated]);
      await expect(updateObjective(store, 'impressions-q1', { target: -5 })).rejects.toThrow(
        /field "target"/,
      );
      await expect(updateObjective(store, 'nope', { target: 5 })).rejects.toThrow(InputError);

      await deleteObjective(store, 'impressions-q1');
      expect(await listObjectives(store)).toEqual([]);
      await expect(deleteObjective(store, 'impressions-q1')).rejects.toThrow(
        /no objective with id "impressions-q1"/,
      );
    });
  });

  describe('objectives YAML files', () => {
    beforeEach(() => replaceAll([]));

    const valid = `
objectives:
  - name: Visibility
    kpi: impressions
    target: 1000
    period: { from: 2025-01-01, to: 2025-01-10 }
  - id: er
    name: Engagement rate 5 %
    kpi: engagement_rate_impressions
    target: 0.05
    from: 2025-01-01
    to: 2025-01-10
    filters:
      platform: [instagram]
`;

    it('creates then updates the objectives of a valid file', async () => {
      expect(await loadObjectivesYaml(store, valid, 'objectives.yaml')).toEqual({
        created: 2,
        updated: 0,
      });
      expect(
        (await listObjectives(store)).map((item) => [item.id, item.target, item.filters]),
      ).toEqual([
        ['er', 0.05, { platform: ['instagram'] }],
        ['visibility', 1000, {}],
      ]);
      expect(
        await loadObjectivesYaml(
          store,
          valid.replace('target: 1000', 'target: 1200'),
          'objectives.yaml',
        ),
      ).toEqual({ created: 0, updated: 2 });
      expect((await listObjectives(store)).find((item) => item.id === 'visibility')?.target).toBe(
        1200,
      );
    });

    it('accepts a bare list', async () => {
      const list =
        '- {name: A, kpi: reach, target: 10, period: {from: 2025-01-01, to: 2025-01-31}}\n';
      expect(await loadObjectivesYaml(store, list, 'list.yml')).toEqual({ created: 1, updated: 0 });
    });

    it('writes nothing when one item is bad, and names the file, item, line and field', async () => {
      const bad = `- name: Fine
  kpi: impressions
  target: 1000
  period: { from: 2025-01-01, to: 2025-01-10 }
- name: Broken
  kpi: impressions
  target: lots
  period: { from: 2025-01-01, to: 2025-01-10 }
`;
      const error = await loadObjectivesYaml(store, bad, 'goals.yaml').catch(
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).message).toBe(
        'goals.yaml, item 2 (line 7): field "target": expected a number (got "lots"); nothing was written',
      );
      expect((error as InputError).location).toMatchObject({
        file: 'goals.yaml',
        line: 7,
        column: 'target',
      });
      expect(await listObjectives(store)).toEqual([]);
    });

    it('refuses two items with the same id, and YAML that is not a list', async () => {
      const twice = `${valid}\n  - name: Visibility\n    kpi: reach\n    target: 5\n    period: { from: 2025-01-01, to: 2025-01-10 }\n`;
      await expect(loadObjectivesYaml(store, twice, 'o.yaml')).rejects.toThrow(
        /o.yaml, item 3 \(line \d+\): field "id": "visibility" is already used by item 1/,
      );
      await expect(loadObjectivesYaml(store, 'name: x', 'o.yaml')).rejects.toThrow(
        /o.yaml: expected a list of objectives/,
      );
      await expect(loadObjectivesYaml(store, '- [unclosed', 'o.yaml')).rejects.toThrow(
        /o.yaml, line \d+: not valid YAML/,
      );
      expect(await listObjectives(store)).toEqual([]);
    });
  });

  describe('progress', () => {
    const base = objective('p', { target: 1000 });
    it.each([
      // increase, no baseline: value ÷ target = 800 ÷ 1000
      [{ direction: 'increase', target: 1000, baseline: null }, 800, 0.8],
      // increase, baseline: (value − baseline) ÷ (target − baseline) = (800 − 600) ÷ (1000 − 600) = 200 ÷ 400
      [{ direction: 'increase', target: 1000, baseline: 600 }, 800, 0.5],
      // decrease, no baseline: target ÷ value = 400 ÷ 500
      [{ direction: 'decrease', target: 400, baseline: null }, 500, 0.8],
      // decrease, baseline: (baseline − value) ÷ (baseline − target) = (1000 − 700) ÷ (1000 − 400) = 300 ÷ 600
      [{ direction: 'decrease', target: 400, baseline: 1000 }, 700, 0.5],
      // decrease, no baseline, value 0: the target is beaten outright, reported at the 150 % cap
      [{ direction: 'decrease', target: 400, baseline: null }, 0, 1.5],
    ] as const)('%j at %d → %d', (fields, value, expected) => {
      expect(progressOf({ ...base, ...fields }, value)).toBeCloseTo(expected, 12);
    });
  });

  describe('scorecard', () => {
    it('measures a finished period: progress with and without baseline, both directions, status boundaries, RoO', async () => {
      await replaceAll([
        objective('exactly-100', { target: 1000 }), // 1000 ÷ 1000 = 100 % → on track
        objective('exactly-80', { target: 1250 }), // 1000 ÷ 1250 = 80 % → at risk
        objective('under-80', { target: 1251 }), // 1000 ÷ 1251 = 79.94 % → off track
        objective('baseline-up', { target: 1500, baseline: 500 }), // (1000 − 500) ÷ (1500 − 500) = 50 %
        objective('down', { target: 800, direction: 'decrease' }), // 800 ÷ 1000 = 80 % → at risk
        objective('baseline-down', { target: 500, baseline: 1500, direction: 'decrease' }), // (1500 − 1000) ÷ (1500 − 500) = 50 %
        objective('doubled', { target: 500 }), // 1000 ÷ 500 = 200 %, counts 150 % in RoO
        objective('tiktok', { target: 10, filters: { platform: ['tiktok'] } }), // no posts → no data, out of RoO
      ]);
      const card = await scorecard(store, { today: AFTER });
      const byId = Object.fromEntries(card.entries.map((entry) => [entry.objective.id, entry]));
      const summary = (id: string) => [byId[id].value, byId[id].progress, byId[id].status];
      expect(summary('exactly-100')).toEqual([1000, 1, 'on_track']);
      expect(summary('exactly-80')).toEqual([1000, 0.8, 'at_risk']);
      expect(byId['under-80'].progress).toBeCloseTo(1000 / 1251, 12);
      expect(byId['under-80'].status).toBe('off_track');
      expect(summary('baseline-up')).toEqual([1000, 0.5, 'off_track']);
      expect(summary('down')).toEqual([1000, 0.8, 'at_risk']);
      expect(summary('baseline-down')).toEqual([1000, 0.5, 'off_track']);
      expect(summary('doubled')).toEqual([1000, 2, 'on_track']);
      expect(summary('tiktok')).toEqual([null, null, 'no_data']);
      expect(byId.tiktok.projected_progress).toBeNull();
      // A finished period: elapsed 1, projected = value.
      expect([
        byId['exactly-100'].elapsed,
        byId['exactly-100'].projected,
        byId['exactly-100'].expected_progress,
      ]).toEqual([1, 1000, 1]);
      // RoO over the 7 with a progress: (1 + 0.8 + 1000/1251 + 0.5 + 0.8 + 0.5 + min(2, 1.5)) ÷ 7
      expect(card.return_on_objectives).toBeCloseTo(
        (1 + 0.8 + 1000 / 1251 + 0.5 + 0.8 + 0.5 + 1.5) / 7,
        12,
      );
      expect(byId['exactly-100'].kpi).toEqual({
        id: 'impressions',
        name: { en: 'Impressions', fr: 'Impressions' },
        unit: 'count',
        better: 'higher',
      });
    });

    it('projects an additive KPI from the elapsed share, and a rate as its current value', async () => {
      await replaceAll([
        objective('reach-1000', { target: 1000 }),
        objective('er-5', { kpi: 'engagement_rate_impressions', target: 0.05 }),
        objective('er-6.25', { kpi: 'engagement_rate_impressions', target: 0.0625 }),
        objective('er-up', { kpi: 'engagement_rate_impressions', target: 0.09, baseline: 0.01 }),
      ]);
      // today 2025-01-04: 4 of 10 days elapsed; p3 (2025-01-06) is not counted yet.
      const byId = await entries('2025-01-04');
      const additive = byId['reach-1000'];
      expect(additive.elapsed).toBe(0.4);
      expect(additive.value).toBe(400); // 300 + 100
      expect(additive.progress).toBe(0.4); // 400 ÷ 1000
      expect(additive.expected_progress).toBe(0.4); // on pace: 1000 × 0.4 = 400 → 40 %
      expect(additive.projected).toBe(1000); // 400 × 10 ÷ 4
      expect(additive.projected_progress).toBe(1);
      expect(additive.status).toBe('on_track');
      // Comparisons over the same 4 days: 2024-12-28…31 (p0 200) and 2024-01-01…04 (py 250).
      expect(additive.previous).toEqual({ value: 200, delta: 200, change: 1, good: true });
      expect(additive.yoy).toEqual({ value: 250, delta: 150, change: 0.6, good: true });
      // The week of 30 Dec runs to 5 Jan, after today: it is marked running; the week of 6 Jan has not
      // started, so it has no point at all.
      expect(additive.sparkline).toEqual([{ day: '2024-12-30', value: 400, running: true }]);

      const rate = byId['er-5'];
      expect(rate.value).toBeCloseTo(0.05, 12); // 20 ÷ 400
      expect(rate.projected).toBe(rate.value); // a rate does not accumulate: projected = current value
      expect(rate.expected_progress).toBeNull();
      expect(rate.status).toBe('on_track');
      expect(byId['er-6.25'].projected_progress).toBeCloseTo(0.8, 12); // 0.05 ÷ 0.0625
      expect(byId['er-6.25'].status).toBe('at_risk');
      // (0.05 − 0.01) ÷ (0.09 − 0.01) = 0.5; with a baseline the straight line expects 40 % by now.
      expect(byId['er-up'].progress).toBeCloseTo(0.5, 12);
      expect(byId['er-up'].expected_progress).toBe(0.4);
      expect(byId['er-up'].status).toBe('off_track');
    });

    it('projects an additive KPI that is behind pace as off track', async () => {
      await replaceAll([objective('behind', { target: 2000 })]);
      const { behind } = await entries('2025-01-04');
      // 400 × 10 ÷ 4 = 1000 projected; 1000 ÷ 2000 = 50 % → off track, though progress alone is 20 %.
      expect([behind.progress, behind.projected, behind.projected_progress, behind.status]).toEqual(
        [0.2, 1000, 0.5, 'off_track'],
      );
    });

    it('reports a period not yet started as no data, outside RoO', async () => {
      await replaceAll([
        objective('later', { target: 100, period: { from: '2025-03-01', to: '2025-03-31' } }),
        objective('now', { target: 1000 }),
      ]);
      const card = await scorecard(store, { today: AFTER });
      const later = card.entries.find((entry) => entry.objective.id === 'later')!;
      expect(later).toMatchObject({
        value: null,
        progress: null,
        projected: null,
        status: 'no_data',
        elapsed: 0,
        previous: undefined,
        yoy: undefined,
      });
      expect(later.sparkline.every((point) => point.value === null)).toBe(true);
      expect(card.return_on_objectives).toBe(1);
    });

    it('returns null RoO when no objective has a progress', async () => {
      await replaceAll([]);
      expect(await scorecard(store, { today: AFTER })).toEqual({
        today: AFTER,
        entries: [],
        return_on_objectives: null,
      });
    });

    it('intersects the scorecard filters with each objective’s', async () => {
      await replaceAll([
        objective('both', { target: 1000, filters: { platform: ['instagram', 'linkedin'] } }),
        objective('linkedin', { target: 100, filters: { platform: ['linkedin'] } }),
        objective('any', { target: 1000 }),
      ]);
      const byId = await entries(AFTER, { filters: { platform: ['instagram'] } });
      expect(byId.both.value).toBe(900); // instagram only: 300 + 600
      expect(byId.any.value).toBe(900);
      expect(byId.linkedin.status).toBe('no_data'); // linkedin ∩ instagram selects nothing
      expect((await entries(AFTER)).linkedin.value).toBe(100);
    });

    it('draws the sparkline by month over periods longer than 6 months', async () => {
      await replaceAll([
        objective('year', { target: 2000, period: { from: '2024-01-01', to: '2025-01-31' } }),
      ]);
      const { year } = await entries(AFTER);
      expect(year.sparkline).toHaveLength(13);
      expect(year.sparkline[0]).toEqual({ day: '2024-01-01', value: 250 });
      expect(year.sparkline[11]).toEqual({ day: '2024-12-01', value: 200 });
      expect(year.sparkline[12]).toEqual({ day: '2025-01-01', value: 1000 });
      expect(year.value).toBe(1450);
    });

    it('restricts to the ids asked for and refuses unknown ones', async () => {
      await replaceAll([objective('a', { target: 1000 }), objective('b', { target: 500 })]);
      const card = await scorecard(store, { today: AFTER, ids: ['b'] });
      expect(card.entries.map((entry) => entry.objective.id)).toEqual(['b']);
      await expect(scorecard(store, { today: AFTER, ids: ['zzz'] })).rejects.toThrow(
        /no objective with id "zzz"/,
      );
      await expect(scorecard(store, { today: '2025-13-01' })).rejects.toThrow(InputError);
    });
  });
});
