import Fastify, { type FastifyInstance } from 'fastify';
import { generateDemo } from '../demo/index.ts';
import { InputError } from '../model/index.ts';
import { isStoreEmpty, openStore, type Store } from '../store/index.ts';
import { registerApi } from './api.ts';

export interface ServerOptions {
  storePath?: string;
  port: number;
  host: string;
  demoIfEmpty: boolean;
  log: (line: string) => void;
}

/** The HTTP application over an open store; tests call it with `inject`, `startServer` listens. */
export function buildApp(store: Store): FastifyInstance {
  const app = Fastify({ logger: false });
  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof InputError)
      return reply.status(400).send({ error: error.message, location: error.location });
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status < 500)
      return reply.status(status).send({ error: (error as Error).message });
    return reply.status(500).send({ error: 'internal error' });
  });
  registerApi(app, store);
  return app;
}

export async function startServer(options: ServerOptions): Promise<FastifyInstance> {
  const store = await openStore(options.storePath);
  if (options.demoIfEmpty && (await isStoreEmpty(store))) {
    options.log(`The store ${store.location} is empty: generating the demo data set (seed 42)…`);
    const summary = await generateDemo(store, { seed: 42, scale: 1 });
    options.log(`Demo data ready: ${summary.from} → ${summary.to}.`);
  }
  const app = buildApp(store);
  app.addHook('onClose', async () => store.close());
  await app.listen({ port: options.port, host: options.host });
  const base = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${options.port}`;
  options.log(
    `Cadran API on ${base}/api (try ${base}/api/scorecard or ${base}/api/kpis); store ${store.location}. Ctrl-C stops it.`,
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void app.close());
  return app;
}
