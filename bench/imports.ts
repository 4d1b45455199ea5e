// Importing large platform exports: rows/s of a 1-million-row X export and GA4 report, beside the
// time DuckDB's own CSV reader takes to load the same file into a table (the floor).
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { importPath } from '../src/ingest/index.ts';
import { openStore } from '../src/store/index.ts';
import { printTable, time } from './harness.ts';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
const RUNS = 3;
const GOAL_ROWS_PER_SECOND = 300_000;
const X_HEADER =
  '"Tweet id","Tweet permalink","Tweet text","time","impressions","engagements","engagement rate","retweets","replies","likes","user profile clicks","url clicks","hashtag clicks","detail expands","permalink clicks","app opens","app installs","follows","email tweet","dial phone","media views","media engagements","promoted impressions","promoted engagements","promoted engagement rate","promoted retweets","promoted replies","promoted likes"';
const GA4_PREAMBLE = [
  '# ----------------------------------------',
  '# Traffic acquisition: Session source / medium',
  '# Start date: 20230101',
  '# End date: 20251231',
  '# ----------------------------------------',
  '',
];
const GA4_HEADER =
  'Date,Session source / medium,Session campaign,Sessions,Total users,Engaged sessions,Engagement rate,Event count,Key events,Total revenue';

/** A deterministic pseudo-random sequence (same file every run). */
function seeded(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
}

async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  let chunk: string[] = [];
  for (const line of lines) {
    chunk.push(line);
    if (chunk.length === 10_000) {
      if (!out.write(`${chunk.join('\n')}\n`))
        await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      chunk = [];
    }
  }
  out.end(chunk.length ? `${chunk.join('\n')}\n` : '');
  await new Promise<void>((resolve) => out.once('finish', () => resolve()));
}

export function* xRows(count: number): Iterable<string> {
  const random = seeded(42);
  yield X_HEADER;
  const start = Date.UTC(2023, 0, 1);
  for (let index = 0; index < count; index++) {
    const id = String(1_600_000_000_000_000_000n + BigInt(index));
    const time = new Date(start + index * 60_000).toISOString().replace('T', ' ').slice(0, 16);
    const impressions = Math.floor(random() * 50_000);
    const counts = Array.from({ length: 16 }, () => String(Math.floor(random() * 200)));
    const text =
      index % 10 === 0 ? `Post ${index}, with a comma\nand a second line` : `Post ${index} #lumen`;
    const cells = [
      id,
      `https://twitter.com/lumen/status/${id}`,
      text,
      `${time} +0000`,
      String(impressions),
      counts[0],
      '0.012',
      ...counts.slice(1, 16),
      '-',
      '-',
      '-',
      '-',
      '-',
      '-',
    ];
    yield cells.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(',');
  }
}

export function* ga4Rows(count: number): Iterable<string> {
  const random = seeded(7);
  yield* GA4_PREAMBLE;
  yield GA4_HEADER;
  const sources = [
    'instagram / social',
    'l.facebook.com / referral',
    't.co / referral',
    'linkedin / social',
    'google / organic',
    '(direct) / (none)',
  ];
  const start = Date.UTC(2023, 0, 1);
  for (let index = 0; index < count; index++) {
    const day = new Date(start + Math.floor(index / 1000) * 86_400_000)
      .toISOString()
      .slice(0, 10)
      .replaceAll('-', '');
    const source = `${sources[index % sources.length]}`;
    const campaign = `campaign_${Math.floor((index % 1000) / sources.length)}`;
    const sessions = 1 + Math.floor(random() * 500);
    const keyEvents = index % 20 === 0 ? 1 : 0;
    yield [
      day,
      source,
      campaign,
      sessions,
      Math.floor(sessions * 0.9),
      Math.floor(sessions * 0.6),
      '0.6',
      sessions * 7,
      keyEvents,
      keyEvents ? '49.90' : '0',
    ].join(',');
  }
}

export async function exportFile(name: string, lines: Iterable<string>): Promise<string> {
  const path = join(tmpdir(), `cadran-bench-${ROWS}-${name}`);
  if (!existsSync(path)) await writeLines(path, lines);
  return path;
}

async function timeImport(path: string) {
  const folder = mkdtempSync(join(tmpdir(), 'cadran-bench-import-'));
  let run = 0;
  let reader = '';
  const timing = await time(
    `import ${path.split('/').pop()}`,
    async () => {
      const store = await openStore(join(folder, `run${run++}.duckdb`));
      try {
        const [summary] = await importPath(store, path);
        reader = summary.reader ?? '';
      } finally {
        store.close();
      }
    },
    RUNS,
  );
  rmSync(folder, { recursive: true, force: true });
  return { ...timing, reader };
}

async function timeDuckDbFloor(path: string, skip: number) {
  const folder = mkdtempSync(join(tmpdir(), 'cadran-bench-floor-'));
  let run = 0;
  const timing = await time(
    'floor: DuckDB read_csv into a table',
    async () => {
      const instance = await DuckDBInstance.create(join(folder, `run${run++}.duckdb`));
      const connection = await instance.connect();
      await connection.run(
        `CREATE TABLE loaded AS SELECT * FROM read_csv('${path}', header = true, skip = ${skip})`,
      );
      connection.closeSync();
      instance.closeSync();
    },
    RUNS,
  );
  rmSync(folder, { recursive: true, force: true });
  return timing;
}

export async function benchImports(): Promise<void> {
  const files = [
    { name: 'X post activity', path: await exportFile('tweet_activity.csv', xRows(ROWS)), skip: 0 },
    {
      name: 'GA4 report',
      path: await exportFile('ga4.csv', ga4Rows(ROWS)),
      skip: GA4_PREAMBLE.length,
    },
  ];
  const rows = [];
  for (const file of files) {
    const imported = await timeImport(file.path);
    const floor = await timeDuckDbFloor(file.path, file.skip);
    const rowsPerSecond = ROWS / (imported.median_ms / 1000);
    rows.push({
      export: file.name,
      reader: imported.reader,
      mb: statSync(file.path).size / 1e6,
      median_ms: imported.median_ms,
      rows_per_s: Math.round(rowsPerSecond),
      floor_ms: floor.median_ms,
      floor_rows_per_s: Math.round(ROWS / (floor.median_ms / 1000)),
      x_floor: imported.median_ms / floor.median_ms,
      goal_rows_per_s: GOAL_ROWS_PER_SECOND,
      verdict: rowsPerSecond >= GOAL_ROWS_PER_SECOND ? 'ok' : 'SLOW',
    });
  }
  printTable(
    `Importing ${ROWS.toLocaleString('en-US')}-row exports into a fresh store (medians of ${RUNS} warm runs; floor: DuckDB's read_csv of the same file)`,
    rows,
  );
}
