// The report of the last full quarter on the demo data set (scale 1, what `npm start` serves): PDF end to
// end beside Chromium printing an empty page (launch, load, print: the floor), HTML alone, the data alone.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemo } from '../src/demo/index.ts';
import { addDays, todayUtc } from '../src/model/index.ts';
import { buildReport, closeChromium, gatherReport, printPdf } from '../src/report/index.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { printTable, time, type Timing } from './harness.ts';

const CACHE = join(import.meta.dirname, '.cache');
const RUNS = 5;

async function demoStore(): Promise<Store> {
  const path = join(CACHE, `reports-demo-seed42-scale1-${todayUtc()}.duckdb`);
  const fresh = !existsSync(path);
  mkdirSync(CACHE, { recursive: true });
  const store = await openStore(path);
  if (fresh) await generateDemo(store, { seed: 42, scale: 1 });
  return store;
}

/** The last complete quarter before today. */
function lastQuarter(today: string): { from: string; to: string } {
  const [year, month] = today.split('-').map(Number);
  const start = new Date(Date.UTC(year, Math.floor((month - 1) / 3) * 3 - 3, 1));
  const from = start.toISOString().slice(0, 10);
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 3, 1));
  return { from, to: addDays(end.toISOString().slice(0, 10), -1) };
}

const row = (timing: Timing, floor: Timing | null) => ({
  what: timing.name,
  'median ms': Math.round(timing.median_ms),
  'min ms': Math.round(timing.min_ms),
  'floor ms': floor ? Math.round(floor.median_ms) : '',
});

export async function benchReports(): Promise<void> {
  const store = await demoStore();
  const period = lastQuarter(todayUtc());
  const EMPTY = '<!doctype html><p></p>';
  const report = (format: 'pdf' | 'html') => buildReport(store, { ...period, lang: 'fr', format });
  try {
    const coldFloor = await time(
      'Chromium launched, prints an empty page',
      async () => {
        await closeChromium();
        await printPdf(EMPTY);
      },
      RUNS,
    );
    const cold = await time(
      'PDF report, Chromium launched for it (cadran report)',
      async () => {
        await closeChromium();
        await report('pdf');
      },
      RUNS,
    );
    const warmFloor = await time(
      'Chromium running, prints an empty page',
      () => printPdf(EMPTY),
      RUNS,
    );
    const warm = await time(
      'PDF report, Chromium running (cadran serve)',
      () => report('pdf'),
      RUNS,
    );
    const html = await time('HTML report', () => report('html'), RUNS);
    const data = await time(
      'its data alone (KPI queries)',
      () => gatherReport(store, period),
      RUNS,
    );
    printTable(
      `Reports of ${period.from} → ${period.to} on the demo data set (scale 1), medians of ${RUNS} warm runs; goal: PDF ≤ 3 000 ms`,
      [row(cold, coldFloor), row(warm, warmFloor), row(html, null), row(data, null)],
    );
  } finally {
    await closeChromium();
    store.close();
  }
}
