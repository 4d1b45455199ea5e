// Users and API tokens, for admins.
import { z } from 'zod';
import type { Store } from '../../store/index.ts';
import { createToken, listTokens, revokeToken } from '../auth/tokens.ts';
import { createUser, listUsers, updateUser } from '../auth/users.ts';
import { route, type Route } from '../route.ts';
import { role } from '../schemas.ts';

const user = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  role,
  created_at: z.string(),
  last_login_at: z.string().nullable(),
  disabled: z.boolean(),
  is_demo: z.boolean(),
});
const token = z.object({
  token_id: z.string(),
  name: z.string(),
  role,
  created_at: z.string(),
  revoked: z.boolean().nullable(),
  created_by: z.string().nullable(),
});

export function adminRoutes(store: Store): Route[] {
  return [
    route({
      id: 'listUsers',
      method: 'GET',
      url: '/api/users',
      tag: 'admin',
      summary: 'Dashboard users',
      role: 'admin',
      response: z.array(user),
      handler: async () => listUsers(store),
    }),
    route({
      id: 'createUser',
      method: 'POST',
      url: '/api/users',
      tag: 'admin',
      summary: 'Add a user with a password (at least 10 characters)',
      role: 'admin',
      body: z.object({
        email: z.string().max(320),
        password: z.string().max(512),
        role,
        name: z.string().max(200).optional(),
      }),
      response: user,
      status: 201,
      handler: async ({ body }) => createUser(store, body),
    }),
    route({
      id: 'updateUser',
      method: 'PATCH',
      url: '/api/users/:id',
      tag: 'admin',
      summary: "Change a user's role or name, or disable them (ends their sessions)",
      role: 'admin',
      params: z.object({ id: z.string().max(64) }),
      body: z.object({
        role: role.optional(),
        name: z.string().max(200).nullable().optional(),
        disabled: z.boolean().optional(),
      }),
      response: user,
      handler: async ({ params, body }) => updateUser(store, params.id, body),
    }),
    route({
      id: 'listTokens',
      method: 'GET',
      url: '/api/tokens',
      tag: 'admin',
      summary: 'API tokens (their secrets are never shown again)',
      role: 'admin',
      response: z.array(token),
      handler: async () => (await listTokens(store)) as never,
    }),
    route({
      id: 'createToken',
      method: 'POST',
      url: '/api/tokens',
      tag: 'admin',
      summary:
        'Create an API token for a script: send it as Authorization: Bearer <secret>. It belongs to you and never has more rights than you.',
      role: 'admin',
      body: z.object({ name: z.string().min(1).max(200), role }),
      response: z.object({ id: z.string(), secret: z.string() }),
      status: 201,
      handler: async ({ body, principal }) =>
        createToken(store, body.name, body.role, principal!.userId),
    }),
    route({
      id: 'revokeToken',
      method: 'DELETE',
      url: '/api/tokens/:id',
      tag: 'admin',
      summary: 'Revoke an API token',
      role: 'admin',
      params: z.object({ id: z.string().max(64) }),
      response: z.object({ revoked: z.string() }),
      handler: async ({ params }) => {
        await revokeToken(store, params.id);
        return { revoked: params.id };
      },
    }),
  ];
}
