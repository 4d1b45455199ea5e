// Login, logout, first-run setup and who am I. Login and setup are public; the rest needs a session.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { InputError, todayUtc } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import { sessionSecretOf } from '../auth/authenticator.ts';
import { LoginThrottle } from '../auth/throttle.ts';
import { verifyPassword } from '../auth/passwords.ts';
import { closeSession, openSession, SESSION_COOKIE } from '../auth/sessions.ts';
import {
  countUsers,
  createUser,
  findUserByEmail,
  recordLogin,
  setPassword,
} from '../auth/users.ts';
import { route, type Route } from '../route.ts';
import { authState, me } from '../schemas.ts';

const credentials = z.object({
  email: z.string().max(320),
  password: z.string().max(512),
});

/** Secure cookies when the request came over TLS (directly, or through a trusted proxy) or when told so. */
const secure = (request: FastifyRequest) =>
  request.protocol === 'https' || process.env.CADRAN_SECURE_COOKIES === 'true';

const tooMany = (waitMs: number) =>
  `too many failed attempts: try again in ${Math.ceil(waitMs / 60_000)} min`;

async function startSession(
  store: Store,
  request: FastifyRequest,
  reply: FastifyReply,
  user: { id: string; email: string; name: string | null; role: 'admin' | 'analyst' | 'viewer' },
) {
  const session = await openSession(store, user.id);
  await recordLogin(store, user.id);
  reply.setCookie(SESSION_COOKIE, session.secret, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: secure(request),
    expires: session.expires,
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

export function authRoutes(store: Store): Route[] {
  const throttle = new LoginThrottle();
  return [
    route({
      id: 'getAuthState',
      method: 'GET',
      url: '/api/auth/state',
      tag: 'auth',
      summary: 'Whether setup is needed, and the logged-in user if any',
      role: 'public',
      response: authState,
      handler: async ({ principal }) => ({
        // A logged-in user is proof that users exist: no store read before every page's first draw.
        setup_required: principal?.user ? false : (await countUsers(store)) === 0,
        user: principal?.user
          ? { ...principal.user, role: principal.role }
          : principal
            ? { id: principal.id, email: principal.id, name: null, role: principal.role }
            : null,
        today: todayUtc(),
      }),
    }),
    route({
      id: 'login',
      method: 'POST',
      url: '/api/auth/login',
      tag: 'auth',
      summary: 'Log in with email and password; sets an HttpOnly, SameSite=Strict session cookie',
      role: 'public',
      body: credentials,
      response: me,
      handler: async ({ body, request, reply }) => {
        const attempt = throttle.reserve(request.ip, body.email);
        if (attempt.waitMs > 0) {
          reply.header('retry-after', String(Math.ceil(attempt.waitMs / 1000)));
          return reply.status(429).send({ error: tooMany(attempt.waitMs) });
        }
        const user = await findUserByEmail(store, body.email);
        const valid = await verifyPassword(user?.password_hash ?? null, body.password);
        if (!user || !valid || user.disabled)
          return reply.status(401).send({ error: 'wrong email or password' });
        attempt.succeeded();
        return startSession(store, request, reply, user);
      },
    }),
    route({
      id: 'logout',
      method: 'POST',
      url: '/api/auth/logout',
      tag: 'auth',
      summary: 'End the session',
      role: 'public',
      response: z.object({ logged_out: z.boolean() }),
      handler: async ({ request, reply }) => {
        const secret = sessionSecretOf(request);
        if (secret) await closeSession(store, secret);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { logged_out: true };
      },
    }),
    route({
      id: 'setup',
      method: 'POST',
      url: '/api/auth/setup',
      tag: 'auth',
      summary: 'First run only: create the administrator and log in',
      role: 'public',
      body: credentials.extend({ name: z.string().max(200).optional() }),
      response: me,
      status: 201,
      handler: async ({ body, request, reply }) => {
        const user = await createUser(store, {
          email: body.email,
          password: body.password,
          name: body.name,
          role: 'admin',
          onlyIfFirst: true,
        });
        return startSession(store, request, reply, user);
      },
    }),
    route({
      id: 'changePassword',
      method: 'POST',
      url: '/api/auth/password',
      tag: 'auth',
      summary: 'Change your own password (ends your other sessions)',
      role: 'viewer',
      body: z.object({ current: z.string().max(512), password: z.string().max(512) }),
      response: me,
      handler: async ({ body, principal, request, reply }) => {
        if (!principal?.user)
          throw new InputError('only a logged-in user has a password to change');
        // A stolen session must not become a way to guess the password behind it.
        const attempt = throttle.reserve(request.ip, principal.user.email);
        if (attempt.waitMs > 0) {
          reply.header('retry-after', String(Math.ceil(attempt.waitMs / 1000)));
          return reply.status(429).send({ error: tooMany(attempt.waitMs) });
        }
        const user = await findUserByEmail(store, principal.user.email);
        if (!user || !(await verifyPassword(user.password_hash, body.current)))
          throw new InputError('the current password is wrong', { column: 'current' });
        attempt.succeeded();
        await setPassword(store, user.id, body.password);
        return startSession(store, request, reply, user);
      },
    }),
  ];
}
