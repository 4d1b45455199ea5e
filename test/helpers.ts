import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFile } from '../src/ingest/index.ts';
import { queryKpis, type KpiRequest } from '../src/metrics/index.ts';
import { openStore, type Store } from '../src/store/index.ts';

export const fixture = (...parts: string[]) => join(import.meta.dirname, 'fixtures', ...parts);

export async function tempStore(): Promise<Store> {
  return openStore(join(mkdtempSync(join(tmpdir(), 'cadran-test-')), 'cadran.duckdb'));
}

/** A store holding every CSV of a fixture folder (accounts first, so posts know their owners). */
export async function storeWith(folder: string): Promise<Store> {
  const store = await tempStore();
  const files = readdirSync(fixture(folder))
    .filter((name) => name.endsWith('.csv'))
    .sort(
      (a, b) => Number(b === 'accounts.csv') - Number(a === 'accounts.csv') || a.localeCompare(b),
    );
  for (const file of files) await importFile(store, fixture(folder, file));
  return store;
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
