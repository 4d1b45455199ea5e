// The links API: create, list and turn off tracked links (analysts and admins).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { InputError } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import { principalOfRequest, requireRole, type Authenticator } from '../auth/tokens.ts';
import { createLink, disableLink, listLinks } from './links.ts';

const newLink = z.object({
  url: z.string().max(4000),
  campaign: z.string().min(1).max(200),
  source: z.string().min(1).max(100),
  post: z.string().max(200).nullish(),
  content: z.string().max(200).nullish(),
  code: z.string().max(64).nullish(),
  expires_at: z.string().datetime({ offset: true }).nullish(),
});

export function shortUrl(publicUrl: string, code: string): string {
  return `${publicUrl.replace(/\/$/, '')}/l/${code}`;
}

export function registerLinkApi(
  app: FastifyInstance,
  store: Store,
  authenticator: Authenticator,
  publicUrl: string,
): void {
  const write = { preHandler: requireRole(authenticator, ['admin', 'analyst']) };
  const read = { preHandler: requireRole(authenticator, ['admin', 'analyst', 'viewer']) };
  app.post('/api/links', write, async (request, reply) => {
    const parsed = newLink.safeParse(request.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InputError(`field "${issue.path.join('.')}": ${issue.message}`);
    }
    const body = parsed.data;
    const link = await createLink(
      store,
      {
        url: body.url,
        campaign: body.campaign,
        source: body.source,
        post: body.post,
        content: body.content,
        code: body.code,
        expiresAt: body.expires_at ? Date.parse(body.expires_at) : null,
      },
      principalOfRequest(request)!.id,
    );
    return reply.status(201).send({ ...link, short_url: shortUrl(publicUrl, link.code) });
  });
  app.get('/api/links', read, async () =>
    (await listLinks(store)).map((link) => ({
      ...link,
      short_url: shortUrl(publicUrl, String(link.code)),
    })),
  );
  app.post('/api/links/:code/disable', write, async (request) => {
    await disableLink(store, (request.params as { code: string }).code);
    return { disabled: true };
  });
}
