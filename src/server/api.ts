// The JSON API under /api: every route is declared once (src/server/route.ts) and documented at /api/openapi.json.
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Store } from '../store/index.ts';
import { cachedRoute, defaultCacheCapacity, ResultCache } from './cache/index.ts';
import { collectOtherRoutes, openApiDocument } from './openapi.ts';
import { registerRoute, route, type Route } from './route.ts';
import { adminRoutes } from './routes/admin.ts';
import { alertRoutes } from './routes/alerts.ts';
import { reportRoutes } from './routes/reports.ts';
import { scheduleRoutes } from './routes/schedules.ts';
import { authRoutes } from './routes/auth.ts';
import { dataRoutes } from './routes/data.ts';
import { importRoutes } from './routes/imports.ts';
import { drilldownRoutes } from './routes/drilldown.ts';
import { kpiRoutes } from './routes/kpis.ts';
import { objectiveRoutes } from './routes/objectives.ts';
import { opinionRoutes } from './routes/opinions.ts';
import { sentimentModelRoutes } from './routes/sentiment-model.ts';
import type { RetrainSettings } from './retrain-jobs.ts';
import { sectionRoutes } from './routes/sections.ts';

const VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

/** Read-only routes whose answers depend only on the request and the store's data. */
const CACHED_ROUTES = new Set([
  'getScorecard',
  'queryKpis',
  'listKpis',
  'listPosts',
  'listInteractions',
  'listDimensions',
  'getFunnel',
  'getDrilldown',
  'listObjectives',
  'listAdvocates',
  'listNewInfluencers',
  'listSlowestThreads',
  'listSsiTeam',
  'listVoiceSplit',
]);

/** What the API's routes take beyond the store. */
export interface ApiSettings {
  retrain?: RetrainSettings;
}

export function apiRoutes(store: Store, settings: ApiSettings = {}): Route[] {
  const cache = new ResultCache(defaultCacheCapacity());
  return declaredRoutes(store, settings).map((declaration) =>
    CACHED_ROUTES.has(declaration.id) ? cachedRoute(declaration, cache, store) : declaration,
  );
}

function declaredRoutes(store: Store, settings: ApiSettings): Route[] {
  return [
    route({
      id: 'health',
      method: 'GET',
      url: '/api/health',
      tag: 'auth',
      summary: 'Liveness check',
      role: 'public',
      response: z.object({ status: z.literal('ok') }),
      handler: async () => ({ status: 'ok' as const }),
    }),
    ...authRoutes(store),
    ...objectiveRoutes(store),
    ...kpiRoutes(store),
    ...drilldownRoutes(store),
    ...dataRoutes(store),
    ...opinionRoutes(store),
    ...sectionRoutes(store),
    ...importRoutes(store),
    ...adminRoutes(store),
    ...alertRoutes(store),
    ...reportRoutes(store),
    ...scheduleRoutes(store),
    ...sentimentModelRoutes(store, settings.retrain),
  ];
}

/**
 * Registers the declared routes, and /api/openapi.json describing them and the /api routes registered
 * after this call by other modules. Call it before registering those.
 */
export function registerApi(app: FastifyInstance, store: Store, settings: ApiSettings = {}): void {
  const routes = apiRoutes(store, settings);
  const declared = new Set(routes.map((declaration) => `${declaration.method} ${declaration.url}`));
  const others = collectOtherRoutes(app, () => declared);
  for (const declaration of routes) registerRoute(app, declaration);
  let document: unknown;
  app.get('/api/openapi.json', async () => (document ??= openApiDocument(routes, others, VERSION)));
}
