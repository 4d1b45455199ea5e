// How long `cadran` takes to start: --help, one KPI as JSON on the demo store, and the first HTTP
// answer after `cadran serve`, each beside a floor (bare node; node with DuckDB; node, DuckDB and
// http) measured in the same run.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { buildCli, cliIsStale } from '../scripts/build-cli.mjs';
import { freePort, printTable } from './harness.ts';

const root = join(import.meta.dirname, '..');
const cadran = join(root, 'bin', 'cadran.cjs');
const STORE = join(import.meta.dirname, '.cache', 'startup-demo-seed42-scale1.duckdb');
const RUNS = 7;
const SERVER_START_TIMEOUT_MS = 60_000;

const KPI_ARGS = [
  'kpi',
  'engagement_rate_impressions',
  'nps',
  '--from',
  '2025-01-01',
  '--to',
  '2025-03-31',
  '--by',
  'platform',
  '--compare',
  'yoy',
  '--json',
];

// The floors: node, DuckDB's native layer (no JavaScript wrapper) and an HTTP server, before any of
// Cadran's code runs.
const DUCKDB_QUERY = `import duckdb from '@duckdb/node-bindings';
const connection = await duckdb.connect(await duckdb.open(process.argv[1]));
const count = async () => duckdb.data_chunk_get_size(await duckdb.fetch_chunk(await duckdb.query(connection, 'SELECT count(*) FROM posts')));`;
const DUCKDB_FLOOR = `${DUCKDB_QUERY}
process.stdout.write(String(await count()));`;
const HTTP_FLOOR = `${DUCKDB_QUERY}
import { createServer } from 'node:http';
createServer(async (request, response) => response.end(String(await count()))).listen(Number(process.argv[2]), '127.0.0.1');`;

/** Wall-clock time, and the CPU time the process used: the figure other jobs on the machine skew least. */
interface Run {
  wall: number;
  cpu: number;
}

const middle = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];

function summarise(runs: Run[]) {
  return {
    median_ms: middle(runs.map((run) => run.wall)),
    min_ms: Math.min(...runs.map((run) => run.wall)),
    cpu_median_ms: middle(runs.map((run) => run.cpu)),
  };
}

const COMMAND_TIMEOUT_MS = 60_000;

// GNU time reports the command's own user and system CPU seconds.
function timeCommand(command: string[]): Run {
  const started = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', 'cpu %U %S', process.execPath, ...command], {
    cwd: root,
    encoding: 'utf8',
    // A command that waits on something (a lock, a socket) fails the bench instead of hanging it.
    timeout: COMMAND_TIMEOUT_MS,
  });
  const wall = performance.now() - started;
  if (result.error) throw new Error(`${command.join(' ')} did not finish: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command.join(' ')} failed: ${result.stderr}`);
  const [, user, system] = /cpu (\S+) (\S+)\s*$/.exec(result.stderr) ?? [];
  return { wall, cpu: (Number(user) + Number(system)) * 1000 };
}

/** CPU milliseconds a running process has used so far (Linux: utime + stime, in ticks of 10 ms). */
function cpuSoFar(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function answers(port: number, path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const call = request({ host: '127.0.0.1', port, path }, (response) => {
      response.resume();
      resolve(response.statusCode !== undefined && response.statusCode < 500);
    });
    call.on('error', () => resolve(false));
    call.end();
  });
}

/** From spawning the server to its first HTTP answer, polling every 5 ms. */
async function timeFirstResponse(command: (port: number) => string[], path: string) {
  const port = await freePort();
  const started = performance.now();
  const server = spawn(process.execPath, command(port), { cwd: root, stdio: 'ignore' });
  try {
    await untilAnswering(server, port, path, 5);
    return { wall: performance.now() - started, cpu: cpuSoFar(server.pid!) };
  } finally {
    await stopped(server);
  }
}

/** Polls until the server answers; fails, rather than waits for ever, if it exits or stays silent. */
async function untilAnswering(server: ChildProcess, port: number, path: string, everyMs: number) {
  const deadline = performance.now() + SERVER_START_TIMEOUT_MS;
  while (!(await answers(port, path))) {
    if (server.exitCode !== null || server.signalCode !== null)
      throw new Error(`${server.spawnargs.join(' ')} exited before answering`);
    if (performance.now() > deadline)
      throw new Error(
        `${server.spawnargs.join(' ')} did not answer ${path} within ${SERVER_START_TIMEOUT_MS / 1000} s`,
      );
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

async function stopped(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
}

/** Runs the work while `cadran serve` holds the store. */
async function whileServing<T>(work: () => Promise<T>): Promise<T> {
  const port = await freePort();
  const server = spawn(process.execPath, [cadran, '--db', STORE, 'serve', '--port', String(port)], {
    cwd: root,
    stdio: 'ignore',
  });
  try {
    await untilAnswering(server, port, '/api/auth/state', 20);
    return await work();
  } finally {
    await stopped(server);
  }
}

async function sample(work: () => Run | Promise<Run>) {
  await work(); // warm-up: the file system cache
  const runs: Run[] = [];
  for (let run = 0; run < RUNS; run++) runs.push(await work());
  return summarise(runs);
}

export async function benchStartup(): Promise<void> {
  if (cliIsStale()) await buildCli();
  if (!existsSync(STORE)) {
    mkdirSync(join(import.meta.dirname, '.cache'), { recursive: true });
    timeCommand([cadran, '--db', STORE, 'demo', '--seed', '42', '--scale', '1']);
  }
  const node = await sample(() => timeCommand(['-e', '0']));
  const duckdb = await sample(() =>
    timeCommand(['--input-type=module', '-e', DUCKDB_FLOOR, STORE]),
  );
  const http = await sample(() =>
    timeFirstResponse(
      (port) => ['--input-type=module', '-e', HTTP_FLOOR, STORE, String(port)],
      '/',
    ),
  );
  const rows: Record<string, string | number>[] = [
    { name: 'floor: node -e 0', goal_ms: '', ...node },
    {
      name: 'cadran --help',
      goal_ms: 300,
      ...(await sample(() => timeCommand([cadran, '--help']))),
    },
    { name: 'floor: node + DuckDB (native layer) open + one query', goal_ms: '', ...duckdb },
    {
      name: 'cadran kpi (2 KPIs × platform, YoY) --json',
      goal_ms: 800,
      ...(await sample(() => timeCommand([cadran, '--db', STORE, ...KPI_ARGS]))),
    },
    { name: 'floor: node + DuckDB + http, first answer', goal_ms: '', ...http },
    {
      name: 'cadran serve, first answer (/api/auth/state)',
      goal_ms: 1500,
      ...(await sample(() =>
        timeFirstResponse(
          (port) => [cadran, '--db', STORE, 'serve', '--port', String(port)],
          '/api/auth/state',
        ),
      )),
    },
  ];
  rows.push({
    name: 'cadran kpi, same command handed to a running server',
    goal_ms: '',
    ...(await whileServing(() => sample(() => timeCommand([cadran, '--db', STORE, ...KPI_ARGS])))),
  });
  printTable(
    `Start-up, ms from spawn, and CPU ms of the process started (${RUNS} runs, demo store at scale 1, compiled build, load ${loadavg()[0].toFixed(1)})`,
    rows,
  );
}
