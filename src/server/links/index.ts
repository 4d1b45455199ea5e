import type { FastifyInstance } from 'fastify';
import { durablePathOf, localPathOf, type Store } from '../../store/index.ts';
import type { Authenticator } from '../auth/tokens.ts';
import { adoptClickLogs, ClickLog } from './click-log.ts';
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

/**
 * Registers /l/CODE and /api/links; replays clicks a crash left in the log (or that earlier releases
 * left in the temporary folder) before serving.
 */
export async function registerLinks(
  app: FastifyInstance,
  store: Store,
  options: LinkOptions,
): Promise<ClickLog> {
  const path = durablePathOf(store.location, '.clicks.log');
  adoptClickLogs(localPathOf(store.location, '.clicks.log'), path);
  const clicks = new ClickLog(store, path, options.ingestEveryMs);
  clicks.afterDrain = options.afterDrain;
  await clicks.recover();
  registerRedirects(app, store, clicks, await visitorKeyer(store));
  registerLinkApi(app, store, options.authenticator, options.publicUrl);
  app.addHook('onClose', () => clicks.close());
  return clicks;
}
