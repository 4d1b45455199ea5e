// One path normalisation (issue 16, F5): every route of the OpenAPI document, spelled in other ways,
// is guarded exactly like its plain form: no data without credentials, no cross-site cookie write.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, createToken, createUser } from '../../src/server/index.ts';
import { canonicalUrl } from '../../src/server/paths.ts';
import type { Store } from '../../src/store/index.ts';
import { ENGINES, emptyStore } from '../engines.ts';

describe.each(ENGINES)('%s', (engine) => {
  let store: Store;
  let app: FastifyInstance;
  let cookie: string;
  let bearer: Record<string, string>;

  beforeAll(async () => {
    store = await emptyStore(engine);
    app = await buildApp(store, { ingestEveryMs: 0 });
    await createUser(store, {
      email: 'ana@lumen.fr',
      password: 'correct horse battery',
      role: 'admin',
    });
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'ana@lumen.fr', password: 'correct horse battery' },
    });
    cookie = ([login.headers['set-cookie']].flat()[0] as string).split(';')[0];
    bearer = { authorization: `Bearer ${(await createToken(store, 'paths', 'admin')).secret}` };
  });
  afterAll(async () => {
    await app.close();
    store.close();
  });

  describe('canonical paths', () => {
    it('decodes each segment once and drops empty, dot and trailing segments', () => {
      expect(canonicalUrl('/%61pi/openapi.json')).toBe('/api/openapi.json');
      expect(canonicalUrl('//api//links/./x/../CODE/disable/?a=%61')).toBe(
        '/api/links/CODE/disable?a=%61',
      );
      expect(canonicalUrl('/api/%2e%2E/%2E/kpis')).toBe('/kpis');
      expect(canonicalUrl('/../../api/health')).toBe('/api/health');
    });
    it('decodes only once, and keeps an encoded slash inside its segment', () => {
      expect(canonicalUrl('/%2561pi/health')).toBe('/%2561pi/health');
      expect(canonicalUrl('/api/links/a%2Fb/disable')).toBe('/api/links/a%2Fb/disable');
      expect(canonicalUrl('/api/%ZZ')).toBe('/api/%25ZZ'); // not valid percent-encoding: literal text
    });
  });

  const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
  type Endpoint = { method: string; path: string; public: boolean };

  /** The routes the server documents, path parameters filled with a sample value. */
  async function documentedEndpoints(): Promise<Endpoint[]> {
    const document = (await app.inject({ url: '/api/openapi.json', headers: bearer })).json() as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    const endpoints = [{ method: 'GET', path: '/api/openapi.json', public: false }];
    for (const [template, operations] of Object.entries(document.paths))
      for (const [method, operation] of Object.entries(operations))
        endpoints.push({
          method: method.toUpperCase(),
          path: template.replace(/\{\w+\}/g, 'sample-1'),
          public: Array.isArray(operation.security) && operation.security.length === 0,
        });
    return endpoints;
  }

  /** Other spellings of the same path; `sameRoute` is false where the router rightly finds no route. */
  function variants(path: string): { url: string; sameRoute: boolean }[] {
    const rest = path.slice('/api'.length);
    const [, first, tail] = /^\/(.)(.*)$/.exec(rest)!;
    const hex = (char: string) => `%${char.charCodeAt(0).toString(16)}`;
    return [
      { url: `/%61pi${rest}`, sameRoute: true },
      { url: `/%61%70%69${rest}`, sameRoute: true },
      { url: `/api/${hex(first)}${tail}`, sameRoute: true },
      { url: `/api/${hex(first).toUpperCase()}${tail}`, sameRoute: true },
      { url: `//api/${rest.slice(1).replaceAll('/', '//')}`, sameRoute: true },
      { url: `/api/.${rest}`, sameRoute: true },
      { url: `/api/%2e${rest}`, sameRoute: true },
      { url: `/api/elsewhere/..${rest}`, sameRoute: true },
      { url: `${path}/`, sameRoute: true },
      { url: `/API${rest}`, sameRoute: false },
      { url: `/Api${rest}`, sameRoute: false },
      { url: `/%41pi${rest}`, sameRoute: false },
    ];
  }

  describe('every documented route under encoded variants', () => {
    it('needs credentials exactly as its plain form does', async () => {
      const endpoints = await documentedEndpoints();
      expect(endpoints.length).toBeGreaterThan(30);
      const failures: string[] = [];
      for (const endpoint of endpoints) {
        const plain = await app.inject({ method: endpoint.method as 'GET', url: endpoint.path });
        if (!endpoint.public && plain.statusCode !== 401)
          failures.push(`${endpoint.method} ${endpoint.path}: ${plain.statusCode}`);
        for (const variant of variants(endpoint.path)) {
          const response = await app.inject({ method: endpoint.method as 'GET', url: variant.url });
          // a public route spelled in a case the router does not know is an unknown /api path: 401
          const expected = endpoint.public && !variant.sameRoute ? 401 : plain.statusCode;
          if (response.statusCode !== expected)
            failures.push(
              `${endpoint.method} ${variant.url}: ${response.statusCode} ≠ ${expected}`,
            );
        }
      }
      expect(failures).toEqual([]);
    });

    it('refuses every cookie-authenticated write from another site', async () => {
      const failures: string[] = [];
      for (const endpoint of await documentedEndpoints()) {
        if (!UNSAFE.has(endpoint.method)) continue;
        for (const url of [
          endpoint.path,
          ...variants(endpoint.path).map((variant) => variant.url),
        ]) {
          const response = await app.inject({
            method: endpoint.method as 'POST',
            url,
            headers: { cookie, origin: 'https://evil.test' },
            payload: {},
          });
          if (response.statusCode !== 403)
            failures.push(`${endpoint.method} ${url}: ${response.statusCode}`);
        }
      }
      expect(failures).toEqual([]);
    });

    it('reaches the same handler with credentials when the router knows the spelling', async () => {
      const failures: string[] = [];
      for (const endpoint of await documentedEndpoints()) {
        if (endpoint.method !== 'GET') continue;
        const plain = await app.inject({ url: endpoint.path, headers: bearer });
        for (const variant of variants(endpoint.path)) {
          const response = await app.inject({ url: variant.url, headers: bearer });
          const expected = variant.sameRoute ? plain.statusCode : 404;
          if (response.statusCode !== expected)
            failures.push(`GET ${variant.url}: ${response.statusCode} ≠ ${expected}`);
        }
      }
      expect(failures).toEqual([]);
    });

    it('a cross-site POST to /%61pi/links/CODE/disable leaves the link on', async () => {
      await app.inject({
        method: 'POST',
        url: '/api/links',
        headers: bearer,
        payload: { url: 'https://lumen.fr', campaign: 'c', source: 'x', code: 'keep-on' },
      });
      const cross = await app.inject({
        method: 'POST',
        url: '/%61pi/links/keep-on/disable',
        headers: { cookie, origin: 'https://evil.test' },
      });
      expect(cross.statusCode).toBe(403);
      const [row] = await store.all("SELECT disabled FROM links WHERE code = 'keep-on'");
      expect(row.disabled).toBe(false);
    });
  });
});
