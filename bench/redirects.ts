// Tracked-link redirects under load (autocannon in its own process, 127.0.0.1 only, 10 s each),
// beside the same server's bare 302 route that records nothing (the floor).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, createLink } from '../src/server/index.ts';
import { openStore } from '../src/store/index.ts';
import { printTable } from './harness.ts';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 100;
const autocannonBin = join(
  createRequire(import.meta.url).resolve('autocannon/package.json'),
  '..',
  'autocannon.js',
);

export interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}

/** autocannon runs in a child process, asynchronously: the server under test shares this event loop. */
export async function hammer(
  url: string,
  { connections = CONNECTIONS, seconds = DURATION_S, headers = {} as Record<string, string> } = {},
): Promise<AutocannonResult> {
  const headerArgs = Object.entries(headers).flatMap(([name, value]) => ['-H', `${name}=${value}`]);
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [autocannonBin, '-c', String(connections), '-d', String(seconds), ...headerArgs, '-j', url],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return JSON.parse(stdout) as AutocannonResult;
}

export async function benchRedirects(): Promise<void> {
  const store = await openStore(
    join(mkdtempSync(join(tmpdir(), 'cadran-bench-links-')), 'cadran.duckdb'),
  );
  const link = await createLink(
    store,
    {
      url: 'https://maisonlumen.fr/aube',
      campaign: 'bench',
      source: 'linkedin',
      code: 'bench-link',
    },
    'bench',
  );
  const app = await buildApp(store);
  app.get('/bare/:code', (_request, reply) => reply.redirect(link.target_url, 302));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as { port: number };
  const floor = await hammer(`http://127.0.0.1:${port}/bare/bench-link`);
  const tracked = await hammer(`http://127.0.0.1:${port}/l/bench-link`);
  await app.close();
  const [{ stored }] = await store.all(
    "SELECT count(*) AS stored FROM clicks WHERE code = 'bench-link'",
  );
  store.close();
  const row = (name: string, result: AutocannonResult, goal: string) => ({
    route: name,
    req_per_s: Math.round(result.requests.average),
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    responses: result.requests.total,
    x_floor: Math.round((floor.requests.average / result.requests.average) * 10) / 10,
    goal,
  });
  printTable(
    `Redirects, ${CONNECTIONS} connections, ${DURATION_S} s each, autocannon on 127.0.0.1 (clicks stored: ${stored})`,
    [
      row('/l/CODE: 302 after the click is fsync-logged', tracked, '≥ 10 000 req/s, p99 < 20 ms'),
      row('floor: bare 302, nothing recorded', floor, ''),
    ],
  );
}
