// GET /l/CODE: a 302 to the link's target once the click is durably logged.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Store } from '../../store/index.ts';
import type { ClickLog } from './click-log.ts';
import { findLink, type Link } from './links.ts';
import { countryOf, deviceOf, isBot, referrerHost } from './visitors.ts';
import { outsideWriteCount } from '../outside-writes.ts';

const CACHE_MS = 5_000;

function page(reply: FastifyReply, status: number, title: string, message: string) {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title}</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:15vh auto;padding:0 1rem;color:#1f2933}h1{font-size:1.4rem}</style></head>
<body><h1>${title}</h1><p>${message}</p></body></html>`;
  return reply
    .status(status)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(html);
}

/** Links looked up recently stay in memory for a few seconds, so a burst of clicks costs no query. */
function linkCache(store: Store) {
  const cache = new Map<string, { link: Link | null; until: number; writes: number }>();
  return async (code: string): Promise<Link | null> => {
    const hit = cache.get(code);
    if (hit && hit.until > Date.now() && hit.writes === outsideWriteCount()) return hit.link;
    const link = /^[A-Za-z0-9_-]{1,64}$/.test(code) ? await findLink(store, code) : null;
    if (cache.size > 10_000) cache.clear();
    cache.set(code, { link, until: Date.now() + CACHE_MS, writes: outsideWriteCount() });
    return link;
  };
}

export function registerRedirects(
  app: FastifyInstance,
  store: Store,
  clicks: ClickLog,
  visitorKey: (ip: string, userAgent: string, day: string) => string,
): void {
  const lookup = linkCache(store);
  app.route({
    method: ['GET', 'HEAD'],
    url: '/l/:code',
    handler: async (request, reply) => {
      const { code } = request.params as { code: string };
      const link = await lookup(code);
      if (!link)
        return page(
          reply,
          404,
          'Link not found',
          'This short link does not exist. Check that it was copied whole.',
        );
      if (link.disabled)
        return page(reply, 410, 'Link turned off', 'The owner of this link has turned it off.');
      if (link.expires_at && Date.parse(link.expires_at) < Date.now()) {
        return page(
          reply,
          410,
          'Link expired',
          `This link expired on ${link.expires_at.slice(0, 10)}.`,
        );
      }
      const userAgent = request.headers['user-agent'] ?? '';
      const bot = isBot(request.headers['user-agent'], request.method);
      const now = Date.now();
      await clicks.record({
        click_id: randomUUID(),
        code: link.code,
        clicked_at: now,
        referrer_host: referrerHost(request.headers.referer),
        country: countryOf(request.headers),
        device: bot ? 'bot' : deviceOf(userAgent),
        visitor_key: bot
          ? null
          : visitorKey(request.ip, userAgent, new Date(now).toISOString().slice(0, 10)),
        is_bot: bot,
      });
      return reply.header('cache-control', 'no-store').redirect(link.target_url, 302);
    },
  });
}
