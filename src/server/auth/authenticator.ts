// Who is calling: a dashboard session cookie or an API token (Authorization: Bearer cdr_…).
// Both are read from the store again after any write to users, sessions or tokens (the store's
// access version): disabling a user, changing a role or revoking a token holds from the next request.
// Only the server holds the store; commands typed beside it run inside it, so it sees every write.
import type { FastifyRequest } from 'fastify';
import type { Store } from '../../store/index.ts';
import { RememberedCallers } from './remembered-callers.ts';
import { SESSION_COOKIE, sessionUser } from './sessions.ts';
import { tokenAuthenticator, type Authenticator, type Principal } from './tokens.ts';

/** Sessions beside tokens; the name other modules know the server's authenticator by. */
export type DashboardAuthenticator = Authenticator;

export function sessionSecretOf(request: FastifyRequest): string | null {
  const cookies = (request as FastifyRequest & { cookies?: Record<string, string | undefined> })
    .cookies;
  const value = cookies?.[SESSION_COOKIE];
  return value && /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : null;
}

export function dashboardAuthenticator(store: Store): DashboardAuthenticator {
  const tokens = tokenAuthenticator(store);
  const remembered = new RememberedCallers(store);
  return {
    async principalOf(request) {
      const authorization = request.headers.authorization;
      if (authorization)
        return remembered.principalOf(`token ${authorization}`, () => tokens.principalOf(request));
      const secret = sessionSecretOf(request);
      if (!secret) return null;
      return remembered.principalOf(`session ${secret}`, () => sessionPrincipal(store, secret));
    },
  };
}

async function sessionPrincipal(store: Store, secret: string): Promise<Principal | null> {
  const user = await sessionUser(store, secret);
  const principal: Principal | null = user
    ? {
        id: `user:${user.email}`,
        role: user.role,
        userId: user.id,
        user: { id: user.id, email: user.email, name: user.name },
      }
    : null;
  return principal;
}
