// GET /api/health round trips while a 1-million-row export is uploaded and imported, beside the same
// probe on the idle server (the floor). The probe and the upload run in this process, as clients of a
// server listening on loopback in this process too.
import { openAsBlob } from 'node:fs';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { buildApp, createToken } from '../src/server/index.ts';
import { openStore } from '../src/store/index.ts';
import { printTable } from './harness.ts';
import { exportFile, ga4Rows } from './imports.ts';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
const IDLE_MS = 5_000;
const PAUSE_MS = 10;
const GOAL_P99_MS = 50;

const percentile = (sorted: number[], share: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))];

/** Asks /api/health every PAUSE_MS until `until` settles; returns each round trip in ms. */
async function probeHealth(base: string, until: Promise<unknown>): Promise<number[]> {
  let done = false;
  void until.finally(() => (done = true));
  const samples: number[] = [];
  while (!done) {
    const started = performance.now();
    await (await fetch(`${base}/api/health`)).arrayBuffer();
    samples.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  }
  return samples.sort((a, b) => a - b);
}

function summary(name: string, samples: number[], durationMs: number, loop: IntervalHistogram) {
  return {
    while: name,
    requests: samples.length,
    seconds: durationMs / 1000,
    p50_ms: percentile(samples, 0.5),
    p99_ms: percentile(samples, 0.99),
    max_ms: samples[samples.length - 1],
    goal_p99_ms: GOAL_P99_MS,
    // How late the server's event loop ran its timers: the share of a round trip the server owes.
    loop_p99_ms: loop.percentile(99) / 1e6,
    loop_max_ms: loop.max / 1e6,
  };
}

export async function benchImportWhileReading(): Promise<void> {
  const path = await exportFile('ga4.csv', ga4Rows(ROWS));
  const folder = mkdtempSync(join(tmpdir(), 'cadran-bench-reading-'));
  const store = await openStore(join(folder, 'cadran.duckdb'));
  const app = await buildApp(store, { ingestEveryMs: 0, webDist: folder });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const token = (await createToken(store, 'bench', 'analyst')).secret;
  try {
    const idleLoop = monitorEventLoopDelay({ resolution: 10 });
    idleLoop.enable();
    let started = performance.now();
    const idle = await probeHealth(base, new Promise((resolve) => setTimeout(resolve, IDLE_MS)));
    const idleMs = performance.now() - started;
    idleLoop.disable();
    const importLoop = monitorEventLoopDelay({ resolution: 10 });
    importLoop.enable();
    const form = new FormData();
    form.append('file', await openAsBlob(path), 'ga4-report.csv');
    started = performance.now();
    const upload = fetch(`${base}/api/imports`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${token}` },
    }).then(async (response) => {
      const body = (await response.json()) as { rows?: number; error?: string };
      if (response.status !== 201) throw new Error(`import refused: ${body.error}`);
      return body.rows;
    });
    const busy = await probeHealth(base, upload);
    const importMs = performance.now() - started;
    const rows = await upload;
    importLoop.disable();
    printTable(
      `GET /api/health while a ${(statSync(path).size / 1e6).toFixed(0)} MB GA4 report of ${ROWS.toLocaleString('en-US')} rows is uploaded and imported (${rows?.toLocaleString('en-US')} rows landed), beside the idle server (floor)`,
      [
        summary('idle (floor)', idle, idleMs, idleLoop),
        summary('import', busy, importMs, importLoop),
      ],
    );
  } finally {
    await app.close();
    store.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
