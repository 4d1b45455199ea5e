// Authentication and roles (R24): setup, login, sessions, tokens, roles, cross-site writes.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, createToken, createUser, revokeToken } from '../../src/server/index.ts';
import type { Store } from '../../src/store/index.ts';
import { ENGINES, emptyStore } from '../engines.ts';

describe.each(ENGINES)('%s', (engine) => {
  let store: Store;
  let app: FastifyInstance;
  const ADMIN = { email: 'Ana@Lumen.fr', password: 'correct horse battery' };

  const cookieOf = (response: { headers: Record<string, unknown> }) => {
    const header = [response.headers['set-cookie']].flat()[0] as string;
    return header.split(';')[0];
  };
  const login = (email: string, password: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, headers });

  beforeAll(async () => {
    store = await emptyStore(engine);
    app = await buildApp(store, { ingestEveryMs: 0 });
  });
  afterAll(async () => {
    await app.close();
    store.close();
  });

  describe('first run', () => {
    it('says setup is needed and refuses data calls without credentials', async () => {
      const state = await app.inject({ url: '/api/auth/state' });
      expect(state.json()).toMatchObject({ setup_required: true, user: null });
      expect((await app.inject({ url: '/api/scorecard' })).statusCode).toBe(401);
      expect((await app.inject({ url: '/api/openapi.json' })).statusCode).toBe(401);
      expect((await app.inject({ url: '/api/kpis' })).json().error).toMatch(/log in/);
      expect((await app.inject({ url: '/api/health' })).statusCode).toBe(200);
    });

    it('creates the admin once, logs them in with a strict HttpOnly cookie', async () => {
      const response = await app.inject({ method: 'POST', url: '/api/auth/setup', payload: ADMIN });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({ email: 'ana@lumen.fr', role: 'admin' });
      const cookie = [response.headers['set-cookie']].flat()[0] as string;
      expect(cookie).toMatch(/^cadran_session=[\w-]{40,};/);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      expect(cookie).not.toMatch(/Secure/);
      const again = await app.inject({
        method: 'POST',
        url: '/api/auth/setup',
        payload: { email: 'mallory@evil.test', password: 'another long password' },
      });
      expect(again.statusCode).toBe(400);
      expect(again.json().error).toMatch(/already set up/);
    });

    it('stores an Argon2id hash, never the password', async () => {
      const [row] = await store.all('SELECT password_hash FROM users');
      expect(String(row.password_hash)).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(String(row.password_hash)).not.toContain(ADMIN.password);
    });
  });

  describe('sessions', () => {
    it('logs in with the email in any case, and the cookie opens the API', async () => {
      const response = await login('ana@lumen.fr', ADMIN.password);
      expect(response.statusCode).toBe(200);
      const cookie = cookieOf(response);
      const state = await app.inject({ url: '/api/auth/state', headers: { cookie } });
      expect(state.json().user).toMatchObject({ email: 'ana@lumen.fr', role: 'admin' });
      expect((await app.inject({ url: '/api/kpis', headers: { cookie } })).statusCode).toBe(200);
    });

    it('refuses a wrong password or an unknown email with the same answer', async () => {
      const wrong = await login('ana@lumen.fr', 'not the password');
      const unknown = await login('nobody@lumen.fr', 'not the password');
      expect(wrong.statusCode).toBe(401);
      expect(unknown.statusCode).toBe(401);
      expect(wrong.json()).toEqual(unknown.json());
      expect(wrong.headers['set-cookie']).toBeUndefined();
    });

    it('ends the session at logout', async () => {
      const cookie = cookieOf(await login('ana@lumen.fr', ADMIN.password));
      const out = await app.inject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: { cookie },
      });
      expect(out.statusCode).toBe(200);
      expect((await app.inject({ url: '/api/kpis', headers: { cookie } })).statusCode).toBe(401);
    });

    it('marks the cookie Secure behind a TLS proxy', async () => {
      process.env.CADRAN_TRUST_PROXY = 'true';
      const proxied = await buildApp(store, { ingestEveryMs: 0 });
      delete process.env.CADRAN_TRUST_PROXY;
      const response = await proxied.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: ADMIN,
        headers: { 'x-forwarded-proto': 'https' },
      });
      await proxied.close();
      expect([response.headers['set-cookie']].flat()[0]).toMatch(/; Secure/);
    });

    it('refuses a cookie-authenticated write from another site', async () => {
      const cookie = cookieOf(await login('ana@lumen.fr', ADMIN.password));
      const objective = {
        name: 'Reach',
        kpi: 'reach',
        target: 1000,
        period: { from: '2025-01-01', to: '2025-03-31' },
      };
      const cross = await app.inject({
        method: 'POST',
        url: '/api/objectives',
        headers: { cookie, origin: 'https://evil.test' },
        payload: objective,
      });
      expect(cross.statusCode).toBe(403);
      const same = await app.inject({
        method: 'POST',
        url: '/api/objectives',
        headers: { cookie, origin: 'http://localhost:80', host: 'localhost:80' },
        payload: objective,
      });
      expect(same.statusCode).toBe(201);
    });

    it('slows down password guessing after five failures', async () => {
      for (let attempt = 0; attempt < 5; attempt++)
        expect((await login('guess@lumen.fr', `wrong password ${attempt}`)).statusCode).toBe(401);
      const blocked = await login('guess@lumen.fr', 'wrong password 6');
      expect(blocked.statusCode).toBe(429);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    });
  });

  describe('roles and tokens', () => {
    let viewer: string;
    let analyst: string;

    beforeAll(async () => {
      await createUser(store, {
        email: 'vic@lumen.fr',
        password: 'viewer password',
        role: 'viewer',
      });
      await createUser(store, {
        email: 'alex@lumen.fr',
        password: 'analyst password',
        role: 'analyst',
      });
      viewer = cookieOf(await login('vic@lumen.fr', 'viewer password'));
      analyst = cookieOf(await login('alex@lumen.fr', 'analyst password'));
    });

    it('lets a viewer read but not import, edit objectives or manage users', async () => {
      expect(
        (await app.inject({ url: '/api/objectives', headers: { cookie: viewer } })).statusCode,
      ).toBe(200);
      const upload = await app.inject({
        method: 'POST',
        url: '/api/imports',
        headers: { cookie: viewer },
      });
      expect(upload.statusCode).toBe(403);
      expect(upload.json().error).toMatch(/analyst/);
      const create = await app.inject({
        method: 'POST',
        url: '/api/objectives',
        headers: { cookie: viewer },
        payload: {
          name: 'x',
          kpi: 'reach',
          target: 1,
          period: { from: '2025-01-01', to: '2025-01-31' },
        },
      });
      expect(create.statusCode).toBe(403);
      expect(
        (await app.inject({ url: '/api/users', headers: { cookie: viewer } })).statusCode,
      ).toBe(403);
    });

    it('lets an analyst import but not edit objectives', async () => {
      const upload = await app.inject({
        method: 'POST',
        url: '/api/imports',
        headers: { cookie: analyst, 'content-type': 'application/json' },
        payload: {},
      });
      expect(upload.statusCode).toBe(400);
      expect(upload.json().error).toMatch(/multipart/);
      const remove = await app.inject({
        method: 'DELETE',
        url: '/api/objectives/reach',
        headers: { cookie: analyst },
      });
      expect(remove.statusCode).toBe(403);
    });

    it('accepts API tokens with their role until revoked', async () => {
      const token = await createToken(store, 'wall screen', 'viewer');
      const headers = { authorization: `Bearer ${token.secret}` };
      expect((await app.inject({ url: '/api/kpis', headers })).statusCode).toBe(200);
      expect((await app.inject({ url: '/api/tokens', headers })).statusCode).toBe(403);
      await revokeToken(store, token.id);
      const fresh = await buildApp(store, { ingestEveryMs: 0 }); // no token cache
      expect((await fresh.inject({ url: '/api/kpis', headers })).statusCode).toBe(401);
      await fresh.close();
    });

    it('lets an admin create a token through the API and keeps one admin at least', async () => {
      const admin = cookieOf(await login('ana@lumen.fr', ADMIN.password));
      const created = await app.inject({
        method: 'POST',
        url: '/api/tokens',
        headers: { cookie: admin },
        payload: { name: 'grafana', role: 'viewer' },
      });
      expect(created.statusCode).toBe(201);
      expect(created.json().secret).toMatch(/^cdr_/);
      const users = (await app.inject({ url: '/api/users', headers: { cookie: admin } })).json();
      const ana = users.find((user: { email: string }) => user.email === 'ana@lumen.fr');
      const demote = await app.inject({
        method: 'PATCH',
        url: `/api/users/${ana.id}`,
        headers: { cookie: admin },
        payload: { role: 'viewer' },
      });
      expect(demote.statusCode).toBe(400);
      expect(demote.json().error).toMatch(/at least one active admin/);
    });

    it('ends the sessions of a disabled user', async () => {
      const admin = cookieOf(await login('ana@lumen.fr', ADMIN.password));
      const users = (await app.inject({ url: '/api/users', headers: { cookie: admin } })).json();
      const vic = users.find((user: { email: string }) => user.email === 'vic@lumen.fr');
      await app.inject({
        method: 'PATCH',
        url: `/api/users/${vic.id}`,
        headers: { cookie: admin },
        payload: { disabled: true },
      });
      const fresh = await buildApp(store, { ingestEveryMs: 0 }); // no session cache
      expect(
        (await fresh.inject({ url: '/api/kpis', headers: { cookie: viewer } })).statusCode,
      ).toBe(401);
      expect((await login('vic@lumen.fr', 'viewer password')).statusCode).toBe(401);
      await fresh.close();
    });
  });

  describe('login throttle under parallel guessing (issue 16, F3)', () => {
    const statuses = (responses: { statusCode: number }[]) =>
      responses.reduce<Record<number, number>>((counts, response) => {
        counts[response.statusCode] = (counts[response.statusCode] ?? 0) + 1;
        return counts;
      }, {});

    it('200 parallel guesses on one email: 5 are checked, the right password among the rest is refused', async () => {
      await createUser(store, {
        email: 'race@lumen.fr',
        password: 'the right password',
        role: 'viewer',
      });
      const guesses = Array.from({ length: 200 }, (_, index) =>
        app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: {
            email: 'race@lumen.fr',
            password: index === 100 ? 'the right password' : `guess ${index}`,
          },
          remoteAddress: '198.51.100.7',
        }),
      );
      const responses = await Promise.all(guesses);
      // 5 attempts per address and account are reserved before any check; the 195 others wait
      expect(statuses(responses)).toEqual({ 401: 5, 429: 195 });
      expect(responses[100].statusCode).toBe(429);
    }, 60_000);

    it('spraying one password across 40 emails from one address stops after 30', async () => {
      const responses = await Promise.all(
        Array.from({ length: 40 }, (_, index) =>
          app.inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { email: `spray${index}@lumen.fr`, password: 'Summer2026!!' },
            remoteAddress: '198.51.100.8',
          }),
        ),
      );
      expect(statuses(responses)).toEqual({ 401: 30, 429: 10 });
    }, 60_000);

    it('spraying from 40 addresses of one IPv6 /64 counts as one address', async () => {
      const responses = await Promise.all(
        Array.from({ length: 40 }, (_, index) =>
          app.inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { email: `six${index}@lumen.fr`, password: 'Summer2026!!' },
            remoteAddress: `2001:db8:1:2::${(index + 1).toString(16)}`,
          }),
        ),
      );
      expect(statuses(responses)).toEqual({ 401: 30, 429: 10 });
    }, 60_000);

    it('counts X-Forwarded-For only when told to trust the proxy', async () => {
      const sprayFromProxy = async (trustProxy: boolean) => {
        const instance = await buildApp(store, { ingestEveryMs: 0, trustProxy });
        const responses = await Promise.all(
          Array.from({ length: 40 }, (_, index) =>
            instance.inject({
              method: 'POST',
              url: '/api/auth/login',
              payload: { email: `proxied${index}@lumen.fr`, password: 'Summer2026!!' },
              remoteAddress: '10.0.0.1',
              headers: { 'x-forwarded-for': `203.0.113.${index}` },
            }),
          ),
        );
        await instance.close();
        return statuses(responses);
      };
      // untrusted: the 40 claimed addresses are one client, 10.0.0.1, limited to 30
      expect(await sprayFromProxy(false)).toEqual({ 401: 30, 429: 10 });
      // trusted: 40 clients with one attempt each
      expect(await sprayFromProxy(true)).toEqual({ 401: 40 });
    }, 60_000);

    it('one account guessed from 25 addresses is blocked after 20 failures', async () => {
      const instance = await buildApp(store, { ingestEveryMs: 0, trustProxy: true });
      const responses = await Promise.all(
        Array.from({ length: 25 }, (_, index) =>
          instance.inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { email: 'race@lumen.fr', password: `distributed ${index}` },
            headers: { 'x-forwarded-for': `192.0.2.${index}` },
          }),
        ),
      );
      await instance.close();
      expect(statuses(responses)).toEqual({ 401: 20, 429: 5 });
    }, 60_000);
    it('a session cannot be used to guess its own password through the password change', async () => {
      await createUser(store, {
        email: 'pat@lumen.fr',
        password: 'pat password 1',
        role: 'viewer',
      });
      const cookie = cookieOf(await login('pat@lumen.fr', 'pat password 1'));
      const change = (current: string) =>
        app.inject({
          method: 'POST',
          url: '/api/auth/password',
          headers: { cookie },
          payload: { current, password: 'pat password 2' },
          remoteAddress: '198.51.100.9',
        });
      const responses = await Promise.all(
        Array.from({ length: 8 }, (_, index) => change(`wrong ${index}`)),
      );
      expect(statuses(responses)).toEqual({ 400: 5, 429: 3 });
      expect((await change('pat password 1')).statusCode).toBe(429);
    });
  });

  describe('revocation on the next request (issue 16, F4)', () => {
    let ana: string;
    const admins = async (email: string) => {
      await createUser(store, { email, password: 'admin password 1', role: 'admin' });
      const users = (await app.inject({ url: '/api/users', headers: { cookie: ana } })).json();
      const id = users.find((user: { email: string }) => user.email === email).id as string;
      return { id, cookie: cookieOf(await login(email, 'admin password 1')) };
    };
    const patch = (id: string, payload: object) =>
      app.inject({ method: 'PATCH', url: `/api/users/${id}`, headers: { cookie: ana }, payload });
    const mint = (cookie: string, role = 'admin') =>
      app.inject({
        method: 'POST',
        url: '/api/tokens',
        headers: { cookie },
        payload: { name: 'script', role },
      });

    beforeAll(async () => {
      ana = cookieOf(await login('ana@lumen.fr', ADMIN.password));
    });

    it('a disabled admin cannot mint a token right after the disable', async () => {
      const bea = await admins('bea@lumen.fr');
      expect(
        (await app.inject({ url: '/api/users', headers: { cookie: bea.cookie } })).statusCode,
      ).toBe(200);
      expect((await patch(bea.id, { disabled: true })).statusCode).toBe(200);
      expect((await mint(bea.cookie)).statusCode).toBe(401);
    });

    it('a token minted while its creator is being disabled does not outlive the disable', async () => {
      const cid = await admins('cid@lumen.fr');
      const [minted, disabled] = await Promise.all([
        mint(cid.cookie),
        patch(cid.id, { disabled: true }),
      ]);
      expect(disabled.statusCode).toBe(200);
      if (minted.statusCode === 201) {
        const headers = { authorization: `Bearer ${minted.json().secret}` };
        expect((await app.inject({ url: '/api/kpis', headers })).statusCode).toBe(401);
      } else expect(minted.statusCode).toBe(401);
    });

    it("a disabled admin's token stops at the next request", async () => {
      const dora = await admins('dora@lumen.fr');
      const headers = { authorization: `Bearer ${(await mint(dora.cookie)).json().secret}` };
      expect((await app.inject({ url: '/api/users', headers })).statusCode).toBe(200);
      await patch(dora.id, { disabled: true });
      expect((await app.inject({ url: '/api/users', headers })).statusCode).toBe(401);
      await patch(dora.id, { disabled: false });
      expect((await app.inject({ url: '/api/users', headers })).statusCode).toBe(200);
    });

    it("a demoted creator's token keeps only the new role, and so does their session", async () => {
      const eli = await admins('eli@lumen.fr');
      const headers = { authorization: `Bearer ${(await mint(eli.cookie)).json().secret}` };
      expect((await app.inject({ url: '/api/users', headers })).statusCode).toBe(200);
      await patch(eli.id, { role: 'viewer' });
      expect((await app.inject({ url: '/api/users', headers })).statusCode).toBe(403);
      expect((await app.inject({ url: '/api/kpis', headers })).statusCode).toBe(200);
      expect(
        (await app.inject({ url: '/api/users', headers: { cookie: eli.cookie } })).statusCode,
      ).toBe(403);
    });

    it('a revoked token stops at the next request', async () => {
      const created = (await mint(ana, 'viewer')).json();
      const headers = { authorization: `Bearer ${created.secret}` };
      expect((await app.inject({ url: '/api/kpis', headers })).statusCode).toBe(200);
      const revoke = await app.inject({
        method: 'DELETE',
        url: `/api/tokens/${created.id}`,
        headers: { cookie: ana },
      });
      expect(revoke.statusCode).toBe(200);
      expect((await app.inject({ url: '/api/kpis', headers })).statusCode).toBe(401);
    });

    it('lists who created each token', async () => {
      const tokens = (await app.inject({ url: '/api/tokens', headers: { cookie: ana } })).json();
      const users = (await app.inject({ url: '/api/users', headers: { cookie: ana } })).json();
      const eli = users.find((user: { email: string }) => user.email === 'eli@lumen.fr');
      expect(
        tokens.filter((token: { created_by: string }) => token.created_by === eli.id),
      ).toHaveLength(1);
      // the one made with createToken() in a test above stands for the command line: no creator
      expect(
        tokens.find((token: { name: string }) => token.name === 'wall screen').created_by,
      ).toBeNull();
    });
  });
});
