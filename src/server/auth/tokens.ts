// API tokens for scripts and integrations: the secret is shown once, only its SHA-256 is stored.
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { InputError } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import { lesserRole, ROLES, type Role } from './roles.ts';
import { activeUser } from './users.ts';

export { roleAllows, ROLES, type Role } from './roles.ts';

export interface Principal {
  /** `user:EMAIL` for a dashboard session, `token:ID` for an API token. */
  id: string;
  role: Role;
  /** The user whose rights it carries: the session's user, or the token's creator (null for a token made at the command line). */
  userId: string | null;
  /** The logged-in user, for sessions. */
  user?: { id: string; email: string; name: string | null };
}

/** Finds who is calling; the dashboard's sessions can plug in beside tokens through this interface. */
export interface Authenticator {
  principalOf(request: FastifyRequest): Promise<Principal | null>;
}

const hash = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** A token belongs to its creator (a user id; null when made at the command line) and dies with their rights. */
export async function createToken(
  store: Store,
  name: string,
  role: Role,
  createdBy: string | null = null,
): Promise<{ id: string; secret: string }> {
  if (!ROLES.includes(role)) throw new InputError(`role must be one of ${ROLES.join(', ')}`);
  if (!name.trim()) throw new InputError('name the token (what it is for)');
  const id = randomBytes(6).toString('hex');
  const secret = `cdr_${id}_${randomBytes(24).toString('base64url')}`;
  await store.run(
    'INSERT INTO api_tokens (token_id, name, role, token_hash, created_at, revoked, created_by) VALUES ($1, $2, $3, $4, now(), false, $5)',
    [id, name.trim(), role, hash(secret), createdBy],
  );
  return { id, secret };
}

export async function listTokens(store: Store) {
  return store.all(
    'SELECT token_id, name, role, created_at, revoked, created_by FROM api_tokens ORDER BY created_at',
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

/** Bearer tokens (Authorization: Bearer cdr_…), read from the store with their creator at each request. */
export function tokenAuthenticator(store: Store): Authenticator {
  return {
    async principalOf(request) {
      const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
      if (!match) return null;
      const [row] = await store.all(
        'SELECT token_id, role, created_by FROM api_tokens WHERE token_hash = $1 AND NOT coalesce(revoked, false)',
        [hash(match[1])],
      );
      if (!row) return null;
      const createdBy = row.created_by === null ? null : String(row.created_by);
      let role = row.role as Role;
      if (createdBy !== null) {
        const creator = await activeUser(store, createdBy);
        if (!creator) return null;
        role = lesserRole(role, creator.role);
      }
      return { id: `token:${row.token_id}`, role, userId: createdBy };
    },
  };
}

/** A pre-handler that answers 401 without credentials and 403 without the role. */
export function requireRole(authenticator: Authenticator, roles: Role[]) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    // The /api guard has already read the caller from the store for this request.
    const principal = principalOfRequest(request) ?? (await authenticator.principalOf(request));
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
