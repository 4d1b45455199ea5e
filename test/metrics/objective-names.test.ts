// An objective can carry its name in each reader's language; the demo's objectives read English on an
// English scorecard and French on a French one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../src/demo/index.ts';
import {
  createObjective,
  listObjectives,
  parseObjective,
  updateObjective,
} from '../../src/metrics/objectives.ts';
import { InputError } from '../../src/model/index.ts';
import type { Store } from '../../src/store/index.ts';
import { emptyStore, engineStore, ENGINES } from '../engines.ts';

const QUARTER = { from: '2025-01-01', to: '2025-03-31' };
describe.each(ENGINES)('objective names per language, on %s', (engine) => {
  let store: Store;
  beforeAll(async () => {
    store = await emptyStore(engine);
  });
  afterAll(() => store.close());

  it('keeps an English and French name pair beside the name', async () => {
    await createObjective(store, {
      id: 'reach-q1',
      name: 'Portée T1',
      names: { en: 'Q1 reach', fr: 'Portée du T1' },
      kpi: 'reach',
      target: 1000,
      period: QUARTER,
      direction: 'increase',
      filters: {},
      baseline: null,
    });
    const [stored] = (await listObjectives(store)).filter((item) => item.id === 'reach-q1');
    expect(stored.name).toBe('Portée T1');
    expect(stored.names).toEqual({ en: 'Q1 reach', fr: 'Portée du T1' });
  });

  it('an objective without names has none, and one language alone is enough', async () => {
    const plain = parseObjective({ name: 'Reach', kpi: 'reach', target: 10, period: QUARTER });
    expect(plain.names).toBeUndefined();
    const updated = await updateObjective(store, 'reach-q1', { names: { en: 'Reach in Q1' } });
    expect(updated.names).toEqual({ en: 'Reach in Q1' });
    const [stored] = (await listObjectives(store)).filter((item) => item.id === 'reach-q1');
    expect(stored.names).toEqual({ en: 'Reach in Q1' });
  });

  it('refuses a names field that is not an en/fr pair, naming the field', () => {
    const attempt = () =>
      parseObjective({ name: 'R', kpi: 'reach', target: 10, period: QUARTER, names: { de: 'x' } });
    expect(attempt).toThrow(InputError);
    expect(attempt).toThrow(/field "names\.de": unknown field/);
  });

  it('the demo objectives are named in English and in French', async () => {
    const demo = await engineStore(engine, (duckdb) =>
      generateDemo(duckdb, { seed: 1, scale: 0.05, today: '2026-06-15' }),
    );
    try {
      const objectives = await listObjectives(demo);
      expect(objectives).toHaveLength(6);
      const nps = objectives.find((item) => item.kpi === 'nps')!;
      expect(nps.names).toEqual({ en: 'NPS this year', fr: 'NPS de l’année' });
      for (const objective of objectives) {
        expect(objective.names?.en).toMatch(/^[A-Za-z0-9 ]+$/);
        expect(objective.names?.fr).toBe(objective.name);
      }
    } finally {
      demo.close();
    }
  });
});
