// The admin's sentiment-model card in Chromium: retraining with the corrections runs on the server while the
// page follows it, then shows macro-F1 before and after on each validation set and language and the verdict,
// in English and in French. Small training sets (see brand-corrections.ts) keep it quick.
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModel, DEFAULT_TRAINING_DIR, validate } from '../../src/nlp/index.ts';
import type { RetrainSettings } from '../../src/server/retrain-jobs.ts';
import type { Store } from '../../src/store/index.ts';
import { KEPT_ROWS_PER_FILE, SMALL, storeWithCorrections } from '../nlp/brand-corrections.ts';
import { adminTab } from './browser.ts';
import { ensureWebBuilt, startServer, type RunningServer } from './server.ts';

interface Opened {
  store: Store;
  server: RunningServer;
  tab: Awaited<ReturnType<typeof adminTab>>;
}
const opened: Opened[] = [];

async function open(retrain: RetrainSettings, language: 'en' | 'fr'): Promise<Page> {
  const store = await storeWithCorrections();
  const server = await startServer(store, { retrain });
  const tab = await adminTab(server.base);
  opened.push({ store, server, tab });
  await tab.page.addInitScript(
    (chosen) => localStorage.setItem('cadran.language', chosen),
    language,
  );
  await tab.page.goto(`${server.base}/imports`);
  return tab.page;
}

/** The table's rows as text cells: set, language, comments, before, after, verdict. */
async function figureRows(page: Page): Promise<string[][]> {
  return page
    .locator('.model-figures tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => [...row.children].map((cell) => (cell.textContent ?? '').trim())),
    );
}

beforeAll(async () => {
  await ensureWebBuilt();
}, 300_000);
afterAll(async () => {
  for (const { store, server, tab } of opened) {
    await tab.browser.close();
    await server.close();
    store.close();
  }
});

describe.skipIf(!existsSync(DEFAULT_TRAINING_DIR))('the sentiment model card', () => {
  it('retrains with the corrections, shows before and after, and keeps a model no worse', async () => {
    const baseline = (await buildModel({ limit: KEPT_ROWS_PER_FILE, options: SMALL })).model;
    const page = await open({ baseline, limit: KEPT_ROWS_PER_FILE, options: SMALL }, 'en');
    const card = page.locator('.sentiment-model');
    await card.getByText('12 corrections stored').waitFor();
    await card.getByText('No model retrained with this brand’s corrections is kept.').waitFor();
    await card.getByRole('button', { name: 'Retrain with the corrections' }).click();
    await card.locator('.notice-info').waitFor(); // the phase, while the server trains
    await card.locator('.notice-ok').waitFor({ timeout: 120_000 });
    expect(await card.locator('.notice-ok').textContent()).toContain('Kept');
    // Before = the baseline's macro-F1 on each validation set and language, to 3 decimals, as computed here.
    const expected = (await validate(baseline)).filter((group) => group.lang !== 'all');
    const rows = await figureRows(page);
    expect(rows.map((row) => [row[0], row[2], row[3], row[5]])).toEqual(
      expected.map((group) => [
        group.set,
        group.n.toLocaleString('en-US'),
        group.macroF1.toFixed(3),
        'no worse',
      ]),
    );
    expect(rows.map((row) => row[1])).toEqual(
      expected.map((group) => (group.lang === 'fr' ? 'French' : 'English')),
    );
    // The page reloads the model's state: the retrained one is now kept.
    await card.getByText(/A model retrained with this brand’s corrections was kept on/).waitFor();
  }, 240_000);

  it('in French, refuses a model trained on too few rows, on the set where it is worse', async () => {
    // The shipped model against one trained on 40 rows per file (CADRAN_RETRAIN_ROWS_PER_FILE's cap).
    process.env.CADRAN_RETRAIN_ROWS_PER_FILE = '40';
    try {
      const page = await open({ options: SMALL }, 'fr');
      const card = page.locator('.sentiment-model');
      await card.getByRole('button', { name: 'Réentraîner avec les corrections' }).click();
      await card.locator('.notice-error').waitFor({ timeout: 120_000 });
      expect(await card.locator('.notice-error').textContent()).toMatch(/^Refusé/);
      const rows = await figureRows(page);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.some((row) => row[5] === 'moins bien')).toBe(true);
      // French numbers: a decimal comma.
      expect(rows[0][3]).toMatch(/^0,\d{3}$/);
      await card
        .getByText('Aucun modèle réentraîné avec les corrections de la marque n’est conservé.')
        .waitFor();
    } finally {
      delete process.env.CADRAN_RETRAIN_ROWS_PER_FILE;
    }
  }, 240_000);
});
