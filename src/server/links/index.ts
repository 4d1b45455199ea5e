import type { FastifyInstance } from 'fastify';
import { localPathOf, type Store } from '../../store/index.ts';
import type { Authenticator } from '../auth/tokens.ts';
import { ClickLog } from './click-log.ts';
import { registerRedirects } from './redirect.ts';
import { registerLinkApi } from './routes.ts';
import { visitorKeyer } from './visitors.ts';

export { createLink, listLinks, disableLink, findLink, type NewLink, type Link } from './links.ts';
export { shortUrl } from './routes.ts';
export { ClickLog } from './click-log.ts';

export interface LinkOptions {
  authenticator: Authenticator;
  publicUrl: string;
  /** How often logged clicks move into the store. */
  ingestEveryMs?: number;
  /** Called after each batch of clicks lands in the store. */
  afterDrain?: () => void;
}

/** Registers /l/CODE and /api/links; replays clicks a crash left in the log before serving. */
export async function registerLinks(
  app: FastifyInstance,
  store: Store,
  options: LinkOptions,
): Promise<ClickLog> {
  const clicks = new ClickLog(
    store,
    localPathOf(store.location, '.clicks.log'),
    options.ingestEveryMs,
  );
  clicks.afterDrain = options.afterDrain;
  await clicks.recover();
  registerRedirects(app, store, clicks, await visitorKeyer(store));
  registerLinkApi(app, store, options.authenticator, options.publicUrl);
  app.addHook('onClose', () => clicks.close());
  return clicks;
}
