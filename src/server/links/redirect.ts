// GET /l/CODE: a 302 to the link's target once the click is durably logged.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Store } from '../../store/index.ts';
import type { ClickLog } from './click-log.ts';
import { linkLookup } from './link-lookup.ts';
import { countryOf, deviceOf, isBot, referrerHost } from './visitors.ts';

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

export function registerRedirects(
  app: FastifyInstance,
  store: Store,
  clicks: ClickLog,
  visitorKey: (ip: string, userAgent: string, day: string) => string,
): void {
  const lookup = linkLookup(store);
  app.route({
    method: ['GET', 'HEAD'],
    url: '/l/:code',
    handler: async (request, reply) => {
      const { code } = request.params as { code: string };
      const result = await lookup(code, request.ip);
      if (result.limitedForMs)
        return page(
          reply.header('retry-after', String(Math.ceil(result.limitedForMs / 1000))),
          429,
          'Too many unknown links',
          'This address asked for too many short links that do not exist. Try again in a minute.',
        );
      const link = result.found;
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
