// `cadran` commands typed while `cadran serve` holds the store run in the server, and the server
// sees what they changed on its very next request.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const fixtures = join(root, 'test', 'fixtures', 'cli');
const folder = mkdtempSync(join(tmpdir(), 'cadran-shared-'));
const db = join(folder, 'cadran.duckdb');

function cadran(args: string[], input?: string) {
  const result = spawnSync(
    process.execPath,
    [join(root, 'bin', 'cadran.cjs'), '--db', db, ...args],
    {
      encoding: 'utf8',
      cwd: root,
      input,
    },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

let server: ChildProcess;
let kpiThroughServer = '';
let base: string;

async function startServe(): Promise<void> {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(
    process.execPath,
    [join(root, 'bin', 'cadran.cjs'), '--db', db, 'serve', '--port', String(port)],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    server.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ctrl-C stops it.')) resolve();
    });
    server.once('exit', (code) => reject(new Error(`serve exited ${code}: ${output}`)));
  });
}

async function login(email: string, password: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(response.status).toBe(200);
  return response.headers.get('set-cookie')!.split(';')[0];
}

const engagementsJanuary = (cookie: string) =>
  fetch(`${base}/api/kpi?ids=engagements&from=2025-01-01&to=2025-01-31`, {
    headers: { cookie },
  });

describe('the command line and a running server share the store', () => {
  beforeAll(startServe, 60_000);
  afterAll(() => {
    server?.kill('SIGTERM');
  });

  it('listens on a socket next to the store that only its owner can open', () => {
    const socket = statSync(`${db}.sock`);
    expect(socket.isSocket()).toBe(true);
    expect(socket.mode & 0o777).toBe(0o600);
  });

  it('adds users through the server, reading the password from standard input', () => {
    const admin = cadran(
      ['users', 'add', '--admin', 'ana@lumen.fr', '--password-stdin'],
      'admin-password-1\n',
    );
    expect(admin).toMatchObject({ code: 0, stderr: '' });
    expect(admin.stdout).toBe('ana@lumen.fr can log in as admin.\n');
    const analyst = cadran(
      ['users', 'add', '--role', 'analyst', 'leo@lumen.fr', '--password-stdin'],
      'analyst-password-1',
    );
    expect(analyst.code).toBe(0);
  });

  it('imports files the server reads, and the server counts them at once', async () => {
    const cookie = await login('ana@lumen.fr', 'admin-password-1');
    const before = await (await engagementsJanuary(cookie)).json();
    expect(before.results[0].rows[0].value).toBeNull(); // nothing imported yet
    const imported = cadran([
      'import',
      ...['accounts', 'posts', 'post_metrics'].map((name) => join(fixtures, `${name}.csv`)),
    ]);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('posts.csv: format cadran-csv/posts\n  2 rows (2 posts)');
    const after = await (await engagementsJanuary(cookie)).json();
    expect(after.results[0].rows[0].value).toBe(66); // p1 in January: 50 + 10 + 4 + 2
  });

  it('computes KPIs through the server, with the same output and exit codes', () => {
    const kpi = cadran([
      'kpi',
      'engagements',
      '--from',
      '2025-01-01',
      '--to',
      '2025-01-31',
      '--json',
    ]);
    expect(kpi).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(kpi.stdout).results[0].rows[0].value).toBe(66); // 50 + 10 + 4 + 2
    kpiThroughServer = kpi.stdout;
    const unknown = cadran(['kpi', 'likes_per_moon', '--from', '2025-01-01', '--to', '2025-01-31']);
    expect(unknown).toMatchObject({ code: 1, stdout: '' });
    expect(unknown.stderr).toBe(
      'error: unknown KPI "likes_per_moon" (see `cadran kpis` for the list)\n',
    );
  });

  it('disables a user whose session the server then refuses', async () => {
    const cookie = await login('leo@lumen.fr', 'analyst-password-1');
    expect((await engagementsJanuary(cookie)).status).toBe(200);
    const disabled = cadran(['users', 'disable', 'leo@lumen.fr']);
    expect(disabled).toMatchObject({ code: 0, stdout: 'leo@lumen.fr can no longer log in.\n' });
    expect((await engagementsJanuary(cookie)).status).toBe(401);
  });

  it('turns off a link that the server then stops redirecting', async () => {
    const added = cadran([
      'links',
      'add',
      'https://maisonlumen.fr/aube',
      '--campaign',
      'spring',
      '--source',
      'linkedin',
      '--code',
      'aube-1',
    ]);
    expect(added.code).toBe(0);
    const before = await fetch(`${base}/l/aube-1`, { redirect: 'manual' });
    expect(before.status).toBe(302);
    expect(cadran(['links', 'disable', 'aube-1'])).toMatchObject({
      code: 0,
      stdout: 'link aube-1 turned off\n',
    });
    const after = await fetch(`${base}/l/aube-1`, { redirect: 'manual' });
    expect(after.status).toBe(410);
  });

  it('refuses a second server on the same store with a clear message', () => {
    const second = cadran(['serve', '--port', '1']);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(
      /^error: the store .*cadran\.duckdb is in use by another program \(pid \d+/,
    );
  });

  it('opens the store itself once the server stopped, printing the same', async () => {
    const stopped = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await stopped;
    expect(() => statSync(`${db}.sock`)).toThrow(); // the server removed its socket
    const kpi = cadran([
      'kpi',
      'engagements',
      '--from',
      '2025-01-01',
      '--to',
      '2025-01-31',
      '--json',
    ]);
    expect(kpi).toMatchObject({ code: 0, stderr: '', stdout: kpiThroughServer });
  });

  it('names the program that holds the store when it is not a Cadran server', async () => {
    const holder = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { DuckDBInstance } from '@duckdb/node-api';
         await DuckDBInstance.create(${JSON.stringify(db)});
         process.stdout.write('held\\n');
         setInterval(() => {}, 1000);`,
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise((resolve) => holder.stdout!.once('data', resolve));
    try {
      const kpi = cadran(['kpi', 'engagements']);
      expect(kpi.code).toBe(1);
      expect(kpi.stderr).toBe(
        `error: the store ${db} is in use by another program (pid ${holder.pid}, ${process.execPath}); stop it, or choose another store with --db\n`,
      );
    } finally {
      holder.kill('SIGTERM');
    }
  });
});
