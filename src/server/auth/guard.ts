// Every /api route needs a session or a token, except the few declared public (login, setup, health).
// The path is the canonical one (src/server/paths.ts), the same the router matched.
// Cookie-authenticated writes must also come from our own pages (Origin check), against cross-site requests.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isApiPath } from '../paths.ts';
import type { Authenticator } from './tokens.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function crossSite(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin) {
    try {
      // Hosts through URL on both sides, so a default port written or not compares equal; the scheme
      // is left out because a TLS proxy may not say it forwarded https.
      const from = new URL(origin);
      return from.host !== new URL(`${from.protocol}//${request.host}`).host;
    } catch {
      return true;
    }
  }
  const site = request.headers['sec-fetch-site'];
  return site !== undefined && site !== 'same-origin' && site !== 'none';
}

export function guardApi(app: FastifyInstance, authenticator: Authenticator): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!isApiPath(request.url)) return;
    const config = request.routeOptions.config as { public?: boolean } | undefined;
    const principal = await authenticator.principalOf(request);
    if (principal) {
      (request as FastifyRequest & { principal?: typeof principal }).principal = principal;
      if (!request.headers.authorization && UNSAFE.has(request.method) && crossSite(request))
        return reply.status(403).send({ error: 'cross-site request refused' });
      return;
    }
    if (config?.public) {
      if (UNSAFE.has(request.method) && crossSite(request))
        return reply.status(403).send({ error: 'cross-site request refused' });
      return;
    }
    return reply.status(401).send({
      error: 'authentication required: log in, or send Authorization: Bearer <token>',
    });
  });
}
