// What reading the caller from the store at every request costs (no cache, so a revocation holds at
// once): /api/health with a session cookie or an API token, beside the same route without credentials
// (the floor, no lookup). autocannon in its own process, 127.0.0.1 only.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, createToken, createUser } from '../src/server/index.ts';
import { openStore } from '../src/store/index.ts';
import { printTable } from './harness.ts';
import { hammer, type AutocannonResult } from './redirects.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 20;

export async function benchAuth(): Promise<void> {
  const store = await openStore(
    join(mkdtempSync(join(tmpdir(), 'cadran-bench-auth-')), 'cadran.duckdb'),
  );
  await createUser(store, { email: 'bench@lumen.fr', password: 'bench password', role: 'admin' });
  const app = await buildApp(store, { ingestEveryMs: 0 });
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: 'bench@lumen.fr', password: 'bench password' },
  });
  const cookie = ([login.headers['set-cookie']].flat()[0] as string).split(';')[0];
  const [user] = await store.all("SELECT user_id FROM users WHERE email = 'bench@lumen.fr'");
  const token = await createToken(store, 'bench', 'viewer', String(user.user_id));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/api/health`;
  const options = { connections: CONNECTIONS, seconds: SECONDS };
  const floor = await hammer(url, options);
  const session = await hammer(url, { ...options, headers: { cookie } });
  const bearer = await hammer(url, {
    ...options,
    headers: { authorization: `Bearer ${token.secret}` },
  });
  await app.close();
  store.close();
  const row = (name: string, result: AutocannonResult) => ({
    caller: name,
    req_per_s: Math.round(result.requests.average),
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    non_2xx: result.non2xx,
    x_floor: Math.round((floor.requests.average / result.requests.average) * 10) / 10,
  });
  printTable(
    `GET /api/health, ${CONNECTIONS} connections, ${SECONDS} s each: the caller read from the store at every request`,
    [
      row('session cookie (session + user rows)', session),
      row('API token (token + creator rows)', bearer),
      row('floor: no credentials, no lookup', floor),
    ],
  );
}
