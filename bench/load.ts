// The scorecard under concurrent load, as `npm start` serves it: a real server in its own process on
// the demo store, autocannon on 127.0.0.1, GET /api/health beside it as the floor (same server, no
// store). Cached answers (the usual case: many people, few writes) and answers computed afresh for
// every request (every request a new question), then the server's memory across 10 000 requests.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemo } from '../src/demo/index.ts';
import { addDays, PLATFORMS, todayUtc } from '../src/model/index.ts';
import { createToken } from '../src/server/index.ts';
import { openStore } from '../src/store/index.ts';
import { printTable } from './harness.ts';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const MEMORY_REQUESTS = 10_000;
/** Another checkout to serve instead of this one (to measure the code before a change). */
const SERVER_ROOT = process.env.BENCH_SERVER_ROOT ?? join(import.meta.dirname, '..');

interface LoadResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
interface LoadOptions {
  url: string;
  connections: number;
  duration?: number;
  amount?: number;
  headers: Record<string, string>;
  requests?: { setupRequest: (request: { path: string }) => { path: string } }[];
}
const autocannon = createRequire(import.meta.url)('autocannon') as (
  options: LoadOptions,
) => Promise<LoadResult>;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** The demo store `npm start` generates, and an admin token to read it with. */
async function demoStore(): Promise<{ path: string; token: string }> {
  const path = join(mkdtempSync(join(tmpdir(), 'cadran-bench-load-')), 'cadran.duckdb');
  const store = await openStore(path);
  await generateDemo(store, { seed: 42, scale: 1 });
  const { secret } = await createToken(store, 'bench', 'admin');
  store.close();
  return { path, token: secret };
}

/** The command's entry point in a checkout: bin/cadran.cjs, or bin/cadran.js before it. */
function launcherOf(root: string): string {
  const current = join(root, 'bin', 'cadran.cjs');
  return existsSync(current) ? current : join(root, 'bin', 'cadran.js');
}

async function startServer(path: string, port: number): Promise<ChildProcess> {
  const server = spawn(
    process.execPath,
    [launcherOf(SERVER_ROOT), '--db', path, 'serve', '--port', String(port)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    server.once('exit', (code) => reject(new Error(`the server stopped (${code})`)));
    server.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Cadran on')) resolve();
    });
  });
  return server;
}

/** Resident memory of a process, in MB. */
function rssOf(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
  return Math.round(Number(line?.[1]) / 1024);
}

export async function benchLoad(): Promise<void> {
  const { path, token } = await demoStore();
  const port = await freePort();
  const server = await startServer(path, port);
  try {
    await measure(server, `http://127.0.0.1:${port}`, token);
  } finally {
    server.kill('SIGTERM');
  }
}

let asked = 0;
/**
 * A scorecard request not asked before in this run, as costly as the usual one: as of one of the
 * last 30 days, narrowed to one of the 63 sets of platforms (1 890 questions before any repeats).
 */
function newQuestion(): string {
  const day = addDays(todayUtc(), -(asked % 30));
  const set = (Math.floor(asked / 30) % 63) + 1;
  asked++;
  const platforms = PLATFORMS.filter((_, index) => set & (1 << index));
  return `/api/scorecard?today=${day}&platform=${platforms.join(',')}`;
}

async function measure(server: ChildProcess, base: string, token: string): Promise<void> {
  const headers = { authorization: `Bearer ${token}` };
  const started = rssOf(server.pid!);
  const load = (url: string, connections: number, more: Partial<LoadOptions> = {}) =>
    autocannon({
      url: `${base}${url}`,
      connections,
      duration: DURATION_S, // autocannon wants one even when `amount` ends the run
      headers,
      ...more,
    });
  const everyRequestNew = {
    requests: [
      { setupRequest: (request: { path: string }) => ({ ...request, path: newQuestion() }) },
    ],
  };
  const oneAtATime = async (path: () => string) => {
    const samples: number[] = [];
    for (let request = 0; request < 9; request++) {
      const begun = performance.now();
      await (await fetch(`${base}${path()}`, { headers })).text();
      samples.push(performance.now() - begun);
    }
    const sorted = samples.sort((a, b) => a - b);
    return { median_ms: sorted[4], min_ms: sorted[0], max_ms: sorted[8] };
  };
  const healthAlone = await oneAtATime(() => '/api/health');
  const firstAnswer = await oneAtATime(newQuestion);
  const rows = [];
  const row = (name: string, result: LoadResult) => {
    const line = {
      request: name,
      req_per_s: Math.round(result.requests.average),
      p50_ms: result.latency.p50,
      p99_ms: result.latency.p99,
      max_ms: result.latency.max,
      failed: result.non2xx + result.errors + result.timeouts,
    };
    process.stderr.write(`${JSON.stringify(line)}\n`);
    return line;
  };
  for (const connections of [10, 50]) {
    rows.push(
      row(`floor: /api/health, ${connections} conn.`, await load('/api/health', connections)),
    );
    rows.push(
      row(`/api/scorecard cached, ${connections} conn.`, await load('/api/scorecard', connections)),
    );
    rows.push(
      row(
        `/api/scorecard computed each time, ${connections} conn.`,
        await load('/api/scorecard', connections, everyRequestNew),
      ),
    );
  }
  const beforeMemory = rssOf(server.pid!);
  const memoryRun = await load('/api/scorecard', 50, {
    amount: MEMORY_REQUESTS,
  });
  const afterMemory = rssOf(server.pid!);
  printTable(
    `Scorecard under load: server in its own process on the demo store (scale 1), autocannon on 127.0.0.1, ${DURATION_S} s each`,
    rows,
  );
  printTable('Scorecard computed for a new question, one request at a time (9 requests)', [
    { request: '/api/scorecard, not cached', ...firstAnswer },
    { request: 'floor: /api/health', ...healthAlone },
  ]);
  printTable(`Server memory (RSS) around ${MEMORY_REQUESTS} cached scorecard requests, 50 conn.`, [
    {
      at_start_mb: started,
      before_mb: beforeMemory,
      after_mb: afterMemory,
      change: `${(((afterMemory - beforeMemory) / beforeMemory) * 100).toFixed(1)} %`,
      answered: memoryRun.requests.total,
      failed: memoryRun.non2xx + memoryRun.errors + memoryRun.timeouts,
    },
  ]);
}
