// A real Cadran server on 127.0.0.1 (random port) over a demo store, serving the built dashboard,
// with an administrator and a viewer whose passwords the tests know. Shared by the e2e tests and the bench.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import {
  buildApp,
  createToken,
  createUser,
  findUserByEmail,
  setPassword,
  type AppOptions,
  type Role,
} from '../../src/server/index.ts';
import type { Store } from '../../src/store/index.ts';

export const ADMIN = { email: 'ana@lumen.test', password: 'e2e admin password' } as const;
export const VIEWER = { email: 'victor@lumen.test', password: 'e2e viewer password' } as const;

interface WebBuilder {
  webIsStale: () => boolean;
  buildWeb: () => void;
}

/** Builds web/dist when it is missing or older than its sources, as `npm start` does. */
export async function ensureWebBuilt(): Promise<void> {
  // A computed specifier: the builder is plain JavaScript without type declarations.
  const builder = pathToFileURL(join(import.meta.dirname, '..', '..', 'web', 'build-if-stale.mjs'));
  const { webIsStale, buildWeb } = (await import(builder.href)) as WebBuilder;
  if (webIsStale()) buildWeb();
}

export interface RunningServer {
  app: FastifyInstance;
  /** http://127.0.0.1:PORT, no trailing slash. */
  base: string;
  /** Authorization headers of an admin API token, for calls the tests make beside the browser. */
  adminApi: Record<string, string>;
  close: () => Promise<void>;
}

/** The user with this password, whether the store is new or kept from an earlier run (the bench's). */
async function ensureUser(
  store: Store,
  user: { email: string; password: string },
  name: string,
  role: Role,
): Promise<void> {
  const existing = await findUserByEmail(store, user.email);
  if (existing) await setPassword(store, existing.id, user.password);
  else await createUser(store, { ...user, name, role });
}

/** Listens on a free loopback port; the store stays the caller's to close. */
export async function startServer(
  store: Store,
  options: Pick<AppOptions, 'retrain'> = {},
): Promise<RunningServer> {
  await ensureUser(store, ADMIN, 'Ana Admin', 'admin');
  await ensureUser(store, VIEWER, 'Victor Viewer', 'viewer');
  const { secret } = await createToken(store, 'e2e', 'admin');
  const app = await buildApp(store, { ingestEveryMs: 0, ...options });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as { port: number };
  return {
    app,
    base: `http://127.0.0.1:${port}`,
    adminApi: { authorization: `Bearer ${secret}` },
    close: () => app.close(),
  };
}

/** The session cookie (name=value) a login answers with. */
export async function loginCookie(
  base: string,
  user: { email: string; password: string },
): Promise<string> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(user),
  });
  if (response.status !== 200) throw new Error(`login of ${user.email}: ${response.status}`);
  return response.headers.getSetCookie()[0].split(';')[0];
}
