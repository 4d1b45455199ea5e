import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import Fastify, { type FastifyInstance } from 'fastify';
import { evaluateAfterBatches, watchAlerts } from '../alerts/index.ts';
import { startScheduler } from '../schedules/index.ts';
import { InputError } from '../model/index.ts';
import { isStoreEmpty, openStore, type Store } from '../store/index.ts';
import { registerApi } from './api.ts';
import type { RetrainSettings } from './retrain-jobs.ts';
import { dashboardAuthenticator, type DashboardAuthenticator } from './auth/authenticator.ts';
import { guardApi } from './auth/guard.ts';
import { ensureDemoLogin } from './auth/demo.ts';
import { countUsers } from './auth/users.ts';
import type { Authenticator } from './auth/tokens.ts';
import { registerEvents } from './events/routes.ts';
import { cleanUploadFolder, MAX_UPLOAD_BYTES } from './routes/imports.ts';
import { registerLinks } from './links/index.ts';
import { canonicalUrl } from './paths.ts';
import { registerWeb } from './web.ts';

export {
  createToken,
  listTokens,
  revokeToken,
  tokenAuthenticator,
  ROLES,
  type Role,
  type Authenticator,
} from './auth/tokens.ts';
export {
  createUser,
  listUsers,
  findUserByEmail,
  generatePassword,
  updateUser,
  setPassword,
} from './auth/users.ts';
export { createLink, listLinks, disableLink, shortUrl } from './links/index.ts';

export interface ServerOptions {
  storePath?: string;
  /** The store, already being opened (instead of opening `storePath`). */
  store?: Promise<Store>;
  port: number;
  host: string;
  demoIfEmpty: boolean;
  log: (line: string) => void;
  /** Starts a companion on the open store (the control socket), stopped before the store closes. */
  control?: (store: Store) => Promise<{ close(): Promise<void> }>;
}

export interface AppOptions {
  publicUrl?: string;
  /** Replaces the session-or-token authenticator (tests of other modules). */
  authenticator?: Authenticator;
  ingestEveryMs?: number;
  /** Whether X-Forwarded-For names the client (behind a reverse proxy); default CADRAN_TRUST_PROXY=true. */
  trustProxy?: boolean;
  /** The least time between two alert evaluations after batches of clicks or events (default a minute). */
  alertsAfterBatchMs?: number;
  /** Folder of the built web app (default web/dist). */
  webDist?: string;
  /** What a sentiment retraining compares with and trains on (tests make it small). */
  retrain?: RetrainSettings;
}

/** The HTTP application over an open store; tests call it with `inject`, `startServer` listens. */
export async function buildApp(store: Store, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: false,
    trustProxy: options.trustProxy ?? process.env.CADRAN_TRUST_PROXY === 'true',
    rewriteUrl: (request) => canonicalUrl(request.url ?? '/'),
  });
  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof InputError) {
      // A few refusals are about timing rather than the request (a retraining already running: 409).
      return reply.status((error as { statusCode?: number }).statusCode ?? 400).send({
        error: error.message,
        location: error.location,
        details: error.details.map((detail) => detail.location),
      });
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status < 500)
      return reply.status(status).send({ error: (error as Error).message });
    process.stderr.write(
      `internal error on ${_request.method} ${_request.url}: ${(error as Error).stack ?? String(error)}\n`,
    );
    return reply.status(500).send({ error: 'internal error' });
  });
  await cleanUploadFolder(store);
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
  const sessions = dashboardAuthenticator(store);
  const authenticator: DashboardAuthenticator = options.authenticator
    ? { ...sessions, principalOf: options.authenticator.principalOf.bind(options.authenticator) }
    : sessions;
  guardApi(app, authenticator);
  registerApi(app, store, { retrain: options.retrain });
  const alertsAfterBatch = evaluateAfterBatches(store, { everyMs: options.alertsAfterBatchMs });
  const clickLog = await registerLinks(app, store, {
    authenticator,
    publicUrl: options.publicUrl ?? 'http://127.0.0.1:3000',
    ingestEveryMs: options.ingestEveryMs,
    afterDrain: alertsAfterBatch.batchLanded,
  });
  app.decorate('clickLog', clickLog);
  app.decorate('alertsAfterBatch', alertsAfterBatch);
  // After the click log's own close hook, whose last drain may start one more evaluation.
  app.addHook('onClose', () => alertsAfterBatch.stop());
  registerEvents(app, store, authenticator, alertsAfterBatch.batchLanded);
  await registerWeb(app, options.webDist);
  return app;
}

export async function startServer(options: ServerOptions): Promise<FastifyInstance> {
  const store = await (options.store ?? openStore(options.storePath));
  if (options.demoIfEmpty && (await isStoreEmpty(store))) {
    options.log(`The store ${store.location} is empty: generating the demo data set (seed 42)…`);
    const { generateDemo } = await import('../demo/index.ts');
    const summary = await generateDemo(store, { seed: 42, scale: 1 });
    options.log(`Demo data ready: ${summary.from} → ${summary.to}.`);
  }
  const control = await options.control?.(store);
  const base = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${options.port}`;
  const app = await buildApp(store, { publicUrl: process.env.CADRAN_PUBLIC_URL ?? base });
  await app.listen({ port: options.port, host: options.host });
  options.log(
    `Cadran on ${base} (API under ${base}/api, documented at ${base}/api/openapi.json); store ${store.location}.`,
  );
  const demoLogin = options.demoIfEmpty ? await ensureDemoLogin(store) : null;
  if (demoLogin)
    options.log(
      `Demo login: ${demoLogin.email} / ${demoLogin.password} (a new password at each start).`,
    );
  else if ((await countUsers(store)) === 0)
    options.log(
      `No user yet: open ${base}/setup to create the administrator, or run \`cadran users add --admin EMAIL\`.`,
    );
  options.log('Ctrl-C stops it.');
  const alerts = watchAlerts(store, options.log);
  const scheduler = await startScheduler(store, options.log);
  const stop = async () => {
    await Promise.all([alerts.stop(), scheduler.stop()]);
    await app.close();
    await control?.close();
    store.close();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop());
  return app;
}
