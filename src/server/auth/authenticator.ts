// Who is calling: a dashboard session cookie or an API token (Authorization: Bearer cdr_…).
import type { FastifyRequest } from 'fastify';
import type { Store } from '../../store/index.ts';
import { SESSION_COOKIE, sessionDigest, sessionUser } from './sessions.ts';
import { tokenAuthenticator, type Authenticator, type Principal } from './tokens.ts';
import { outsideWriteCount } from '../outside-writes.ts';

export interface DashboardAuthenticator extends Authenticator {
  /** Drops a session from the cache at logout, so it stops working at once. */
  forgetSession(secret: string): void;
}

export function sessionSecretOf(request: FastifyRequest): string | null {
  const cookies = (request as FastifyRequest & { cookies?: Record<string, string | undefined> })
    .cookies;
  const value = cookies?.[SESSION_COOKIE];
  return value && /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : null;
}

/** Sessions and tokens, each looked up in the store at most every `cacheMs`. */
export function dashboardAuthenticator(store: Store, cacheMs = 5_000): DashboardAuthenticator {
  const tokens = tokenAuthenticator(store, cacheMs);
  const cache = new Map<string, { principal: Principal | null; until: number; writes: number }>();
  return {
    async principalOf(request) {
      if (request.headers.authorization) return tokens.principalOf(request);
      const secret = sessionSecretOf(request);
      if (!secret) return null;
      const key = sessionDigest(secret);
      const cached = cache.get(key);
      if (cached && cached.until > Date.now() && cached.writes === outsideWriteCount())
        return cached.principal;
      const user = await sessionUser(store, secret);
      const principal: Principal | null = user
        ? {
            id: `user:${user.email}`,
            role: user.role,
            user: { id: user.id, email: user.email, name: user.name },
          }
        : null;
      if (cache.size > 10_000) cache.clear();
      cache.set(key, { principal, until: Date.now() + cacheMs, writes: outsideWriteCount() });
      return principal;
    },
    forgetSession(secret) {
      cache.delete(sessionDigest(secret));
    },
  };
}
