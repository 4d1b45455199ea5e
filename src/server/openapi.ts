// The OpenAPI 3.1 document, built from the route declarations (schemas included) and, for routes other
// modules register without declarations, from Fastify's own route table.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Route } from './route.ts';
import { errorBody } from './schemas.ts';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const converted: JsonSchema = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  delete converted.$schema; // the document declares its dialect once
  return converted;
}

const openapiPath = (url: string) => url.replace(/:([A-Za-z_]+)/g, '{$1}');

function parameters(schema: z.ZodType | undefined, where: 'query' | 'path') {
  if (!(schema instanceof z.ZodObject)) return [];
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, field]) => {
    const described = jsonSchema(field, 'input');
    const { description, ...fieldSchema } = described;
    return {
      name,
      in: where,
      required: where === 'path' || !field.safeParse(undefined).success,
      ...(description ? { description } : {}),
      schema: fieldSchema,
    };
  });
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: jsonSchema(errorBody, 'output') } },
});

function operation(route: Route) {
  const success: Record<string, unknown> = {
    'application/json': { schema: jsonSchema(route.response, 'output') },
  };
  if (route.csv) success['text/csv'] = { schema: { type: 'string' } };
  const description =
    route.role === 'public'
      ? route.description
      : `${route.description ? `${route.description} ` : ''}Needs the ${route.role} role or above.`;
  return {
    operationId: route.id,
    summary: route.summary,
    ...(description ? { description } : {}),
    tags: [route.tag],
    ...(route.role === 'public' ? { security: [] } : { 'x-cadran-role': route.role }),
    parameters: [...parameters(route.params, 'path'), ...parameters(route.query, 'query')],
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: {
              [route.multipart ? 'multipart/form-data' : 'application/json']: {
                schema: jsonSchema(route.body, 'input'),
              },
            },
          },
        }
      : {}),
    responses: {
      [String(route.status ?? 200)]: { description: 'success', content: success },
      400: errorResponse('invalid input: the message names the parameter or field'),
      ...(route.role === 'public'
        ? {}
        : {
            401: errorResponse('no valid session or token'),
            403: errorResponse('the role is not enough'),
          }),
    },
  };
}

export interface OtherRoute {
  method: string;
  url: string;
}

/** Remembers the /api routes registered without a declaration (tracked links, events). */
export function collectOtherRoutes(
  app: FastifyInstance,
  declared: () => Set<string>,
): OtherRoute[] {
  const others: OtherRoute[] = [];
  app.addHook('onRoute', (options) => {
    const methods = [options.method].flat().filter((method) => method !== 'HEAD');
    for (const method of methods) {
      if (!options.url.startsWith('/api/') || declared().has(`${method} ${options.url}`)) continue;
      others.push({ method, url: options.url });
    }
  });
  return others;
}

const OTHER_TAGS: [RegExp, string, string][] = [
  [/^\/api\/links/, 'links', 'Tracked short links (see the README, "Tracked links")'],
  [/^\/api\/(events|webhooks)/, 'events', 'Events and webhooks (see the README, "Events API")'],
];

export function openApiDocument(routes: Route[], others: OtherRoute[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = (paths[openapiPath(route.url)] ??= {});
    path[route.method.toLowerCase()] = operation(route);
  }
  for (const other of others) {
    if (other.url === '/api/openapi.json') continue;
    const [, tag, summary] = OTHER_TAGS.find(([pattern]) => pattern.test(other.url)) ?? [
      null,
      'other',
      'Documented in the README',
    ];
    const path = (paths[openapiPath(other.url)] ??= {});
    path[other.method.toLowerCase()] ??= {
      summary,
      tags: [tag],
      responses: {
        200: { description: 'success' },
        401: errorResponse('no valid session or token'),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Cadran API',
      version,
      description:
        'Social media performance measured against business objectives. Every endpoint except login, setup and health needs a session cookie (from /api/auth/login) or an API token sent as `Authorization: Bearer <token>`. Ratios are fractions (0.035 = 3.5 %).',
    },
    security: [{ session: [] }, { token: [] }],
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'cadran_session' },
        token: {
          type: 'http',
          scheme: 'bearer',
          description: 'an API token: cadran users token, or POST /api/tokens',
        },
      },
    },
    tags: [
      { name: 'auth', description: 'login, logout, first-run setup' },
      { name: 'objectives', description: 'objectives and the scorecard' },
      { name: 'catalog', description: 'the KPI catalog, KPI queries and the funnel' },
      { name: 'data', description: 'posts, interactions and filter choices' },
      { name: 'imports', description: 'file imports' },
      { name: 'admin', description: 'users and API tokens' },
      { name: 'alerts', description: 'alert rules, alerts, reports and their schedules' },
      { name: 'nlp', description: 'the sentiment model and its retraining with corrections' },
    ],
    paths,
  };
}
