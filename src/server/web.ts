// The dashboard: the built web app (web/dist) as static files, index.html for every page path (SPA), and
// headers that keep other sites' scripts out (CSP) and the app out of frames.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { isApiPath } from './paths.ts';

export const WEB_DIST = join(import.meta.dirname, '..', '..', 'web', 'dist');

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

function secureHeaders(reply: FastifyReply): FastifyReply {
  return reply
    .header('content-security-policy', CSP)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'same-origin')
    .header('x-frame-options', 'DENY');
}

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Cadran</title>
<body style="font-family:system-ui;max-width:40rem;margin:4rem auto;line-height:1.5">
<h1>The dashboard is not built yet</h1>
<p>Run <code>npm run build:web</code> (or <code>npm start</code>, which builds it when missing), then reload.
The API is up: <a href="/api/health">/api/health</a>.</p></body>`;

/** Page paths get the app; missing files (a path ending in .js, .png…) and API paths get a 404. */
const isPage = (url: string) => {
  const path = url.split('?')[0];
  return !isApiPath(path) && !path.startsWith('/l/') && !/\.\w+$/.test(path);
};

export async function registerWeb(app: FastifyInstance, dist = WEB_DIST): Promise<boolean> {
  const indexPath = join(dist, 'index.html');
  const built = existsSync(indexPath);
  const index = built ? readFileSync(indexPath) : Buffer.from(NOT_BUILT);
  if (built) {
    await app.register(async (web) => {
      await web.register(fastifyStatic, {
        root: dist,
        wildcard: true,
        index: false,
        preCompressed: true,
        setHeaders: (response, path) => {
          // Hashed file names never change content: cache them for a year.
          response.header(
            'cache-control',
            path.includes(`${join(dist, 'assets')}`)
              ? 'public, max-age=31536000, immutable'
              : 'no-cache',
          );
          response.header('x-content-type-options', 'nosniff');
          response.header('content-security-policy', CSP);
        },
      });
    });
  }
  const sendIndex = (reply: FastifyReply) =>
    secureHeaders(reply)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(index);
  // The static plugin would answer the root folder itself with a 403.
  app.get('/', (_request, reply) => sendIndex(reply));
  app.setNotFoundHandler((request, reply) => {
    if ((request.method === 'GET' || request.method === 'HEAD') && isPage(request.url))
      return sendIndex(reply);
    return reply
      .status(404)
      .send({ error: `no route ${request.method} ${request.url.split('?')[0]}` });
  });
  return built;
}
