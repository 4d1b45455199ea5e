import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFile } from '../src/ingest/index.ts';
import { queryKpis, type KpiRequest } from '../src/metrics/index.ts';
import { openStore, TABLES, type Store } from '../src/store/index.ts';

export const fixture = (...parts: string[]) => join(import.meta.dirname, 'fixtures', ...parts);

/** A real DuckDB file in a fresh temporary folder. */
export async function tempStore(): Promise<Store> {
  return openStore(join(mkdtempSync(join(tmpdir(), 'cadran-test-')), 'cadran.duckdb'));
}

/** A store holding every CSV of a fixture folder (accounts first, so posts know their owners). */
export async function storeWith(folder: string): Promise<Store> {
  const store = await tempStore();
  await importFolder(store, folder);
  return store;
}

/** Imports every CSV of a fixture folder, accounts first. */
export async function importFolder(store: Store, folder: string): Promise<void> {
  const files = readdirSync(fixture(folder))
    .filter((name) => name.endsWith('.csv'))
    .sort(
      (a, b) => Number(b === 'accounts.csv') - Number(a === 'accounts.csv') || a.localeCompare(b),
    );
  for (const file of files) await importFile(store, fixture(folder, file));
}

/**
 * Tracked links are written by Cadran itself (not importable): one link in post p1 of the kpis
 * fixture, with two human clicks and one bot in January 2025.
 */
export async function addTrackedClicks(store: Store): Promise<void> {
  await store.transaction(async (tx) => {
    await tx.append(
      'links',
      ['code', 'target_url', 'platform', 'campaign', 'post_id', 'created_at'],
      [
        [
          'aube',
          'https://maisonlumen.fr/aube?utm_source=instagram',
          'instagram',
          'spring',
          'p1',
          Date.UTC(2025, 0, 9),
        ],
      ],
    );
    await tx.append(
      'clicks',
      ['click_id', 'code', 'clicked_at', 'device', 'is_bot'],
      [
        ['k1', 'aube', Date.UTC(2025, 0, 10, 12), 'mobile', false],
        ['k2', 'aube', Date.UTC(2025, 0, 11, 12), 'desktop', false],
        ['k3', 'aube', Date.UTC(2025, 0, 11, 12, 1), 'bot', true],
      ],
    );
  });
}

/** Rows in every canonical table (imports included), to prove a refused import wrote nothing. */
export async function tableCounts(store: Store): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const [{ rows }] = await store.all(`SELECT count(*) AS rows FROM "${table.name}"`);
    counts[table.name] = Number(rows);
  }
  return counts;
}

/** The value of one KPI without breakdown. */
export async function valueOf(
  store: Store,
  id: string,
  request: Omit<KpiRequest, 'kpis'>,
): Promise<number | null> {
  const response = await queryKpis(store, { ...request, kpis: [id] });
  return response.results[0].rows[0].value;
}

export async function rowsOf(store: Store, id: string, request: Omit<KpiRequest, 'kpis'>) {
  const response = await queryKpis(store, { ...request, kpis: [id] });
  return response.results[0].rows.map((row) => [row.key, row.value]);
}
