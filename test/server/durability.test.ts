// A click that got its 302 is never lost: load the real server, SIGKILL it, empty its temporary
// folder (as a reboot or a service manager's private /tmp does), restart, count. On ClickHouse the
// click log lives in the state folder, since no store file is there to sit beside.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { openStore } from '../../src/store/index.ts';
import { ENGINES, type EngineName } from '../engines.ts';

const root = join(import.meta.dirname, '..', '..');
const cli = join(root, 'bin', 'cadran.cjs');
const CHROME =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The server with a temporary folder of its own. */
function startServer(db: string, port: number, temporary: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [cli, '--db', db, 'serve', '--port', String(port)], {
    cwd: root,
    env: { ...process.env, TMPDIR: temporary },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on(
      'data',
      (chunk: Buffer) => chunk.toString().includes('Cadran on ') && resolve(child),
    );
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

/** Clicks as fast as 32 connections allow until stopped; counts the 302s that came back. */
function load(port: number, agent: http.Agent) {
  let redirected = 0;
  let running = true;
  const click = (): Promise<void> =>
    new Promise((resolve) => {
      const request = http.get(
        { host: '127.0.0.1', port, path: '/l/durable', agent, headers: { 'user-agent': CHROME } },
        (response) => {
          if (response.statusCode === 302) redirected++;
          response.resume();
          response.on('end', resolve);
        },
      );
      request.on('error', () => resolve());
    });
  const workers = Array.from({ length: 32 }, async () => {
    while (running) await click();
  });
  return { stop: async () => ((running = false), await Promise.all(workers), redirected) };
}

/** A store location the command line opens: a DuckDB file, or a new ClickHouse database. */
const freshLocation = (engine: EngineName) =>
  engine === 'duckdb'
    ? join(mkdtempSync(join(tmpdir(), 'cadran-kill-')), 'cadran.duckdb')
    : `${process.env.CADRAN_TEST_CLICKHOUSE}/cadran_${randomUUID().replaceAll('-', '')}`;

describe.each(ENGINES)('%s: click durability', (engine) => {
  it('every click answered with a 302 is in the store after a SIGKILL, an emptied temporary folder and a restart', async () => {
    const db = freshLocation(engine);
    const created = spawnSync(
      process.execPath,
      [
        cli,
        '--db',
        db,
        'links',
        'add',
        'https://lumen.fr/aube',
        '--campaign',
        'spring',
        '--source',
        'instagram',
        '--code',
        'durable',
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect(created.status).toBe(0);
    const port = await freePort();
    const temporary = mkdtempSync(join(tmpdir(), 'cadran-tmp-'));
    const server = await startServer(db, port, temporary);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
    const traffic = load(port, agent);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    server.kill('SIGKILL');
    const redirected = await traffic.stop();
    agent.destroy();
    await new Promise((resolve) => server.once('exit', resolve));
    rmSync(temporary, { recursive: true });

    // replays the click log before listening
    const restarted = await startServer(
      db,
      await freePort(),
      mkdtempSync(join(tmpdir(), 'cadran-tmp-')),
    );
    restarted.kill('SIGTERM');
    await new Promise((resolve) => restarted.once('exit', resolve));
    const store = await openStore(db);
    const [{ stored }] = await store.all(
      "SELECT count(*) AS stored FROM clicks WHERE code = 'durable' AND NOT is_bot",
    );
    store.close();
    expect(redirected).toBeGreaterThan(100);
    expect(stored).toBeGreaterThanOrEqual(redirected);
    // a click whose 302 was lost with the kill may be stored too, but no more than a connection's worth each
    expect(stored).toBeLessThanOrEqual(redirected + 32);
  }, 60_000);
});
