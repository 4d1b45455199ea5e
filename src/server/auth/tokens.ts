// API tokens for scripts and integrations: the secret is shown once, only its SHA-256 is stored.
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { InputError } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import { outsideWriteCount } from '../outside-writes.ts';

export type Role = 'admin' | 'analyst' | 'viewer';
export const ROLES: Role[] = ['admin', 'analyst', 'viewer'];

export interface Principal {
  /** `user:EMAIL` for a dashboard session, `token:ID` for an API token. */
  id: string;
  role: Role;
  /** The logged-in user, for sessions. */
  user?: { id: string; email: string; name: string | null };
}

/** A role includes the ones below it: admin ⊃ analyst ⊃ viewer. */
export function roleAllows(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) <= ROLES.indexOf(needed);
}

/** Finds who is calling; the dashboard's sessions can plug in beside tokens through this interface. */
export interface Authenticator {
  principalOf(request: FastifyRequest): Promise<Principal | null>;
}

const hash = (secret: string) => createHash('sha256').update(secret).digest('hex');

export async function createToken(
  store: Store,
  name: string,
  role: Role,
): Promise<{ id: string; secret: string }> {
  if (!ROLES.includes(role)) throw new InputError(`role must be one of ${ROLES.join(', ')}`);
  if (!name.trim()) throw new InputError('name the token (what it is for)');
  const id = randomBytes(6).toString('hex');
  const secret = `cdr_${id}_${randomBytes(24).toString('base64url')}`;
  await store.run(
    'INSERT INTO api_tokens (token_id, name, role, token_hash, created_at, revoked) VALUES ($1, $2, $3, $4, now(), false)',
    [id, name.trim(), role, hash(secret)],
  );
  return { id, secret };
}

export async function listTokens(store: Store) {
  return store.all(
    'SELECT token_id, name, role, created_at, revoked FROM api_tokens ORDER BY created_at',
  );
}

export async function revokeToken(store: Store, id: string): Promise<void> {
  const [{ found }] = await store.all(
    'SELECT count(*) AS found FROM api_tokens WHERE token_id = $1',
    [id],
  );
  if (!found) throw new InputError(`no token with id "${id}"`);
  await store.run('UPDATE api_tokens SET revoked = true WHERE token_id = $1', [id]);
}

/** Bearer tokens (Authorization: Bearer cdr_…), checked against the store with a short cache. */
export function tokenAuthenticator(store: Store, cacheMs = 5_000): Authenticator {
  const cache = new Map<string, { principal: Principal | null; until: number; writes: number }>();
  return {
    async principalOf(request) {
      const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
      if (!match) return null;
      const digest = hash(match[1]);
      const cached = cache.get(digest);
      if (cached && cached.until > Date.now() && cached.writes === outsideWriteCount())
        return cached.principal;
      const [row] = await store.all(
        'SELECT token_id, role FROM api_tokens WHERE token_hash = $1 AND NOT coalesce(revoked, false)',
        [digest],
      );
      const principal = row ? { id: `token:${row.token_id}`, role: row.role as Role } : null;
      cache.set(digest, { principal, until: Date.now() + cacheMs, writes: outsideWriteCount() });
      return principal;
    },
  };
}

/** A pre-handler that answers 401 without credentials and 403 without the role. */
export function requireRole(authenticator: Authenticator, roles: Role[]) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const principal = await authenticator.principalOf(request);
    if (!principal)
      return reply.status(401).send({
        error: 'authentication required: log in, or send Authorization: Bearer <token>',
      });
    if (!roles.includes(principal.role))
      return reply.status(403).send({ error: `this needs the role ${roles.join(' or ')}` });
    (request as FastifyRequest & { principal?: Principal }).principal = principal;
  };
}

export function principalOfRequest(request: FastifyRequest): Principal | undefined {
  return (request as FastifyRequest & { principal?: Principal }).principal;
}
